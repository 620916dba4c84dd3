import { bcubed } from "../cluster/bcubed.ts";
import type { ConfigKey } from "../config/schema.ts";
import { ingestForEval } from "./eval-store.ts";

/** The `eval cluster` result line. */
export interface ClusterEvalResult {
  task: "cluster";
  articles: number;
  events: number;
  bcubed: { precision: number; recall: number; f1: number };
  seconds: number;
  articles_per_second: number;
}

/** Runs the real pipeline over a labeled file in a temporary store and scores its events against the gold `label` (B-cubed). */
export async function evalCluster(
  input: string,
  overrides: Partial<Record<ConfigKey, unknown>> = {},
): Promise<ClusterEvalResult> {
  const run = await ingestForEval(input, { overrides });
  try {
    const rows = await run.ctx.store.articles.assignments();
    const pred = new Map<string, number>();
    const gold = new Map<string, string>();
    for (const r of rows) {
      if (r.eventId === null || !r.gold?.label) continue;
      pred.set(r.id, r.eventId);
      gold.set(r.id, r.gold.label);
    }
    const s = bcubed(pred, gold);
    return {
      task: "cluster",
      articles: pred.size,
      events: new Set(pred.values()).size,
      bcubed: { precision: round(s.precision), recall: round(s.recall), f1: round(s.f1) },
      seconds: round(run.seconds, 2),
      articles_per_second: Math.round(rows.length / run.seconds),
    };
  } finally {
    await run.dispose();
  }
}

/** Rounds to `d` decimals. */
export function round(x: number, d = 4): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}
