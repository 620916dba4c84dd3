import type { EventDigest } from "../model/digest.ts";
import type { RelationType } from "../model/link.ts";
import { type CueMatch, findCues } from "./find-cues.ts";
import { findNames } from "./find-names.ts";
import type { PairEvidence } from "./score-pair.ts";

/** The relation chosen for a pair, with the cues that decided it and the intensity change. */
export interface TypedRelation {
  type: RelationType;
  cues: CueMatch[];
  /** Newer minus earlier intensity (Goldstein points), when both are known. */
  intensityChange: number | null;
}

/** What typing needs about a pair: both digests, the evidence, the newer event's cues, and a reference test. */
export interface RelationInput {
  newer: EventDigest;
  older: EventDigest;
  evidence: PairEvidence;
  cues: CueMatch[];
  /** True when a cue's following words name something of the earlier event. */
  refersToOlder: (cue: CueMatch) => boolean;
  /** The earlier event's own cues, when needed (a denial of a denial is no contradiction). */
  olderCues?: CueMatch[];
}

// About one step between CAMEO root categories on the Goldstein scale (the classifier's direction threshold).
const STEP = 2;
const COOPERATIVE_FLOOR = 0;
const PARALLEL_DAYS = 14;
// Two events sharing most of what each is about, and the same kind of act, tell one story.
const SAME_STORY = 0.6;

/** Chooses the relation type of a newer event to an earlier one from cues, intensities and actors (first rule that holds). */
export function relationType(input: RelationInput): TypedRelation {
  const { newer, older, evidence, cues } = input;
  const delta =
    newer.intensity !== null && older.intensity !== null ? round1(newer.intensity - older.intensity) : null;
  const pointing = cues.filter((c) => input.refersToOlder(c));
  const has = (kind: CueMatch["kind"], list = pointing, strongOnly = false) =>
    list.filter((c) => c.kind === kind && (!strongOnly || c.strong));
  const out = (type: RelationType, used: CueMatch[] = []): TypedRelation => ({
    type,
    cues: used,
    intensityChange: delta,
  });
  const olderCooperative = older.intensity !== null && older.intensity > COOPERATIVE_FLOOR;
  const newerCooperative = newer.intensity !== null && newer.intensity >= COOPERATIVE_FLOOR;

  const sameStory = evidence.coreOverlap >= SAME_STORY && newer.type === older.type;
  if (sameStory) return out("update", has("continuation", cues));
  const denial = has("denial");
  const olderDenies = input.olderCues?.some((c) => c.kind === "denial") ?? false;
  if (denial.length && !olderDenies) return out("contradicts", denial);
  const response = has("response", pointing, true);
  if (response.length) return out("response", response);
  // A contrast or a refusal marks the newer event as a hardening whatever it is against; it is quoted only against
  // the earlier event its words name ("despite the ongoing US-Iran talks" is no quote against a ceasefire extension).
  const contrast = has("contrast", cues);
  if (contrast.length && delta !== null && delta <= -STEP && !newerCooperative)
    return out("escalation", contrast.filter(input.refersToOlder));
  const rejection = has("rejection", cues);
  if (rejection.length && olderCooperative && !newerCooperative)
    return out("escalation", rejection.filter(input.refersToOlder));
  if (delta !== null && delta <= -2 * STEP && !newerCooperative && !deniesInHeadline(newer))
    return out("escalation");
  if (delta !== null && delta >= STEP && newerCooperative && !olderCooperative) return out("de-escalation");
  if (isParallel(newer, older, evidence) || has("parallel").length)
    return out("parallel", has("parallel", cues));
  const weak = has("response");
  if (weak.length) return out("response", weak);
  const continuation = has("continuation", cues);
  if (Math.max(evidence.similarity, evidence.coreOverlap) >= 0.3 || continuation.length)
    return out("update", continuation);
  return out("context", has("context", cues));
}

// What an effort toward an end is made of: talks, offers, backing, help. A truce, a release or a concession is an
// outcome, not an effort, and two of them are not parallel efforts ("Ankara welcomes the truce extension" and
// "the Lebanon truce begins" were).
const EFFORTS: ReadonlySet<string> = new Set(["CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT", "REQUEST"]);

// "Israeli officials briefed on advanced US-Iran backchannel": those told of an effort are its audience, not a
// party making an effort of their own.
const AUDIENCE = /\b(?:briefed|informed|told|updated|apprised)\s+(?:on|of|about)\b/i;

// Concurrent efforts toward one end by different actors: the same kind of cooperative act, each side with a
// country the other lacks and at least one they share, within two weeks, not the same story told twice.
function isParallel(newer: EventDigest, older: EventDigest, e: PairEvidence): boolean {
  if (e.days > PARALLEL_DAYS || e.sharedCountries.length === 0 || e.coreOverlap >= 0.5) return false;
  if (AUDIENCE.test(newer.title) || AUDIENCE.test(older.title)) return false;
  if (newer.type === null || newer.type !== older.type || !EFFORTS.has(newer.type)) return false;
  if ((newer.intensity ?? -1) < COOPERATIVE_FLOOR || (older.intensity ?? -1) < COOPERATIVE_FLOOR)
    return false;
  return distinct(newer, older).length > 0 && distinct(older, newer).length > 0;
}

/** Countries of `a`'s headline (all its countries when the headline names none) that `b`'s does not name. */
export function distinct(a: EventDigest, b: EventDigest): string[] {
  const theirs = principals(b);
  return principals(a).filter((c) => !theirs.includes(c));
}

const principalsOf = new WeakMap<EventDigest, string[]>();

/** The countries an event's headline names: who it is mainly about (computed once per digest). */
export function principals(d: EventDigest): string[] {
  let out = principalsOf.get(d);
  if (!out) {
    const named = [...new Set(findNames(d.title).flatMap((m) => (m.iso3 ? [m.iso3] : [])))];
    out = named.length ? named : d.countries;
    principalsOf.set(d, out);
  }
  return out;
}

const headlineDenials = new WeakMap<EventDigest, boolean>();

// "Iran denies formal deal with US, says talks continue": a denial scores low on the Goldstein scale for its verb,
// but it disputes a report; it is no hostile act, and its fall in intensity escalates nothing.
function deniesInHeadline(d: EventDigest): boolean {
  let out = headlineDenials.get(d);
  if (out === undefined) {
    out = findCues([d.title]).some((c) => c.kind === "denial");
    headlineDenials.set(d, out);
  }
  return out;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
