import { describe, expect, it } from "vitest";
import { type BackoffOptions, backoffDelayMs, nextPollAt, retryAfterMs } from "./backoff.ts";

const options: BackoffOptions = {
  intervalMs: 15 * 60_000,
  baseMs: 60_000,
  maxMs: 24 * 3600_000,
  jitter: 0,
  seed: "src-1",
};

describe("backoff", () => {
  const cases = [
    { name: "no errors: the regular interval", errors: 0, want: 15 * 60_000 },
    { name: "first error: base", errors: 1, want: 60_000 },
    { name: "second error: doubled", errors: 2, want: 120_000 },
    { name: "tenth error: 2^9 × base", errors: 10, want: 512 * 60_000 },
    { name: "many errors: capped", errors: 50, want: 24 * 3600_000 },
    { name: "absurd count stays finite and capped", errors: 10_000, want: 24 * 3600_000 },
  ];
  it.each(cases)("$name", ({ errors, want }) => {
    expect(backoffDelayMs(errors, options)).toBe(want);
  });

  it("jitter is deterministic per seed, shrinks the delay by at most the jitter share, and differs across seeds", () => {
    const jittered = { ...options, jitter: 0.5 };
    const a = backoffDelayMs(6, jittered);
    expect(backoffDelayMs(6, jittered)).toBe(a);
    expect(a).toBeLessThanOrEqual(32 * 60_000);
    expect(a).toBeGreaterThanOrEqual(16 * 60_000);
    const seeds = new Set(
      ["s1", "s2", "s3", "s4", "s5"].map((seed) => backoffDelayMs(6, { ...jittered, seed })),
    );
    expect(seeds.size).toBeGreaterThan(1);
  });

  it("nextPollAt never polls before Retry-After, but still respects the cap", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    expect(nextPollAt(now, 1, options, "3600").toISOString()).toBe("2026-03-01T01:00:00.000Z");
    expect(nextPollAt(now, 1, options).toISOString()).toBe("2026-03-01T00:01:00.000Z");
    expect(nextPollAt(now, 1, options, "999999999").toISOString()).toBe("2026-03-02T00:00:00.000Z");
  });

  it("parses Retry-After as seconds or an HTTP date", () => {
    const now = new Date("2026-03-01T00:00:00Z");
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Sun, 01 Mar 2026 00:10:00 GMT", now)).toBe(600_000);
    expect(retryAfterMs("soon", now)).toBeNull();
  });
});
