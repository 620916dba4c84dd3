import { describe, expect, it } from "vitest";
import type { GoldLabels } from "../model/article.ts";
import {
  corroborated,
  goldAudit,
  linkMetrics,
  type MemberGold,
  splitJoinedLabels,
  storylineMetrics,
} from "./link-metrics.ts";

const DAY = 86_400_000;
const gold = (story: string | null, path: string[] = []): GoldLabels => ({
  label: null,
  story,
  theater: path[0] ?? story,
  storyPath: story ? [...path, story] : [],
  labels: story ? [story] : [],
});
const member = (eventId: number, day: number, g: GoldLabels): MemberGold => ({
  eventId,
  gold: g,
  time: day * DAY,
});

describe("linkMetrics", () => {
  // Events 1–3 are one storyline (two leaves under one root), 4 another, 5 has no gold story.
  const members = [
    member(1, 0, gold("Siege of Mariupol", ["Russo-Ukrainian War"])),
    member(2, 2, gold("Siege of Mariupol", ["Russo-Ukrainian War"])),
    member(3, 3, gold("Battle of Kharkiv", ["Russo-Ukrainian War"])),
    member(4, 3, gold("COVID-19 pandemic in Japan", ["COVID-19 pandemic"])),
    member(5, 4, gold(null)),
    member(6, 50, gold("Siege of Mariupol", ["Russo-Ukrainian War"])),
  ];

  it.each([
    { name: "no links", links: [], lp: 0, leaf: 0, recall: 0 },
    { name: "a leaf link", links: [[2, 1]], lp: 1, leaf: 1, recall: 1 },
    { name: "a root-only link counts for labels, not leaves", links: [[3, 2]], lp: 1, leaf: 0, recall: 0 },
    {
      name: "links across storylines or to unlabeled events count against",
      links: [
        [2, 1],
        [4, 3],
        [5, 4],
      ],
      lp: 1 / 3,
      leaf: 1 / 3,
      recall: 1,
    },
  ])("$name", ({ links, lp, leaf, recall }) => {
    const m = linkMetrics(
      members,
      links.map(([fromEvent, toEvent]) => ({ fromEvent, toEvent })),
    );
    expect(m.label_precision).toBeCloseTo(lp);
    expect(m.leaf_precision).toBeCloseTo(leaf);
    expect(m.story_recall).toBeCloseTo(recall);
    // Only event 2 has an earlier same-story entry within 30 days in another event (event 6 is 48 days later).
    expect(m.recall_events).toBe(1);
  });

  it("compares labels case-folded and ignores earlier entries of the same event", () => {
    const m = linkMetrics(
      [member(1, 0, gold("Tigray War")), member(1, 1, gold("Tigray War")), member(2, 2, gold("tigray war"))],
      [{ fromEvent: 2, toEvent: 1 }],
    );
    expect(m).toMatchObject({ label_precision: 1, leaf_precision: 1, story_recall: 1, recall_events: 1 });
  });
});

describe("goldAudit", () => {
  const entry = (eventId: number, day: number, story: string, text: string): MemberGold => ({
    ...member(eventId, day, gold(story)),
    text,
  });
  // A portal entry listed under no heading of its own inherits the heading above it: event 3's crash
  // carries the insurgency's story. Events 4 and 5 are worded alike, but the second got another country's label
  // (it still names monkeypox, so the audit cannot tell: a proxy, not a relabelling).
  const members = [
    entry(1, 0, "Moro conflict", "Soldiers clash with Abu Sayyaf militants on Jolo, in the Moro region."),
    entry(2, 1, "Moro conflict", "Moro rebels sign a ceasefire with the Philippine government."),
    entry(3, 1, "Moro conflict", "A police plane crashes at Rand Airport in Johannesburg, killing five."),
    entry(4, 2, "Monkeypox in Peru", "Peru reports its first case of monkeypox in Lima."),
    entry(5, 3, "Monkeypox in Canada", "Peru reports its second case of monkeypox in Lima."),
  ];

  it("tells entries that name their story from those that inherited it", () => {
    expect(members.map(corroborated)).toEqual([true, true, false, true, true]);
  });

  it("splits recall between corroborated and other targets and measures near-identical agreement", () => {
    const a = goldAudit(members, [{ fromEvent: 2, toEvent: 1 }]);
    expect(a).toMatchObject({
      corroborated_targets: 1,
      corroborated_recall: 1,
      other_targets: 1,
      other_recall: 0,
      corroborated_links: 1,
      corroborated_precision: 1,
      near_identical_pairs: 1,
      near_identical_agreement: 0,
    });
    expect(a.corroborated_entries).toBeCloseTo(4 / 5);
  });

  it("measures label precision over the links between two events placed in one theatre", () => {
    const theatres = new Map([
      [1, new Set(["russia-ukraine"])],
      [2, new Set(["russia-ukraine", "russia-nato"])],
      [3, new Set(["sudan"])],
    ]);
    const links = [
      { fromEvent: 2, toEvent: 1 },
      { fromEvent: 3, toEvent: 1 },
    ];
    const a = goldAudit(members, links, theatres);
    expect(a.same_theatre_links).toBe(1);
    expect(a.same_theatre_precision).toBe(linkMetrics(members, [links[0]]).label_precision);
    expect(goldAudit(members, links).same_theatre_links).toBe(0);
  });
});

describe("splitJoinedLabels", () => {
  // Real labels of the CEP dev file: one heading listing two story links, and a story whose name has a comma.
  const india = "COVID-19 pandemic in India";
  const vaccination = "COVID-19 vaccination in India";
  const members = [
    member(1, 0, gold(india)),
    member(2, 1, gold(vaccination)),
    member(3, 2, gold(`${india}, ${vaccination}`)),
    member(4, 3, gold("George Floyd protests in Portland, Oregon")),
    member(5, 4, gold("George Floyd protests")),
  ];

  it("splits a label only when every part is a label of its own", () => {
    const { members: out, joined } = splitJoinedLabels(members);
    expect(joined).toBe(1);
    expect(out[2].gold?.labels).toEqual([india, vaccination]);
    expect(out[3].gold?.labels).toEqual(["George Floyd protests in Portland, Oregon"]);
  });

  it("reports label precision with joined labels split next to the metric as defined", () => {
    const links = [
      { fromEvent: 3, toEvent: 1 },
      { fromEvent: 3, toEvent: 2 },
      { fromEvent: 5, toEvent: 4 },
    ];
    expect(linkMetrics(members, links).label_precision).toBe(0);
    const a = goldAudit(members, links);
    expect(a.joined_labels).toBe(1);
    expect(a.split_precision).toBeCloseTo(2 / 3);
  });
});

describe("storylineMetrics", () => {
  // Events 1–3 are one gold story, 4–5 another, 6 a third.
  const members = [
    member(1, 0, gold("Siege of Mariupol")),
    member(2, 1, gold("Siege of Mariupol")),
    member(3, 2, gold("Siege of Mariupol")),
    member(4, 2, gold("COVID-19 pandemic in Japan")),
    member(5, 3, gold("COVID-19 pandemic in Japan")),
    member(6, 3, gold("2022 Kazakh protests")),
  ];

  it("scores pure storylines that split a story", () => {
    const m = storylineMetrics(members, [{ eventIds: [1, 2] }, { eventIds: [4, 5] }]);
    expect(m).toMatchObject({ storylines: 2, events_in_storylines: 4, largest: 2, purity: 1 });
    // 1 and 2 find 2 of 3, 3 finds 1 of 3; 4, 5 and 6 find all of theirs.
    expect(m.recall).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 3) / 6);
  });

  it("scores one storyline that chains everything as impure", () => {
    const m = storylineMetrics(members, [{ eventIds: [1, 2, 3, 4, 5, 6] }]);
    expect(m.largest).toBe(6);
    expect(m.recall).toBe(1);
    expect(m.purity).toBeCloseTo((3 / 6) * (3 / 6) + (2 / 6) * (2 / 6) + (1 / 6) * (1 / 6));
  });
});
