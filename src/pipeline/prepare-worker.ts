// Worker thread entry: prepares the batches the ingest loop posts (see prepare-thread.ts).
import { parentPort } from "node:worker_threads";
import { normalizeBatch, type RawItem } from "../normalize/normalize-article.ts";
import { readArticles } from "../synthesize/analyze-members.ts";

/** A batch to prepare, as posted by PrepareThread. */
export interface PrepareJob {
  job: number;
  items: RawItem[];
  sourceId: string;
  now: string;
}

parentPort?.on("message", (m: PrepareJob) => {
  try {
    const batch = normalizeBatch(m.items, m.sourceId, new Date(m.now));
    parentPort?.postMessage({
      job: m.job,
      ok: true,
      batch: { ...batch, readings: readArticles(batch.articles) },
    });
  } catch (err) {
    parentPort?.postMessage({
      job: m.job,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
    });
  }
});
