import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentenceRef } from "../src/model/actor.ts";
import type { SitrepEvent } from "../src/model/event.ts";
import type { PipelineContext } from "../src/pipeline/context.ts";
import { ingestFile } from "../src/pipeline/ingest-file.ts";
import { installSynthesis } from "../src/pipeline/synthesize-events.ts";
import { type FakeLlmServer, startFakeLlmServer } from "../src/synthesize/llm/start-fake-llm-server.ts";
import { tempContext } from "./helpers.ts";

const DEMO = new URL("../demo/articles.ndjson", import.meta.url).pathname;

async function liveEvents(ctx: PipelineContext): Promise<SitrepEvent[]> {
  return ctx.store.events.listEvents({ limit: 10_000 });
}

/** Every ref must point at an existing sentence of a member article. */
async function checkRefs(
  ctx: PipelineContext,
  e: SitrepEvent,
  refs: SentenceRef[],
  what: string,
): Promise<void> {
  expect(refs.length, `${what} of #${e.id} has no source sentence`).toBeGreaterThan(0);
  const members = new Map((await ctx.store.articles.articlesOfEvent(e.id)).map((a) => [a.id, a]));
  for (const r of refs) {
    const a = members.get(r.articleId);
    expect(a, `${what} of #${e.id} cites an article outside the event`).toBeDefined();
    expect(a?.sentences[r.sentence], `${what} of #${e.id} cites a missing sentence`).toBeTruthy();
  }
}

describe("event records over the demo corpus (extractive)", () => {
  let ctx: PipelineContext;
  beforeAll(async () => {
    ctx = await tempContext();
    installSynthesis(ctx);
    await ingestFile(ctx, DEMO);
  });
  afterAll(() => ctx.store.close());

  it("writes a record for every live event", async () => {
    const events = await liveEvents(ctx);
    expect(events.length).toBeGreaterThan(20);
    for (const e of events) expect(e.record, `#${e.id}`).not.toBeNull();
  });

  it("grounds every summary, significance and response sentence in the event's source sentences", async () => {
    for (const e of await liveEvents(ctx)) {
      const r = e.record!;
      expect(r.summary.length).toBeGreaterThan(0);
      for (const s of r.summary) await checkRefs(ctx, e, s.support, "summary");
      await checkRefs(ctx, e, r.significance.support, "significance");
      for (const resp of r.responses) await checkRefs(ctx, e, resp.support, `response of ${resp.actorName}`);
    }
  });

  it("takes every summary sentence from its cited source sentence", async () => {
    for (const e of await liveEvents(ctx)) {
      const members = new Map((await ctx.store.articles.articlesOfEvent(e.id)).map((a) => [a.id, a]));
      for (const s of e.record!.summary) {
        const src = s.support.map((r) => members.get(r.articleId)?.sentences[r.sentence] ?? "").join(" ");
        // Condensing only removes datelines and adds a final period.
        expect(src.replace(/\s+/g, " ")).toContain(s.text.replace(/\.$/, "").slice(0, 60));
      }
    }
  });

  it.each([
    // Ukrainian officials speak in most of the strike's sentences; the headlines and openings say who struck.
    { title: "Russian drones and missiles hit power facilities", act: /force by Russia against Ukraine/ },
    { title: "General Staff confirms strike on Saratov refinery", act: /force by Ukraine against Russia/ },
    // "Treasury sanctions Iranian oil shipping network": the Treasury is not Iran's.
    {
      title: "US blacklists tankers, firms over Iranian oil sales",
      act: /pressure by the United States on Iran/,
    },
    {
      title: "U.S. sanctions three RSF commanders",
      act: /pressure by the United States on the Rapid Support Forces/,
    },
    // "Zelensky secures … missiles": Ukraine receives.
    { title: "Zelensky secures IRIS-T and Patriot missiles", act: /support by Germany to Ukraine/ },
    // "after a drone attack by the Rapid Support Forces": the RSF struck, whoever the sentence's subject is.
    { title: "RSF drone strike on El Obeid", act: /force by the Rapid Support Forces against Sudan/ },
    // A truce binds those both acting and acted upon; those announcing it broker it.
    {
      title: "US-Iran ceasefire extended by 21 days",
      act: /a ceasefire between Iran and the United States, brokered by Pakistan and Qatar,/,
    },
    {
      title: "Israel and Lebanon agree 10-day ceasefire",
      // Agreeing to a truce is an agreement (PLOVER's convention), worded as the truce it agrees.
      act: /a ceasefire agreement between (Lebanon and Israel|Israel and Lebanon)/,
    },
    // Iran's backing of the Lebanon truce is backing, though every report names the truce it backs.
    { title: "Iran supports ceasefire in Lebanon", act: /political backing by Iran for Lebanon/ },
    { title: "Russia and Ukraine swap 185 prisoners", act: /a prisoner exchange between Russia and Ukraine/ },
  ])("says who did what to whom in the significance sentence: $title", async ({ title, act }) => {
    const e = (await liveEvents(ctx)).find((x) => x.record?.title.startsWith(title));
    expect(e?.record?.significance.text).toMatch(act);
  });

  it("tells the seeds' story: Iran's foreign ministry confirms the Pakistani channel, state media mark", async () => {
    const [id] = await ctx.store.events.searchIds("Pakistani Baghaei backchannel");
    const got = await ctx.store.events.getEvent(id);
    const r = got!.event.record!;
    expect(r.theatres).toContain("iran-israel");
    expect(r.responses.map((x) => x.actorName).join(" ")).toMatch(/Baghaei/);
    expect(r.significance.text).toMatch(/Iran/);
  });

  it("lists a country's officials under its government, and names each response as its quote does", async () => {
    // The actors table named every US official "American mediators" (the last words it met), and #22's response
    // by "a senior Israeli official" read "Israeli cabinet".
    const e = (await liveEvents(ctx)).find((x) => x.record?.title.startsWith("Israeli officials briefed"));
    expect(e).toBeDefined();
    const listed = new Map(
      ((await ctx.store.events.actorsOfEvents([e!.id])).get(e!.id) ?? []).map((a) => [a.id, a]),
    );
    expect(listed.get("ISR-GOV")?.name).toBe("Israeli government");
    expect(listed.get("USA-GOV")).toMatchObject({
      name: "American government",
      kind: "government",
      role: null,
    });
    const response = e!.record!.responses.find((x) => x.actorId === "ISR-GOV");
    expect(response?.actorName).toBe("Israeli official");
  });
});

describe("event records with the LLM engine against a local server", () => {
  let server: FakeLlmServer;
  beforeAll(async () => {
    server = await startFakeLlmServer();
  });
  afterAll(() => server.close());

  it("uses grounded model output and falls back per field, saying why", async () => {
    const ctx = await tempContext({
      "synth.engine": "llm",
      "llm.provider": "openai",
      "llm.baseUrl": `${server.url}/v1`,
      "llm.apiKey": "k",
      "llm.maxRetries": 0,
      "llm.timeoutMs": 5_000,
    });
    // First request: malformed JSON; then the server answers with grounded echoes.
    server.use({ kind: "text", text: "{not json" });
    installSynthesis(ctx);
    await ingestFile(ctx, DEMO);
    const events = await liveEvents(ctx);
    expect(server.requests.length).toBeGreaterThan(0);
    const engines = events.map((e) => e.record?.engine ?? "");
    expect(engines.some((x) => x.startsWith("llm:"))).toBe(true);
    const fellBack = events.filter((e) => (e.record?.fallbacks.length ?? 0) > 0);
    expect(fellBack.length).toBeGreaterThan(0);
    expect(fellBack[0].record!.fallbacks.join(" ")).toMatch(/JSON|json|parse/);
    for (const e of events) for (const s of e.record!.summary) expect(s.support.length).toBeGreaterThan(0);
    await ctx.store.close();
  });
});
