import { Hono } from "hono";
import { BUILTIN_THEATRES } from "../classify/theatre-list.ts";
import { SitrepError } from "../model/errors.ts";
import type { PipelineContext } from "../pipeline/context.ts";
import { mapForReads } from "../store/store.ts";
import { requireToken } from "./auth.ts";
import { ChangeFeed } from "./change-feed.ts";
import { type ApiDeps, createExclusive } from "./deps.ts";
import { errorResponse, statusOf } from "./http-error.ts";
import { ResponseCache } from "./response-cache.ts";
import { honoPath } from "./route.ts";
import { apiRoutes } from "./routes.ts";
import { createStaticHandler } from "./static-files.ts";
import { createTheatreCatalog } from "./theatre-catalog.ts";

/** Content-Security-Policy of every response: scripts only from this origin, nothing inline. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS: [string, string][] = [
  ["Content-Security-Policy", CSP],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "no-referrer"],
  ["X-Frame-Options", "DENY"],
];

/** Options of the API app. */
export interface ApiOptions {
  /** Folder of the built web app (default web/dist). */
  webDir?: string;
  /** Known theatres (id, name) for display names (default: the built-in list; config `theatres.extra` is added). */
  theatres?: { id: string; name: string }[];
  /** How often the live stream polls the store for changes made by other processes, in ms. */
  pollMs?: number;
  /** How long GET /api responses are cached, in ms (default 60 s; 0 = no cache). Changes clear the cache. */
  cacheTtlMs?: number;
}

/** The Hono app: every route of the table, one error handler, security headers, the web app at /. */
export function createApi(ctx: PipelineContext, options: ApiOptions = {}): Hono & { deps: ApiDeps } {
  const changes = new ChangeFeed(ctx.store, options.pollMs);
  const deps: ApiDeps = {
    ctx,
    store: ctx.store,
    config: ctx.config,
    changes,
    theatres: createTheatreCatalog(ctx.config, options.theatres ?? BUILTIN_THEATRES),
    exclusive: createExclusive(),
  };
  // Every change clears the cache: in-process ones through the pipeline hook below, other processes' through the
  // change feed's polling. The TTL is only a backstop, so hot pages are not recomputed every few seconds.
  const cache = new ResponseCache({ ttlMs: options.cacheTtlMs ?? 60_000, maxEntries: 5000 });
  changes.subscribe(() => cache.clear());
  const previous = ctx.onEventsChanged;
  ctx.onEventsChanged = async (c, ids, unlinked) => {
    if (previous) await previous(c, ids, unlinked);
    cache.clear();
    changes.notify(ids);
  };
  // Pages the cache has not seen are read from the store: let SQLite map the file rather than copy pages.
  mapForReads(ctx.store).catch((err) => ctx.log.warn({ err }, "could not memory-map the database"));
  const app = new Hono();
  app.use(async (c, next) => {
    // Set before the handler, so c.json / c.body build the response with them. Setting a header on a finished
    // response makes Hono copy it, which on @hono/node-server turns the body into a stream: the slow path.
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
    await next();
    // A response built without the context (new Response) did not get them.
    if (!c.res.headers.has("content-security-policy"))
      for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
  });
  app.onError((err, c) => {
    if (statusOf(err) === 500) ctx.log.error({ err, path: c.req.path }, "request failed");
    return errorResponse(c, err);
  });
  app.use("/api/*", cache.middleware());
  for (const r of apiRoutes) {
    app.on(r.method.toUpperCase(), honoPath(r.path), async (c) => {
      if (r.auth) requireToken(c.req.header("authorization"), ctx.config["api.token"]);
      return r.run(c, deps);
    });
  }
  app.all("/api/*", () => {
    throw new SitrepError("not-found", "no such API route; see /openapi.json");
  });
  app.get("*", createStaticHandler(options.webDir));
  return Object.assign(app, { deps });
}
