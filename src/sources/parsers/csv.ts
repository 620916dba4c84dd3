import { parse } from "csv-parse/sync";
import type { RawArticle } from "../../model/article.ts";
import { itemError, type ParseResult } from "../types.ts";

type Field =
  | "title"
  | "text"
  | "url"
  | "outlet"
  | "publishedAt"
  | "externalId"
  | "author"
  | "language"
  | "label"
  | "story"
  | "theater";

const ALIASES: Record<string, Field> = {
  title: "title",
  headline: "title",
  text: "text",
  body: "text",
  content: "text",
  description: "text",
  url: "url",
  link: "url",
  source: "outlet",
  outlet: "outlet",
  publisher: "outlet",
  published_at: "publishedAt",
  published: "publishedAt",
  date: "publishedAt",
  pubdate: "publishedAt",
  id: "externalId",
  author: "author",
  language: "language",
  lang: "language",
  label: "label",
  story: "story",
  theater: "theater",
};

function delimiterOf(text: string): string {
  const nl = text.indexOf("\n");
  const first = nl < 0 ? text : text.slice(0, nl);
  const counts = [",", "\t", ";"].map((d) => [d, first.split(d).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

function toArticle(row: Map<Field, string>): RawArticle {
  const get = (f: Field) => row.get(f)?.trim() || null;
  const hasGold = row.has("label") || row.has("story") || row.has("theater");
  return {
    externalId: get("externalId"),
    url: get("url"),
    title: get("title") ?? "",
    text: row.get("text")?.trim() ?? "",
    outlet: get("outlet"),
    publishedAt: get("publishedAt"),
    author: get("author"),
    language: get("language"),
    gold: hasGold
      ? { label: get("label"), story: get("story"), theater: get("theater"), storyPath: [], labels: [] }
      : null,
  };
}

/** Parses a CSV of articles (header: title,text,url,source|outlet,published_at, ...); one error per bad row. */
export function parseCsvText(text: string, name: string): ParseResult {
  const out: ParseResult = { items: [], errors: [] };
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        out.errors.push(
          itemError(`${name}:${err?.lines ?? "?"}`, "parse-failed", err?.message ?? "unreadable row"),
        );
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    out.errors.push(itemError(name, "parse-failed", `malformed CSV: ${(err as Error).message}`));
    return out;
  }
  if (rows.length === 0) {
    out.errors.push(itemError(name, "invalid-input", "empty CSV: no header row"));
    return out;
  }
  const header = rows[0].record.map((h) => ALIASES[h.trim().toLowerCase()] ?? null);
  if (!header.includes("title")) {
    const found = rows[0].record.join(", ").slice(0, 200);
    out.errors.push(itemError(name, "invalid-input", `CSV header has no "title" column (found: ${found})`));
    return out;
  }
  for (const { record, info } of rows.slice(1)) {
    const item = `${name}:${info.lines}`;
    if (record.length !== header.length) {
      out.errors.push(
        itemError(item, "invalid-input", `expected ${header.length} columns, got ${record.length}`),
      );
      continue;
    }
    const row = new Map<Field, string>();
    header.forEach((field, i) => {
      if (field && !row.has(field)) row.set(field, record[i]);
    });
    const article = toArticle(row);
    if (!article.title) out.errors.push(itemError(item, "invalid-input", 'missing "title"'));
    else out.items.push(article);
  }
  return out;
}
