import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SitrepError } from "../model/errors.ts";
import { ensureOk, type FetchPolicy, safeFetch } from "./fetcher.ts";

const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url));
const rss = fixture("rss2.xml");
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
const hits = new Map<string, number>();
let server: Server;
let base: string;

const policy: FetchPolicy = {
  allow: ["127.0.0.1"],
  maxBytes: 1024 * 1024,
  timeoutMs: 2000,
  maxRedirects: 3,
  maxDecompressedBytes: 8 * 1024 * 1024,
  userAgent: "SitrepTest/1.0",
};

async function streamBig(res: ServerResponse): Promise<void> {
  res.writeHead(200, { "content-type": "text/plain" });
  const chunk = Buffer.alloc(64 * 1024, 120);
  // 800 × 64 KiB = 50 MiB; stops as soon as the client hangs up.
  for (let i = 0; i < 800 && !res.destroyed; i++) {
    if (!res.write(chunk)) await new Promise((r) => res.once("drain", r).once("close", r));
  }
  res.end();
}

function route(req: IncomingMessage, res: ServerResponse): unknown {
  const path = req.url ?? "/";
  hits.set(path, (hits.get(path) ?? 0) + 1);
  const send = (status: number, headers: Record<string, string>, body?: Buffer | string) => {
    res.writeHead(status, headers);
    res.end(body);
  };
  switch (path) {
    case "/feed.xml":
      if (req.headers["if-none-match"] === '"v1"') return send(304, { etag: '"v1"' });
      return send(
        200,
        {
          "content-type": "application/rss+xml; charset=utf-8",
          etag: '"v1"',
          "last-modified": "Tue, 03 Mar 2026 09:15:00 GMT",
        },
        rss,
      );
    case "/echo":
      return send(200, { "content-type": "application/json" }, JSON.stringify(req.headers));
    case "/gzip":
      return send(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" }, gzipSync(rss));
    case "/br":
      return send(
        200,
        { "content-type": "application/rss+xml", "content-encoding": "br" },
        brotliCompressSync(rss),
      );
    case "/deflate":
      return send(
        200,
        { "content-type": "application/rss+xml", "content-encoding": "deflate" },
        deflateRawSync(rss),
      );
    case "/deflate-zlib":
      return send(
        200,
        { "content-type": "application/rss+xml", "content-encoding": "deflate" },
        deflateSync(rss),
      );
    case "/latin1":
      return send(
        200,
        { "content-type": "text/plain; charset=iso-8859-1" },
        Buffer.from("Caf\u00e9 cr\u00e8me", "latin1"),
      );
    case "/bad-utf8":
      return send(200, { "content-type": "text/plain; charset=utf-8" }, Buffer.from([0x61, 0xff, 0x62]));
    case "/missing":
      return send(404, { "content-type": "text/plain" }, "not here");
    case "/redirect":
      return send(302, { location: "/feed.xml" });
    case "/redirect-private":
      return send(302, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/feed.xml` });
    case "/redirect-file":
      return send(302, { location: "file:///etc/passwd" });
    case "/loop":
      return send(301, { location: "/loop" });
    case "/big":
      void streamBig(res);
      return;
    case "/big-declared":
      res.writeHead(200, { "content-length": String(50 * 1024 * 1024) });
      res.write("x");
      return;
    case "/bomb":
      return send(200, { "content-type": "text/plain", "content-encoding": "gzip" }, bomb);
    case "/slow":
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first bytes, then nothing");
      return;
    case "/hang":
      return;
    default:
      return send(404, {}, "");
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function failure(promise: Promise<unknown>): Promise<SitrepError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SitrepError);
  return err as SitrepError;
}

describe("safeFetch", () => {
  it("fetches a feed with its validators, then gets 304 on the conditional request", async () => {
    const first = await safeFetch(`${base}/feed.xml`, policy);
    expect(first).toMatchObject({
      status: 200,
      notModified: false,
      etag: '"v1"',
      lastModified: "Tue, 03 Mar 2026 09:15:00 GMT",
    });
    expect(first.contentType).toMatch(/rss/);
    expect(first.body).toContain("Harbor Ledger");
    const second = await safeFetch(`${base}/feed.xml`, policy, {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toMatchObject({ status: 304, notModified: true, body: "", etag: '"v1"' });
  });

  it("sends the user agent, compression and conditional headers", async () => {
    const res = await safeFetch(`${base}/echo`, policy, {
      etag: '"abc"',
      lastModified: "Mon, 02 Mar 2026 00:00:00 GMT",
    });
    const headers = JSON.parse(res.body) as Record<string, string>;
    expect(headers).toMatchObject({
      "user-agent": "SitrepTest/1.0",
      "if-none-match": '"abc"',
      "if-modified-since": "Mon, 02 Mar 2026 00:00:00 GMT",
    });
    expect(headers["accept-encoding"]).toMatch(/gzip/);
  });

  it.each(["/gzip", "/br", "/deflate", "/deflate-zlib"])("decompresses %s bodies", async (path) => {
    expect((await safeFetch(`${base}${path}`, policy)).body).toBe(rss.toString("utf8"));
  });

  it("decodes by the declared charset and survives invalid UTF-8", async () => {
    expect((await safeFetch(`${base}/latin1`, policy)).body).toBe("Caf\u00e9 cr\u00e8me");
    const bad = await safeFetch(`${base}/bad-utf8`, policy);
    expect(bad).toMatchObject({ body: "a\uFFFDb", invalidText: true });
  });

  it("follows a redirect and reports the final URL", async () => {
    const res = await safeFetch(`${base}/redirect`, policy);
    expect(res.url).toBe(`${base}/feed.xml`);
    expect(res.status).toBe(200);
  });

  it("refuses a redirect to 127.0.0.2, which the policy does not allow", async () => {
    const err = await failure(safeFetch(`${base}/redirect-private`, policy));
    expect(err.code).toBe("fetch-refused");
    expect(err.message).toMatch(/127\.0\.0\.2.*loopback/);
  });

  it("refuses a redirect to a non-http scheme", async () => {
    expect((await failure(safeFetch(`${base}/redirect-file`, policy))).code).toBe("fetch-refused");
  });

  it("stops after maxRedirects", async () => {
    const err = await failure(safeFetch(`${base}/loop`, policy));
    expect(err.code).toBe("source-unreachable");
    expect(err.message).toMatch(/more than 3 redirects/);
  });

  it("refuses loopback without an allow-list entry, before connecting", async () => {
    const before = hits.get("/feed.xml") ?? 0;
    const err = await failure(safeFetch(`${base}/feed.xml`, { ...policy, allow: [] }));
    expect(err.code).toBe("fetch-refused");
    expect(hits.get("/feed.xml") ?? 0).toBe(before);
  });

  it("refuses a host name when any of its addresses is refused", async () => {
    const lookup = async () => [
      { address: "127.0.0.1", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
    const url = `http://feeds.example:${new URL(base).port}/feed.xml`;
    const err = await failure(safeFetch(url, policy, {}, { lookup }));
    expect(err.code).toBe("fetch-refused");
    expect(err.message).toMatch(/10\.0\.0\.7 is a private address/);
    const ok = await safeFetch(
      url,
      policy,
      {},
      { lookup: async () => [{ address: "127.0.0.1", family: 4 }] },
    );
    expect(ok.status).toBe(200);
  });

  it("refuses non-http URLs", async () => {
    expect((await failure(safeFetch("file:///etc/passwd", policy))).code).toBe("fetch-refused");
    expect((await failure(safeFetch("ftp://127.0.0.1/x", policy))).code).toBe("fetch-refused");
  });

  it("aborts a 50 MB body as too-large", async () => {
    const err = await failure(safeFetch(`${base}/big`, policy));
    expect(err.code).toBe("too-large");
  });

  it("rejects a declared Content-Length over the cap", async () => {
    expect((await failure(safeFetch(`${base}/big-declared`, policy))).code).toBe("too-large");
  });

  it("stops a gzip bomb at maxDecompressedBytes", async () => {
    expect(bomb.length).toBeLessThan(policy.maxBytes);
    const err = await failure(safeFetch(`${base}/bomb`, policy));
    expect(err.code).toBe("too-large");
    expect(err.message).toMatch(/decompressed/);
  });

  it.each(["/slow", "/hang"])("times out on %s", async (path) => {
    const started = Date.now();
    const err = await failure(safeFetch(`${base}${path}`, { ...policy, timeoutMs: 300 }));
    expect(err.code).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports a closed port as source-unreachable", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect((await failure(safeFetch(`http://127.0.0.1:${port}/`, policy))).code).toBe("source-unreachable");
  });

  it("returns 404 as a status, and ensureOk turns it into not-found", async () => {
    const res = await safeFetch(`${base}/missing`, policy);
    expect(res.status).toBe(404);
    expect(() => ensureOk(res)).toThrow(expect.objectContaining({ code: "not-found" }));
  });
});
