import { rememberReadings } from "../classify/code-sentence.ts";
import type { ClusterEventState } from "../cluster/event-data.ts";
import { syndicationText } from "../dedup/syndication-index.ts";
import { rememberUnitFeatures } from "../link/unit-index.ts";
import type { Article } from "../model/article.ts";
import { errorMessage } from "../model/errors.ts";
import type { EventChange, SitrepEvent } from "../model/event.ts";
import { normalizeBatch, type RawItem } from "../normalize/normalize-article.ts";
import type { Store } from "../store/store.ts";
import { type PipelineContext, restoreState, saveState } from "./context.ts";
import { owe, resumeOwed, settle } from "./derive-journal.ts";
import { linkingInstalled } from "./link-events.ts";
import type { PreparedBatch } from "./prepare-thread.ts";
import { emptyReport, type IngestReport } from "./report.ts";

/** What one refine() call changed. */
type RefineStep = ReturnType<PipelineContext["clusterer"]["refine"]>;

/** One input item with the name errors should use (file:line, URL...). */
export type InputItem = RawItem;

/**
 * The core use case: normalize, drop articles already stored, mark syndicated copies, assign events,
 * and commit articles, events, merges and the clustering state in one transaction.
 */
export async function processArticles(
  ctx: PipelineContext,
  sourceId: string,
  items: InputItem[],
): Promise<IngestReport> {
  return processNormalized(ctx, sourceId, items.length, normalizeBatch(items, sourceId, ctx.now()));
}

/** processArticles after normalization: `read` items gave `batch` (normalized here or on another thread). */
export async function processNormalized(
  ctx: PipelineContext,
  sourceId: string,
  read: number,
  batch: PreparedBatch,
): Promise<IngestReport> {
  await resumeOwed(ctx, linkingInstalled(ctx));
  if (batch.readings) rememberReadings(batch.readings);
  if (batch.units) rememberUnitFeatures(batch.units);
  const report = emptyReport(sourceId);
  report.read = read;
  report.errors.push(...batch.errors);
  report.warnings.push(...batch.warnings);
  const now = ctx.now();
  const fresh = await dropKnown(ctx.store, batch.articles, report);
  if (!fresh.length) return report;
  fresh.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
  let touchedIds: number[] = [];
  const unlinked = new Set<number>();
  try {
    const touched = await ctx.store.transaction(async (tx) => {
      let seq = await tx.articles.maxSeq();
      for (const a of fresh) a.seq = ++seq;
      const seen = new Map<number, ClusterEventState>();
      const steps: RefineStep[] = [];
      const placement = new Map<string, number>();
      const changes = assignEvents(ctx, fresh, report, now, seen, steps, placement, batch.signatures);
      // Maintenance also closes each batch: merge fragments, split drifted events, move misplaced articles.
      steps.push(remember(ctx, ctx.clusterer.refine(), seen, placement));
      const merges = steps.flatMap((st) => st.merges);
      const moves = steps.flatMap((st) => st.moves);
      report.events.merged = merges.length;
      await tx.articles.insertArticles(fresh);
      for (const step of steps) {
        for (const m of step.merges) {
          await tx.articles.moveEvent(m.from, m.to);
          await tx.events.setRedirect(m.from, m.to);
          for (const id of await tx.links.removeLinksOf(m.from)) unlinked.add(id);
          changes.push({
            eventId: m.to,
            change: {
              at: now.toISOString(),
              kind: "merged",
              detail: `event #${m.from} merged into this one`,
            },
          });
          changes.push({
            eventId: m.from,
            change: { at: now.toISOString(), kind: "merged", detail: `merged into event #${m.to}` },
          });
        }
        for (const m of step.moves) {
          const to = m.to;
          await tx.articles.assignEvent(m.articleIds, to);
          const detail = `${m.articleIds.length} article(s) moved`;
          changes.push({
            eventId: m.from,
            change: { at: now.toISOString(), kind: "split", detail: `${detail} to event #${to}` },
          });
          changes.push({
            eventId: to,
            change: { at: now.toISOString(), kind: "split", detail: `${detail} from event #${m.from}` },
          });
        }
      }
      // The events to write: where the batch's articles ended up, and every event a refine step touched.
      const ids = [
        ...new Set([
          ...placement.values(),
          ...merges.map((m) => m.to),
          ...moves.flatMap((m) => [m.from, m.to]),
        ]),
      ];
      // An event can leave the clusterer's window inside a long batch: then its last seen state is written.
      await tx.events.upsertEvents(
        ids.flatMap((id) => eventRow(ctx.clusterer.event(id) ?? seen.get(id), now) ?? []),
      );
      await tx.events.addChanges(changes);
      await saveState(ctx, tx);
      // Their records and links are owed until written (a run killed before then writes them on restart).
      if (ctx.onEventsChanged) await owe(tx, [...ids, ...unlinked]);
      return ids;
    });
    report.stored = fresh.length;
    touchedIds = touched;
  } catch (err) {
    await restoreState(ctx);
    throw err;
  }
  // The batch is committed: a failure to write records or links is reported, not a lost batch.
  if (ctx.onEventsChanged && touchedIds.length) {
    try {
      await ctx.onEventsChanged(ctx, touchedIds, [...unlinked]);
      // Linking settles what it links when it writes the links (on the pipeline thread, passes later).
      if (!linkingInstalled(ctx))
        await ctx.store.transaction((tx) => settle(tx, [...touchedIds, ...unlinked]));
    } catch (err) {
      ctx.log.error({ err: errorMessage(err), events: touchedIds.length }, "synthesis or linking failed");
      report.warnings.push({
        item: `${touchedIds.length} events`,
        code: "internal",
        reason: `records not updated: ${errorMessage(err)}`,
      });
    }
  }
  return report;
}

/** Removes articles already stored or repeated inside the batch (same id, canonical URL or content). */
async function dropKnown(store: Store, articles: Article[], report: IngestReport): Promise<Article[]> {
  const known = await store.articles.findKnown({
    ids: articles.map((a) => a.id),
    urls: articles.flatMap((a) => a.canonicalUrl ?? []),
    hashes: articles.map((a) => a.contentHash),
  });
  const out: Article[] = [];
  for (const a of articles) {
    const keys = [a.id, a.contentHash, ...(a.canonicalUrl ? [a.canonicalUrl] : [])];
    if (keys.some((k) => known.has(k))) {
      report.duplicates++;
      continue;
    }
    for (const k of keys) known.add(k);
    out.push(a);
  }
  return out;
}

function assignEvents(
  ctx: PipelineContext,
  articles: Article[],
  report: IngestReport,
  now: Date,
  seen: Map<number, ClusterEventState>,
  steps: RefineStep[],
  placement: Map<string, number>,
  signatures?: Map<string, Uint32Array | null>,
): { eventId: number; change: EventChange }[] {
  const every = ctx.config["cluster.refineEvery"];
  const changes: { eventId: number; change: EventChange }[] = [];
  for (const a of articles) {
    const time = a.dateEstimated ? null : Date.parse(a.publishedAt);
    a.syndicatedOf = ctx.syndication.check(
      a.id,
      syndicationText(a),
      time ?? now.getTime(),
      signatures?.get(a.id),
    );
    if (a.syndicatedOf) report.syndicated++;
    const r = ctx.clusterer.add({
      id: a.id,
      title: a.title,
      text: a.text,
      time,
      outlet: a.outlet,
      syndicatedOf: a.syndicatedOf,
    });
    a.eventId = r.eventId;
    const state = ctx.clusterer.event(r.eventId);
    if (state) seen.set(r.eventId, state);
    // Refining at fixed points of the stream (by ingest sequence) keeps the events independent of batch size.
    placement.set(a.id, r.eventId);
    if (a.seq % every === 0) steps.push(remember(ctx, ctx.clusterer.refine(), seen, placement));
    if (r.isNew) report.events.created++;
    else report.events.updated++;
    const what = `${a.outlet ?? "unknown outlet"}: "${a.title.slice(0, 120)}"${a.syndicatedOf ? " (syndicated copy)" : ""}`;
    changes.push({
      eventId: r.eventId,
      // When a source joined is when it was published (fetch time for live feeds, the date for replays).
      change: {
        at: a.publishedAt,
        kind: r.isNew ? "created" : "source-added",
        detail: r.isNew ? `first report — ${what}` : `new source — ${what}`,
      },
    });
  }
  return changes;
}

/**
 * Fixes a refine step's targets at the moment it happens (a target may leave the window, and its redirects
 * with it, before the batch ends), keeps the state of every event it touched, and follows the batch's
 * articles to their events.
 */
function remember(
  ctx: PipelineContext,
  step: RefineStep,
  seen: Map<number, ClusterEventState>,
  placement: Map<string, number>,
): RefineStep {
  const c = ctx.clusterer;
  const merges = step.merges.map((m) => ({ from: m.from, to: c.resolve(m.to) }));
  const moves = step.moves.map((m) => ({ ...m, from: c.resolve(m.from), to: c.resolve(m.to) }));
  for (const m of merges) for (const [id, ev] of placement) if (ev === m.from) placement.set(id, m.to);
  for (const m of moves) for (const id of m.articleIds) if (placement.has(id)) placement.set(id, m.to);
  for (const id of [...merges.map((m) => m.to), ...moves.flatMap((m) => [m.from, m.to])]) {
    const state = c.event(id);
    if (state) seen.set(state.id, state);
  }
  return { merges, moves };
}

function eventRow(e: ClusterEventState | undefined, now: Date): SitrepEvent | null {
  if (!e) return null;
  const iso = (ms: number | null) => new Date(ms ?? now.getTime()).toISOString();
  return {
    id: e.id,
    redirectTo: null,
    firstSeen: iso(e.firstSeen),
    lastUpdated: iso(e.lastUpdated),
    articleCount: e.articleIds.length,
    sourceCount: e.sourceCount,
    topEntities: e.topEntities,
    record: null,
  };
}
