import type { ItemError } from "../model/article.ts";

/** What happened to one batch or one source: counts and every bad item with its reason. */
export interface IngestReport {
  source: string;
  status: "ok" | "skipped" | "failed" | "partial";
  /** Why a whole source was skipped or failed (not modified, robots, unreachable...). */
  reason: string | null;
  read: number;
  stored: number;
  duplicates: number;
  syndicated: number;
  errors: ItemError[];
  warnings: ItemError[];
  events: { created: number; updated: number; merged: number };
}

/** An empty report for a source. */
export function emptyReport(source: string): IngestReport {
  return {
    source,
    status: "ok",
    reason: null,
    read: 0,
    stored: 0,
    duplicates: 0,
    syndicated: 0,
    errors: [],
    warnings: [],
    events: { created: 0, updated: 0, merged: 0 },
  };
}

/** Adds the counts of `b` into `a`. */
export function addReport(a: IngestReport, b: IngestReport): void {
  a.read += b.read;
  a.stored += b.stored;
  a.duplicates += b.duplicates;
  a.syndicated += b.syndicated;
  a.errors.push(...b.errors);
  a.warnings.push(...b.warnings);
  a.events.created += b.events.created;
  a.events.updated += b.events.updated;
  a.events.merged += b.events.merged;
}

/** Final status from the counts: failed when nothing good came and something was bad. */
export function settleStatus(r: IngestReport): IngestReport {
  if (r.status === "skipped" || r.status === "failed") return r;
  if (r.errors.length && r.read === r.errors.length && r.read > 0) r.status = "failed";
  else if (r.errors.length) r.status = "partial";
  else r.status = "ok";
  return r;
}
