import { Worker } from "node:worker_threads";
import { type NormalizedBatch, normalizeBatch, type RawItem } from "./normalize-article.ts";
import type { NormalizeJob } from "./normalize-worker.ts";

type Reply = { job: number; ok: true; batch: NormalizedBatch } | { job: number; ok: false; error: string };

/**
 * Normalization (language models, sentence splitting, hashing: a tenth of pipeline time) on a second thread, so
 * a long ingest normalizes its next batch while the current one is clustered, synthesized and linked. The result
 * is the same as normalizing in place: a pure function of the batch. If the thread fails, batches are normalized
 * in place from then on.
 */
export class NormalizeThread {
  private worker: Worker | null = null;
  /** Failed or closed: batches are normalized in place. */
  private broken = false;
  private next = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (b: NormalizedBatch) => void; fallback: () => void }
  >();

  /** Normalizes a batch on the thread (started on first use), in place if the thread cannot be used. */
  normalize(items: RawItem[], sourceId: string, now: Date): Promise<NormalizedBatch> {
    const worker = this.start();
    if (!worker) return Promise.resolve(normalizeBatch(items, sourceId, now));
    const job = this.next++;
    return new Promise((resolve) => {
      const fallback = () => resolve(normalizeBatch(items, sourceId, now));
      this.waiting.set(job, { resolve, fallback });
      const message: NormalizeJob = { job, items, sourceId, now: now.toISOString() };
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
      const w = new Worker(new URL("./normalize-worker.ts", import.meta.url), {
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
