import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFile } from "../src/pipeline/ingest-file.ts";
import { ingestUrl } from "../src/pipeline/ingest-url.ts";
import { loopbackServer, tempContext } from "./helpers.ts";

const BAD = new URL("../src/sources/testdata/bad/", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(`${BAD}MANIFEST.json`, "utf8")) as {
  files: {
    file: string;
    format: string;
    code: string | string[] | null;
    errors: number;
    good: number;
    why: string;
  }[];
};

describe("bad input through the whole pipeline", () => {
  it("has a corpus of at least 30 bad inputs", () =>
    expect(manifest.files.length).toBeGreaterThanOrEqual(30));

  for (const f of manifest.files) {
    it(`${f.file}: ${f.why}`, async () => {
      const ctx = await tempContext();
      const report = await ingestFile(ctx, `${BAD}${f.file}`);
      const problems = [...report.errors, ...report.warnings];
      expect(problems.length).toBeGreaterThanOrEqual(f.errors);
      for (const e of report.errors) {
        expect(e.item).toContain(f.file.replace(/\.gz$/, ""));
        expect(e.reason.length).toBeGreaterThan(5);
      }
      if (f.format === "opml") {
        expect((await ctx.store.sources.listSources(["feed"])).length).toBe(f.good);
      } else {
        // The good items beside the bad ones are stored.
        expect(report.stored).toBe(f.good);
        expect(await ctx.store.articles.countArticles()).toBe(f.good);
      }
      await ctx.store.close();
    });
  }
});

describe("bad responses from the network", () => {
  let srv: Awaited<ReturnType<typeof loopbackServer>>;
  const rss = readFileSync(new URL("../src/sources/testdata/rss2.xml", import.meta.url));
  const bomb = gzipSync(Buffer.alloc(40 * 1024 * 1024));
  beforeAll(async () => {
    srv = await loopbackServer((req, res) => {
      if (req.url === "/robots.txt") return res.writeHead(404).end();
      if (req.url === "/good.xml")
        return res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss);
      if (req.url === "/huge.xml") {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        const chunk = Buffer.alloc(1024 * 1024, 0x41);
        let sent = 0;
        const pump = () => {
          while (sent < 50 && res.write(chunk)) sent++;
          if (sent < 50) res.once("drain", pump);
          else res.end();
        };
        res.on("error", () => {});
        return pump();
      }
      if (req.url === "/bomb.xml")
        return res
          .writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" })
          .end(bomb);
      if (req.url === "/redirect.xml")
        return res
          .writeHead(302, { location: `http://127.0.0.2:${new URL(srv.url("/")).port}/good.xml` })
          .end();
      res.writeHead(404).end();
    });
  });
  afterAll(() => srv.close());

  it("refuses a 50 MB body, a gzip bomb and a redirect to a refused address, and still stores the good feed", async () => {
    const ctx = await tempContext({ "fetch.maxBytes": 5_000_000, "fetch.maxDecompressedBytes": 10_000_000 });
    const huge = await ingestUrl(ctx, srv.url("/huge.xml"));
    const bombed = await ingestUrl(ctx, srv.url("/bomb.xml"));
    const redirected = await ingestUrl(ctx, srv.url("/redirect.xml"));
    const good = await ingestUrl(ctx, srv.url("/good.xml"));
    expect(huge.status).toBe("failed");
    expect(huge.errors[0].item).toContain("/huge.xml");
    expect(huge.errors[0].reason).toMatch(/bytes|large|limit/i);
    expect(bombed.status).toBe("failed");
    expect(bombed.errors[0].reason).toMatch(/decompress|bytes|large|limit/i);
    expect(redirected.status).toBe("failed");
    expect(redirected.errors[0].reason).toMatch(/127\.0\.0\.2|loopback|refused|not allowed/i);
    expect(good.stored).toBe(3);
    const sources = await ctx.store.sources.listSources();
    const failing = sources.filter((s) => s.errorCount > 0).map((s) => s.lastError);
    expect(failing).toHaveLength(3);
    await ctx.store.close();
  });
});
