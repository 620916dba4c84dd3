import type { Command } from "commander";
import { SitrepError } from "../model/errors.ts";
import { canonicalUrl } from "../normalize/canonical-url.ts";
import { pollDueSources } from "../pipeline/poll-sources.ts";
import { queuePolls } from "../pipeline/work-queue.ts";
import { type GlobalOptions, openApp, withQueue } from "./app.ts";
import { printReports } from "./print-report.ts";

/** `sitrep sources add|list|remove|poll`: the feed and page registry. */
export function registerSources(program: Command): void {
  const sources = program.command("sources").description("manage polled feeds and pages");
  sources
    .command("add")
    .description("register a feed (RSS, Atom, RDF, JSON Feed) or a page to poll")
    .argument("<url>")
    .option("--page", "a single HTML article page rather than a feed")
    .option("--title <title>")
    .action(async (url: string, opts: { page?: boolean; title?: string }, cmd: Command) => {
      const canon = canonicalUrl(url);
      if (!canon) throw new SitrepError("invalid-input", `${url}: not an http(s) URL`);
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      try {
        const s = await app.store.sources.addSource(
          { kind: opts.page ? "page" : "feed", url: canon, title: opts.title },
          new Date().toISOString(),
        );
        console.log(`${s.id}  ${s.kind}  ${s.url}`);
      } finally {
        await app.close();
      }
    });
  sources
    .command("list")
    .description("list sources with their status")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      try {
        const list = await app.store.sources.listSources();
        if (opts.json) return console.log(JSON.stringify(list, null, 2));
        if (!list.length) console.log("no sources yet: sitrep sources add <feed-url>");
        for (const s of list) {
          const health = s.errorCount
            ? `FAILING x${s.errorCount}: ${s.lastError}`
            : s.lastOkAt
              ? `ok ${s.lastOkAt}`
              : "never polled";
          console.log(
            `${s.id}  ${s.kind.padEnd(5)} ${String(s.articleCount).padStart(6)} articles  ${health}  ${s.url}${s.nextPollAt ? `  next ${s.nextPollAt}` : ""}`,
          );
        }
      } finally {
        await app.close();
      }
    });
  sources
    .command("remove")
    .description("remove a source (its articles stay)")
    .argument("<id-or-url>")
    .action(async (id: string, _opts, cmd: Command) => {
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      try {
        if (!(await app.store.sources.removeSource(id)))
          throw new SitrepError("not-found", `no source ${id}`);
        console.log(`removed ${id}`);
      } finally {
        await app.close();
      }
    });
  sources
    .command("poll")
    .description("poll due sources now (all with --all, or the ids given)")
    .argument("[ids...]")
    .option("--all", "poll every feed and page, due or not")
    .option("--queue", "scale-out: queue the polls for `sitrep worker` processes (PostgreSQL)")
    .action(async (ids: string[], opts: { all?: boolean; queue?: boolean }, cmd: Command) => {
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      try {
        if (opts.queue) {
          const n = await withQueue(app, (addJob) => queuePolls(addJob, app.ctx, { force: opts.all, ids }));
          console.log(n ? `${n} polls queued for the workers` : "no source is due; use --all to poll anyway");
          return;
        }
        const reports = await pollDueSources(app.ctx, { force: opts.all, ids });
        if (!reports.length) console.log("no source is due; use --all to poll anyway");
        else if (!printReports(reports)) process.exitCode = 1;
      } finally {
        await app.close();
      }
    });
}
