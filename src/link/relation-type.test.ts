import { describe, expect, it } from "vitest";
import type { PloverType } from "../model/event.ts";
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
function pair(type: PloverType) {
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
    title: "Pakistan carries messages between the US and Iran on the truce",
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
