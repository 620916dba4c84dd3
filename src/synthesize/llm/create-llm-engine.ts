import type { SynthesisEngine, SynthesisInput, SynthesisOutput } from "../engine.ts";
import { buildPrompt } from "./build-prompt.ts";
import { groundRecord } from "./ground-record.ts";
import { createLlmClient, type LlmClientOptions } from "./llm-client.ts";
import { llmRecordJsonSchema } from "./llm-record.ts";

/** Settings of the llm engine (config keys llm.*) plus the engine used for fields the model gets wrong. */
export interface LlmEngineOptions extends LlmClientOptions {
  fallback: SynthesisEngine;
}

/**
 * The llm engine: asks an OpenAI-compatible or Anthropic endpoint for a JSON record, then keeps only the
 * fields that cite source sentences and name nothing absent from them; the rest come from the fallback.
 */
export function createLlmEngine(options: LlmEngineOptions): SynthesisEngine {
  const ask = createLlmClient(options);
  const schema = llmRecordJsonSchema();
  const names = { engine: `llm:${options.model}`, fallback: options.fallback.name };
  return {
    name: names.engine,
    async synthesize(input: SynthesisInput): Promise<SynthesisOutput> {
      let backup: Promise<SynthesisOutput> | null = null;
      const fallback = () => {
        backup ??= options.fallback.synthesize(input);
        return backup;
      };
      return groundRecord(input, await ask(buildPrompt(input), schema), fallback, names);
    },
  };
}
