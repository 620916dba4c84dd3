import type { Context, MiddlewareHandler } from "hono";

interface Entry {
  at: number;
  type: string;
  /** The body encoded once, so hits do not re-encode it. */
  body: Uint8Array<ArrayBuffer>;
}

const ENCODER = new TextEncoder();

/** Options of the response cache. */
export interface CacheOptions {
  /** How long a cached response may be served, in ms (0 disables the cache). */
  ttlMs: number;
  /** Most responses kept (oldest dropped first). */
  maxEntries: number;
  /** Most bytes of response bodies kept, summed (default 32 MB). */
  maxBytes?: number;
}

/**
 * An in-memory cache of successful JSON GET responses under /api, keyed by URL. Cleared whenever events change
 * (the change feed's notifications) and on any write; the TTL bounds staleness from writers in other processes.
 * Concurrent misses on one URL share one computation, so an expiring hot entry does not stampede the store. Once
 * full, the cache admits a page on its second miss (see missedBefore).
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry | null>>();
  /** Pages recently left out of the full cache (see missedBefore). */
  private readonly missed = new Set<string>();
  private readonly opts: CacheOptions;
  private generation = 0;
  private bytes = 0;
  /** Whether storing has had to evict since the last clear. */
  private full = false;

  constructor(opts: CacheOptions) {
    this.opts = opts;
  }

  /** Drops every cached response. */
  clear(): void {
    this.entries.clear();
    this.inflight.clear();
    this.missed.clear();
    this.full = false;
    this.bytes = 0;
    this.generation++;
  }

  /** Number of cached responses. */
  get size(): number {
    return this.entries.size;
  }

  /** Hono middleware serving and filling the cache. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method !== "GET") {
        await next();
        if (c.res.status < 400) this.clear();
        return;
      }
      // Alerts are raised when links are written, which can be after the change notice that clears the cache.
      if (this.opts.ttlMs <= 0 || /^\/api\/(stream|export|alerts)\b/.test(c.req.path)) return next();
      const key = c.req.url.slice(c.req.url.indexOf("/", 8));
      const hit = this.entries.get(key);
      if (hit && Date.now() - hit.at < this.opts.ttlMs) return serve(c, hit, "hit");
      const shared = this.inflight.get(key);
      if (shared) {
        const entry = await shared;
        if (entry) return serve(c, entry, "shared");
        return next();
      }
      // A full cache keeps a new page only when it is asked for again. Pages asked for once (most of a sweep over
      // all events) would each evict another, and that churn of response buffers is what drove full GCs under load.
      if (!hit && this.full && !this.missedBefore(key)) return next();
      let settle: (e: Entry | null) => void = () => {};
      this.inflight.set(key, new Promise((r) => (settle = r)));
      const generation = this.generation;
      // Keep the bytes c.json sends rather than read the response back: on @hono/node-server reading a body builds
      // a web stream for it, which costs more than the JSON itself.
      const capture = new JsonCapture(c);
      c.json = capture.json as typeof c.json;
      try {
        await next();
        const type = c.res.headers.get("content-type") ?? "";
        if (c.res.status !== 200 || !type.startsWith("application/json")) return settle(null);
        let body: Uint8Array<ArrayBuffer>;
        if (capture.body && capture.res === c.res) body = capture.body;
        else {
          body = new Uint8Array(await c.res.arrayBuffer());
          c.res = new Response(body, { status: 200, headers: c.res.headers });
        }
        const entry = { at: Date.now(), type, body };
        if (generation === this.generation) this.store(key, entry);
        settle(entry);
      } catch (err) {
        settle(null);
        throw err;
      } finally {
        if (this.inflight.get(key) && generation === this.generation) this.inflight.delete(key);
      }
    };
  }

  /** Whether `key` is among the last `maxEntries` pages left out of the full cache; if not, it is noted. */
  private missedBefore(key: string): boolean {
    if (this.missed.delete(key)) return true;
    this.missed.add(key);
    if (this.missed.size > this.opts.maxEntries)
      this.missed.delete(this.missed.values().next().value as string);
    return false;
  }

  private store(key: string, entry: Entry): void {
    this.drop(key);
    const maxBytes = this.opts.maxBytes ?? 32_000_000;
    while (
      this.entries.size &&
      (this.entries.size >= this.opts.maxEntries || this.bytes + entry.body.byteLength > maxBytes)
    ) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
      this.full = true;
    }
    this.entries.set(key, entry);
    this.bytes += entry.body.byteLength;
  }

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= old.body.byteLength;
    this.entries.delete(key);
  }
}

/**
 * c.json as Hono does it, but encoding the JSON once and keeping the bytes for the cache. An object rather than a
 * closure in the middleware: with the closure each young-generation GC under load copied and promoted about 2.5x
 * as much (measured with --trace-gc-nvp), presumably as it kept the middleware's async frame alive.
 */
class JsonCapture {
  res: Response | null = null;
  body: Uint8Array<ArrayBuffer> | null = null;
  private readonly respond: (body: Uint8Array, arg: unknown, headers: Record<string, string>) => Response;
  constructor(c: Context) {
    this.respond = c.newResponse as (
      body: Uint8Array,
      arg: unknown,
      headers: Record<string, string>,
    ) => Response;
  }
  json = (object: unknown, arg?: unknown, headers?: Record<string, string>): Response => {
    this.body = ENCODER.encode(JSON.stringify(object));
    this.res = this.respond(this.body, arg, { "Content-Type": "application/json", ...headers });
    return this.res;
  };
}

function serve(c: Context, e: Entry, how: string): Response {
  return c.body(e.body, 200, { "content-type": e.type, "x-cache": how });
}
