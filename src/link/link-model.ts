import { readFileSync } from "node:fs";
import type { EventDigest } from "../model/digest.ts";
import type { RelationType } from "../model/link.ts";
import { type Logistic, predict } from "./fit-logistic.ts";
import type { IndexedDoc } from "./link-index.ts";
import { bestText, type PairEvidence } from "./score-pair.ts";

/**
 * A learned storyline score: a logistic model over what two events share (text overlaps, names, actors,
 * countries, theatres, time, cues, relation type), fitted by scripts/link-train.ts on labelled stories
 * (src/link/link-model.json says on which). It replaces a hand-set curve over the best text overlap alone:
 * weights learned from thousands of labelled pairs say how much a shared rare name, a shared country or a week's
 * gap is worth next to the words.
 */
export interface LinkModel extends Logistic {
  /** What the weights were fitted on, and how (for docs and the record). */
  trainedOn: string;
  /** FEATURE_NAMES when fitted (the inputs' order). */
  features: string[];
  /** Links whose probability is below this are not kept (the operating point chosen when fitting). */
  threshold: number;
  /**
   * A first, cheap score on the measures every candidate gets (GATE_FEATURES), fitted to pass the pairs the full
   * model keeps: the full evidence and relation typing are worked out only for candidates that pass it.
   */
  gate: Gate;
}

/** A logistic score on GATE_FEATURES and the value it must reach. */
export interface Gate extends Logistic {
  /** GATE_FEATURES when fitted. */
  features: string[];
  threshold: number;
}

/** A candidate's cheap measures (link-event.ts): what the index gives before the full evidence. */
export interface Measured {
  other: IndexedDoc;
  sim: { text: number; entity: number };
  core: number;
  unit: number;
  /** The best of sim.text, core and unit. */
  text: number;
}

/** The gate's inputs: a subset of FEATURE_NAMES, known from the cheap measures alone. */
export const GATE_FEATURES = [
  "text",
  "text>0.3",
  "similarity",
  "coreOverlap",
  "unitSimilarity",
  "entitySimilarity",
  "logDays",
  "gapToBest",
  "rank",
] as const;

/** The gate's inputs, in GATE_FEATURES order: the same values as those columns of pairFeatures. */
export function gateInputs(m: Measured, days: number, standing: Standing): number[] {
  return [
    m.text,
    hinge(m.text, 0.3),
    m.sim.text,
    m.core,
    m.unit,
    m.sim.entity,
    Math.log1p(days),
    standing.gap,
    cap(standing.rank, 5),
  ];
}

/** True when a candidate is worth the full evidence and the model's score. */
export function passesGate(m: LinkModel, c: Measured, days: number, standing: Standing): boolean {
  const g = m.gate;
  return predict(g, gateInputs(c, days, standing)) >= g.threshold;
}

/** The relation of a candidate pair as typed before scoring. */
export interface PairRelation {
  type: RelationType;
  cued: boolean;
}

const cap = (n: number, max: number) => Math.min(n, max);
const hinge = (x: number, at: number) => Math.max(0, x - at);

/** Names of the model's inputs, in order (pairFeatures). */
export const FEATURE_NAMES = [
  "text",
  "text>0.3",
  "text>0.5",
  "similarity",
  "coreOverlap",
  "unitSimilarity",
  "entitySimilarity",
  "sharedActors",
  "sharedCountries",
  "countryConflict",
  "sharedNames",
  "sharedPlaces",
  "sharedTerms",
  "sharedTheatre",
  "logDays",
  "cued",
  "update",
  "response",
  "escalation",
  "parallel",
  "contradicts",
  "sameType",
  "bothTyped",
  "gapToBest",
  "rank",
  "nameIdf",
  "termIdf",
  "text×logDays",
  "text×countryConflict",
  "text×sharedCountry",
] as const;

/** How a candidate stands among the other candidates of the same event. */
export interface Standing {
  /** The best candidate's text overlap minus this one's. */
  gap: number;
  /** 0 for the best by text overlap. */
  rank: number;
}

/** The model's inputs for an earlier event `older` as a candidate of `newer`. */
export function pairFeatures(
  e: PairEvidence,
  relation: PairRelation,
  newer: Pick<EventDigest, "type">,
  older: Pick<EventDigest, "type">,
  standing: Standing,
): number[] {
  const text = bestText(e);
  const t = relation.type;
  return [
    text,
    hinge(text, 0.3),
    hinge(text, 0.5),
    e.similarity,
    e.coreOverlap,
    e.unitSimilarity,
    e.entitySimilarity,
    cap(e.sharedActors.length, 3),
    cap(e.sharedCountries.length, 3),
    e.countryConflict ? 1 : 0,
    cap(e.sharedNames.length, 3),
    cap(e.sharedPlaces.length - e.sharedCountries.length, 3),
    cap(e.sharedTerms.length, 5),
    e.sharedTheatres.length ? 1 : 0,
    Math.log1p(e.days),
    relation.cued ? 1 : 0,
    t === "update" ? 1 : 0,
    t === "response" ? 1 : 0,
    t === "escalation" || t === "de-escalation" ? 1 : 0,
    t === "parallel" ? 1 : 0,
    t === "contradicts" ? 1 : 0,
    newer.type && newer.type === older.type ? 1 : 0,
    newer.type && older.type ? 1 : 0,
    standing.gap,
    cap(standing.rank, 5),
    e.nameIdf,
    e.termIdf,
    text * Math.log1p(e.days),
    e.countryConflict ? text : 0,
    e.sharedCountries.length ? text : 0,
  ];
}

/** The model's probability that the two events belong to one story. */
export function modelScore(m: LinkModel, x: number[]): number {
  return predict(m, x);
}

/** The shipped model (src/link/link-model.json, fitted by scripts/link-train.ts). */
export const DEFAULT_LINK_MODEL: LinkModel = JSON.parse(
  readFileSync(new URL("./link-model.json", import.meta.url), "utf8"),
) as LinkModel;
