import { describe, expect, it } from "vitest";
import { extractNames, extractNumbers, findUngrounded } from "./grounding.ts";

const EVIDENCE = [
  "TEHRAN (IRNS) — Foreign Ministry spokesman Esmail Baghaei confirmed on Wednesday that communications between the Islamic Republic of Iran and the United States are continuing through a mediator.",
  "Pakistan, which shares a 900-km border with Iran, has carried messages between the two sides since the ceasefire took effect on 12 October.",
  "The Pentagon said it would send 10,000 additional troops and a second carrier strike group to the Middle East.",
];

describe("extractNumbers", () => {
  const cases: { name: string; text: string; want: number[] }[] = [
    { name: "digits with thousands separator", text: "sent 10,000 troops", want: [10000] },
    { name: "plain digits", text: "sent 10000 troops", want: [10000] },
    { name: "number word", text: "ten ships and twenty-five drones", want: [10, 25] },
    { name: "compound words", text: "two hundred and fifty people, ten thousand troops", want: [250, 10000] },
    { name: "scale after digits", text: "$1.5 million and 3bn", want: [1500000, 3e9] },
    { name: "lone one is a pronoun", text: "one of the mediators", want: [] },
    { name: "hyphenated unit", text: "a 900-km border, the 12th", want: [900, 12] },
  ];
  for (const c of cases) it(c.name, () => expect(extractNumbers(c.text)).toEqual(c.want));
});

describe("extractNames", () => {
  it("groups capitalized runs and marks sentence openers", () => {
    const spans = extractNames(
      "The Iranian Foreign Ministry said so. Talks with the U.S. continue in Islamabad.",
    );
    expect(spans.map((s) => [s.name, s.sentenceInitial])).toEqual([
      ["The Iranian Foreign Ministry", true],
      ["Talks", true],
      ["U.S.", false],
      ["Islamabad", false],
    ]);
  });
});

describe("findUngrounded", () => {
  const cases: { name: string; text: string; names?: string[]; want: string | null }[] = [
    {
      name: "names and numbers from the evidence",
      text: "Iranian Foreign Ministry spokesman Esmail Baghaei said talks with the US continue via Pakistan.",
      want: null,
    },
    {
      name: "reformatted number",
      text: "The US will send 10000 more troops to the Middle East.",
      want: null,
    },
    { name: "number word for a digit", text: "The ceasefire took effect on twelve October.", want: null },
    { name: "title case headline", text: "Iran Confirms Communications Via Pakistani Mediator", want: null },
    {
      name: "sentence-initial verb",
      text: "Confirmed continued communications with the United States.",
      want: null,
    },
    {
      name: "name not in evidence",
      text: "Russia confirmed talks with Iran.",
      want: 'ungrounded name "Russia"',
    },
    {
      name: "name inside a run",
      text: "Foreign Minister Abbas Araghchi confirmed talks.",
      want: 'ungrounded name "Foreign Minister Abbas Araghchi"',
    },
    {
      name: "number not in evidence",
      text: "The Pentagon will send 12,000 troops.",
      want: "ungrounded number 12,000",
    },
    {
      name: "number word not in evidence",
      text: "Iran and Pakistan held three meetings.",
      want: "ungrounded number 3",
    },
    {
      name: "actor names count as evidence",
      text: "Qatar welcomed the talks.",
      names: ["Qatar"],
      want: null,
    },
    { name: "acronym of an evidence name", text: "Iran and the US exchanged messages.", want: null },
    { name: "irregular verb opening a response", text: "Sent messages to the United States.", want: null },
    {
      name: "opener left out of the reported name",
      text: "Sent Foreign Minister Ishaq Dar to Tehran.",
      want: 'ungrounded name "Foreign Minister Ishaq Dar"',
    },
    {
      name: "title-case word absent from the sources",
      text: "Iran Confirms Backchannel Talks",
      want: 'ungrounded name "Iran Confirms Backchannel Talks"',
    },
    { name: "en-dash compound", text: "Iran–US contacts continue via Pakistan.", want: null },
    {
      name: "capitalized mid-sentence word",
      text: "Iran said the Kremlin was informed.",
      want: 'ungrounded name "Kremlin"',
    },
  ];
  for (const c of cases) it(c.name, () => expect(findUngrounded(c.text, EVIDENCE, c.names)).toBe(c.want));
});
