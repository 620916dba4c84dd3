/** Poll schedule: the regular interval, and exponential backoff after errors. */
export interface BackoffOptions {
  /** Regular poll interval when the last poll succeeded. */
  intervalMs: number;
  /** Delay after the first error; doubles with each further error. */
  baseMs: number;
  /** Upper bound on any delay. */
  maxMs: number;
  /** Share of the delay that is randomized, 0..1 (default 0.2): the delay shrinks by up to this fraction. */
  jitter?: number;
  /** Makes the jitter deterministic, e.g. the source id: same seed and count give the same delay. */
  seed?: string;
}

/** FNV-1a 32-bit hash mapped to [0, 1): a deterministic stand-in for Math.random. */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/** Parses a Retry-After header (seconds or HTTP date) into ms from `now`, or null. */
export function retryAfterMs(header: string | null | undefined, now: Date): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** Delay before the next poll: intervalMs after a success (0 errors), else baseMs·2^(n−1) less jitter, capped at maxMs. */
export function backoffDelayMs(errorCount: number, options: BackoffOptions): number {
  if (errorCount <= 0) return Math.min(options.intervalMs, options.maxMs);
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0.2));
  // 2^30 already exceeds any sane cap; clamping the exponent keeps the number finite.
  const raw = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(errorCount - 1, 30));
  return Math.round(raw * (1 - jitter * unitHash(`${options.seed ?? ""}:${errorCount}`)));
}

/** When to poll next: now + backoffDelayMs, never before a server's Retry-After (still capped at maxMs). */
export function nextPollAt(
  now: Date,
  errorCount: number,
  options: BackoffOptions,
  retryAfter?: string | null,
): Date {
  const delay = backoffDelayMs(errorCount, options);
  const server = retryAfterMs(retryAfter, now) ?? 0;
  return new Date(now.getTime() + Math.min(options.maxMs, Math.max(delay, server)));
}
