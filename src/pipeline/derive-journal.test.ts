import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { testConfig } from "../config/load.ts";
import { openStore, type Store } from "../store/store.ts";
import { createContext, type PipelineContext } from "./context.ts";
import { owe, owed, settle } from "./derive-journal.ts";
import { ingestFile } from "./ingest-file.ts";
import { installLinking } from "./link-events.ts";
import { installSynthesis } from "./synthesize-events.ts";

const DEMO = fileURLToPath(new URL("../../demo/articles.ndjson", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "sitrep-owed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function context(db: string, hooks: boolean, batchSize = 1000): Promise<PipelineContext> {
  const config = testConfig({
    "database.url": join(dir, db),
    "log.level": "silent",
    "ingest.batchSize": batchSize,
  });
  const ctx = await createContext(config, await openStore(config["database.url"]), {
    log: pino({ level: "silent" }),
    now: () => new Date("2026-11-21T12:00:00Z"),
  });
  if (hooks) {
    installSynthesis(ctx);
    installLinking(ctx);
  }
  return ctx;
}

async function linksOf(store: Store): Promise<string[]> {
  const ids = (await store.events.listEvents({ limit: 1000 })).map((e) => e.id);
  return (await store.links.linksAmong(ids)).map((l) => `${l.fromEvent}>${l.toEvent} ${l.type}`).sort();
}

describe("records and links owed by an interrupted run", () => {
  it("counts each batch that owes an event, and settles one at a time", async () => {
    const ctx = await context("count.db", false);
    await ctx.store.transaction((tx) => owe(tx, [3, 1, 3]));
    await ctx.store.transaction((tx) => owe(tx, [3]));
    expect(await owed(ctx.store)).toEqual([1, 3]);
    await ctx.store.transaction((tx) => settle(tx, [1, 3, 9]));
    expect(await owed(ctx.store)).toEqual([3]);
    await ctx.store.transaction((tx) => settle(tx, [3]));
    expect(await owed(ctx.store)).toEqual([]);
    await ctx.store.close();
  });

  it("leaves nothing owed after a whole ingest, on the pipeline thread or in place", async () => {
    for (const [db, batch] of [
      ["thread.db", 10],
      ["place.db", 1000],
    ] as const) {
      const ctx = await context(db, true, batch);
      await ingestFile(ctx, DEMO);
      expect(await owed(ctx.store)).toEqual([]);
      await ctx.store.close();
    }
  });

  it("writes them before the next run's first batch, even when that run stores nothing new", async () => {
    // A run that clustered the demo corpus but was killed before any record or link was written: the same
    // store as a full run without the synthesis and linking hooks, with every event owed.
    const killed = await context("killed.db", false);
    await ingestFile(killed, DEMO);
    const events = (await killed.store.events.listEvents({ limit: 1000 })).map((e) => e.id);
    expect(events.length).toBeGreaterThan(20);
    await killed.store.transaction((tx) => owe(tx, events));
    expect((await killed.store.events.getEvents(events)).every((e) => !e.record)).toBe(true);
    await killed.store.close();

    const rerun = await context("killed.db", true);
    const again = join(dir, "again.ndjson");
    writeFileSync(again, readFileSync(DEMO, "utf8"));
    const report = await ingestFile(rerun, again);
    expect(report.stored).toBe(0);
    expect((await rerun.store.events.getEvents(events)).every((e) => e.record)).toBe(true);
    expect(await owed(rerun.store)).toEqual([]);

    // The links are those of a run that was never interrupted.
    const whole = await context("whole.db", true);
    await ingestFile(whole, DEMO);
    expect(await linksOf(rerun.store)).toEqual(await linksOf(whole.store));
    await rerun.store.close();
    await whole.store.close();
  });
});
