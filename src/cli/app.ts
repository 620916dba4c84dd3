import { makeWorkerUtils } from "graphile-worker";
import type { Logger } from "pino";
import pino from "pino";
import { loadConfig } from "../config/load.ts";
import type { Config, ConfigKey } from "../config/schema.ts";
import { SitrepError } from "../model/errors.ts";
import { installAlerts } from "../pipeline/alerts.ts";
import { createContext, type PipelineContext } from "../pipeline/context.ts";
import { installLinking } from "../pipeline/link-events.ts";
import { installSynthesis } from "../pipeline/synthesize-events.ts";
import { type AddJob, isPostgres, workerLogger } from "../pipeline/work-queue.ts";
import { openStore, type Store } from "../store/store.ts";

/** Options every command accepts. */
export interface GlobalOptions {
  db?: string;
  config?: string;
}

/** An opened application: config, store and pipeline context. */
export interface App {
  config: Config;
  store: Store;
  ctx: PipelineContext;
  log: Logger;
  close: () => Promise<void>;
}

/** Loads config (with --db / --config applied), opens the store and builds the pipeline context. */
export async function openApp(
  opts: GlobalOptions,
  extra: Partial<Record<ConfigKey, unknown>> = {},
): Promise<App> {
  const overrides: Partial<Record<ConfigKey, unknown>> = { ...extra };
  if (opts.db) overrides["database.url"] = opts.db;
  const { config } = loadConfig({ file: opts.config ?? null, overrides });
  const log = pino({ level: config["log.level"] }, pino.destination(2));
  const store = await openStore(config["database.url"]);
  const ctx = await createContext(config, store, { log });
  installSynthesis(ctx);
  installLinking(ctx);
  installAlerts(ctx);
  return { config, store, ctx, log, close: () => store.close() };
}

/**
 * Runs `fn` with graphile-worker's addJob on the app's PostgreSQL database (the scale-out queue, created when
 * missing); refuses the embedded SQLite store, which has no queue.
 */
export async function withQueue<T>(app: App, fn: (addJob: AddJob) => Promise<T>): Promise<T> {
  const url = app.config["database.url"];
  if (!isPostgres(url))
    throw new SitrepError(
      "invalid-input",
      "--queue needs PostgreSQL: --db postgres://… (the queue lives there)",
    );
  const utils = await makeWorkerUtils({ connectionString: url, logger: workerLogger(app.ctx) });
  try {
    await utils.migrate();
    return await fn(utils.addJob.bind(utils));
  } finally {
    await utils.release();
  }
}
