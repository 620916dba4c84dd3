// Whole-pipeline throughput (ingest, cluster, synthesize, link) over the CEP dev file, SQLite, with peak memory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { testConfig } from "../src/config/load.ts";
import { createContext } from "../src/pipeline/context.ts";
import { ingestFile } from "../src/pipeline/ingest-file.ts";
import { installLinking } from "../src/pipeline/link-events.ts";
import { installSynthesis } from "../src/pipeline/synthesize-events.ts";
import { openStore } from "../src/store/store.ts";

const input = process.argv[2] ?? "../shared/data/cep/dev-2019-2022.ndjson";
const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
const config = testConfig({
  "database.url": join(dir, "bench.db"),
  "log.level": "silent",
  ...(process.env.BENCH_CONFIG ? JSON.parse(process.env.BENCH_CONFIG) : {}),
});
const store = await openStore(config["database.url"]);
const ctx = await createContext(config, store, { log: pino({ level: "silent" }) });
installSynthesis(ctx);
installLinking(ctx);
const started = performance.now();
const cpuStart = process.cpuUsage();
const mainStart = process.threadCpuUsage();
const report = await ingestFile(ctx, input);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const main = process.threadCpuUsage(mainStart);
const cpuSeconds = () => (cpu.user + cpu.system) / 1e6;
const result = {
  bench: "pipeline",
  input,
  entries: report.read,
  events: await store.events.countEvents(),
  links: await store.links.countLinks(),
  seconds: Math.round(seconds * 10) / 10,
  entries_per_second: Math.round(report.read / seconds),
  // CPU time of this process: stable when other work shares the machine's two cores.
  cpu_seconds: Math.round(cpuSeconds() * 10) / 10,
  entries_per_cpu_second: Math.round(report.read / cpuSeconds()),
  // CPU time of the main thread alone: the stages that do not run on the normalize thread.
  main_thread_cpu_seconds: Math.round(((main.user + main.system) / 1e6) * 10) / 10,
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
};
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result));
