import type { IngestReport } from "../pipeline/report.ts";

const MAX_LISTED = 20;

/** Prints a per-source report: status, counts, and each bad item with its reason. Returns true when all went well. */
export function printReports(reports: IngestReport[], out: (line: string) => void = console.log): boolean {
  let ok = true;
  out("");
  out("Report");
  for (const r of reports) {
    const mark =
      r.status === "ok"
        ? "ok"
        : r.status === "skipped"
          ? "skipped"
          : r.status === "partial"
            ? "partial"
            : "FAILED";
    if (r.status === "failed" || r.status === "partial") ok = false;
    const counts = `read ${r.read}, stored ${r.stored} new, ${r.duplicates} already stored, ${r.syndicated} syndicated copies, ${r.errors.length} bad`;
    const events = `events: ${r.events.created} new, ${r.events.updated} updates, ${r.events.merged} merged`;
    out(`  [${mark}] ${r.source}: ${counts}; ${events}`);
    if (r.reason) out(`      ${r.reason}`);
    if (r.read > 0 && r.stored === 0 && r.duplicates > 0 && !r.errors.length)
      out("      nothing new: every article was already stored");
    for (const e of r.errors.slice(0, MAX_LISTED)) out(`      error ${e.item}: ${e.reason} (${e.code})`);
    if (r.errors.length > MAX_LISTED) out(`      … and ${r.errors.length - MAX_LISTED} more errors`);
    for (const w of r.warnings.slice(0, 5)) out(`      warning ${w.item}: ${w.reason}`);
    if (r.warnings.length > 5) out(`      … and ${r.warnings.length - 5} more warnings`);
  }
  const stored = reports.reduce((s, r) => s + r.stored, 0);
  const bad = reports.reduce((s, r) => s + r.errors.length, 0);
  out(`Total: ${stored} new articles stored, ${bad} bad items.`);
  return ok;
}
