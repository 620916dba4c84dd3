// Worker thread entry: normalizes the batches the ingest loop posts (see normalize-thread.ts).
import { parentPort } from "node:worker_threads";
import { normalizeBatch, type RawItem } from "./normalize-article.ts";

/** A batch to normalize, as posted by NormalizeThread. */
export interface NormalizeJob {
  job: number;
  items: RawItem[];
  sourceId: string;
  now: string;
}

parentPort?.on("message", (m: NormalizeJob) => {
  try {
    parentPort?.postMessage({
      job: m.job,
      ok: true,
      batch: normalizeBatch(m.items, m.sourceId, new Date(m.now)),
    });
  } catch (err) {
    parentPort?.postMessage({
      job: m.job,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
    });
  }
});
