import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { testConfig } from "../config/load.ts";
import type { ConfigKey } from "../config/schema.ts";
import { createContext, type PipelineContext } from "../pipeline/context.ts";
import { ingestFile } from "../pipeline/ingest-file.ts";
import type { IngestReport } from "../pipeline/report.ts";
import { readNdjson } from "../sources/parsers/ndjson.ts";
import { openStore } from "../store/store.ts";

/** A fresh temporary store filled by the real ingest pipeline; `dispose` removes it. */
export interface EvalRun {
  ctx: PipelineContext;
  report: IngestReport;
  seconds: number;
  dispose: () => Promise<void>;
}

/**
 * Ingests `input` into a fresh temporary SQLite store through `ingestFile`, with the entries first put in
 * publication order (file order where the date is missing), as the evaluation protocol says.
 */
export async function ingestForEval(
  input: string,
  options: {
    from?: string;
    to?: string;
    overrides?: Partial<Record<ConfigKey, unknown>>;
    setup?: (ctx: PipelineContext) => void;
  } = {},
): Promise<EvalRun> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-eval-"));
  const lines: { line: string; date: string | null; n: number }[] = [];
  let n = 0;
  for await (const entry of readNdjson(input, { name: input })) {
    if (!entry.article) continue;
    const date = entry.article.publishedAt;
    if (options.from && date && date.slice(0, 10) < options.from) continue;
    if (options.to && date && date.slice(0, 10) > options.to) continue;
    lines.push({ line: JSON.stringify(toLine(entry.article)), date, n: n++ });
  }
  // Dated entries in date order; undated ones keep file order (they all share the same estimated date).
  lines.sort((a, b) => (a.date && b.date && a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.n - b.n));
  const sorted = join(dir, "input.ndjson");
  writeFileSync(sorted, `${lines.map((l) => l.line).join("\n")}\n`);
  const config = testConfig({
    "database.url": join(dir, "eval.db"),
    "log.level": "silent",
    ...options.overrides,
  });
  const store = await openStore(config["database.url"]);
  const ctx = await createContext(config, store, {
    log: pino({ level: "silent" }),
    now: () => new Date("2030-01-01T00:00:00Z"),
  });
  options.setup?.(ctx);
  const started = performance.now();
  const report = await ingestFile(ctx, sorted);
  const seconds = (performance.now() - started) / 1000;
  return {
    ctx,
    report,
    seconds,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function toLine(a: import("../model/article.ts").RawArticle): Record<string, unknown> {
  return {
    id: a.externalId,
    title: a.title,
    text: a.text,
    url: a.url,
    source: a.outlet,
    published_at: a.publishedAt,
    label: a.gold?.label ?? null,
    story: a.gold?.story ?? null,
    theater: a.gold?.theater ?? null,
    story_path: a.gold?.storyPath ?? [],
    labels: a.gold?.labels ?? [],
  };
}
