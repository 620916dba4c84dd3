import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PipelineContext } from "../pipeline/context.ts";
import { processArticles } from "../pipeline/process-articles.ts";
import type { Store } from "../store/store.ts";
import { createApi } from "./app.ts";
import { honoPath } from "./route.ts";
import { apiRoutes } from "./routes.ts";
import { fillFixtureRecords, openDemoContext } from "./testdata/demo-fixture.ts";

const TOKEN = "s3cret-token";
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture feed</title>
<item><title>Mediators meet in Muscat on prisoner exchange</title><link>http://127.0.0.1/a1</link>
<pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate>
<description>Omani mediators met delegations in Muscat on Friday to discuss a prisoner exchange. Officials said talks would resume next week.</description></item>
</channel></rss>`;

let ctx: PipelineContext;
let app: ReturnType<typeof createApi>;
let ids: Record<string, number>;
let feedServer: Server;
let feedUrl: string;
const auth = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  feedServer = createServer((_req, res) =>
    res.writeHead(200, { "content-type": "application/rss+xml" }).end(FEED),
  );
  await new Promise<void>((r) => feedServer.listen(0, "127.0.0.1", r));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
  ctx = await openDemoContext({
    "api.token": TOKEN,
    "fetch.allow": ["127.0.0.1"],
    "fetch.respectRobots": false,
  });
  ids = await fillFixtureRecords(ctx);
  app = createApi(ctx, { pollMs: 200 });
});
afterAll(async () => {
  app.deps.changes.close();
  await new Promise((r) => feedServer.close(r));
  await ctx.store.close();
});

describe("sources and auth", () => {
  it("refuses writes when no token is configured, saying one must be set", async () => {
    const open = createApi({ ...ctx, config: { ...ctx.config, "api.token": "" } });
    const res = await open.request("/api/sources", {
      method: "POST",
      body: JSON.stringify({ url: feedUrl }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/api\.token/);
  });

  it.each([
    { name: "no header", headers: {} as Record<string, string> },
    { name: "wrong token", headers: { authorization: "Bearer nope" } },
    { name: "not bearer", headers: { authorization: `Basic ${TOKEN}` } },
  ])("answers 401 with $name", async (c) => {
    for (const [method, path] of [
      ["POST", "/api/sources"],
      ["POST", "/api/sources/x/poll"],
      ["DELETE", "/api/sources/x"],
    ]) {
      const res = await app.request(path, {
        method,
        headers: c.headers,
        body: method === "POST" ? "{}" : undefined,
      });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
  });

  it("adds a feed, polls it now, lists its health and removes it", async () => {
    const bad = await app.request("/api/sources", {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ url: "ftp://x" }),
    });
    const badText = await bad.text();
    expect(bad.status, badText).toBe(400);
    expect(badText).toContain('\\"url\\"');
    const notJson = await app.request("/api/sources", { method: "POST", headers: auth, body: "{" });
    expect(notJson.status).toBe(400);
    const created = await app.request("/api/sources", {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ url: feedUrl }),
    });
    expect(created.status).toBe(201);
    const source = (await created.json()) as { id: string };
    const polled = await app.request(`/api/sources/${source.id}/poll`, { method: "POST", headers: auth });
    const body = (await polled.json()) as { report: { stored: number; status: string } };
    expect(polled.status, JSON.stringify(body)).toBe(200);
    expect(body.report).toMatchObject({ stored: 1, status: "ok" });
    const list = (await (await app.request("/api/sources")).json()) as {
      items: { id: string; health: string }[];
    };
    expect(list.items.find((s) => s.id === source.id)?.health).toBe("ok");
    const file = list.items.find((s) => s.id !== source.id) as { id: string };
    expect(
      (await app.request(`/api/sources/${file.id}/poll`, { method: "POST", headers: auth })).status,
    ).toBe(400);
    expect((await app.request(`/api/sources/${source.id}`, { method: "DELETE", headers: auth })).status).toBe(
      200,
    );
    expect((await app.request(`/api/sources/${source.id}`, { method: "DELETE", headers: auth })).status).toBe(
      404,
    );
    expect((await app.request("/api/sources/nope/poll", { method: "POST", headers: auth })).status).toBe(404);
  });
});

describe("live stream", () => {
  it("pushes new events as server-sent events", async () => {
    const res = await app.request("/api/stream");
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (re: RegExp) => {
      while (!re.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await readUntil(/event: ready/);
    await processArticles(ctx, "src_stream_test", [
      {
        item: "t#1",
        raw: {
          externalId: "stream-1",
          url: "https://news.example/stream-1",
          title: "Volcanic eruption forces evacuation of Atlantis Island villages",
          text: "Authorities on Atlantis Island evacuated four villages on Saturday after a volcanic eruption. No injuries were reported.",
          outlet: "Example News",
          publishedAt: "2026-11-20T12:00:00Z",
          author: null,
          language: "en",
          gold: null,
        },
      },
    ]);
    await readUntil(/Volcanic eruption/);
    await reader.cancel();
    expect(text).toMatch(/event: event\ndata: \{.*Volcanic eruption.*\}\nid: \d+/);
  });
});

describe("response cache", () => {
  it("serves repeated reads from cache and forgets them when events change", async () => {
    const first = await app.request("/api/events?limit=3");
    expect(first.headers.get("x-cache")).toBeNull();
    expect((await app.request("/api/events?limit=3")).headers.get("x-cache")).toBe("hit");
    await app.request("/api/sources", {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ url: "https://a.example/f" }),
    });
    expect((await app.request("/api/events?limit=3")).headers.get("x-cache")).toBeNull();
    await app.request("/api/events?limit=3");
    await app.deps.ctx.onEventsChanged?.(app.deps.ctx, [1], []);
    expect((await app.request("/api/events?limit=3")).headers.get("x-cache")).toBeNull();
  });
});

describe("exports and feeds", () => {
  it.each([
    { format: "json", check: (t: string) => (JSON.parse(t) as unknown[]).length > 10 },
    {
      format: "ndjson",
      check: (t: string) =>
        t
          .trim()
          .split("\n")
          .every((l) => typeof JSON.parse(l).id === "number"),
    },
    {
      format: "csv",
      check: (t: string) => t.startsWith("id,title,pending,type") && t.split("\r\n").length > 10,
    },
  ])("exports events as $format", async (c) => {
    const res = await app.request(`/api/export/events?format=${c.format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`sitrep-events.${c.format}`);
    expect(c.check(await res.text())).toBe(true);
  });

  it("filters exports and rejects unknown formats", async () => {
    const t = await (await app.request("/api/export/events?format=ndjson&theatre=iran-israel")).text();
    expect(t.trim().split("\n")).toHaveLength(4);
    expect((await app.request("/api/export/events?format=xml")).status).toBe(400);
  });

  it("serves Atom feeds per theatre and per actor", async () => {
    const res = await app.request("/feeds/theatres/iran-israel");
    expect(res.headers.get("content-type")).toMatch(/application\/atom\+xml/);
    const xml = await res.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml.match(/<entry>/g)).toHaveLength(4);
    expect(xml).toContain("Iran–US backchannel talks continue via Pakistani mediator");
    expect(await (await app.request("/feeds/actors/PAK")).text()).toContain(`/events/${ids.pakistan}`);
    expect((await app.request("/feeds/actors/nobody")).status).toBe(404);
  });
});

describe("OpenAPI, health, headers, errors, web", () => {
  it("documents every route of the table, and nothing else", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    expect(documented.sort()).toEqual(apiRoutes.map((r) => `${r.method} ${r.path}`).sort());
    for (const r of apiRoutes) {
      const names = doc.paths[r.path][r.method].parameters.filter((p) => p.in === "path").map((p) => p.name);
      expect(names.sort(), r.path).toEqual([...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
      const res = await app.request(honoPath(r.path).replace(/:\w+/g, "x"), {
        method: r.method.toUpperCase(),
      });
      if (res.headers.get("content-type")?.includes("json"))
        expect(await res.text(), `${r.method} ${r.path} is routed`).not.toContain("no such API route");
      else await res.body?.cancel();
    }
  });

  it("answers health and readiness", async () => {
    expect(await (await app.request("/healthz")).json()).toEqual({ ok: true });
    expect(((await (await app.request("/readyz")).json()) as { ok: boolean }).ok).toBe(true);
  });

  it("sets CSP and nosniff on every response", async () => {
    for (const path of ["/api/events", "/api/nope", "/", "/events/1"]) {
      const res = await app.request(path);
      expect(res.headers.get("content-security-policy"), path).toContain("script-src 'self'");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
    const res = await app.request("/api/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not-found" } });
  });

  it("answers 500 without internals, and readyz 503 when the store fails", async () => {
    const fail = async () => {
      throw new Error("SQLITE_IOERR at /secret/path/sitrep.db");
    };
    const broken = {
      ...ctx.store,
      events: { ...ctx.store.events, listEvents: fail, countEvents: fail },
    } as unknown as Store;
    const bad = createApi({ ...ctx, store: broken, log: ctx.log });
    const res = await bad.request("/api/events");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: expect.any(String) } });
    expect((await bad.request("/readyz")).status).toBe(503);
  });

  it("serves the web app with SPA fallback and no path traversal", async () => {
    const index = await app.request("/theatres/iran-israel");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toMatch(/text\/html/);
    expect((await app.request("/assets/missing-file.js")).status).toBe(404);
    expect((await app.request("/..%2f..%2fpackage.json")).status).toBe(404);
  });
});
