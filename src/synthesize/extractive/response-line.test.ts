import { describe, expect, it } from "vitest";
import { responseLine } from "./response-line.ts";

function at(sentence: string, name: string) {
  const start = sentence.indexOf(name);
  return responseLine(sentence, start, start + name.length);
}

describe("responseLine", () => {
  const cases = [
    {
      name: "speech verb after the name, weekday dropped",
      s: "Iranian Foreign Ministry spokesman Esmail Baghaei said on Monday that communications with Washington continue through a mediator.",
      actor: "Esmail Baghaei",
      out: "Said that communications with Washington continue through a mediator.",
    },
    {
      name: "present tense becomes past",
      s: "The Kremlin denies any plan for a new wave of mobilisation.",
      actor: "The Kremlin",
      out: "Denied any plan for a new wave of mobilisation.",
    },
    {
      name: "appositive skipped",
      s: "Baghaei, the ministry's spokesman, confirmed that a Pakistani envoy would arrive in Tehran.",
      actor: "Baghaei",
      out: "Confirmed that a Pakistani envoy would arrive in Tehran.",
    },
    {
      name: "credit at the end",
      s: "Talks with the United States will continue through the Pakistani channel, the foreign ministry said.",
      actor: "the foreign ministry",
      out: "Said talks with the United States will continue through the Pakistani channel.",
    },
    {
      name: "a possessor of a noun phrase does not act ('sanctions' is a noun here)",
      s: 'Maria Zakharova said the European Union\'s 22nd sanctions package "will harm European citizens far more than Russia."',
      actor: "European Union",
      out: null,
    },
    {
      name: "an adverb before the verb, and 'adopted'",
      s: "The European Union on Friday formally adopted its 22nd package of sanctions against Russia.",
      actor: "The European Union",
      out: "Adopted its 22nd package of sanctions against Russia.",
    },
    {
      name: "actor as object gives nothing",
      s: "Russian drones struck an energy facility near Kharkiv overnight.",
      actor: "Kharkiv",
      out: null,
    },
  ];
  for (const c of cases) it(c.name, () => expect(at(c.s, c.actor)).toBe(c.out));
});

describe("what an actor did before this event is no response to it", () => {
  const cases = [
    {
      name: "named in a clause that dates this event by an earlier one",
      s: "The denial comes two days after Iranian Foreign Minister Abbas Araghchi said enrichment on Iranian soil was a red line.",
      actor: "Abbas Araghchi",
    },
    {
      name: "the subject of an 'after' clause",
      s: "The commander warned that US bases were within range after Washington announced it was sending 10,000 more troops.",
      actor: "Washington",
    },
    {
      name: "a statement dated months before",
      s: "Former President Dmitry Medvedev said in September that more than 300,000 people had signed contracts.",
      actor: "Dmitry Medvedev",
    },
    {
      name: "an act dated in an earlier year",
      s: "Belgium imposed sanctions on Rwandan military officers and M23 leaders in March 2025.",
      actor: "Belgium",
    },
    {
      name: "an act ongoing since an earlier month",
      s: "Russia has struck Ukraine's energy system repeatedly since late September, including an attack on 27 October.",
      actor: "Russia",
    },
  ];
  for (const c of cases) it(c.name, () => expect(at(c.s, c.actor)).toBeNull());

  it("what the actor 'previously' did", () => {
    expect(at("The UAE has previously rejected accusations that it arms the RSF.", "The UAE")).toBeNull();
  });

  it("a date inside what is said stays: it is what they said", () => {
    expect(
      at("The electoral commission said the vote would be held in March 2027.", "The electoral commission"),
    ).toBe("Said the vote would be held in March 2027.");
  });

  it("the speaker of the clause that dates by an earlier event still responds", () => {
    expect(
      at(
        "Commander Pakpour warned that US bases were within range after Washington announced it was sending more troops.",
        "Commander Pakpour",
      ),
    ).toBe("Warned that US bases were within range after Washington announced it was sending more troops.");
  });
});
