import { describe, expect, it } from "vitest";
import type { Actor } from "../model/actor.ts";
import { type OverviewEvent, openThreads, theatreActors } from "./theatre-overview.ts";

const actor = (id: string, name: string, kind: Actor["kind"], country: string | null): Actor => ({
  id,
  name,
  kind,
  country,
  code: country,
  sector: null,
  role: null,
  organization: null,
  stateMedia: kind === "media",
});
const IRN = actor("IRN", "Iran", "country", "IRN");
const USA = actor("USA", "United States", "country", "USA");
const PAK = actor("PAK", "Pakistan", "country", "PAK");
const IRNS = actor("media:irns", "Islamic Republic News Service", "media", "IRN");

const ev = (id: number, day: string, type: string | null, intensity: number | null): OverviewEvent => ({
  id,
  title: `event ${id}`,
  firstSeen: `2026-11-${day}T10:00:00.000Z`,
  type,
  intensity,
});
// The seeds' story in outline: talks, a deployment, talks via Pakistan, a denial, pressure for strikes.
const events = [
  ev(2, "01", "CONSULT", 3),
  ev(8, "02", "MOBILIZE", -7),
  ev(15, "04", "CONSULT", 5),
  ev(34, "14", "REJECT", -4),
  ev(36, "16", "DEMAND", -5),
  ev(40, "17", null, null),
];
const actorsOf = new Map<number, Actor[]>([
  [2, [IRN, USA]],
  [8, [USA, IRN]],
  [15, [IRN, USA, PAK, IRNS]],
  [34, [IRN, PAK]],
  [36, [USA, IRN]],
  [40, [IRN]],
]);

describe("theatreActors", () => {
  it("lists actors in most events first, with their mean intensity and the types of their events, outlets left out", () => {
    const list = theatreActors(events, actorsOf);
    expect(list.map((a) => a.id)).toEqual(["IRN", "USA", "PAK"]);
    expect(list[0]).toMatchObject({
      name: "Iran",
      events: 6,
      meanIntensity: -1.6,
      lastSeen: "2026-11-17T10:00:00.000Z",
      eventTypes: [
        { type: "CONSULT", events: 2 },
        { type: "DEMAND", events: 1 },
        { type: "MOBILIZE", events: 1 },
      ],
    });
    expect(list[2]).toMatchObject({ events: 2, meanIntensity: 0.5 });
    expect(theatreActors(events, actorsOf, 1)).toHaveLength(1);
  });
});

describe("openThreads", () => {
  const lines = [
    { id: "talks", name: "Iran – United States: talks", eventIds: [2, 15, 34] },
    { id: "pressure", name: "Israel – Iran: demands", eventIds: [8, 36] },
    { id: "old", name: "Iran – Pakistan: border", eventIds: [2, 8] },
    { id: "elsewhere", name: "Sudan – RSF", eventIds: [900, 901] },
  ];

  it("keeps storylines that moved in the theatre's last week, latest first, with the trend of their latest step", () => {
    const open = openThreads(lines, events, 7);
    expect(open.map((t) => [t.id, t.trend, t.latest.id, t.events])).toEqual([
      // Demands (−5) after a deployment (−7): a step down in force.
      ["pressure", "de-escalating", 36, 2],
      ["talks", "escalating", 34, 3],
    ]);
  });

  it("calls a step up after talks de-escalating, and one with no rated step unknown", () => {
    const up = openThreads([{ id: "t", name: "t", eventIds: [8, 15] }], events, 30);
    expect(up[0].trend).toBe("de-escalating");
    const unknown = openThreads([{ id: "u", name: "u", eventIds: [36, 40] }], events, 30);
    expect(unknown[0].trend).toBe("unknown");
  });
});
