import type { EventDigest } from "../model/digest.ts";
import type { EventLink } from "../model/link.ts";
import { defaultNameOf, explainLink, type NameOf } from "./explain-link.ts";
import { type CueMatch, findCues } from "./find-cues.ts";
import type { IndexedDoc, LinkIndex } from "./link-index.ts";
import {
  DEFAULT_LINK_MODEL,
  type LinkModel,
  type Measured,
  modelScore,
  pairFeatures,
  passesGate,
} from "./link-model.ts";
import { relationType, type TypedRelation } from "./relation-type.ts";
import { type ConfidenceParams, DEFAULT_CONFIDENCE, linkConfidence, scorePair } from "./score-pair.ts";
import { contentTerms } from "./terms.ts";
import type { UnitIndex } from "./unit-index.ts";

/** How many links an event keeps and how sure each must be. */
export interface LinkOptions {
  /** At most this many links out of one event, best first. */
  maxLinks: number;
  /** Of those, at most this many that only the theatre path (linkConfidence) keeps. */
  maxTheatreLinks: number;
  /** Links below this confidence are dropped. */
  minConfidence: number;
  /** Between events placed in different theatres (both placed, none shared), links below this are dropped. */
  minApartConfidence: number;
  confidence: ConfidenceParams;
}

/**
 * Defaults (tuned on CEP 2021, checked on 2022). Every link that clears the floor is kept, up to `maxLinks`: an
 * event gathers reports of several threads, and each earlier event holding one of them is a link a reader wants.
 * A floor relative to the best link and skipping targets that look like an already kept one (both tried) only
 * dropped right links: on CEP 2021 label precision 0.596 → 0.629 and story recall 0.163 → 0.173 without them.
 * With the learned score, 5 → 8 links raised both metrics (2022 0.613/0.337 → 0.632/0.345, 2019–2022 0.605/0.380 →
 * 0.635/0.384; 3 lowered both, 12 and 20 added under 0.01); past the fifth, only links the score puts in one story
 * (not theatre links typed by intensity alone). `minConfidence` is the hand-set curve's floor. Events placed in
 * different theatres ("US blacklists tankers over Iranian oil" and "Sudan accuses the UAE of arming the RSF", both
 * naming the UAE and the US) need 0.6: on CEP 2022 that dropped 42 of 7,611 links, label precision 0.626 → 0.628,
 * story recall unchanged (2019–2022: 0.622 → 0.624, 0.391 → 0.390).
 */
export const DEFAULT_LINK_OPTIONS: LinkOptions = {
  maxLinks: 8,
  maxTheatreLinks: 5,
  minConfidence: 0.5,
  minApartConfidence: 0.6,
  confidence: DEFAULT_CONFIDENCE,
};

const DAY_MS = 86_400_000;

/** A candidate pair as scored, for scripts/link-train.ts: the model's inputs and whether the gate passed it. */
export interface TappedPair {
  from: number;
  to: number;
  x: number[];
  kept: boolean;
}

let tap: ((p: TappedPair) => void) | null = null;
let model: LinkModel | null = DEFAULT_LINK_MODEL;

/** Training only (scripts/link-train.ts, linking in-process): every candidate is scored and shown to `fn`. */
export function tapCandidates(fn: ((p: TappedPair) => void) | null): void {
  tap = fn;
}

/** The learned storyline score linking uses (null: the hand-set curve of linkConfidence). */
export function setLinkModel(m: LinkModel | null): void {
  model = m;
}

/** True when `b` comes before `a`: earlier first report, ties broken by id. */
export function isEarlier(b: IndexedDoc, a: IndexedDoc): boolean {
  const tb = b.digest.time;
  const ta = a.digest.time;
  return tb < ta || (tb === ta && b.digest.id < a.digest.id);
}

/**
 * Links an indexed event to earlier events of the window: bounded candidates from the index, scored,
 * at most `maxLinks` kept by confidence, each typed from cues and intensities and explained.
 */
export function linkEvent(
  index: LinkIndex,
  doc: IndexedDoc,
  options: Partial<LinkOptions> = {},
  nameOf: NameOf = defaultNameOf,
  units?: UnitIndex,
): EventLink[] {
  const o = { ...DEFAULT_LINK_OPTIONS, ...options };
  const from = doc.digest.time - index.options.windowDays * DAY_MS;
  const cues = findCues([doc.digest.title, ...doc.digest.sentences]);
  const reacts = REACTS.has(doc.digest.type ?? "");
  // A denial of what the event's own reports accuse ("… said, accusing Tajik troops of the shooting"; "Tajikistan
  // denied that its forces had opened fire") answers this event, not an earlier one.
  const denies = cues.some((c) => c.kind === "denial") && !accusesItself(doc.digest);
  const byUnit = units?.matches(doc.digest.id) ?? new Map<number, number>();
  const fromUnits = [...byUnit]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, index.options.maxCandidates)
    .map(([id]) => id);
  const eligible = (other: IndexedDoc) => isEarlier(other, doc) && other.digest.lastUpdated >= from;
  // First the cheap measures of every candidate (text overlaps, entity similarity): they rank the candidates and
  // let the learned model's gate, or the hand-set curve's bound, skip most of them before the full evidence.
  const measured: Measured[] = [];
  for (const id of new Set([...index.candidates(doc, eligible), ...fromUnits])) {
    const other = index.get(id);
    if (!other || !isEarlier(other, doc) || other.digest.lastUpdated < from) continue;
    const sim = index.similarity(doc, other);
    const core = index.coreOverlap(doc, other);
    const unit = byUnit.get(id) ?? 0;
    measured.push({ other, sim, core, unit, text: Math.max(sim.text, core, unit) });
  }
  const ranked = [...measured].sort((a, b) => b.text - a.text);
  const best = ranked[0]?.text ?? 0;
  const scored = [];
  for (const [rank, m] of ranked.entries()) {
    const { other } = m;
    const standing = { gap: best - m.text, rank };
    const days = Math.max(0, (doc.digest.time - other.digest.time) / DAY_MS);
    // A shared theatre is a path of its own (linkConfidence): such a pair is always scored in full.
    const kept =
      sharesTheatre(doc, other) ||
      (model ? passesGate(model, m, days, standing) : mayLink(m, o, cues.length > 0));
    if (!kept && !tap) continue;
    const evidence = scorePair(index, doc, other, m.unit, m);
    const core = new Set(index.core(other).map((x) => x.f));
    const points = (c: CueMatch) =>
      (c.kind !== "denial" || denies) && refersTo(index, c, other, core, reacts);
    const typed = relationType({
      newer: doc.digest,
      older: other.digest,
      evidence,
      cues,
      refersToOlder: points,
      olderCues: denies ? findCues([other.digest.title, ...other.digest.sentences]) : undefined,
    });
    const relation = { type: typed.type, cued: typed.cues.some(points) };
    const x = model || tap ? pairFeatures(evidence, relation, doc.digest, other.digest, standing) : null;
    if (tap && x) tap({ from: doc.digest.id, to: other.digest.id, x, kept });
    if (!kept) continue;
    const story = model && x ? modelScore(model, x) : undefined;
    const confidence = linkConfidence(evidence, relation, o.confidence, story);
    const floor = apart(doc, other) ? o.minApartConfidence : model ? model.threshold : o.minConfidence;
    if (confidence >= floor)
      scored.push({
        other,
        evidence,
        typed,
        confidence,
        onStory: model !== null && story !== undefined && story >= model.threshold,
        cued: relation.cued,
      });
  }
  scored.sort((x, y) => y.confidence - x.confidence || y.other.digest.id - x.other.digest.id);
  // Past the first `maxTheatreLinks`, only links the learned score puts in the same story: a theatre's typed links
  // by intensity change alone ("a rejection after a withdrawal") are kept for the best few.
  const kept = oneResponsePerCue(
    latestSwings(scored)
      .filter((s, i) => i < o.maxTheatreLinks || s.onStory)
      .slice(0, o.maxLinks),
  );
  return kept.map(({ other, evidence, typed, confidence }) => ({
    fromEvent: doc.digest.id,
    toEvent: other.digest.id,
    type: typed.type,
    confidence: Math.round(confidence * 1000) / 1000,
    explanation: explainLink(typed.type, doc.digest, other.digest, evidence, typed.cues, nameOf),
    evidence: {
      sharedActors: evidence.sharedActors,
      sharedPlaces: evidence.sharedPlaces,
      cues: typed.cues.map((c) => c.phrase),
      intensityChange: typed.intensityChange,
      textSimilarity: Math.round(Math.max(evidence.similarity, evidence.coreOverlap) * 1000) / 1000,
    },
  }));
}

/**
 * A cue names one thing the event responds to: "a 10-day ceasefire linked to US-Iran talks" answers the talks, and of
 * the earlier reports of that kind of act its words fit (Turkey's push, the mediators' advance, the Pakistani
 * backchannel, the briefing on it: all talks) the most confident link is the response; the others are background to
 * it, not four more responses quoting the same words. (Typed as they would be without the cue, they read as updates:
 * the truce "continues the storyline" of Turkey's push.) Earlier events of other kinds the cue fits stay responses:
 * a protest "after the collision" answers the crash, whatever the governor's rejection over it scored. Links arrive
 * best first; types only, so CEP's link metrics and storylines do not move.
 */
function oneResponsePerCue<T extends { typed: TypedRelation; other: IndexedDoc }>(links: T[]): T[] {
  // A cue is what its words name: the headline's "linked to Astana talks" and the report's "linked to the Astana
  // talks between Armenia and Azerbaijan" name the same talks (one's terms hold the other's).
  const quoted: { kind: string; terms: Set<string> }[] = [];
  const same = (a: Set<string>, b: Set<string>) =>
    a.size === 0 || b.size === 0
      ? a.size === b.size
      : [...a].every((t) => b.has(t)) || [...b].every((t) => a.has(t));
  return links.map((l) => {
    const kind = l.other.digest.type;
    if (l.typed.type !== "response" || !kind) return l;
    const answered = (c: CueMatch) => quoted.some((q) => q.kind === kind && same(q.terms, cueTerms(c)));
    // The explanation quotes the first cue: the first one no better link to this kind of act has quoted.
    const fresh = l.typed.cues.find((c) => !answered(c));
    if (!fresh) return { ...l, typed: { ...l.typed, type: "context" as const, cues: [] } };
    for (const c of l.typed.cues)
      if (c === fresh || same(cueTerms(c), cueTerms(fresh))) quoted.push({ kind, terms: cueTerms(c) });
    return { ...l, typed: { ...l.typed, cues: [fresh, ...l.typed.cues.filter((c) => c !== fresh)] } };
  });
}

const termsOfCue = new WeakMap<CueMatch, Set<string>>();

function cueTerms(c: CueMatch): Set<string> {
  let out = termsOfCue.get(c);
  if (!out) {
    out = new Set(contentTerms(c.after));
    termsOfCue.set(c, out);
  }
  return out;
}

const SWINGS: ReadonlySet<string> = new Set(["escalation", "de-escalation"]);

/**
 * Of the links that only an intensity change types and only the theatre keeps (no cue, not in one story by the
 * learned score), the one to the latest earlier event of each direction: talks after a build-up, a threat and a
 * sanctions round de-escalate after the sanctions, the last step before them; the build-up and the threat are
 * already linked from the events that followed them.
 */
function latestSwings<
  T extends { other: IndexedDoc; typed: { type: string }; onStory: boolean; cued: boolean },
>(scored: T[]): T[] {
  const latest = new Map<string, T>();
  for (const s of scored) {
    if (s.onStory || s.cued || !SWINGS.has(s.typed.type)) continue;
    const seen = latest.get(s.typed.type);
    if (!seen || isEarlier(seen.other, s.other)) latest.set(s.typed.type, s);
  }
  return scored.filter(
    (s) => s.onStory || s.cued || !SWINGS.has(s.typed.type) || latest.get(s.typed.type) === s,
  );
}

// "Kyrgyzstan accuses Tajikistan of breaking border ceasefire; Dushanbe denies it": an event whose headline or lead
// makes an accusation of its own reports the claim and its denial together. An accusation told as what came before
// ("hours after Sudan's ambassador accused it of …") is an earlier event's, which the denial may contradict.
const ACCUSES = /\b(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing))\b/i;
const EARLIER = /\b(?:after|following|since)\b/i;

function accusesItself(d: EventDigest): boolean {
  return [d.title, ...d.sentences.slice(0, 2)].some((s) => {
    const m = ACCUSES.exec(s);
    return m !== null && !EARLIER.test(s.slice(0, m.index));
  });
}

// The hand-set curve's bound (setLinkModel(null)): most candidates fall short whatever their cues, so skip typing
// them when even the best case (a cue naming the earlier event, when the newer one has a cue at all) stays under
// the confidence floor on the storyline path.
function mayLink(m: Measured, o: LinkOptions, cued: boolean): boolean {
  const p = o.confidence;
  const need = p.midpoint + Math.log(o.minConfidence / (1 - o.minConfidence)) / p.slope;
  const best = m.text + p.entityWeight * m.sim.entity + (cued ? p.cueBonus : 0);
  return best >= need;
}

function sharesTheatre(a: IndexedDoc, b: IndexedDoc): boolean {
  return a.digest.theatres.some((t) => b.digest.theatres.includes(t));
}

/** Both events are placed in a theatre, and not in the same one. */
function apart(a: IndexedDoc, b: IndexedDoc): boolean {
  return a.digest.theatres.length > 0 && b.digest.theatres.length > 0 && !sharesTheatre(a, b);
}

// A word in fewer than ~1 in 7 events of the window: specific enough that a denial naming it names the claim.
const DENIED_IDF = 2;

// A cue points at the earlier event when the words after it name that event: for a phrase that states a relation
// ("in response to") one word they share that is not common (idf ≥ 1.5: in fewer than ~1 in 4 events), for a
// hint ("after") two of the earlier event's strongest features (for a reaction, one and any other word it holds). A
// denial must name what the earlier event is about, not merely something it mentions: two of its strongest features
// or specific words in the denied clause ("denied … that American and Iranian representatives had initialled a
// framework": the reported framework deal, not the backchannel's representatives or the "Islamic Republic" of an army
// spokesman's threat).
function refersTo(
  index: LinkIndex,
  cue: CueMatch,
  other: IndexedDoc,
  core: Set<string>,
  reacts = false,
): boolean {
  if (ownClause(cue) || namesElsewhere(cue, other) || datedElsewhere(cue, other)) return false;
  const denial = cue.kind === "denial";
  const reaction = reacts && REACTION.test(cue.phrase);
  const hits = new Set<string>();
  const named = new Set<string>();
  for (const k of cueKeys(cue, denial)) {
    if (cue.strong && !denial && other.features.has(k) && index.idf(k) >= 1.5) return true;
    if (core.has(k) || (denial && other.features.has(k) && index.idf(k) >= DENIED_IDF)) hits.add(k.slice(2));
    else if (reaction && other.features.has(k)) named.add(k.slice(2));
  }
  return hits.size >= 2 || (hits.size === 1 && named.size >= 1);
}

// When the newer event is itself a reaction (backing or criticism), the object of its reaction verb is the event
// reacted to ("Iran supports ceasefire in Lebanon"): one of the earlier event's strongest features and any other word
// of it name it, though the other ("ceasefire") is too common in the window to be among its strongest. In an event
// of another kind a reaction is a report's aside, often to the event itself ("Turkey welcomed the 21-day extension").
const REACTION = /^(?:welcom|endors|condemn|support|prais|hail)/;
const REACTS: ReadonlySet<string> = new Set(["SUPPORT", "DISAPPROVE"]);

const NEW_THING =
  /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*|several|many|dozens|hundreds|thousands|hours|days|weeks|months|years|\p{L}+ing)$/iu;

// "… killed after a bus carrying flood survivors bursts into flames": after "after"/"following", a clause that
// introduces something new (an indefinite or counted noun, a span of time, a gerund of the subject's own doing)
// tells how this event came about. One that points back uses a definite description ("after the strike"),
// a name ("after Washington announced") or a time ("after last week's raid").
function ownClause(cue: CueMatch): boolean {
  // "an extension tied to a start date for nuclear negotiations": what is tied to something indefinite is a
  // condition set, not an event it answers ("a ceasefire linked to US-Iran talks").
  if (TIES.has(cue.phrase)) return /^an?$/i.test(cue.after.split(/\s+/)[0] ?? "");
  if (cue.strong || (cue.phrase !== "after" && cue.phrase !== "following")) return false;
  const [first = "", second = ""] = cue.after.split(/\s+/);
  return NEW_THING.test(first.replace(/[^\p{L}\p{N},.]/gu, "")) || bareSubject(first, second);
}

const TIES: ReadonlySet<string> = new Set(["tied to", "linked to"]);

const POINTERS = new Set(
  "the this that these those its their his her our your my last earlier recent previous such".split(" "),
);

// "… tear gas, after police dispersed protesters marching on foreign embassies": a bare common noun doing something
// ("police dispersed", "gunmen stormed") tells of an incident of its own; one that points back names it ("after the
// police raid", "after Washington announced").
function bareSubject(first: string, second: string): boolean {
  return /^\p{Ll}+$/u.test(first) && !POINTERS.has(first) && /^\p{Ll}+ed$/u.test(second);
}

const NOT_NAMES = new Set(["The", "A", "An", "This", "That", "Its", "His", "Her", "Their", "In", "On", "At"]);

// "Fourteen people are killed after a minibus and a truck collide in Abu Minqar": the words after a cue describe
// this event's own cause when the names they give (places, people, groups) are absent from the earlier event;
// the same kind of crash elsewhere is not what the cue points at.
function namesElsewhere(cue: CueMatch, other: IndexedDoc): boolean {
  const names = cue.rest.match(/\b\p{Lu}[\p{L}'’-]{2,}/gu)?.filter((w) => !NOT_NAMES.has(w)) ?? [];
  if (!names.length) return false;
  const d = other.digest;
  const text = `${d.title} ${d.text} ${d.sentences.join(" ")}`.toLowerCase();
  return !names.some((n) => {
    const w = n.toLowerCase().replace(/['’]s$/u, "");
    return text.includes(w.slice(0, Math.max(4, w.length - 3)));
  });
}

const MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");
const MONTH =
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH}(?![\\p{L}])`, "u");
const MONTH_DAY = new RegExp(`\\b${MONTH} (\\d{1,2})(?:st|nd|rd|th)?\\b`, "u");

// "after the 28 October drone strike on El Obeid": a cue that dates what it points at points at an event reported
// on that day, not at one that came two days later and also mentions the strike (the army's reinforcement of El
// Obeid). An earlier event matches when it was first reported on the named day or the next, or was still being
// reported on it.
function datedElsewhere(cue: CueMatch, other: IndexedDoc): boolean {
  const dm = DAY_MONTH.exec(cue.after);
  const md = dm ? null : MONTH_DAY.exec(cue.after);
  const [day, month] = dm ? [dm[1], dm[2]] : md ? [md[2], md[1]] : [null, null];
  if (!day || !month) return false;
  const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  const d = Number(day);
  if (m < 0 || d < 1 || d > 31) return false;
  const from = other.digest.time;
  const year = new Date(from).getUTCFullYear();
  // "28 December" read in January is last year's.
  const named = [year - 1, year, year + 1]
    .map((y) => Date.UTC(y, m, d))
    .reduce((a, b) => (Math.abs(b - from) < Math.abs(a - from) ? b : a));
  return named < from - 2 * DAY_MS || named > Math.max(from, other.digest.lastUpdated) + DAY_MS;
}

// "after the Kyrgyz Border Service said Tajik troops had set up a checkpoint there overnight": what follows a named
// speaker's verb is what the cue points at; the speaker is no earlier event (the Border Service is in every report of
// the border war). "after Washington announced it was sending 10,000 more troops" points at the deployment.
const SPEAKER_SAID =
  /^(?:the\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,5}(?:said|says|announced|announces|reported|reports|claimed|claims|confirmed|confirms|told|warned)\s+(?:that\s+)?(\S.*)$/u;

function whatWasSaid(after: string): string {
  return SPEAKER_SAID.exec(after)?.[1] ?? after;
}

const keysOfCue = new WeakMap<CueMatch, Set<string>>();
const keysOfClause = new WeakMap<CueMatch, Set<string>>();

// The feature keys ("t:…", "n:…") of the words after a cue (with `clause`, of the rest of its sentence), computed
// once per cue.
function cueKeys(cue: CueMatch, clause = false): Set<string> {
  const cache = clause ? keysOfClause : keysOfCue;
  let keys = cache.get(cue);
  if (!keys) {
    // The denied clause runs to its first comma: "denied … that it supplies the RSF with weapons, hours after
    // Sudan's ambassador accused it … of providing drones used in attacks on El Obeid" denies no strike.
    const words = clause ? cue.rest.split(/[,;:]|\s[—–]\s/)[0] : whatWasSaid(cue.after);
    keys = new Set([
      ...contentTerms(words).map((t) => `t:${t}`),
      ...words
        .toLowerCase()
        .split(/[^\p{L}\p{N}-]+/u)
        .map((w) => `n:${w}`),
    ]);
    cache.set(cue, keys);
  }
  return keys;
}
