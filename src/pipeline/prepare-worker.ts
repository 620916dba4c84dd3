// Worker thread entry: prepares the batches the ingest loop posts (see prepare-thread.ts).
import { parentPort } from "node:worker_threads";
import { syndicationText, textSignature } from "../dedup/syndication-index.ts";
import { memberUnits } from "../link/build-digest.ts";
import { unitFeatures } from "../link/unit-index.ts";
import { normalizeBatch, type RawItem } from "../normalize/normalize-article.ts";
import { readArticles } from "../synthesize/analyze-members.ts";
import type { PreparedBatch } from "./prepare-thread.ts";

/** A batch to prepare, as posted by PrepareThread. */
export interface PrepareJob {
  job: number;
  items: RawItem[];
  sourceId: string;
  now: string;
  /** Read lead sentences and headlines too (only worth it when the batch will be synthesized). */
  read: boolean;
  /** Make the link index's member-report features too (only worth it when the batch will be linked). */
  units: boolean;
}

parentPort?.on("message", (m: PrepareJob) => {
  try {
    const batch = normalizeBatch(m.items, m.sourceId, new Date(m.now));
    const prepared: PreparedBatch = {
      ...batch,
      readings: m.read ? readArticles(batch.articles) : undefined,
      units: m.units
        ? batch.articles.map((a) => {
            const [text] = memberUnits([a]);
            return [text, unitFeatures(text)];
          })
        : undefined,
      signatures: new Map(batch.articles.map((a) => [a.id, textSignature(syndicationText(a))])),
    };
    parentPort?.postMessage({ job: m.job, ok: true, batch: prepared });
  } catch (err) {
    parentPort?.postMessage({
      job: m.job,
      ok: false,
      error: err instanceof Error ? err.message : String(err),
    });
  }
});
