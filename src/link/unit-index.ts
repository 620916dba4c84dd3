import { BoundedMap } from "../model/bounded-map.ts";
import type { EventDigest } from "../model/digest.ts";
import { digestFeatures } from "./digest-features.ts";
import { findNames } from "./find-names.ts";
import { type IndexedDoc, LinkIndex, type LinkIndexOptions } from "./link-index.ts";

// Unit ids are event id × 64 + member slot: an event keeps at most 64 units.
const SLOTS = 64;

/** Member reports an event keeps in the index by default (its digest reads that many member texts). */
export const UNITS_PER_EVENT = 24;

/**
 * The members of recent events, one indexed unit per member report (headline and lead): an event that
 * gathered many reports is found through the one report that matches, not through an average of all.
 */
export class UnitIndex {
  private readonly index: LinkIndex;
  /** Per event, its indexed reports: text → unit id. */
  private readonly unitsOf = new Map<number, Map<string, number>>();
  /** Most units an event keeps (the first third oldest, the rest newest). */
  readonly perEvent: number;
  /** Most of an event's own units used to look for others. */
  readonly perQuery: number;

  constructor(options: Partial<LinkIndexOptions> = {}, perEvent = UNITS_PER_EVENT, perQuery = 4) {
    // A report is a headline and a sentence or two: fewer features to probe and fewer postings to read than an event.
    this.index = new LinkIndex({ maxQueryFeatures: 6, maxPostings: 100, maxCandidates: 16, ...options });
    this.perEvent = Math.min(perEvent, SLOTS);
    this.perQuery = perQuery;
  }

  /** Replaces the units of an event with one per member text; reports already indexed are kept as they are. */
  set(event: Pick<EventDigest, "id" | "time" | "lastUpdated">, texts: string[]): void {
    const head = Math.ceil(this.perEvent / 3);
    const kept =
      texts.length <= this.perEvent
        ? texts
        : [...texts.slice(0, head), ...texts.slice(-(this.perEvent - head))];
    const before = this.unitsOf.get(event.id) ?? new Map<string, number>();
    const after = new Map<string, number>();
    for (const [text, id] of before) {
      const doc = this.index.get(id);
      if (kept.includes(text) && doc && doc.digest.time === event.time) {
        doc.digest.lastUpdated = event.lastUpdated;
        after.set(text, id);
      } else this.index.remove(id);
    }
    const used = new Set(after.values());
    let slot = 0;
    for (const text of kept) {
      if (after.has(text)) continue;
      while (used.has(event.id * SLOTS + slot)) slot++;
      const id = event.id * SLOTS + slot;
      used.add(id);
      after.set(text, id);
      this.index.upsert(unitDigest(id, event, text), unitFeatures(text));
    }
    this.unitsOf.set(event.id, after);
  }

  /** Forgets an event's units. */
  remove(eventId: number): void {
    for (const id of this.unitsOf.get(eventId)?.values() ?? []) this.index.remove(id);
    this.unitsOf.delete(eventId);
  }

  /**
   * Other events whose best-matching report is closest to one of this event's newest reports: per event, the
   * highest unit similarity (the larger of cosine and core overlap).
   */
  matches(eventId: number): Map<number, number> {
    const out = new Map<number, number>();
    for (const uid of [...(this.unitsOf.get(eventId)?.values() ?? [])].slice(-this.perQuery)) {
      const u = this.index.get(uid);
      if (!u) continue;
      const earlier = (c: IndexedDoc) => {
        const other = Math.floor(c.digest.id / SLOTS);
        return c.digest.time < u.digest.time || (c.digest.time === u.digest.time && other < eventId);
      };
      for (const cid of this.index.candidates(u, earlier)) {
        const other = Math.floor(cid / SLOTS);
        const c = this.index.get(cid);
        if (other === eventId || !c) continue;
        const s = Math.max(this.index.similarity(u, c).text, this.index.coreOverlap(u, c));
        if (s > (out.get(other) ?? 0)) out.set(other, s);
      }
    }
    return out;
  }

  /** Events with units (memory check). */
  get size(): number {
    return this.unitsOf.size;
  }

  /** Drops the units of events for which `keep` is false. */
  prune(keep: (eventId: number) => boolean): void {
    for (const id of [...this.unitsOf.keys()]) if (!keep(id)) this.remove(id);
  }
}

/** A unit's digest: its text and times (its features come from unitFeatures). */
function unitDigest(id: number, event: Pick<EventDigest, "time" | "lastUpdated">, text: string): EventDigest {
  return {
    id,
    time: event.time,
    lastUpdated: event.lastUpdated,
    title: "",
    text,
    sentences: [],
    actors: [],
    countries: [],
    places: [],
    theatres: [],
    type: null,
    intensity: null,
  };
}

// Features of member-report texts, made ahead (on the ingest's prepare thread) or on first use; bounded.
const featuresOf = new BoundedMap<string, Map<string, number>>(20_000);

/** The index features of a member report's text: its words and names, and the countries and places it names. */
export function unitFeatures(text: string): Map<string, number> {
  const known = featuresOf.get(text);
  if (known) return known;
  const names = findNames(text);
  const f = digestFeatures(
    {
      ...unitDigest(0, { time: 0, lastUpdated: 0 }, text),
      countries: [...new Set(names.flatMap((n) => (n.iso3 ? [n.iso3] : [])))],
      places: [...new Set(names.filter((n) => n.kind === "place").map((n) => n.text))],
    },
    names,
  );
  featuresOf.set(text, f);
  return f;
}

/** Adds features made elsewhere (the ingest's prepare thread) as if made here. */
export function rememberUnitFeatures(entries: [string, Map<string, number>][]): void {
  for (const [text, f] of entries) if (!featuresOf.has(text)) featuresOf.set(text, f);
}
