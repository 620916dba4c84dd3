import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** Which API a request to the fake server used. */
export type FakeProtocol = "openai" | "anthropic";

/** One request the fake server received. */
export interface FakeRequest {
  protocol: FakeProtocol;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** The user message (the prompt with the numbered sentences). */
  prompt: string;
}

/** A scripted answer: a record (wrapped per protocol), raw model text, an HTTP status, or a slow answer. */
export type FakeReply =
  | { kind: "record"; record: unknown }
  | { kind: "text"; text: string }
  | { kind: "status"; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: "slow"; ms: number };

type Script = FakeReply | ((req: FakeRequest) => FakeReply);

/** A node:http server on 127.0.0.1 speaking OpenAI chat completions and Anthropic messages, for tests. */
export interface FakeLlmServer {
  /** Root URL (Anthropic base URL); OpenAI base URL is `${url}/v1`. */
  url: string;
  requests: FakeRequest[];
  /** Queues replies for the next requests; once used up, the server answers with a grounded echo. */
  use(...replies: Script[]): void;
  close(): Promise<void>;
}

/** Starts the fake LLM server on a random port of 127.0.0.1. */
export async function startFakeLlmServer(): Promise<FakeLlmServer> {
  const requests: FakeRequest[] = [];
  const queue: Script[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const protocol =
      req.url === "/v1/chat/completions" ? "openai" : req.url === "/v1/messages" ? "anthropic" : null;
    if (req.method !== "POST" || !protocol) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
    const request: FakeRequest = { protocol, headers: req.headers, body, prompt: promptOf(protocol, body) };
    requests.push(request);
    const script = queue.shift() ?? { kind: "record", record: echoFor(request.prompt) };
    const reply = typeof script === "function" ? script(request) : script;
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(payload));
    };
    if (reply.kind === "status")
      send(reply.status, reply.body ?? { error: { type: "server_error" } }, reply.headers);
    else if (reply.kind === "slow") {
      const timer = setTimeout(() => {
        timers.delete(timer);
        send(200, envelope(protocol, body, { kind: "record", record: echoFor(request.prompt) }));
      }, reply.ms);
      timers.add(timer);
    } else send(200, envelope(protocol, body, reply));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    use: (...replies) => queue.push(...replies),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function promptOf(protocol: FakeProtocol, body: Record<string, unknown>): string {
  const messages = (body.messages ?? []) as { role: string; content: string }[];
  const user = messages.find((m) => m.role === "user");
  return protocol && typeof user?.content === "string" ? user.content : "";
}

function envelope(protocol: FakeProtocol, body: Record<string, unknown>, reply: FakeReply): unknown {
  const text =
    reply.kind === "text" ? reply.text : JSON.stringify(reply.kind === "record" ? reply.record : null);
  if (protocol === "openai") {
    const message = { role: "assistant", content: text };
    return {
      id: "chatcmpl-1",
      object: "chat.completion",
      choices: [{ index: 0, message, finish_reason: "stop" }],
    };
  }
  const tool = ((body.tools ?? []) as { name: string }[])[0]?.name ?? "tool";
  const content =
    reply.kind === "record"
      ? [{ type: "tool_use", id: "toolu_1", name: tool, input: reply.record }]
      : [{ type: "text", text }];
  return { id: "msg_1", type: "message", role: "assistant", content, stop_reason: "end_turn" };
}

/** The grounded echo of a record prompt or of a link-explanation prompt. */
function echoFor(prompt: string): unknown {
  return prompt.includes("\nLinks to explain:") ? groundedLinkEcho(prompt) : groundedEcho(prompt);
}

/** What a careful model would answer to a link prompt: each draft explanation, reworded without new names. */
export function groundedLinkEcho(prompt: string): { explanations: { link: string; text: string }[] } {
  const explanations: { link: string; text: string }[] = [];
  let link = "";
  for (const line of prompt.split("\n")) {
    const m = /^(L\d+) \| type: /.exec(line);
    if (m) link = m[1];
    else if (link && line.startsWith("Draft explanation: ")) {
      const draft = line.slice("Draft explanation: ".length).replace(/\.$/, "");
      explanations.push({ link, text: `${draft}, as the reports describe it.` });
      link = "";
    }
  }
  return { explanations };
}

/** Sentences and actors as the prompt lists them. */
export function readPrompt(prompt: string): {
  sentences: { ref: string; text: string }[];
  actors: { id: string; acts: string[] }[];
} {
  const sentences: { ref: string; text: string }[] = [];
  const actors: { id: string; acts: string[] }[] = [];
  let section = "";
  for (const line of prompt.split("\n")) {
    if (line.startsWith("Actors (")) section = "actors";
    else if (line.startsWith("Source sentences (")) section = "sentences";
    else if (line.startsWith("Headlines:")) section = "";
    else if (section === "sentences" && /^S\d+ \|/.test(line)) {
      const parts = line.split(" | ");
      sentences.push({ ref: parts[0], text: parts.slice(4).join(" | ") });
    } else if (section === "actors" && line.includes(" | ")) {
      const parts = line.split(" | ");
      const acts = parts[parts.length - 1] === "-" ? [] : parts[parts.length - 1].split(", ");
      actors.push({ id: parts[0], acts });
    }
  }
  return { sentences, actors };
}

/** What a careful model would answer: source sentences copied with their refs, a line per acting actor. */
export function groundedEcho(prompt: string): unknown {
  const { sentences, actors } = readPrompt(prompt);
  const text = new Map(sentences.map((s) => [s.ref, s.text.replace(/^[A-Z ]+\([A-Z]+\) — /, "")]));
  const first = sentences[0]?.ref ?? "S1";
  const last = sentences[Math.min(1, sentences.length - 1)]?.ref ?? first;
  const title = (text.get(first) ?? "")
    .split(" ")
    .slice(0, 8)
    .join(" ")
    .replace(/[,.;:]$/, "");
  return {
    title,
    summary: [{ text: text.get(first) ?? "", cites: [first] }],
    significance: { text: text.get(last) ?? "", cites: [last] },
    responses: actors
      .filter((a) => a.acts.length > 0 && text.has(a.acts[0]))
      .map((a) => ({ actorId: a.id, text: text.get(a.acts[0]), cites: [a.acts[0]] })),
  };
}
