import type { SparseVector } from "./sparse-vector.ts";

/**
 * Inverted index from an article's strongest features to the active events holding them.
 * Only active (in-window) events are indexed, so lookups cost the same on day 1 and day 1,000.
 */
export class CandidateIndex {
  private postings = new Map<string, Set<number>>();
  private keysOf = new Map<number, Set<string>>();

  /** Indexes `eventId` under the first `limit` keys of `vec` (its strongest features). */
  add(eventId: number, vec: SparseVector, limit: number): void {
    let own = this.keysOf.get(eventId);
    if (!own) {
      own = new Set();
      this.keysOf.set(eventId, own);
    }
    const n = Math.min(limit, vec.keys.length);
    for (let i = 0; i < n; i++) {
      const k = vec.keys[i];
      if (own.has(k)) continue;
      own.add(k);
      let p = this.postings.get(k);
      if (!p) {
        p = new Set();
        this.postings.set(k, p);
      }
      p.add(eventId);
    }
  }

  /** Removes an event from every posting list. */
  remove(eventId: number): void {
    const own = this.keysOf.get(eventId);
    if (!own) return;
    for (const k of own) {
      const p = this.postings.get(k);
      if (!p) continue;
      p.delete(eventId);
      if (p.size === 0) this.postings.delete(k);
    }
    this.keysOf.delete(eventId);
  }

  /** Re-indexes every key of `from` under `to` (after a merge) and drops `from`. */
  moveAll(from: number, to: number): void {
    const own = this.keysOf.get(from);
    if (!own) return;
    const keys = [...own];
    this.remove(from);
    this.add(to, { keys, vals: keys.map(() => 0) }, keys.length);
  }

  /** Events sharing the first `limit` keys of `vec`, by summed shared weight (desc, then id asc), at most `max`. */
  candidates(vec: SparseVector, limit: number, max: number): number[] {
    const acc = new Map<number, number>();
    const n = Math.min(limit, vec.keys.length);
    for (let i = 0; i < n; i++) {
      const p = this.postings.get(vec.keys[i]);
      if (!p) continue;
      for (const id of p) acc.set(id, (acc.get(id) ?? 0) + vec.vals[i]);
    }
    const ranked = [...acc.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (ranked.length > max) ranked.length = max;
    return ranked.map((e) => e[0]);
  }

  /** The keys under which an event is indexed, in insertion order (for snapshots). */
  keysFor(eventId: number): string[] {
    return [...(this.keysOf.get(eventId) ?? [])];
  }
}
