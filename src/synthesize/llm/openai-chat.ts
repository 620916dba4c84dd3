import { z } from "zod";
import { joinUrl, type LlmProtocol, parseJsonText } from "./llm-protocol.ts";

const replySchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
      }),
    )
    .min(1),
});

/** OpenAI-compatible chat completions (OpenAI, Ollama, vLLM, llama.cpp server) with a strict JSON schema. */
export const openAiChat: LlmProtocol = {
  request(endpoint, prompt, schema, task = "event_record") {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
    return {
      url: joinUrl(endpoint.baseUrl, "/chat/completions"),
      headers,
      body: {
        model: endpoint.model,
        messages: [
          { role: "system", content: prompt.system },
          { role: "user", content: prompt.user },
        ],
        response_format: { type: "json_schema", json_schema: { name: task, schema, strict: true } },
      },
    };
  },
  reply(body) {
    const parsed = replySchema.safeParse(body);
    if (!parsed.success) return { ok: false, reason: "unexpected response shape" };
    const message = parsed.data.choices[0].message;
    if (message.refusal) return { ok: false, reason: "model refused" };
    if (!message.content) return { ok: false, reason: "empty reply" };
    return parseJsonText(message.content);
  },
};
