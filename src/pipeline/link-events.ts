import { BUILTIN_THEATRES, theatreList } from "../classify/theatres.ts";
import { buildDigest, memberUnits } from "../link/build-digest.ts";
import { eventRef } from "../link/explain-link.ts";
import type { Digested, ExplainHook, LinkOutcome, LinkPass } from "../link/linker.ts";
import { createLlmLinkExplainer, type LinkExplainer } from "../link/llm-explain-links.ts";
import { UNITS_PER_EVENT } from "../link/unit-index.ts";
import { errorMessage } from "../model/errors.ts";
import type { SitrepEvent } from "../model/event.ts";
import type { Theatre } from "../model/theatre.ts";
import { llmOptionsFrom } from "../synthesize/llm/llm-client.ts";
import type { PipelineContext } from "./context.ts";
import { type LinkerPort, LinkThread, localLinker } from "./link-thread.ts";
import type { PipelineThread } from "./pipeline-thread.ts";

/** The linking state of one pipeline context: a Linker here, or on the pipeline thread during a long ingest. */
interface Linking {
  port: LinkerPort;
  theatres: Theatre[];
  /** On the link thread, a pass's outcome is written when the next pass starts (or the ingest ends). */
  pending: { ids: number[]; at: string; outcome: Promise<LinkOutcome> } | null;
}

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

/** Writes the last pass made on the pipeline thread; linking goes on in place (rebuilt from the store). */
export async function endLinkThread(ctx: PipelineContext): Promise<void> {
  if (!threaded.delete(ctx)) return;
  const s = linkings.get(ctx);
  linkings.delete(ctx);
  if (s) await settle(ctx, s, []);
}

const threaded = new WeakMap<PipelineContext, PipelineThread>();

async function linkWith(
  ctx: PipelineContext,
  s: Linking,
  eventIds: number[],
  unlinked: number[],
): Promise<LinkReport> {
  const redirected = (await ctx.store.events.redirectsInto(eventIds)).map((m) => m.id);
  if (!(await settle(ctx, s, redirected))) return linkEvents(ctx, eventIds, unlinked);
  const relink = await s.port.begin(redirected);
  const events = await ctx.store.events.getEvents([...new Set([...eventIds, ...relink, ...unlinked])]);
  const gone = events.filter((e) => e.redirectTo !== null).map((e) => e.id);
  const live = events.filter((e) => e.redirectTo === null);
  const names = new Map<string, string>();
  const digests = await digestsOf(ctx, s, live, names);
  const at = ctx.now().toISOString();
  const pass: LinkPass = {
    gone,
    digests,
    names: [...names],
    at,
  };
  const outcome = s.port.link(pass);
  if (s.port.remote) {
    // Awaited by the next pass (settle), which handles a failure.
    outcome.catch(() => {});
    s.pending = { ids: [...eventIds, ...unlinked], at, outcome };
    return { events: digests.length, links: null, storylines: null };
  }
  const done = await outcome;
  await write(ctx, done, at, []);
  return {
    events: digests.length,
    links: done.linksByEvent.reduce((n, [, l]) => n + l.length, 0),
    storylines: done.drafts.length,
  };
}

/**
 * Writes the outcome of the pass still running on the link thread. Events merged away since (`redirected`)
 * lose the links it gave them, as the clustering transaction that merged them did to the stored ones.
 * If the thread failed, linking goes on in place from the store and links that pass's events again: then
 * the state was replaced and false is returned.
 */
async function settle(ctx: PipelineContext, s: Linking, redirected: number[]): Promise<boolean> {
  const p = s.pending;
  if (!p) return true;
  s.pending = null;
  let done: LinkOutcome;
  try {
    done = await p.outcome;
  } catch (err) {
    ctx.log.warn({ err: errorMessage(err) }, "link thread failed; linking in place");
    threaded.delete(ctx);
    linkings.delete(ctx);
    await linkEvents(ctx, p.ids);
    return false;
  }
  await write(ctx, done, p.at, redirected);
  return true;
}

async function write(ctx: PipelineContext, o: LinkOutcome, at: string, redirected: number[]): Promise<void> {
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
  });
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
    pending: null,
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
