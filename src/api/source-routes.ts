import { z } from "zod";
import { SitrepError } from "../model/errors.ts";
import { canonicalUrl } from "../normalize/canonical-url.ts";
import { pollDueSources } from "../pipeline/poll-sources.ts";
import { stringIdParams } from "./params.ts";
import { type Route, route } from "./route.ts";

/** Sources: status list, add a feed or page, poll now, remove. Writes need the token. */
export const sourceRoutes: Route[] = [
  route({
    method: "get",
    path: "/api/sources",
    summary: "Sources with their polling status and last error",
    tag: "sources",
    handler: async (c, _input, deps) => {
      const list = await deps.store.sources.listSources();
      return c.json({
        items: list.map((s) => ({
          ...s,
          health: !s.active ? "inactive" : s.errorCount ? "failing" : s.lastOkAt ? "ok" : "never-polled",
        })),
      });
    },
  }),
  route({
    method: "post",
    path: "/api/sources",
    summary: "Register a feed (RSS, Atom, RDF, JSON Feed) or an article page to poll",
    tag: "sources",
    auth: true,
    status: 201,
    body: z.object({
      url: z.string().min(1).max(2000).describe("http(s) URL of the feed or page"),
      kind: z.enum(["feed", "page"]).default("feed").describe("feed (default) or a single page"),
      title: z.string().max(300).optional().describe("display title"),
    }),
    handler: async (c, { body }, deps) => {
      const url = canonicalUrl(body.url);
      if (!url) throw new SitrepError("invalid-input", `body field "url": ${body.url} is not an http(s) URL`);
      const source = await deps.store.sources.addSource(
        { kind: body.kind, url, title: body.title ?? null },
        deps.ctx.now().toISOString(),
      );
      return c.json(source, 201);
    },
  }),
  route({
    method: "post",
    path: "/api/sources/{id}/poll",
    summary: "Poll one source now; answers with the ingest report",
    tag: "sources",
    auth: true,
    params: stringIdParams,
    handler: async (c, { params }, deps) => {
      const source = await deps.store.sources.getSource(params.id);
      if (!source) throw new SitrepError("not-found", `no source ${params.id}`);
      if (source.kind !== "feed" && source.kind !== "page")
        throw new SitrepError(
          "invalid-input",
          `source ${params.id} is a ${source.kind}, which cannot be polled`,
        );
      const [report] = await deps.exclusive(() => pollDueSources(deps.ctx, { ids: [source.id] }));
      return c.json({ report, source: await deps.store.sources.getSource(source.id) });
    },
  }),
  route({
    method: "delete",
    path: "/api/sources/{id}",
    summary: "Remove a source (its articles and events stay)",
    tag: "sources",
    auth: true,
    params: stringIdParams,
    handler: async (c, { params }, deps) => {
      if (!(await deps.store.sources.removeSource(params.id)))
        throw new SitrepError("not-found", `no source ${params.id}`);
      return c.json({ removed: params.id });
    },
  }),
];
