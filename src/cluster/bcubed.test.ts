import { describe, expect, it } from "vitest";
import { bcubed } from "./bcubed.ts";

const cases: {
  name: string;
  pred: Record<string, number>;
  gold: Record<string, string>;
  want: [number, number];
}[] = [
  {
    name: "perfect clustering",
    pred: { a: 1, b: 1, c: 2 },
    gold: { a: "x", b: "x", c: "y" },
    want: [1, 1],
  },
  {
    name: "everything in one cluster: full recall, precision = mean share of own gold",
    pred: { a: 1, b: 1, c: 1 },
    gold: { a: "x", b: "x", c: "y" },
    want: [(2 / 3 + 2 / 3 + 1 / 3) / 3, 1],
  },
  {
    name: "all singletons: full precision, recall = mean 1/|gold|",
    pred: { a: 1, b: 2, c: 3 },
    gold: { a: "x", b: "x", c: "y" },
    want: [1, (1 / 2 + 1 / 2 + 1) / 3],
  },
  {
    name: "worked example: {a,b,c} {d} against {a,b} {c,d}",
    pred: { a: 1, b: 1, c: 1, d: 2 },
    gold: { a: "x", b: "x", c: "y", d: "y" },
    want: [(2 / 3 + 2 / 3 + 1 / 3 + 1) / 4, (1 + 1 + 1 / 2 + 1 / 2) / 4],
  },
  {
    name: "items without gold are ignored",
    pred: { a: 1, b: 1, z: 1 },
    gold: { a: "x", b: "x" },
    want: [1, 1],
  },
];

describe("bcubed", () => {
  it.each(cases)("$name", ({ pred, gold, want }) => {
    const s = bcubed(new Map(Object.entries(pred)), new Map(Object.entries(gold)));
    expect(s.precision).toBeCloseTo(want[0], 10);
    expect(s.recall).toBeCloseTo(want[1], 10);
    expect(s.f1).toBeCloseTo((2 * want[0] * want[1]) / (want[0] + want[1]), 10);
  });

  it("scores an empty overlap as zero", () => {
    expect(bcubed(new Map(), new Map([["a", "x"]]))).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
