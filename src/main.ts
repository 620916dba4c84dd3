import { Command } from "commander";
import { registerAlerts } from "./cli/alerts.ts";
import { registerArticles } from "./cli/articles.ts";
import { registerConfig } from "./cli/config.ts";
import { registerEval } from "./cli/eval.ts";
import { registerIngest } from "./cli/ingest.ts";
import { registerServe } from "./cli/serve.ts";
import { registerShow } from "./cli/show.ts";
import { registerSources } from "./cli/sources.ts";
import { registerStart } from "./cli/start.ts";
import { registerTheatres } from "./cli/theatres.ts";
import { registerTimeline } from "./cli/timeline.ts";
import { registerWorker } from "./cli/worker.ts";
import { errorMessage, SitrepError } from "./model/errors.ts";

const program = new Command("sitrep")
  .description("Sitrep: news streams in, situation reports out")
  .option("--db <path>", "SQLite file or postgres:// URL (default ./sitrep.db)")
  .option("--config <file>", "JSON config file (default ./sitrep.config.json when present)")
  .showHelpAfterError();

registerIngest(program);
registerSources(program);
registerArticles(program);
registerConfig(program);
registerServe(program);
registerStart(program);
registerEval(program);
registerShow(program);
registerTheatres(program);
registerTimeline(program);
registerAlerts(program);
registerWorker(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const code = err instanceof SitrepError ? err.code : "internal";
  console.error(`sitrep: ${errorMessage(err)}${code === "internal" ? "" : ` (${code})`}`);
  if (code === "internal" && process.env.SITREP_DEBUG) console.error(err);
  process.exitCode = code === "invalid-input" ? 2 : 1;
}
