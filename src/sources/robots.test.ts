import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchPolicy, FetchResult } from "./fetcher.ts";
import { createRobotsChecker } from "./robots.ts";

const policy: FetchPolicy = {
  allow: ["127.0.0.1"],
  maxBytes: 1024 * 1024,
  timeoutMs: 2000,
  maxRedirects: 3,
  maxDecompressedBytes: 4 * 1024 * 1024,
  userAgent: "Sitrep/0.1 (+https://sitrep.example)",
};
const ROBOTS =
  "User-agent: *\nDisallow: /private/\n\nUser-agent: Sitrep\nDisallow: /no-sitrep/\nCrawl-delay: 2\n";
let server: Server;
let base: string;
let robotsHits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/robots.txt") {
      robotsHits++;
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(ROBOTS);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function stub(status: number | Error, body = ""): (url: string) => Promise<FetchResult> {
  return async (url) => {
    if (status instanceof Error) throw status;
    return {
      status,
      url,
      body,
      notModified: false,
      contentType: "text/plain",
      bytes: Buffer.from(body),
      invalidText: false,
      etag: null,
      lastModified: null,
      retryAfter: null,
    };
  };
}

describe("robots checker", () => {
  it("applies the group for our product token, with crawl-delay, fetching robots.txt once per origin", async () => {
    const robots = createRobotsChecker(policy);
    const cases = [
      { path: "/news/1", allowed: true },
      { path: "/no-sitrep/1", allowed: false },
      // our own group replaces the * group (RFC 9309 §2.2.1), so /private/ is open to us
      { path: "/private/1", allowed: true },
    ];
    for (const c of cases) expect(await robots.isAllowed(`${base}${c.path}`), c.path).toBe(c.allowed);
    expect(await robots.isAllowed(`${base}/private/1`, "OtherBot/2.0")).toBe(false);
    expect(await robots.crawlDelayMs(`${base}/`)).toBe(2000);
    expect(robotsHits).toBe(1);
  });

  const outcomes = [
    { name: "404 (no robots.txt) allows everything", fetch: stub(404), allowed: true },
    { name: "410 allows everything", fetch: stub(410), allowed: true },
    { name: "503 disallows everything for a while", fetch: stub(503), allowed: false },
    {
      name: "unreachable disallows everything for a while",
      fetch: stub(new Error("ECONNREFUSED")),
      allowed: false,
    },
  ];
  it.each(outcomes)("$name", async ({ fetch, allowed }) => {
    const robots = createRobotsChecker(policy, { fetch });
    expect(await robots.isAllowed("https://news.example/a")).toBe(allowed);
  });

  it("passes a fetch-refused error through: the page itself would be refused too", async () => {
    const robots = createRobotsChecker({ ...policy, allow: [] });
    await expect(robots.isAllowed(`${base}/news/1`)).rejects.toMatchObject({ code: "fetch-refused" });
  });

  it("retries an unreachable robots.txt after errorTtlMs", async () => {
    let now = 0;
    let calls = 0;
    const fetch = async (url: string) => {
      calls++;
      return stub(calls === 1 ? 503 : 404)(url);
    };
    const robots = createRobotsChecker(policy, { fetch, now: () => now, errorTtlMs: 1000 });
    expect(await robots.isAllowed("https://news.example/a")).toBe(false);
    now = 500;
    expect(await robots.isAllowed("https://news.example/a")).toBe(false);
    now = 1500;
    expect(await robots.isAllowed("https://news.example/a")).toBe(true);
    expect(calls).toBe(2);
  });
});
