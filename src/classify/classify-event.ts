import type { ClauseInfo } from "../actors/clauses.ts";
import type { SpanMention } from "../actors/mention.ts";
import type { Anchor } from "../actors/sentence-roles.ts";
import type { Token } from "../actors/tokenize.ts";
import type { PloverType } from "../model/event.ts";
import { type CueMatch, findCues } from "./cues.ts";

/** The event type a sentence's cues point to, before the attacker decides ASSAULT vs FIGHT. */
export interface CueDecision {
  type: PloverType | null;
  cameo: string | null;
  /** The phrase that decided the type. */
  cue: CueMatch | null;
  /** The first event word of the main clause, which splits source from target. */
  anchor: Anchor | null;
  /** Violence whose type depends on who attacks ("killed", "attacked"). */
  violence: boolean;
}

const COOPERATIVE = new Set<PloverType>([
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "COOPERATE",
  "AID",
  "CONCEDE",
  "RETREAT",
  "INVESTIGATE",
]);
// CAMEO threat code for an intent to do something hostile ("will impose sanctions" → 131 threaten non-force).
const THREAT_CODE: Partial<Record<PloverType, string>> = {
  FIGHT: "138",
  ASSAULT: "138",
  MOBILIZE: "138",
  COERCE: "132",
  SANCTION: "131",
  PROTEST: "133",
  THREATEN: "130",
};
const NAMED = new Set(["igo", "ngo", "media", "armed-group", "person", "country"]);
const INTENT_REACH = 8;
const VIOLENCE_REACH = 14;

// The verb before a gap ends the anchor: in "ordered the newspaper La Prensa to suspend" the object follows "ordered".
function anchorEnd(m: CueMatch): number {
  const gap = m.cue.elements.findIndex((e) => typeof e === "number");
  return gap < 0 ? m.end : m.start + gap;
}

function toAnchorIn(m: CueMatch, tokens: Token[], blocked: Uint8Array, mentions: SpanMention[]): Anchor {
  // "Turkish troops crossed into northern Iraq to attack …": a purpose infinitive follows the main verb,
  // which is what separates the actors.
  if (m.start > 0 && tokens[m.start - 1].lower === "to") {
    const verb = verbAnchor(tokens, blocked, mentions);
    if (verb && verb.start < m.start - 1) return { ...toAnchor(m), start: verb.start, end: verb.end };
  }
  return toAnchor(m);
}

function toAnchor(m: CueMatch): Anchor {
  const f = m.cue.flags;
  const gapEnd = anchorEnd(m);
  const owner = f.genitiveAgent && gapEnd < m.end;
  return {
    start: m.start,
    end: owner ? m.end : gapEnd,
    ...(owner ? { agentIn: [gapEnd, m.end] as [number, number] } : {}),
    symmetric: f.symmetric,
    swap: f.swap,
    victim: f.victim,
    demandSubject: f.demandSubject,
    recipient: f.recipient,
  };
}

function isShadow(m: CueMatch): boolean {
  const f = m.cue.flags;
  return m.cue.type === null && !f.intent && !f.victim;
}

function intentResult(
  frame: CueMatch,
  rest: CueMatch[],
): { type: PloverType; cameo: string; cue: CueMatch } | null {
  for (const c of rest) {
    if (c.start > frame.end + INTENT_REACH) break;
    if (c.cue.flags.intent || c.cue.type === null) continue;
    const t = c.cue.type;
    if (COOPERATIVE.has(t)) return { type: "AGREE", cameo: frame.cue.cameo, cue: c };
    if (THREAT_CODE[t] && !(frame.cue.type === "AGREE" && t !== "THREATEN")) {
      return { type: "THREATEN", cameo: THREAT_CODE[t] ?? "130", cue: c };
    }
    return { type: frame.cue.type ?? t, cameo: c.cue.cameo, cue: c };
  }
  return frame.cue.type ? { type: frame.cue.type, cameo: frame.cue.cameo, cue: frame } : null;
}

const CAUSE = new Set(["as", "after", "when", "while"]);
const NUMBER_WORDS = new Set(
  (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen twenty thirty " +
    "forty fifty dozens dozen scores hundreds thousands people civilians"
  ).split(" "),
);

// "Eleven killed as RSF drones hit El Obeid", "20 people are killed after Russian missiles strike Kharkiv": a
// casualty count in the passive, with no "by", is the toll of the attack a clause after "as"/"after"/"when"
// names. That clause's violence word is the event, and the actor just before it is the attacker.
function causingAttack(
  c: CueMatch,
  rest: CueMatch[],
  tokens: Token[],
  mentions: SpanMention[],
): { cue: CueMatch; from: number } | null {
  const head = tokens[c.start].lower;
  if (!/(ed|en)$/.test(head) && head !== "shot") return null;
  const before = tokens[c.start - 1];
  const prev = before?.lower ?? "";
  const toll = /^\d[\d,.]*$/.test(prev) || NUMBER_WORDS.has(prev);
  if (
    !toll &&
    !(
      BE.has(prev) &&
      tokens.slice(0, c.start - 1).some((t) => /^\d/.test(t.text) || NUMBER_WORDS.has(t.lower))
    )
  )
    return null;
  for (let k = c.end; k < Math.min(tokens.length, c.end + 6); k++) {
    const w = tokens[k].lower;
    if (w === "by" || w === "," || w === ";") return null;
    if (!CAUSE.has(w)) continue;
    const d = rest.find((r) => r.start > k && r.start <= k + 8);
    if (!d) return null;
    const attack = d.cue.flags.violence || d.cue.type === "ASSAULT" || d.cue.type === "FIGHT";
    const agent = mentions.some((m) => m.start > k && m.end <= d.start && !m.place);
    return attack && agent ? { cue: d, from: k + 1 } : null;
  }
  return null;
}
const BE = new Set(["is", "are", "was", "were", "been", "be"]);

function specificViolence(from: CueMatch, rest: CueMatch[]): CueMatch | null {
  for (const c of rest) {
    if (c.start > from.end + VIOLENCE_REACH) break;
    if ((c.cue.type === "ASSAULT" || c.cue.type === "FIGHT") && !c.cue.flags.violence) return c;
  }
  return null;
}

/** Finds the event cues of a sentence and the PLOVER type and CAMEO code they point to. */
export function decideEvent(tokens: Token[], clauses: ClauseInfo, mentions: SpanMention[] = []): CueDecision {
  const blocked = clauses.blocked.slice();
  for (let k = 0; k < clauses.clauseStart; k++) blocked[k] = 1;
  // Words inside names ("Asia-Pacific Economic Cooperation", "Amnesty International") are not event cues.
  for (const m of mentions) {
    const named = NAMED.has(m.actor.kind);
    const from = named ? m.start : Math.max(1, m.start);
    for (let k = from; k < m.end; k++) if (tokens[k].cap && !blocked[k]) blocked[k] = 2;
  }
  const cues = findCues(tokens, blocked);
  const inv = clauses.inverted;
  const spoken = inv ? cues.find((c) => c.start === inv.verb && c.cue.type) : undefined;
  if (spoken) {
    return {
      type: spoken.cue.type,
      cameo: spoken.cue.cameo,
      cue: spoken,
      anchor: toAnchor(spoken),
      violence: false,
    };
  }
  let anchor: Anchor | null = null;
  for (let i = 0; i < cues.length; i++) {
    const c = cues[i];
    if (isShadow(c) || (inv && c.start >= inv.start)) continue;
    if (c.cue.flags.demandSubject && !actorBefore(c.start, tokens, mentions)) continue;
    if (background(c.start, tokens) || knownState(c, tokens)) continue;
    // "Any attack on our territory will be met with …": an act after "any" is hypothetical, not what happened.
    if (tokens[c.start - 1]?.lower === "any") continue;
    anchor ??= toAnchorIn(c, tokens, blocked, mentions);
    const rest = cues.slice(i + 1);
    if (c.cue.flags.victim) continue;
    if (c.cue.flags.intent) {
      const r = intentResult(c, rest);
      if (r) return { type: r.type, cameo: r.cameo, cue: r.cue, anchor, violence: false };
      continue;
    }
    if (c.cue.flags.violence) {
      // The attack behind an agentless toll, when a later clause names it, is the act; else this violence word.
      const cause = causingAttack(c, rest, tokens, mentions);
      const act = cause?.cue ?? c;
      const at = cause ? { ...toAnchor(cause.cue), agentFrom: cause.from } : anchor;
      const after = cause ? rest.slice(rest.indexOf(cause.cue) + 1) : rest;
      const s = act.cue.flags.violence ? specificViolence(act, after) : act;
      if (s) return { type: s.cue.type, cameo: s.cue.cameo, cue: s, anchor: at, violence: false };
      return { type: act.cue.type, cameo: act.cue.cameo, cue: act, anchor: at, violence: true };
    }
    return { type: c.cue.type, cameo: c.cue.cameo, cue: c, anchor, violence: false };
  }
  return {
    type: null,
    cameo: null,
    cue: null,
    anchor: anchor ?? verbAnchor(tokens, blocked, mentions),
    violence: false,
  };
}

// "… disqualified from the contest due to its invasion of Ukraine", "… following the invasion": a known event
// named as the reason or the occasion (a definite or possessive noun after "due to", "over", "following" …) is
// the background of what the sentence reports, not the event itself.
const REASONS = new Set(["over", "following", "amid", "despite", "to", "of"]);
const DEFINITE = new Set(["the", "its", "their", "his", "her"]);

function background(at: number, tokens: Token[]): boolean {
  const det = tokens[at - 1]?.lower;
  if (!det || !(DEFINITE.has(det) || /['’]s$/.test(tokens[at - 1].text))) return false;
  const k = tokens[at - 2]?.lower;
  if (!k || !REASONS.has(k)) return false;
  // "due to", "because of", "in response to"; a bare "to"/"of" is no reason ("pledged to its allies").
  if (k === "to") return ["due", "owing", "response"].includes(tokens[at - 3]?.lower ?? "");
  if (k === "of") return tokens[at - 3]?.lower === "because";
  return true;
}

const DATED = new Set(["deadline", "deadlines", "expiry"]);
const KNOWN = new Set(["the", "its", "their", "this", "that", "his", "her", "our"]);
const HAPPENS = new Set(
  (
    "effect force hold holds held begin begins began begun start starts started declared agreed reached announced " +
    "brokered signed extended renewed prolonged collapsed collapses broke breaks expired expires ended ends activated"
  ).split(" "),
);
// "announced a 21-day extension of the ceasefire": what was done to the known truce, named before it.
const DONE_TO = new Set(
  "extension renewal announcement declaration announced declared agreed extended extend extends renewed signed".split(
    " ",
  ),
);

// "the ceasefire is a victory for the Resistance", "a statement on the truce": a known truce, named with "the" or a
// possessive (across its modifiers: "the 10-day Lebanon truce"), is what the sentence is about, not what happened,
// unless an event verb follows ("the ceasefire took effect at midnight", "the truce has been extended") or what was
// done to it comes just before ("announced a 21-day extension of the ceasefire").
function knownState(c: CueMatch, tokens: Token[]): boolean {
  if (!c.cue.flags.state) return false;
  // "ahead of the truce deadline": the truce names the date, not an act.
  if (DATED.has(tokens[c.end]?.lower ?? "")) return true;
  let k = c.start - 1;
  while (
    k >= 0 &&
    k >= c.start - 4 &&
    !KNOWN.has(tokens[k].lower) &&
    (tokens[k].cap || /[-\d]/.test(tokens[k].text))
  )
    k--;
  const det = tokens[k];
  if (!det || !(KNOWN.has(det.lower) || /['’]s$/.test(det.text))) return false;
  for (let j = c.end; j < Math.min(tokens.length, c.end + 8); j++)
    if (HAPPENS.has(tokens[j].lower)) return false;
  for (let j = Math.max(0, k - 4); j < k; j++) if (DONE_TO.has(tokens[j].lower)) return false;
  return true;
}

// Who "must"/"should" do something: an actor, a pronoun for one, or a collective of actors.
const ACTING_WORDS = new Set(
  (
    "he she they we you i it parties sides government governments forces troops militants rebels leaders " +
    "authorities countries nations states officials allies members powers regime administration"
  ).split(" "),
);

// "Peace must come with dignity" states a condition, not a demand: "must" demands only of an actor.
function actorBefore(at: number, tokens: Token[], mentions: SpanMention[]): boolean {
  const k = at - 1;
  if (k < 0) return false;
  if (mentions.some((m) => m.start <= k && k < m.end)) return true;
  return ACTING_WORDS.has(tokens[k].lower);
}

const FINITE = new Set("is are was were has have had will would can could says said".split(" "));

// Without a cue, the first verb after the first actor still splits subject from object ("X entered Y").
function verbAnchor(tokens: Token[], blocked: Uint8Array, mentions: SpanMention[]): Anchor | null {
  const from = mentions.find((m) => !blocked[m.start])?.end ?? 0;
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (blocked[k] === 1) break;
    if (t.cap || !/^\p{Ll}+$/u.test(t.text)) continue;
    if (FINITE.has(t.lower) || (t.lower.length > 4 && t.lower.endsWith("ed")))
      return { start: k, end: k + 1 };
  }
  return null;
}
