/**
 * Gradient-boosted regression trees for a binary target (log loss), fitted by scripts/link-train.ts. A logistic
 * model adds up its inputs' weights one by one; trees let one input change what another is worth (a shared rare
 * name matters when the text overlap is low, a week apart matters less for a war's theatre), which the pair
 * features of the link score need. Histogram fitting: each input is cut into at most `bins` quantile bins once,
 * then every split is searched over bins. Small, dependency-free, deterministic (no sampling).
 */

/** One node: a split (`f`, `t`, children `l`, `r` as node indexes) or a leaf (`v`, the value added). */
export type TreeNode = { f: number; t: number; l: number; r: number } | { v: number };

/** A fitted ensemble: probability = sigmoid(base + Σ tree(x)). */
export interface Trees {
  base: number;
  trees: TreeNode[][];
}

export interface TreeOptions {
  rounds: number;
  depth: number;
  /** Shrinkage of each tree's values. */
  rate: number;
  /** L2 penalty on leaf values (in units of Hessian weight). */
  lambda: number;
  /** A leaf needs at least this much Hessian weight. */
  minWeight: number;
  bins: number;
}

export const DEFAULT_TREE_OPTIONS: TreeOptions = {
  rounds: 200,
  depth: 4,
  rate: 0.1,
  lambda: 1,
  minWeight: 20,
  bins: 32,
};

/** The ensemble's raw score (log-odds) for one input. */
export function treeMargin(m: Trees, x: number[]): number {
  let z = m.base;
  for (const tree of m.trees) {
    let node = tree[0];
    while (!("v" in node)) node = tree[x[node.f] <= node.t ? node.l : node.r];
    z += node.v;
  }
  return z;
}

/** The ensemble's probability for one input. */
export function predictTrees(m: Trees, x: number[]): number {
  return 1 / (1 + Math.exp(-treeMargin(m, x)));
}

/** Fits the ensemble to rows X (all of one width) and 0/1 targets Y. */
export function fitTrees(X: number[][], Y: number[], options: Partial<TreeOptions> = {}): Trees {
  const o = { ...DEFAULT_TREE_OPTIONS, ...options };
  const n = X.length;
  const d = X[0]?.length ?? 0;
  const cuts = Array.from({ length: d }, (_, j) => binCuts(X, j, o.bins));
  // Bin index of each value, column-major for the histogram passes.
  const binned = cuts.map((c, j) => {
    const col = new Uint8Array(n);
    for (let i = 0; i < n; i++) col[i] = binOf(c, X[i][j]);
    return col;
  });
  const positives = Y.reduce((a, b) => a + b, 0);
  const prior = Math.min(Math.max(positives / Math.max(1, n), 1e-6), 1 - 1e-6);
  const base = Math.log(prior / (1 - prior));
  const margin = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: TreeNode[][] = [];
  for (let round = 0; round < o.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]));
      g[i] = p - Y[i];
      h[i] = Math.max(p * (1 - p), 1e-9);
    }
    trees.push(growTree(binned, cuts, g, h, margin, o));
  }
  return { base, trees };
}

/** Up to `bins − 1` cut points at the distinct quantiles of column j. */
function binCuts(X: number[][], j: number, bins: number): number[] {
  const step = Math.max(1, Math.floor(X.length / 20000));
  const values: number[] = [];
  for (let i = 0; i < X.length; i += step) values.push(X[i][j]);
  values.sort((a, b) => a - b);
  const out: number[] = [];
  for (let k = 1; k < bins; k++) {
    const v = values[Math.floor((k * values.length) / bins)];
    if (v !== undefined && (out.length === 0 || v > out[out.length - 1]) && v < values[values.length - 1])
      out.push(v);
  }
  return out;
}

/** The bin of value v: the number of cut points below it (values ≤ cut k fall in bins ≤ k). */
function binOf(cuts: number[], v: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= cuts[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface Open {
  node: number;
  rows: Uint32Array;
  depth: number;
}

function growTree(
  binned: Uint8Array[],
  cuts: number[][],
  g: Float64Array,
  h: Float64Array,
  margin: Float64Array,
  o: TreeOptions,
): TreeNode[] {
  const n = g.length;
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const tree: TreeNode[] = [{ v: 0 }];
  const open: Open[] = [{ node: 0, rows: all, depth: 0 }];
  while (open.length) {
    const { node, rows, depth } = open.pop() as Open;
    let G = 0;
    let H = 0;
    for (const i of rows) {
      G += g[i];
      H += h[i];
    }
    const split =
      depth < o.depth && H >= 2 * o.minWeight ? bestSplit(binned, cuts, g, h, rows, G, H, o) : null;
    if (!split) {
      // A leaf: its value moves the margins of its rows at once (the next round's gradients need them).
      const v = (-G / (H + o.lambda)) * o.rate;
      tree[node] = { v };
      for (const i of rows) margin[i] += v;
      continue;
    }
    const col = binned[split.f];
    let nl = 0;
    for (const i of rows) if (col[i] <= split.bin) nl++;
    const left = new Uint32Array(nl);
    const right = new Uint32Array(rows.length - nl);
    let a = 0;
    let b = 0;
    for (const i of rows) {
      if (col[i] <= split.bin) left[a++] = i;
      else right[b++] = i;
    }
    const l = tree.push({ v: 0 }) - 1;
    const r = tree.push({ v: 0 }) - 1;
    tree[node] = { f: split.f, t: cuts[split.f][split.bin], l, r };
    open.push({ node: l, rows: left, depth: depth + 1 }, { node: r, rows: right, depth: depth + 1 });
  }
  return tree;
}

function bestSplit(
  binned: Uint8Array[],
  cuts: number[][],
  g: Float64Array,
  h: Float64Array,
  rows: Uint32Array,
  G: number,
  H: number,
  o: TreeOptions,
): { f: number; bin: number } | null {
  const score = (gs: number, hs: number) => (gs * gs) / (hs + o.lambda);
  const parent = score(G, H);
  let best: { f: number; bin: number; gain: number } | null = null;
  for (let f = 0; f < binned.length; f++) {
    const k = cuts[f].length;
    if (k === 0) continue;
    const gh = new Float64Array(k + 1);
    const hh = new Float64Array(k + 1);
    const col = binned[f];
    for (const i of rows) {
      gh[col[i]] += g[i];
      hh[col[i]] += h[i];
    }
    let gl = 0;
    let hl = 0;
    for (let bin = 0; bin < k; bin++) {
      gl += gh[bin];
      hl += hh[bin];
      const hr = H - hl;
      if (hl < o.minWeight || hr < o.minWeight) continue;
      const gain = score(gl, hl) + score(G - gl, hr) - parent;
      if (gain > 1e-9 && (!best || gain > best.gain)) best = { f, bin, gain };
    }
  }
  return best;
}
