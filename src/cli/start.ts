import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { createApi } from "../api/app.ts";
import { startServer } from "../api/server.ts";
import { errorMessage } from "../model/errors.ts";
import { resumeOwed } from "../pipeline/derive-journal.ts";
import { ingestFile } from "../pipeline/ingest-file.ts";
import { pollDueSources } from "../pipeline/poll-sources.ts";
import { type GlobalOptions, openApp } from "./app.ts";
import { printReports } from "./print-report.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DEMO = `${ROOT}demo/articles.ndjson`;
const POLL_CHECK_MS = 60_000;

/** `sitrep start` (what `npm start` runs): first run loads the demo corpus; then it polls due feeds and serves the app. */
export function registerStart(program: Command): void {
  program
    .command("start")
    .description(
      "the main job: load the demo corpus into an empty store, poll due feeds, serve the API and web app",
    )
    .option("--no-demo", "do not load the demo corpus into an empty store")
    .option("--port <port>", "port (default api.port)")
    .action(async (opts: { demo: boolean; port?: string }, cmd: Command) => {
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      // Records and links an interrupted run left owed are written before serving.
      await resumeOwed(app.ctx, true);
      await ensureWebBuilt();
      if (opts.demo && (await app.store.articles.countArticles()) === 0) {
        console.log(
          "Empty store: loading the bundled demo corpus (invented outlets and events, see demo/README.md)…",
        );
        printReports([await ingestFile(app.ctx, DEMO)]);
      }
      const poll = async () => {
        try {
          const reports = await pollDueSources(app.ctx);
          if (reports.length) printReports(reports);
        } catch (err) {
          app.log.warn({ err: errorMessage(err) }, "polling failed");
        }
      };
      await poll();
      const timer = setInterval(poll, POLL_CHECK_MS);
      const port = opts.port !== undefined ? Number(opts.port) : app.config["api.port"];
      const server = await startServer(createApi(app.ctx), { host: app.config["api.host"], port });
      const events = await app.store.events.countEvents();
      console.log(`Sitrep is running: ${server.url}  (${events} events; Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        process.once("SIGINT", () => resolve());
        process.once("SIGTERM", () => resolve());
      });
      clearInterval(timer);
      await server.close();
      await app.close();
    });
}

/** Builds the web app with Vite when web/dist is missing (first start after install). */
async function ensureWebBuilt(): Promise<void> {
  if (existsSync(`${ROOT}web/dist/index.html`)) return;
  console.log("Building the web app (first start)…");
  const { build } = await import("vite");
  await build({ root: `${ROOT}web`, configFile: `${ROOT}web/vite.config.ts`, logLevel: "warn" });
}
