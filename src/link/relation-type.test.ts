import { describe, expect, it } from "vitest";
import type { PloverType } from "../model/event.ts";
import { findCues } from "./find-cues.ts";
import { relationType } from "./relation-type.ts";
import type { PairEvidence } from "./score-pair.ts";
import { digest } from "./testdata/digests.ts";

const evidence: PairEvidence = {
  similarity: 0.25,
  coreOverlap: 0.3,
  unitSimilarity: 0,
  entitySimilarity: 0.4,
  sharedActors: ["USA", "IRN"],
  sharedPlaces: ["USA", "IRN"],
  sharedCountries: ["USA", "IRN"],
  sharedNames: [],
  sharedTerms: ["truce"],
  sharedTheatres: ["iran-israel"],
  nameIdf: 0,
  termIdf: 4.2,
  countryConflict: false,
  days: 3,
};

// Two cooperative events of one kind, each with a country the other lacks (Turkey, Pakistan), sharing the US and Iran.
function pair(
  type: PloverType,
  newerTitle = "Pakistan carries messages between the US and Iran on the truce",
) {
  const older = digest({
    id: 1,
    title: "Turkey presses the US and Iran to prolong their truce",
    countries: ["TUR", "USA", "IRN"],
    type,
    intensity: 4,
  });
  const newer = digest({
    id: 2,
    time: older.time + 3 * 86_400_000,
    title: newerTitle,
    countries: ["PAK", "USA", "IRN"],
    type,
    intensity: 4,
  });
  return relationType({ newer, older, evidence, cues: [], refersToOlder: () => false }).type;
}

describe("relationType: parallel", () => {
  it("joins two concurrent efforts by different actors toward one end", () => {
    expect(pair("CONSULT")).toBe("parallel");
  });

  it("does not call two outcomes (truces, releases) parallel efforts", () => {
    expect(pair("RETREAT")).not.toBe("parallel");
  });

  it("does not call those briefed on an effort a party to a parallel one", () => {
    expect(pair("CONSULT", "Pakistani officials briefed on advanced US-Iran backchannel")).not.toBe(
      "parallel",
    );
  });
});

describe("relationType: escalation by intensity", () => {
  const older = digest({
    id: 1,
    title: "US-Iran ceasefire extended by 21 days, mediators say",
    countries: ["USA", "IRN", "PAK"],
    type: "RETREAT",
    intensity: 9,
  });
  const typeAfterTruce = (title: string) =>
    relationType({
      newer: digest({
        id: 2,
        time: older.time + 3 * 86_400_000,
        title,
        countries: ["USA", "IRN"],
        type: "REJECT",
        intensity: -4,
      }),
      older,
      evidence,
      cues: [],
      refersToOlder: () => false,
    }).type;

  it("reads a rejection after a truce as an escalation", () => {
    expect(typeAfterTruce("Leader of the Revolution: negotiating under threat is not negotiation")).toBe(
      "escalation",
    );
  });

  it("does not read a denial of a report as one: it disputes a claim, it is no hostile act", () => {
    expect(typeAfterTruce("Iran denies formal deal with US, says talks continue")).not.toBe("escalation");
  });
});

describe("relationType: a contrast quoted only against what it names", () => {
  const older = digest({
    id: 1,
    title: "Armed forces spokesman: region will not be safe for occupiers if aggression resumes",
    countries: ["IRN", "USA"],
    type: "THREATEN",
    intensity: -6,
  });
  const newer = digest({
    id: 2,
    time: older.time + 3 * 86_400_000,
    title: "US blacklists tankers, firms over Iranian oil sales",
    sentences: [
      "The measures come even as messages pass between the two governments through a Pakistani mediator.",
    ],
    countries: ["USA", "IRN"],
    type: "SANCTION",
    intensity: -8,
  });
  const cues = findCues([newer.title, ...newer.sentences]);
  const typed = (names: boolean) =>
    relationType({ newer, older, evidence, cues, refersToOlder: () => names });

  it("still reads sanctions after a threat, against the talks, as an escalation", () => {
    expect(typed(false).type).toBe("escalation");
    expect(typed(true).type).toBe("escalation");
  });

  it("quotes 'even as messages pass …' only against an event those words name", () => {
    expect(typed(true).cues.map((c) => c.phrase)).toEqual(["even as"]);
    expect(typed(false).cues).toEqual([]);
  });
});
