import type { Context } from "hono";
import { z } from "zod";
import { SitrepError } from "../model/errors.ts";
import { atomFeed } from "./atom-feed.ts";
import type { ApiDeps } from "./deps.ts";
import { summarize } from "./event-view.ts";
import { stringIdParams } from "./params.ts";
import { type Route, route } from "./route.ts";

const ATOM = "application/atom+xml; charset=utf-8";
const feedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("most entries"),
});

async function respond(
  c: Context,
  deps: ApiDeps,
  title: string,
  filter: { theatre?: string; actor?: string },
  limit: number,
) {
  const events = await summarize(deps, await deps.store.events.listEvents({ ...filter, limit }));
  const base = new URL(c.req.url).origin;
  return c.body(atomFeed({ title, selfUrl: c.req.url, base, events }), 200, { "content-type": ATOM });
}

/** Atom feeds of events per theatre and per actor. */
export const feedRoutes: Route[] = [
  route({
    method: "get",
    path: "/feeds/theatres/{id}",
    summary: "Atom feed of a theatre's events",
    tag: "feeds",
    produces: "application/atom+xml",
    params: stringIdParams,
    query: feedQuery,
    handler: async (c, { params, query }, deps) =>
      respond(c, deps, `Sitrep — ${deps.theatres.name(params.id)}`, { theatre: params.id }, query.limit),
  }),
  route({
    method: "get",
    path: "/feeds/actors/{id}",
    summary: "Atom feed of an actor's events",
    tag: "feeds",
    produces: "application/atom+xml",
    params: stringIdParams,
    query: feedQuery,
    handler: async (c, { params, query }, deps) => {
      const actor = await deps.store.events.getActor(params.id);
      if (!actor) throw new SitrepError("not-found", `no actor ${params.id}`);
      return respond(c, deps, `Sitrep — ${actor.name}`, { actor: actor.id }, query.limit);
    },
  }),
];
