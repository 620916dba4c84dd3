import { BoundedMap } from "../model/bounded-map.ts";
import { COUNTRY_PHRASES } from "./country-table.ts";
import { isStopword } from "./terms.ts";

/** A proper-name mention: a country or place from the fallback table, or another capitalized name. */
export interface NameMention {
  text: string;
  kind: "country" | "place" | "name";
  iso3: string | null;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.'’-]*|[.!?;:]/gu;
const JOINERS = new Set(["of", "de", "al", "el", "bin", "von", "van", "da", "del", "la", "le"]);

function isCap(t: string): boolean {
  const c = t[0];
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

function clean(t: string): string {
  return t.replace(/[’']s$/, "").replace(/\.$/, (m) => (/^(?:[A-Z]\.)+$/.test(t) ? m : ""));
}

/** Matches the longest fallback-table phrase starting at `i` (case-insensitive, first word capitalized). */
function matchCountry(tokens: string[], i: number): { len: number; iso3: string; place: boolean } | null {
  const first = clean(tokens[i]).toLowerCase();
  for (const p of COUNTRY_PHRASES.get(first) ?? []) {
    let ok = true;
    for (let k = 1; k < p.words.length && ok; k++)
      ok = clean(tokens[i + k] ?? "").toLowerCase() === p.words[k];
    if (ok) return { len: p.words.length, iso3: p.iso3, place: p.place };
  }
  return null;
}

// A member report's text is read for its places when it is indexed and again for its features: the last few
// thousand texts' names are kept (the result is shared: callers must not change it).
const named = new BoundedMap<string, readonly NameMention[]>(4096);

/** Finds countries, places and other capitalized names in English text (a heuristic used when no actor finder is given). */
export function findNames(text: string): readonly NameMention[] {
  const known = named.get(text);
  if (known) return known;
  const out = scanNames(text);
  named.set(text, out);
  return out;
}

function scanNames(text: string): NameMention[] {
  // "US-Iran", "Russia–Ukraine": two names joined by a hyphen are two mentions.
  const spaced = text.replace(/(\p{Lu}[\p{L}.]*)[-–](?=\p{Lu})/gu, "$1 ");
  const tokens = [...spaced.matchAll(TOKEN)].map((m) => m[0]);
  const out: NameMention[] = [];
  let sentenceStart = true;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    if (/^[.!?;:]$/.test(t)) {
      sentenceStart = t !== ":" && t !== ";" ? true : sentenceStart;
      i++;
      continue;
    }
    if (!isCap(t)) {
      sentenceStart = false;
      i++;
      continue;
    }
    const c = matchCountry(tokens, i);
    if (c) {
      out.push({
        text: tokens
          .slice(i, i + c.len)
          .map(clean)
          .join(" "),
        kind: c.place ? "place" : "country",
        iso3: c.iso3,
      });
      i += c.len;
      sentenceStart = false;
      continue;
    }
    let j = i + 1;
    while (
      j < tokens.length &&
      (isCap(tokens[j]) || (JOINERS.has(tokens[j]) && isCap(tokens[j + 1] ?? "")))
    ) {
      if (matchCountry(tokens, j)) break;
      j++;
    }
    const words = tokens.slice(i, j).map(clean);
    while (words.length && isStopword(words[0].toLowerCase())) words.shift();
    const single = words.length === 1;
    if (words.length && !(sentenceStart && single && j === i + 1))
      out.push({ text: words.join(" "), kind: "name", iso3: null });
    sentenceStart = false;
    i = j;
  }
  return out;
}
