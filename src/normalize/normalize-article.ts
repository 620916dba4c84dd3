import { createHash } from "node:crypto";
import type { Article, ItemError, RawArticle } from "../model/article.ts";
import { canonicalUrl } from "./canonical-url.ts";
import { resolvePublishedAt } from "./dates.ts";
import { detectLanguage } from "./language.ts";
import { splitSentences } from "./sentences.ts";

/** A normalized article before dedup and clustering (no seq, no event yet), or the reason it was refused. */
export type Normalized =
  | { ok: true; article: Article; warning: ItemError | null }
  | { ok: false; error: ItemError };

const MAX_TEXT = 200_000;

/** One raw item with the name its errors should use (file:line, URL...). */
export interface RawItem {
  item: string;
  raw: RawArticle;
}

/** A batch after normalization: the articles kept, in input order, and each refused or doubtful item. */
export interface NormalizedBatch {
  articles: Article[];
  errors: ItemError[];
  warnings: ItemError[];
}

/**
 * Normalizes a batch: articles in input order, refused items as errors (the rest of the batch goes on).
 * `languages[i]` is item i's languageOf when it was worked out ahead (on the ingest's pipeline thread).
 */
export function normalizeBatch(
  items: RawItem[],
  sourceId: string,
  now: Date,
  languages?: (string | null)[],
): NormalizedBatch {
  const out: NormalizedBatch = { articles: [], errors: [], warnings: [] };
  for (const [i, { item, raw }] of items.entries()) {
    const n = normalizeArticle(raw, { sourceId, item, now }, languages?.[i]);
    if (!n.ok) out.errors.push(n.error);
    else {
      out.articles.push(n.article);
      if (n.warning) out.warnings.push(n.warning);
    }
  }
  return out;
}

/**
 * The language of an item: the one it gives, else detected from its cleaned title and the start of its text
 * (pure: any thread).
 */
export function languageOf(raw: RawArticle): string | null {
  return raw.language ?? detectFrom(clean(raw.title), clean(raw.text));
}

function detectFrom(title: string, text: string): string | null {
  return detectLanguage(`${title}. ${text.slice(0, 200)}`);
}

/**
 * Normalizes one raw item: canonical URL, language (`language` when worked out ahead with languageOf), date
 * (never future), sentences, content hash, stable id.
 */
export function normalizeArticle(
  raw: RawArticle,
  ctx: { sourceId: string; item: string; now: Date },
  language?: string | null,
): Normalized {
  const title = clean(raw.title);
  const text = clean(raw.text).slice(0, MAX_TEXT);
  if (!title && !text)
    return { ok: false, error: { item: ctx.item, code: "invalid-input", reason: "no title and no text" } };
  const date = resolvePublishedAt(raw.publishedAt, ctx.now);
  const canon = canonicalUrl(raw.url);
  const body = text || title;
  const contentHash = sha1(
    `${title.toLowerCase()}\n${body.toLowerCase().replace(/\s+/g, " ")}\n${date.iso.slice(0, 10)}`,
  );
  const key =
    canon ?? (raw.externalId ? `ext:${raw.outlet ?? ctx.sourceId}:${raw.externalId}` : `hash:${contentHash}`);
  const sentences = splitSentences(text && text !== title ? text : title);
  const article: Article = {
    id: sha1(key).slice(0, 20),
    sourceId: ctx.sourceId,
    externalId: raw.externalId,
    url: raw.url,
    canonicalUrl: canon,
    title: uncut(title, text, sentences) || firstWords(body),
    text,
    outlet: raw.outlet?.trim() || null,
    language: language !== undefined ? language : (raw.language ?? detectFrom(title, text)),
    publishedAt: date.iso,
    dateEstimated: date.estimated,
    fetchedAt: ctx.now.toISOString(),
    contentHash,
    syndicatedOf: null,
    sentences,
    eventId: null,
    seq: 0,
    gold: raw.gold,
  };
  const warning = date.warning ? { item: ctx.item, code: "invalid-input", reason: date.warning } : null;
  return { ok: true, article, warning };
}

/**
 * A headline cut at the period of an abbreviation, as some feeds and the Current Events data do ("U.S" for
 * "U.S. President Joe Biden orders …", "Apple Inc" for "Apple Inc. reports …"): the text's first sentence.
 * Only a title the text starts with and continues with a period that does not end the sentence is restored.
 */
function uncut(title: string, text: string, sentences: string[]): string {
  if (!title || text[title.length] !== "." || !text.startsWith(title)) return title;
  const first = sentences[0] ?? "";
  return first.length > title.length + 1 && first.startsWith(title) ? first : title;
}

function clean(s: string | null | undefined): string {
  return (s ?? "")
    .replaceAll("\u0000", "")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function firstWords(s: string): string {
  const words = s.split(/\s+/).slice(0, 14).join(" ");
  return words.length < s.length ? `${words}…` : words;
}

function sha1(s: string): string {
  return createHash("sha1").update(s).digest("hex");
}
