import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../actors/find-actors.ts";
import type { SitrepEvent } from "../model/event.ts";
import { splitSentences } from "../normalize/sentences.ts";
import { buildDigest, type MemberText } from "./build-digest.ts";

// The demo corpus's first report: Russian strikes on energy facilities in Kharkiv and Poltava (the gazetteer knows Kharkiv and Kyiv).
const demo = JSON.parse(
  readFileSync(new URL("../../demo/articles.ndjson", import.meta.url), "utf8").split("\n")[0],
) as { title: string; text: string; published_at: string };
const member: MemberText = {
  title: demo.title,
  sentences: splitSentences(demo.text),
  publishedAt: demo.published_at,
};

function event(withRecord: boolean): SitrepEvent {
  return {
    id: 7,
    redirectTo: null,
    firstSeen: demo.published_at,
    lastUpdated: demo.published_at,
    articleCount: 1,
    sourceCount: 1,
    topEntities: [],
    record: withRecord
      ? {
          title: demo.title,
          summary: [{ text: member.sentences[0], support: [] }],
          significance: { text: "", support: [] },
          content: "",
          responses: [],
          type: "ASSAULT",
          intensity: -9,
          direction: "escalating",
          location: "UKR",
          theatres: [],
          engine: "extractive",
          fallbacks: [],
        }
      : null,
  };
}

describe("buildDigest", () => {
  it("finds the places of a pending event's reports", () => {
    const d = buildDigest(event(false), [member]);
    expect(d.places).toEqual(expect.arrayContaining(["Kharkiv", "Kyiv"]));
  });

  it("keeps the reports' places when the record's actors are given (no second analysis)", () => {
    const actors = analyzeArticle([member.title, ...member.sentences]).actors.map((m) => m.actor);
    const pending = buildDigest(event(false), [member]);
    const saved = buildDigest(event(true), [member], { actors });
    expect(saved.places).toEqual(expect.arrayContaining(["Kharkiv", "Kyiv"]));
    expect(new Set(saved.places)).toEqual(new Set(pending.places));
    expect(saved.countries).toContain("UKR");
  });
});
