import type { EventDigest } from "../model/digest.ts";
import { findNames } from "./find-names.ts";
import { contentTerms, isStopword } from "./terms.ts";

/** Feature groups of a digest: text terms, name words, actors, countries, places, theatres. */
export type FeatureGroup = "t" | "n" | "a" | "c" | "p" | "h";

/** How much one unit of a group counts next to a text term (entities are stronger evidence than words). */
export const GROUP_WEIGHT: Readonly<Record<FeatureGroup, number>> = {
  t: 1,
  n: 1.5,
  a: 1.5,
  c: 1,
  p: 1.5,
  h: 1.5,
};

/** A digest's features (group-prefixed keys such as "t:ceasefir", "n:guaidó", "c:IRN") with their term frequency. */
export function digestFeatures(
  d: EventDigest,
  names = findNames(d.text.startsWith(d.title) ? d.text : `${d.title}. ${d.text}`),
): Map<string, number> {
  const f = new Map<string, number>();
  const add = (key: string, n = 1) => f.set(key, (f.get(key) ?? 0) + n);
  const text = d.text.startsWith(d.title) ? d.text : `${d.title}. ${d.text}`;
  for (const t of contentTerms(text)) add(`t:${t}`);
  for (const m of names) {
    if (m.kind !== "name") continue;
    for (const w of m.text.toLowerCase().split(/[\s-]+/)) if (w.length > 2 && !isStopword(w)) add(`n:${w}`);
  }
  for (const a of d.actors) add(`a:${a}`);
  for (const c of d.countries) add(`c:${c}`);
  for (const p of d.places) add(`p:${p.toLowerCase()}`);
  for (const h of d.theatres) add(`h:${h}`);
  return f;
}

/** The group of a feature key. */
export function groupOf(key: string): FeatureGroup {
  return key[0] as FeatureGroup;
}
