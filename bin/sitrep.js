#!/usr/bin/env node
// Runs the TypeScript entry point with Node 24's type stripping (Node 24 comes from the `node` dev dependency).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const [major] = process.versions.node.split(".").map(Number);
if (major < 24) {
  console.error(`sitrep needs Node 24 (found ${process.versions.node}); run it through npm: npx sitrep ... or npm run sitrep -- ...`);
  process.exit(2);
}
const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
// Heavy commands get a larger young generation (V8 reads it at start only). The server: with V8's default the
// frequent scavenges under load showed as a p99 tail (bench/api-latency.ts: feed p99 79 → 25 ms at 100
// connections). Ingest and eval: scavenges were 8% of pipeline time, and 64 MB semi-spaces made the CEP
// pipeline ~10% faster (bench/pipeline.ts, same machine, back to back).
const command = process.argv.slice(2).find((a) => !a.startsWith("-"));
const semiSpace = { serve: 32, start: 32, ingest: 64, eval: 64, sources: 64 }[command ?? ""];
if (semiSpace && !process.execArgv.some((a) => a.startsWith("--max-semi-space-size"))) {
  const child = spawn(process.execPath, [`--max-semi-space-size=${semiSpace}`, main, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  await import(main);
}
