import type { Logger } from "pino";
import pino from "pino";
import { loadConfig } from "../config/load.ts";
import type { Config, ConfigKey } from "../config/schema.ts";
import { createContext, type PipelineContext } from "../pipeline/context.ts";
import { installLinking } from "../pipeline/link-events.ts";
import { installSynthesis } from "../pipeline/synthesize-events.ts";
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
  return { config, store, ctx, log, close: () => store.close() };
}
