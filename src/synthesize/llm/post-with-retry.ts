import type { LlmRequest } from "./llm-protocol.ts";

/** How one request is sent: per-attempt time limit, retries and back-off, injectable fetch and sleep. */
export interface RetryPolicy {
  timeoutMs: number;
  maxRetries: number;
  /** First back-off delay; doubles on each retry. */
  retryBaseMs: number;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
}

/** A parsed JSON response body, or why there is none. */
export type PostResult = { ok: true; json: unknown } | { ok: false; reason: string };

/** Longest back-off and longest Retry-After waited for; a server asking for more is not retried. */
const MAX_DELAY_MS = 60_000;

type Attempt = PostResult | { ok: false; reason: string; retry: true; retryAfterMs: number | null };

/**
 * POSTs a JSON request, retrying on 429, 408, 5xx, timeouts and network errors up to maxRetries times
 * with exponential back-off (Retry-After / retry-after-ms honoured). Never throws.
 */
export async function postWithRetry(request: LlmRequest, policy: RetryPolicy): Promise<PostResult> {
  for (let attempt = 0; ; attempt++) {
    const result = await postOnce(request, policy);
    if (result.ok || !("retry" in result)) return result;
    const tries = `${attempt + 1} attempt${attempt ? "s" : ""}`;
    if (attempt >= policy.maxRetries) return { ok: false, reason: `${result.reason} (${tries})` };
    if (result.retryAfterMs !== null && result.retryAfterMs > MAX_DELAY_MS) {
      return {
        ok: false,
        reason: `${result.reason}, retry-after ${Math.round(result.retryAfterMs / 1000)} s (${tries})`,
      };
    }
    const backoff = Math.min(policy.retryBaseMs * 2 ** attempt, MAX_DELAY_MS);
    await policy.sleep(Math.max(backoff, result.retryAfterMs ?? 0));
  }
}

async function postOnce(request: LlmRequest, policy: RetryPolicy): Promise<Attempt> {
  let status: number;
  let text: string;
  let headers: Headers;
  try {
    const res = await policy.fetch(request.url, {
      method: "POST",
      headers: request.headers,
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(policy.timeoutMs),
    });
    status = res.status;
    headers = res.headers;
    text = await res.text();
  } catch (err) {
    const name = err instanceof Error ? err.name : "";
    const reason =
      name === "TimeoutError" || name === "AbortError"
        ? `timeout after ${policy.timeoutMs} ms`
        : "network error";
    return { ok: false, reason, retry: true, retryAfterMs: null };
  }
  if (status === 429 || status === 408 || status >= 500) {
    return { ok: false, reason: `HTTP ${status}`, retry: true, retryAfterMs: retryAfterMs(headers) };
  }
  if (status < 200 || status >= 300) return { ok: false, reason: `HTTP ${status}${errorType(text)}` };
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false, reason: "response body is not JSON" };
  }
}

/** Delay a server asked for: retry-after-ms (OpenAI), else Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const ms = Number(headers.get("retry-after-ms"));
  if (headers.get("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get("retry-after");
  if (!value) return null;
  if (/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The provider's error type or code, never its message (messages may echo request details). */
function errorType(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { type?: unknown; code?: unknown } };
    const kind = body.error?.code ?? body.error?.type;
    return typeof kind === "string" && /^[\w.-]{1,60}$/.test(kind) ? ` ${kind}` : "";
  } catch {
    return "";
  }
}
