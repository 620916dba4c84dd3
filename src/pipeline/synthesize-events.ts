import { listedActor } from "../actors/mention.ts";
import { directionOf } from "../classify/direction.ts";
import { assignTheatres, theatreList } from "../classify/theatres.ts";
import type { Actor } from "../model/actor.ts";
import type { Article } from "../model/article.ts";
import type { Direction, EventChange, EventRecord, SitrepEvent } from "../model/event.ts";
import type { Theatre } from "../model/theatre.ts";
import { analyzeMembers } from "../synthesize/analyze-members.ts";
import type { SynthesisEngine } from "../synthesize/engine.ts";
import { createExtractiveEngine } from "../synthesize/extractive/create-extractive-engine.ts";
import { fullContent } from "../synthesize/full-content.ts";
import { createLlmEngine } from "../synthesize/llm/create-llm-engine.ts";
import { llmOptionsFrom } from "../synthesize/llm/llm-client.ts";
import { outletActor } from "../synthesize/outlet-actor.ts";
import type { PipelineContext } from "./context.ts";

const engines = new WeakMap<PipelineContext, { engine: SynthesisEngine; theatres: Theatre[] }>();

/** True when batches of this context are synthesized (their lead sentences will be read). */
export function synthesisInstalled(ctx: PipelineContext): boolean {
  return engines.has(ctx);
}

/** Makes every committed batch re-synthesize the records of the events it touched (runs before any later hook). */
export function installSynthesis(ctx: PipelineContext, engine?: SynthesisEngine): void {
  engines.set(ctx, {
    engine: engine ?? createEngine(ctx),
    theatres: theatreList(ctx.config["theatres.extra"]),
  });
  const next = ctx.onEventsChanged;
  ctx.onEventsChanged = async (c, ids, unlinked) => {
    await synthesizeEvents(c, ids);
    await next?.(c, ids, unlinked);
  };
}

/** The configured engine: extractive by default, the LLM engine (with extractive fallback) when configured. */
function createEngine(ctx: PipelineContext): SynthesisEngine {
  const extractive = createExtractiveEngine();
  if (ctx.config["synth.engine"] !== "llm") return extractive;
  return createLlmEngine({ ...llmOptionsFrom(ctx.config), fallback: extractive });
}

/** Writes (or rewrites) the record of each live event: actors, type, intensity, theatres, direction, text. */
export async function synthesizeEvents(ctx: PipelineContext, ids: number[]): Promise<number> {
  const setup = engines.get(ctx) ?? {
    engine: createExtractiveEngine(),
    theatres: theatreList(ctx.config["theatres.extra"]),
  };
  const events = (await ctx.store.events.getEvents([...new Set(ids)])).filter((e) => e.redirectTo === null);
  if (!events.length) return 0;
  const members = await ctx.store.articles.articlesOfEvents(events.map((e) => e.id));
  const changes: { eventId: number; change: EventChange }[] = [];
  const at = ctx.now().toISOString();
  // Records are computed before the write transaction: SQLite has one connection, and reads outside a
  // running transaction would wait for it forever.
  const written: { event: SitrepEvent; record: EventRecord; actors: Actor[] }[] = [];
  // In time order, so each event's direction sees the earlier events of the same batch too.
  events.sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id - b.id);
  const batch: Recent[] = [];
  const stored = new StoredIntensities(ctx, events);
  for (const event of events) {
    const articles = members.get(event.id) ?? [];
    if (!articles.length) continue;
    const { record, actors } = await synthesizeOne(setup, event, articles, batch, stored);
    written.push({ event, record, actors });
    if (record.intensity !== null)
      batch.push({
        id: event.id,
        time: event.firstSeen,
        theatres: record.theatres,
        intensity: record.intensity,
      });
    const prev = event.record;
    if (prev && (prev.title !== record.title || prev.summary[0]?.text !== record.summary[0]?.text))
      changes.push({
        eventId: event.id,
        change: {
          at,
          kind: "resynthesized",
          detail: `record rewritten from ${articles.length} articles${prev.title !== record.title ? `; title was "${prev.title}"` : ""}`,
        },
      });
  }
  await ctx.store.transaction(async (tx) => {
    await tx.events.saveRecords(
      written.map((w) => ({
        id: w.event.id,
        record: w.record,
        actors: w.actors.map(listedActor),
      })),
    );
    await tx.events.addChanges(changes);
  });
  return events.length;
}

async function synthesizeOne(
  setup: { engine: SynthesisEngine; theatres: Theatre[] },
  event: SitrepEvent,
  articles: Article[],
  batch: Recent[],
  stored: StoredIntensities,
): Promise<{ record: EventRecord; actors: Actor[] }> {
  const m = analyzeMembers(articles);
  const outlets = [...new Set(articles.map((a) => a.outlet).filter((o): o is string => !!o))].flatMap(
    (o) => outletActor(o) ?? [],
  );
  const actors = [
    ...m.actors,
    ...outlets.filter((o) => o.stateMedia && !m.actors.some((a) => a.id === o.id)),
  ];
  // Theatre evidence comes from who acts and who is acted upon, not from every country named in passing.
  const text = articles.map((a) => `${a.title} ${a.sentences.slice(0, 3).join(" ")}`).join(" ");
  const theatres = assignTheatres(
    {
      actors: [...new Set([...m.sources.slice(0, 4), ...m.targets.slice(0, 3), ...m.places.slice(0, 2)])],
      places: [],
      text,
    },
    setup.theatres,
  ).slice(0, 3);
  const direction: Direction = await directionFor(
    stored,
    event,
    theatres.map((t) => t.id),
    m.intensity,
    batch,
  );
  const out = await setup.engine.synthesize({
    eventId: event.id,
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      outlet: a.outlet,
      publishedAt: a.publishedAt,
      url: a.url,
      syndicated: !!a.syndicatedOf,
    })),
    sentences: m.sentences,
    actors,
    actorSentences: m.actorSentences,
    mentions: m.mentions,
    // Who did the event's act to whom; when no headline or opening sentence names its doer, the engine goes by
    // the event's actors, strongest first.
    roles: m.actSources.length ? { sources: m.actSources, targets: m.actTargets } : undefined,
    type: m.type,
    cameo: m.cameo,
    intensity: m.intensity,
    direction,
    theatres: theatres.map((t) => ({ id: t.id, name: t.name })),
    location: m.location,
  });
  const record: EventRecord = {
    title: out.title,
    summary: out.summary,
    significance: out.significance,
    content: fullContent(articles),
    responses: out.responses,
    type: m.type,
    intensity: m.intensity,
    direction,
    location: m.location,
    theatres: theatres.map((t) => t.id),
    engine: out.engine,
    fallbacks: out.fallbacks,
  };
  return { record, actors };
}

/** An intensity written earlier in the same batch. */
interface Recent {
  id: number;
  time: string;
  theatres: string[];
  intensity: number;
}

/** Direction of an event against its theatres' events of the 14 days before it (stored, or earlier in this batch). */
async function directionFor(
  stored: StoredIntensities,
  event: SitrepEvent,
  theatres: string[],
  intensity: number | null,
  batch: Recent[],
): Promise<Direction> {
  if (!theatres.length || intensity === null) return "unknown";
  const from = new Date(Date.parse(event.firstSeen) - DIRECTION_DAYS * 86_400_000).toISOString();
  const recent = new Map<number, number>();
  for (const t of theatres.slice(0, 2)) {
    for (const e of await stored.of(t))
      if (e.firstSeen >= from && e.firstSeen < event.firstSeen && e.id !== event.id)
        recent.set(e.id, e.intensity);
    for (const r of batch) if (r.time >= from && r.theatres.includes(t)) recent.set(r.id, r.intensity);
  }
  return directionOf(intensity, [...recent.values()]);
}

const DIRECTION_DAYS = 14;

/**
 * Stored intensities per theatre over a batch's time span (read once per theatre: the store does not change
 * while a batch is synthesized, and a query per event and theatre was a tenth of the store's time in ingest).
 */
class StoredIntensities {
  private readonly ctx: PipelineContext;
  private readonly from: string;
  private readonly to: string;
  private readonly byTheatre = new Map<
    string,
    Promise<{ id: number; firstSeen: string; intensity: number }[]>
  >();

  constructor(ctx: PipelineContext, events: SitrepEvent[]) {
    this.ctx = ctx;
    const times = events.map((e) => Date.parse(e.firstSeen));
    this.from = new Date(Math.min(...times) - DIRECTION_DAYS * 86_400_000).toISOString();
    // The last event's own instant is excluded per event, so the span ends just after it.
    this.to = new Date(Math.max(...times) + 1).toISOString();
  }

  of(theatre: string) {
    let rows = this.byTheatre.get(theatre);
    if (!rows) {
      rows = this.ctx.store.events.intensitiesBetween(theatre, this.from, this.to);
      this.byTheatre.set(theatre, rows);
    }
    return rows;
  }
}
