import type { Actor, ActorMention } from "../model/actor.ts";
import { analyzeSentence, type SentenceAnalysis } from "./analyze-sentence.ts";
import { addSurnameMentions, learnSurnames, learnTitles, resolveTitles } from "./coreference.ts";
import { namesTown, type SpanMention, underAuthority } from "./mention.ts";
import { resolveContext } from "./resolve-context.ts";

/** A place named in an article: city, region or country, with its country. */
export interface PlaceMention {
  name: string;
  /** ISO-3 of the country the place is in. */
  country: string;
  text: string;
  sentence: number;
  start: number;
  end: number;
}

/** Actors and places of an article's sentences. */
export interface ArticleActors {
  actors: ActorMention[];
  places: PlaceMention[];
}

const VERBISH = new Set("said says has have had is was will would announced warned rejected".split(" "));

// The most frequent country among the article's own (not guessed) mentions: the default for "the army", "rebels".
function mainCountry(analyses: SentenceAnalysis[]): string | null {
  const counts = new Map<string, number>();
  for (const a of analyses) {
    for (const m of a.mentions) {
      if (m.weak || m.needsContext || !m.actor.country) continue;
      counts.set(m.actor.country, (counts.get(m.actor.country) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let n = 0;
  for (const [c, k] of counts) if (k > n) [best, n] = [c, k];
  return best;
}

// "Washington said", "Moscow rejected": a capital followed by a verb stands for its government.
function capitalActor(a: SentenceAnalysis, m: SpanMention): Actor | null {
  const next = a.tokens[m.end];
  if (!m.metonym || !m.actor.country) return null;
  const seat = m.placeName === "Kremlin" || m.placeName === "White House" || m.placeName === "Pentagon";
  if (!seat && !(next && (VERBISH.has(next.lower) || next.lower === "'s"))) return null;
  return seatActor(m);
}

function seatActor(m: SpanMention): Actor | null {
  if (!m.actor.country) return null;
  // "Tiraspol said", "South Ossetia will hold a referendum": the de facto authority, not the parent's government.
  if (m.authority) return underAuthority(m.actor, m.authority);
  const sector = m.placeName === "Pentagon" ? "MIL" : "GOV";
  const kind = sector === "MIL" ? "military" : "government";
  return { ...m.actor, id: `${m.actor.country}-${sector}`, kind, sector, name: m.placeName ?? "" };
}

function toActorMention(a: SentenceAnalysis, m: SpanMention, sentence: number, actor: Actor): ActorMention {
  const start = a.tokens[m.start].start;
  const end = a.tokens[m.end - 1].end;
  const mention: ActorMention = { actor, text: a.text.slice(start, end), sentence, start, end };
  if (m.weak) mention.inferred = true;
  return mention;
}

/** Finds and normalizes the actors and places in an article given as a list of sentences. */
export function analyzeArticle(sentences: string[]): ArticleActors {
  const analyses = sentences.map((s) => analyzeSentence(s));
  const fallback = mainCountry(analyses);
  const surnames = new Map<string, Actor | null>();
  const titled = new Map<string, Actor | null>();
  const actors: ActorMention[] = [];
  const places: PlaceMention[] = [];
  analyses.forEach((a, i) => {
    addSurnameMentions(a, surnames);
    resolveTitles(a, titled);
    resolveContext(a.tokens, a.mentions, fallback);
    learnSurnames(a, surnames);
    learnTitles(a, titled);
    for (const m of a.mentions) {
      if (m.place && m.actor.country) {
        const start = a.tokens[m.start].start;
        const end = a.tokens[m.end - 1].end;
        const name = m.placeName ?? m.actor.name;
        places.push({
          name,
          country: m.actor.country,
          text: a.text.slice(start, end),
          sentence: i,
          start,
          end,
        });
      }
      const isCity = namesTown(m);
      const actor = isCity ? capitalActor(a, m) : m.code || m.actor.kind !== "organization" ? m.actor : null;
      if (actor) actors.push(toActorMention(a, m, i, actor));
    }
  });
  return { actors, places };
}

/** Finds the actors in an article's sentences, normalized to stable ids ("IRN", "IRN-GOV-MFA", "person:…"). */
export function findActors(sentences: string[]): ActorMention[] {
  return analyzeArticle(sentences).actors;
}

/** Finds the places (cities, regions, countries) named in an article's sentences. */
export function findPlaces(sentences: string[]): PlaceMention[] {
  return analyzeArticle(sentences).places;
}

/** Normalizes an actor name ("Iranian Foreign Ministry", "the Kremlin", "Hezbollah") to an Actor, or null. */
export function normalizeActor(text: string): Actor | null {
  const a = analyzeSentence(text);
  let best: SpanMention | null = null;
  for (const m of a.mentions) {
    const span = m.end - m.start + (m.place ? 0 : 0.5);
    if (!best || span > best.end - best.start + (best.place ? 0 : 0.5)) best = m;
  }
  if (!best) return null;
  return (best.metonym ? seatActor(best) : null) ?? best.actor;
}
