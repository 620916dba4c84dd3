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
  const sim = (a: Side, b: Side): number => {
    const dots = groupDotsMaps(a.map, b.map);
    return body ? balancedCosine(dots, a.norms, b.norms) : jointCosine(dots, a.norms, b.norms);
  };
  const vecs = members.map((m) => side(new Map(m.vec.keys.map((k, i) => [k, m.vec.vals[i]]))));
  const starts = [farthest(vecs, sumSides(vecs), sim)];
  for (let k = 0; k < SEEDS; k++) starts.push(Math.floor((k * n) / SEEDS));
  let best: { inB: boolean[]; similarity: number } | null = null;
  const tried = new Set<string>();
  for (const a of starts) {
    const b = farthest(vecs, vecs[a], sim);
    const key = `${Math.min(a, b)}:${Math.max(a, b)}`;
    if (a === b || tried.has(key)) continue;
    tried.add(key);
    const result = twoMeans(vecs, a, b, sim);
    const sizeB = result.inB.filter(Boolean).length;
    if (Math.min(sizeB, n - sizeB) < Math.max(2, Math.ceil(n / 4))) continue;
    if (best === null || result.similarity < best.similarity) best = result;
  }
  if (best === null || best.similarity >= threshold) return null;
  const { inB, similarity } = best;
  const groupA = members.filter((_, i) => !inB[i]);
  const groupB = members.filter((_, i) => inB[i]);
  // The half holding the first member keeps the id on a tie, so the event's origin stays put.
  const aKeeps = groupA.length > groupB.length || (groupA.length === groupB.length && !inB[0]);
  return aKeeps ? { keep: groupA, move: groupB, similarity } : { keep: groupB, move: groupA, similarity };
}

/** A weight map with its group norms computed once. */
interface Side {
  map: Map<string, number>;
  norms: number[];
}

type Similarity = (a: Side, b: Side) => number;

function side(map: Map<string, number>): Side {
  return { map, norms: groupNorms(map) };
}

function twoMeans(
  vecs: Side[],
  a: number,
  b: number,
  sim: Similarity,
): { inB: boolean[]; similarity: number } {
  let ca = vecs[a];
  let cb = vecs[b];
  let inB: boolean[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    inB = vecs.map((v) => sim(v, cb) > sim(v, ca));
    ca = sumSides(vecs.filter((_, i) => !inB[i]));
    cb = sumSides(vecs.filter((_, i) => inB[i]));
  }
  return { inB, similarity: ca.map.size > 0 && cb.map.size > 0 ? sim(ca, cb) : 1 };
}

function farthest(vecs: Side[], from: Side, sim: Similarity): number {
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

function sumSides(sides: Side[]): Side {
  const out = new Map<string, number>();
  for (const s of sides) for (const [k, v] of s.map) out.set(k, (out.get(k) ?? 0) + v);
  return side(out);
}
