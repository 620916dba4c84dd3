import { analyzeSentence, type SentenceAnalysis } from "../actors/analyze-sentence.ts";
import { analyzeClauses } from "../actors/clauses.ts";
import type { SpanMention } from "../actors/mention.ts";
import { assignRoles, roleCodes } from "../actors/sentence-roles.ts";
import type { Actor } from "../model/actor.ts";
import { BoundedMap } from "../model/bounded-map.ts";
import type { PloverType } from "../model/event.ts";
import { decideEvent } from "./classify-event.ts";
import { goldsteinForCameo, goldsteinForType } from "./goldstein.ts";

/** A sentence coded as an event: who acted on whom, the PLOVER type and its Goldstein intensity. */
export interface CodedSentence {
  /** Source codes (ISO-3, IGO, NGO, IMG). */
  source: string[];
  target: string[];
  sourceActors: Actor[];
  targetActors: Actor[];
  event: PloverType | null;
  /** CAMEO code behind the type, when a cue gave one. */
  cameo: string | null;
  /** Goldstein weight −10..+10, null when no event was recognised. */
  intensity: number | null;
  /** The words that decided the type. */
  cue: string | null;
}

const STATE_SECTORS = new Set(["MIL", "COP", "GOV"]);

// Conventional force (FIGHT) when a state or its forces attack; unconventional violence (ASSAULT) otherwise.
function violenceType(sources: SpanMention[]): PloverType {
  const state = sources.some(
    (m) => (m.actor.sector && STATE_SECTORS.has(m.actor.sector)) || m.actor.kind === "country",
  );
  return state ? "FIGHT" : "ASSAULT";
}

function actorsOf(mentions: SpanMention[]): Actor[] {
  const seen = new Set<string>();
  const out: Actor[] = [];
  for (const m of mentions) {
    if (seen.has(m.actor.id)) continue;
    seen.add(m.actor.id);
    out.push(m.actor);
  }
  return out;
}

/** Codes one sentence: source and target actors, PLOVER event type and Goldstein intensity. */
export function codeSentence(text: string): CodedSentence {
  return readSentence(text).coded;
}

/** A sentence's analysis and its coding, shared: callers must not change them. */
export interface ReadSentence {
  analysis: Readonly<SentenceAnalysis>;
  coded: Readonly<CodedSentence>;
}

// An event's lead sentences are read again each time the event gains a report, and again to digest it for
// linking: one reading per text serves them all. Both are pure functions of the text; the oldest go first.
const read = new BoundedMap<string, ReadSentence>(20_000);

/** analyzeSentence and codeAnalyzed of a text, remembered for the last 20,000 texts (results are shared). */
export function readSentence(text: string): ReadSentence {
  const known = read.get(text);
  if (known) return known;
  const analysis = analyzeSentence(text);
  const out = { analysis, coded: codeAnalyzed(analysis) };
  read.set(text, out);
  return out;
}

/** Adds readings made elsewhere (the ingest's second thread) as if read here. */
export function rememberReadings(readings: [string, ReadSentence][]): void {
  for (const [text, r] of readings) if (!read.has(text)) read.set(text, r);
}

/** Codes a sentence already analyzed by analyzeSentence (reuse its mentions instead of analyzing twice). */
export function codeAnalyzed(a: SentenceAnalysis): CodedSentence {
  const text = a.text;
  const clauses = analyzeClauses(a.tokens);
  const d = decideEvent(a.tokens, clauses, a.mentions);
  const roles = assignRoles(
    a,
    clauses,
    d.anchor && d.type === "SUPPORT" ? { ...d.anchor, backing: true } : d.anchor,
  );
  let type = d.type;
  let cameo = d.cameo;
  if (d.violence) {
    // "Five people were killed in Israel": a place is not an attacker, so the violence stays unconventional.
    type = violenceType(roles.agentless ? [] : roles.source);
    cameo = type === "FIGHT" ? "190" : "180";
  }
  const intensity = type ? ((cameo ? goldsteinForCameo(cameo) : null) ?? goldsteinForType(type)) : null;
  const cue = d.cue ? text.slice(a.tokens[d.cue.start].start, a.tokens[d.cue.end - 1].end) : null;
  return {
    source: roleCodes(roles.source),
    target: roleCodes(roles.target),
    sourceActors: actorsOf(roles.source),
    targetActors: actorsOf(roles.target),
    event: type,
    cameo,
    intensity,
    cue,
  };
}
