import { z } from "zod";
import { alertsFeed } from "./atom-feed.ts";
import { type Route, route } from "./route.ts";

const ATOM = "application/atom+xml; charset=utf-8";

/** Alerts raised by the configured rules (config `alerts.rules`), as JSON and as an Atom feed. */
export const alertRoutes: Route[] = [
  route({
    method: "get",
    path: "/api/alerts",
    summary: "Alerts raised by the configured rules, newest first: rule, event, why, webhook delivery",
    tag: "alerts",
    query: z.object({
      rule: z.string().min(1).max(100).optional().describe("one rule's alerts"),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
    handler: async (c, { query }, deps) => {
      const items = await deps.store.alerts.list(query);
      return c.json({
        items,
        limit: query.limit,
        offset: query.offset,
        nextOffset: items.length === query.limit ? query.offset + query.limit : null,
      });
    },
  }),
  route({
    method: "get",
    path: "/feeds/alerts",
    summary: "Atom feed of alerts (all rules, or one with ?rule=)",
    tag: "feeds",
    produces: "application/atom+xml",
    query: z.object({
      rule: z.string().min(1).max(100).optional().describe("one rule's alerts"),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async (c, { query }, deps) => {
      const alerts = await deps.store.alerts.list({ rule: query.rule, limit: query.limit });
      const base = new URL(c.req.url).origin;
      const title = `Sitrep alerts${query.rule ? ` — ${query.rule}` : ""}`;
      return c.body(alertsFeed({ title, selfUrl: c.req.url, base, alerts }), 200, { "content-type": ATOM });
    },
  }),
];
