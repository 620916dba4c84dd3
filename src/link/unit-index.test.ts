import { describe, expect, it } from "vitest";
import { UnitIndex } from "./unit-index.ts";

const DAY = 86_400_000;
const t0 = Date.parse("2026-03-01T09:00:00Z");

describe("UnitIndex", () => {
  it("finds a long event through the one report that matches, earlier events only", () => {
    const units = new UnitIndex();
    const roundup = Array.from(
      { length: 30 },
      (_, i) => `Day ${i} of the pandemic: hospitals in region ${i} report new admissions.`,
    );
    roundup[3] = "Poland surpasses 90,000 deaths from COVID-19 as hospitals in Warsaw fill up.";
    units.set({ id: 1, time: t0, lastUpdated: t0 + 20 * DAY }, roundup);
    units.set({ id: 2, time: t0 + DAY, lastUpdated: t0 + DAY }, [
      "Kenya floods displace families along the Tana river.",
    ]);
    units.set({ id: 3, time: t0 + 21 * DAY, lastUpdated: t0 + 21 * DAY }, [
      "Poland surpasses 100,000 deaths from COVID-19.",
    ]);
    const found = units.matches(3);
    expect([...found.keys()]).toEqual([1]);
    expect(found.get(1)).toBeGreaterThan(0.4);
    expect(units.matches(1).size).toBe(0);
  });

  it("keeps at most perEvent units, oldest third and newest rest, and forgets removed events", () => {
    const units = new UnitIndex({}, 6, 2);
    const texts = [
      "Copper strike in Antofagasta",
      "Floods along the Tana river",
      "Central bank holds rates",
      "Amazon fires start early",
      "Drilling licences debated",
      "Volcano erupts near Tonga",
      "Ferry sinks off Bali",
      "Locusts swarm in Somalia",
    ];
    units.set({ id: 1, time: t0, lastUpdated: t0 }, texts);
    units.set({ id: 2, time: t0 + 1, lastUpdated: t0 + 1 }, ["Central bank holds rates again"]);
    units.set({ id: 3, time: t0 + 2, lastUpdated: t0 + 2 }, ["Ferry sinks off Bali, dozens rescued"]);
    expect(units.matches(2).has(1)).toBe(false);
    expect(units.matches(3).has(1)).toBe(true);
    units.remove(1);
    expect(units.matches(3).has(1)).toBe(false);
    expect(units.size).toBe(2);
  });
});
