import type { SentenceAnalysis } from "../actors/analyze-sentence.ts";
import { namesTown, type SpanMention } from "../actors/mention.ts";
import type { Token } from "../actors/tokenize.ts";
import { type ReadSentence, readSentence } from "../classify/code-sentence.ts";
import type { Actor } from "../model/actor.ts";
import type { Article } from "../model/article.ts";
import type { PloverType } from "../model/event.ts";
import { stripDateline } from "../normalize/dateline.ts";
import { tokenize } from "../normalize/sentences.ts";
import type { SourceSentence } from "./engine.ts";

const SENTENCES_PER_ARTICLE = 8;
const MAX_SENTENCES = 40;

/** What the member articles of one event say: ranked sentences, actors with their roles, places, type and intensity. */
export interface MemberAnalysis {
  sentences: SourceSentence[];
  actors: Actor[];
  actorSentences: Record<string, string[]>;
  mentions: Record<string, { actorId: string; start: number; end: number; source: boolean; name?: string }[]>;
  /** Actor ids that act (source role), strongest first; and those acted upon (target role). */
  sources: string[];
  targets: string[];
  /**
   * Who did the event's act to whom: the sources and targets of the sentences and headlines coded with the event's
   * type, strongest first ("Russian drones hit Kharkiv": Russia, though Ukraine's officials speak most).
   */
  actSources: string[];
  actTargets: string[];
  /** Country codes of places named, most frequent first. */
  places: string[];
  location: string | null;
  type: PloverType | null;
  /** The CAMEO code most voted for under `type` ("0871": a truce, "0841": a release), when any. */
  cameo: string | null;
  intensity: number | null;
}

/** The sentences of an article that analysis reads: its first 8 of 20 characters or more, datelines cut. */
export function leadSentences(a: Pick<Article, "sentences">): { sentence: number; text: string }[] {
  const out: { sentence: number; text: string }[] = [];
  a.sentences.slice(0, SENTENCES_PER_ARTICLE).forEach((text, i) => {
    if (text.length < 20) return;
    // Datelines ("BRUSSELS —") name where the desk is, not who acts: they are cut before analysis.
    out.push({ sentence: i, text: i === 0 ? stripDateline(text) : text });
  });
  return out;
}

/** Reads (analyzes and codes) what analysis will read of these articles: lead sentences and headlines. */
export function readArticles(articles: Pick<Article, "title" | "sentences">[]): [string, ReadSentence][] {
  const out = new Map<string, ReadSentence>();
  for (const a of articles)
    for (const text of [a.title, ...leadSentences(a).map((s) => s.text)])
      if (!out.has(text)) out.set(text, readSentence(text));
  return [...out];
}

/**
 * Codes the lead sentences of an event's articles (independent reports first): who acts on whom, the
 * PLOVER type and Goldstein intensity per sentence; ranks sentences by centrality and aggregates the event.
 */
export function analyzeMembers(articles: Article[]): MemberAnalysis {
  const ordered = [...articles].sort((a, b) => Number(!!a.syndicatedOf) - Number(!!b.syndicatedOf));
  const firstReport = [...articles]
    .filter((a) => !a.syndicatedOf)
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.seq - b.seq)[0]?.id;
  const candidates: {
    s: Omit<SourceSentence, "ref">;
    position: number;
    syndicated: boolean;
    first: boolean;
  }[] = [];
  for (const a of ordered)
    for (const { sentence: i, text } of leadSentences(a))
      candidates.push({
        s: {
          articleId: a.id,
          sentence: i,
          text,
          outlet: a.outlet,
          publishedAt: a.publishedAt,
          actors: [],
        },
        position: i,
        syndicated: !!a.syndicatedOf,
        first: a.id === firstReport,
      });
  // Centrality: how much of the event's shared vocabulary a sentence carries, with a lead bonus.
  const df = new Map<string, number>();
  const toks = candidates.map((c) => new Set(tokenize(c.s.text).filter((w) => w.length > 3)));
  for (const t of toks) for (const w of t) df.set(w, (df.get(w) ?? 0) + 1);
  const scored = candidates.map((c, i) => {
    let shared = 0;
    for (const w of toks[i]) shared += (df.get(w) ?? 1) - 1;
    const central = shared / Math.max(6, toks[i].size);
    return {
      ...c,
      // The first report's lead says what happened; later leads tend to report reactions to it.
      score:
        central +
        (c.position === 0 ? (c.first ? 2.5 : 1.5) : c.position === 1 ? 0.5 : 0) -
        (c.syndicated ? 0.5 : 0),
    };
  });
  const seenText = new Set<string>();
  const ranked = scored
    .sort((a, b) => b.score - a.score || a.s.publishedAt.localeCompare(b.s.publishedAt))
    .filter((c) => {
      const key = c.s.text.toLowerCase().replace(/\W+/g, " ").trim();
      if (seenText.has(key)) return false;
      seenText.add(key);
      return true;
    })
    .slice(0, MAX_SENTENCES);
  const headlines = ordered
    .filter((a) => !a.syndicatedOf)
    .slice(0, 5)
    .map((a) => ({ text: a.title, first: a.id === firstReport }));
  return aggregate(
    ranked.map((c, i) => ({ ...c.s, ref: `S${i + 1}` })),
    ranked.map((c) => c.score),
    headlines,
  );
}

/**
 * "The President also called on …" after "President Masoud Pezeshkian said …" in the same report: a bare title
 * (an official with no name) stands for the one person named earlier in that report with the title, unless the
 * two countries differ. Sentences are analysed one by one, so the report's order is rebuilt from their indexes.
 */
function titledPeople(
  sentences: SourceSentence[],
  analyses: Readonly<SentenceAnalysis>[],
): (s: SourceSentence, a: Actor) => Actor | null {
  const people = new Map<string, { sentence: number; actor: Actor }[]>();
  // "Major General Pakpour" in one report is "Major General Mohammad Pakpour" of another: a bare surname names the
  // one person of the event with that surname.
  const bySurname = new Map<string, Actor | null>();
  sentences.forEach((s, i) => {
    for (const m of analyses[i].mentions) {
      if (m.actor.kind !== "person") continue;
      const words = m.actor.name.split(/\s+/);
      const key = words[words.length - 1].toLowerCase();
      if (words.length > 1) {
        const known = bySurname.get(key);
        bySurname.set(key, known === undefined || known?.id === m.actor.id ? m.actor : null);
      }
      if (!m.actor.role) continue;
      const list = people.get(s.articleId) ?? [];
      list.push({ sentence: s.sentence, actor: m.actor });
      people.set(s.articleId, list);
    }
  });
  return (s, a) => {
    if (a.kind === "person" && !/\s/.test(a.name)) {
      const full = bySurname.get(a.name.toLowerCase());
      return full && !(a.country && full.country && a.country !== full.country) ? full : null;
    }
    if (a.kind !== "official" || !a.role) return null;
    const role = a.role.toLowerCase();
    const earlier = (people.get(s.articleId) ?? []).filter(
      (p) => p.sentence < s.sentence && p.actor.role?.toLowerCase() === role,
    );
    const ids = new Set(earlier.map((p) => p.actor.id));
    if (ids.size !== 1) return null;
    const person = earlier[0].actor;
    return a.country && person.country && a.country !== person.country ? null : person;
  };
}

// Half a place mention per sentence for each country whose actor is the sentence's source. In the demo it placed
// "Iran denies formal deal with US" in Iran and the Israeli ministers' pressure in Israel, where the towns the
// reports name (Islamabad, Tehran, Washington) were spread.
const SPEAKER_WEIGHT = 0.5;
const HEADLINE_WEIGHT = 2;
// A headline's vote on the type and on who did it, as a lead sentence's; the first report's counts half as much again.
// "Talks and strike talk: why the pressure for a military option is rising now", "Analysis: …": a label before an
// explainer's question names topics, not an act; the reports' sentences say what was done.
/** A headline labelled as opinion or analysis ("Analysis: …", "Opinion — …"). */
export const OPINION =
  /^(?:analysis|commentary|opinion|editorial|explainer|comment|column|view|perspective)\s*[:|—–-]\s/i;
const EXPLAINER = /^[^:]{3,80}:\s+(?:why|how|what|where|who|when|whether)\b/i;
const commentary = (title: string) => OPINION.test(title) || EXPLAINER.test(title);
const HEADLINE_VOTE = 3;
const FIRST_HEADLINE_WEIGHT = 4.5;
const LOCATIVE = new Set(["in", "at", "near", "inside", "outside", "across", "throughout", "around", "on"]);

// How much a place mention says where the event happened. A town or region does ("drone attack on El Obeid"),
// a country named after "in" or "at" does; a bare country name is mostly an actor ("Iran said", "sanctions on
// the United States") and only breaks ties: counted alike, the United States was the location of Khamenei's
// speech in Tehran.
function placeWeight(tokens: Token[], m: SpanMention): number {
  if (namesTown(m)) return 1;
  return LOCATIVE.has(tokens[m.start - 1]?.lower ?? "") ? 1 : 0.25;
}

function aggregate(
  sentences: SourceSentence[],
  scores: number[],
  headlines: { text: string; first: boolean }[],
): MemberAnalysis {
  const weight = new Map<string, number>();
  const roleWeight = { source: new Map<string, number>(), target: new Map<string, number>() };
  const actorById = new Map<string, Actor>();
  const actorSentences: Record<string, string[]> = {};
  const mentions: MemberAnalysis["mentions"] = {};
  const places = new Map<string, number>();
  const where = new Map<string, number>();
  const typeVotes = new Map<PloverType, { w: number; intensity: number[]; cameo: Map<string, number> }>();
  // A coded sentence or headline votes with weight w on the event's type, its intensity and CAMEO code.
  const voteType = (
    coded: { event: PloverType | null; intensity: number | null; cameo: string | null },
    w: number,
  ) => {
    if (!coded.event) return;
    const v = typeVotes.get(coded.event) ?? { w: 0, intensity: [], cameo: new Map<string, number>() };
    v.w += w;
    if (coded.intensity !== null) v.intensity.push(coded.intensity);
    if (coded.cameo) v.cameo.set(coded.cameo, (v.cameo.get(coded.cameo) ?? 0) + w);
    typeVotes.set(coded.event, v);
  };
  const firstLead = new Map<string, number>();
  for (const s of sentences)
    firstLead.set(s.articleId, Math.min(firstLead.get(s.articleId) ?? s.sentence, s.sentence));
  type Act = { event: PloverType | null; sources: readonly Actor[]; targets: readonly Actor[]; w: number };
  const acts: Act[] = [];
  const laterActs: Act[] = [];
  const reads = sentences.map((s) => readSentence(s.text));
  const analyses = reads.map((r) => r.analysis);
  const titled = titledPeople(sentences, analyses);
  sentences.forEach((s, i) => {
    const person = (a: Actor) => titled(s, a) ?? a;
    const raw = reads[i].coded;
    const coded = {
      ...raw,
      sourceActors: raw.sourceActors.map(person),
      targetActors: raw.targetActors.map(person),
    };
    const analysis = analyses[i];
    // Readings are shared between calls: a title resolved to its person is a new mention, not a changed one.
    const resolved = analysis.mentions.map((m) => {
      const actor = person(m.actor);
      return actor === m.actor ? m : { ...m, actor };
    });
    const sources = new Set(coded.sourceActors.map((a) => a.id));
    // Who acts says where, a little: a denial is made where the denier is.
    for (const c of new Set(coded.sourceActors.map((a) => a.country)))
      if (c) where.set(c, (where.get(c) ?? 0) + SPEAKER_WEIGHT);
    const list: MemberAnalysis["mentions"][string] = [];
    for (const m of resolved) {
      const start = analysis.tokens[m.start].start;
      const end = analysis.tokens[m.end - 1].end;
      if (m.place) {
        if (m.actor.country) {
          places.set(m.actor.country, (places.get(m.actor.country) ?? 0) + 1);
          where.set(m.actor.country, (where.get(m.actor.country) ?? 0) + placeWeight(analysis.tokens, m));
        }
        if (!sources.has(m.actor.id)) continue;
      }
      list.push({ actorId: m.actor.id, start, end, source: sources.has(m.actor.id), name: m.actor.name });
    }
    mentions[s.ref] = list;
    const w = scores[i] + 0.5;
    for (const [actors, role] of [
      [coded.sourceActors, 2],
      [coded.targetActors, 1],
    ] as const)
      for (const a of actors) {
        actorById.set(a.id, a);
        weight.set(a.id, (weight.get(a.id) ?? 0) + role * w);
        const rw = role === 2 ? roleWeight.source : roleWeight.target;
        rw.set(a.id, (rw.get(a.id) ?? 0) + w);
        if (role === 2) {
          const refs = actorSentences[a.id] ?? [];
          refs.push(s.ref);
          actorSentences[a.id] = refs;
        }
      }
    s.actors = [...new Set([...coded.sourceActors, ...coded.targetActors].map((a) => a.id))];
    // Who did it to whom is read from each report's opening sentence, as from its headline: later sentences
    // carry reactions and attributions ("Sudan's government welcomed the sanctions").
    const act = { event: coded.event, sources: coded.sourceActors, targets: coded.targetActors, w };
    if (s.sentence === firstLead.get(s.articleId)) acts.push(act);
    else laterActs.push(act);
    voteType(coded, w);
  });
  let firstHeadline: { event: PloverType | null; cameo: string | null } | null = null;
  for (const h of headlines) {
    const { analysis, coded } = readSentence(h.text);
    // A headline names where the event is ("Doha talks agree prisoner-exchange mechanism"): its towns and places
    // after "in" count double. A bare country in a headline is an actor, as in a sentence ("US and Iran near deal").
    for (const m of analysis.mentions) {
      if (!m.place || !m.actor.country) continue;
      const w = placeWeight(analysis.tokens, m);
      where.set(m.actor.country, (where.get(m.actor.country) ?? 0) + (w === 1 ? HEADLINE_WEIGHT : 0));
    }
    // Headlines name the event's action most directly: each votes on the type, and on who did it to whom, with a
    // lead sentence's weight.
    if (!coded.event || commentary(h.text)) continue;
    // The first report's headline names the event itself; later ones often name a reaction to it ("Ankara welcomes
    // US-Iran truce extension"), as later leads do.
    const w = h.first ? FIRST_HEADLINE_WEIGHT : HEADLINE_VOTE;
    if (h.first) firstHeadline = coded;
    acts.push({ event: coded.event, sources: coded.sourceActors, targets: coded.targetActors, w });
    voteType(coded, w);
  }
  const actors = [...actorById.values()].sort(
    (a, b) => (weight.get(b.id) ?? 0) - (weight.get(a.id) ?? 0) || a.id.localeCompare(b.id),
  );
  const [type, vote] = [...typeVotes.entries()].sort(
    (a, b) => b[1].w - a[1].w || a[0].localeCompare(b[0]),
  )[0] ?? [null, null];
  const intensity = vote?.intensity.length
    ? round1(vote.intensity.reduce((x, y) => x + y, 0) / vote.intensity.length)
    : null;
  const act = { source: new Map<string, number>(), target: new Map<string, number>() };
  const tally = (list: Act[], roles: readonly ("source" | "target")[]) => {
    for (const a of list) {
      if (!type || a.event !== type) continue;
      for (const r of roles)
        for (const x of r === "source" ? a.sources : a.targets)
          act[r].set(x.id, (act[r].get(x.id) ?? 0) + a.w);
    }
  };
  tally(acts, ["source", "target"]);
  // An analysis opens on its theme ("Two parallel conversations are now under way about Iran"): when no headline or
  // opening sentence names who did the event's act, or at whom, the later sentences coded with its type do.
  if (!act.source.size) tally(laterActs, ["source", "target"]);
  else if (!act.target.size) tally(laterActs, ["target"]);
  const placeList = [...places.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([c]) => c);
  const ranked = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  return {
    sentences,
    actors,
    actorSentences,
    mentions,
    sources: ranked(roleWeight.source),
    targets: ranked(roleWeight.target),
    actSources: ranked(act.source),
    actTargets: ranked(act.target),
    places: placeList,
    location: ranked(where)[0] ?? null,
    type,
    // What the first headline says was done, when it is of the event's type ("agree 10-day ceasefire": a truce agreed,
    // not the agreements to respect it that the reports go on to quote); else the most voted code.
    cameo:
      firstHeadline?.event === type && firstHeadline.cameo
        ? firstHeadline.cameo
        : vote
          ? (ranked(vote.cameo)[0] ?? null)
          : null,
    intensity,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
