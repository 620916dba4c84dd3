import { lookupAt, lookupWord } from "./gazetteer/index.ts";
import type { Entry } from "./gazetteer/types.ts";
import type { Token } from "./tokenize.ts";

/** A gazetteer entry found at tokens [start, end). */
export interface Hit {
  start: number;
  end: number;
  entry: Entry;
  /** Part of a hyphenated compound naming two sides ("Greek-Cypriot", "Israeli-Palestinian"). */
  compound: boolean;
}

// "pro-Iranian", "Syrian-backed", "UN-brokered": the country qualifies something else and is not an actor.
const SKIP_PREFIX = new Set(["pro", "anti", "non", "ex", "post", "pre", "trans", "inter"]);
const SKIP_SUFFIX = new Set(
  (
    "backed allied brokered owned based born member members speaking made funded sponsored run held controlled " +
    "supported bound style type mediated friendly leaning aligned linked affiliated inspired " +
    "imposed occupied claimed annexed origin"
  ).split(" "),
);
const ACTOR_KINDS = new Set(["country", "demonym", "people", "org"]);

function hyphenHits(token: Token, at: number): Hit[] {
  const parts = token.text.split("-");
  const lowerFirst = parts[0].toLowerCase();
  const lowerLast = parts[parts.length - 1].toLowerCase();
  if (SKIP_PREFIX.has(lowerFirst) || SKIP_SUFFIX.has(lowerLast)) return [];
  if (lowerLast === "led" && parts.length === 2) {
    const e = lookupWord(parts[0]);
    return e && ACTOR_KINDS.has(e.kind) ? [{ start: at, end: at + 1, entry: e, compound: false }] : [];
  }
  const out: Hit[] = [];
  for (const p of parts) {
    const e = lookupWord(p);
    if (e && ACTOR_KINDS.has(e.kind)) out.push({ start: at, end: at + 1, entry: e, compound: true });
  }
  return out;
}

/** Finds gazetteer phrases in a token list, longest match first, left to right. */
export function matchEntries(tokens: Token[]): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    const e = lookupAt(tokens, i);
    if (e) {
      hits.push({ start: i, end: i + e.tokens.length, entry: e, compound: false });
      i += e.tokens.length;
      continue;
    }
    if (t.text.includes("-") && t.text.length > 3) for (const h of hyphenHits(t, i)) hits.push(h);
    i++;
  }
  return hits;
}
