import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.ts";

describe("splitSentences", () => {
  it("keeps a paragraph with no stop before a space as one sentence (CEP dev entries wink split wrongly)", () => {
    for (const p of [
      "Verizon agrees to sell the social networking site Tumblr to Automattic, owner of WordPress.com, for less than $10 million, less than two years after acquiring the site in 2017.",
      "Malaysia unveils an RM322.5 billion expansionary 2021 Budget to boost its domestic economic activity, according to government reports, as it grapples with the economic fallout of the pandemic.",
      "James Holzhauer is defeated on the American quiz show Jeopardy!, concluding a victory streak of 32 games.",
    ])
      expect(splitSentences(p)).toEqual([p]);
  });

  it("splits where a stop, maybe closed by a quote, meets a space, and at paragraph breaks", () => {
    expect(
      splitSentences(
        'The academy awards the prize to Karen Uhlenbeck for "her pioneering achievements." Uhlenbeck is the first woman to win it.\nIran denies involvement',
      ),
    ).toEqual([
      'The academy awards the prize to Karen Uhlenbeck for "her pioneering achievements."',
      "Uhlenbeck is the first woman to win it.",
      "Iran denies involvement",
    ]);
    expect(splitSentences("U.S. forces leave Kabul. The Taliban take the airport.")).toEqual([
      "U.S. forces leave Kabul.",
      "The Taliban take the airport.",
    ]);
  });
});
