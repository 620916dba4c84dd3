/**
 * Offline comparison of link scores on candidate-pair dumps (scripts/link-train.ts dump): the shipped logistic model,
 * the same logistic refitted on TRAIN, and gradient-boosted trees fitted on TRAIN. For each, on TEST: log loss on the
 * leaf target, then at thresholds 0.30 … 0.60 (up to 8 links per newer event, as the linker keeps) the number of
 * links, their label precision, and how many newer events hold a link to an event of one leaf story.
 *
 *   npx node scripts/link-trees.ts TRAIN.ndjson TEST.ndjson [--target leaf|label] [--rounds 150] [--depth 4] [--rate 0.1]
 *
 * The trees are second-order boosting on 32 quantile bins per input (logistic loss, L2 1 on leaf values, at least
 * 20 units of hessian per leaf). They were tried in place of the logistic model and not adopted (docs/evaluation.md).
 */
import { readFileSync } from "node:fs";
import { fitLogistic, predict } from "../src/link/fit-logistic.ts";
import type { LinkModel } from "../src/link/link-model.ts";

interface Pair {
  from: number;
  to: number;
  x: number[];
  y: number;
  leaf: number;
}
type Tree = { value: number } | { feature: number; below: number; left: Tree; right: Tree };

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const load = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Pair);
const [trainFile, testFile] = args.filter((a) => a.endsWith(".ndjson"));
if (!trainFile || !testFile) {
  console.error("usage: link-trees.ts TRAIN.ndjson TEST.ndjson [--target leaf|label] (see the file's head)");
  process.exit(2);
}
const train = load(trainFile);
const test = load(testFile);
const target = (p: Pair) => (flag("--target", "leaf") === "label" ? p.y : p.leaf);

const BINS = 32;
const MIN_HESSIAN = 20;
const L2 = 1;

/** Boosted trees on quantile bins of each input. */
function fitTrees(rows: Pair[], rounds: number, depth: number, rate: number): (x: number[]) => number {
  const d = rows[0].x.length;
  const n = rows.length;
  const edges: number[][] = [];
  for (let j = 0; j < d; j++) {
    const v = rows.map((r) => r.x[j]).sort((a, b) => a - b);
    const e: number[] = [];
    for (let b = 1; b < BINS; b++) {
      const q = v[Math.floor((b * n) / BINS)];
      if (!e.length || q > e[e.length - 1]) e.push(q);
    }
    edges.push(e);
  }
  // Bin b holds edges[b-1] <= x < edges[b].
  const bin = new Uint8Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) {
      const e = edges[j];
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (rows[i].x[j] >= e[m]) lo = m + 1;
        else hi = m;
      }
      bin[i * d + j] = lo;
    }
  const y = rows.map(target);
  const positives = y.reduce((a, b) => a + b, 0);
  const base = Math.log(positives / (n - positives));
  const score = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const grow = (idx: number[], left: number): Tree => {
    let G = 0;
    let H = 0;
    for (const i of idx) {
      G += g[i];
      H += h[i];
    }
    const leaf = { value: (-G / (H + L2)) * rate };
    if (left === 0 || H < 2 * MIN_HESSIAN) return leaf;
    let best = { gain: 0, feature: -1, bin: -1 };
    const hg = new Float64Array(BINS);
    const hh = new Float64Array(BINS);
    const parent = (G * G) / (H + L2);
    for (let j = 0; j < d; j++) {
      hg.fill(0);
      hh.fill(0);
      for (const i of idx) {
        hg[bin[i * d + j]] += g[i];
        hh[bin[i * d + j]] += h[i];
      }
      let gl = 0;
      let hl = 0;
      for (let b = 0; b < edges[j].length; b++) {
        gl += hg[b];
        hl += hh[b];
        if (hl < MIN_HESSIAN || H - hl < MIN_HESSIAN) continue;
        const gain = (gl * gl) / (hl + L2) + ((G - gl) * (G - gl)) / (H - hl + L2) - parent;
        if (gain > best.gain) best = { gain, feature: j, bin: b };
      }
    }
    if (best.feature < 0) return leaf;
    const lower = idx.filter((i) => bin[i * d + best.feature] <= best.bin);
    const upper = idx.filter((i) => bin[i * d + best.feature] > best.bin);
    return {
      feature: best.feature,
      below: edges[best.feature][best.bin],
      left: grow(lower, left - 1),
      right: grow(upper, left - 1),
    };
  };
  const value = (t: Tree, x: number[]): number =>
    "value" in t ? t.value : value(x[t.feature] < t.below ? t.left : t.right, x);
  const trees: Tree[] = [];
  const all = rows.map((_, i) => i);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-score[i]));
      g[i] = p - y[i];
      h[i] = p * (1 - p);
    }
    const t = grow(all, depth);
    trees.push(t);
    for (let i = 0; i < n; i++) score[i] += value(t, rows[i].x);
  }
  return (x) => 1 / (1 + Math.exp(-trees.reduce((s, t) => s + value(t, x), base)));
}

function report(name: string, p: (x: number[]) => number): void {
  const byNewer = new Map<number, { p: number; pair: Pair }[]>();
  let loss = 0;
  for (const pair of test) {
    const v = Math.min(1 - 1e-9, Math.max(1e-9, p(pair.x)));
    loss -= pair.leaf ? Math.log(v) : Math.log(1 - v);
    const list = byNewer.get(pair.from) ?? [];
    list.push({ p: v, pair });
    byNewer.set(pair.from, list);
  }
  console.log(`${name}: log loss ${(loss / test.length).toFixed(4)}`);
  for (const list of byNewer.values()) list.sort((a, b) => b.p - a.p);
  for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
    let links = 0;
    let labelled = 0;
    let found = 0;
    for (const list of byNewer.values()) {
      const kept = list.slice(0, 8).filter((c) => c.p >= threshold);
      links += kept.length;
      for (const c of kept) labelled += c.pair.y;
      if (kept.some((c) => c.pair.leaf)) found++;
    }
    console.log(
      `  ${threshold.toFixed(2)}: ${links} links, label precision ${(labelled / links).toFixed(3)}, ${found} events with a same-story link`,
    );
  }
}

const shipped = JSON.parse(
  readFileSync(new URL("../src/link/link-model.json", import.meta.url), "utf8"),
) as LinkModel;
report("shipped logistic", (x) => predict(shipped, x));
const refit = fitLogistic(
  train.map((r) => r.x),
  train.map(target),
);
report("logistic refitted on TRAIN", (x) => predict(refit, x));
const rounds = Number(flag("--rounds", "150"));
const depth = Number(flag("--depth", "4"));
const rate = Number(flag("--rate", "0.1"));
report(`trees (${rounds} rounds, depth ${depth}, rate ${rate})`, fitTrees(train, rounds, depth, rate));
