import pino, { type Logger } from "pino";
import { EventClusterer } from "../cluster/event-clusterer.ts";
import { type Config, clusterParamsOf } from "../config/schema.ts";
import { SyndicationIndex, type SyndicationSnapshot } from "../dedup/syndication-index.ts";
import type { Store } from "../store/store.ts";

const STATE_KEY = "pipeline.v1";

/** Everything a use case needs: config, store, the in-memory clustering state, a clock and a logger. */
export interface PipelineContext {
  config: Config;
  store: Store;
  log: Logger;
  now: () => Date;
  clusterer: EventClusterer;
  syndication: SyndicationIndex;
  /**
   * Called after each committed batch with the events it created or changed (synthesis, linking), and the
   * events that lost their links to an event merged away (to be linked again).
   */
  onEventsChanged: ((ctx: PipelineContext, eventIds: number[], unlinked: number[]) => Promise<void>) | null;
}

/** Builds a context and restores the clustering state committed with the last batch. */
export async function createContext(
  config: Config,
  store: Store,
  options: { log?: Logger; now?: () => Date } = {},
): Promise<PipelineContext> {
  const ctx: PipelineContext = {
    config,
    store,
    log: options.log ?? pino({ level: config["log.level"] }, pino.destination(2)),
    now: options.now ?? (() => new Date()),
    clusterer: new EventClusterer(clusterParamsOf(config)),
    syndication: newSyndication(config),
    onEventsChanged: null,
  };
  await restoreState(ctx);
  return ctx;
}

/** Reloads the in-memory state from the store (after a failed transaction, or at start). */
export async function restoreState(ctx: PipelineContext): Promise<void> {
  const raw = await ctx.store.state.getState(STATE_KEY);
  if (!raw) {
    ctx.clusterer = new EventClusterer(clusterParamsOf(ctx.config));
    ctx.clusterer.active.nextId = (await ctx.store.events.maxEventId()) + 1;
    ctx.syndication = newSyndication(ctx.config);
    return;
  }
  const s = JSON.parse(raw) as { cluster: unknown; syndication: SyndicationSnapshot };
  ctx.clusterer = EventClusterer.restore(clusterParamsOf(ctx.config), s.cluster);
  ctx.syndication = SyndicationIndex.restore(syndicationOptions(ctx.config), s.syndication);
}

/** Writes the in-memory state inside the batch's transaction. */
export async function saveState(ctx: PipelineContext, tx: Store): Promise<void> {
  const value = JSON.stringify({
    cluster: ctx.clusterer.snapshot(),
    syndication: ctx.syndication.snapshot(),
  });
  await tx.state.setState(STATE_KEY, value);
}

function syndicationOptions(config: Config) {
  return { threshold: config["dedup.nearDuplicateJaccard"], windowDays: config["dedup.windowDays"] };
}

function newSyndication(config: Config): SyndicationIndex {
  return new SyndicationIndex(syndicationOptions(config));
}
