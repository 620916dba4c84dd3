import { describe, expect, it } from "vitest";
import { linkConfidence, type PairEvidence } from "./score-pair.ts";

// The evidence of the demo corpus's pair "Aid agencies cautiously welcome RSF truce pledge" (10 Nov) and "RSF
// announces acceptance of three-month humanitarian truce" (9 Nov), as the index measured it: few shared words in
// a small window, so the storyline score (0.40) stays under the model's threshold.
const welcome: PairEvidence = {
  similarity: 0.21,
  coreOverlap: 0.23,
  unitSimilarity: 0.21,
  entitySimilarity: 0.16,
  sharedActors: ["SDN", "SDN-REB"],
  sharedPlaces: ["SDN"],
  sharedCountries: ["SDN"],
  sharedNames: [],
  sharedTerms: ["truce", "humanitarian", "three-month", "announcement", "accepts"],
  sharedTheatres: ["sudan"],
  nameIdf: 0,
  termIdf: 7.61,
  countryConflict: false,
  days: 0.93,
};

describe("linkConfidence, the theatre path", () => {
  it("links a cued response in a civil war's theatre: one shared country, but two shared actors", () => {
    expect(
      linkConfidence(welcome, { type: "response", cued: true }, undefined, 0.399),
    ).toBeGreaterThanOrEqual(0.5);
  });

  it("needs the cue when only one country is shared", () => {
    expect(linkConfidence(welcome, { type: "response", cued: false }, undefined, 0.399)).toBeLessThan(0.5);
  });

  it("needs two shared actors when only one country is shared", () => {
    const one = { ...welcome, sharedActors: ["SDN"] };
    expect(linkConfidence(one, { type: "response", cued: true }, undefined, 0.399)).toBeLessThan(0.5);
  });

  it("needs a typed relation, and the same theatre within two weeks", () => {
    expect(linkConfidence(welcome, { type: "update", cued: true }, undefined, 0.399)).toBeLessThan(0.5);
    expect(
      linkConfidence({ ...welcome, days: 20 }, { type: "response", cued: true }, undefined, 0.399),
    ).toBeLessThan(0.5);
    expect(
      linkConfidence({ ...welcome, sharedTheatres: [] }, { type: "response", cued: true }, undefined, 0.399),
    ).toBeLessThan(0.5);
  });
});
