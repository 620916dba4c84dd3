import type { Command } from "commander";
import { describeConfig, loadConfig } from "../config/load.ts";
import type { GlobalOptions } from "./app.ts";

/** `sitrep config`: every key with its value (secrets masked), env name and meaning. */
export function registerConfig(program: Command): void {
  program
    .command("config")
    .description("print the configuration (secrets masked)")
    .option("--json", "print as JSON")
    .action((opts: { json?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const { config, origins } = loadConfig({
        file: g.config ?? null,
        overrides: g.db ? { "database.url": g.db } : {},
      });
      const rows = describeConfig(config).map((r) => ({
        ...r,
        origin: origins[r.key as keyof typeof origins],
      }));
      if (opts.json) {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      for (const r of rows) {
        console.log(`${r.key} = ${JSON.stringify(r.value)}  (${r.origin}; ${r.env})`);
        console.log(`    ${r.doc}`);
      }
    });
}
