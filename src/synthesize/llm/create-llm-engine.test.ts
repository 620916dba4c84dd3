import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_INPUTS } from "../engine-contract.ts";
import type { LlmRecord } from "./llm-record.ts";
import { makeTestEngine } from "./make-test-engine.ts";
import {
  type FakeLlmServer,
  type FakeRequest,
  groundedEcho,
  startFakeLlmServer,
} from "./start-fake-llm-server.ts";

const INPUT = CONTRACT_INPUTS[0].input;
const ALL_FIELDS = ["title", "summary", "significance", "responses"];

let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** A reply that is the grounded echo with one change. */
const edited = (edit: (r: LlmRecord) => void) => (req: FakeRequest) => {
  const record = groundedEcho(req.prompt) as LlmRecord;
  edit(record);
  return { kind: "record" as const, record };
};

describe.each(["openai", "anthropic"] as const)("llm engine over %s", (provider) => {
  it("uses a grounded answer and maps its refs to article sentences", async () => {
    const { engine, fallback } = makeTestEngine(server, provider);
    const out = await engine.synthesize(INPUT);
    expect(out.fallbacks).toEqual([]);
    expect(out.engine).toBe("llm:test-model");
    expect(out.title).toBe("Iran confirmed on Wednesday that it is exchanging");
    expect(out.summary[0].support).toEqual([{ articleId: "demo-037", sentence: 0 }]);
    expect(out.significance.support).toEqual([{ articleId: "demo-036", sentence: 0 }]);
    expect(out.responses.map((r) => [r.actorId, r.actorName, r.support])).toEqual([
      ["IRN", "Iran", [{ articleId: "demo-037", sentence: 0 }]],
      ["PAK", "Pakistan", [{ articleId: "demo-037", sentence: 3 }]],
      ["person:esmail-baghaei", "Esmail Baghaei", [{ articleId: "demo-036", sentence: 0 }]],
    ]);
    expect(fallback.calls).toBe(0);
  });

  it("sends the numbered sentences and the JSON schema the protocol expects", async () => {
    const { engine } = makeTestEngine(server, provider);
    await engine.synthesize(INPUT);
    const [req] = server.requests;
    expect(req.prompt).toContain(
      "S4 | Meridian Press Agency | 2026-11-04 | PAK, IRN, USA | Pakistan, which shares",
    );
    expect(req.prompt).toContain(
      "person:esmail-baghaei | Esmail Baghaei | official, Foreign Ministry spokesman",
    );
    expect(req.body.model).toBe("test-model");
    if (provider === "openai") {
      expect(req.headers.authorization).toBe("Bearer test-key");
      const format = req.body.response_format as {
        type: string;
        json_schema: { strict: boolean; schema: object };
      };
      expect(format.type).toBe("json_schema");
      expect(format.json_schema.strict).toBe(true);
      expect(format.json_schema.schema).toMatchObject({ required: ALL_FIELDS, additionalProperties: false });
    } else {
      expect(req.headers["x-api-key"]).toBe("test-key");
      expect(req.headers["anthropic-version"]).toBe("2023-06-01");
      const [tool] = req.body.tools as { name: string; input_schema: object }[];
      expect(tool.input_schema).toMatchObject({ type: "object", required: ALL_FIELDS });
      expect(req.body.tool_choice).toEqual({ type: "tool", name: tool.name });
    }
  });

  const whole: { name: string; reply: Parameters<FakeLlmServer["use"]>[0]; reason: RegExp }[] = [
    {
      name: "malformed JSON",
      reply: { kind: "text", text: '{"title": "Iran confirms' },
      reason: /^malformed JSON$/,
    },
    {
      name: "schema-invalid JSON",
      reply: { kind: "record", record: { title: 5, summary: "no" } },
      reason: /^schema mismatch at title/,
    },
  ];
  for (const c of whole) {
    it(`takes every field from the fallback on ${c.name}`, async () => {
      server.use(c.reply);
      const { engine } = makeTestEngine(server, provider);
      const out = await engine.synthesize(INPUT);
      expect(out.title).toBe("Fallback title 36");
      expect(out.engine).toBe("llm:test-model+extractive");
      expect(out.fallbacks.map((f) => f.split(": ")[0])).toEqual(ALL_FIELDS);
      for (const f of out.fallbacks) expect(f.slice(f.indexOf(": ") + 2)).toMatch(c.reason);
    });
  }

  const fields: { name: string; edit: (r: LlmRecord) => void; field: string; reason: string }[] = [
    {
      name: "a number not in the cited sentences",
      edit: (r) => {
        r.summary[0].text = "Iran confirmed talks as the United States sent 12,000 troops.";
      },
      field: "summary",
      reason: "ungrounded number 12,000",
    },
    {
      name: "a name not in the cited sentences",
      edit: (r) => {
        r.significance.text = "This shows Russia backing the mediation.";
      },
      field: "significance",
      reason: 'ungrounded name "Russia"',
    },
    {
      name: "a number word not in the cited sentences",
      edit: (r) => {
        r.title = "Iran and United States hold three rounds of talks";
      },
      field: "title",
      reason: "ungrounded number 3",
    },
    {
      name: "an uncited sentence",
      edit: (r) => {
        r.significance.cites = [];
      },
      field: "significance",
      reason: "uncited",
    },
    {
      name: "a ref that is not in the input",
      edit: (r) => {
        r.summary[0].cites = ["S1", "S99"];
      },
      field: "summary",
      reason: 'cites unknown ref "S99"',
    },
    {
      name: "three summary sentences",
      edit: (r) => {
        r.summary = [r.summary[0], r.summary[0], r.summary[0]];
      },
      field: "summary",
      reason: "3 sentences, want 1-2",
    },
  ];
  for (const c of fields) {
    it(`falls back for the one field with ${c.name}`, async () => {
      server.use(edited(c.edit));
      const { engine } = makeTestEngine(server, provider);
      const out = await engine.synthesize(INPUT);
      expect(out.fallbacks).toEqual([`${c.field}: ${c.reason}`]);
      expect(out.engine).toBe("llm:test-model+extractive");
      expect(out.title === "Fallback title 36").toBe(c.field === "title");
      expect(out.significance.text === "Fallback significance.").toBe(c.field === "significance");
      expect(out.summary[0].text.startsWith("Fallback summary")).toBe(c.field === "summary");
    });
  }

  it("replaces one actor's ungrounded line and drops unknown actors", async () => {
    server.use(
      edited((r) => {
        const pak = r.responses.find((x) => x.actorId === "PAK")!;
        pak.text = "Sent Foreign Minister Ishaq Dar to Tehran.";
        r.responses.push({ actorId: "QAT", text: "Welcomed the talks.", cites: ["S1"] });
      }),
    );
    const { engine } = makeTestEngine(server, provider);
    const out = await engine.synthesize(INPUT);
    expect(out.fallbacks).toEqual([
      'responses.PAK: ungrounded name "Foreign Minister Ishaq Dar"',
      "responses.QAT: unknown actor",
    ]);
    expect(out.responses.find((r) => r.actorId === "PAK")?.text).toBe("Fallback line for Pakistan.");
    expect(out.responses.find((r) => r.actorId === "IRN")?.text).toMatch(/^Iran confirmed/);
    expect(out.responses.some((r) => r.actorId === "QAT")).toBe(false);
  });

  it("fills an acting actor the model left out from the fallback", async () => {
    server.use(
      edited((r) => {
        r.responses = r.responses.filter((x) => x.actorId !== "IRN");
      }),
    );
    const { engine } = makeTestEngine(server, provider);
    const out = await engine.synthesize(INPUT);
    expect(out.fallbacks).toEqual(["responses.IRN: not written by the model"]);
    expect(out.responses.find((r) => r.actorId === "IRN")?.text).toBe("Fallback line for Iran.");
  });

  it("stops asking the model once the budget is spent", async () => {
    const { engine } = makeTestEngine(server, provider, { budget: 2 });
    const outs = [];
    for (let i = 0; i < 3; i++) outs.push(await engine.synthesize(INPUT));
    expect(server.requests).toHaveLength(2);
    expect(outs.map((o) => o.fallbacks.length)).toEqual([0, 0, 4]);
    expect(outs[2].fallbacks).toContain("title: budget exhausted");
    expect(outs[2].engine).toBe("llm:test-model+extractive");
  });
});
