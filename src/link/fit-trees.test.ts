import { describe, expect, it } from "vitest";
import { fitLogistic, predict } from "./fit-logistic.ts";
import { fitTrees, predictTrees } from "./fit-trees.ts";

// A seeded generator, so the sample (and the test) is the same on every run.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// One input matters only when the other is high: a shared rare name counts when the texts barely overlap.
function sample(seed: number, n: number) {
  const next = random(seed);
  const X: number[][] = [];
  const Y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [next(), next(), next()];
    const p = x[0] > 0.5 !== x[1] > 0.5 ? 0.9 : 0.1;
    X.push(x);
    Y.push(next() < p ? 1 : 0);
  }
  return { X, Y };
}

const accuracy = (p: number[], y: number[]) =>
  p.filter((v, i) => (v >= 0.5 ? 1 : 0) === y[i]).length / y.length;

describe("fitTrees", () => {
  it("learns an interaction of two inputs that a logistic model cannot", () => {
    const train = sample(3, 8000);
    const test = sample(11, 4000);
    const trees = fitTrees(train.X, train.Y, { rounds: 40, depth: 2 });
    const logistic = fitLogistic(train.X, train.Y);
    const byTrees = accuracy(
      test.X.map((x) => predictTrees(trees, x)),
      test.Y,
    );
    const byLogistic = accuracy(
      test.X.map((x) => predict(logistic, x)),
      test.Y,
    );
    // 0.9 is the best any model can do on this sample; a logistic model stays near chance.
    expect(byTrees).toBeGreaterThan(0.85);
    expect(byLogistic).toBeLessThan(0.6);
  });

  it("splits on the inputs that matter and gives probabilities near the data's", () => {
    const { X, Y } = sample(5, 6000);
    const m = fitTrees(X, Y, { rounds: 150, depth: 2 });
    const used = new Set(m.trees.flatMap((t) => t.flatMap((n) => ("f" in n ? [n.f] : []))));
    expect(used.has(0) && used.has(1)).toBe(true);
    expect(predictTrees(m, [0.9, 0.1, 0.5])).toBeGreaterThan(0.8);
    expect(predictTrees(m, [0.9, 0.9, 0.5])).toBeLessThan(0.2);
  });
});
