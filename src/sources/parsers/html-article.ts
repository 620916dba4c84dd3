import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { RawArticle } from "../../model/article.ts";
import { itemError, type ParseResult } from "../types.ts";
import { toIsoDate } from "./dates.ts";
import { extractHtmlMeta } from "./html-meta.ts";
import { htmlToText, tidyText } from "./html-text.ts";

/** Options for parseHtmlArticle. */
export interface HtmlArticleOptions {
  /** URL the page came from: names the item and resolves the canonical link. */
  url?: string | null;
  /** Below this many characters of article text the page is "no-article" (default 200). */
  minTextLength?: number;
}

function resolve(href: string | null, base: string | null | undefined): string | null {
  if (!href && !base) return null;
  try {
    const url = new URL(href ?? base ?? "", base ?? undefined);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return base ?? null;
  }
}

/** Extracts the article of one HTML page with Readability; "no-article" when none is found. */
export function parseHtmlArticle(html: string, name: string, options: HtmlArticleOptions = {}): ParseResult {
  const item = options.url && !name.includes(options.url) ? `${name} (${options.url})` : name;
  const minLength = options.minTextLength ?? 200;
  let document: ReturnType<typeof parseHTML>["document"];
  try {
    document = parseHTML(html).document;
  } catch (err) {
    return {
      items: [],
      errors: [itemError(item, "parse-failed", `unparseable HTML: ${(err as Error).message}`)],
    };
  }
  const meta = extractHtmlMeta(document);
  let parsed: ReturnType<Readability<string>["parse"]> = null;
  try {
    parsed = new Readability(document as unknown as Document, { charThreshold: minLength }).parse();
  } catch (err) {
    return {
      items: [],
      errors: [itemError(item, "no-article", `readability failed: ${(err as Error).message}`)],
    };
  }
  const text = parsed?.content ? htmlToText(parsed.content) : "";
  if (text.length < minLength) {
    const why = parsed
      ? `article text is ${text.length} characters (minimum ${minLength})`
      : "no article found";
    return { items: [], errors: [itemError(item, "no-article", why)] };
  }
  const title = tidyText(meta.title ?? parsed?.title ?? "") || text.split("\n", 1)[0].slice(0, 140);
  const article: RawArticle = {
    externalId: null,
    url: resolve(meta.canonicalUrl, options.url),
    title,
    text,
    outlet: meta.outlet ?? parsed?.siteName ?? null,
    publishedAt: toIsoDate(meta.publishedAt ?? parsed?.publishedTime),
    author: meta.author ?? parsed?.byline ?? null,
    language: meta.language ?? parsed?.lang ?? null,
    gold: null,
  };
  return { items: [article], errors: [] };
}
