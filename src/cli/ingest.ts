import { createReadStream, existsSync, statSync } from "node:fs";
import type { Command } from "commander";
import { errorCode, errorMessage } from "../model/errors.ts";
import { ingestFile, ingestStdin } from "../pipeline/ingest-file.ts";
import { ingestUrl } from "../pipeline/ingest-url.ts";
import { emptyReport, type IngestReport } from "../pipeline/report.ts";
import { queueFile } from "../pipeline/work-queue.ts";
import { type GlobalOptions, openApp, withQueue } from "./app.ts";
import { printReports } from "./print-report.ts";
import { startProgress } from "./progress.ts";

/** `sitrep ingest <file|url|->...`: stores articles from files, URLs (feeds or pages) and stdin, with a report. */
export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("ingest articles from files (NDJSON, CSV, feeds, HTML, OPML), URLs or - for stdin")
    .argument("<inputs...>", "file paths, http(s) URLs, or - for standard input")
    .option(
      "--queue",
      "scale-out: queue the files' batches for `sitrep worker` processes (PostgreSQL)",
      false,
    )
    .action(async (inputs: string[], opts: { queue: boolean }, cmd: Command) => {
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      const reports: IngestReport[] = [];
      try {
        if (opts.queue) reports.push(...(await queueInputs(app, inputs)));
        else for (const input of inputs) reports.push(await ingestOne(app, input));
      } finally {
        await app.close();
      }
      if (!printReports(reports)) process.exitCode = 1;
    });
}

async function ingestOne(app: Awaited<ReturnType<typeof openApp>>, input: string): Promise<IngestReport> {
  const progress = startProgress(
    input,
    input === "-" || /^https?:/.test(input) ? null : await countLines(input),
  );
  try {
    if (input === "-") return await ingestStdin(app.ctx, process.stdin, progress.update);
    if (/^https?:\/\//i.test(input)) return await ingestUrl(app.ctx, input);
    if (!existsSync(input)) return failed(input, "no such file");
    return await ingestFile(app.ctx, input, progress.update);
  } catch (err) {
    app.log.error({ input, err: errorMessage(err), code: errorCode(err) }, "ingest failed");
    return failed(input, errorMessage(err));
  } finally {
    progress.stop();
  }
}

/** `--queue`: each file's batches become jobs for the workers, queued in order. */
async function queueInputs(
  app: Awaited<ReturnType<typeof openApp>>,
  inputs: string[],
): Promise<IngestReport[]> {
  return withQueue(app, async (addJob) => {
    const reports: IngestReport[] = [];
    for (const input of inputs) {
      if (input === "-" || /^https?:\/\//i.test(input))
        reports.push(
          failed(
            input,
            "--queue takes files; register feeds with `sitrep sources add` for the workers to poll",
          ),
        );
      else reports.push(await queueFile(app.ctx, addJob, input));
    }
    return reports;
  });
}

function failed(input: string, reason: string): IngestReport {
  const r = emptyReport(input);
  r.status = "failed";
  r.reason = reason;
  r.errors.push({ item: input, code: "invalid-input", reason });
  return r;
}

/** Newline count of an uncompressed file (for the progress total); null for compressed or huge files. */
async function countLines(path: string): Promise<number | null> {
  if (!existsSync(path) || /\.gz$/i.test(path) || statSync(path).size > 2_000_000_000) return null;
  let n = 0;
  for await (const chunk of createReadStream(path)) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  }
  return n;
}
