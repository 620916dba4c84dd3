import type { EventFilter } from "../store/events.ts";
import type { ApiDeps } from "./deps.ts";

/** Query fields that filter events: the store's filter without its internal fields. */
export type EventQuery = Omit<EventFilter, "updatedAfter" | "ids">;

/** Store filter for an event query; text search covers records and, for pending ones, member articles. */
export async function toEventFilter(deps: ApiDeps, q: EventQuery): Promise<EventFilter> {
  const { q: text, ...rest } = q;
  if (!text) return rest;
  return { ...rest, ids: await searchEventIds(deps, text) };
}

/** Event ids matching a text: records first, then events of matching articles. */
export async function searchEventIds(deps: ApiDeps, text: string, limit = 1000): Promise<number[]> {
  const fromRecords = await deps.store.events.searchIds(text, limit);
  const articleIds = await deps.store.articles.searchIds(text, limit);
  const fromArticles = await deps.store.articles.eventIdsOf(articleIds);
  return [...new Set([...fromRecords, ...fromArticles])].slice(0, limit);
}
