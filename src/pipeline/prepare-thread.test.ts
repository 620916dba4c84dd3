import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { syndicationText, textSignature } from "../dedup/syndication-index.ts";
import { memberUnits } from "../link/build-digest.ts";
import { unitFeatures } from "../link/unit-index.ts";
import type { RawArticle } from "../model/article.ts";
import { normalizeBatch, type RawItem } from "../normalize/normalize-article.ts";
import { parseDocument } from "../sources/parse.ts";
import { readArticles } from "../synthesize/analyze-members.ts";
import { PrepareThread } from "./prepare-thread.ts";

const DEMO = fileURLToPath(new URL("../../demo/articles.ndjson", import.meta.url));

async function demoItems(): Promise<RawItem[]> {
  const doc = await parseDocument({ name: "demo", body: readFileSync(DEMO) });
  return (doc.items as RawArticle[]).map((raw, i) => ({ item: `demo#${i + 1}`, raw }));
}

describe("PrepareThread", () => {
  it("normalizes on its thread exactly as in place, refused items included", async () => {
    const items = await demoItems();
    items.push({ item: "demo#empty", raw: { ...items[0].raw, title: "", text: "  " } });
    const now = new Date("2026-04-20T00:00:00Z");
    const thread = new PrepareThread();
    try {
      const [a, b] = await Promise.all([
        thread.prepare(items.slice(0, 10), "s1", now),
        thread.prepare(items.slice(10), "s1", now),
      ]);
      const inPlace = normalizeBatch(items, "s1", now);
      expect(inPlace.articles.length).toBeGreaterThan(30);
      expect([...a.articles, ...b.articles]).toEqual(inPlace.articles);
      // The readings made there are the readings made here: actors, roles and event types of each sentence.
      expect([...(a.readings ?? []), ...(b.readings ?? [])]).toEqual([
        ...readArticles(inPlace.articles.slice(0, 10)),
        ...readArticles(inPlace.articles.slice(10)),
      ]);
      expect(a.readings?.some(([, r]) => r.coded.event !== null)).toBe(true);
      // So are the syndication signatures (null for texts too short to compare).
      const signatures = new Map([...(a.signatures ?? []), ...(b.signatures ?? [])]);
      expect(signatures).toEqual(
        new Map(inPlace.articles.map((x) => [x.id, textSignature(syndicationText(x))])),
      );
      expect([...signatures.values()].filter(Boolean).length).toBeGreaterThan(10);
      // And the link index features of each member report.
      const units = [...(a.units ?? []), ...(b.units ?? [])];
      expect(units.map(([text]) => text)).toEqual(inPlace.articles.map((x) => memberUnits([x])[0]));
      expect(units).toEqual(units.map(([text]) => [text, unitFeatures(text)]));
      expect(units.some(([, f]) => [...f.keys()].some((k) => k.startsWith("c:")))).toBe(true);
      expect(b.errors).toEqual([
        { item: "demo#empty", code: "invalid-input", reason: "no title and no text" },
      ]);
    } finally {
      await thread.close();
    }
  });

  it("detects a batch's languages on its thread as normalization does in place", async () => {
    const items = await demoItems();
    // Real non-English and language-given items too: a Spanish and a German lead, and an item that says.
    items.push(
      {
        item: "es",
        raw: {
          ...items[0].raw,
          title: "El gobierno anuncia nuevas medidas",
          text: "El presidente del gobierno anunció el martes un paquete de medidas económicas para las familias.",
        },
      },
      {
        item: "de",
        raw: {
          ...items[1].raw,
          title: "Regierung beschließt neue Maßnahmen",
          text: "Die Bundesregierung hat am Dienstag ein neues Paket für Familien und Unternehmen beschlossen.",
        },
      },
      { item: "given", raw: { ...items[2].raw, language: "fr" } },
    );
    const now = new Date("2026-04-20T00:00:00Z");
    const thread = new PrepareThread();
    try {
      const languages = await thread.languages(items);
      const inPlace = normalizeBatch(items, "s1", now);
      expect(languages).toEqual(inPlace.articles.map((a) => a.language));
      expect(normalizeBatch(items, "s1", now, languages ?? undefined)).toEqual(inPlace);
      expect(languages?.slice(-3)).toEqual(["es", "de", "fr"]);
      await thread.close();
      // Closed: no languages, and normalization detects them in place.
      expect(await thread.languages(items)).toBeNull();
    } finally {
      await thread.close();
    }
  });

  it("normalizes in place once closed, so a batch is never lost", async () => {
    const items = (await demoItems()).slice(0, 3);
    const now = new Date("2026-04-20T00:00:00Z");
    const thread = new PrepareThread();
    await thread.prepare(items, "s1", now);
    await thread.close();
    const after = await thread.prepare(items, "s1", now);
    expect(after.articles.map((a) => a.id)).toEqual(
      normalizeBatch(items, "s1", now).articles.map((a) => a.id),
    );
  });
});
