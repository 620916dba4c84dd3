import { describe, expect, it } from "vitest";
import { explainLink } from "./explain-link.ts";
import type { PairEvidence } from "./score-pair.ts";
import { digest } from "./testdata/digests.ts";

const evidence: PairEvidence = {
  similarity: 0.3,
  coreOverlap: 0.3,
  unitSimilarity: 0,
  entitySimilarity: 0.5,
  sharedActors: ["ISR", "LBN"],
  sharedPlaces: [],
  sharedCountries: ["ISR", "LBN"],
  sharedNames: [],
  sharedTerms: [],
  sharedTheatres: ["israel-lebanon"],
  nameIdf: 0,
  termIdf: 0,
  countryConflict: false,
  days: 3,
};

// A build-up on the border, then two de-escalations that PLOVER both codes RETREAT: a truce and a pull-back.
const buildUp = digest({
  id: 1,
  title: "Israel moves two brigades to the Lebanese border",
  type: "MOBILIZE",
  intensity: -7.2,
});
const truce = digest({
  id: 2,
  title: "A 10-day ceasefire between Israel and Lebanon takes effect at midnight",
  type: "RETREAT",
  intensity: 9,
});
const pullBack = digest({
  id: 3,
  title: "Israel withdraws a brigade from the Lebanese border",
  type: "RETREAT",
  intensity: 9,
});

describe("explainLink", () => {
  it("calls a RETREAT a ceasefire when the event is one, a withdrawal otherwise", () => {
    const a = explainLink("de-escalation", truce, buildUp, evidence, []);
    expect(a).toMatch(
      /^De-escalates after \(#1, 'Israel moves two brigades to the Lebanese border', 1 Mar\)/,
    );
    expect(a).toContain("a ceasefire following a military build-up");
    const b = explainLink("de-escalation", pullBack, buildUp, evidence, []);
    expect(b).toContain("a withdrawal following a military build-up");
    // The demo's prisoner swap read "fighting after a withdrawal".
    const swap = digest({
      id: 4,
      title: "Russia and Ukraine swap 185 prisoners each in UAE-mediated exchange",
      type: "RETREAT",
      intensity: 7,
    });
    expect(explainLink("de-escalation", swap, buildUp, evidence, [])).toContain(
      "a release of prisoners following a military build-up",
    );
  });
});
