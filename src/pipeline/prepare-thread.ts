import { Worker } from "node:worker_threads";
import type { ReadSentence } from "../classify/code-sentence.ts";
import { type NormalizedBatch, normalizeBatch, type RawItem } from "../normalize/normalize-article.ts";
import type { PrepareJob } from "./prepare-worker.ts";

/** A normalized batch with the readings of its lead sentences and headlines, when made on the thread. */
export interface PreparedBatch extends NormalizedBatch {
  readings?: [string, ReadSentence][];
  /** Syndication signatures by article id (null: too short to compare). */
  signatures?: Map<string, Uint32Array | null>;
  /** Link index features of each article's member-report text. */
  units?: [string, Map<string, number>][];
}

type Reply = { job: number; ok: true; batch: PreparedBatch } | { job: number; ok: false; error: string };

/**
 * The per-article work that depends on nothing but the article, on a second thread: normalization (language
 * models, sentence splitting, hashing), syndication signatures, the reading of lead sentences and headlines
 * that synthesis and link digests use (actors, roles, event type), and the link index features of each member
 * report. A long ingest prepares its next batch there while the current one is clustered, synthesized and
 * linked. All of it is a pure function of the batch, so the result is the same as in place. If the thread
 * fails, batches are normalized in place from then on (and the rest is computed when needed).
 */
export class PrepareThread {
  private worker: Worker | null = null;
  /** Failed or closed: batches are normalized in place. */
  private broken = false;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (b: PreparedBatch) => void; fallback: () => void }>();

  /** Prepares a batch on the thread (started on first use); normalizes it in place if the thread cannot be used. */
  prepare(
    items: RawItem[],
    sourceId: string,
    now: Date,
    want: { read: boolean; units: boolean } = { read: true, units: true },
  ): Promise<PreparedBatch> {
    const worker = this.start();
    if (!worker) return Promise.resolve(normalizeBatch(items, sourceId, now));
    const job = this.next++;
    return new Promise((resolve) => {
      const fallback = () => resolve(normalizeBatch(items, sourceId, now));
      this.waiting.set(job, { resolve, fallback });
      const message: PrepareJob = { job, items, sourceId, now: now.toISOString(), ...want };
      try {
        worker.postMessage(message);
      } catch {
        this.waiting.delete(job);
        fallback();
      }
    });
  }

  /** Stops the thread; pending and later batches are normalized in place. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.broken = true;
    if (w) await w.terminate();
    this.failAll();
  }

  private start(): Worker | null {
    if (this.worker || this.broken) return this.worker;
    try {
      // A small young generation: the thread holds one batch at a time (the process's 64 MB semi-spaces
      // would add ~400 MB of resident memory for nothing).
      const w = new Worker(new URL("./prepare-worker.ts", import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: 24 },
      });
      w.unref();
      w.on("message", (r: Reply) => {
        const wait = this.waiting.get(r.job);
        if (!wait) return;
        this.waiting.delete(r.job);
        if (r.ok) wait.resolve(r.batch);
        else wait.fallback();
      });
      w.on("error", () => this.fail());
      w.on("exit", () => this.fail());
      this.worker = w;
    } catch {
      this.broken = true;
    }
    return this.worker;
  }

  private fail(): void {
    if (this.worker) this.broken = true;
    this.worker = null;
    this.failAll();
  }

  private failAll(): void {
    const pending = [...this.waiting.values()];
    this.waiting.clear();
    for (const p of pending) p.fallback();
  }
}
