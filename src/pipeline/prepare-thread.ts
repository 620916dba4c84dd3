import type { ReadSentence } from "../classify/code-sentence.ts";
import { syndicationText, textSignature } from "../dedup/syndication-index.ts";
import { memberUnits } from "../link/build-digest.ts";
import { unitFeatures } from "../link/unit-index.ts";
import type { Article } from "../model/article.ts";
import { type NormalizedBatch, normalizeBatch, type RawItem } from "../normalize/normalize-article.ts";
import { readArticles } from "../synthesize/analyze-members.ts";
import { PipelineThread } from "./pipeline-thread.ts";

/** A normalized batch with what was made ahead for it on the thread. */
export interface PreparedBatch extends NormalizedBatch {
  readings?: [string, ReadSentence][];
  /** Syndication signatures by article id (null: too short to compare). */
  signatures?: Map<string, Uint32Array | null>;
  /** Link index features of each article's member-report text. */
  units?: [string, Map<string, number>][];
}

/**
 * What to make ahead: the readings of lead sentences and headlines (when the batch will be synthesized), and
 * the link index features of member reports (when it will be linked): returned, or kept on the thread for
 * its own linker ("keep").
 */
export interface PrepareWants {
  read: boolean;
  units: boolean | "keep";
}

/** A batch to prepare, as posted to the pipeline thread: raw items to normalize, or articles normalized already. */
export type PrepareJob = PrepareWants &
  ({ items: RawItem[]; sourceId: string; now: string } | { articles: Article[] });

/**
 * The per-article work that depends on nothing but the article, on the pipeline thread: normalization
 * (language models, sentence splitting, hashing), syndication signatures, the reading of lead sentences and
 * headlines that synthesis and link digests use (actors, roles, event type), and the link index features of
 * each member report. A long ingest prepares its next batch there while the current one is clustered,
 * synthesized and linked. All of it is a pure function of the batch, so the result is the same as in place.
 * If the thread fails, batches are normalized in place from then on (and the rest is computed when needed).
 */
export class PrepareThread {
  private readonly thread: PipelineThread;

  constructor(thread = new PipelineThread()) {
    this.thread = thread;
  }

  /** Normalizes and prepares a batch on the thread; normalizes it in place if the thread cannot be used. */
  prepare(
    items: RawItem[],
    sourceId: string,
    now: Date,
    want: PrepareWants = { read: true, units: true },
  ): Promise<PreparedBatch> {
    return this.run({ items, sourceId, now: now.toISOString(), ...want }).then(
      (b) => b as PreparedBatch,
      () => normalizeBatch(items, sourceId, now),
    );
  }

  /** Prepares a batch normalized here; returns it as it is if the thread cannot be used. */
  complete(batch: NormalizedBatch, want: PrepareWants): Promise<PreparedBatch> {
    return this.run({ articles: batch.articles, ...want }).then(
      (made) => ({ ...batch, ...(made as Omit<PreparedBatch, keyof NormalizedBatch>) }),
      () => batch,
    );
  }

  /** Stops the thread; pending and later batches are normalized in place. */
  async close(): Promise<void> {
    await this.thread.close();
  }

  private run(job: PrepareJob): Promise<unknown> {
    if (this.thread.closed) return Promise.reject(new Error("closed"));
    return this.thread.call({ op: "prepare", job });
  }
}

/**
 * The thread's side of a prepare job: the prepared batch, or only what was made ahead when given articles.
 * Articles are worked through `step` at a time, yielding between steps (the thread answers link calls there);
 * the result is the same as in one go.
 */
export function* prepareJob(
  job: PrepareJob,
  step = 250,
): Generator<void, PreparedBatch | Omit<PreparedBatch, keyof NormalizedBatch>> {
  const batch = "articles" in job ? null : normalizeBatch(job.items, job.sourceId, new Date(job.now));
  const articles = batch ? batch.articles : (job as { articles: Article[] }).articles;
  const readings = new Map<string, ReadSentence>();
  const units: [string, Map<string, number>][] = [];
  const signatures = new Map<string, Uint32Array | null>();
  for (let i = 0; i < articles.length; i += step) {
    if (i > 0) yield;
    const part = articles.slice(i, i + step);
    if (job.read) for (const [text, r] of readArticles(part)) if (!readings.has(text)) readings.set(text, r);
    if (job.units)
      for (const a of part) {
        const [text] = memberUnits([a]);
        const f = unitFeatures(text);
        if (job.units !== "keep") units.push([text, f]);
      }
    for (const a of part) signatures.set(a.id, textSignature(syndicationText(a)));
  }
  return {
    ...batch,
    readings: job.read ? [...readings] : undefined,
    units: job.units && job.units !== "keep" ? units : undefined,
    signatures,
  };
}
