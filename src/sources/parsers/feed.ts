import { type AnyFeed, type AtomFeed, type JsonFeed, parseFeed, type RdfFeed, type RssFeed } from "feedsmith";
import type { RawArticle } from "../../model/article.ts";
import { itemError, type ParseResult } from "../types.ts";
import { firstDate } from "./dates.ts";
import { htmlToText, tidyText, titleFromText } from "./html-text.ts";
import { parseJsonFeedText } from "./json-feed.ts";

/** Feed flavours feedsmith recognises. */
export type FeedFormat = AnyFeed["format"];

/** Items of one feed plus what the feed says about itself. */
export interface FeedParseResult extends ParseResult {
  format: FeedFormat | null;
  /** Feed title (used as outlet), or null. */
  title: string | null;
  /** Home page of the feed, or null. */
  siteUrl: string | null;
}

/** Options for parseFeedText. */
export interface FeedOptions {
  /** URL the feed was fetched from; relative links resolve against the feed's own link, then this. */
  baseUrl?: string | null;
}

type Fields = Omit<RawArticle, "title" | "gold"> & { title: string | null };

const CLOSED_ROOT = /<\/([\w-]+:)?(rss|feed|RDF)>(\s|<!--[\s\S]*?-->)*$/;
const MAX_SALVAGE_TRIES = 20;
const CLOSERS: Record<string, string> = { "</item>": "</channel></rss>", "</entry>": "</feed>" };

function absoluteUrl(
  link: string | null | undefined,
  ...bases: (string | null | undefined)[]
): string | null {
  if (!link?.trim()) return null;
  for (const base of [...bases, undefined]) {
    try {
      const url = new URL(link.trim(), base ?? undefined);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      // try the next base
    }
  }
  return null;
}

function plain(value: string | null | undefined, html = true): string {
  if (!value) return "";
  return html ? htmlToText(value) : tidyText(value);
}

function atomText(t: { value?: string; type?: string } | undefined): string {
  return plain(t?.value, t?.type !== "text");
}

function fromRss(feed: RssFeed.Feed<string>, base: string | null): Fields[] {
  return (feed.items ?? []).map((it) => ({
    externalId: it.guid?.value ?? null,
    url: absoluteUrl(
      it.link ?? (it.guid?.isPermaLink !== false ? it.guid?.value : undefined),
      feed.link,
      base,
    ),
    title: plain(it.title) || null,
    text: plain(it.content?.encoded) || plain(it.description),
    outlet: plain(feed.title) || null,
    publishedAt: firstDate(it.pubDate, it.dc?.dates?.[0], it.dcterms?.created, it.atom?.published),
    author: it.authors?.[0]?.name ?? it.authors?.[0]?.email ?? it.dc?.creators?.[0] ?? null,
    language: feed.language ?? feed.dc?.languages?.[0] ?? null,
  }));
}

function fromAtom(feed: AtomFeed.Feed<string>, base: string | null): Fields[] {
  const self = feed.links?.find((l) => l.rel === "alternate" || !l.rel)?.href;
  return (feed.entries ?? []).map((e) => {
    const link = e.links?.find((l) => l.rel === "alternate" || !l.rel) ?? e.links?.[0];
    return {
      externalId: e.id ?? null,
      url: absoluteUrl(link?.href, self, base),
      title: atomText(e.title) || null,
      text: atomText(e.content) || atomText(e.summary),
      outlet: atomText(feed.title) || null,
      publishedAt: firstDate(e.published, e.updated, e.dc?.dates?.[0]),
      author: e.authors?.[0]?.name ?? feed.authors?.[0]?.name ?? null,
      language: null,
    };
  });
}

function fromRdf(feed: RdfFeed.Feed<string>, base: string | null): Fields[] {
  return (feed.items ?? []).map((it) => ({
    externalId: it.rdf?.about ?? it.link ?? null,
    url: absoluteUrl(it.link, feed.link, base),
    title: plain(it.title) || null,
    text: plain(it.content?.encoded) || plain(it.description),
    outlet: plain(feed.title) || null,
    publishedAt: firstDate(it.dc?.dates?.[0], it.dcterms?.created),
    author: it.dc?.creators?.[0] ?? null,
    language: it.dc?.languages?.[0] ?? feed.dc?.languages?.[0] ?? null,
  }));
}

function fromJson(feed: JsonFeed.Feed<string>, base: string | null): Fields[] {
  return (feed.items ?? []).map((it) => ({
    externalId: it.id ?? null,
    url: absoluteUrl(it.url ?? it.external_url, feed.home_page_url, base),
    title: plain(it.title) || null,
    text: plain(it.content_text, false) || plain(it.content_html) || plain(it.summary),
    outlet: plain(feed.title) || null,
    publishedAt: firstDate(it.date_published, it.date_modified),
    author: it.authors?.[0]?.name ?? feed.authors?.[0]?.name ?? null,
    language: it.language ?? feed.language ?? null,
  }));
}

function feedMeta(parsed: AnyFeed): { title: string | null; siteUrl: string | null } {
  switch (parsed.format) {
    case "atom": {
      const site = parsed.feed.links?.find((l) => l.rel === "alternate" || !l.rel)?.href;
      return { title: atomText(parsed.feed.title) || null, siteUrl: site ?? null };
    }
    case "json":
      return { title: plain(parsed.feed.title) || null, siteUrl: parsed.feed.home_page_url ?? null };
    default:
      return { title: plain(parsed.feed.title) || null, siteUrl: parsed.feed.link ?? null };
  }
}

function fieldsOf(parsed: AnyFeed, base: string | null): Fields[] {
  switch (parsed.format) {
    case "rss":
      return fromRss(parsed.feed, base);
    case "atom":
      return fromAtom(parsed.feed, base);
    case "rdf":
      return fromRdf(parsed.feed, base);
    case "json":
      return fromJson(parsed.feed, base);
  }
}

/** Tries to keep the complete items of a broken XML feed: cuts after the last item that still parses. */
function salvage(text: string): AnyFeed | null {
  const rdf = /<rdf:RDF[\s>]/.test(text);
  for (const [close, tail] of Object.entries(CLOSERS)) {
    let at = text.lastIndexOf(close);
    for (let tries = 0; at >= 0 && tries < MAX_SALVAGE_TRIES; tries++) {
      try {
        return parseFeed(text.slice(0, at + close.length) + (rdf ? "</rdf:RDF>" : tail));
      } catch {
        at = text.lastIndexOf(close, at - 1);
      }
    }
  }
  return null;
}

function toResult(
  parsed: AnyFeed,
  name: string,
  base: string | null,
  result: FeedParseResult,
  positions?: number[],
): void {
  Object.assign(result, { format: parsed.format }, feedMeta(parsed));
  fieldsOf(parsed, base).forEach((f, i) => {
    const n = positions?.[i] ?? i + 1;
    const label = `${name} item ${n}${f.url || f.externalId ? ` (${f.url ?? f.externalId})` : ""}`;
    if (!f.title && !f.text) {
      result.errors.push(itemError(label, "invalid-input", "item has neither a title nor any text"));
      return;
    }
    result.items.push({ ...f, title: f.title ?? titleFromText(f.text), gold: null });
  });
}

function parseXmlFeed(text: string): { parsed: AnyFeed | null; problem: string | null } {
  try {
    const parsed = parseFeed(text);
    // The XML parser is lenient about a missing end; a cut-off download would keep a half item.
    if (CLOSED_ROOT.test(text.slice(-65536))) return { parsed, problem: null };
    return { parsed: null, problem: "document ends before its closing root tag (truncated?)" };
  } catch (err) {
    const dtd = /<!ENTITY/i.test(text.slice(0, 65536))
      ? " (documents declaring DTD entities are not accepted)"
      : "";
    return { parsed: null, problem: `${err instanceof Error ? err.message : String(err)}${dtd}` };
  }
}

/** Parses RSS 2.0, Atom, RDF or JSON Feed text; a broken feed keeps the complete items before the break. */
export function parseFeedText(text: string, name: string, options: FeedOptions = {}): FeedParseResult {
  const result: FeedParseResult = { items: [], errors: [], format: null, title: null, siteUrl: null };
  const base = options.baseUrl ?? null;
  if (text.trimStart().startsWith("{")) {
    const json = parseJsonFeedText(text, name);
    result.errors.push(...json.errors);
    if (json.feed) toResult(json.feed, name, base, result, json.positions);
    return result;
  }
  const { parsed, problem } = parseXmlFeed(text);
  if (parsed) {
    toResult(parsed, name, base, result);
    return result;
  }
  const partial = salvage(text);
  if (partial) toResult(partial, name, base, result);
  const kept = partial ? `; kept the ${result.items.length} complete items before the break` : "";
  result.errors.push(itemError(name, "parse-failed", `malformed feed: ${problem}${kept}`));
  return result;
}
