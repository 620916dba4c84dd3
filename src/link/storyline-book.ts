import type { EventDigest } from "../model/digest.ts";
import type { EventLink, RelationType } from "../model/link.ts";
import { defaultNameOf, type NameOf } from "./explain-link.ts";
import { principals } from "./relation-type.ts";
import { contentWordForms, contentWords, isTopical } from "./terms.ts";

/** A named chain of linked events (the store's Storyline shape, without the time). */
export interface StorylineDraft {
  id: string;
  name: string;
  theatreId: string | null;
  eventIds: number[];
}

interface Line {
  id: string;
  events: Set<number>;
  actors: Map<string, number>;
  /** The countries its events involve (actors' and places'): the second side when the headlines name one. */
  countries: Map<string, number>;
  terms: Map<string, number>;
  /** The kinds of act its events are (PLOVER types): named when its headlines share no word. */
  acts: Map<string, number>;
  /** How each term is spelled in the titles, past their first word ("US-Iran", "Zaporizhzhia"). */
  forms: Map<string, string>;
  theatres: Map<string, number>;
}

/** Relations that continue a storyline; the others relate storylines without joining them. */
export const CHAIN_TYPES: ReadonlySet<RelationType> = new Set(["update", "response"]);

/**
 * Storylines kept in memory: an event joins the storyline of the earlier event it most surely continues (its
 * most confident update or response link). Storylines are not merged through an event that continues two of
 * them: on CEP 2022, joining every storyline an event continued chained a year of the war, of COVID-19 reports
 * and of sanctions into one storyline of 638 events. Named after the dominant actors and words of their events.
 */
export class StorylineBook {
  private readonly lineOf = new Map<number, string>();
  private readonly lines = new Map<string, Line>();
  private readonly nameOf: NameOf;

  constructor(nameOf: NameOf = defaultNameOf) {
    this.nameOf = nameOf;
  }

  /** Loads a stored storyline (at start). */
  load(s: StorylineDraft, digestOf: (id: number) => EventDigest | undefined): void {
    const line = this.line(s.id);
    for (const id of s.eventIds) this.join(line, id, digestOf(id));
  }

  /** The storyline id of an event. */
  storylineOf(eventId: number): string | undefined {
    return this.lineOf.get(eventId);
  }

  /**
   * Places an event after its links were (re)computed: it continues the storyline of the event its most
   * confident update or response link points to (a new one with that event if it had none). Returns the ids of
   * the storylines changed. Drafts are made once per batch (`draft`): naming a long storyline ranks all its
   * actors and words.
   */
  apply(
    eventId: number,
    links: EventLink[],
    digestOf: (id: number) => EventDigest | undefined,
  ): { changed: string[]; removed: string[] } {
    let best: EventLink | null = null;
    const mine = digestOf(eventId);
    for (const l of links)
      if (
        CHAIN_TYPES.has(l.type) &&
        (!best || l.confidence > best.confidence) &&
        !disjointCountries(mine, digestOf(l.toEvent))
      )
        best = l;
    if (!best) return { changed: [], removed: [] };
    const current = this.lineOf.get(eventId);
    const to = best.toEvent;
    const id = this.lineOf.get(to) ?? current ?? `s${Math.min(to, eventId)}`;
    const line = this.line(id);
    this.join(line, to, digestOf(to));
    this.join(line, eventId, digestOf(eventId));
    return { changed: current && current !== id ? [id, current] : [id], removed: [] };
  }

  /** Forgets an event (merged into another); returns the id of the storyline it left. */
  drop(eventId: number): string | null {
    const id = this.lineOf.get(eventId);
    if (!id) return null;
    this.lineOf.delete(eventId);
    this.lines.get(id)?.events.delete(eventId);
    return id;
  }

  /** True while the storyline is held in memory. */
  has(id: string): boolean {
    return this.lines.has(id);
  }

  /** Forgets events for which `keep` is false and storylines left with none (they stay in the store). */
  prune(keep: (eventId: number) => boolean): void {
    for (const id of [...this.lineOf.keys()]) if (!keep(id)) this.lineOf.delete(id);
    for (const [id, line] of this.lines) if (![...line.events].some(keep)) this.lines.delete(id);
  }

  /** Number of events placed in a storyline. */
  get size(): number {
    return this.lineOf.size;
  }

  /** The storyline as stored. */
  draft(id: string): StorylineDraft {
    const line = this.line(id);
    const theatre = top(line.theatres, 1)[0] ?? null;
    const sides = top(line.actors, 2);
    // "GOP hawks urge Trump to strike Iran's remaining nuclear sites": a headline naming one country and people of
    // another is between the two.
    if (sides.length < 2) sides.push(...top(line.countries, 3).filter((c) => !sides.includes(c)));
    const actors = sides.slice(0, 2).map(this.nameOf);
    // Words the actors' names already say ("russian" after "Russia", "democratic" after "Democratic Republic of
    // Congo") name nothing more: compared on their first five letters.
    const named = new Set(actors.flatMap((a) => contentWords(a).map((w) => w.slice(0, 5))));
    // A word in one headline only says what one event was about: a storyline is named by words its events share.
    const terms = top(line.terms, 8)
      .filter((t) => !named.has(t.slice(0, 5)) && (line.terms.get(t) ?? 0) >= 2)
      .slice(0, 3)
      .map((t) => line.forms.get(t) ?? t);
    // Headlines that share no word still say what was done: three storylines of the demo were each named "Iran –
    // United States"; by their acts they are "military build-up and threats", "demands and rejection", ….
    const what = terms.length ? terms.join(", ") : actsOf(line.acts);
    const name = `${actors.length ? actors.join(" – ") : "Storyline"}${what ? `: ${what}` : ""}`;
    return { id, name, theatreId: theatre, eventIds: [...line.events].sort((a, b) => a - b) };
  }

  private line(id: string): Line {
    let line = this.lines.get(id);
    if (!line) {
      line = {
        id,
        events: new Set(),
        actors: new Map(),
        countries: new Map(),
        terms: new Map(),
        acts: new Map(),
        forms: new Map(),
        theatres: new Map(),
      };
      this.lines.set(id, line);
    }
    return line;
  }

  private join(line: Line, eventId: number, d: EventDigest | undefined): void {
    const prev = this.lineOf.get(eventId);
    if (prev && prev !== line.id) this.lines.get(prev)?.events.delete(eventId);
    this.lineOf.set(eventId, line.id);
    if (line.events.has(eventId)) return;
    line.events.add(eventId);
    if (!d) return;
    // Who a storyline is about is who its headlines name: "US orders 10,000 more troops … to Middle East" is the
    // United States' act, whatever bases in Qatar its reports mention. Besides countries, the groups it names (the
    // RSF, M23); a person or an outlet speaks for a side ("Iran – Abbas Araghchi" named Iran's foreign minister as Iran's
    // counterpart).
    for (const a of new Set([
      ...principals(d),
      ...d.actors.filter((x) => !/^[A-Z]{3}|^person:|^media:/.test(x)),
    ]))
      bump(line.actors, a);
    for (const c of d.countries) bump(line.countries, c);
    const words = contentWordForms(d.title);
    for (const [i, { word, form }] of words.entries())
      if (i > 0 || form !== capitalize(word)) line.forms.set(word, form);
    for (const t of new Set(words.map((w) => w.word).filter(isTopical))) bump(line.terms, t);
    for (const t of d.theatres) bump(line.theatres, t);
    if (d.type) bump(line.acts, d.type);
  }
}

// Two events that both name countries, none in common, are linked by what they say, not where: "Taiwan reports
// a record 207 cases" updates "Cambodia reports a record 730 cases", but a storyline of such reports would run
// through every country's daily figures.
function disjointCountries(a: EventDigest | undefined, b: EventDigest | undefined): boolean {
  if (!a?.countries.length || !b?.countries.length) return false;
  return !a.countries.some((c) => b.countries.includes(c));
}

/** What events of each PLOVER type are, as a storyline names them. */
const ACT_NAMES: Record<string, string> = {
  MOBILIZE: "military build-up",
  THREATEN: "threats",
  FIGHT: "fighting",
  ASSAULT: "attacks",
  COERCE: "coercion",
  SANCTION: "sanctions",
  DEMAND: "demands",
  REJECT: "rejection",
  ACCUSE: "accusations",
  DISAPPROVE: "criticism",
  PROTEST: "protests",
  INVESTIGATE: "investigations",
  CONSULT: "talks",
  AGREE: "agreements",
  COOPERATE: "cooperation",
  SUPPORT: "backing",
  AID: "aid",
  CONCEDE: "concessions",
  RETREAT: "de-escalation",
  REQUEST: "appeals",
};

/** The storyline's two most frequent kinds of act, ties in the order they came: "military build-up and threats". */
function actsOf(acts: Map<string, number>): string {
  return [...acts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([t]) => ACT_NAMES[t])
    .filter(Boolean)
    .join(" and ");
}

function capitalize(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

// The n most frequent keys (ties: alphabetical), in one pass: storylines of a long war hold thousands of words.
function top(m: Map<string, number>, n: number): string[] {
  const best: [string, number][] = [];
  const before = (a: [string, number], b: [string, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  for (const e of m) {
    if (best.length === n && !before(e, best[n - 1])) continue;
    let i = Math.min(best.length, n - 1);
    best[i] = e;
    for (; i > 0 && before(best[i], best[i - 1]); i--) [best[i], best[i - 1]] = [best[i - 1], best[i]];
  }
  return best.map(([k]) => k);
}
