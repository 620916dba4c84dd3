import type { Prompt } from "./build-prompt.ts";

/** Where and what to POST for one synthesis request. */
export interface LlmRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** What came back: the record candidate (not yet validated) or why there is none. */
export type LlmReply = { ok: true; value: unknown } | { ok: false; reason: string };

/** Endpoint settings shared by the protocols. */
export interface LlmEndpoint {
  baseUrl: string;
  model: string;
  apiKey: string;
}

/** One wire protocol (OpenAI chat completions, Anthropic messages): builds the request, reads the reply. */
export interface LlmProtocol {
  /** `task` names the structured answer (default "event_record"): the JSON schema's name, or the tool "write_<task>". */
  request(endpoint: LlmEndpoint, prompt: Prompt, schema: Record<string, unknown>, task?: string): LlmRequest;
  reply(body: unknown): LlmReply;
}

/** Parses a model's text answer as JSON, tolerating a Markdown code fence around it. */
export function parseJsonText(text: string): LlmReply {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/i.exec(text);
  try {
    return { ok: true, value: JSON.parse(fenced ? fenced[1] : text) };
  } catch {
    return { ok: false, reason: "malformed JSON" };
  }
}

/** Joins a base URL and a path without doubling slashes. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}
