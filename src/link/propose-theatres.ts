import type { RelationType } from "../model/link.ts";
import type { Theatre } from "../model/theatre.ts";

/** An event outside every known theatre, as proposals need it. */
export interface UnplacedEvent {
  id: number;
  /** First seen, ISO date (YYYY-MM-DD…). */
  firstSeen: string;
  title: string;
  type: string | null;
  intensity: number | null;
  /** The sides it involves: ISO-3 countries, or actor ids of groups and organisations of no one country. */
  sides: string[];
  /** Towns, provinces and regions its reports name (not countries). */
  places: string[];
}

/** A link between two events, as stored. */
export interface LinkEdge {
  fromEvent: number;
  toEvent: number;
  type: RelationType;
  confidence: number;
}

/** A theatre proposed from a dense cluster of linked events that no known theatre holds. */
export interface TheatreProposal extends Theatre {
  /** The events it would hold, oldest first. */
  eventIds: number[];
  firstSeen: string;
  lastSeen: string;
  /** Days with at least one of its events. */
  days: number;
  /** Share of its events linked to another of its events. */
  density: number;
  /** Share of its events that are force or its threat (threats, mobilization, assaults, fighting). */
  forceShare: number;
  /** Mean intensity (Goldstein −10 … +10) of its rated events. */
  meanIntensity: number | null;
  /** Its most recent headlines, newest first (at most five). */
  headlines: { id: number; firstSeen: string; title: string }[];
}

export interface ProposalOptions {
  /** A side pair needs this many linked events. */
  minEvents: number;
  /** …over at least this many days: a theatre is long-running, one day's burst is an event. */
  minDays: number;
  /** …of which at least this share are linked to another of them. */
  minDensity: number;
  /** …and at least this share are force or its threat: a theatre is a conflict, not a topic. */
  minForceShare: number;
  /** Context links count only at or above this confidence (the other types always). */
  minContextConfidence: number;
  /** Core pairs of known theatres: events showing one are a known theatre's, not a new one's. */
  knownPairs: readonly (readonly [string, string])[];
}

export const DEFAULT_PROPOSAL_OPTIONS: ProposalOptions = {
  minEvents: 5,
  minDays: 3,
  minDensity: 0.5,
  minForceShare: 0.35,
  minContextConfidence: 0.6,
  knownPairs: [],
};

/**
 * PLOVER types of force or its threat: what makes a cluster of events a conflict rather than a topic. Not COERCE:
 * curfews, travel bans and arrests are coercion too, and on CEP 2019–2021 they made "France – United Kingdom" (COVID-19
 * travel rules, 8 of 32 events COERCE, 2 threats) a theatre.
 */
const FORCE: ReadonlySet<string> = new Set(["THREATEN", "MOBILIZE", "ASSAULT", "FIGHT"]);

/**
 * Proposes theatres from events no known theatre holds (product.md §3). A pair of sides is a candidate when enough of
 * its events are linked to one another (update, response, escalation… and confident background), over several days,
 * and enough of them are force or its threat. Pairs that hold mostly the same events are one theatre with several
 * core pairs (Afghanistan–Taliban, United States–Taliban, Afghanistan–Islamic State). The result is shaped like a
 * configured theatre (`theatres.extra`), so adopting one is copying it into the config.
 */
export function proposeTheatres(
  events: UnplacedEvent[],
  links: LinkEdge[],
  nameOf: (side: string) => string,
  options: Partial<ProposalOptions> = {},
  /** Ids already used by known theatres: a proposal's id is none of them. */
  knownIds: readonly string[] = [],
): TheatreProposal[] {
  const o = { ...DEFAULT_PROPOSAL_OPTIONS, ...options };
  const byId = new Map(events.map((e) => [e.id, e]));
  const neighbours = new Map<number, Set<number>>();
  const join = (a: number, b: number) => {
    const s = neighbours.get(a) ?? new Set<number>();
    s.add(b);
    neighbours.set(a, s);
  };
  for (const l of links) {
    if (!byId.has(l.fromEvent) || !byId.has(l.toEvent)) continue;
    if (l.type === "context" && l.confidence < o.minContextConfidence) continue;
    join(l.fromEvent, l.toEvent);
    join(l.toEvent, l.fromEvent);
  }
  // Each linked event counts for every pair of its sides.
  const pairs = new Map<string, Set<number>>();
  for (const e of events) {
    if (!neighbours.has(e.id)) continue;
    const sides = [...new Set(e.sides)].sort();
    for (let i = 0; i < sides.length; i++)
      for (let j = i + 1; j < sides.length; j++) {
        const key = `${sides[i]}\u0000${sides[j]}`;
        const set = pairs.get(key) ?? new Set<number>();
        set.add(e.id);
        pairs.set(key, set);
      }
  }
  const known = new Set(o.knownPairs.map((p) => [...p].sort().join("\u0000")));
  const candidates = [...pairs]
    .filter(([key]) => !known.has(key))
    .map(([key, ids]) => ({ pair: key.split("\u0000") as [string, string], ids }))
    .filter((c) => qualifies([...c.ids], byId, neighbours, o))
    .sort((a, b) => b.ids.size - a.ids.size || a.pair.join().localeCompare(b.pair.join()));
  // A pair whose events are mostly those of a larger proposal is another core pair of it.
  const groups: Group[] = [];
  for (const c of candidates) {
    const home = groups.find((g) => overlap(c.ids, g.ids) >= 0.5 * c.ids.size);
    if (home) {
      home.pairs.push(c.pair);
      for (const id of c.ids) home.ids.add(id);
    } else groups.push({ pairs: [c.pair], ids: new Set(c.ids) });
  }
  const taken = new Set<string>(knownIds);
  return joinNeighbours(groups, byId).map((g) => describe(g, byId, neighbours, nameOf, taken));
}

type Group = { pairs: [string, string][]; ids: Set<number> };

// A smaller group sharing a side with a larger one, most of whose places are the larger one's, is one more front of
// it: on CEP 2021 the Taliban's fights with Islamic State in Kabul and Jalalabad and Britain's airlift from Kabul were
// proposed beside "Afghanistan – Taliban" as theatres of their own.
function joinNeighbours(groups: Group[], byId: Map<number, UnplacedEvent>): Group[] {
  const placesOf = (g: Group) => {
    const count = new Map<string, number>();
    for (const id of g.ids) for (const p of new Set(byId.get(id)?.places ?? [])) bump(count, p);
    return new Set([...count].filter(([, n]) => n >= 2).map(([p]) => p));
  };
  const out: Group[] = [];
  for (const g of groups) {
    const sides = new Set(g.pairs.flat());
    const mine = placesOf(g);
    const home = out.find((h) => {
      if (!h.pairs.flat().some((s) => sides.has(s)) || !mine.size) return false;
      const theirs = placesOf(h);
      return [...mine].filter((p) => theirs.has(p)).length >= mine.size / 2;
    });
    if (home) {
      home.pairs.push(...g.pairs);
      for (const id of g.ids) home.ids.add(id);
    } else out.push({ pairs: [...g.pairs], ids: new Set(g.ids) });
  }
  return out;
}

function qualifies(
  ids: number[],
  byId: Map<number, UnplacedEvent>,
  neighbours: Map<number, Set<number>>,
  o: ProposalOptions,
): boolean {
  if (ids.length < o.minEvents) return false;
  const mine = new Set(ids);
  const linked = ids.filter((id) => [...(neighbours.get(id) ?? [])].some((n) => mine.has(n))).length;
  if (linked < o.minDensity * ids.length) return false;
  const days = new Set(ids.map((id) => byId.get(id)?.firstSeen.slice(0, 10)));
  if (days.size < o.minDays) return false;
  const force = ids.filter((id) => FORCE.has(byId.get(id)?.type ?? "")).length;
  return force >= o.minForceShare * ids.length;
}

function overlap(a: Set<number>, b: Set<number>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

function describe(
  g: Group,
  byId: Map<number, UnplacedEvent>,
  neighbours: Map<number, Set<number>>,
  nameOf: (side: string) => string,
  taken: Set<string>,
): TheatreProposal {
  const list = [...g.ids]
    .map((id) => byId.get(id) as UnplacedEvent)
    .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id - b.id);
  // Named by the two sides met most often among its core pairs' events: "Afghanistan – Taliban".
  const core = new Set(g.pairs.flat());
  const sideCount = new Map<string, number>();
  for (const e of list) for (const s of new Set(e.sides)) if (core.has(s)) bump(sideCount, s);
  // A country before a group ("Sudan – Rapid Support Forces"), then by how often they are met.
  const isGroup = (s: string) => (s.startsWith("org:") ? 1 : 0);
  const sides = ranked(sideCount)
    .slice(0, 2)
    .sort((a, b) => isGroup(a) - isGroup(b));
  const name = sides.map(nameOf).join(" – ");
  const id = uniqueId(slug(name), taken);
  // Places named in at least two of its events, most named first.
  const placeCount = new Map<string, number>();
  for (const e of list) for (const p of new Set(e.places)) bump(placeCount, p);
  const places = ranked(placeCount)
    .filter((p) => (placeCount.get(p) ?? 0) >= 2)
    .slice(0, 12);
  const rated = list.filter((e) => e.intensity !== null);
  const linked = list.filter((e) => [...(neighbours.get(e.id) ?? [])].some((n) => g.ids.has(n))).length;
  return {
    id,
    name,
    aliases: [],
    actorPairs: g.pairs,
    places,
    eventIds: list.map((e) => e.id),
    firstSeen: list[0].firstSeen,
    lastSeen: list[list.length - 1].firstSeen,
    days: new Set(list.map((e) => e.firstSeen.slice(0, 10))).size,
    density: round(linked / list.length),
    forceShare: round(list.filter((e) => FORCE.has(e.type ?? "")).length / list.length),
    meanIntensity: rated.length
      ? round(rated.reduce((a, e) => a + (e.intensity as number), 0) / rated.length)
      : null,
    headlines: list
      .slice(-5)
      .reverse()
      .map((e) => ({ id: e.id, firstSeen: e.firstSeen, title: e.title })),
  };
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function ranked(m: Map<string, number>): string[] {
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s || "proposed";
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const round = (v: number) => Math.round(v * 100) / 100;
