import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_INPUTS } from "../engine-contract.ts";
import { makeTestEngine } from "./make-test-engine.ts";
import { retryAfterMs } from "./post-with-retry.ts";
import { type FakeLlmServer, startFakeLlmServer } from "./start-fake-llm-server.ts";

const INPUT = CONTRACT_INPUTS[0].input;

let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe.each(["openai", "anthropic"] as const)("llm requests over %s", (provider) => {
  it("retries a 429 after the Retry-After delay, then uses the answer", async () => {
    server.use({ kind: "status", status: 429, headers: { "retry-after": "1" } });
    const { engine, delays } = makeTestEngine(server, provider);
    const out = await engine.synthesize(INPUT);
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([1000]);
    expect(out.fallbacks).toEqual([]);
  });

  it("backs off exponentially on 5xx and falls back after maxRetries", async () => {
    server.use(...Array.from({ length: 3 }, () => ({ kind: "status" as const, status: 500 })));
    const { engine, delays } = makeTestEngine(server, provider, { maxRetries: 2, retryBaseMs: 100 });
    const out = await engine.synthesize(INPUT);
    expect(server.requests).toHaveLength(3);
    expect(delays).toEqual([100, 200]);
    expect(out.fallbacks).toContain("summary: HTTP 500 (3 attempts)");
    expect(out.title).toBe("Fallback title 36");
  });

  it("does not retry a client error", async () => {
    const body = { type: "error", error: { type: "invalid_request_error", message: "bad key sk-123" } };
    server.use({ kind: "status", status: 400, body });
    const { engine } = makeTestEngine(server, provider);
    const out = await engine.synthesize(INPUT);
    expect(server.requests).toHaveLength(1);
    expect(out.fallbacks).toContain("title: HTTP 400 invalid_request_error");
  });

  it("gives up when the server asks to wait longer than a minute", async () => {
    server.use({ kind: "status", status: 429, headers: { "retry-after": "3600" } });
    const { engine, delays } = makeTestEngine(server, provider);
    const out = await engine.synthesize(INPUT);
    expect(delays).toEqual([]);
    expect(out.fallbacks).toContain("title: HTTP 429, retry-after 3600 s (1 attempt)");
  });

  it("times out a slow answer, retries, then falls back", async () => {
    server.use({ kind: "slow", ms: 3_000 }, { kind: "slow", ms: 3_000 });
    const { engine } = makeTestEngine(server, provider, { timeoutMs: 150, maxRetries: 1 });
    const out = await engine.synthesize(INPUT);
    expect(server.requests).toHaveLength(2);
    expect(out.fallbacks).toContain("significance: timeout after 150 ms (2 attempts)");
    expect(out.engine).toBe("llm:test-model+extractive");
  });

  it("falls back when nothing listens", async () => {
    const { engine } = makeTestEngine(server, provider, { baseUrl: "http://127.0.0.1:9/v1", maxRetries: 1 });
    const out = await engine.synthesize(INPUT);
    expect(out.fallbacks).toContain("title: network error (2 attempts)");
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-11-04T10:00:00Z");
  const cases: { name: string; headers: Record<string, string>; want: number | null }[] = [
    { name: "seconds", headers: { "retry-after": "2" }, want: 2000 },
    { name: "HTTP date", headers: { "retry-after": "Wed, 04 Nov 2026 10:00:05 GMT" }, want: 5000 },
    { name: "retry-after-ms wins", headers: { "retry-after-ms": "250", "retry-after": "2" }, want: 250 },
    { name: "absent", headers: {}, want: null },
    { name: "garbage", headers: { "retry-after": "soon" }, want: null },
  ];
  for (const c of cases) it(c.name, () => expect(retryAfterMs(new Headers(c.headers), now)).toBe(c.want));
});
