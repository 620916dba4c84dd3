import { createFakeFallbackEngine } from "./create-fake-fallback-engine.ts";
import { createLlmEngine, type LlmEngineOptions } from "./create-llm-engine.ts";
import type { FakeLlmServer } from "./start-fake-llm-server.ts";

/** An llm engine wired to the fake server for tests, with recorded back-off delays and a counting fallback. */
export function makeTestEngine(
  server: FakeLlmServer,
  provider: "openai" | "anthropic",
  overrides: Partial<LlmEngineOptions> = {},
) {
  const delays: number[] = [];
  const fallback = createFakeFallbackEngine();
  const engine = createLlmEngine({
    provider,
    baseUrl: provider === "openai" ? `${server.url}/v1` : server.url,
    model: "test-model",
    apiKey: "test-key",
    timeoutMs: 5_000,
    maxRetries: 2,
    budget: 100,
    fallback,
    retryBaseMs: 100,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...overrides,
  });
  return { engine, fallback, delays };
}
