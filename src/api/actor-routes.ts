import { z } from "zod";
import { SitrepError } from "../model/errors.ts";
import { summarize } from "./event-view.ts";
import { stringIdParams } from "./params.ts";
import { type Route, route } from "./route.ts";

/** Actors: the list, and one actor's events and responses over time. */
export const actorRoutes: Route[] = [
  route({
    method: "get",
    path: "/api/actors",
    summary: "Actors with their number of events, most active first",
    tag: "actors",
    query: z.object({
      q: z.string().min(1).max(100).optional().describe("name contains"),
      limit: z.coerce.number().int().min(1).max(1000).default(100).describe("most actors returned"),
    }),
    handler: async (c, { query }, deps) =>
      c.json({ items: await deps.store.events.listActors(query.limit, query.q) }),
  }),
  route({
    method: "get",
    path: "/api/actors/{id}",
    summary: "One actor with its events and its responses over time",
    tag: "actors",
    params: stringIdParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(100).describe("most events returned"),
    }),
    handler: async (c, { params, query }, deps) => {
      const actor = await deps.store.events.getActor(params.id);
      if (!actor) throw new SitrepError("not-found", `no actor ${params.id}`);
      const [events, responses] = await Promise.all([
        deps.store.events.listEvents({ actor: actor.id, limit: query.limit }),
        deps.store.events.responsesOfActor(actor.id, query.limit),
      ]);
      return c.json({
        actor,
        events: await summarize(deps, events),
        responses: responses.map((r) => ({
          eventId: r.eventId,
          eventTitle: r.eventTitle,
          date: r.firstSeen,
          text: r.text,
        })),
      });
    },
  }),
];
