// Synthesis throughput: records per second (extractive engine) for the demo corpus and for the events built
// from the CEP dev file. Events are first built by ingest alone, then every live event is synthesized.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { testConfig } from "../src/config/load.ts";
import { createContext } from "../src/pipeline/context.ts";
import { ingestFile } from "../src/pipeline/ingest-file.ts";
import { synthesizeEvents } from "../src/pipeline/synthesize-events.ts";
import { openStore } from "../src/store/store.ts";

async function run(
  input: string,
): Promise<{ input: string; events: number; seconds: number; records_per_second: number }> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-synth-"));
  const config = testConfig({ "database.url": join(dir, "b.db"), "log.level": "silent" });
  const store = await openStore(config["database.url"]);
  const ctx = await createContext(config, store, { log: pino({ level: "silent" }) });
  await ingestFile(ctx, input);
  const ids = (await store.events.listEvents({ limit: 1_000_000 })).map((e) => e.id);
  const started = performance.now();
  for (let i = 0; i < ids.length; i += 1000) await synthesizeEvents(ctx, ids.slice(i, i + 1000));
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    input,
    events: ids.length,
    seconds: Math.round(seconds * 10) / 10,
    records_per_second: Math.round(ids.length / seconds),
  };
}

const demo = await run("demo/articles.ndjson");
const cep = await run(process.argv[2] ?? "../shared/data/cep/dev-2019-2022.ndjson");
console.log(
  JSON.stringify({
    bench: "synthesis",
    engine: "extractive",
    demo,
    cep,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
