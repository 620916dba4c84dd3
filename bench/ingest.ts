// Ingest throughput (parse → normalize → dedup → cluster → store, SQLite) on the CEP background file, with
// the rate per 10,000-article window (flat cost as the store grows) and peak memory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { testConfig } from "../src/config/load.ts";
import { createContext } from "../src/pipeline/context.ts";
import { ingestFile } from "../src/pipeline/ingest-file.ts";
import { openStore } from "../src/store/store.ts";

const input = process.argv[2] ?? "../shared/data/cep/background-2002-2018.ndjson.gz";
const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
const config = testConfig({ "database.url": join(dir, "bench.db"), "log.level": "silent" });
const store = await openStore(config["database.url"]);
const ctx = await createContext(config, store, { log: pino({ level: "silent" }) });
const marks: { n: number; t: number }[] = [{ n: 0, t: performance.now() }];
const started = performance.now();
const cpuStart = process.cpuUsage();
const report = await ingestFile(ctx, input, (n) => marks.push({ n, t: performance.now() }));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = () => (cpu.user + cpu.system) / 1e6;
const rateBetween = (from: number, to: number) => {
  const a = marks.reduce((best, m) => (Math.abs(m.n - from) < Math.abs(best.n - from) ? m : best));
  const b = marks.reduce((best, m) => (Math.abs(m.n - to) < Math.abs(best.n - to) ? m : best));
  return Math.round((b.n - a.n) / ((b.t - a.t) / 1000));
};
const total = report.read;
const first = rateBetween(0, 10_000);
const last = rateBetween(total - 10_000, total);
const result = {
  bench: "ingest",
  input,
  articles: total,
  stored: report.stored,
  events: await store.events.countEvents(),
  seconds: Math.round(seconds * 10) / 10,
  articles_per_second: Math.round(total / seconds),
  // CPU time of this process: stable when other work shares the machine's two cores.
  cpu_seconds: Math.round(cpuSeconds() * 10) / 10,
  articles_per_cpu_second: Math.round(total / cpuSeconds()),
  first_10k_per_second: first,
  last_10k_per_second: last,
  last_vs_first: Math.round((last / first) * 100) / 100,
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
};
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result));
