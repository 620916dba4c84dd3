import type { RelationType } from "../model/link.ts";
import type { IndexedDoc, LinkIndex } from "./link-index.ts";

/** What two events share, as measured by the index: the evidence behind a link. */
export interface PairEvidence {
  /** IDF-weighted cosine of the two events' words and names. */
  similarity: number;
  /** Share of what each event is mostly about (its strongest features) that the other has too. */
  coreOverlap: number;
  /** Best similarity between one member report of each (0 when not measured). */
  unitSimilarity: number;
  /** IDF-weighted cosine of their actors, countries, places and theatres. */
  entitySimilarity: number;
  sharedActors: string[];
  /** Shared countries (ISO-3) and places. */
  sharedPlaces: string[];
  sharedCountries: string[];
  /** Shared capitalized names that are rare in the window (idf ≥ RARE_IDF), rarest first. */
  sharedNames: string[];
  /** Shared text terms, most specific first (at most 5). */
  sharedTerms: string[];
  sharedTheatres: string[];
  /** IDF of the rarest shared name (0: none), and summed IDF of the three most specific shared terms. */
  nameIdf: number;
  termIdf: number;
  /** Both events name countries, but none in common: different stories more often than not. */
  countryConflict: boolean;
  /** Days from the earlier event's first report to the newer one's. */
  days: number;
}

// A name in fewer than ~1 in 20 events of the window (ln 20 ≈ 3) is specific enough to tie two reports.
const RARE_IDF = 3;
const DAY_MS = 86_400_000;

/** Measures what a newer event `a` shares with an earlier event `b`. */
export function scorePair(
  index: LinkIndex,
  a: IndexedDoc,
  b: IndexedDoc,
  unitSimilarity = 0,
  measured?: { sim: { text: number; entity: number }; core: number },
): PairEvidence {
  const shared = { a: [] as string[], c: [] as string[], p: [] as string[], h: [] as string[] };
  const names: { k: string; idf: number }[] = [];
  const terms: { k: string; idf: number }[] = [];
  let aCountries = 0;
  for (const k of a.features.keys()) {
    const g = k[0];
    if (g === "c") aCountries++;
    if (!b.features.has(k)) continue;
    const v = k.slice(2);
    if (g === "a" || g === "c" || g === "p" || g === "h") shared[g].push(v);
    else if (g === "n") {
      const idf = index.idf(k);
      if (idf >= RARE_IDF) names.push({ k: v, idf });
    } else terms.push({ k: v, idf: index.idf(k) });
  }
  let bCountries = 0;
  for (const k of b.features.keys()) if (k[0] === "c") bCountries++;
  names.sort((x, y) => y.idf - x.idf);
  terms.sort((x, y) => y.idf - x.idf);
  const sim = measured?.sim ?? index.similarity(a, b);
  return {
    similarity: sim.text,
    coreOverlap: measured?.core ?? index.coreOverlap(a, b),
    unitSimilarity,
    entitySimilarity: sim.entity,
    sharedActors: shared.a,
    sharedPlaces: [...shared.c, ...shared.p],
    sharedCountries: shared.c,
    sharedNames: names.map((n) => n.k),
    sharedTerms: terms.slice(0, 5).map((t) => t.k),
    sharedTheatres: shared.h,
    nameIdf: names[0]?.idf ?? 0,
    termIdf: terms.slice(0, 3).reduce((a, t) => a + t.idf, 0),
    countryConflict: aCountries > 0 && bCountries > 0 && shared.c.length === 0,
    days: Math.max(0, (a.digest.time - b.digest.time) / DAY_MS),
  };
}

/** Parameters of link confidence. */
export interface ConfidenceParams {
  /** Storyline relatedness (best text overlap of events or member reports + entityWeight × entity similarity) at which confidence is 0.5. */
  midpoint: number;
  /** Steepness of the logistic curve (per unit of relatedness). */
  slope: number;
  /** How much who-and-where counts next to what the texts say. */
  entityWeight: number;
  /** Added when a cue phrase of the newer event names the earlier one ("in response to the strike"). */
  cueBonus: number;
  /** Multiplier when the events name disjoint countries. */
  countryConflict: number;
  /** Longest gap (days) for a theatre link. */
  theatreDays: number;
}

/** Defaults (tuned on CEP 2019–2021, checked on 2022 and the demo corpus; see docs/evaluation.md). */
// On CEP 2021 shared actors and countries without shared words mostly joined different stories of one country:
// entityWeight 0.25 → 0 with midpoint 0.4 → 0.3 moved label precision 0.629 → 0.650 and story recall 0.173 → 0.186.
export const DEFAULT_CONFIDENCE: ConfidenceParams = {
  midpoint: 0.3,
  slope: 12,
  entityWeight: 0,
  cueBonus: 0.1,
  countryConflict: 0.6,
  theatreDays: 14,
};

// Relations that say more than "same story": a theatre link needs one of them.
const TYPED: ReadonlySet<RelationType> = new Set([
  "response",
  "contradicts",
  "escalation",
  "de-escalation",
  "parallel",
]);

/**
 * Confidence that a link is real, from two paths: the same storyline (the texts share what each is mostly
 * about, helped by shared actors and a cue naming the earlier event), or the same theatre (a theatre and two
 * countries in common within two weeks, and a relation the cues or intensities establish). In a civil war both
 * sides are of one country: there, a cue naming the earlier event and two shared actors stand for the second
 * country ("Aid agencies welcomed the Rapid Support Forces' announcement that it accepts a truce").
 */
export function linkConfidence(
  e: PairEvidence,
  relation: { type: RelationType; cued: boolean },
  p: ConfidenceParams = DEFAULT_CONFIDENCE,
  learned?: number,
): number {
  const story = learned ?? handSetStory(e, relation.cued, p);
  const theatre =
    e.sharedTheatres.length > 0 &&
    (e.sharedCountries.length >= 2 || (relation.cued && e.sharedActors.length >= 2)) &&
    e.days <= p.theatreDays &&
    TYPED.has(relation.type)
      ? 0.5 + 0.3 * e.entitySimilarity + (relation.cued ? p.cueBonus : 0)
      : 0;
  return Math.min(1, Math.max(story, theatre));
}

/** The best text overlap of two events: whole texts, their cores, or one member report of each. */
export function bestText(e: PairEvidence): number {
  return Math.max(e.coreOverlap, e.similarity, e.unitSimilarity);
}

function handSetStory(e: PairEvidence, cued: boolean, p: ConfidenceParams): number {
  const related = bestText(e) + p.entityWeight * e.entitySimilarity + (cued ? p.cueBonus : 0);
  const story = 1 / (1 + Math.exp(-p.slope * (related - p.midpoint)));
  return e.countryConflict ? story * p.countryConflict : story;
}
