import { describe, expect, it } from "vitest";
import { codeSentence } from "../classify/code-sentence.ts";

// Roles are read through codeSentence, which supplies the event word that splits source from target.
const cases = [
  {
    name: "subject acts on object",
    text: "Pakistan recalled its ambassador from Kabul on Tuesday.",
    source: ["PAK"],
    target: ["AFG"],
  },
  {
    name: "passive with an agent: 'was attacked by'",
    text: "A convoy of Sudanese refugees was attacked by RSF fighters near the border.",
    source: ["SDN"],
    target: ["SDN"],
  },
  {
    name: "passive agent of another country",
    text: "Three Ukrainian soldiers were killed by Russian artillery near Bakhmut.",
    source: ["RUS"],
    target: ["UKR"],
  },
  {
    name: "passive without an agent: the place acts",
    text: "A French journalist was detained in Iran last week.",
    source: ["IRN"],
    target: ["FRA"],
  },
  {
    name: "coordinated subjects both act",
    text: "Jordan and Egypt agreed to reopen the crossing, officials said.",
    source: ["JOR", "EGY"],
    target: [],
  },
  {
    name: "trailing attribution is not an actor",
    text: "Chinese warships entered Japanese waters, a Japanese defence ministry spokesman said.",
    source: ["CHN"],
    target: ["JPN"],
  },
  {
    name: "'according to' is not an actor",
    text: "Turkish jets struck PKK positions in northern Iraq, according to Iraqi Kurdish officials.",
    source: ["TUR"],
    target: ["TUR"],
  },
  {
    name: "speaker demands that another party act",
    text: "The British foreign secretary said on Monday that Iran must release the detained tanker.",
    source: ["GBR"],
    target: ["IRN"],
  },
  {
    name: "recipient after 'to' is the target",
    text: "Germany sent a field hospital and 40 doctors to Sudan.",
    source: ["DEU"],
    target: ["SDN"],
  },
  {
    name: "relative clause does not add targets",
    text: "Nigeria accused Niger, which shares a long border with Chad, of harbouring bandits.",
    source: ["NGA"],
    target: ["NER"],
  },
  {
    name: "symmetric talks: both sides act",
    text: "Indian officials held talks with Chinese diplomats in Beijing.",
    source: ["IND", "CHN"],
    target: [],
  },
];

describe("source and target roles", () => {
  for (const c of cases) {
    it(c.name, () => {
      const coded = codeSentence(c.text);
      expect({ source: coded.source, target: coded.target }).toEqual({ source: c.source, target: c.target });
    });
  }
});

describe("breakaway authorities in roles", () => {
  it("makes the authority the source, coded to the parent state but not its government", () => {
    const coded = codeSentence(
      "Donetsk People's Republic authorities accuse Ukrainian forces of shelling the Zasyadko coal mine.",
    );
    expect(coded.source).toEqual(["UKR"]);
    expect(coded.sourceActors.map((a) => [a.id, a.sector])).toEqual([["org:dpr", "REB"]]);
    expect(coded.targetActors.map((a) => a.id)).toEqual(["UKR-MIL"]);
  });
});
