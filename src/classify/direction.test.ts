import { describe, expect, it } from "vitest";
import { directionOf, escalationIndex } from "./direction.ts";

describe("directionOf", () => {
  const cases = [
    { name: "no history", intensity: -10, recent: [], want: "unknown" },
    { name: "no intensity", intensity: null, recent: [1, 2], want: "unknown" },
    { name: "attack after talks", intensity: -10, recent: [1, 4, 3.4], want: "escalating" },
    { name: "ceasefire after fighting", intensity: 9, recent: [-10, -9, -10], want: "de-escalating" },
    { name: "more of the same", intensity: -9, recent: [-10, -9.5, -8], want: "steady" },
    {
      name: "only the last five count",
      intensity: -5,
      recent: [8, 8, 8, -5, -5, -5, -5, -5],
      want: "steady",
    },
  ] as const;
  for (const c of cases) it(c.name, () => expect(directionOf(c.intensity, c.recent)).toBe(c.want));
});

describe("escalationIndex", () => {
  it("rises as events turn violent", () => {
    const idx = escalationIndex([4, 1, -5, -10]);
    expect(idx[3]).toBeGreaterThan(idx[0]);
  });
});
