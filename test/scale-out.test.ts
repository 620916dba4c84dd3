import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Scale-out on the PostgreSQL server CI runs (SITREP_TEST_DATABASE_URL): workers in processes of their own, each
// test in fresh databases made here and dropped after.
const ADMIN = process.env.SITREP_TEST_DATABASE_URL;
const CEP = new URL("../../shared/data/cep/dev-2019-2022.ndjson", import.meta.url).pathname;
const MAIN = new URL("../src/main.ts", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "sitrep-scale-"));
const made: string[] = [];
const children: ChildProcess[] = [];
// 300 entries a batch: the samples below are 4 and 8 queued batches.
// Feeds are served on 127.0.0.1 here, which fetching refuses unless allowed.
const ENV = {
  ...process.env,
  SITREP_INGEST_BATCH_SIZE: "300",
  SITREP_LOG_LEVEL: "info",
  SITREP_FETCH_ALLOW: '["127.0.0.1"]',
  SITREP_POLL_HOST_INTERVAL_MS: "0",
};

function urlOf(db: string): string {
  const u = new URL(ADMIN as string);
  u.pathname = `/${db}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>, db?: string): Promise<T> {
  const c = new pg.Client({ connectionString: db ? urlOf(db) : ADMIN });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function freshDatabase(name: string): Promise<string> {
  const db = `sitrep_scale_${process.pid}_${name}`;
  await admin(async (c) => {
    await c.query(`drop database if exists ${db}`);
    await c.query(`create database ${db}`);
  });
  made.push(db);
  return db;
}

/** Real CEP entries of early 2022, `n` of them, in a file of their own. */
function sample(n: number): string {
  const lines = readFileSync(CEP, "utf8")
    .split("\n")
    .filter((l) => /"published_at": "2022-0[1-4]/.test(l))
    .slice(0, n);
  const file = join(dir, `sample-${n}.ndjson`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** Runs `sitrep …` to the end; its output. */
function sitrep(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { env: ENV, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
}

/** A `sitrep worker` in a process of its own; `log()` is what it printed so far. */
function worker(db: string): { child: ChildProcess; log: () => string; exited: Promise<void> } {
  const child = spawn(process.execPath, [MAIN, "worker", "--db", urlOf(db), "--leader-check", "0.5"], {
    env: ENV,
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  let log = "";
  child.stderr?.on("data", (d) => (log += d));
  const exited = new Promise<void>((r) => child.on("exit", () => r()));
  return { child, log: () => log, exited };
}

const batches = (log: string) => log.split("\n").filter((l) => l.includes('"msg":"batch processed"')).length;

async function until(test: () => Promise<boolean> | boolean, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`not done within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const queuedBatches = (db: string) =>
  admin(
    async (c) =>
      Number(
        (
          await c.query(
            "select count(*) n from graphile_worker.jobs where task_identifier = 'sitrep_process'",
          )
        ).rows[0].n,
      ),
    db,
  );

/** What the pipeline stored, keyed by the entries' own ids so two databases compare whatever their event ids. */
async function outcome(db: string) {
  return admin(async (c) => {
    const members = new Map<number, string[]>();
    for (const r of (await c.query("select external_id, event_id from articles")).rows)
      members.set(r.event_id, [...(members.get(r.event_id) ?? []), r.external_id]);
    const key = (id: number) => (members.get(Number(id)) ?? []).sort().join(",");
    const events = [...members.keys()].map(key).sort();
    const links = (await c.query("select from_event, to_event, type, explanation from event_links")).rows
      .map((r) => `${key(r.from_event)} → ${key(r.to_event)} ${r.type}: ${r.explanation}`)
      .sort();
    const records = (
      await c.query("select id, title, type, intensity, direction from events where redirect_to is null")
    ).rows
      .map((r) => `${key(r.id)} ${r.title} ${r.type} ${r.intensity} ${r.direction}`)
      .sort();
    const storylines = (await c.query("select name from storylines")).rows.map((r) => r.name).sort();
    return { events, links, records, storylines };
  }, db);
}

beforeAll(() => {
  if (!ADMIN) console.warn("scale-out tests skipped: SITREP_TEST_DATABASE_URL is not set (.ci/run sets it)");
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  if (ADMIN)
    await admin(async (c) => {
      for (const db of made) await c.query(`drop database if exists ${db} with (force)`);
    });
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!ADMIN)("scale-out: workers sharing a PostgreSQL queue", () => {
  it("two workers give the same events, records, links and storylines as one process", async () => {
    const file = sample(1041);
    const [queued, single] = [await freshDatabase("queued"), await freshDatabase("single")];
    const direct = await sitrep(["ingest", file, "--db", urlOf(single)]);
    expect(direct.code).toBe(0);

    const q = await sitrep(["ingest", file, "--queue", "--db", urlOf(queued)]);
    expect(q.out).toContain("1041 items queued in 4 batches");
    // A bad input is reported by name and reason, as a direct ingest does, and nothing is queued for it.
    const missing = await sitrep(["ingest", join(dir, "missing.ndjson"), "--queue", "--db", urlOf(queued)]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("missing.ndjson: no such file (invalid-input)");
    expect(await queuedBatches(queued)).toBe(4);
    const a = worker(queued);
    const b = worker(queued);
    await until(async () => (await queuedBatches(queued)) === 0, 120);
    for (const w of [a, b]) w.child.kill("SIGTERM");
    await Promise.all([a.exited, b.exited]);
    // One leader took every batch; the other only polls and waits for the lock.
    expect([batches(a.log()), batches(b.log())].sort()).toEqual([0, 4]);

    const [mine, theirs] = [await outcome(queued), await outcome(single)];
    expect(mine.events).toHaveLength(theirs.events.length);
    expect(mine.events).toEqual(theirs.events);
    expect(mine.records).toEqual(theirs.records);
    expect(mine.links.length).toBeGreaterThan(1000);
    expect(mine.links).toEqual(theirs.links);
    expect(mine.storylines).toEqual(theirs.storylines);
  }, 240_000);

  it("a follower takes over when the leader is killed mid-stream: every entry once, every event with its record", async () => {
    const file = sample(2500);
    const db = await freshDatabase("failover");
    const q = await sitrep(["ingest", file, "--queue", "--db", urlOf(db)]);
    expect(q.code).toBe(0);
    const total = await queuedBatches(db);
    expect(total).toBeGreaterThanOrEqual(7);
    const leader = worker(db);
    await until(() => leader.log().includes("pipeline's leader"), 60);
    const follower = worker(db);
    await until(() => follower.log().includes("follower"), 60);
    await until(() => batches(leader.log()) >= 2, 120);
    leader.child.kill("SIGKILL");
    await leader.exited;
    await until(async () => (await queuedBatches(db)) === 0, 180);
    follower.child.kill("SIGTERM");
    await follower.exited;
    expect(follower.log()).toContain("this worker is now the pipeline's leader");
    expect(batches(leader.log()) + batches(follower.log())).toBeGreaterThanOrEqual(total);

    const stored = await admin(async (c) => {
      const n = async (sql: string) => Number((await c.query(sql)).rows[0].n);
      return {
        articles: await n("select count(*) n from articles"),
        distinct: await n("select count(distinct external_id) n from articles"),
        withoutRecord: await n("select count(*) n from events where redirect_to is null and record is null"),
        owed: await n("select count(*) n from state where key like 'derive.pending%' and value != '{}'"),
        links: await n("select count(*) n from event_links"),
      };
    }, db);
    const entries = readFileSync(file, "utf8").trim().split("\n").length;
    expect(stored.articles).toBe(entries);
    expect(stored.distinct).toBe(entries);
    expect(stored.withoutRecord).toBe(0);
    expect(stored.owed).toBe(0);
    expect(stored.links).toBeGreaterThan(1000);
  }, 300_000);

  it("workers poll a registered feed and process what it holds", async () => {
    const feed = readFileSync(new URL("../src/sources/testdata/rss2.xml", import.meta.url));
    const server = createServer((req, res) => {
      if (req.url === "/feed.xml") res.writeHead(200, { "content-type": "application/rss+xml" }).end(feed);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
      const db = urlOf(await freshDatabase("feeds"));
      expect((await sitrep(["sources", "add", url, "--db", db])).code).toBe(0);
      const queued = await sitrep(["sources", "poll", "--queue", "--db", db]);
      expect(queued.out).toContain("1 polls queued for the workers");
      const w = await sitrep(["worker", "--once", "--db", db]);
      expect(w.code).toBe(0);
      expect(w.out).toContain("batch processed");
      const listed = await sitrep(["sources", "list", "--db", db]);
      expect(listed.out).toContain(url);
      const articles = await sitrep(["articles", "--db", db]);
      expect(articles.out).toContain("Grain convoy reaches Tessel after week-long delay");
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it("refuses to queue or work on the embedded SQLite store, saying why", async () => {
    const db = join(dir, "embedded.db");
    const q = await sitrep(["ingest", sample(20), "--queue", "--db", db]);
    expect(q.code).not.toBe(0);
    expect(q.out).toMatch(/--queue needs PostgreSQL/);
    const w = await sitrep(["worker", "--once", "--db", db]);
    expect(w.code).not.toBe(0);
    expect(w.out).toMatch(/worker needs PostgreSQL/);
  });
});
