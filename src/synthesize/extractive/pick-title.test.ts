import { describe, expect, it } from "vitest";
import { CONTRACT_INPUTS } from "../engine-contract.ts";
import { synthesizeExtractive } from "./create-extractive-engine.ts";

const base = CONTRACT_INPUTS[0].input;
const article = (id: string, title: string) => ({
  id,
  title,
  outlet: "Demo",
  publishedAt: "2026-11-12T10:00:00Z",
  url: null,
  syndicated: false,
});

describe("the extractive title", () => {
  it("names the event with a report's headline, not with an analysis of it", () => {
    // The demo's Sudan event #30 was titled "Analysis: Burhan's 'no' leaves Sudan's truce stillborn": the analysis
    // shares the most words with the other headlines, as commentary on an event does.
    const input = {
      ...base,
      articles: [
        article("a1", "Burhan: no truce with a militia that occupies our cities"),
        article("a2", "Sudan army chief rejects truce unless RSF withdraws from cities"),
        article("a3", "Analysis: Burhan's 'no' leaves Sudan's truce stillborn"),
      ],
    };
    expect(synthesizeExtractive(input).title).not.toMatch(/^Analysis/);
    // Alone, an analysis is still the event's only headline.
    expect(synthesizeExtractive({ ...input, articles: input.articles.slice(2) }).title).toMatch(
      /^Analysis: /,
    );
  });
});

describe("the extractive title, with syndicated copies", () => {
  it("lets a syndicated copy's own headline vote for the words that name the event", () => {
    // The demo's Lebanon truce: a wire report, two outlets rerunning it under their own headlines, and two
    // independent reports. Without the copies' votes, a colour piece's headline named the event.
    const copy = (id: string, title: string) => ({ ...article(id, title), syndicated: true });
    const input = {
      ...base,
      articles: [
        article("a1", "Israel and Lebanon agree 10-day ceasefire linked to US-Iran talks"),
        copy("a2", "10-day Israel-Lebanon truce to start at midnight, tied to US-Iran track"),
        article("a3", "Calm in the south as 10-day truce takes hold; Salam links extension to US-Iran track"),
        copy("a4", "Israel and Lebanon begin 10-day ceasefire as US pursues wider deal with Iran"),
        article("a5", "Northern residents cautious as 10-day Lebanon truce begins"),
      ],
    };
    expect(synthesizeExtractive(input).title).toBe(
      "Israel and Lebanon agree 10-day ceasefire linked to US-Iran talks",
    );
  });
});

describe("the extractive title, with a reaction among the reports", () => {
  it("names the event with the report of it, not with someone's response to it", () => {
    // The demo's truce extension: two reports of it and Ankara's reaction, which repeats most of their words.
    const input = {
      ...base,
      articles: [
        article("a1", "US-Iran ceasefire extended by 21 days, mediators say"),
        article("a2", "Pakistan, Qatar announce three-week extension of US-Iran truce"),
        article("a3", "Ankara welcomes US-Iran truce extension, says 21 days 'not enough'"),
      ],
    };
    expect(synthesizeExtractive(input).title).toBe("US-Iran ceasefire extended by 21 days, mediators say");
    // Alone, the reaction is the event.
    expect(synthesizeExtractive({ ...input, articles: input.articles.slice(2) }).title).toMatch(
      /^Ankara welcomes/,
    );
  });
});
