import type { Entry } from "./gazetteer/types.ts";
import { NAME_PARTICLES, NP_FILLERS } from "./gazetteer/vocabulary.ts";
import type { Hit } from "./match-entries.ts";
import type { Token } from "./tokenize.ts";

const MODIFIER_KINDS = new Set(["country", "demonym", "people", "place", "org", "person"]);
const HEAD_KINDS = new Set(["organ", "title", "generic", "ethnic"]);
/** Capitalized words that never start or continue a name. */
export const NOT_NAMES = new Set(
  (
    "the a an in on at he she they it his her its their but and or if as mr mrs ms dr monday tuesday wednesday " +
    "thursday friday saturday sunday january february march april june july august september october november " +
    "december today yesterday tomorrow"
  ).split(" "),
);
const ALPHA_RE = /^\p{L}/u;

/** Text of tokens [a, b) as written in the sentence. */
export function spanText(sentence: string, tokens: Token[], a: number, b: number): string {
  return sentence.slice(tokens[a].start, tokens[b - 1].end);
}

function isFiller(t: Token, at: (Hit | undefined)[], j: number): boolean {
  if (at[j]) return false;
  return NP_FILLERS.has(t.lower) || (t.cap && ALPHA_RE.test(t.text) && !NOT_NAMES.has(t.lower));
}

/** A name captured after a title: a known person or new words. */
export interface NameResult {
  end: number;
  person: Entry | null;
  name: string | null;
}

/** Captures the personal name after a title ("President Elias Hrawi"). */
export function captureName(
  sentence: string,
  tokens: Token[],
  at: (Hit | undefined)[],
  from: number,
): NameResult {
  let k = from;
  let count = 0;
  while (k < tokens.length && count < 5) {
    const t = tokens[k];
    const h = at[k];
    if (h) {
      if (h.entry.kind === "person") return { end: h.end, person: h.entry, name: null };
      break;
    }
    if (t.cap && ALPHA_RE.test(t.text) && !NOT_NAMES.has(t.lower)) {
      count++;
      k++;
      continue;
    }
    const next = tokens[k + 1];
    if (count > 0 && NAME_PARTICLES.has(t.lower) && next?.cap) {
      k++;
      continue;
    }
    break;
  }
  if (count === 0) return { end: from, person: null, name: null };
  return { end: k, person: null, name: spanText(sentence, tokens, from, k) };
}

/** A noun phrase around gazetteer hits: country modifier, heads (organ, title, group noun). */
export interface Np {
  modifier: Entry | null;
  heads: Entry[];
  headStart: number;
  headEnd: number;
  end: number;
  ethnic: boolean;
}

/** Scans the noun phrase that starts with the hit at token i. */
export function scanNp(tokens: Token[], at: (Hit | undefined)[], i: number): Np {
  const first = at[i]!;
  const np: Np = { modifier: null, heads: [], headStart: -1, headEnd: -1, end: first.end, ethnic: false };
  np.ethnic = i > 0 && tokens[i - 1].lower === "ethnic";
  if (MODIFIER_KINDS.has(first.entry.kind)) np.modifier = first.entry;
  else {
    np.heads.push(first.entry);
    np.headStart = i;
    np.headEnd = first.end;
  }
  let j = first.end;
  let fillers = 0;
  let possessive = false;
  while (j < tokens.length) {
    const h = at[j];
    if (tokens[j].lower === "'s" && np.modifier && np.heads.length === 0 && !possessive) {
      possessive = true;
      j++;
      continue;
    }
    const kind = h?.entry.kind;
    const peopleHead = (kind === "people" || kind === "demonym") && np.modifier !== null;
    if (h && kind && (HEAD_KINDS.has(kind) || peopleHead)) {
      if (np.headStart < 0) np.headStart = j;
      np.heads.push(peopleHead ? { ...h.entry, kind: "ethnic", sector: "CVL", iso3: null } : h.entry);
      j = h.end;
      np.end = j;
      np.headEnd = j;
      fillers = 0;
      continue;
    }
    if (fillers < 3 && isFiller(tokens[j], at, j)) {
      fillers++;
      j++;
      continue;
    }
    break;
  }
  return np;
}

// "head of the self-proclaimed DPR", "leader of breakaway Abkhazia": words that only qualify the state's status.
const UNRECOGNISED = new Set([
  "self-proclaimed",
  "self-declared",
  "self-styled",
  "breakaway",
  "unrecognised",
  "unrecognized",
]);

// "president of Armenia", "Secretary-General of the United Nations": the country comes after the title.
/** Takes a country named after the head ("president of Armenia"). */
export function ofModifier(tokens: Token[], at: (Hit | undefined)[], np: Np): void {
  let k = np.end;
  if (tokens[k]?.lower !== "of") return;
  k++;
  if (tokens[k]?.lower === "the") k++;
  if (UNRECOGNISED.has(tokens[k]?.lower ?? "")) k++;
  const h = at[k];
  if (h && (h.entry.kind === "country" || h.entry.kind === "org" || h.entry.authority)) {
    np.modifier = h.entry;
    np.end = h.end;
  }
}

// "Planning and Investment Minister": capitalized words before a title belong to the role.
/** Start of a role that runs left over capitalized words ("Planning and Investment Minister"). */
export function extendRoleLeft(tokens: Token[], at: (Hit | undefined)[], start: number): number {
  let k = start;
  while (
    k > 0 &&
    !at[k - 1] &&
    (tokens[k - 1].cap || tokens[k - 1].lower === "and") &&
    ALPHA_RE.test(tokens[k - 1].text)
  ) {
    if (NOT_NAMES.has(tokens[k - 1].lower)) break;
    k--;
  }
  while (k < start && tokens[k].lower === "and") k++;
  return k;
}
