import { describe, expect, it } from "vitest";
import { BUILTIN_THEATRES } from "../classify/theatres.ts";
import type { SitrepEvent } from "../model/event.ts";
import { findTheatre, renderTimeline } from "./timeline.ts";

const event = (id: number, day: string, title: string, type: string, intensity: number): SitrepEvent =>
  ({
    id,
    redirectTo: null,
    firstSeen: `${day}T08:00:00.000Z`,
    lastUpdated: `${day}T09:00:00.000Z`,
    articleCount: 1,
    sourceCount: 1,
    topEntities: [],
    record: { title, type, intensity },
  }) as unknown as SitrepEvent;

describe("timeline", () => {
  it.each([
    { name: "by id", query: "russia-ukraine" },
    { name: "by name, any dash and case", query: "russo-ukrainian WAR" },
  ])("finds a theatre $name", ({ query }) => {
    expect(findTheatre(BUILTIN_THEATRES, query).id).toBe("russia-ukraine");
  });

  it("refuses an unknown theatre, listing the known ones", () => {
    expect(() => findTheatre(BUILTIN_THEATRES, "Atlantis")).toThrow(/known: .*russia-ukraine/);
  });

  it("lists events in order with their links, then the escalation sparkline and numbers", () => {
    const text = renderTimeline(
      findTheatre(BUILTIN_THEATRES, "russia-ukraine"),
      [
        event(7, "2026-03-01", "Missiles hit Kharkiv power plant", "FIGHT", -10),
        event(9, "2026-03-03", "Kyiv and Moscow swap 90 prisoners", "CONSULT", 4.6),
      ],
      [
        {
          fromEvent: 9,
          toEvent: 7,
          type: "de-escalation",
          confidence: 0.61,
          explanation: "De-escalates after (#7, 'Missiles hit Kharkiv power plant', 1 Mar).",
          evidence: {
            sharedActors: [],
            sharedPlaces: [],
            cues: [],
            intensityChange: 14.6,
            textSimilarity: 0.1,
          },
        },
      ],
      [
        { day: "2026-03-01", escalation: 10, events: 1 },
        { day: "2026-03-03", escalation: -6.6, events: 1 },
      ],
    );
    const lines = text.split("\n");
    expect(lines[2]).toBe("2026-03-01  #7      FIGHT       -10.0  Missiles hit Kharkiv power plant");
    expect(lines[4]).toContain("→ de-escalation #7 (0.61): De-escalates after (#7,");
    expect(text).toContain("2026-03-01 █ ▂ 2026-03-03");
    expect(text).toContain("2026-03-03   -6.6  (1 event)");
  });

  it("ends with the theatre's open threads and its actors", () => {
    const swap = {
      id: 9,
      title: "Kyiv and Moscow swap 90 prisoners",
      firstSeen: "2026-03-03T08:00:00.000Z",
      type: "CONSULT",
      intensity: 4.6,
    };
    const text = renderTimeline(findTheatre(BUILTIN_THEATRES, "russia-ukraine"), [], [], [], {
      threads: [
        {
          id: "s1",
          name: "Russia – Ukraine: prisoners",
          events: 3,
          firstSeen: "2026-02-20T08:00:00.000Z",
          lastSeen: swap.firstSeen,
          latest: swap,
          trend: "de-escalating",
        },
      ],
      actors: [
        {
          id: "UKR",
          name: "Ukraine",
          kind: "country",
          country: "UKR",
          events: 2,
          meanIntensity: -2.7,
          lastSeen: swap.firstSeen,
          eventTypes: [
            { type: "FIGHT", events: 1 },
            { type: "CONSULT", events: 1 },
          ],
        },
      ],
    });
    expect(text).toContain(
      "  Russia – Ukraine: prisoners: 3 events, 2026-02-20 to 2026-03-03, de-escalating; latest #9 Kyiv and Moscow swap 90 prisoners",
    );
    expect(text).toContain("  Ukraine (UKR): 2 events, mean intensity -2.7; in FIGHT ×1, CONSULT ×1");
  });
});
