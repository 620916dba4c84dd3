import { type AnyFeed, parseFeed } from "feedsmith";
import type { ItemError } from "../../model/article.ts";
import { itemError } from "../types.ts";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Validates a JSON Feed's shape (reporting non-object items by index) and hands the rest to feedsmith. */
export function parseJsonFeedText(
  text: string,
  name: string,
): { feed: AnyFeed | null; errors: ItemError[]; positions?: number[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const reason = `invalid JSON: ${(err as Error).message.replace(/\s+/g, " ")}`;
    return { feed: null, errors: [itemError(name, "parse-failed", reason)] };
  }
  if (!isObject(raw)) {
    return { feed: null, errors: [itemError(name, "invalid-input", "JSON Feed must be an object")] };
  }
  if (!Array.isArray(raw.items)) {
    return { feed: null, errors: [itemError(name, "invalid-input", 'JSON Feed has no "items" array')] };
  }
  const errors: ItemError[] = [];
  const positions: number[] = [];
  const items = raw.items.filter((it, i) => {
    if (isObject(it)) return positions.push(i + 1) > 0;
    const reason = `item is ${JSON.stringify(it)}, not an object`;
    errors.push(itemError(`${name} item ${i + 1}`, "invalid-input", reason));
    return false;
  });
  try {
    const feed = parseFeed({ ...raw, items });
    // feedsmith drops empty objects; item numbers are only exact when nothing else was dropped.
    const exact = feed.format === "json" && feed.feed.items?.length === items.length;
    return { feed, errors, positions: exact ? positions : undefined };
  } catch (err) {
    errors.push(itemError(name, "invalid-input", `not a JSON Feed: ${(err as Error).message}`));
    return { feed: null, errors };
  }
}
