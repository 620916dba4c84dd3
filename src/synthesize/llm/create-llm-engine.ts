import type { SynthesisEngine, SynthesisInput, SynthesisOutput } from "../engine.ts";
import { anthropicMessages } from "./anthropic-messages.ts";
import { buildPrompt } from "./build-prompt.ts";
import { groundRecord } from "./ground-record.ts";
import type { LlmReply } from "./llm-protocol.ts";
import { llmRecordJsonSchema } from "./llm-record.ts";
import { openAiChat } from "./openai-chat.ts";
import { postWithRetry } from "./post-with-retry.ts";

/** Settings of the llm engine (config keys llm.*) plus the engine used for fields the model gets wrong. */
export interface LlmEngineOptions {
  provider: "openai" | "anthropic";
  baseUrl: string;
  model: string;
  apiKey: string;
  /** Time limit per HTTP attempt, in ms. */
  timeoutMs: number;
  /** Retries on 429, 5xx, timeouts and network errors. */
  maxRetries: number;
  /** Most records this engine asks the model for (retries included in one); beyond it, all fallback. */
  budget: number;
  fallback: SynthesisEngine;
  fetch?: typeof fetch;
  /** First back-off delay in ms, doubled on each retry (default 1000). */
  retryBaseMs?: number;
  /** Waits between retries; tests inject one that records the delays. */
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_RETRY_BASE_MS = 1_000;

/**
 * The llm engine: asks an OpenAI-compatible or Anthropic endpoint for a JSON record, then keeps only the
 * fields that cite source sentences and name nothing absent from them; the rest come from the fallback.
 */
export function createLlmEngine(options: LlmEngineOptions): SynthesisEngine {
  const protocol = options.provider === "anthropic" ? anthropicMessages : openAiChat;
  const schema = llmRecordJsonSchema();
  const names = { engine: `llm:${options.model}`, fallback: options.fallback.name };
  const policy = {
    timeoutMs: options.timeoutMs,
    maxRetries: options.maxRetries,
    retryBaseMs: options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS,
    fetch: options.fetch ?? globalThis.fetch,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
  let used = 0;

  async function ask(input: SynthesisInput): Promise<LlmReply> {
    if (used >= options.budget) return { ok: false, reason: "budget exhausted" };
    used++;
    try {
      const request = protocol.request(options, buildPrompt(input), schema);
      const result = await postWithRetry(request, policy);
      return result.ok ? protocol.reply(result.json) : result;
    } catch (err) {
      return { ok: false, reason: `request failed: ${err instanceof Error ? err.name : "error"}` };
    }
  }

  return {
    name: names.engine,
    async synthesize(input: SynthesisInput): Promise<SynthesisOutput> {
      let backup: Promise<SynthesisOutput> | null = null;
      const fallback = () => {
        backup ??= options.fallback.synthesize(input);
        return backup;
      };
      return groundRecord(input, await ask(input), fallback, names);
    },
  };
}
