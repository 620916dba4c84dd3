// npm run bench: runs each benchmark in its own process (clean peak memory) and prints one JSON line each.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

// The batch benchmarks run with the young generation `sitrep ingest` and `sitrep eval` use (bin/sitrep.js).
const BATCH = ["--max-semi-space-size=64"];
const benches = [
  { file: "bench/ingest.ts", args: [] as string[], node: BATCH },
  { file: "bench/pipeline.ts", args: [] as string[], node: BATCH },
  { file: "bench/synthesis.ts", args: [] as string[], node: BATCH },
  { file: "bench/api-latency.ts", args: [] as string[], node: [] as string[] },
];
const only = process.argv.slice(2);
let failed = 0;
for (const b of benches) {
  if (only.length && !only.some((o) => b.file.includes(o))) continue;
  if (!existsSync(b.file)) continue;
  process.stderr.write(`running ${b.file}…\n`);
  const res = spawnSync(process.execPath, [...b.node, b.file, ...b.args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = res.stdout
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{") || l.startsWith("GET") || l.startsWith("store:"));
  if (res.status !== 0) {
    failed++;
    console.log(JSON.stringify({ bench: b.file, error: `exit ${res.status}` }));
  } else for (const l of lines) console.log(l);
}
process.exit(failed ? 1 : 0);
