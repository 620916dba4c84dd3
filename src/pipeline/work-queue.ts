import { resolve } from "node:path";
import { type JobHelpers, Logger, type TaskList, type WorkerUtils } from "graphile-worker";
import pg from "pg";
import { SitrepError } from "../model/errors.ts";
import type { RawItem } from "../normalize/normalize-article.ts";
import { parseFile } from "../sources/parse.ts";
import { readNdjsonBatches } from "../sources/parsers/ndjson.ts";
import { type PipelineContext, restoreState } from "./context.ts";
import { namedItems, streamsAsNdjson } from "./ingest-file.ts";
import { forgetLinking } from "./link-events.ts";
import { newPollRun, pollSource, sourcesToPoll } from "./poll-sources.ts";
import { processArticles } from "./process-articles.ts";
import { emptyReport, type IngestReport, settleStatus } from "./report.ts";

/**
 * Scale-out (product.md §5): PostgreSQL is the shared store and, through graphile-worker, the job queue; any number of
 * `sitrep worker` processes on any number of machines take jobs from it.
 *
 * Clustering and linking are online, in stream order, and hold state in memory between batches (the link index's
 * weights, for one, depend on when each event was weighed: a process that rebuilds that state from the store makes
 * about a fifth of its links on CEP differently from one that kept it). So one worker at a time is the pipeline's leader: it
 * holds a PostgreSQL advisory lock for as long as it runs and alone takes the queued batches (`sitrep_process`), in
 * the order they were queued, keeping its state between them. Its results are those of one process ingesting the
 * same batches. The other workers fetch and parse sources in parallel (`sitrep_poll`), queue what they read, and wait
 * for the lock: when the leader stops or dies its lock is released and one of them takes over, reloading the state
 * from the store as a restarted process does (the derive journal gives it the events still owed records and links).
 */
export const PIPELINE_QUEUE = "sitrep-pipeline";

/** True for the PostgreSQL URLs the queue needs (the embedded SQLite file has no queue). */
export function isPostgres(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** A batch of parsed items for the pipeline, as queued. */
export interface ProcessJob {
  sourceId: string;
  items: RawItem[];
}

/** Queues a job: graphile-worker's addJob, from a worker's helpers or from WorkerUtils. */
export type AddJob = WorkerUtils["addJob"];

/** Every minute the schedule queues a poll for each due source (one queued poll per source at a time). */
export const SCHEDULE_CRONTAB = "* * * * * sitrep_schedule";

/**
 * The worker's tasks, run against one context (the worker's store and config). `leader`: with the batches of the
 * pipeline queue; a follower only polls and schedules (graphile-worker gives a worker only jobs of its tasks).
 */
export function workerTasks(ctx: PipelineContext, leader: boolean): TaskList {
  const tasks: TaskList = {
    sitrep_poll: async (payload, helpers: JobHelpers) => {
      const { sourceId } = payload as { sourceId?: unknown };
      if (typeof sourceId !== "string")
        throw new SitrepError("invalid-input", "sitrep_poll: payload needs sourceId");
      const source = await ctx.store.sources.getSource(sourceId);
      if (!source) return; // removed since it was queued
      // Fetched and parsed here, in parallel with other polls; the items join the pipeline queue.
      const report = await pollSource(ctx, source, newPollRun(ctx), async (c, id, items, r) => {
        const jobs = await queueItems(helpers.addJob, c, id, items);
        r.read += items.length;
        r.reason = `${items.length} items queued in ${jobs} batches`;
      });
      ctx.log.info({ source: source.url, status: report.status, reason: report.reason }, "source polled");
    },
    sitrep_schedule: async (_payload, helpers: JobHelpers) => {
      await queuePolls(helpers.addJob, ctx);
    },
  };
  if (!leader) return tasks;
  tasks.sitrep_process = async (payload) => {
    const job = payload as ProcessJob;
    if (!job || typeof job.sourceId !== "string" || !Array.isArray(job.items))
      throw new SitrepError("invalid-input", "sitrep_process: payload needs sourceId and items");
    const report = await processArticles(ctx, job.sourceId, job.items);
    ctx.log.info(
      { source: job.sourceId, read: report.read, stored: report.stored, bad: report.errors.length },
      "batch processed",
    );
  };
  return tasks;
}

/**
 * Makes a context the pipeline's leader after another worker was: the clustering state is reloaded from the store and
 * the linking state rebuilt from it on the next batch, as in a restarted process.
 */
export async function takeOver(ctx: PipelineContext): Promise<void> {
  await restoreState(ctx);
  forgetLinking(ctx);
}

// One key for the whole pipeline: "sitrep" in ASCII.
const LEADER_KEY = 0x73697472;

/** The pipeline leader's lock: a PostgreSQL session advisory lock, held by a connection of its own. */
export class LeaderLock {
  private client: pg.Client | null = null;
  private readonly url: string;
  held = false;

  constructor(url: string) {
    this.url = url;
  }

  /** Takes the lock if no other worker holds it; true when this worker holds it (now or already). */
  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    if (!this.client) {
      this.client = new pg.Client({ connectionString: this.url });
      await this.client.connect();
    }
    const r = await this.client.query<{ ok: boolean }>("select pg_try_advisory_lock($1) as ok", [LEADER_KEY]);
    this.held = r.rows[0]?.ok === true;
    return this.held;
  }

  /**
   * Workers holding batches while this one holds the lock: leaders that died mid-batch (only the leader takes batches,
   * and a live leader holds the lock). graphile-worker would keep their jobs locked for hours.
   */
  async deadLeaders(): Promise<string[]> {
    if (!this.held || !this.client) return [];
    const r = await this.client.query<{ locked_by: string }>(
      "select distinct locked_by from graphile_worker.jobs where task_identifier = 'sitrep_process' and locked_by is not null",
    );
    return r.rows.map((x) => x.locked_by);
  }

  /** Releases the lock (closing the connection releases it too, as when the process dies). */
  async release(): Promise<void> {
    const c = this.client;
    this.client = null;
    this.held = false;
    await c?.end();
  }
}

/** Queues a poll of each source a poll takes (due ones by default); a source already queued is not queued twice. */
export async function queuePolls(
  addJob: AddJob,
  ctx: PipelineContext,
  options: { force?: boolean; ids?: string[] } = {},
): Promise<number> {
  const sources = await sourcesToPoll(ctx, options);
  for (const s of sources)
    await addJob("sitrep_poll", { sourceId: s.id }, { jobKey: `poll:${s.id}`, maxAttempts: 1 });
  return sources.length;
}

/** Queues items in the pipeline's batches (config `ingest.batchSize`), in order; returns the number of jobs. */
export async function queueItems(
  addJob: AddJob,
  ctx: PipelineContext,
  sourceId: string,
  items: RawItem[],
): Promise<number> {
  const size = ctx.config["ingest.batchSize"];
  let jobs = 0;
  for (let i = 0; i < items.length; i += size) {
    await addJob("sitrep_process", { sourceId, items: items.slice(i, i + size) } satisfies ProcessJob, {
      queueName: PIPELINE_QUEUE,
      maxAttempts: 3,
    });
    jobs++;
  }
  return jobs;
}

/**
 * `sitrep ingest --queue`: reads a file into the pipeline's batches and queues them for the workers. Bad items are
 * reported here, with the item and the reason, as a direct ingest would; the good ones are queued.
 */
export async function queueFile(ctx: PipelineContext, addJob: AddJob, path: string): Promise<IngestReport> {
  const abs = resolve(path);
  const source = await ctx.store.sources.addSource(
    { kind: "file", url: `file://${abs}` },
    ctx.now().toISOString(),
  );
  const report = emptyReport(path);
  let jobs = 0;
  let queued = 0;
  try {
    if (streamsAsNdjson(path)) {
      // The same batches as a direct ingest: items and bad lines count toward a batch alike.
      for await (const batch of readNdjsonBatches(path, {
        name: path,
        batchSize: ctx.config["ingest.batchSize"],
      })) {
        report.errors.push(...batch.errors);
        report.read += batch.items.length + batch.errors.length;
        const items = namedItems(path, batch.items);
        if (!items.length) continue;
        await addJob("sitrep_process", { sourceId: source.id, items } satisfies ProcessJob, {
          queueName: PIPELINE_QUEUE,
          maxAttempts: 3,
        });
        jobs++;
        queued += items.length;
      }
    } else {
      const doc = await parseFile(abs, { name: path });
      if (doc.format === "opml")
        throw new SitrepError(
          "invalid-input",
          "an OPML file registers feeds: use `sitrep ingest` without --queue",
        );
      report.errors.push(...doc.errors);
      report.read = doc.items.length + doc.errors.length;
      const items = doc.items.map((raw, i) => ({ item: `${path}#${i + 1}`, raw }));
      jobs = await queueItems(addJob, ctx, source.id, items);
      queued = items.length;
    }
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
    const message = err instanceof Error ? err.message : String(err);
    report.status = "failed";
    report.errors.push({
      item: path,
      code: "invalid-input",
      // The item already names the file.
      reason: missing
        ? "no such file"
        : message.startsWith(`${path}: `)
          ? message.slice(path.length + 2)
          : message,
    });
    return report;
  }
  report.reason = `${queued} items queued in ${jobs} batches for the workers`;
  return settleStatus(report);
}

/** graphile-worker's log lines through the context's logger. */
export function workerLogger(ctx: PipelineContext): Logger {
  return new Logger((scope) => (level, message, meta) => {
    // A job's payload is a whole batch of articles: the log names the job, not its contents.
    const { job, ...rest } = (meta ?? {}) as { job?: { id?: unknown; task_identifier?: unknown } };
    const line = { ...scope, ...rest, ...(job ? { job: { id: job.id, task: job.task_identifier } } : {}) };
    if (level === "error") ctx.log.error(line, message);
    else if (level === "warning") ctx.log.warn(line, message);
    else if (level === "info") ctx.log.info(line, message);
    else ctx.log.debug(line, message);
  });
}
