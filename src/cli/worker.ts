import type { Command } from "commander";
import { makeWorkerUtils, type Runner, run, runMigrations, runOnce } from "graphile-worker";
import { z } from "zod";
import { SitrepError } from "../model/errors.ts";
import {
  isPostgres,
  LeaderLock,
  SCHEDULE_CRONTAB,
  takeOver,
  workerLogger,
  workerTasks,
} from "../pipeline/work-queue.ts";
import { type App, type GlobalOptions, openApp } from "./app.ts";

const args = z.object({
  concurrency: z.coerce.number().int().min(1).max(64),
  once: z.boolean(),
  schedule: z.boolean(),
  leaderCheck: z.coerce.number().min(0.1).max(3600),
});

/**
 * `sitrep worker`: a scale-out worker on PostgreSQL (pipeline/work-queue.ts). The pipeline's leader processes the
 * queued batches (`sitrep ingest --queue`, polled feeds) in order; every worker polls sources in parallel and every
 * minute queues the due ones; a follower takes over when the leader goes. `--once` works until nothing is left that
 * it may take, then exits.
 */
export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("scale-out worker: processes queued batches and polls sources from the PostgreSQL job queue")
    .option("--concurrency <n>", "jobs at once (the leader's batches still run one at a time)", "4")
    .option("--once", "work until nothing is left that this worker may take, then exit", false)
    .option("--no-schedule", "do not queue due sources every minute")
    .option("--leader-check <seconds>", "how often a follower tries to become the leader", "5")
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const parsed = args.safeParse(opts);
      if (!parsed.success)
        throw new SitrepError(
          "invalid-input",
          `worker: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`,
        );
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      const url = app.config["database.url"];
      const lock = new LeaderLock(url);
      try {
        if (!isPostgres(url))
          throw new SitrepError(
            "invalid-input",
            "worker needs PostgreSQL: --db postgres://… or SITREP_DATABASE_URL (the job queue lives there)",
          );
        await work(app, lock, parsed.data);
      } finally {
        await lock.release();
        await app.close();
      }
    });
}

async function work(app: App, lock: LeaderLock, o: z.infer<typeof args>): Promise<void> {
  const base = { connectionString: app.config["database.url"], logger: workerLogger(app.ctx) };
  // The batch a dead leader held goes back to the queue, to be processed again from the state it left committed.
  const reclaim = async () => {
    const dead = await lock.deadLeaders();
    if (!dead.length) return;
    const utils = await makeWorkerUtils(base);
    try {
      await utils.forceUnlockWorkers(dead);
    } finally {
      await utils.release();
    }
    app.log.warn({ workers: dead }, "unlocked the batches of a leader that stopped mid-batch");
  };
  await runMigrations(base);
  let leader = await lock.tryAcquire();
  if (leader) await reclaim();
  app.log.info(
    { leader },
    leader ? "worker started as the pipeline's leader" : "worker started as a follower",
  );
  if (o.once) {
    await runOnce({ ...base, taskList: workerTasks(app.ctx, leader) });
    return;
  }
  const start = (asLeader: boolean): Promise<Runner> =>
    run({
      ...base,
      concurrency: o.concurrency,
      taskList: workerTasks(app.ctx, asLeader),
      ...(o.schedule ? { crontab: SCHEDULE_CRONTAB } : {}),
    });
  let runner = await start(leader);
  // A follower keeps trying the lock; when the leader is gone it reloads the state and takes the batches too.
  while (!leader) {
    const stopped = await Promise.race([
      runner.promise.then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), o.leaderCheck * 1000)),
    ]);
    if (stopped) return;
    if (!(await lock.tryAcquire())) continue;
    leader = true;
    await runner.stop();
    await reclaim();
    await takeOver(app.ctx);
    app.log.info("this worker is now the pipeline's leader");
    runner = await start(true);
  }
  await runner.promise;
}
