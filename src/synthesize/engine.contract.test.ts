import { afterAll, beforeAll } from "vitest";
import { engineContract } from "./engine-contract.ts";
import { createFakeFallbackEngine } from "./llm/create-fake-fallback-engine.ts";
import { createLlmEngine } from "./llm/create-llm-engine.ts";
import { type FakeLlmServer, startFakeLlmServer } from "./llm/start-fake-llm-server.ts";

let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(() => server.close());

const llm = (provider: "openai" | "anthropic", budget = 100) =>
  createLlmEngine({
    provider,
    baseUrl: provider === "openai" ? `${server.url}/v1` : server.url,
    model: "test-model",
    apiKey: "test-key",
    timeoutMs: 5_000,
    maxRetries: 0,
    budget,
    fallback: createFakeFallbackEngine(),
  });

engineContract("llm (OpenAI-compatible)", () => llm("openai"));
engineContract("llm (Anthropic)", () => llm("anthropic"));
engineContract("llm (budget 0: all fallback)", () => llm("openai", 0));
