import { z } from "zod";
import { SitrepError } from "../model/errors.ts";
import { buildEventDetail } from "./event-detail.ts";
import { buildEventGraph } from "./event-graph.ts";
import { toEventFilter } from "./event-query.ts";
import { summarize } from "./event-view.ts";
import { eventIdParams, eventListQuery } from "./params.ts";
import { type Route, route } from "./route.ts";

/** Event list, event detail and related-events graph. */
export const eventRoutes: Route[] = [
  route({
    method: "get",
    path: "/api/events",
    summary: "List live events, newest activity first, with filters",
    tag: "events",
    query: eventListQuery,
    handler: async (c, { query }, deps) => {
      const events = await deps.store.events.listEvents(await toEventFilter(deps, query));
      const items = await summarize(deps, events);
      const nextOffset = items.length === query.limit ? query.offset + query.limit : null;
      return c.json({ items, limit: query.limit, offset: query.offset, nextOffset });
    },
  }),
  route({
    method: "get",
    path: "/api/events/{id}",
    summary: "One event's whole record: sources, actor responses with quotes, related events, changelog",
    tag: "events",
    params: eventIdParams,
    handler: async (c, { params }, deps) => {
      const found = await deps.store.events.getEvent(params.id);
      if (!found) throw new SitrepError("not-found", `no event ${params.id}`);
      return c.json(await buildEventDetail(deps, found.event, found.redirectedFrom));
    },
  }),
  route({
    method: "get",
    path: "/api/events/{id}/graph",
    summary: "Related-events graph around an event (nodes and typed edges, n hops)",
    tag: "events",
    params: eventIdParams,
    query: z.object({
      hops: z.coerce.number().int().min(1).max(4).default(2).describe("link hops to walk (1..4)"),
      maxNodes: z.coerce.number().int().min(1).max(500).default(150).describe("most nodes returned"),
    }),
    handler: async (c, { params, query }, deps) => {
      const found = await deps.store.events.getEvent(params.id);
      if (!found) throw new SitrepError("not-found", `no event ${params.id}`);
      return c.json(await buildEventGraph(deps, found.event.id, query.hops, query.maxNodes));
    },
  }),
];
