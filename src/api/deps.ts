import type { Config } from "../config/schema.ts";
import type { PipelineContext } from "../pipeline/context.ts";
import type { Store } from "../store/store.ts";
import type { ChangeFeed } from "./change-feed.ts";
import type { TheatreCatalog } from "./theatre-catalog.ts";

/** What route handlers use: the pipeline context, its store and config, live changes, theatre names, a work lock. */
export interface ApiDeps {
  ctx: PipelineContext;
  store: Store;
  config: Config;
  changes: ChangeFeed;
  theatres: TheatreCatalog;
  /** Runs pipeline work one job at a time (the clustering state has one writer). */
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** A lock that runs the functions given to it one after another. */
export function createExclusive(): ApiDeps["exclusive"] {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
