import { analyzeArticle } from "../actors/find-actors.ts";
import { codeSentence, readSentence } from "../classify/code-sentence.ts";
import { assignTheatres } from "../classify/theatres.ts";
import type { Actor } from "../model/actor.ts";
import type { EventDigest } from "../model/digest.ts";
import type { SitrepEvent } from "../model/event.ts";
import type { Theatre } from "../model/theatre.ts";
import { stripDateline } from "../normalize/dateline.ts";

/** What a digest needs of a member article. */
export interface MemberText {
  title: string;
  sentences: string[];
  publishedAt: string;
}

/** Known facts that spare the digest builder its own analysis (actors saved with the record, the theatre list). */
export interface DigestContext {
  /** Actors stored with the event's record; when absent they are found in the member sentences. */
  actors?: Actor[];
  theatres?: Theatre[];
  /** Filled with the display names of the actors found (for explanations). */
  names?: Map<string, string>;
}

const MAX_MEMBERS = 6;
const LEAD = 2;
const MAX_SENTENCES = 12;

/**
 * Builds the digest linking works on from an event, its member articles (oldest first) and, when the record is
 * still pending, from the articles alone: titles and lead sentences, actors and places found in them, the type
 * and intensity coded from the first lead sentence that states an event, and the theatres they point to.
 */
export function buildDigest(
  event: SitrepEvent,
  members: MemberText[],
  context: DigestContext = {},
): EventDigest {
  // Where the event began and where it is now: the two oldest and four newest reports.
  const used =
    members.length <= MAX_MEMBERS ? members : [...members.slice(0, 2), ...members.slice(2 - MAX_MEMBERS)];
  const leads: string[] = [];
  const firsts: string[] = [];
  for (const m of used) {
    // A dateline ("NAIROBI — ") names where the desk is: read, it made Kenya a party to Sudan's war.
    const own = m.sentences
      .slice(0, LEAD)
      .map((s, i) => (i === 0 ? stripDateline(s) : s))
      .filter((s) => s !== m.title && !leads.includes(s));
    if (own[0]) firsts.push(own[0]);
    leads.push(...own);
  }
  const sentences = leads.slice(0, MAX_SENTENCES);
  const titles = [...new Set(used.map((m) => m.title))];
  const record = event.record;
  const title = record?.title ?? titles[0] ?? `Event ${event.id}`;
  // Summary-sized: long articles' later sentences would drown what the event is about.
  const text = record
    ? [record.summary.map((s) => s.text).join(" "), ...titles].join(" ")
    : [...titles, ...firsts].join(" ");
  const found = context.actors ? null : analyzeArticle([...titles, ...sentences]);
  const actors = context.actors ?? found?.actors.map((m) => m.actor) ?? [];
  const places = found?.places ?? placesIn([...titles, ...sentences]);
  if (found && context.names) for (const a of actors) context.names.set(a.id, a.name);
  const countries = new Set<string>();
  for (const a of actors) if (a.country) countries.add(a.country);
  for (const p of places) countries.add(p.country);
  // Places that are whole countries are already in `countries`.
  const countryNames = new Set(actors.filter((a) => a.kind === "country").map((a) => a.name));
  const coded = record ? null : codeFirst([...titles.slice(0, 1), ...sentences.slice(0, 2)]);
  const theatres =
    record?.theatres ??
    assignTheatres(
      actors.map((a) => a.id),
      places.map((p) => p.name),
      text,
      context.theatres,
    );
  return {
    id: event.id,
    time: Date.parse(event.firstSeen),
    lastUpdated: Date.parse(event.lastUpdated),
    title,
    text,
    sentences: record
      ? [...record.summary.map((s) => s.text), ...sentences].slice(0, MAX_SENTENCES)
      : sentences,
    actors: [...new Set(actors.map((a) => a.id))],
    countries: [...countries],
    places: [...new Set(places.map((p) => p.name).filter((n) => !countryNames.has(n)))],
    theatres,
    type: record ? record.type : (coded?.event ?? null),
    intensity: record ? record.intensity : (coded?.intensity ?? null),
  };
}

// A record's actors are stored with it, its places are not: the places its reports name, from the readings the
// synthesis already made of them (readSentence remembers them), so a saved record costs no second analysis.
function placesIn(texts: string[]): { name: string; country: string }[] {
  const out: { name: string; country: string }[] = [];
  for (const t of texts)
    for (const m of readSentence(t).analysis.mentions)
      if (m.place && m.actor.country)
        out.push({ name: m.placeName ?? m.actor.name, country: m.actor.country });
  return out;
}

function codeFirst(sentences: string[]) {
  for (const s of sentences) {
    const c = codeSentence(s);
    if (c.event) return c;
  }
  return null;
}

/** One text per member report for the unit index: its headline and first two own sentences. */
export function memberUnits(members: MemberText[]): string[] {
  return members.map((m) => [m.title, ...m.sentences.filter((x) => x !== m.title).slice(0, 2)].join(" "));
}
