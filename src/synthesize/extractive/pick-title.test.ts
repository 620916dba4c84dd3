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
