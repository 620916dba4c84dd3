import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestUrl } from "../src/pipeline/ingest-url.ts";
import { pollDueSources, pollSource } from "../src/pipeline/poll-sources.ts";
import { loopbackServer, tempContext } from "./helpers.ts";

const fixture = (name: string) => readFileSync(new URL(`../src/sources/testdata/${name}`, import.meta.url));

describe("polling feeds and pages served from 127.0.0.1", () => {
  let srv: Awaited<ReturnType<typeof loopbackServer>>;
  const hits: Record<string, number> = {};
  let failing = false;

  beforeAll(async () => {
    srv = await loopbackServer((req, res) => {
      const path = req.url ?? "/";
      hits[path] = (hits[path] ?? 0) + 1;
      if (path === "/robots.txt") return res.writeHead(404).end();
      const send = (type: string, body: Buffer) =>
        res.writeHead(200, { "content-type": type, etag: `"${path}-v1"` }).end(body);
      if (path === "/rss.xml") {
        if (req.headers["if-none-match"] === '"/rss.xml-v1"') return res.writeHead(304).end();
        return send("application/rss+xml", fixture("rss2.xml"));
      }
      if (path === "/atom.xml") return send("application/atom+xml", fixture("atom.xml"));
      if (path === "/feed.json") return send("application/feed+json", fixture("feed.json"));
      if (path === "/article.html") return send("text/html; charset=utf-8", fixture("article.html"));
      if (path === "/flaky.xml") {
        if (failing) return res.writeHead(503, { "content-type": "text/plain" }).end("down for maintenance");
        return send("application/rss+xml", fixture("rss2.xml"));
      }
      res.writeHead(404).end();
    });
  });
  afterAll(() => srv.close());

  it("stores RSS, Atom, JSON Feed items and an HTML article, each once", async () => {
    const ctx = await tempContext();
    for (const [path, kind] of [
      ["/rss.xml", "feed"],
      ["/atom.xml", "feed"],
      ["/feed.json", "feed"],
      ["/article.html", "page"],
    ] as const)
      await ctx.store.sources.addSource({ kind, url: srv.url(path) }, "2026-11-21T00:00:00Z");
    const reports = await pollDueSources(ctx, { force: true });
    expect(reports.map((r) => r.status)).toEqual(["ok", "ok", "ok", "ok"].slice(0, reports.length));
    const stored = reports.reduce((s, r) => s + r.stored, 0);
    expect(stored).toBeGreaterThanOrEqual(3 + 2 + 2 + 1);
    expect(await ctx.store.articles.countArticles()).toBe(stored);
    const html = await ctx.store.articles.searchIds("fishing accord");
    expect(html.length).toBeGreaterThan(0);
    await ctx.store.close();
  });

  it("honours a 304 on the second poll and keeps the ETag", async () => {
    const ctx = await tempContext();
    const src = await ctx.store.sources.addSource(
      { kind: "feed", url: srv.url("/rss.xml") },
      "2026-11-21T00:00:00Z",
    );
    const first = await pollSource(ctx, src);
    expect(first.stored).toBeGreaterThan(0);
    const after = await ctx.store.sources.getSource(src.id);
    expect(after?.etag).toBe('"/rss.xml-v1"');
    const second = await pollSource(ctx, after!);
    expect(second.status).toBe("skipped");
    expect(second.reason).toMatch(/304/);
    expect(await ctx.store.articles.countArticles()).toBe(first.stored);
    await ctx.store.close();
  });

  it("backs off a feed that starts failing and records the reason", async () => {
    const ctx = await tempContext();
    const src = await ctx.store.sources.addSource(
      { kind: "feed", url: srv.url("/flaky.xml") },
      "2026-11-21T00:00:00Z",
    );
    await pollSource(ctx, src);
    failing = true;
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = (await ctx.store.sources.getSource(src.id))!;
      const r = await pollSource(ctx, s);
      expect(r.status).toBe("failed");
      const after = (await ctx.store.sources.getSource(src.id))!;
      expect(after.lastError).toMatch(/503/);
      expect(after.errorCount).toBe(i + 1);
      delays.push(Date.parse(after.nextPollAt!) - Date.parse(after.lastPolledAt!));
    }
    expect(delays[1]).toBeGreaterThan(delays[0]);
    expect(delays[2]).toBeGreaterThan(delays[1]);
    failing = false;
    await ctx.store.close();
  });

  it("refuses an address the guard does not allow, with the reason", async () => {
    const ctx = await tempContext({ "fetch.allow": [] });
    const r = await ingestUrl(ctx, srv.url("/rss.xml"));
    expect(r.status).toBe("failed");
    expect(r.errors[0].reason).toMatch(/loopback|refused|not allowed/i);
    await ctx.store.close();
  });
});
