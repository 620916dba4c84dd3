import { describe, expect, it } from "vitest";
import type { EventLink, RelationType } from "../model/link.ts";
import { EscalationDays } from "./escalation-days.ts";
import { StorylineBook } from "./storyline-book.ts";
import { STORY } from "./testdata/digests.ts";

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
  it("chains update and response links into one named storyline, and merges two it joins", () => {
    const book = new StorylineBook();
    const of = (id: number) => digests.get(id);
    book.apply(103, [link(103, 102, "update")], of);
    const second = book.apply(105, [link(105, 104, "response")], of);
    expect(book.draft(second.changed[0]).eventIds).toEqual([104, 105]);
    const joined = book.apply(106, [link(106, 103, "response"), link(106, 105, "update")], of);
    expect(joined.removed).toEqual(["s104"]);
    const line = book.draft(joined.changed[0]);
    expect(line).toMatchObject({
      id: "s102",
      eventIds: [102, 103, 104, 105, 106],
      theatreId: "armenia-azerbaijan",
    });
    expect(line.name).toMatch(/^(Armenia – Azerbaijan|Azerbaijan – Armenia): /);
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
    expect(talks.escalation).toBe(-3);
  });
});
