import type { SentenceAnalysis } from "./analyze-sentence.ts";
import type { ClauseInfo } from "./clauses.ts";
import type { SpanMention } from "./mention.ts";
import type { Token } from "./tokenize.ts";

/** The event word of a sentence and how it distributes roles. */
export interface Anchor {
  start: number;
  end: number;
  /** "held talks with X": X acts too. */
  symmetric?: boolean;
  /** "peacekeepers arrived in X": X receives and is the source. */
  swap?: boolean;
  /** "X died": X suffers. */
  victim?: boolean;
  /** "A said B must …": B is the target. */
  demandSubject?: boolean;
  /** "sent arms to B": B, after "to", is the target. */
  recipient?: boolean;
  /**
   * "Eleven killed as RSF drones hit El Obeid": the event word is the attack of a clause after "as"/"after"/
   * "when" that caused an agentless casualty report; its attacker is sought from this token on, and those
   * named before it (the casualties) are targets.
   */
  agentFrom?: number;
  /** "the arrival of a World Food Programme convoy": the doer is named inside the event phrase, in these tokens. */
  agentIn?: [number, number];
  /**
   * Backing is for what it names: in "backed efforts to extend the ceasefire with the United States" the US is a
   * party to the ceasefire, not whom the backing is for. Those after "with" are not targets.
   */
  backing?: boolean;
}

/** Who acts (source) and who is acted upon (target) in one sentence. */
export interface Roles {
  source: SpanMention[];
  target: SpanMention[];
  /** Passive without "by": the source is only where it happened ("was arrested in Lebanon"). */
  agentless?: boolean;
}

const CONNECT = new Set(
  ", and or the its their both neighboring neighbouring 's as well other fellow also & nor either".split(" "),
);
const BOUNDARY = new Set(
  (
    "which who whom whose where while because after before since despite although though amid but " +
    "unless if when whereas without ; — –"
  ).split(" "),
);
const BE = new Set("was were been being be is are get got gets".split(" "));
const SPEECH = new Set(
  "said says say reiterated reiterates concluded insisted stressed added told announced declared argued believes".split(
    " ",
  ),
);
const PARTICIPLE_EXTRA = new Set(
  "put set held hit shot struck taken seen caught given sent brought beaten".split(" "),
);
// Verbs of telling that need an object: straight before "on"/"about" they are passive ("officials briefed on the
// talks"), and what follows is the topic, not the agent.
const TOLD = new Set("briefed informed apprised updated".split(" "));
const TOPIC = new Set(["on", "about", "of"]);

function toldOf(tokens: Token[], anchor: Anchor): boolean {
  return TOLD.has(tokens[anchor.start].lower) && TOPIC.has(tokens[anchor.start + 1]?.lower ?? "");
}

function usable(m: SpanMention, clauses: ClauseInfo, lo: number): boolean {
  return m.code !== null && !m.possessed && !clauses.blocked[m.start] && m.start >= lo;
}

function gapConnects(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!CONNECT.has(tokens[k].lower)) return false;
  return true;
}

// "envoys from Armenia and Azerbaijan": a bare title or group noun is defined by the places after "from"/"of".
function definedBy(a: SentenceAnalysis, group: SpanMention[], end: number, m: SpanMention): boolean {
  const head = group[0];
  if (group.length !== 1 || !head.viaPlace) return false;
  const gap = a.tokens.slice(end, m.start).map((t) => t.lower);
  return (
    gap.length > 0 &&
    gap.length <= 2 &&
    (gap[0] === "from" || gap[0] === "of") &&
    (gap.length === 1 || gap[1] === "the")
  );
}

function firstGroup(
  a: SentenceAnalysis,
  clauses: ClauseInfo,
  from: number,
  to: number,
  skip?: (m: SpanMention) => boolean,
): SpanMention[] {
  const group: SpanMention[] = [];
  let end = -1;
  for (const m of a.mentions) {
    if (m.start < from || m.start >= to || !usable(m, clauses, from) || skip?.(m)) continue;
    if (group.length === 0) {
      group.push(m);
      end = m.end;
    } else if (m.start < end || gapConnects(a.tokens, end, m.start) || definedBy(a, group, end, m)) {
      group.push(m);
      end = Math.max(end, m.end);
    } else break;
  }
  return group;
}

// End of the object's scope: a subordinate or relative clause. "following" or a participle clause is a soft
// end: when nothing was found before it, the search may go on ("attacks, occurring every three days, killed …").
function scopeEnd(tokens: Token[], clauses: ClauseInfo, from: number, hardOnly: boolean): number {
  for (let k = from; k < tokens.length; k++) {
    const t = tokens[k];
    if (clauses.blocked[k] || BOUNDARY.has(t.lower) || t.text === ";") return k;
    if (t.lower === "that" && k > from + 1) return k;
    // "agree 10-day ceasefire linked to US-Iran talks": what the object is tied to is not acted upon.
    if ((t.lower === "linked" || t.lower === "tied") && tokens[k + 1]?.lower === "to") return k;
    if (hardOnly) continue;
    if (t.lower === "following") return k;
    if (t.text === "," && tokens[k + 1]?.lower.endsWith("ing")) return k;
  }
  return tokens.length;
}

const OWN_FORCES = new Set(["MIL", "COP"]);

// "Russia deployed troops": an object resolved only from the sentence's context to the source's own country
// is the source's own force, not a target.
function ownForce(m: SpanMention, sourceCodes: Set<string | null>): boolean {
  return (
    m.weak && m.actor.kind !== "person" && OWN_FORCES.has(m.actor.sector ?? "") && sourceCodes.has(m.code)
  );
}

function clauseEnd(tokens: Token[], clauses: ClauseInfo, from: number): number {
  for (let k = from; k < tokens.length; k++) if (clauses.blocked[k] || tokens[k].text === ";") return k;
  return tokens.length;
}

function isPassive(tokens: Token[], anchor: Anchor): boolean {
  const head = tokens[anchor.start].lower;
  const participle = head.endsWith("ed") || head.endsWith("en") || PARTICIPLE_EXTRA.has(head);
  const under = head === "under";
  if ((!participle && !under) || tokens[anchor.start + 1]?.lower === "to") return false;
  if (toldOf(tokens, anchor)) return true;
  for (let k = anchor.start - 1; k >= Math.max(0, anchor.start - 4); k--) {
    const w = tokens[k].lower;
    if (BE.has(w)) return true;
    if (!(w.endsWith("ly") || w.endsWith("ed") || PARTICIPLE_EXTRA.has(w) || w === "also" || w === "not"))
      return false;
  }
  return false;
}

function passiveRoles(a: SentenceAnalysis, clauses: ClauseInfo, anchor: Anchor): Roles {
  const lo = clauses.clauseStart;
  const target = firstGroup(a, clauses, lo, anchor.start);
  const end = clauseEnd(a.tokens, clauses, anchor.end);
  // The agent: "by X" soon after the verb ("were killed during a raid by Israeli soldiers"), within the clause.
  let by = -1;
  for (let k = anchor.end; k < Math.min(end, anchor.end + 10) && by < 0; k++) {
    const w = a.tokens[k].lower;
    if (w === "," || BOUNDARY.has(w)) break;
    if (w === "by") by = k;
  }
  const source =
    by < 0 && toldOf(a.tokens, anchor) ? [] : firstGroup(a, clauses, by >= 0 ? by + 1 : anchor.end, end);
  return { source, target, agentless: by < 0 };
}

function speechVerb(tokens: Token[], from: number, to: number): number {
  for (let k = from; k < to; k++) if (SPEECH.has(tokens[k].lower)) return k;
  return -1;
}

const LOCATIVE = new Set("in near at across around outside inside along over into".split(" "));

// "exchanged fire near Tskhinvali": a place after the event word stays the target even for symmetric events.
function locative(tokens: Token[], from: number, group: SpanMention[]): boolean {
  if (group.length === 0) return false;
  for (let k = from; k < group[0].start; k++) if (LOCATIVE.has(tokens[k].lower)) return true;
  return false;
}

/** Splits a sentence's actors into sources and targets around its event word. */
export function assignRoles(a: SentenceAnalysis, clauses: ClauseInfo, anchor: Anchor | null): Roles {
  const lo = clauses.clauseStart;
  const tokens = a.tokens;
  if (!anchor) return { source: firstGroup(a, clauses, lo, tokens.length), target: [] };
  const inv = clauses.inverted;
  if (inv && anchor.start === inv.verb) {
    const unblocked: ClauseInfo = { ...clauses, inverted: null };
    return {
      source: firstGroup(a, unblocked, inv.start, inv.verb),
      target: firstGroup(a, unblocked, lo, inv.start - 1),
    };
  }
  if (anchor.agentFrom !== undefined) {
    const after = anchor.end;
    return {
      source: firstGroup(a, clauses, anchor.agentFrom, anchor.start),
      target: [
        ...firstGroup(a, clauses, lo, anchor.agentFrom - 1),
        ...firstGroup(a, clauses, after, scopeEnd(tokens, clauses, after, false)),
      ],
    };
  }
  if (anchor.agentIn) {
    const owner = firstGroup(a, clauses, anchor.agentIn[0], anchor.agentIn[1]);
    if (owner.length)
      return {
        source: owner,
        target: firstGroup(a, clauses, anchor.end, scopeEnd(tokens, clauses, anchor.end, false)),
      };
  }
  if (anchor.victim || anchor.swap || isPassive(tokens, anchor)) return passiveRoles(a, clauses, anchor);
  // "after a drone attack by the Rapid Support Forces knocked out the city's power station": an act named by its
  // noun with "by" right after is that agent's, whoever the sentence's subject is.
  if (tokens[anchor.end]?.lower === "by") {
    const agent = firstGroup(a, clauses, anchor.end + 1, Math.min(tokens.length, anchor.end + 4));
    if (agent.length) {
      const after = agent[agent.length - 1].end;
      return {
        source: agent,
        target: firstGroup(a, clauses, after, scopeEnd(tokens, clauses, after, false)),
      };
    }
  }
  // "wrote to President Trump urging strikes on Iran": whom a letter or an appeal went to is whom its participle
  // urges; what it urges (strikes on Iran) is no target of the sender's.
  const letter = addressee(a, clauses, anchor, lo);
  if (letter) return { source: firstGroup(a, clauses, lo, letter.at), target: letter.group };
  let source: SpanMention[];
  let target: SpanMention[] = [];
  const speech = anchor.demandSubject ? speechVerb(tokens, lo, anchor.start) : -1;
  if (speech > 0) {
    source = firstGroup(a, clauses, lo, speech);
    target = firstGroup(a, clauses, speech + 1, anchor.start);
  } else {
    source = firstGroup(a, clauses, lo, anchor.start);
    // "Zelensky said that Germany's new package includes two IRIS-T systems": the act is told of, not done, by
    // the speaker; its doer is the other side the reported clause names before the event word. A speaker telling
    // of their own side ("Katz said the military would respond") speaks for it, and stays the source.
    const said = speechVerb(tokens, lo, anchor.start);
    const told = said > 0 ? firstGroup(a, clauses, said + 1, anchor.start) : [];
    const own = new Set(source.map((m) => m.code));
    if (told.length && source.length && told.every((m) => !own.has(m.code))) source = told;
  }
  const sourceCodes = new Set(source.map((m) => m.code));
  const partner = (m: SpanMention) =>
    anchor.backing === true &&
    (a.tokens[m.start - 1]?.lower === "with" || a.tokens[m.start - 2]?.lower === "with");
  const objects = (to: number) =>
    firstGroup(a, clauses, anchor.end, to, (m) => ownForce(m, sourceCodes) || partner(m));
  const scope = scopeEnd(tokens, clauses, anchor.end, false);
  // "sent arms to the RSF", "an aid package for Ukraine": the first "to" or "for" an actor follows closely ("to
  // protect his country's power grid from Russian strikes" is a purpose, not a recipient).
  const to = anchor.recipient
    ? tokens.findIndex(
        (t, k) =>
          k >= anchor.end &&
          k < scope &&
          (t.lower === "to" || t.lower === "for") &&
          a.mentions.some((m) => m.start > k && m.start <= k + 3),
      )
    : -1;
  let after = to >= 0 ? firstGroup(a, clauses, to + 1, scope) : [];
  if (after.length === 0) after = objects(scope);
  if (after.length === 0) after = objects(scopeEnd(tokens, clauses, anchor.end, true));
  if (anchor.symmetric && !locative(tokens, anchor.end, after)) source = [...source, ...after];
  else target = [...target, ...after];
  return { source, target };
}

// The group introduced by "to" right before a participle anchor ("… to President Trump urging …"), and where "to" is.
function addressee(
  a: SentenceAnalysis,
  clauses: ClauseInfo,
  anchor: Anchor,
  lo: number,
): { group: SpanMention[]; at: number } | null {
  const tokens = a.tokens;
  if (!/ing$/.test(tokens[anchor.start].lower)) return null;
  const last = a.mentions.find(
    (m) => m.end === anchor.start || (m.end === anchor.start - 1 && tokens[m.end].text === ","),
  );
  if (!last) return null;
  let at = last.start - 1;
  if (tokens[at]?.lower === "the") at--;
  if (tokens[at]?.lower !== "to" || at < lo) return null;
  const group = firstGroup(a, clauses, at + 1, anchor.start);
  return group.length ? { group, at } : null;
}

/** Distinct evaluation codes of a list of mentions, in order. */
export function roleCodes(mentions: SpanMention[]): string[] {
  const out: string[] = [];
  for (const m of mentions) if (m.code && !out.includes(m.code)) out.push(m.code);
  return out;
}
