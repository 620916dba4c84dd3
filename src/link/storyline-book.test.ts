import { describe, expect, it } from "vitest";
import type { EventLink, RelationType } from "../model/link.ts";
import { EscalationDays } from "./escalation-days.ts";
import { StorylineBook } from "./storyline-book.ts";
import { digest, STORY } from "./testdata/digests.ts";

const link = (from: number, to: number, type: RelationType): EventLink => ({
  fromEvent: from,
  toEvent: to,
  type,
  confidence: 0.8,
  explanation: "",
  evidence: { sharedActors: [], sharedPlaces: [], cues: [], intensityChange: null, textSimilarity: 0 },
});

const digests = new Map(Object.values(STORY).map((d) => [d.id, d]));

describe("StorylineBook", () => {
  it("chains update and response links into named storylines", () => {
    const book = new StorylineBook();
    const of = (id: number) => digests.get(id);
    book.apply(103, [link(103, 102, "update")], of);
    const second = book.apply(105, [link(105, 104, "response")], of);
    expect(book.draft(second.changed[0]).eventIds).toEqual([104, 105]);
    const third = book.apply(106, [link(106, 103, "response")], of);
    const line = book.draft(third.changed[0]);
    expect(line).toMatchObject({ id: "s102", eventIds: [102, 103, 106], theatreId: "armenia-azerbaijan" });
    expect(line.name).toMatch(/^(Armenia – Azerbaijan|Azerbaijan – Armenia): /);
    // The words after the actors say what the storyline is about, not who again ("armenian", "azerbaijani"): words
    // its headlines share ("border", "talks"), not one event's ("ceasefire", "artillery").
    const words = line.name.split(": ")[1].split(", ");
    expect(words.sort()).toEqual(["border", "talks"]);
  });

  it("names a storyline after the countries its headlines name, and spells its words as they do", () => {
    // The demo's build-up storyline was "Iran – Qatar: aggression, armed, carrier": its reports mention the US
    // bases in Qatar, its headlines the United States and Iran.
    const book = new StorylineBook();
    const base = { actors: [], places: [], theatres: ["iran-israel"], type: null, intensity: null };
    const d = new Map([
      [
        1,
        digest({
          ...base,
          id: 1,
          title: "US orders 10,000 more troops to Middle East as US-Iran talks stall",
          countries: ["USA", "QAT", "IRN"],
        }),
      ],
      [
        2,
        digest({
          ...base,
          id: 2,
          title: "Iran warns US over troops; US-Iran talks in doubt",
          countries: ["IRN", "QAT", "USA"],
        }),
      ],
      [
        3,
        digest({
          ...base,
          id: 3,
          title: "Iran says US troops in Qatar threaten US-Iran talks",
          countries: ["IRN", "QAT", "USA"],
        }),
      ],
    ]);
    const of = (id: number) => d.get(id);
    book.apply(2, [link(2, 1, "response")], of);
    const r = book.apply(3, [link(3, 2, "response")], of);
    expect(book.draft(r.changed[0]).name).toMatch(/^(Iran – United States|United States – Iran): /);
    expect(book.draft(r.changed[0]).name.split(": ")[1].split(", ")).toContain("US-Iran");
  });

  it("spells a name with its Arabic article ('El Obeid', was 'Obeid')", () => {
    const book = new StorylineBook();
    const base = {
      actors: ["SDN-MIL"],
      places: [],
      countries: ["SDN"],
      theatres: ["sudan"],
      type: null,
      intensity: null,
    };
    const d = new Map([
      [1, digest({ ...base, id: 1, title: "Drone strike on El Obeid market kills 11" })],
      [2, digest({ ...base, id: 2, title: "Army sends reinforcements to El Obeid after drone strike" })],
    ]);
    const r = book.apply(2, [link(2, 1, "response")], (id) => d.get(id));
    expect(book.draft(r.changed[0]).name.split(": ")[1].split(", ")).toContain("El Obeid");
  });

  it("names a storyline between sides, not a side and its own minister or state broadcaster", () => {
    // The demo named "Iran – Abbas Araghchi" the storyline of Araghchi's red line and the GOP hawks' call to strike.
    const book = new StorylineBook();
    const base = { places: [], theatres: ["iran-israel"], type: null, intensity: null };
    const d = new Map([
      [
        1,
        digest({
          ...base,
          id: 1,
          title: "Araghchi: enrichment on Iranian soil is our red line",
          actors: ["IRN", "person:abbas-araghchi", "media:tehran-state-broadcasting"],
          countries: ["IRN", "USA"],
        }),
      ],
      [
        2,
        digest({
          ...base,
          id: 2,
          title: "GOP hawks urge Trump to strike Iran's remaining nuclear sites despite talks",
          actors: ["IRN", "USA-LEG", "person:abbas-araghchi", "person:donald-trump"],
          countries: ["IRN", "USA"],
        }),
      ],
    ]);
    const r = book.apply(2, [link(2, 1, "update")], (id) => d.get(id));
    expect(book.draft(r.changed[0]).name).toMatch(/^(Iran – United States|United States – Iran)\b/);
  });

  it("names a storyline by its acts when its headlines share no word", () => {
    // The demo named three storylines "Iran – United States" and nothing more.
    const book = new StorylineBook();
    const base = { places: [], theatres: ["iran-israel"], intensity: null, countries: ["IRN", "USA"] };
    const d = new Map([
      [
        1,
        digest({
          ...base,
          id: 1,
          type: "MOBILIZE",
          title: "US orders 10,000 more troops and carrier strike group to Middle East",
          actors: ["USA", "IRN"],
        }),
      ],
      [
        2,
        digest({
          ...base,
          id: 2,
          type: "THREATEN",
          title: "Armed forces spokesman: region will not be safe for occupiers if aggression resumes",
          actors: ["IRN", "USA"],
        }),
      ],
    ]);
    const r = book.apply(2, [link(2, 1, "response")], (id) => d.get(id));
    expect(book.draft(r.changed[0]).name).toMatch(/: military build-up and threats$/);
  });

  it("continues the storyline of the most confident link only: two storylines are not merged through one event", () => {
    // On CEP 2022 merging every storyline an event continued chained the war, COVID-19 reports and sanctions
    // into one storyline of 638 events.
    const book = new StorylineBook();
    const of = (id: number) => digests.get(id);
    book.apply(103, [link(103, 102, "update")], of);
    book.apply(105, [link(105, 104, "response")], of);
    const r = book.apply(
      106,
      [{ ...link(106, 103, "response"), confidence: 0.6 }, link(106, 105, "update")],
      of,
    );
    expect(r).toEqual({ changed: ["s104"], removed: [] });
    expect(book.draft("s104").eventIds).toEqual([104, 105, 106]);
    expect(book.draft("s102").eventIds).toEqual([102, 103]);
    // Relinked, its best link now points the other way: it moves, and both storylines changed.
    const moved = book.apply(
      106,
      [link(106, 103, "response"), { ...link(106, 105, "update"), confidence: 0.6 }],
      of,
    );
    expect(moved.changed.sort()).toEqual(["s102", "s104"]);
    expect(book.draft("s104").eventIds).toEqual([104, 105]);
    expect(book.draft("s102").eventIds).toEqual([102, 103, 106]);
  });

  it("does not continue a storyline through events in disjoint countries", () => {
    // Two countries' daily case reports are linked as updates, but they are not one storyline.
    const taiwan = { ...STORY.deployment, id: 201, countries: ["TWN"], actors: ["TWN"], theatres: [] };
    const cambodia = { ...STORY.deployment, id: 202, countries: ["KHM"], actors: ["KHM"], theatres: [] };
    const of = (id: number) => (id === 201 ? taiwan : id === 202 ? cambodia : digests.get(id));
    const book = new StorylineBook();
    expect(book.apply(202, [link(202, 201, "update")], of).changed).toEqual([]);
    expect(book.storylineOf(202)).toBeUndefined();
  });

  it("does not chain parallel or escalation links", () => {
    const book = new StorylineBook();
    const r = book.apply(103, [link(103, 102, "parallel"), link(103, 101, "de-escalation")], (id) =>
      digests.get(id),
    );
    expect(r.changed).toEqual([]);
  });
});

describe("EscalationDays", () => {
  it("rises with conflictual events and escalation links, falls with de-escalations", () => {
    const days = new EscalationDays();
    const keys = [
      ...days.record(STORY.shelling, [link(106, 104, "escalation")]),
      ...days.record(STORY.kazakhMediation, [link(103, 101, "de-escalation")]),
    ];
    const [shelled, talks] = days.values([...new Set(keys)]);
    expect(shelled).toEqual({
      theatreId: "armenia-azerbaijan",
      day: "2026-03-08",
      escalation: 10,
      events: 1,
    });
    // Talks (+1.0) with a de-escalation link: 1.0 below, tilted 2 points × the room left (0.9) towards −10.
    expect(talks.escalation).toBe(-2.8);
  });

  it("tilts a day by the share of its escalation links, not their number: many links do not make a battle", () => {
    // The demo's troop deployment (−7.2) had two escalation links and read +10, as high as fighting.
    const days = new EscalationDays();
    const deployment = { ...STORY.shelling, intensity: -7.2 };
    const links = [link(106, 101, "escalation"), link(106, 103, "escalation"), link(106, 104, "escalation")];
    const [one] = days.values(days.record(deployment, links.slice(0, 1)));
    const [three] = days.values(days.record(deployment, links));
    expect(one.escalation).toBe(7.8);
    expect(three.escalation).toBe(7.8);
    const [mixed] = days.values(
      days.record(deployment, [...links.slice(0, 1), link(106, 102, "de-escalation")]),
    );
    expect(mixed.escalation).toBe(7.2);
  });
});
