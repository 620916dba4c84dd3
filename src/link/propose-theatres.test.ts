import { describe, expect, it } from "vitest";
import type { RelationType } from "../model/link.ts";
import { type LinkEdge, proposeTheatres, type UnplacedEvent } from "./propose-theatres.ts";

const NAMES: Record<string, string> = {
  KGZ: "Kyrgyzstan",
  TJK: "Tajikistan",
  FRA: "France",
  GBR: "United Kingdom",
  AFG: "Afghanistan",
  "org:taliban": "Taliban",
  "org:isis": "Islamic State",
};
const nameOf = (s: string) => NAMES[s] ?? s;

let next = 1;
function ev(
  day: string,
  type: string,
  intensity: number,
  sides: string[],
  places: string[] = [],
  title = "",
): UnplacedEvent {
  const id = next++;
  return {
    id,
    firstSeen: `${day}T12:00:00.000Z`,
    title: title || `event ${id}`,
    type,
    intensity,
    sides,
    places,
  };
}

// Each event linked to the one before it.
function chain(events: UnplacedEvent[], type: RelationType = "update", confidence = 0.7): LinkEdge[] {
  return events.slice(1).map((e, i) => ({ fromEvent: e.id, toEvent: events[i].id, type, confidence }));
}

// A border war: clashes, a truce, more clashes, over a week (the 2021 Kyrgyz–Tajik fighting, in outline).
function borderWar(): UnplacedEvent[] {
  return [
    ev(
      "2021-04-28",
      "FIGHT",
      -10,
      ["KGZ", "TJK"],
      ["Batken", "Vorukh"],
      "Border guards exchange fire near Vorukh",
    ),
    ev("2021-04-29", "FIGHT", -10, ["KGZ", "TJK"], ["Batken"], "Fighting spreads along the Batken border"),
    ev("2021-04-29", "ASSAULT", -9, ["KGZ", "TJK"], ["Batken", "Vorukh"], "Houses burned in Vorukh"),
    ev("2021-04-30", "RETREAT", 9, ["KGZ", "TJK"], [], "Kyrgyzstan and Tajikistan agree a ceasefire"),
    ev("2021-05-01", "AGREE", 5, ["KGZ", "TJK"], ["Batken"], "Troops pull back from the Batken border"),
    ev("2021-05-03", "THREATEN", -7, ["KGZ", "TJK"], [], "Kyrgyzstan warns Tajikistan over new posts"),
  ];
}

describe("proposeTheatres", () => {
  it("proposes a theatre from a pair of sides whose linked events are force over several days", () => {
    const war = borderWar();
    const [p, ...rest] = proposeTheatres(war, chain(war), nameOf);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      id: "kyrgyzstan-tajikistan",
      name: "Kyrgyzstan – Tajikistan",
      aliases: [],
      actorPairs: [["KGZ", "TJK"]],
      places: ["Batken", "Vorukh"],
      eventIds: war.map((e) => e.id),
      days: 5,
      density: 1,
      forceShare: 0.67,
    });
    expect(p.headlines[0].title).toBe("Kyrgyzstan warns Tajikistan over new posts");
    expect(p.meanIntensity).toBeCloseTo(-3.67, 2);
  });

  it("proposes nothing for a topic without force: travel rules between two countries", () => {
    const rules = ["COERCE", "COERCE", "AGREE", "CONSULT", "COERCE", "THREATEN"].map((t, i) =>
      ev(`2021-12-0${i + 1}`, t, -4, ["FRA", "GBR"]),
    );
    expect(proposeTheatres(rules, chain(rules), nameOf)).toEqual([]);
  });

  it.each([
    {
      name: "one day's burst",
      make: () => borderWar().map((e) => ({ ...e, firstSeen: "2021-04-29T12:00:00.000Z" })),
      links: chain,
    },
    { name: "events not linked to one another", make: borderWar, links: () => [] },
    {
      name: "events linked only as low-confidence background",
      make: borderWar,
      links: (e: UnplacedEvent[]) => chain(e, "context", 0.45),
    },
    { name: "too few events", make: () => borderWar().slice(0, 4), links: chain },
  ])("proposes nothing for $name", ({ make, links }) => {
    const events = make();
    expect(proposeTheatres(events, links(events), nameOf)).toEqual([]);
  });

  it("counts confident background links, and links to events outside the set not at all", () => {
    const war = borderWar();
    expect(proposeTheatres(war, chain(war, "context", 0.65), nameOf)).toHaveLength(1);
    const elsewhere = war.map((e) => ({
      fromEvent: e.id,
      toEvent: 9999,
      type: "update" as const,
      confidence: 0.9,
    }));
    expect(proposeTheatres(war, elsewhere, nameOf)).toEqual([]);
  });

  it("joins another front of the same war: a pair sharing a side whose places are the larger one's", () => {
    const taliban = ["Kabul", "Kandahar", "Kunduz", "Helmand", "Kabul", "Kunduz", "Kandahar", "Helmand"].map(
      (place, i) => ev(`2021-08-${10 + i}`, "FIGHT", -10, ["AFG", "org:taliban"], [place]),
    );
    const isis = ["Kabul", "Kabul", "Jalalabad", "Kabul", "Jalalabad"].map((place, i) =>
      ev(`2021-09-${10 + i}`, "ASSAULT", -9, ["org:isis", "org:taliban"], [place, "Kabul"]),
    );
    const events = [...taliban, ...isis];
    const [p, ...rest] = proposeTheatres(events, [...chain(taliban), ...chain(isis)], nameOf);
    expect(rest).toEqual([]);
    expect(p.name).toBe("Afghanistan – Taliban");
    expect(p.actorPairs).toEqual([
      ["AFG", "org:taliban"],
      ["org:isis", "org:taliban"],
    ]);
    expect(p.eventIds).toHaveLength(13);
  });

  it("keeps apart two wars of one country in different places", () => {
    const north = ["Batken", "Vorukh", "Batken", "Vorukh", "Batken"].map((place, i) =>
      ev(`2021-04-${20 + i}`, "FIGHT", -10, ["KGZ", "TJK"], [place]),
    );
    const south = ["Kabul", "Kunduz", "Kabul", "Kunduz", "Kabul"].map((place, i) =>
      ev(`2021-05-${10 + i}`, "FIGHT", -10, ["TJK", "org:taliban"], [place]),
    );
    const found = proposeTheatres([...north, ...south], [...chain(north), ...chain(south)], nameOf);
    expect(found.map((p) => p.id).sort()).toEqual(["kyrgyzstan-tajikistan", "tajikistan-taliban"]);
  });

  it("never reuses the id of a known theatre", () => {
    const war = borderWar();
    const [p] = proposeTheatres(war, chain(war), nameOf, {}, ["kyrgyzstan-tajikistan"]);
    expect(p.id).toBe("kyrgyzstan-tajikistan-2");
  });
});
