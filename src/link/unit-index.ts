import type { EventDigest } from "../model/digest.ts";
import { findNames } from "./find-names.ts";
import { type IndexedDoc, LinkIndex, type LinkIndexOptions } from "./link-index.ts";

// Unit ids are event id × 64 + member slot: an event keeps at most 64 units.
const SLOTS = 64;

/**
 * The members of recent events, one indexed unit per member report (headline and lead): an event that
 * gathered many reports is found through the one report that matches, not through an average of all.
 */
export class UnitIndex {
  private readonly index: LinkIndex;
  private readonly unitsOf = new Map<number, number[]>();
  /** Most units an event keeps (the first third oldest, the rest newest). */
  readonly perEvent: number;
  /** Most of an event's own units used to look for others. */
  readonly perQuery: number;

  constructor(options: Partial<LinkIndexOptions> = {}, perEvent = 24, perQuery = 8) {
    this.index = new LinkIndex(options);
    this.perEvent = Math.min(perEvent, SLOTS);
    this.perQuery = perQuery;
  }

  /** Replaces the units of an event with one per member text. */
  set(event: Pick<EventDigest, "id" | "time" | "lastUpdated">, texts: string[]): void {
    this.remove(event.id);
    const head = Math.ceil(this.perEvent / 3);
    const kept =
      texts.length <= this.perEvent
        ? texts
        : [...texts.slice(0, head), ...texts.slice(-(this.perEvent - head))];
    const ids = kept.map((text, k) => {
      const names = findNames(text);
      const id = event.id * SLOTS + k;
      this.index.upsert({
        id,
        time: event.time,
        lastUpdated: event.lastUpdated,
        title: "",
        text,
        sentences: [],
        actors: [],
        countries: [...new Set(names.flatMap((n) => (n.iso3 ? [n.iso3] : [])))],
        places: [...new Set(names.filter((n) => n.kind === "place").map((n) => n.text))],
        theatres: [],
        type: null,
        intensity: null,
      });
      return id;
    });
    this.unitsOf.set(event.id, ids);
  }

  /** Forgets an event's units. */
  remove(eventId: number): void {
    for (const id of this.unitsOf.get(eventId) ?? []) this.index.remove(id);
    this.unitsOf.delete(eventId);
  }

  /**
   * Other events whose best-matching report is closest to one of this event's newest reports: per event, the
   * highest unit similarity (the larger of cosine and core overlap).
   */
  matches(eventId: number): Map<number, number> {
    const out = new Map<number, number>();
    for (const uid of (this.unitsOf.get(eventId) ?? []).slice(-this.perQuery)) {
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
