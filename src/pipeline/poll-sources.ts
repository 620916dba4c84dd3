import { errorMessage } from "../model/errors.ts";
import type { Source } from "../model/source.ts";
import { nextPollAt } from "../sources/backoff.ts";
import { ensureOk, safeFetch } from "../sources/fetcher.ts";
import { createHostLimiter, type HostLimiter } from "../sources/host-limiter.ts";
import { parseDocument } from "../sources/parse.ts";
import { createRobotsChecker, type RobotsChecker } from "../sources/robots.ts";
import type { PipelineContext } from "./context.ts";
import { fetchPolicy } from "./fetch-policy.ts";
import { ingestItems } from "./ingest-file.ts";
import { emptyReport, type IngestReport, settleStatus } from "./report.ts";

/** Shared politeness state for one polling run: robots.txt cache and per-host spacing. */
export interface PollRun {
  robots: RobotsChecker;
  hosts: HostLimiter;
}

/** A fresh polling run for the context's config. */
export function newPollRun(ctx: PipelineContext): PollRun {
  const policy = fetchPolicy(ctx.config);
  return {
    robots: createRobotsChecker(policy),
    hosts: createHostLimiter({ minIntervalMs: ctx.config["poll.hostIntervalMs"] }),
  };
}

/**
 * Polls one feed or page: robots.txt, per-host spacing, conditional GET (ETag / Last-Modified), parse,
 * process; records the outcome and the next poll time (exponential back-off after failures) on the source.
 */
export async function pollSource(
  ctx: PipelineContext,
  source: Source,
  run: PollRun = newPollRun(ctx),
  /** Where the parsed items go: processed here by default; scale-out workers queue them (pipeline/work-queue.ts). */
  ingest: typeof ingestItems = ingestItems,
): Promise<IngestReport> {
  const report = emptyReport(source.url);
  const at = ctx.now();
  const policy = fetchPolicy(ctx.config);
  const okDelay = ctx.config["poll.intervalMinutes"] * 60_000;
  try {
    // A skipped poll is a healthy one: the source is polled again at the normal interval.
    const skip = async (reason: string) => {
      report.status = "skipped";
      report.reason = reason;
      await ctx.store.sources.recordPoll(source.id, {
        at: at.toISOString(),
        ok: true,
        nextPollAt: iso(at, okDelay),
        articlesAdded: 0,
      });
      return report;
    };
    if (ctx.config["fetch.respectRobots"] && !(await run.robots.isAllowed(source.url)))
      return await skip("disallowed by robots.txt");
    const delay = await run.robots.crawlDelayMs(source.url);
    if (delay) run.hosts.setInterval(new URL(source.url).host, delay);
    const res = ensureOk(
      await run.hosts.run(source.url, () =>
        safeFetch(source.url, policy, { etag: source.etag, lastModified: source.lastModified }),
      ),
    );
    if (res.notModified) return await skip("not modified since last poll (304)");
    const doc = await parseDocument({
      name: source.url,
      body: res.bytes,
      contentType: res.contentType,
      url: res.url,
    });
    report.errors.push(...doc.errors);
    const title = "title" in doc && typeof doc.title === "string" ? doc.title : null;
    if (doc.format === "opml") {
      for (const f of doc.items)
        await ctx.store.sources.addSource({ kind: "feed", url: f.url, title: f.title }, at.toISOString());
      report.reason = `registered ${doc.items.length} feeds from OPML`;
    } else {
      report.read = doc.errors.length;
      await ingest(
        ctx,
        source.id,
        doc.items.map((raw, i) => ({ item: `${source.url}#${raw.url ?? i + 1}`, raw })),
        report,
      );
    }
    const failedWhole = doc.items.length === 0 && doc.errors.length > 0;
    await ctx.store.sources.recordPoll(source.id, {
      at: at.toISOString(),
      ok: !failedWhole,
      error: failedWhole ? `${doc.errors[0].reason}` : null,
      etag: res.etag,
      lastModified: res.lastModified,
      nextPollAt: failedWhole ? backoff(ctx, source, at) : iso(at, okDelay),
      articlesAdded: report.stored,
      title,
    });
    return settleStatus(report);
  } catch (err) {
    const reason = errorMessage(err);
    report.status = "failed";
    report.reason = reason;
    report.errors.push({ item: source.url, code: "source-unreachable", reason });
    await ctx.store.sources.recordPoll(source.id, {
      at: at.toISOString(),
      ok: false,
      error: reason,
      nextPollAt: backoff(ctx, source, at),
      articlesAdded: 0,
    });
    return report;
  }
}

/** Polls every due source (or all, with `force`), a few at a time; one report per source. */
export async function pollDueSources(
  ctx: PipelineContext,
  options: { force?: boolean; ids?: string[] } = {},
): Promise<IngestReport[]> {
  const all = await sourcesToPoll(ctx, options);
  const run = newPollRun(ctx);
  const reports: IngestReport[] = [];
  // Processing is sequential (one writer); fetching politeness comes from the host limiter.
  for (const s of all) reports.push(await pollSource(ctx, s, run));
  return reports;
}

/** The sources a poll takes: those given by id, every feed and page (`force`), or the due ones. */
export async function sourcesToPoll(
  ctx: PipelineContext,
  options: { force?: boolean; ids?: string[] } = {},
): Promise<Source[]> {
  if (options.ids?.length)
    return (await Promise.all(options.ids.map((id) => ctx.store.sources.getSource(id)))).filter(
      (s): s is Source => s !== null,
    );
  if (options.force) return await ctx.store.sources.listSources(["feed", "page"]);
  return await ctx.store.sources.dueSources(ctx.now().toISOString());
}

/** Next poll time after one more consecutive failure (exponential, capped, deterministic jitter per source). */
function backoff(ctx: PipelineContext, source: Source, at: Date): string {
  const c = ctx.config;
  return nextPollAt(at, source.errorCount + 1, {
    intervalMs: c["poll.intervalMinutes"] * 60_000,
    baseMs: 60_000,
    maxMs: c["poll.maxBackoffMinutes"] * 60_000,
    seed: source.id,
  }).toISOString();
}

function iso(at: Date, delayMs: number): string {
  return new Date(at.getTime() + delayMs).toISOString();
}
