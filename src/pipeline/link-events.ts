import { BUILTIN_THEATRES, theatreList } from "../classify/theatres.ts";
import { buildDigest, memberUnits } from "../link/build-digest.ts";
import { eventRef } from "../link/explain-link.ts";
import type { Digested, ExplainHook, LinkOutcome, LinkPass } from "../link/linker.ts";
import { createLlmLinkExplainer, type LinkExplainer } from "../link/llm-explain-links.ts";
import { UNITS_PER_EVENT } from "../link/unit-index.ts";
import { errorMessage } from "../model/errors.ts";
import type { SitrepEvent } from "../model/event.ts";
import type { EventLink } from "../model/link.ts";
import type { Theatre } from "../model/theatre.ts";
import { llmOptionsFrom } from "../synthesize/llm/llm-client.ts";
import type { PipelineContext } from "./context.ts";
import { settle } from "./derive-journal.ts";
import { type LinkerPort, LinkThread, localLinker } from "./link-thread.ts";
import type { PipelineThread } from "./pipeline-thread.ts";

/** The linking state of one pipeline context: a Linker here, or on the pipeline thread during a long ingest. */
interface Linking {
  port: LinkerPort;
  theatres: Theatre[];
  /** Passes under way on the pipeline thread, oldest first: each is written two passes later (or at the end). */
  pending: Pending[];
  /** Events a pass could not link again (they had left its window): linked in the next pass. */
  carry: number[];
}

/** A pass sent to the pipeline thread, and the events merged away since (its links to them are not kept). */
interface Pending {
  ids: number[];
  /** The events the clustering transactions said are owed links (see derive-journal.ts): settled when written. */
  owed: number[];
  at: string;
  outcome: Promise<LinkOutcome>;
  merged: number[];
}

// Passes under way on the pipeline thread before the oldest is awaited: with one, the main thread waited
// whenever a batch took longer to link than the next one took to cluster and synthesize.
const DEPTH = 2;

/** What one linking pass did. */
export interface LinkReport {
  events: number;
  /** Links and storylines written; null while the pass runs on the link thread (see beginLinkThread). */
  links: number | null;
  storylines: number | null;
}

const linkings = new WeakMap<PipelineContext, Linking>();
const explainers = new WeakMap<PipelineContext, LinkExplainer | null>();
const DAY_MS = 86_400_000;

/** True when batches of this context are linked (their member reports will be indexed). */
/** Called after each linking pass's outcome is stored, with the events it linked (alerts, pipeline/alerts.ts). */
export type LinkedHook = (
  ctx: PipelineContext,
  linked: [eventId: number, links: EventLink[]][],
) => Promise<void>;

const linkedHooks = new WeakMap<PipelineContext, LinkedHook>();

/** Sets the hook called after each pass's links are stored. */
export function onLinked(ctx: PipelineContext, hook: LinkedHook): void {
  linkedHooks.set(ctx, hook);
}

export function linkingInstalled(ctx: PipelineContext): boolean {
  return explainers.has(ctx);
}

/**
 * Makes the pipeline link events after each batch, after whatever hook is already set (synthesis). Link
 * explanations come from templates, or from `explainer` (default: the configured engine, see link.engine).
 */
export function installLinking(ctx: PipelineContext, explainer?: LinkExplainer | null): void {
  explainers.set(ctx, explainer === undefined ? createExplainer(ctx) : explainer);
  const prev = ctx.onEventsChanged;
  ctx.onEventsChanged = async (c, ids, unlinked) => {
    await prev?.(c, ids, unlinked);
    await linkEvents(c, ids, unlinked);
  };
}

/**
 * The linking use case: for each new or changed event, build its digest, find earlier related events in the
 * window, type and explain the links and replace the event's outgoing links; events merged away leave the
 * index, and the events that linked to them are linked again: those the linking state knows and those given
 * as `unlinked` (whose stored links to a merged event were removed with the merge). Storylines and theatre
 * days follow.
 */
export async function linkEvents(
  ctx: PipelineContext,
  eventIds: number[],
  unlinked: number[] = [],
): Promise<LinkReport> {
  const state = await linkingOf(ctx);
  try {
    return await linkWith(ctx, state, eventIds, unlinked);
  } catch (err) {
    linkings.delete(ctx); // rebuilt from the store on the next call
    throw err;
  }
}

/**
 * Runs linking on the pipeline thread until `endLinkThread`: each pass's outcome is then written when the next
 * pass starts, so a batch is linked while the next one is clustered and synthesized. Not with an LLM link
 * explainer (its requests are made from the pass). The thread's linker is rebuilt from the store, as in a new
 * process. Returns false when linking stays here.
 */
export function beginLinkThread(ctx: PipelineContext, thread: PipelineThread): boolean {
  if (!linkingInstalled(ctx) || explainers.get(ctx)) return false;
  linkings.delete(ctx);
  threaded.set(ctx, thread);
  return true;
}

/** Writes the passes made on the pipeline thread; linking goes on in place (rebuilt from the store). */
export async function endLinkThread(ctx: PipelineContext): Promise<void> {
  if (!threaded.delete(ctx)) return;
  const s = linkings.get(ctx);
  if (!s) return;
  while (s.pending.length) if (!(await settleOldest(ctx, s))) return;
  linkings.delete(ctx);
  if (s.carry.length) await linkEvents(ctx, [], s.carry);
}

const threaded = new WeakMap<PipelineContext, PipelineThread>();

async function linkWith(
  ctx: PipelineContext,
  s: Linking,
  eventIds: number[],
  unlinked: number[],
): Promise<LinkReport> {
  const redirected = (await ctx.store.events.redirectsInto(eventIds)).map((m) => m.id);
  const port = s.port;
  if (port.remote) return linkOnThread(ctx, s, port, eventIds, [...unlinked], redirected);
  const relink = await port.begin(redirected);
  const at = ctx.now().toISOString();
  const pass = await passOf(ctx, s, [...eventIds, ...relink, ...unlinked], at);
  const done = await port.link(pass);
  await write(ctx, done, at, [], [...eventIds, ...unlinked]);
  return {
    events: pass.digests.length,
    links: done.linksByEvent.reduce((n, [, l]) => n + l.length, 0),
    storylines: done.drafts.length,
  };
}

/** The events' digests (those merged away listed as gone), for a pass stamped `at`. */
async function passOf(ctx: PipelineContext, s: Linking, ids: number[], at: string): Promise<LinkPass> {
  const events = await ctx.store.events.getEvents([...new Set(ids)]);
  const gone = events.filter((e) => e.redirectTo !== null).map((e) => e.id);
  const live = events.filter((e) => e.redirectTo === null);
  const names = new Map<string, string>();
  const digests = await digestsOf(ctx, s, live, names);
  return { gone, digests, names: [...names], at };
}

/**
 * A pass on the pipeline thread: sent with the merges it must first forget (the thread links again the events
 * that linked to them), and not awaited. The pass sent two before it is then written, unless a later merge
 * undid its links. If the thread failed, linking goes on in place from the store.
 */
async function linkOnThread(
  ctx: PipelineContext,
  s: Linking,
  port: LinkThread,
  eventIds: number[],
  unlinked: number[],
  redirected: number[],
): Promise<LinkReport> {
  for (const p of s.pending) p.merged.push(...redirected);
  const ids = [...eventIds, ...unlinked, ...s.carry.splice(0)];
  const at = ctx.now().toISOString();
  const pass = await passOf(ctx, s, ids, at);
  const outcome = port.linkWhole({ redirected, pass });
  // Awaited when the pass is written (settleOldest), which handles a failure.
  outcome.catch(() => {});
  s.pending.push({ ids, owed: [...eventIds, ...unlinked], at, outcome, merged: [] });
  while (s.pending.length > DEPTH) if (!(await settleOldest(ctx, s))) break;
  return { events: pass.digests.length, links: null, storylines: null };
}

/**
 * Writes the oldest pass under way on the pipeline thread. Events merged away since it was sent lose the links
 * it gave them, as the clustering transaction that merged them did to the stored ones. If the thread failed,
 * every pass under way is lost: linking goes on in place, rebuilt from the store, and links their events again,
 * oldest first; false is returned.
 */
async function settleOldest(ctx: PipelineContext, s: Linking): Promise<boolean> {
  const p = s.pending.shift();
  if (!p) return true;
  let done: LinkOutcome;
  try {
    done = await p.outcome;
  } catch (err) {
    ctx.log.warn({ err: errorMessage(err) }, "link thread failed; linking in place");
    threaded.delete(ctx);
    linkings.delete(ctx);
    const lost = [p, ...s.pending.splice(0)].flatMap((x) => x.ids);
    await linkEvents(ctx, [...lost, ...s.carry.splice(0)]);
    return false;
  }
  await write(ctx, done, p.at, p.merged, p.owed);
  if (done.unindexed) s.carry.push(...done.unindexed);
  return true;
}

async function write(
  ctx: PipelineContext,
  o: LinkOutcome,
  at: string,
  redirected: number[],
  owed: number[],
): Promise<void> {
  const all = o.linksByEvent.flatMap(([, l]) => l);
  const touched = new Set(all.flatMap((l) => [l.fromEvent, l.toEvent]));
  const merged = redirected.filter((id) => touched.has(id));
  await ctx.store.transaction(async (tx) => {
    await tx.links.replaceLinksOfMany(
      o.linksByEvent.map(([id]) => id),
      all,
      at,
    );
    for (const id of merged) await tx.links.removeLinksOf(id);
    await tx.links.removeStorylines(o.removedLines);
    await tx.links.saveStorylines(
      o.drafts.filter((l) => l.eventIds.length > 1).map((l) => ({ ...l, updatedAt: at })),
    );
    await tx.links.saveTheatreDays(o.days);
    await tx.events.addChanges(o.changes);
    await settle(tx, owed);
  });
  await linkedHooks.get(ctx)?.(ctx, o.linksByEvent);
}

/**
 * Gives links the explainer's wording: kept from the previous pass where the link (target and type) and the
 * earlier event's reference are unchanged, asked for otherwise (one request per event).
 */
function explainWith(explainer: LinkExplainer): ExplainHook {
  return async (linker, d, links) => {
    const before = new Map(linker.graph.outOf(d.id).map((l) => [`${l.toEvent}:${l.type}`, l]));
    const ask = [];
    for (const link of links) {
      const older = linker.index.get(link.toEvent)?.digest;
      if (!older) continue;
      const prev = before.get(`${link.toEvent}:${link.type}`);
      if (prev?.evidence.explainedBy === explainer.name && prev.explanation.includes(eventRef(older, d))) {
        link.explanation = prev.explanation;
        link.evidence.explainedBy = prev.evidence.explainedBy;
      } else ask.push({ link, older });
    }
    await explainer.explain(d, ask, linker.nameOf);
  };
}

function createExplainer(ctx: PipelineContext): LinkExplainer | null {
  const c = ctx.config;
  const engine = c["link.engine"] === "auto" ? c["synth.engine"] : c["link.engine"];
  if (engine !== "llm") return null;
  return createLlmLinkExplainer(llmOptionsFrom(c));
}

/**
 * Digests of events, oldest first, with actors from the store when a record was saved, and their member units;
 * `names` is filled with the actors' display names. The linker indexes each just before linking it: indexing a
 * whole batch first (months of a dated stream) would evict the batch's early events from the window before
 * they are linked.
 */
async function digestsOf(
  ctx: PipelineContext,
  s: Linking,
  events: SitrepEvent[],
  names: Map<string, string>,
): Promise<Digested[]> {
  if (!events.length) return [];
  const ids = events.map((e) => e.id);
  const members = await ctx.store.events.memberTextsOf(ids, UNITS_PER_EVENT);
  const withRecord = events.filter((e) => e.record).map((e) => e.id);
  const stored = withRecord.length ? await ctx.store.events.actorsOfEvents(withRecord) : new Map();
  const digests = events.map((e) => {
    const actors = e.record ? (stored.get(e.id) ?? []) : undefined;
    for (const a of actors ?? []) names.set(a.id, a.name);
    const mine = members.get(e.id) ?? [];
    const digest = buildDigest(e, mine, { actors, theatres: s.theatres, names });
    return { digest, units: memberUnits(mine) };
  });
  return digests.sort((a, b) => a.digest.time - b.digest.time || a.digest.id - b.digest.id);
}

/** Drops the in-memory linking state: the next pass rebuilds it from the store (another process wrote since). */
export function forgetLinking(ctx: PipelineContext): void {
  linkings.delete(ctx);
}

/** The context's linking state, rebuilt from the store's events of the last window on first use. */
async function linkingOf(ctx: PipelineContext): Promise<Linking> {
  const known = linkings.get(ctx);
  if (known) return known;
  const windowDays = ctx.config["link.windowDays"];
  const explainer = explainers.get(ctx) ?? null;
  const thread = threaded.get(ctx);
  const s: Linking = {
    port: thread
      ? new LinkThread(thread, windowDays)
      : localLinker(windowDays, explainer ? explainWith(explainer) : undefined),
    theatres: theatresOf(ctx),
    pending: [],
    carry: [],
  };
  linkings.set(ctx, s);
  const latest = (await ctx.store.events.listEvents({ limit: 1 }))[0];
  if (!latest) return s;
  const from = new Date(Date.parse(latest.lastUpdated) - windowDays * DAY_MS);
  const events = await ctx.store.events.listEvents({ from: from.toISOString(), limit: 1_000_000 });
  const names = new Map<string, string>();
  const digests = await digestsOf(ctx, s, events, names);
  const links = await ctx.store.links.linksAmong(digests.map((d) => d.digest.id));
  await s.port.load({ digests, links, lines: await ctx.store.links.listStorylines(), names: [...names] });
  return s;
}

function theatresOf(ctx: PipelineContext): Theatre[] {
  const extra = ctx.config["theatres.extra"];
  return extra.length ? theatreList(extra) : BUILTIN_THEATRES;
}
