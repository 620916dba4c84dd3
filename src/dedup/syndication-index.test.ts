import { describe, expect, it } from "vitest";
import { SyndicationIndex } from "./syndication-index.ts";

const WIRE = `ISLAMABAD (Meridian Press Agency) — A Pakistani envoy will travel to Tehran this week to carry messages
between Iran and the United States, Iran's Foreign Ministry spokesman Esmail Baghaei told reporters on Monday,
confirming that indirect communications between the two governments continue through a mediator. Baghaei said
the envoy's visit had been agreed in advance and that no date had been set for direct talks. The United States
has not commented on the visit. Diplomats in the region say the channel has been active since the ceasefire began.`;

const OTHER = `KHARKIV — Russian drones struck an energy facility on the outskirts of Kharkiv overnight, cutting power to
thousands of homes, the regional governor said on Tuesday. Emergency crews worked through the night to restore
supplies, and schools in two districts moved classes online. Ukraine's air force said it had shot down most of the
drones launched in the attack but that several had reached their targets in the region and in neighbouring areas.`;

const DAY = 24 * 3600 * 1000;

describe("SyndicationIndex", () => {
  it("marks a lightly edited reprint as a copy of the original, and chains to the root", () => {
    const idx = new SyndicationIndex({ threshold: 0.7, windowDays: 7 });
    expect(idx.check("orig", WIRE, 0)).toBeNull();
    const reprint = `${WIRE.replace("on Monday", "on Monday, according to the agency")} (Reporting by staff.)`;
    expect(idx.check("copy1", reprint, DAY / 2)).toBe("orig");
    expect(idx.check("copy2", `${reprint} Edited by the desk.`, DAY)).toBe("orig");
    expect(idx.check("other", OTHER, DAY)).toBeNull();
  });

  it("forgets articles outside the window and survives a snapshot", () => {
    const idx = new SyndicationIndex({ threshold: 0.7, windowDays: 7 });
    idx.check("orig", WIRE, 0);
    const restored = SyndicationIndex.restore(
      { threshold: 0.7, windowDays: 7 },
      JSON.parse(JSON.stringify(idx.snapshot())),
    );
    expect(restored.check("copy", WIRE, DAY)).toBe("orig");
    expect(restored.check("late", WIRE, 30 * DAY)).toBeNull();
  });

  it("leaves short summaries to exact dedup", () => {
    const idx = new SyndicationIndex({ threshold: 0.7, windowDays: 7 });
    idx.check("a", "The death toll from the floods rises to 40.", 0);
    expect(idx.check("b", "The death toll from the floods rises to 41.", 0)).toBeNull();
  });
});
