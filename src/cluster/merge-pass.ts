import type { ActiveEvents } from "./active-events.ts";
import type { EventData } from "./event-data.ts";
import { isBodyRich } from "./event-data.ts";
import { absorbEvent, mergeSurvivor } from "./merge-events.ts";
import { balancedCosine, groupDotsMaps, jointCosine, topUnitVector } from "./sparse-vector.ts";

/** A merged fragment: event `from` now redirects to event `to`. */
export interface MergeRedirect {
  from: number;
  to: number;
}

const MAX_ROUNDS = 4;

/**
 * Joins active events whose centroids (time-discounted) are at least `mergeRatio` times their join
 * threshold similar (event pairs are held to the same scale as articles, only stricter).
 * Candidate pairs come from the clusterer's index; they are merged best-first with scores
 * recomputed on the current centroids, and rounds repeat until nothing changes. Only pairs with an
 * event changed since the last refine are looked at, so the cost follows the news, not the backlog.
 */
export function mergePass(c: ActiveEvents): MergeRedirect[] {
  const out: MergeRedirect[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pairs = candidatePairs(c);
    let merged = 0;
    for (const [, a, b] of pairs) {
      const ea = c.events.get(c.resolve(a));
      const eb = c.events.get(c.resolve(b));
      if (!ea || !eb || ea === eb) continue;
      if (similarity(c, ea, eb) < mergeThreshold(c, ea, eb)) continue;
      const [keep, drop] = mergeSurvivor(ea, eb);
      merge(c, keep, drop);
      out.push({ from: drop.id, to: keep.id });
      merged++;
    }
    if (merged === 0) break;
  }
  return out;
}

function mergeThreshold(c: ActiveEvents, a: EventData, b: EventData): number {
  const p = c.params;
  return p.mergeRatio * (isBodyRich(a) && isBodyRich(b) ? p.bodyThreshold : p.threshold);
}

/** Time-discounted centroid similarity of two events (balanced when both are body-rich). */
function similarity(c: ActiveEvents, a: EventData, b: EventData): number {
  const gap = c.gapBetween(a, b);
  const dots = groupDotsMaps(a.centroid, b.centroid);
  const body = isBodyRich(a) && isBodyRich(b);
  const sim = body ? balancedCosine(dots, a.norms, b.norms) : jointCosine(dots, a.norms, b.norms);
  return sim * c.decay(gap);
}

/** Pairs with at least one event changed since the last refine, found from the changed side. */
function candidatePairs(c: ActiveEvents): [number, number, number][] {
  const p = c.params;
  const pairs: [number, number, number][] = [];
  const seen = new Set<string>();
  for (const id of c.dirtyIds()) {
    const e = c.events.get(id)!;
    // A one-article event was scored against every unchanged event when it was added and stayed
    // below the join threshold, hence below the stricter merge threshold: only changed partners matter,
    // and those query for themselves.
    if (e.members.length === 1) continue;
    const query = topUnitVector(e.centroid, p.indexFeatures * 2);
    for (const other of c.index.candidates(query, query.keys.length, p.maxCandidates)) {
      if (other === id) continue;
      const [a, b] = id < other ? [id, other] : [other, id];
      const key = `${a}:${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ea = c.events.get(a)!;
      const eb = c.events.get(b)!;
      const s = similarity(c, ea, eb);
      if (s >= mergeThreshold(c, ea, eb)) pairs.push([s, a, b]);
    }
  }
  return pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
}

function merge(c: ActiveEvents, keep: EventData, drop: EventData): void {
  absorbEvent(keep, drop, c.params.centroidFeatures);
  c.index.moveAll(drop.id, keep.id);
  for (const m of drop.members) c.articleEvent.set(m.id, keep.id);
  for (const [from, to] of c.redirects) if (to === drop.id) c.redirects.set(from, keep.id);
  c.redirects.set(drop.id, keep.id);
  c.events.delete(drop.id);
  c.dirty.delete(drop.id);
  c.dirty.add(keep.id);
}
