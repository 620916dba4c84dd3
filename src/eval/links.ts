import { existsSync } from "node:fs";
import type { PipelineContext } from "../pipeline/context.ts";
import { installLinking } from "../pipeline/link-events.ts";
import { round } from "./cluster.ts";
import { ingestForEval } from "./eval-store.ts";
import {
  type GoldAudit,
  goldAudit,
  linkMetrics,
  type StorylineMetrics,
  storylineMetrics,
} from "./link-metrics.ts";

/** The `eval links` result line. */
export interface LinksEvalResult {
  task: "links";
  entries: number;
  events: number;
  links: number;
  label_precision: number;
  leaf_precision: number;
  story_recall: number;
  seconds: number;
}

/**
 * Runs the real pipeline (clustering, synthesis when installed, linking) over a CEP file in date order in a
 * temporary store, and scores every link the system made against the gold story labels.
 */
export async function evalLinks(
  input: string,
  options: {
    from?: string;
    to?: string;
    synthesis?: boolean;
    overrides?: Partial<Record<import("../config/schema.ts").ConfigKey, unknown>>;
    /** Receives the gold audit (how far the story labels can be trusted, and the metrics where they can). */
    onAudit?: (audit: GoldAudit) => void;
    /** Receives how well the storylines follow the gold stories. */
    onStorylines?: (m: StorylineMetrics) => void;
  } = {},
): Promise<LinksEvalResult> {
  const synthesis = options.synthesis === false ? null : await loadSynthesis();
  const run = await ingestForEval(input, {
    from: options.from,
    to: options.to,
    overrides: options.overrides,
    setup: (ctx) => {
      synthesis?.(ctx);
      installLinking(ctx);
    },
  });
  try {
    const rows = await run.ctx.store.articles.assignments();
    const texts = options.onAudit ? await entryTexts(run.ctx) : new Map<string, string>();
    const members = rows.flatMap((r) =>
      r.eventId === null
        ? []
        : [{ eventId: r.eventId, gold: r.gold, time: Date.parse(r.publishedAt), text: texts.get(r.id) }],
    );
    const links = await run.ctx.store.links.allLinks();
    const m = linkMetrics(members, links);
    if (options.onAudit) options.onAudit(roundAll(goldAudit(members, links, await placedIn(run.ctx))));
    if (options.onStorylines)
      options.onStorylines(roundAll(storylineMetrics(members, await run.ctx.store.links.listStorylines())));
    return {
      task: "links",
      entries: rows.length,
      events: new Set(members.map((x) => x.eventId)).size,
      links: m.links,
      label_precision: round(m.label_precision, 3),
      leaf_precision: round(m.leaf_precision, 3),
      story_recall: round(m.story_recall, 3),
      seconds: round(run.seconds, 1),
    };
  } finally {
    await run.dispose();
  }
}

async function entryTexts(ctx: PipelineContext): Promise<Map<string, string>> {
  const rows = await ctx.store.db.selectFrom("articles").select(["id", "title", "text"]).execute();
  return new Map(rows.map((r) => [r.id, `${r.title} ${r.text}`]));
}

/** The theatres each event is placed in. */
async function placedIn(ctx: PipelineContext): Promise<Map<number, Set<string>>> {
  const rows = await ctx.store.db.selectFrom("event_theatres").select(["event_id", "theatre_id"]).execute();
  const out = new Map<number, Set<string>>();
  for (const r of rows)
    out.set(Number(r.event_id), (out.get(Number(r.event_id)) ?? new Set()).add(r.theatre_id));
  return out;
}

function roundAll<T extends object>(a: T): T {
  const out = { ...a } as Record<string, number>;
  for (const k of Object.keys(out)) out[k] = round(out[k], 3);
  return out as T;
}

// Synthesis is another stage's work: used when src/pipeline/synthesize-events.ts offers installSynthesis.
async function loadSynthesis(): Promise<((ctx: PipelineContext) => void) | null> {
  const url = new URL("../pipeline/synthesize-events.ts", import.meta.url);
  if (!existsSync(url)) return null;
  const mod = (await import(url.href)) as { installSynthesis?: (ctx: PipelineContext) => void };
  return mod.installSynthesis ?? null;
}
