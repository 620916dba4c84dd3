import type { GoldLabels, ItemError, RawArticle } from "../../model/article.ts";
import { itemError } from "../types.ts";
import { titleFromText } from "./html-text.ts";

type Obj = Record<string, unknown>;
const GOLD_KEYS = ["label", "story", "theater", "story_path", "labels"];

function kind(v: unknown): string {
  if (v === null) return "null";
  return Array.isArray(v) ? "array" : typeof v;
}

function optString(obj: Obj, key: string, problems: string[], lenient: boolean): string | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  if (!lenient) problems.push(`"${key}" must be a string or null, got ${kind(v)}`);
  return null;
}

function goldString(v: unknown): string | null {
  if (typeof v === "string") return v;
  return typeof v === "number" ? String(v) : null;
}

function goldList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Gold fields of an evaluation line, or null when the line carries none. */
function gold(obj: Obj): GoldLabels | null {
  if (!GOLD_KEYS.some((k) => k in obj)) return null;
  return {
    label: goldString(obj.label),
    story: goldString(obj.story),
    theater: goldString(obj.theater),
    storyPath: goldList(obj.story_path),
    labels: goldList(obj.labels),
  };
}

function jsonReason(err: unknown, text: string): string {
  const msg = err instanceof Error ? err.message : String(err);
  // A line cut short never ends with "}"; trailing garbage after a complete object is another fault.
  const truncated = !/non-whitespace character after JSON/.test(msg) && !text.trimEnd().endsWith("}");
  return truncated ? `truncated JSON (${msg})` : `invalid JSON (${msg})`;
}

/** Turns one NDJSON line of the shared article format into a RawArticle, or an ItemError naming `item`. */
export function parseArticleLine(text: string, item: string, lenient = false): RawArticle | ItemError {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (err) {
    return itemError(item, "parse-failed", jsonReason(err, text));
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    return itemError(item, "invalid-input", `line is a JSON ${kind(obj)}, not an object`);
  }
  const o = obj as Obj;
  const problems: string[] = [];
  const id = typeof o.id === "number" ? String(o.id) : optString(o, "id", problems, lenient);
  const body = optString(o, "text", problems, lenient) ?? "";
  let title = optString(o, "title", problems, lenient)?.trim() ?? "";
  if (!title && lenient) title = titleFromText(body);
  if (!title && !("title" in o && o.title !== null && typeof o.title !== "string")) {
    problems.unshift(o.title === undefined || o.title === null ? 'missing "title"' : 'empty "title"');
  }
  const article: RawArticle = {
    externalId: id,
    url: optString(o, "url", problems, lenient),
    title,
    text: body,
    outlet: optString(o, "source", problems, lenient) ?? optString(o, "outlet", problems, lenient),
    publishedAt: optString(o, "published_at", problems, lenient),
    author: optString(o, "author", problems, lenient),
    language: optString(o, "language", problems, lenient),
    gold: gold(o),
  };
  if (problems.length > 0) {
    const named = id ? `${item} (id ${id})` : item;
    return itemError(named, "invalid-input", problems.join("; "));
  }
  return article;
}

/** True when parseArticleLine returned an error. */
export function isItemError(value: RawArticle | ItemError): value is ItemError {
  return "reason" in value && "code" in value;
}
