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
      name: "actor as object gives nothing",
      s: "Russian drones struck an energy facility near Kharkiv overnight.",
      actor: "Kharkiv",
      out: null,
    },
  ];
  for (const c of cases) it(c.name, () => expect(at(c.s, c.actor)).toBe(c.out));
});
