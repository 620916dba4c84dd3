import { describe, expect, it } from "vitest";
import type { RawArticle } from "../model/article.ts";
import { readNdjson } from "../sources/parsers/ndjson.ts";
import { normalizeArticle } from "./normalize-article.ts";

const CEP = new URL("../../../shared/data/cep/dev-2019-2022.ndjson", import.meta.url).pathname;
const ctx = { sourceId: "cep", item: "test", now: new Date("2030-01-01T00:00:00Z") };

// The Current Events data cuts a title at its first period, abbreviations included: "U.S" for an entry whose
// text is "U.S. President Joe Biden orders …". The first 300 entries of the dev file cut after an abbreviation,
// and 300 whose title is the text's whole first sentence (its last word a plain word, the text going on).
const ABBREVIATION = /(?:^|\s)(?:(?:[A-Z]\.)*[A-Z]|Inc|Co|Dr|Rep|Sen|St|Lt|Jr|Gen|Col|Gov|Mr|Mrs|Ms)$/;
async function cepTitles(): Promise<{ cut: RawArticle[]; whole: RawArticle[] }> {
  const cut: RawArticle[] = [];
  const whole: RawArticle[] = [];
  for await (const entry of readNdjson(CEP, { name: "cep" })) {
    const a = entry.article;
    if (!a?.title || !a.text?.startsWith(`${a.title}.`)) continue;
    if (ABBREVIATION.test(a.title)) cut.push(a);
    else if (/\s\p{Ll}{4,}$/u.test(a.title) && /^\. \p{Lu}/u.test(a.text.slice(a.title.length)))
      whole.push(a);
    if (cut.length >= 300 && whole.length >= 300) break;
  }
  return { cut: cut.slice(0, 300), whole: whole.slice(0, 300) };
}

describe("normalizeArticle titles", () => {
  it("restores a title cut at an abbreviation's period from the text's first sentence", async () => {
    const { cut } = await cepTitles();
    expect(cut.length).toBe(300);
    const titles = cut.map((raw) => normalizeArticle(raw, ctx)).map((n) => (n.ok ? n.article.title : ""));
    const restored = titles.filter(
      (t, i) => t.length > cut[i].title!.length + 1 && t.startsWith(cut[i].title!),
    );
    // Nearly all: a cut that our sentence splitter also takes for a sentence end stays as it was.
    expect(restored.length / cut.length).toBeGreaterThan(0.9);
    expect(titles.filter((t) => /^(?:The |A )?U\.S$/.test(t))).toEqual([]);
    const biden = cut.find((r) => r.text!.startsWith("U.S. President Joe Biden orders Secretary of Defense"));
    if (biden) {
      const n = normalizeArticle(biden, ctx);
      expect(n.ok && n.article.title).toBe(
        "U.S. President Joe Biden orders Secretary of Defense Lloyd Austin to send 7,000 troops to Germany in order to assist NATO allies.",
      );
    }
  });

  it("keeps whole titles, and restores a cut one only from a text that continues it", async () => {
    const { cut, whole } = await cepTitles();
    for (const raw of whole) {
      const n = normalizeArticle(raw, ctx);
      expect(n.ok && n.article.title).toBe(raw.title);
    }
    const raw = cut[0];
    const a = normalizeArticle(raw, ctx);
    const b = normalizeArticle(
      { ...raw, text: `${raw.title}: the text does not go on after a period.` },
      ctx,
    );
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(a.article.title).not.toBe(raw.title);
      expect(b.article.title).toBe(raw.title);
    }
  });

  it("leaves a headline the text merely starts with", () => {
    const n = normalizeArticle(
      {
        title: "Iran talks collapse",
        text: "Iran talks collapse. Both sides blame each other for the breakdown.",
        url: null,
        publishedAt: "2022-01-01T00:00:00Z",
      } as RawArticle,
      ctx,
    );
    expect(n.ok && n.article.title).toBe("Iran talks collapse");
  });
});
