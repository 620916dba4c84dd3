import { z } from "zod";
import { joinUrl, type LlmProtocol, parseJsonText } from "./llm-protocol.ts";

const VERSION = "2023-06-01";
const MAX_TOKENS = 2048;

const replySchema = z.object({
  content: z.array(
    z.union([
      z.object({ type: z.literal("tool_use"), name: z.string(), input: z.unknown() }),
      z.object({ type: z.literal("text"), text: z.string() }),
      z.looseObject({ type: z.string() }),
    ]),
  ),
});

/** Anthropic messages API: the record schema is a tool's input_schema and the model is made to call it. */
export const anthropicMessages: LlmProtocol = {
  request(endpoint, prompt, schema, task = "event_record") {
    const tool = `write_${task}`;
    const base = endpoint.baseUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
    return {
      url: joinUrl(base, "/v1/messages"),
      headers: {
        "content-type": "application/json",
        "x-api-key": endpoint.apiKey,
        "anthropic-version": VERSION,
      },
      body: {
        model: endpoint.model,
        max_tokens: MAX_TOKENS,
        system: prompt.system,
        messages: [{ role: "user", content: prompt.user }],
        tools: [
          { name: tool, description: `Writes the ${task.replaceAll("_", " ")}.`, input_schema: schema },
        ],
        tool_choice: { type: "tool", name: tool },
      },
    };
  },
  reply(body) {
    const parsed = replySchema.safeParse(body);
    if (!parsed.success) return { ok: false, reason: "unexpected response shape" };
    for (const block of parsed.data.content) {
      if (block.type !== "tool_use" || !("input" in block)) continue;
      return typeof block.input === "string" ? parseJsonText(block.input) : { ok: true, value: block.input };
    }
    const text = parsed.data.content.find((b) => b.type === "text" && "text" in b);
    if (text && "text" in text && typeof text.text === "string") return parseJsonText(text.text);
    return { ok: false, reason: "empty reply" };
  },
};
