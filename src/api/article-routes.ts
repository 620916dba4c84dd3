import { z } from "zod";
import type { Article } from "../model/article.ts";
import { SitrepError } from "../model/errors.ts";
import { searchEventIds } from "./event-query.ts";
import { summarize } from "./event-view.ts";
import { paging, stringIdParams } from "./params.ts";
import { type Route, route } from "./route.ts";

/** An article in a list: no body, a short excerpt. */
function listed(a: Article) {
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    url: a.url,
    publishedAt: a.publishedAt,
    language: a.language,
    eventId: a.eventId,
    syndicatedOf: a.syndicatedOf,
    excerpt: a.text.slice(0, 280),
  };
}

/** Articles (list, full-text search, one article as text) and search across events and articles. */
export const articleRoutes: Route[] = [
  route({
    method: "get",
    path: "/api/articles",
    summary: "Articles, newest first, by source, event or full-text query",
    tag: "articles",
    query: z.object({
      source: z.string().min(1).max(200).optional().describe("source id"),
      event: z.coerce.number().int().positive().optional().describe("event id"),
      q: z.string().min(1).max(200).optional().describe("full-text search"),
      ...paging,
    }),
    handler: async (c, { query }, deps) => {
      const list = await deps.store.articles.listArticles({
        sourceId: query.source,
        eventId: query.event,
        q: query.q,
        limit: query.limit,
        offset: query.offset,
      });
      return c.json({ items: list.map(listed), limit: query.limit, offset: query.offset });
    },
  }),
  route({
    method: "get",
    path: "/api/articles/{id}",
    summary: "One article with its text (plain text, never HTML) and sentences",
    tag: "articles",
    params: stringIdParams,
    handler: async (c, { params }, deps) => {
      const a = await deps.store.articles.getArticle(params.id);
      if (!a) throw new SitrepError("not-found", `no article ${params.id}`);
      const { gold: _gold, contentHash: _hash, ...rest } = a;
      return c.json(rest);
    },
  }),
  route({
    method: "get",
    path: "/api/search",
    summary: "Search events and articles at once",
    tag: "search",
    query: z.object({
      q: z.string().min(1).max(200).describe("words to find"),
      limit: z.coerce.number().int().min(1).max(100).default(20).describe("most results of each kind"),
    }),
    handler: async (c, { query }, deps) => {
      const ids = await searchEventIds(deps, query.q, 500);
      const [events, articles] = await Promise.all([
        ids.length ? deps.store.events.listEvents({ ids, limit: query.limit }) : Promise.resolve([]),
        deps.store.articles.listArticles({ q: query.q, limit: query.limit }),
      ]);
      return c.json({ q: query.q, events: await summarize(deps, events), articles: articles.map(listed) });
    },
  }),
];
