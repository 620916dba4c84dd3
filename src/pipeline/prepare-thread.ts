import type { ReadSentence } from "../classify/code-sentence.ts";
import { syndicationText, textSignature } from "../dedup/syndication-index.ts";
import { memberUnits } from "../link/build-digest.ts";
import { unitFeatures } from "../link/unit-index.ts";
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

/** What to make ahead besides normalization: readings (when the batch will be synthesized), features (linked). */
export interface PrepareWants {
  read: boolean;
  units: boolean;
}

/** A batch to prepare, as posted to the pipeline thread. */
export interface PrepareJob extends PrepareWants {
  items: RawItem[];
  sourceId: string;
  now: string;
}

/**
 * The per-article work that depends on nothing but the article, on the pipeline thread. When linking runs
 * there too, only the next batch's languages (the language models' detection); otherwise the whole
 * preparation: normalization (language, sentence splitting, hashing), syndication signatures, the reading of
 * lead sentences and headlines that synthesis and link digests use (actors, roles, event type), and the link
 * index features of each member report. A long ingest prepares its next batch there while the current one
 * is processed. All of it is a pure function of the batch, so the result is the same as in place. If the
 * thread fails, batches are normalized in place from then on (and the rest is computed when needed).
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
    if (this.thread.closed) return Promise.resolve(normalizeBatch(items, sourceId, now));
    return this.thread
      .call({ op: "prepare", job: { items, sourceId, now: now.toISOString(), ...want } })
      .then(
        (b) => b as PreparedBatch,
        () => normalizeBatch(items, sourceId, now),
      );
  }

  /**
   * The languages of a batch's items (languageOf), worked out on the thread while the batch before is
   * processed; null if the thread cannot be used (then they are detected in place).
   */
  languages(items: RawItem[]): Promise<(string | null)[] | null> {
    if (this.thread.closed) return Promise.resolve(null);
    return this.thread.call({ op: "languages", items: items.map((i) => i.raw) }).then(
      (l) => l as (string | null)[],
      () => null,
    );
  }

  /** Stops the thread; pending and later batches are normalized in place. */
  async close(): Promise<void> {
    await this.thread.close();
  }
}

/** The thread's side of a prepare job. */
export function prepareJob(job: PrepareJob): PreparedBatch {
  const batch = normalizeBatch(job.items, job.sourceId, new Date(job.now));
  return {
    ...batch,
    readings: job.read ? readArticles(batch.articles) : undefined,
    units: job.units
      ? batch.articles.map((a): [string, Map<string, number>] => {
          const [text] = memberUnits([a]);
          return [text, unitFeatures(text)];
        })
      : undefined,
    signatures: new Map(batch.articles.map((a) => [a.id, textSignature(syndicationText(a))])),
  };
}
