import type { Config } from "../../config/schema.ts";
import { anthropicMessages } from "./anthropic-messages.ts";
import type { Prompt } from "./build-prompt.ts";
import type { LlmReply } from "./llm-protocol.ts";
import { openAiChat } from "./openai-chat.ts";
import { postWithRetry } from "./post-with-retry.ts";

/** Endpoint, limits and budget of an LLM client (config keys llm.*). */
export interface LlmClientOptions {
  provider: "openai" | "anthropic";
  baseUrl: string;
  model: string;
  apiKey: string;
  /** Time limit per HTTP attempt, in ms. */
  timeoutMs: number;
  /** Retries on 429, 5xx, timeouts and network errors. */
  maxRetries: number;
  /** Most requests this client sends (retries included in one); beyond it every ask fails. */
  budget: number;
  fetch?: typeof fetch;
  /** First back-off delay in ms, doubled on each retry (default 1000). */
  retryBaseMs?: number;
  /** Waits between retries; tests inject one that records the delays. */
  sleep?: (ms: number) => Promise<void>;
}

/** Asks the model for a JSON answer of `schema`, named `task`; the reply is not yet validated. */
export type AskLlm = (prompt: Prompt, schema: Record<string, unknown>, task?: string) => Promise<LlmReply>;

const DEFAULT_RETRY_BASE_MS = 1_000;

/** One endpoint's client: the wire protocol, retries with back-off, and a request budget. */
export function createLlmClient(options: LlmClientOptions): AskLlm {
  const protocol = options.provider === "anthropic" ? anthropicMessages : openAiChat;
  const policy = {
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    retryBaseMs: options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS,
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
  let used = 0;
  return async (prompt, schema, task) => {
    if (used >= options.budget) return { ok: false, reason: "budget exhausted" };
    used++;
    try {
      const result = await postWithRetry(protocol.request(options, prompt, schema, task), policy);
      return result.ok ? protocol.reply(result.json) : result;
    } catch (err) {
      return { ok: false, reason: `request failed: ${err instanceof Error ? err.name : "error"}` };
    }
  };
}

/** The llm.* settings of a configuration. */
export function llmOptionsFrom(c: Config): LlmClientOptions {
  return {
    provider: c["llm.provider"],
    baseUrl: c["llm.baseUrl"],
    model: c["llm.model"],
    apiKey: c["llm.apiKey"],
    timeoutMs: c["llm.timeoutMs"],
    maxRetries: c["llm.maxRetries"],
    budget: c["llm.budget"],
  };
}
