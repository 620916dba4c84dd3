import { describe, expect, it } from "vitest";
import { fitLogistic, predict } from "./fit-logistic.ts";

// A seeded generator, so the sample (and the test) is the same on every run.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("fitLogistic", () => {
  it("recovers the weights that generated the labels", () => {
    const next = random(7);
    const truth = { bias: -1, weights: [2, -1.5, 0] };
    const X: number[][] = [];
    const Y: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = [next(), next() * 2, next()];
      const z = truth.bias + truth.weights.reduce((a, w, j) => a + w * x[j], 0);
      X.push(x);
      Y.push(next() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
    }
    const m = fitLogistic(X, Y, 0.01);
    // Weights are fitted on standardized inputs: divide by the scale to compare with the raw ones.
    const raw = m.weights.map((w, j) => w / m.scale[j]);
    expect(raw[0]).toBeCloseTo(2, 0);
    expect(raw[1]).toBeCloseTo(-1.5, 0);
    expect(Math.abs(raw[2])).toBeLessThan(0.25);
    expect(predict(m, [1, 0, 0.5])).toBeCloseTo(1 / (1 + Math.exp(-1)), 1);
    expect(predict(m, [0, 2, 0.5])).toBeLessThan(0.05);
  });
});
