import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import { describe, expect, it } from "vitest";

const CEP = new URL("../../shared/data/cep/dev-2019-2022.ndjson", import.meta.url).pathname;
const MAIN = new URL("../src/main.ts", import.meta.url).pathname;

function counts(db: string) {
  const d = new Sqlite(db, { readonly: true });
  const q = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
  const out = {
    articles: q("select count(*) n from articles"),
    distinctExternal: q("select count(distinct external_id) n from articles"),
    orphans: q(
      "select count(*) n from articles a left join events e on e.id = a.event_id where e.id is null",
    ),
    eventMembers: q("select coalesce(sum(article_count),0) n from events where redirect_to is null"),
    staleCounts: q(
      "select count(*) n from events e where e.redirect_to is null and e.article_count != (select count(*) from articles a where a.event_id = e.id)",
    ),
    // Events the killed run clustered but never wrote a record for (the re-run must write them).
    withoutRecord: q("select count(*) n from events where redirect_to is null and record is null"),
    owed: q("select count(*) n from state where key like 'derive.pending%' and value != '{}'"),
    links: q("select count(*) n from event_links"),
  };
  d.close();
  return out;
}

describe("crash safety", () => {
  it("stores every article exactly once after SIGKILL in the middle of a large file and a re-run", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "sitrep-kill-")), "k.db");
    const child = spawn(process.execPath, [MAIN, "ingest", CEP, "--db", db], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, SITREP_INGEST_BATCH_SIZE: "500", SITREP_LOG_LEVEL: "silent" },
    });
    // Kill once a few batches are committed, well before the end of the 24,962 entries.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        try {
          if (counts(db).articles >= 2000) {
            clearInterval(timer);
            child.kill("SIGKILL");
            resolve();
          }
        } catch {
          // database not created yet
        }
      }, 50);
      child.on("exit", () => {
        clearInterval(timer);
        reject(new Error("ingest finished before it could be killed"));
      });
    });
    await new Promise((r) => child.once("exit", r));
    const mid = counts(db);
    expect(mid.articles).toBeLessThan(24_962);
    expect(mid.orphans).toBe(0);
    // Killed between a batch's commit and its records or links: those events are owed.
    expect(mid.owed).toBe(1);
    const rerun = spawnSync(process.execPath, [MAIN, "ingest", CEP, "--db", db], {
      encoding: "utf8",
      env: { ...process.env, SITREP_LOG_LEVEL: "silent" },
    });
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toMatch(
      new RegExp(`stored ${24_962 - mid.articles} new, ${mid.articles} already stored`),
    );
    const end = counts(db);
    expect(end.articles).toBe(24_962);
    expect(end.distinctExternal).toBe(24_962);
    expect(end.orphans).toBe(0);
    expect(end.eventMembers).toBe(24_962);
    expect(end.staleCounts).toBe(0);
    expect(end.withoutRecord).toBe(0);
    expect(end.owed).toBe(0);
    expect(end.links).toBeGreaterThan(20_000);
  }, 180_000);
});
