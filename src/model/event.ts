import type { ActorResponse, SentenceRef } from "./actor.ts";

/**
 * PLOVER event categories. The 2021 manual's 16 plus the four that the PLOVER gold-standard records use:
 * DEMAND (≈ REQUEST), DISAPPROVE (≈ ACCUSE), INVESTIGATE (ACCUSE/investigate) and FIGHT (conventional force,
 * split from ASSAULT). The classifier emits the gold-standard labels.
 */
export const PLOVER_TYPES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
  "DEMAND",
  "DISAPPROVE",
  "INVESTIGATE",
  "FIGHT",
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** Escalation direction against the theatre's recent events. */
export type Direction = "escalating" | "de-escalating" | "steady" | "unknown";

/** A generated sentence with the source sentences that support it. */
export interface GroundedText {
  text: string;
  support: SentenceRef[];
}

/** One change to an event record, for its changelog. */
export interface EventChange {
  at: string;
  kind: "created" | "source-added" | "resynthesized" | "merged" | "split" | "linked";
  detail: string;
}

/** The synthesized part of an event record. */
export interface EventRecord {
  title: string;
  summary: GroundedText[];
  significance: GroundedText;
  content: string;
  responses: ActorResponse[];
  type: PloverType | null;
  intensity: number | null;
  direction: Direction;
  location: string | null;
  theatres: string[];
  engine: string;
  /** Fields that fell back to the extractive engine, with reasons. */
  fallbacks: string[];
}

/** A real-world event: a cluster of articles with a stable id. */
export interface SitrepEvent {
  id: number;
  /** When merged into another event, the id it redirects to. */
  redirectTo: number | null;
  firstSeen: string;
  lastUpdated: string;
  articleCount: number;
  sourceCount: number;
  topEntities: string[];
  record: EventRecord | null;
}
