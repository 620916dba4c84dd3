import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { testConfig } from "../config/load.ts";
import type { ConfigKey } from "../config/schema.ts";
import type { RawArticle } from "../model/article.ts";
import type { EventLink } from "../model/link.ts";
import { openStore } from "../store/store.ts";
import { createContext, type PipelineContext } from "./context.ts";
import { ingestFile } from "./ingest-file.ts";
import { beginLinkThread, endLinkThread, installLinking } from "./link-events.ts";
import { LinkThread } from "./link-thread.ts";
import { PipelineThread } from "./pipeline-thread.ts";
import { processArticles } from "./process-articles.ts";
import { installSynthesis } from "./synthesize-events.ts";

const CEP = fileURLToPath(new URL("../../../shared/data/cep/dev-2019-2022.ndjson", import.meta.url));
const DEMO = fileURLToPath(new URL("../../demo/articles.ndjson", import.meta.url));
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The first `n` CEP entries of 2022 (real, dated, with many merges and links between batches). */
function cepSample(n: number): string {
  const lines = readFileSync(CEP, "utf8")
    .split("\n")
    .filter((l) => l.includes('"published_at": "2022-'))
    .slice(0, n);
  const dir = mkdtempSync(join(tmpdir(), "sitrep-linkthread-"));
  dirs.push(dir);
  const file = join(dir, "sample.ndjson");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

async function pipeline(overrides: Partial<Record<ConfigKey, unknown>>): Promise<PipelineContext> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-linkthread-"));
  dirs.push(dir);
  const config = testConfig({ "database.url": join(dir, "t.db"), "log.level": "silent", ...overrides });
  const store = await openStore(config["database.url"]);
  const ctx = await createContext(config, store, {
    log: pino({ level: "silent" }),
    now: () => new Date("2026-11-21T12:00:00Z"),
  });
  installSynthesis(ctx);
  installLinking(ctx);
  return ctx;
}

/** Everything linking stores: links with their explanations, storylines, theatre days, "linked" changes. */
async function linkingOutput(ctx: PipelineContext) {
  const events = await ctx.store.events.listEvents({ limit: 100_000 });
  const ids = events.map((e) => e.id);
  const links = (await ctx.store.links.linksAmong(ids)).sort(
    (a, b) => a.fromEvent - b.fromEvent || a.toEvent - b.toEvent,
  );
  const lines = (await ctx.store.links.listStorylines())
    .map(({ updatedAt: _, ...l }) => l)
    .sort((a, b) => a.id.localeCompare(b.id));
  const theatres = [...new Set(events.flatMap((e) => e.record?.theatres ?? []))].sort();
  const days = await Promise.all(theatres.map((t) => ctx.store.links.theatreDays(t)));
  const changes = await Promise.all(ids.map((id) => ctx.store.events.changesOf(id)));
  const linked = changes.map((c) =>
    c
      .filter((x) => x.kind === "linked")
      .map((x) => x.detail)
      .sort(),
  );
  await ctx.store.close();
  return { links, lines, days, linked };
}

describe("linking on the pipeline thread", () => {
  it("stores the same links, storylines and theatre days as linking in place (CEP 2022, 6 batches)", async () => {
    const input = cepSample(600);
    const base = { "ingest.batchSize": 100 };
    const here = await pipeline({ ...base, "ingest.linkThread": false });
    await ingestFile(here, input);
    const there = await pipeline({ ...base, "ingest.linkThread": true });
    await ingestFile(there, input);
    const a = await linkingOutput(here);
    const b = await linkingOutput(there);
    expect(a.links.length).toBeGreaterThan(50);
    expect(a.lines.length).toBeGreaterThan(3);
    expect(b).toEqual(a);
  }, 120_000);

  it("does so on the demo corpus in batches of 10, with or without the prepare thread", async () => {
    const here = await pipeline({ "ingest.batchSize": 10, "ingest.linkThread": false });
    await ingestFile(here, DEMO);
    const a = await linkingOutput(here);
    for (const prepare of [true, false]) {
      const there = await pipeline({ "ingest.batchSize": 10, "ingest.prepareThread": prepare });
      await ingestFile(there, DEMO);
      expect(await linkingOutput(there)).toEqual(a);
    }
    expect(a.links.some((l) => l.type === "contradicts")).toBe(true);
  }, 120_000);

  it("goes on in place when the thread fails, and the batch it was linking keeps its links", async () => {
    const lines = readFileSync(DEMO, "utf8").trim().split("\n");
    const items = lines.map((l, i) => ({ item: `demo#${i + 1}`, raw: JSON.parse(l) as RawArticle }));
    const half = Math.floor(items.length / 2);
    const here = await pipeline({});
    await processArticles(here, "demo", items.slice(0, half));
    await processArticles(here, "demo", items.slice(half));
    const expected = await linkingOutput(here);

    const ctx = await pipeline({});
    const thread = new PipelineThread();
    expect(beginLinkThread(ctx, thread)).toBe(true);
    const first = await processArticles(ctx, "demo", items.slice(0, half));
    // The first half's pass is on the thread, not yet stored; the thread dies before it is written.
    expect(await ctx.store.links.countLinks()).toBe(0);
    await thread.close();
    const report = await processArticles(ctx, "demo", items.slice(half));
    await endLinkThread(ctx);
    expect(report.warnings).toEqual([]);
    // Articles are numbered as stored: the first half's come first.
    const firstHalf = new Set(
      (await ctx.store.articles.assignments()).slice(0, first.stored).flatMap((a) => a.eventId ?? []),
    );
    const got = await linkingOutput(ctx);
    // Relinked from the store as it stood after the second half was synthesized, so not link for link the
    // same as an unbroken run, but nothing is lost: the first half's events have their links.
    const fromFirst = (links: EventLink[]) => links.filter((l) => firstHalf.has(l.fromEvent)).length;
    expect(fromFirst(expected.links)).toBeGreaterThan(10);
    expect(fromFirst(got.links)).toBeGreaterThanOrEqual(fromFirst(expected.links) - 2);
    expect(Math.abs(got.links.length - expected.links.length)).toBeLessThanOrEqual(3);
  }, 120_000);

  it("fails a call with the reason once the thread is closed", async () => {
    const thread = new PipelineThread();
    const linker = new LinkThread(thread, 30);
    const empty = { redirected: [], pass: { gone: [], digests: [], names: [], at: "2026-11-21T12:00:00Z" } };
    expect((await linker.linkWhole(empty)).linksByEvent).toEqual([]);
    await thread.close();
    await expect(linker.linkWhole(empty)).rejects.toThrow(/closed/);
  });
});
