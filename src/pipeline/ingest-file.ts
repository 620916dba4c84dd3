import { resolve } from "node:path";
import { Readable } from "node:stream";
import type { RawArticle } from "../model/article.ts";
import { errorMessage, SitrepError } from "../model/errors.ts";
import { normalizeBatch } from "../normalize/normalize-article.ts";
import { detectFormat, parseDocument, parseFile } from "../sources/parse.ts";
import { readNdjsonBatches } from "../sources/parsers/ndjson.ts";
import type { PipelineContext } from "./context.ts";
import { beginLinkThread, endLinkThread, linkingInstalled } from "./link-events.ts";
import { PipelineThread } from "./pipeline-thread.ts";
import { type PreparedBatch, PrepareThread } from "./prepare-thread.ts";
import { type InputItem, processArticles, processNormalized } from "./process-articles.ts";
import { addReport, emptyReport, type IngestReport, settleStatus } from "./report.ts";
import { synthesisInstalled } from "./synthesize-events.ts";

/** Progress callback: items read so far. */
export type OnProgress = (read: number) => void;

const NDJSON_NAME = /\.(ndjson|jsonl)(\.gz)?$/i;

/** True for files streamed as NDJSON in batches: .ndjson, .jsonl and any .gz; other files are parsed whole. */
export function streamsAsNdjson(path: string): boolean {
  return NDJSON_NAME.test(path) || /\.gz$/i.test(path);
}

/** Ingests a local file (NDJSON streamed in batches, any other format parsed whole); OPML files register their feeds. */
export async function ingestFile(
  ctx: PipelineContext,
  path: string,
  onProgress?: OnProgress,
): Promise<IngestReport> {
  const abs = resolve(path);
  const source = await ctx.store.sources.addSource(
    { kind: "file", url: `file://${abs}` },
    ctx.now().toISOString(),
  );
  const report = emptyReport(path);
  if (streamsAsNdjson(path)) {
    await ingestNdjson(ctx, source.id, path, path, report, onProgress);
  } else {
    const doc = await parseFile(abs, { name: path });
    if (doc.format === "opml") {
      for (const feed of doc.items)
        await ctx.store.sources.addSource(
          { kind: "feed", url: feed.url, title: feed.title },
          ctx.now().toISOString(),
        );
      report.read = doc.items.length;
      report.reason = `registered ${doc.items.length} feeds from OPML; run \`sitrep sources poll\` to fetch them`;
      report.errors.push(...doc.errors);
    } else {
      report.errors.push(...doc.errors);
      await ingestItems(
        ctx,
        source.id,
        doc.items.map((raw, i) => ({ item: `${path}#${i + 1}`, raw })),
        report,
        onProgress,
      );
    }
  }
  await ctx.store.sources.recordPoll(source.id, {
    at: ctx.now().toISOString(),
    ok: report.errors.length === 0,
    error: report.errors[0]
      ? `${report.errors.length} bad items, first: ${report.errors[0].item}: ${report.errors[0].reason}`
      : null,
    nextPollAt: null,
    articlesAdded: report.stored,
  });
  return settleStatus(report);
}

/** Ingests standard input: NDJSON streamed, anything else parsed as one document. */
export async function ingestStdin(
  ctx: PipelineContext,
  input: NodeJS.ReadableStream,
  onProgress?: OnProgress,
): Promise<IngestReport> {
  const source = await ctx.store.sources.addSource({ kind: "stdin", url: "stdin:" }, ctx.now().toISOString());
  const chunks: Buffer[] = [];
  for await (const c of input) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  const body = Buffer.concat(chunks);
  const report = emptyReport("stdin");
  const gz = body[0] === 0x1f && body[1] === 0x8b;
  if (gz || detectFormat(body.subarray(0, 4096).toString("utf8")) === "ndjson") {
    await ingestNdjson(ctx, source.id, [body], "stdin", report, onProgress);
  } else {
    const doc = await parseDocument({ name: "stdin", body });
    report.errors.push(...doc.errors);
    if (doc.format !== "opml")
      await ingestItems(
        ctx,
        source.id,
        doc.items.map((raw, i) => ({ item: `stdin#${i + 1}`, raw })),
        report,
        onProgress,
      );
  }
  return settleStatus(report);
}

async function ingestNdjson(
  ctx: PipelineContext,
  sourceId: string,
  input: string | Buffer[],
  name: string,
  report: IngestReport,
  onProgress?: OnProgress,
): Promise<void> {
  const batchSize = ctx.config["ingest.batchSize"];
  // Batch N+1 is read and prepared while batch N is processed, and batch N is linked while N+1 is processed,
  // on the pipeline thread when configured. The thread starts with the first full batch (or the second): an
  // input shorter than one batch is all done here. Starting it with the first keeps the language model, needed
  // only there, out of this thread (1 s to load and 50 MB more to mark in every full collection).
  const c = ctx.config;
  const use = { shared: null as PipelineThread | null, thread: null as PrepareThread | null, linked: false };
  const start = () => {
    use.shared = new PipelineThread();
    use.thread = c["ingest.prepareThread"] ? new PrepareThread(use.shared) : null;
    use.linked = c["ingest.linkThread"] ? beginLinkThread(ctx, use.shared) : false;
  };
  // Read batches wait here to be processed. With linking on the thread, two are read ahead: a batch's
  // languages are then detected there a whole batch before they are needed.
  const pending: { read: number; batch: Promise<PreparedBatch> }[] = [];
  let ahead = 1;
  const finish = async (keep: number) => {
    for (let p = pending.length > keep ? pending.shift() : undefined; p; ) {
      addReport(report, await processNormalized(ctx, sourceId, p.read, await p.batch));
      onProgress?.(report.read);
      p = pending.length > keep ? pending.shift() : undefined;
    }
  };
  let first = true;
  try {
    for await (const batch of readNdjsonBatches(typeof input === "string" ? input : Readable.from(input), {
      name,
      batchSize,
    })) {
      report.errors.push(...batch.errors);
      report.read += batch.errors.length;
      const items = namedItems(name, batch.items);
      // Nothing is processed yet (a first batch waits in `pending`).
      const more = !first || batch.items.length + batch.errors.length >= batchSize;
      if (more && !use.shared && (c["ingest.prepareThread"] || c["ingest.linkThread"])) {
        start();
        ahead = use.linked && use.thread ? 2 : 1;
      }
      const thread = use.thread;
      let normalized: Promise<PreparedBatch>;
      if (!thread) normalized = Promise.resolve(normalizeBatch(items, sourceId, ctx.now()));
      else if (use.linked) {
        // The thread links, and this one does the rest: only the languages of the next batch are detected
        // there (the language models: about a sixth of the per-article work), and member-report features are
        // made by the linker as it indexes them.
        const now = ctx.now();
        const languages = thread.languages(items);
        normalized = languages.then((l) => normalizeBatch(items, sourceId, now, l ?? undefined));
      } else
        normalized = thread.prepare(items, sourceId, ctx.now(), {
          read: synthesisInstalled(ctx),
          units: linkingInstalled(ctx),
        });
      first = false;
      pending.push({ read: items.length, batch: normalized });
      await finish(ahead);
    }
    await finish(0);
    if (report.read === 0)
      report.errors.push({
        item: name,
        code: "invalid-input",
        reason: "empty input: no lines with articles",
      });
  } catch (err) {
    // A read error after good batches: they are still stored.
    await finish(0);
    if (err instanceof SitrepError) {
      report.errors.push({ item: name, code: err.code, reason: err.message });
      return;
    }
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      report.status = "failed";
      report.errors.push({ item: name, code: "invalid-input", reason: "no such file" });
      return;
    }
    throw err;
  } finally {
    // The last batch's links are written here: like any batch's, a failure to write them is reported.
    try {
      await endLinkThread(ctx);
    } catch (err) {
      ctx.log.error({ err: errorMessage(err) }, "linking failed");
      report.warnings.push({
        item: name,
        code: "internal",
        reason: `links not updated: ${errorMessage(err)}`,
      });
    }
    await use.shared?.close();
  }
}

/** NDJSON entries as input items, each named by its file and id (or URL, or the start of its title). */
export function namedItems(name: string, raws: RawArticle[]): InputItem[] {
  return raws.map((raw) => ({ item: `${name}#${raw.externalId ?? raw.url ?? raw.title.slice(0, 40)}`, raw }));
}

/** Processes parsed items in configured batch sizes. */
export async function ingestItems(
  ctx: PipelineContext,
  sourceId: string,
  items: InputItem[],
  report: IngestReport,
  onProgress?: OnProgress,
): Promise<void> {
  const size = ctx.config["ingest.batchSize"];
  for (let i = 0; i < items.length; i += size) {
    addReport(report, await processArticles(ctx, sourceId, items.slice(i, i + size)));
    onProgress?.(report.read);
  }
}
