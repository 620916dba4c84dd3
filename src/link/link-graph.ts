import type { EventLink } from "../model/link.ts";

/** The current links of recent events in memory, in both directions: what changed, and who links to whom. */
export class LinkGraph {
  private readonly out = new Map<number, EventLink[]>();
  private readonly into = new Map<number, Set<number>>();

  /** Number of events with outgoing links. */
  get size(): number {
    return this.out.size;
  }

  /** Replaces an event's outgoing links; returns the links that are new (target or type changed). */
  set(from: number, links: EventLink[]): EventLink[] {
    const before = this.out.get(from) ?? [];
    const key = (l: EventLink) => `${l.toEvent}:${l.type}`;
    const had = new Set(before.map(key));
    for (const l of before) this.into.get(l.toEvent)?.delete(from);
    if (links.length) this.out.set(from, links);
    else this.out.delete(from);
    for (const l of links) {
      const s = this.into.get(l.toEvent) ?? new Set<number>();
      s.add(from);
      this.into.set(l.toEvent, s);
    }
    return links.filter((l) => !had.has(key(l)));
  }

  /** An event's outgoing links. */
  outOf(id: number): EventLink[] {
    return this.out.get(id) ?? [];
  }

  /** Events whose links point at `id`. */
  linkersOf(id: number): number[] {
    return [...(this.into.get(id) ?? [])];
  }

  /** Forgets an event and its outgoing links; returns the events that linked to it. */
  drop(id: number): number[] {
    const linkers = this.linkersOf(id);
    this.set(id, []);
    this.into.delete(id);
    for (const f of linkers) {
      const rest = this.outOf(f).filter((l) => l.toEvent !== id);
      this.set(f, rest);
    }
    return linkers;
  }

  /** Drops events for which `keep` is false (those that left the window), bounding memory. */
  prune(keep: (id: number) => boolean): void {
    for (const id of [...this.out.keys()]) if (!keep(id)) this.set(id, []);
    for (const [id, s] of this.into) if (!s.size) this.into.delete(id);
  }
}
