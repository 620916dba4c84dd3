import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventLink } from "../model/link.ts";
import { type FakeLlmServer, startFakeLlmServer } from "../synthesize/llm/start-fake-llm-server.ts";
import { defaultNameOf, eventRef } from "./explain-link.ts";
import { createLlmLinkExplainer, type LlmExplainerOptions } from "./llm-explain-links.ts";
import { STORY } from "./testdata/digests.ts";

const newer = STORY.kazakhMediation;
const older = STORY.deployment;
const ref = eventRef(older, newer);
const TEMPLATE = `De-escalates after ${ref}: talks following a military build-up.`;

function link(): EventLink {
  return {
    fromEvent: newer.id,
    toEvent: older.id,
    type: "de-escalation",
    confidence: 0.7,
    explanation: TEMPLATE,
    evidence: {
      sharedActors: ["AZE", "ARM"],
      sharedPlaces: [],
      cues: [],
      intensityChange: 9.2,
      textSimilarity: 0.4,
    },
  };
}

describe("the LLM link explainer", () => {
  let server: FakeLlmServer;
  beforeAll(async () => {
    server = await startFakeLlmServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const explainer = (provider: "openai" | "anthropic", over: Partial<LlmExplainerOptions> = {}) =>
    createLlmLinkExplainer({
      provider,
      baseUrl: provider === "openai" ? `${server.url}/v1` : server.url,
      model: "test-model",
      apiKey: "k",
      timeoutMs: 5_000,
      maxRetries: 1,
      budget: 10,
      retryBaseMs: 1,
      sleep: async () => {},
      ...over,
    });
  const answer = (text: string) => ({
    kind: "record" as const,
    record: { explanations: [{ link: "L1", text }] },
  });

  it.each(["openai", "anthropic"] as const)(
    "uses a grounded answer (%s) and shows the model the evidence",
    async (p) => {
      const good = `Azerbaijan's move to talks under Kazakh mediation de-escalates after ${ref}, when it massed armoured brigades on the Armenian border.`;
      server.use(answer(good));
      const l = link();
      await explainer(p).explain(newer, [{ link: l, older }], defaultNameOf);
      expect(l.explanation).toBe(good);
      expect(l.evidence.explainedBy).toBe("llm:test-model");
      expect(l.evidence.explanationFallback).toBeUndefined();
      const prompt = server.requests.at(-1)!.prompt;
      expect(prompt).toContain(`L1 | type: de-escalation | earlier event reference: ${ref}`);
      expect(prompt).toContain(`Draft explanation: ${TEMPLATE}`);
      expect(prompt).toContain(older.title);
    },
  );

  it.each([
    {
      name: "a name absent from both events",
      text: `Vladimir Putin welcomed the talks, which de-escalate after ${ref}.`,
      reason: 'ungrounded name "Vladimir Putin"',
    },
    {
      name: "a number absent from both events",
      text: `Talks with 40,000 observers de-escalate after ${ref}.`,
      reason: "ungrounded number 40,000",
    },
    {
      name: "no reference to the earlier event",
      text: "The talks de-escalate after the armoured build-up on the border.",
      reason: `does not name the earlier event as ${ref}`,
    },
    { name: "an empty answer", text: "", reason: "no explanation for this link" },
  ])("keeps the template when the answer has $name", async ({ text, reason }) => {
    server.use(answer(text));
    const l = link();
    await explainer("openai").explain(newer, [{ link: l, older }], defaultNameOf);
    expect(l.explanation).toBe(TEMPLATE);
    expect(l.evidence.explanationFallback).toBe(reason);
    expect(l.evidence.explainedBy).toBeUndefined();
  });

  it("keeps templates on malformed JSON, server errors and an exhausted budget", async () => {
    server.use({ kind: "text", text: "{ not json" });
    const a = link();
    await explainer("openai").explain(newer, [{ link: a, older }], defaultNameOf);
    expect(a.evidence.explanationFallback).toBe("malformed JSON");

    server.use({ kind: "status", status: 500 }, { kind: "status", status: 500 });
    const b = link();
    await explainer("openai").explain(newer, [{ link: b, older }], defaultNameOf);
    expect(b.explanation).toBe(TEMPLATE);
    expect(b.evidence.explanationFallback).toMatch(/HTTP 500/);

    const before = server.requests.length;
    const c = link();
    await explainer("openai", { budget: 0 }).explain(newer, [{ link: c, older }], defaultNameOf);
    expect(c.evidence.explanationFallback).toBe("budget exhausted");
    expect(server.requests.length).toBe(before);
  });
});
