import type { MemberData } from "./event-data.ts";
import { balancedCosine, groupDotsMaps, groupNorms, jointCosine } from "./sparse-vector.ts";

/** A proposed division of an event's members: `keep` stays under the old id, `move` gets a new one. */
export interface SplitPlan {
  keep: MemberData[];
  move: MemberData[];
  /** Cosine between the two halves' centroids. */
  similarity: number;
}

const ROUNDS = 5;

const SEEDS = 8;

/**
 * Deterministic 2-means over member vectors, restarted from several seed pairs (the member
 * farthest from the centroid, and members spread through the event, each paired with the member
 * least like it); keeps the partition whose halves are least alike. Proposes a split when those
 * halves are less similar than `threshold` and the smaller holds at least a quarter of the members
 * (so a few stray articles are not spun off as events of their own).
 */
export function planSplit(
  members: readonly MemberData[],
  threshold: number,
  minSize: number,
): SplitPlan | null {
  const n = members.length;
  if (n < minSize) return null;
  const body = 2 * members.filter((m) => m.body).length > n;
  const sim = (a: Map<string, number>, b: Map<string, number>): number => {
    const dots = groupDotsMaps(a, b);
    return body
      ? balancedCosine(dots, groupNorms(a), groupNorms(b))
      : jointCosine(dots, groupNorms(a), groupNorms(b));
  };
  const vecs = members.map((m) => new Map(m.vec.keys.map((k, i) => [k, m.vec.vals[i]])));
  const starts = [farthest(vecs, sumMaps(vecs), sim)];
  for (let k = 0; k < SEEDS; k++) starts.push(Math.floor((k * n) / SEEDS));
  let best: { side: boolean[]; similarity: number } | null = null;
  const tried = new Set<string>();
  for (const a of starts) {
    const b = farthest(vecs, vecs[a], sim);
    const key = `${Math.min(a, b)}:${Math.max(a, b)}`;
    if (a === b || tried.has(key)) continue;
    tried.add(key);
    const result = twoMeans(vecs, a, b, sim);
    const inB = result.side.filter(Boolean).length;
    if (Math.min(inB, n - inB) < Math.max(2, Math.ceil(n / 4))) continue;
    if (best === null || result.similarity < best.similarity) best = result;
  }
  if (best === null || best.similarity >= threshold) return null;
  const { side, similarity } = best;
  const groupA = members.filter((_, i) => !side[i]);
  const groupB = members.filter((_, i) => side[i]);
  // The half holding the first member keeps the id on a tie, so the event's origin stays put.
  const aKeeps = groupA.length > groupB.length || (groupA.length === groupB.length && !side[0]);
  return aKeeps ? { keep: groupA, move: groupB, similarity } : { keep: groupB, move: groupA, similarity };
}

type Similarity = (a: Map<string, number>, b: Map<string, number>) => number;

function twoMeans(
  vecs: Map<string, number>[],
  a: number,
  b: number,
  sim: Similarity,
): { side: boolean[]; similarity: number } {
  let ca = vecs[a];
  let cb = vecs[b];
  let side: boolean[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    side = vecs.map((v) => sim(v, cb) > sim(v, ca));
    ca = sumMaps(vecs.filter((_, i) => !side[i]));
    cb = sumMaps(vecs.filter((_, i) => side[i]));
  }
  return { side, similarity: ca.size > 0 && cb.size > 0 ? sim(ca, cb) : 1 };
}

function farthest(vecs: Map<string, number>[], from: Map<string, number>, sim: Similarity): number {
  let best = 0;
  let bestSim = Number.POSITIVE_INFINITY;
  for (let i = 0; i < vecs.length; i++) {
    const s = sim(vecs[i], from);
    if (s < bestSim) {
      bestSim = s;
      best = i;
    }
  }
  return best;
}

function sumMaps(maps: Map<string, number>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of maps) for (const [k, v] of m) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}
