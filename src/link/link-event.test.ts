import { describe, expect, it } from "vitest";
import type { EventDigest } from "../model/digest.ts";
import { DEFAULT_LINK_OPTIONS, linkEvent, type TappedPair, tapCandidates } from "./link-event.ts";
import { LinkIndex } from "./link-index.ts";
import { DEFAULT_LINK_MODEL, FEATURE_NAMES } from "./link-model.ts";
import { digest, filler, STORY } from "./testdata/digests.ts";

function indexed(digests: EventDigest[]): LinkIndex {
  const index = new LinkIndex();
  for (const d of [...digests].sort((a, b) => a.time - b.time)) index.upsert(d);
  return index;
}

function linksOf(index: LinkIndex, d: EventDigest) {
  const doc = index.get(d.id);
  if (!doc) throw new Error(`#${d.id} not indexed`);
  return linkEvent(index, doc);
}

describe("linkEvent", () => {
  const index = indexed([...filler(200), ...Object.values(STORY)]);

  it.each([
    {
      name: "a second mediator with the same objective runs in parallel",
      from: STORY.kazakhMediation,
      to: STORY.georgianMediation,
      type: "parallel",
    },
    {
      name: "lower-intensity talks after a deployment de-escalate",
      from: STORY.kazakhMediation,
      to: STORY.deployment,
      type: "de-escalation",
    },
    {
      name: '"in response to" the talks makes the truce a response',
      from: STORY.truce,
      to: STORY.kazakhMediation,
      type: "response",
    },
    {
      name: "a denial of the truce contradicts it",
      from: STORY.denial,
      to: STORY.truce,
      type: "contradicts",
    },
    {
      name: "shelling despite the talks escalates against the truce",
      from: STORY.shelling,
      to: STORY.truce,
      type: "escalation",
    },
  ])("$name", ({ from, to, type }) => {
    const link = linksOf(index, from).find((l) => l.toEvent === to.id);
    expect(link?.type).toBe(type);
    expect(link?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it("explains from the newer event's side, naming the related event by id, title and date", () => {
    const link = linksOf(index, STORY.kazakhMediation).find((l) => l.toEvent === STORY.georgianMediation.id);
    expect(link?.explanation).toContain(
      `#102, 'Georgia offers to mediate Armenia-Azerbaijan border talks', 2 Mar`,
    );
    expect(link?.explanation).toMatch(/^Runs in parallel with Georgia's effort/);
    expect(link?.explanation).toContain("Kazakhstan here");
  });

  it("keeps evidence: shared actors, places, cue phrases, intensity change", () => {
    const response = linksOf(index, STORY.truce).find((l) => l.toEvent === STORY.kazakhMediation.id);
    expect(response?.evidence.sharedActors).toEqual(expect.arrayContaining(["ARM", "AZE", "KAZ"]));
    expect(response?.evidence.cues).toContain("in response to");
    const deesc = linksOf(index, STORY.kazakhMediation).find((l) => l.toEvent === STORY.deployment.id);
    expect(deesc?.evidence.intensityChange).toBeCloseTo(8.2);
  });

  it("links only to earlier events, at most maxLinks, never to unrelated ones", () => {
    for (const d of Object.values(STORY)) {
      const links = linksOf(index, d);
      expect(links.length).toBeLessThanOrEqual(DEFAULT_LINK_OPTIONS.maxLinks);
      for (const l of links) {
        expect(l.toEvent).toBeLessThan(d.id);
        expect(l.toEvent).toBeGreaterThanOrEqual(101);
      }
    }
    expect(linksOf(index, STORY.deployment)).toEqual([]);
  });
});

describe("the training tap (scripts/link-train.ts dump)", () => {
  // Another country's border news a week earlier: it shares a word or two with STORY.shelling, not its story.
  const elsewhere = digest({
    id: 150,
    time: Date.parse("2026-03-01T08:00:00Z"),
    title: "Thai farmers protest rice prices",
    text:
      "Thai farmers protest rice prices outside the agriculture ministry in Bangkok, blocking a highway for hours. " +
      "Growers from several provinces demand guaranteed minimum payments, cheaper fertiliser and relief from debt; " +
      "some villages near Preah Vihear sent tractors. Police kept the crowd from the parliament gates.",
    countries: ["THA", "KHM"],
    places: ["Preah Vihear"],
  });
  const index = indexed([...filler(200), ...Object.values(STORY), elsewhere]);

  it("sees every candidate with the model's inputs, and changes no link", () => {
    const before = linksOf(index, STORY.shelling);
    const seen: TappedPair[] = [];
    tapCandidates((p) => seen.push(p));
    const after = linksOf(index, STORY.shelling);
    tapCandidates(null);
    expect(after).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
    expect(seen.find((p) => p.to === elsewhere.id)?.kept).toBe(false);
    expect(before.map((l) => l.toEvent)).not.toContain(elsewhere.id);
    for (const l of before) expect(seen.some((p) => p.to === l.toEvent && p.kept)).toBe(true);
    for (const p of seen) expect(p.x).toHaveLength(FEATURE_NAMES.length);
  });
});

describe("what an 'after' clause points at", () => {
  // Two real-world-style crashes a week apart, worded alike (CEP style): the second is not a response to the first.
  const minya = digest({
    id: 301,
    time: Date.parse("2026-03-01T12:00:00Z"),
    title: "Ten people are killed when a truck and a minibus collide in Minya, Egypt.",
    sentences: ["Ten people are killed when a truck and a minibus collide in Minya, Egypt."],
    countries: ["EGY"],
  });
  const crash = digest({
    id: 302,
    time: Date.parse("2026-03-08T12:00:00Z"),
    title: "Fourteen people are killed after a minibus and a truck collide in New Valley Governorate, Egypt.",
    sentences: [
      "Fourteen people are killed after a minibus and a truck collide in New Valley Governorate, Egypt.",
    ],
    countries: ["EGY"],
  });
  const protest = digest({
    id: 303,
    time: Date.parse("2026-03-09T12:00:00Z"),
    title: "Families of the Minya crash victims protest after the collision of the truck and minibus.",
    sentences: [
      "Families of the Minya crash victims protest after the collision of the truck and minibus in Minya.",
    ],
    countries: ["EGY"],
  });
  // Demo: "Police fire tear gas as Kinshasa protesters march on embassies" was quoted as a response to the M23's
  // seizure of Sange with its own incident, "after police dispersed protesters marching on foreign embassies".
  const dispersed = digest({
    id: 304,
    time: Date.parse("2026-03-10T12:00:00Z"),
    title:
      "Minya families block the highway after police dispersed a sit-in over the truck and minibus collision.",
    sentences: [
      "Minya families block the highway after police dispersed a sit-in over the truck and minibus collision in Minya.",
    ],
    countries: ["EGY"],
  });
  // Demo: "RSF announces acceptance of three-month humanitarian truce" ("in response to the efforts of the Quad and
  // out of our responsibility towards the Sudanese people") was quoted as a response to the UAE's rejection of
  // Sudan's accusations ("… a cynical attempt to deflect responsibility"): the words past the cue's clause said so.
  const rejection = digest({
    id: 305,
    time: Date.parse("2026-03-06T12:00:00Z"),
    title:
      "Minya governor rejects accusations over the truck and minibus collision as an attempt to deflect responsibility.",
    countries: ["EGY"],
  });
  const pledge = digest({
    id: 306,
    time: Date.parse("2026-03-11T12:00:00Z"),
    title: "Minya transport union pledges safety checks after the truck and minibus collision.",
    sentences: [
      "In response to the efforts of the mediators and out of our responsibility towards the families, the Minya union pledges safety checks.",
    ],
    countries: ["EGY"],
  });
  // Demo: "Mediators advance US-Iran talks" (Iran wants "an extension tied to a start date for nuclear negotiations")
  // was quoted as a response to Turkey's push for an extension: what is tied to something indefinite is a condition.
  const condition = digest({
    id: 307,
    time: Date.parse("2026-03-12T12:00:00Z"),
    title: "Minya families want compensation tied to a review of the truck and minibus collision.",
    countries: ["EGY"],
  });
  const index = indexed([...filler(200), minya, crash, protest, dispersed, rejection, pledge, condition]);

  it("a clause that introduces its own incident ('after a minibus … collide') is not a response", () => {
    const links = linksOf(index, crash).filter((l) => l.toEvent === minya.id);
    expect(links.every((l) => l.type !== "response")).toBe(true);
  });

  it("nor one whose bare subject acts ('after police dispersed …')", () => {
    const links = linksOf(index, dispersed);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => !l.evidence.cues.includes("after"))).toBe(true);
  });

  it("a cue names what its own clause names, not words past it ('… and out of our responsibility')", () => {
    const link = linksOf(index, pledge).find((l) => l.toEvent === rejection.id);
    expect(link?.evidence.cues ?? []).not.toContain("in response to");
  });

  it("what is tied to something indefinite ('tied to a review of …') is a condition, not a response", () => {
    const links = linksOf(index, condition);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => !l.evidence.cues.includes("tied to"))).toBe(true);
  });

  it("a clause that points back ('after the collision') makes a response", () => {
    const link = linksOf(index, protest).find((l) => l.toEvent === minya.id);
    expect(link?.type).toBe("response");
    expect(link?.evidence.cues).toContain("after");
  });
});

describe("what an explanation says both events mention", () => {
  // Two daily case reports of one country, worded as CEP 2021 words them: the rare words they share are those of
  // the template ("thereby bringing … in the past 24 hours"), which tell a reader nothing.
  const first = digest({
    id: 401,
    time: Date.parse("2026-03-02T12:00:00Z"),
    title:
      "Cambodia reports a record 730 new cases of COVID-19 in the past 24 hours, thereby bringing the nationwide total of confirmed cases to 14,520.",
    countries: ["KHM"],
  });
  const second = digest({
    id: 402,
    time: Date.parse("2026-03-09T12:00:00Z"),
    title:
      "Cambodia reports a record 938 new cases of COVID-19 in the past 24 hours, thereby bringing the nationwide total of confirmed cases to 19,202, and a record death toll.",
    countries: ["KHM"],
  });
  const index = indexed([...filler(200), first, second]);

  it("names what the reports are about, not the words of their template", () => {
    const link = linksOf(index, second).find((l) => l.toEvent === first.id);
    expect(link?.type).toBe("update");
    const mention = link?.explanation.match(/\bmention ([^.]*)\.$/)?.[1] ?? "";
    expect(mention).toMatch(/Cambodia/);
    expect(mention).not.toMatch(/thereby|bringing|nationwide|past|total|record/);
    // Spelled as the report spells it: "COVID-19", not the name part "covid".
    expect(mention).toContain("COVID-19");
  });
});

describe("events placed in different theatres", () => {
  // Modelled on the demo corpus: a sanctions round against Iran's oil trade names firms in the UAE; a day earlier
  // Sudan accused the UAE of arming the RSF. Both name the UAE and the US, and both are about pressure on a state.
  const accusation = digest({
    id: 501,
    time: Date.parse("2026-03-05T09:00:00Z"),
    title: "Sudan accuses UAE at Security Council of supplying RSF with drones",
    text:
      "Sudan accuses the United Arab Emirates at the UN Security Council of supplying the Rapid Support Forces with " +
      "drones. The United States called on all sides to stop arming the warring parties and urged sanctions talks.",
    actors: ["SDN-GOV", "ARE", "USA", "SDN-REB"],
    countries: ["SDN", "ARE", "USA"],
    theatres: ["sudan"],
    type: "ACCUSE",
    intensity: -2,
  });
  const blacklist = digest({
    id: 502,
    time: Date.parse("2026-03-06T09:00:00Z"),
    title: "US blacklists tankers, firms over Iranian oil sales",
    text:
      "The United States blacklists tankers and firms in the United Arab Emirates over Iranian oil sales, the " +
      "Treasury said, calling on the UAE to stop the trade. Sanctions talks with Gulf partners continue.",
    actors: ["USA", "USA-GOV", "IRN", "ARE"],
    countries: ["USA", "IRN", "ARE"],
    theatres: ["iran-israel"],
    type: "SANCTION",
    intensity: -8,
  });
  const index = indexed([...filler(200), accusation, blacklist]);
  const doc = index.get(blacklist.id);

  it("are linked only when the link is confident (minApartConfidence)", () => {
    if (!doc) throw new Error("not indexed");
    // With the floor of events in one theatre, the pair links.
    const loose = linkEvent(index, doc, { minApartConfidence: DEFAULT_LINK_MODEL.threshold }).find(
      (l) => l.toEvent === accusation.id,
    );
    expect(loose).toBeDefined();
    expect(loose?.confidence).toBeLessThan(DEFAULT_LINK_OPTIONS.minApartConfidence);
    expect(linksOf(index, blacklist).map((l) => l.toEvent)).not.toContain(accusation.id);
  });
});

describe("one cue, one response", () => {
  // Modelled on the demo: "Israel and Lebanon agree 10-day ceasefire linked to US-Iran talks" was a response to each
  // of five reports of those talks, each quoting "linked to US-Iran talks".
  const round = (id: number, d: string, title: string, text: string) =>
    digest({
      id,
      time: Date.parse(`${d}T09:00:00Z`),
      title,
      text,
      sentences: [text],
      actors: ["KAZ", "ARM", "AZE"],
      countries: ["KAZ", "ARM", "AZE"],
      places: ["Astana"],
      theatres: ["armenia-azerbaijan"],
      type: "CONSULT",
      intensity: 1,
    });
  const talks = [
    round(
      601,
      "2026-03-02",
      "Kazakhstan opens Astana talks between Armenia and Azerbaijan",
      "Kazakhstan opens talks between Armenia and Azerbaijan in Astana on the border.",
    ),
    round(
      602,
      "2026-03-04",
      "Astana talks between Armenia and Azerbaijan enter second round",
      "The Astana talks between Armenia and Azerbaijan enter a second round on the border.",
    ),
    round(
      603,
      "2026-03-06",
      "Armenia and Azerbaijan near framework at Astana talks",
      "Armenia and Azerbaijan near a framework at the Astana talks on the border, Kazakh diplomats say.",
    ),
  ];
  const truce = digest({
    id: 604,
    time: Date.parse("2026-03-07T09:00:00Z"),
    title: "Armenia and Azerbaijan agree border truce linked to Astana talks",
    text: "Armenia and Azerbaijan agree a border truce linked to the Astana talks between Armenia and Azerbaijan.",
    sentences: [
      "The border truce is linked to the Astana talks between Armenia and Azerbaijan, Kazakh diplomats say.",
    ],
    actors: ["ARM", "AZE", "KAZ"],
    countries: ["ARM", "AZE", "KAZ"],
    places: ["Astana"],
    theatres: ["armenia-azerbaijan"],
    type: "AGREE",
    intensity: 5,
  });
  const index = indexed([...filler(200), ...talks, truce]);

  it("answers the talks once, at the most confident link; the other rounds are its background", () => {
    const links = linksOf(index, truce).filter((l) => l.toEvent >= 601);
    expect(links.length).toBe(3);
    const responses = links.filter((l) => l.type === "response");
    expect(responses).toHaveLength(1);
    const best = Math.max(...links.map((l) => l.confidence));
    expect(responses[0].confidence).toBe(best);
    expect(responses[0].explanation).toContain('"linked to');
    for (const l of links.filter((x) => x !== responses[0])) {
      expect(l.type).toBe("context");
      expect(l.explanation).not.toContain("linked to");
    }
  });
});
