import { BUILTIN_THEATRES, theatreList } from "../classify/theatres.ts";
import { buildDigest, memberUnits } from "../link/build-digest.ts";
import { EscalationDays } from "../link/escalation-days.ts";
import { defaultNameOf, eventRef, type NameOf } from "../link/explain-link.ts";
import { linkEvent } from "../link/link-event.ts";
import { LinkGraph } from "../link/link-graph.ts";
import { LinkIndex } from "../link/link-index.ts";
import { createLlmLinkExplainer, type LinkExplainer } from "../link/llm-explain-links.ts";
import { StorylineBook } from "../link/storyline-book.ts";
import { UnitIndex } from "../link/unit-index.ts";
import type { EventDigest } from "../model/digest.ts";
import type { EventChange, SitrepEvent } from "../model/event.ts";
import type { EventLink } from "../model/link.ts";
import type { Theatre } from "../model/theatre.ts";
import { llmOptionsFrom } from "../synthesize/llm/llm-client.ts";
import type { PipelineContext } from "./context.ts";

/** The linking state of one pipeline context: the window's index, current links, storylines and theatre days. */
interface Linking {
  index: LinkIndex;
  units: UnitIndex;
  graph: LinkGraph;
  storylines: StorylineBook;
  days: EscalationDays;
  names: Map<string, string>;
  nameOf: NameOf;
  theatres: Theatre[];
  /** Rewrites new links' template explanations (the LLM engine when configured), or null. */
  explainer: LinkExplainer | null;
}

/** What one linking pass did. */
export interface LinkReport {
  events: number;
  links: number;
  storylines: number;
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
  ctx.onEventsChanged = async (c, ids) => {
    await prev?.(c, ids);
    await linkEvents(c, ids);
  };
}

/**
 * The linking use case: for each new or changed event, build its digest, find earlier related events in the
 * window, type and explain the links and replace the event's outgoing links; events merged away leave the
 * index, and the events that linked to them are linked again. Storylines and theatre days follow.
 */
export async function linkEvents(ctx: PipelineContext, eventIds: number[]): Promise<LinkReport> {
  const state = await linkingOf(ctx);
  try {
    return await linkWith(ctx, state, eventIds);
  } catch (err) {
    linkings.delete(ctx); // rebuilt from the store on the next call
    throw err;
  }
}

async function linkWith(ctx: PipelineContext, s: Linking, eventIds: number[]): Promise<LinkReport> {
  const storyChanges = new Set<string>();
  const removedLines = new Set<string>();
  const dayKeys = new Set<string>();
  const relink = new Set<number>();
  const forget = (id: number) => {
    s.index.remove(id);
    s.units.remove(id);
    for (const f of s.graph.drop(id)) relink.add(f);
    const line = s.storylines.drop(id);
    if (line) storyChanges.add(line);
    for (const k of s.days.forget(id)) dayKeys.add(k);
  };
  for (const m of await ctx.store.events.redirectsInto(eventIds))
    if (s.index.get(m.id) || s.graph.outOf(m.id).length || s.graph.linkersOf(m.id).length) forget(m.id);
  const events = await ctx.store.events.getEvents([...new Set([...eventIds, ...relink])]);
  for (const e of events) if (e.redirectTo !== null) forget(e.id);
  const live = events.filter((e) => e.redirectTo === null);
  const digests = await digestsOf(ctx, s, live);
  const linksByEvent = new Map<number, EventLink[]>();
  const changes: { eventId: number; change: EventChange }[] = [];
  const at = ctx.now().toISOString();
  for (const { digest: d, units } of digests) {
    // Indexed and linked one at a time in time order: a batch longer than the window must not evict
    // its own early events' candidates (events and member reports) before they are linked.
    s.units.set(d, units);
    s.index.upsert(d);
    const doc = s.index.get(d.id);
    const links = doc ? linkEvent(s.index, doc, {}, s.nameOf, s.units) : [];
    if (s.explainer) await explainNew(s, s.explainer, d, links);
    linksByEvent.set(d.id, links);
    for (const l of s.graph.set(d.id, links))
      changes.push({
        eventId: d.id,
        change: { at, kind: "linked", detail: `${l.type} link to event #${l.toEvent}` },
      });
    const placed = s.storylines.apply(d.id, links, (id) => s.index.get(id)?.digest);
    for (const line of placed.changed) storyChanges.add(line);
    for (const id of placed.removed) removedLines.add(id);
    for (const k of s.days.record(d, links)) dayKeys.add(k);
  }
  for (const id of removedLines) storyChanges.delete(id);
  const drafts = [...storyChanges].filter((id) => s.storylines.has(id)).map((id) => s.storylines.draft(id));
  const all = [...linksByEvent.values()].flat();
  await ctx.store.transaction(async (tx) => {
    await tx.links.replaceLinksOfMany([...linksByEvent.keys()], all, at);
    await tx.links.removeStorylines([...removedLines]);
    await tx.links.saveStorylines(
      drafts.filter((l) => l.eventIds.length > 1).map((l) => ({ ...l, updatedAt: at })),
    );
    await tx.links.saveTheatreDays(s.days.values([...dayKeys]));
    await tx.events.addChanges(changes);
  });
  // Memory stays bounded by the window: what left it is final and stored.
  const inWindow = (id: number) => s.index.get(id) !== undefined;
  const bound = 2 * s.index.size + 1000;
  if (s.graph.size > bound) s.graph.prune(inWindow);
  if (s.storylines.size > bound) s.storylines.prune(inWindow);
  if (s.days.size > bound) s.days.prune(inWindow);
  if (s.units.size > bound) s.units.prune(inWindow);
  return { events: digests.length, links: all.length, storylines: storyChanges.size };
}

/**
 * Gives links the explainer's wording: kept from the previous pass where the link (target and type) and the
 * earlier event's reference are unchanged, asked for otherwise (one request per event).
 */
async function explainNew(
  s: Linking,
  explainer: LinkExplainer,
  d: EventDigest,
  links: EventLink[],
): Promise<void> {
  const before = new Map(s.graph.outOf(d.id).map((l) => [`${l.toEvent}:${l.type}`, l]));
  const ask = [];
  for (const link of links) {
    const older = s.index.get(link.toEvent)?.digest;
    if (!older) continue;
    const prev = before.get(`${link.toEvent}:${link.type}`);
    if (prev?.evidence.explainedBy === explainer.name && prev.explanation.includes(eventRef(older, d))) {
      link.explanation = prev.explanation;
      link.evidence.explainedBy = prev.evidence.explainedBy;
    } else ask.push({ link, older });
  }
  await explainer.explain(d, ask, s.nameOf);
}

function createExplainer(ctx: PipelineContext): LinkExplainer | null {
  const c = ctx.config;
  const engine = c["link.engine"] === "auto" ? c["synth.engine"] : c["link.engine"];
  if (engine !== "llm") return null;
  return createLlmLinkExplainer(llmOptionsFrom(c));
}

/** An event's digest and the texts of its member reports (the unit index's units). */
interface Digested {
  digest: EventDigest;
  units: string[];
}

/**
 * Digests of events, oldest first, with actors from the store when a record was saved, and their member units.
 * The caller indexes each just before linking it: indexing a whole batch first (months of a dated stream)
 * would evict the batch's early events from the window before they are linked.
 */
async function digestsOf(ctx: PipelineContext, s: Linking, events: SitrepEvent[]): Promise<Digested[]> {
  if (!events.length) return [];
  const ids = events.map((e) => e.id);
  const members = await ctx.store.events.memberTextsOf(ids, s.units.perEvent);
  const withRecord = events.filter((e) => e.record).map((e) => e.id);
  const stored = withRecord.length ? await ctx.store.events.actorsOfEvents(withRecord) : new Map();
  const digests = events.map((e) => {
    const actors = e.record ? (stored.get(e.id) ?? []) : undefined;
    for (const a of actors ?? []) s.names.set(a.id, a.name);
    const mine = members.get(e.id) ?? [];
    const digest = buildDigest(e, mine, { actors, theatres: s.theatres, names: s.names });
    return { digest, units: memberUnits(mine) };
  });
  return digests.sort((a, b) => a.digest.time - b.digest.time || a.digest.id - b.digest.id);
}

/** The context's linking state, rebuilt from the store's events of the last window on first use. */
async function linkingOf(ctx: PipelineContext): Promise<Linking> {
  const known = linkings.get(ctx);
  if (known) return known;
  const names = new Map<string, string>();
  const s: Linking = {
    index: new LinkIndex({ windowDays: ctx.config["link.windowDays"] }),
    units: new UnitIndex({ windowDays: ctx.config["link.windowDays"] }),
    graph: new LinkGraph(),
    storylines: new StorylineBook((id) => names.get(id) ?? defaultNameOf(id)),
    days: new EscalationDays(),
    names,
    nameOf: (id) => names.get(id) ?? defaultNameOf(id),
    theatres: theatresOf(ctx),
    explainer: explainers.get(ctx) ?? null,
  };
  linkings.set(ctx, s);
  const latest = (await ctx.store.events.listEvents({ limit: 1 }))[0];
  if (!latest) return s;
  const from = new Date(Date.parse(latest.lastUpdated) - ctx.config["link.windowDays"] * DAY_MS);
  const events = await ctx.store.events.listEvents({ from: from.toISOString(), limit: 1_000_000 });
  const digests = (await digestsOf(ctx, s, events)).map(({ digest, units }) => {
    s.units.set(digest, units);
    s.index.upsert(digest);
    return digest;
  });
  const ids = digests.map((d) => d.id);
  const links = await ctx.store.links.linksAmong(ids);
  for (const d of digests) {
    const out = links.filter((l) => l.fromEvent === d.id);
    s.graph.set(d.id, out);
    s.days.record(d, out);
  }
  const inWindow = new Set(ids);
  for (const line of await ctx.store.links.listStorylines())
    if (line.eventIds.some((id) => inWindow.has(id)))
      s.storylines.load(line, (id) => s.index.get(id)?.digest);
  return s;
}

function theatresOf(ctx: PipelineContext): Theatre[] {
  const extra = ctx.config["theatres.extra"];
  return extra.length ? theatreList(extra) : BUILTIN_THEATRES;
}
