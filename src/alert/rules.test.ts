import { describe, expect, it } from "vitest";
import { alertRules, matchRule, type WatchedEvent } from "./rules.ts";

// The seeds' "Ministers press Netanyahu to act against Iran before US-Iran deal", as the demo stores it.
const pressure: WatchedEvent = {
  id: 40,
  title: "Ministers press Netanyahu to act against Iran before US-Iran deal",
  summary:
    "Senior ministers urged Prime Minister Benjamin Netanyahu to order strikes on Iran despite the talks.",
  type: "DEMAND",
  intensity: -5,
  direction: "escalating",
  theatres: [{ id: "iran-israel", name: "Iran–Israel conflict" }],
  actors: [
    { id: "ISR-GOV", name: "Israeli government", country: "ISR" },
    { id: "person:benjamin-netanyahu", name: "Benjamin Netanyahu", country: "ISR" },
    { id: "IRN", name: "Iran", country: "IRN" },
  ],
  links: [
    {
      type: "escalation",
      toEvent: 23,
      title: "Israeli officials briefed on advanced US-Iran backchannel",
      date: "8 Nov",
    },
    {
      type: "context",
      toEvent: 38,
      title: "Iran denies formal deal with US, says talks continue",
      date: "14 Nov",
    },
  ],
};

describe("alertRules", () => {
  it("reads rules, naming each by its id when it has no name", () => {
    const [r] = alertRules([{ id: "iran-escalation", theatre: "iran-israel", relations: ["escalation"] }]);
    expect(r).toEqual({
      id: "iran-escalation",
      name: "iran-escalation",
      theatre: "iran-israel",
      relations: ["escalation"],
    });
  });

  it.each([
    {
      name: "a rule with no condition",
      rules: [{ id: "all" }],
      error: /alerts\.rules\[0\]: .*at least one condition/,
    },
    {
      name: "an unknown key",
      rules: [{ id: "x", theater: "sudan" }],
      error: /alerts\.rules\[0\]: .*theater/,
    },
    {
      name: "a type PLOVER lacks",
      rules: [{ id: "x", types: ["WAR"] }],
      error: /alerts\.rules\[0\]: types\.0/,
    },
    { name: "a relation that is none", rules: [{ id: "x", relations: ["follows"] }], error: /relations\.0/ },
    {
      name: "an id that is not kebab-case",
      rules: [{ id: "My Rule", words: ["x"] }],
      error: /id: kebab-case/,
    },
    {
      name: "an id used twice",
      rules: [
        { id: "x", words: ["a"] },
        { id: "x", words: ["b"] },
      ],
      error: /alerts\.rules\[1\]: id "x" is used twice/,
    },
  ])("refuses $name, naming the rule", ({ rules, error }) => {
    expect(() => alertRules(rules)).toThrow(error);
  });
});

describe("matchRule", () => {
  const rule = (r: Record<string, unknown>) => alertRules([{ id: "r", ...r }])[0];

  it("gives a reason for every condition an event meets", () => {
    const why = matchRule(
      rule({
        theatre: "iran-israel",
        actors: ["ISR"],
        types: ["DEMAND", "THREATEN"],
        maxIntensity: -4,
        escalating: true,
        relations: ["escalation", "response"],
        words: ["Netanyahu", "strikes"],
      }),
      pressure,
    );
    expect(why).toEqual([
      "in the Iran–Israel conflict",
      "involves Israeli government, Benjamin Netanyahu",
      "type DEMAND",
      "intensity -5.0 (at or below -4.0)",
      "escalating against the theatre's recent events",
      "escalation link to #23 'Israeli officials briefed on advanced US-Iran backchannel' (8 Nov)",
      "mentions Netanyahu, strikes",
    ]);
  });

  it.each([
    { name: "another theatre", r: { theatre: "sudan" } },
    { name: "actors it does not involve", r: { actors: ["RUS", "org:hezbollah"] } },
    { name: "another type", r: { types: ["AGREE"] } },
    { name: "a higher intensity", r: { maxIntensity: -7 } },
    { name: "a relation it lacks (background is not a response)", r: { relations: ["response"] } },
    { name: "a word it lacks", r: { words: ["Netanyahu", "Hezbollah"] } },
    { name: "one failing condition among met ones", r: { theatre: "iran-israel", types: ["AGREE"] } },
  ])("does not match $name", ({ r }) => {
    expect(matchRule(rule(r), pressure)).toBeNull();
  });

  it("does not match an event of unknown intensity or direction on those conditions", () => {
    const unknown = { ...pressure, intensity: null, direction: "unknown" };
    expect(matchRule(rule({ maxIntensity: 0 }), unknown)).toBeNull();
    expect(matchRule(rule({ escalating: true }), unknown)).toBeNull();
  });
});
