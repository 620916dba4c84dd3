import type { SentenceRef } from "../model/actor.ts";
import type { Article } from "../model/article.ts";
import type { EventChange, GroundedText, SitrepEvent } from "../model/event.ts";
import { type EventLink, explanationOn } from "../model/link.ts";
import type { ArticleRef } from "../store/articles.ts";
import type { ApiDeps } from "./deps.ts";
import { type EventSummary, summaryOf } from "./event-view.ts";

/** A source sentence quoted in support of a generated line. */
export interface Quote {
  articleId: string;
  sentence: number;
  text: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string | null;
}

/** A generated line with its resolved supporting quotes. */
export interface QuotedText {
  text: string;
  quotes: Quote[];
}

/** The whole event record as the event page shows it. */
export interface EventDetail extends EventSummary {
  redirectedFrom: number | null;
  summaryLines: QuotedText[];
  significanceLine: QuotedText | null;
  content: string;
  engine: string | null;
  fallbacks: string[];
  independentSources: number;
  sources: {
    articleId: string;
    outlet: string | null;
    title: string;
    url: string | null;
    publishedAt: string;
    syndicated: boolean;
    syndicatedOf: string | null;
  }[];
  responses: { actorId: string; actorName: string; text: string; quotes: Quote[] }[];
  related: {
    eventId: number;
    title: string;
    date: string;
    pending: boolean;
    relation: "earlier" | "later";
    type: string;
    confidence: number;
    /** As stored: written from the newer event's view, naming the older one. */
    explanation: string;
    /** As read on this event's page: a later event's reference to this one reads "this event". */
    explanationHere: string;
    evidence: EventLink["evidence"];
  }[];
  actors: { id: string; name: string; kind: string; country: string | null }[];
  changelog: EventChange[];
}

/** Builds the detail of a live event in a fixed number of queries (no per-item lookups). */
export async function buildEventDetail(
  deps: ApiDeps,
  event: SitrepEvent,
  redirectedFrom: number | null,
): Promise<EventDetail> {
  const { store } = deps;
  const r = event.record;
  // Member texts are read only when the page shows them (no synthesized content yet); otherwise titles and
  // sentences are enough for the source list and the quotes. Related events need only a title and a date, read
  // with the links rather than as whole records.
  const [whole, refs, related, changelog, actorMap] = await Promise.all([
    r?.content ? null : store.articles.articlesOfEvent(event.id),
    r?.content ? store.articles.memberRefsOf(event.id) : null,
    store.links.relatedOf(event.id),
    store.events.changesOf(event.id),
    store.events.actorsOfEvents([event.id]),
  ]);
  const members: ArticleRef[] = whole ?? refs ?? [];
  const support: SentenceRef[] = [
    ...(r?.summary.flatMap((s) => s.support) ?? []),
    ...(r?.significance.support ?? []),
    ...(r?.responses.flatMap((x) => x.support) ?? []),
  ];
  const byId = new Map<string, ArticleRef>(members.map((a) => [a.id, a]));
  const missing = [...new Set(support.map((s) => s.articleId).filter((id) => !byId.has(id)))];
  for (const a of missing.length ? await store.articles.getArticles(missing) : []) byId.set(a.id, a);
  const quote = (g: GroundedText): QuotedText => ({ text: g.text, quotes: resolve(byId, g.support) });
  // Only a pending record borrows its first article's title and lead, and then the members are whole articles.
  const first = whole ? (whole.find((a) => !a.syndicatedOf) ?? whole[0] ?? null) : null;
  const pendingIds = [
    ...new Set(related.filter((x) => x.other.pending || !x.other.title).map((x) => x.other.id)),
  ];
  const firsts = pendingIds.length
    ? await store.articles.firstArticlesOf(pendingIds)
    : new Map<number, Article>();
  return {
    ...summaryOf(deps, event, first),
    redirectedFrom,
    summaryLines: r ? r.summary.map(quote) : [],
    significanceLine: r?.significance.text ? quote(r.significance) : null,
    content: r?.content || fullText(whole ?? []),
    engine: r?.engine ?? null,
    fallbacks: r?.fallbacks ?? [],
    independentSources: new Set(members.filter((a) => !a.syndicatedOf).map((a) => a.outlet ?? a.id)).size,
    sources: members.map((a) => ({
      articleId: a.id,
      outlet: a.outlet,
      title: a.title,
      url: a.url,
      publishedAt: a.publishedAt,
      syndicated: a.syndicatedOf !== null,
      syndicatedOf: a.syndicatedOf,
    })),
    responses: (r?.responses ?? []).map((x) => ({
      actorId: x.actorId,
      actorName: x.actorName,
      text: x.text,
      quotes: resolve(byId, x.support),
    })),
    related: related.map(({ link: l, other: o }) => ({
      eventId: o.id,
      title: o.title ?? firsts.get(o.id)?.title ?? `Event ${o.id}`,
      date: o.firstSeen,
      pending: o.pending,
      relation: l.fromEvent === event.id ? ("earlier" as const) : ("later" as const),
      type: l.type,
      confidence: l.confidence,
      explanation: l.explanation,
      explanationHere: explanationOn(l, event.id),
      evidence: l.evidence,
    })),
    actors: (actorMap.get(event.id) ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      country: a.country,
    })),
    changelog,
  };
}

function resolve(byId: Map<string, ArticleRef>, refs: SentenceRef[]): Quote[] {
  return refs.flatMap((ref) => {
    const a = byId.get(ref.articleId);
    const text = a?.sentences[ref.sentence];
    if (!a || text === undefined) return [];
    return [
      {
        articleId: a.id,
        sentence: ref.sentence,
        text,
        outlet: a.outlet,
        url: a.url,
        publishedAt: a.publishedAt,
      },
    ];
  });
}

/** Text of the independent member articles, each under its outlet and title. */
function fullText(members: Article[]): string {
  const own = members.filter((a) => !a.syndicatedOf);
  return (own.length ? own : members)
    .map((a) => `${a.outlet ?? "Unknown outlet"} — ${a.title}\n\n${a.text}`)
    .join("\n\n");
}
