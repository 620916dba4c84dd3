import { SitrepError } from "../model/errors.ts";
import { canonicalUrl } from "../normalize/canonical-url.ts";
import type { PipelineContext } from "./context.ts";
import { pollSource } from "./poll-sources.ts";
import type { IngestReport } from "./report.ts";

/** Ingests one URL now: registers it as a source (feed or page, decided by its content) and polls it. */
export async function ingestUrl(
  ctx: PipelineContext,
  url: string,
  kind: "feed" | "page" = "feed",
): Promise<IngestReport> {
  const canon = canonicalUrl(url);
  if (!canon) throw new SitrepError("invalid-input", `${url}: not an http(s) URL`);
  const source = await ctx.store.sources.addSource({ kind, url: canon }, ctx.now().toISOString());
  return pollSource(ctx, { ...source, etag: null, lastModified: null });
}
