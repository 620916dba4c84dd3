import { describe, expect, it } from "vitest";
import { explanationOn } from "../model/link.ts";
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
  it("says what is new in a storyline an update continues, when the act changed", () => {
    const talks = digest({
      id: 5,
      title: "Mediators advance Israel-Lebanon talks in Doha",
      type: "CONSULT",
      intensity: 2.8,
    });
    const more = digest({
      id: 6,
      title: "Israel and Lebanon hold a second round in Doha",
      type: "CONSULT",
      intensity: 2.8,
    });
    expect(explainLink("update", truce, talks, evidence, [])).toMatch(
      /^Continues the storyline of \(#5, [^)]*\): a ceasefire after talks; both involve Israel and Lebanon\.$/,
    );
    expect(explainLink("update", more, talks, evidence, [])).toMatch(
      /^Continues the storyline of \(#5, [^)]*\): both involve Israel and Lebanon\.$/,
    );
  });

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

describe("explanationOn", () => {
  it("reads a later event's reference to the page's own event as 'this event'", () => {
    // Each related event on #22's page repeated "(#22, 'Israeli officials briefed …', 8 Nov)", the page's own title.
    const briefed = digest({
      id: 22,
      title: "Israeli officials briefed on advanced US-Iran backchannel, fear 'partial deal'",
      type: "CONSULT",
      intensity: 2.5,
      time: Date.UTC(2026, 10, 8, 7, 45),
    });
    const press = digest({
      id: 36,
      title: "Ministers press Netanyahu to act against Iran before US-Iran deal",
      type: "DEMAND",
      intensity: -5,
      time: Date.UTC(2026, 10, 16, 9, 10),
    });
    const text = explainLink("escalation", press, briefed, evidence, []);
    expect(text).toContain("(#22, 'Israeli officials briefed");
    const l = { fromEvent: 36, toEvent: 22, explanation: text };
    const here = explanationOn(l, 22);
    expect(here).toMatch(/^Escalates against this event: /);
    expect(here).not.toContain("#22");
    // On the later event's own page, under the earlier event's heading, the reference is its id.
    expect(explanationOn(l, 36)).toBe(text.replace(/\(#22, .*?, 8 Nov\)/, "#22"));
    expect(explanationOn(l, 36)).toMatch(/^Escalates against #22: /);
    const context = { ...l, explanation: explainLink("context", press, briefed, evidence, []) };
    expect(explanationOn(context, 22)).toMatch(/^Has this event as background; both involve /);
    // A reference across years carries the year.
    const older = { ...briefed, time: Date.UTC(2025, 11, 30) };
    expect(
      explanationOn({ toEvent: 22, explanation: explainLink("escalation", press, older, evidence, []) }, 22),
    ).toMatch(/^Escalates against this event: /);
  });
});
