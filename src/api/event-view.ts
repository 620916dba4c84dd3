import type { Article } from "../model/article.ts";
import type { SitrepEvent } from "../model/event.ts";
import type { ApiDeps } from "./deps.ts";

/** An event as lists, feeds and the live stream show it. */
export interface EventSummary {
  id: number;
  title: string;
  /** True while synthesis has not produced a record: title and summary come from the first article. */
  pending: boolean;
  summary: string;
  significance: string | null;
  type: string | null;
  intensity: number | null;
  direction: string;
  location: string | null;
  theatres: { id: string; name: string }[];
  firstSeen: string;
  lastUpdated: string;
  articleCount: number;
  sourceCount: number;
}

/** Summaries of events in the order given; pending records borrow their first article's title and lead. */
export async function summarize(deps: ApiDeps, events: SitrepEvent[]): Promise<EventSummary[]> {
  const pending = events.filter((e) => !e.record).map((e) => e.id);
  const firsts = pending.length ? await deps.store.articles.firstArticlesOf(pending) : new Map();
  return events.map((e) => summaryOf(deps, e, firsts.get(e.id) ?? null));
}

/** The summary of one event, given its first article when the record is pending. */
export function summaryOf(deps: ApiDeps, e: SitrepEvent, first: Article | null): EventSummary {
  const r = e.record;
  const theatres = (r?.theatres ?? []).map((id) => ({ id, name: deps.theatres.name(id) }));
  return {
    id: e.id,
    title: r?.title ?? first?.title ?? `Event ${e.id}`,
    pending: !r,
    summary: r ? r.summary.map((s) => s.text).join(" ") : lead(first),
    significance: r?.significance.text || null,
    type: r?.type ?? null,
    intensity: r?.intensity ?? null,
    direction: r?.direction ?? "unknown",
    location: r?.location ?? null,
    theatres,
    firstSeen: e.firstSeen,
    lastUpdated: e.lastUpdated,
    articleCount: e.articleCount,
    sourceCount: e.sourceCount,
  };
}

/** The first sentences of an article, up to about 300 characters. */
export function lead(a: Article | null): string {
  if (!a) return "";
  let out = "";
  for (const s of a.sentences) {
    if (out && out.length + s.length > 300) break;
    out = out ? `${out} ${s}` : s;
  }
  return out || a.text.slice(0, 300);
}
