import { Worker } from "node:worker_threads";
import type { RawArticle } from "../model/article.ts";
import type { LinkRequest } from "./link-thread.ts";
import type { PrepareJob } from "./prepare-thread.ts";

/** A call on the pipeline thread: a batch to prepare, or a call on its linker. */
export type ThreadCall =
  | { op: "prepare"; job: PrepareJob }
  | { op: "languages"; items: RawArticle[] }
  | LinkRequest
  | { op: "exit" };

/** A call as posted, with the id its answer carries. */
export type ThreadRequest = ThreadCall & { id: number };

/** The thread's answer to one request. */
export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/**
 * The ingest's second thread (pipeline-worker.ts): it prepares batches (prepare-thread.ts) and links them
 * (link-thread.ts), answering link calls before batches waiting to be prepared, each kind in order. Started
 * on first use. If it fails, every pending and later request fails with the reason; callers then work in place.
 */
export class PipelineThread {
  private worker: Worker | null = null;
  private failure: Error | null = null;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  /** Posts a request; the answer comes back in order with the others. */
  call(request: ThreadCall): Promise<unknown> {
    const w = this.start();
    if (!w) return Promise.reject(this.failure ?? new Error("pipeline thread closed"));
    const id = this.next++;
    return new Promise<unknown>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Held while an answer is awaited: the process must not exit under a pending pass.
      w.ref();
      try {
        w.postMessage({ ...request, id });
      } catch (err) {
        this.waiting.delete(id);
        if (!this.waiting.size) w.unref();
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  /** True once the thread failed or was closed. */
  get closed(): boolean {
    return this.failure !== null;
  }

  /**
   * Stops the thread; pending requests fail. The thread ends its current request and exits by itself:
   * terminating a thread in the middle of its work (or of its start) has crashed V8 ("Check failed:
   * jit_page.has_value()"). It is terminated only if it has not exited after 30 s.
   */
  async close(): Promise<void> {
    const w = this.worker;
    this.fail(new Error("pipeline thread closed"));
    if (!w) return;
    const exited = new Promise<void>((resolve) => w.once("exit", () => resolve()));
    w.ref();
    const stuck = setTimeout(() => void w.terminate(), 30_000);
    try {
      w.postMessage({ op: "exit", id: -1 });
    } catch {
      void w.terminate();
    }
    await exited;
    clearTimeout(stuck);
  }

  private start(): Worker | null {
    if (this.worker || this.failure) return this.worker;
    try {
      // The linker allocates as it links: a young generation near the main thread's (bin/sitrep.js) keeps
      // its short-lived vectors out of the old generation.
      const w = new Worker(new URL("./pipeline-worker.ts", import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: 96 },
      });
      w.unref();
      w.on("message", (r: ThreadReply) => {
        const wait = this.waiting.get(r.id);
        if (!wait) return;
        this.waiting.delete(r.id);
        if (!this.waiting.size) w.unref();
        if (r.ok) wait.resolve(r.value);
        else wait.reject(new Error(r.error));
      });
      w.on("error", (err) => this.fail(err));
      w.on("exit", (code) => this.fail(new Error(`pipeline thread exited (code ${code})`)));
      this.worker = w;
    } catch (err) {
      this.failure = err instanceof Error ? err : new Error(String(err));
    }
    return this.worker;
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.worker = null;
    const pending = [...this.waiting.values()];
    this.waiting.clear();
    for (const p of pending) p.reject(err);
  }
}
