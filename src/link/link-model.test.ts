import { describe, expect, it } from "vitest";
import {
  DEFAULT_LINK_MODEL,
  FEATURE_NAMES,
  GATE_FEATURES,
  gateInputs,
  modelScore,
  pairFeatures,
} from "./link-model.ts";
import type { PairEvidence } from "./score-pair.ts";

const evidence = (over: Partial<PairEvidence>): PairEvidence => ({
  similarity: 0.45,
  coreOverlap: 0.5,
  unitSimilarity: 0.4,
  entitySimilarity: 0.5,
  sharedActors: ["UKR"],
  sharedPlaces: ["UKR"],
  sharedCountries: ["UKR"],
  sharedNames: ["zaporizhzhia"],
  sharedTerms: ["nuclear", "plant", "shelling"],
  sharedTheatres: ["russia-ukraine"],
  nameIdf: 5,
  termIdf: 9,
  countryConflict: false,
  days: 2,
  ...over,
});
const score = (e: PairEvidence, rank = 0) =>
  modelScore(
    DEFAULT_LINK_MODEL,
    pairFeatures(e, { type: "update", cued: false }, { type: null }, { type: null }, { gap: 0, rank }),
  );

describe("the shipped link model", () => {
  it("was fitted on the inputs pairFeatures makes now (refit with scripts/link-train.ts when they change)", () => {
    expect(DEFAULT_LINK_MODEL.features).toEqual([...FEATURE_NAMES]);
    expect(DEFAULT_LINK_MODEL.gate.features).toEqual([...GATE_FEATURES]);
    expect(DEFAULT_LINK_MODEL.weights).toHaveLength(FEATURE_NAMES.length);
    expect(DEFAULT_LINK_MODEL.threshold).toBeGreaterThan(0);
  });

  it("gives the gate the same values as the model's columns of the same names (the gate is fitted on those)", () => {
    const e = evidence({ days: 6 });
    const standing = { gap: 0.12, rank: 2 };
    const x = pairFeatures(e, { type: "update", cued: false }, { type: null }, { type: null }, standing);
    const measured = {
      other: null as never,
      sim: { text: e.similarity, entity: e.entitySimilarity },
      core: e.coreOverlap,
      unit: e.unitSimilarity,
      text: Math.max(e.similarity, e.coreOverlap, e.unitSimilarity),
    };
    expect(gateInputs(measured, e.days, standing)).toEqual(
      GATE_FEATURES.map((f) => x[FEATURE_NAMES.indexOf(f)]),
    );
  });

  it("keeps two reports of one story a few days apart and drops weak overlaps", () => {
    expect(score(evidence({}))).toBeGreaterThan(DEFAULT_LINK_MODEL.threshold);
    const weak = evidence({
      similarity: 0.05,
      coreOverlap: 0.05,
      unitSimilarity: 0,
      sharedNames: [],
      termIdf: 1.5,
    });
    expect(score(weak)).toBeLessThan(DEFAULT_LINK_MODEL.threshold);
  });

  it("trusts an overlap less when it is weeks old or the events name different countries", () => {
    const near = score(evidence({}));
    expect(score(evidence({ days: 25 }))).toBeLessThan(near);
    const elsewhere = evidence({
      sharedCountries: [],
      sharedPlaces: [],
      sharedActors: [],
      countryConflict: true,
    });
    expect(score(elsewhere)).toBeLessThan(near);
  });
});
