import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../actors/find-actors.ts";
import type { SitrepEvent } from "../model/event.ts";
import { splitSentences } from "../normalize/sentences.ts";
import { buildDigest, type MemberText } from "./build-digest.ts";

// The demo corpus's first report: Russian strikes on energy facilities in Kharkiv and Poltava (the gazetteer knows
// Kharkiv; "KYIV (CWS) —" is the dateline, where the desk is, not a place of the event).
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
    expect(d.places).toEqual(["Kharkiv"]);
  });

  it("keeps the reports' places when the record's actors are given (no second analysis)", () => {
    const actors = analyzeArticle([member.title, ...member.sentences]).actors.map((m) => m.actor);
    const pending = buildDigest(event(false), [member]);
    const saved = buildDigest(event(true), [member], { actors });
    expect(saved.places).toEqual(["Kharkiv"]);
    expect(new Set(saved.places)).toEqual(new Set(pending.places));
    expect(saved.countries).toContain("UKR");
  });

  it("does not read a dateline as a place of the event", () => {
    // "NAIROBI — Hospitals in El Obeid were running on generators …": the desk is in Kenya, the event in Sudan.
    // Read as a place, the dateline made Kenya one of "the same actors" of the demo's Sudan links.
    const line = readFileSync(new URL("../../demo/articles.ndjson", import.meta.url), "utf8")
      .split("\n")
      .find((l) => l.includes('"demo-010"'));
    const a = JSON.parse(line ?? "{}") as { title: string; text: string; published_at: string };
    const sudan: MemberText = {
      title: a.title,
      sentences: splitSentences(a.text),
      publishedAt: a.published_at,
    };
    expect(sudan.sentences[0]).toMatch(/^NAIROBI — /);
    const d = buildDigest(event(false), [sudan]);
    expect(d.countries).toContain("SDN");
    expect(d.countries).not.toContain("KEN");
    expect(d.places).not.toContain("Nairobi");
  });
});
