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

/** First candidate that resolves (against the later ones) to an absolute http(s) URL. */
function resolveUrl(...candidates: (string | null | undefined)[]): string | null {
  const present = candidates.filter((c): c is string => Boolean(c));
  for (const [i, href] of present.entries()) {
    for (const base of [undefined, ...present.slice(i + 1)]) {
      try {
        const url = new URL(href, base);
        if (url.protocol === "http:" || url.protocol === "https:") return url.href;
      } catch {
        // relative without a usable base: try the next base
      }
    }
  }
  return null;
}

/** Readability often keeps the headline as the first paragraph; the title field already has it. */
function dropLeadingTitle(text: string, title: string): string {
  const [first, ...rest] = text.split("\n\n");
  return first.trim().toLowerCase() === title.trim().toLowerCase() && rest.length ? rest.join("\n\n") : text;
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
  const fullText = parsed?.content ? htmlToText(parsed.content) : "";
  if (fullText.length < minLength) {
    const why = parsed
      ? `article text is ${fullText.length} characters (minimum ${minLength})`
      : "no article found";
    return { items: [], errors: [itemError(item, "no-article", why)] };
  }
  const title = tidyText(meta.title ?? parsed?.title ?? "") || fullText.split("\n", 1)[0].slice(0, 140);
  const text = dropLeadingTitle(fullText, title);
  const article: RawArticle = {
    externalId: null,
    url: resolveUrl(meta.canonicalUrl, options.url, meta.pageUrl),
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
