import * as chrono from "chrono-node";

/** A resolved publication date, or why none could be used. */
export interface DateResult {
  iso: string;
  estimated: boolean;
  warning: string | null;
}

/** One day of clock skew tolerated before a date counts as "in the future". */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Publication date from what the input gave: ISO/RFC dates directly, otherwise chrono with `reference`
 * as "now" and a past bias ("on Friday" = the last Friday). Never later than `reference`: a future
 * date is replaced by the reference time and reported in `warning`.
 */
export function resolvePublishedAt(raw: string | null, reference: Date): DateResult {
  const refIso = reference.toISOString();
  if (!raw?.trim()) return { iso: refIso, estimated: true, warning: null };
  let ms = Date.parse(raw);
  if (Number.isNaN(ms)) {
    const parsed = chrono.parseDate(raw, reference, { forwardDate: false });
    if (!parsed) return { iso: refIso, estimated: true, warning: `unreadable date "${raw.slice(0, 60)}"` };
    ms = parsed.getTime();
  }
  if (ms > reference.getTime() + FUTURE_SLACK_MS)
    return { iso: refIso, estimated: true, warning: `date in the future "${raw.slice(0, 60)}"` };
  if (ms < Date.UTC(1900, 0, 1))
    return { iso: refIso, estimated: true, warning: `implausible date "${raw}"` };
  return { iso: new Date(Math.min(ms, reference.getTime())).toISOString(), estimated: false, warning: null };
}

/** Resolves a relative expression in article text ("last Tuesday") against the publication date, never forward. */
export function resolveRelativeDate(expression: string, publishedAt: Date): Date | null {
  const d = chrono.parseDate(expression, publishedAt, { forwardDate: false });
  if (!d) return null;
  const ahead = d.getTime() - publishedAt.getTime();
  // chrono picks the nearest weekday; news means the last one ("on Friday" in a Wednesday story).
  if (ahead > 0 && ahead <= WEEK_MS) return new Date(d.getTime() - WEEK_MS);
  return ahead > 0 ? null : d;
}
