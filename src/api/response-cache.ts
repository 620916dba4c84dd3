import type { Context, MiddlewareHandler } from "hono";

interface Entry {
  at: number;
  type: string;
  /** The body encoded once, so hits do not re-encode it. */
  body: Uint8Array<ArrayBuffer>;
}

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
 * Concurrent misses on one URL share one computation, so an expiring hot entry does not stampede the store.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry | null>>();
  private readonly opts: CacheOptions;
  private generation = 0;
  private bytes = 0;

  constructor(opts: CacheOptions) {
    this.opts = opts;
  }

  /** Drops every cached response. */
  clear(): void {
    this.entries.clear();
    this.inflight.clear();
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
      if (this.opts.ttlMs <= 0 || /^\/api\/(stream|export)\b/.test(c.req.path)) return next();
      const key = c.req.url.slice(c.req.url.indexOf("/", 8));
      const hit = this.entries.get(key);
      if (hit && Date.now() - hit.at < this.opts.ttlMs) return serve(c, hit, "hit");
      const shared = this.inflight.get(key);
      if (shared) {
        const entry = await shared;
        if (entry) return serve(c, entry, "shared");
        return next();
      }
      let settle: (e: Entry | null) => void = () => {};
      this.inflight.set(key, new Promise((r) => (settle = r)));
      const generation = this.generation;
      try {
        await next();
        const type = c.res.headers.get("content-type") ?? "";
        if (c.res.status !== 200 || !type.startsWith("application/json")) return settle(null);
        const body = new Uint8Array(await c.res.arrayBuffer());
        c.res = new Response(body, { status: 200, headers: c.res.headers });
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

function serve(c: Context, e: Entry, how: string): Response {
  return c.body(e.body, 200, { "content-type": e.type, "x-cache": how });
}
