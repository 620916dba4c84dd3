const ISO_LIKE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Date string for RawArticle.publishedAt: ISO-8601 input is kept verbatim, other parseable
 * forms (RFC 822 in RSS) become ISO-8601 UTC, unparseable strings are kept for the normalizer.
 * Future dates are kept: clamping is the normalizer's job.
 */
export function toIsoDate(raw: unknown): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString();
  if (typeof raw !== "string") return null;
  const value = raw.trim();
  if (value === "") return null;
  if (ISO_LIKE.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** First non-empty date among candidates, via toIsoDate. */
export function firstDate(...candidates: unknown[]): string | null {
  for (const c of candidates) {
    const d = toIsoDate(c);
    if (d) return d;
  }
  return null;
}
