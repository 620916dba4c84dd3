import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../config/load.ts";
import type { EventLink, RelationType } from "../model/link.ts";
import { openStore } from "../store/store.ts";
import { type FakeLlmServer, startFakeLlmServer } from "../synthesize/llm/start-fake-llm-server.ts";
import { createContext, type PipelineContext } from "./context.ts";
import { ingestFile } from "./ingest-file.ts";
import { installLinking, linkEvents } from "./link-events.ts";
import { installSynthesis } from "./synthesize-events.ts";

// The demo corpus's labels are the intended events; the pipeline runs at its default settings.
const STRICT = {};

describe("linkEvents over the demo corpus", () => {
  let ctx: PipelineContext;
  let dir: string;
  const byLabel = new Map<string, Set<number>>();
  let links: EventLink[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sitrep-link-"));
    const config = testConfig({ "database.url": join(dir, "t.db"), "log.level": "silent", ...STRICT });
    const store = await openStore(config["database.url"]);
    ctx = await createContext(config, store, {
      log: pino({ level: "silent" }),
      now: () => new Date("2026-11-21T12:00:00Z"),
    });
    installSynthesis(ctx);
    installLinking(ctx);
    await ingestFile(ctx, "demo/articles.ndjson");
    for (const r of await store.articles.assignments()) {
      if (r.eventId === null || !r.gold?.label) continue;
      const s = byLabel.get(r.gold.label) ?? new Set<number>();
      s.add(r.eventId);
      byLabel.set(r.gold.label, s);
    }
    links = await linksAll();
  }, 120_000);

  afterAll(async () => {
    await ctx.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function linksAll(): Promise<EventLink[]> {
    const ids = (await ctx.store.events.listEvents({ limit: 1000 })).map((e) => e.id);
    return (await ctx.store.links.linksAmong(ids)).filter(
      (l, i, all) => all.findIndex((m) => m.fromEvent === l.fromEvent && m.toEvent === l.toEvent) === i,
    );
  }

  const events = (label: string) => byLabel.get(label) ?? new Set<number>();
  const between = (from: string, to: string) =>
    links.filter((l) => events(from).has(l.fromEvent) && events(to).has(l.toEvent));

  it.each([
    {
      name: "Pakistan-mediated talks run in parallel with the Turkish mediation",
      from: "iran-us-backchannel-via-pakistan",
      to: "turkey-mediates-us-iran-ceasefire-extension",
      type: "parallel",
    },
    {
      name: "the talks de-escalate after the troop deployment",
      from: "iran-us-backchannel-via-pakistan",
      to: "us-deploys-troops-and-carrier-group",
      type: "de-escalation",
    },
    {
      name: "the Lebanon truce responds to the US-Iran negotiations",
      from: "lebanon-israel-10-day-ceasefire",
      to: "us-iran-backchannel-progress",
      type: "response",
    },
    {
      name: "the denial of a formal agreement contradicts the reported progress",
      from: "iran-denies-formal-agreement",
      to: "us-iran-backchannel-progress",
      type: "contradicts",
    },
  ])("$name", ({ from, to, type }) => {
    const found = between(from, to);
    expect(found.map((l) => l.type)).toContain(type as RelationType);
    const link = found.find((l) => l.type === type);
    expect(link?.explanation).toMatch(/\(#\d+, '.+', \d{1,2} (Oct|Nov)\)/);
  });

  it("a denial contradicts what it denies, not every earlier event its words brush against", () => {
    // "denied reports … that American and Iranian representatives had initialled a framework document": the reported
    // deal, not the backchannel's representatives, the red line, or an army spokesman's "Islamic Republic".
    const denial = "iran-denies-formal-agreement";
    for (const other of [
      "iran-us-backchannel-via-pakistan",
      "iran-warns-over-us-buildup",
      "araghchi-red-line-on-enrichment",
    ])
      expect(between(denial, other).map((l) => l.type)).not.toContain("contradicts");
    // "denied … that it supplies the Rapid Support Forces with weapons, hours after Sudan's ambassador accused it …
    // of providing drones used in attacks on El Obeid": the accusation, not the strike named past the comma.
    const uae = "uae-denies-arming-rsf";
    expect(between(uae, "sudan-accuses-uae-at-security-council").map((l) => l.type)).toContain("contradicts");
    expect(between(uae, "rsf-drone-strike-el-obeid").map((l) => l.type)).not.toContain("contradicts");
    // "A Kyrgyz border guard was wounded … Kyrgyzstan's Border Service said, accusing Tajik troops of the shooting";
    // "Tajikistan's Border Troops denied that its forces had opened fire": the event's own claim and its denial.
    const shooting = links.filter((l) => events("vorukh-ceasefire-violation").has(l.fromEvent));
    expect(shooting.length).toBeGreaterThan(0);
    expect(shooting.map((l) => l.type)).not.toContain("contradicts");
    expect(between("vorukh-ceasefire-violation", "kyrgyz-tajik-ceasefire").map((l) => l.type)).toContain(
      "escalation",
    );
  });

  it("a cue naming who said something points at what was said, not at the speaker's earlier events", () => {
    // "after Washington announced it was sending 10,000 more troops": the deployment.
    expect(
      between("iran-warns-over-us-buildup", "us-deploys-troops-and-carrier-group").map((l) => l.type),
    ).toContain("response");
    // "after the Kyrgyz Border Service said Tajik troops had set up a checkpoint there overnight": news of its own, not
    // the shooting the Border Service reported three days before.
    const warning = links.filter((l) => events("kyrgyz-warning-on-disputed-road").has(l.fromEvent));
    expect(warning.length).toBeGreaterThan(0);
    expect(warning.map((l) => l.type)).not.toContain("response");
  });

  it("a reaction responds to what it reacts to, and a report's aside does not", () => {
    // "Iran supports ceasefire in Lebanon": Iran's backing responds to the truce (it was only background before).
    expect(
      between("iran-state-media-endorses-lebanon-truce", "lebanon-israel-10-day-ceasefire").map(
        (l) => l.type,
      ),
    ).toContain("response");
    // The truce extension's reports quote Turkey welcoming the extension: that is no response to the talks.
    expect(
      between("us-iran-ceasefire-extended", "iran-us-backchannel-via-pakistan").map((l) => l.type),
    ).not.toContain("response");
  });

  it("a cue that dates what it points at points at the event of that day", () => {
    // "after the 28 October drone strike on El Obeid": the strike (28 Oct), not the army's reinforcement of the city
    // two days later, whose reports also tell of the strike.
    const accusation = "sudan-accuses-uae-at-security-council";
    expect(between(accusation, "rsf-drone-strike-el-obeid").map((l) => l.type)).toContain("response");
    expect(between(accusation, "saf-reinforces-kordofan-front").map((l) => l.type)).not.toContain("response");
  });

  it("types a theatre link by intensity alone only to the last step before: progress after sanctions, not the build-up", () => {
    // The build-up (1 Nov) is linked from the backchannel (4 Nov); the sanctions round (5 Nov) came after both.
    expect(
      between("us-iran-backchannel-progress", "us-sanctions-iranian-oil-network").map((l) => l.type),
    ).toContain("de-escalation");
    expect(between("us-iran-backchannel-progress", "us-deploys-troops-and-carrier-group")).toEqual([]);
    expect(
      between("iran-us-backchannel-via-pakistan", "us-deploys-troops-and-carrier-group").length,
    ).toBeGreaterThan(0);
  });

  it("says what two linked reports share in readable words: names whole and capitalized", () => {
    const all = links.map((l) => l.explanation).join("\n");
    expect(all).toMatch(/\bmention [^\n]*Esmail Baghaei/);
    expect(all).not.toMatch(/\bmention [^\n]*\besmail\b/);
  });

  it("stores storylines and theatre escalation days", async () => {
    const lines = await ctx.store.links.listStorylines("iran-israel");
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.eventIds.length > 1 && l.name.length > 0)).toBe(true);
    const days = await ctx.store.links.theatreDays("iran-israel");
    expect(days.length).toBeGreaterThan(5);
  });

  it("a merge leaves no link pointing at the redirect, and its linkers are linked again", async () => {
    const target = links.reduce(
      (best, l) => {
        const n = links.filter((m) => m.toEvent === l.toEvent).length;
        return n > best.n ? { id: l.toEvent, n } : best;
      },
      { id: 0, n: 0 },
    ).id;
    const into =
      [...(await ctx.store.events.listEvents({ limit: 1000 }))].find((e) => e.id !== target && e.id > target)
        ?.id ?? 0;
    const linkers = links.filter((l) => l.toEvent === target).map((l) => l.fromEvent);
    // As the clustering transaction merges: the links to the merged event go, and its linkers are given.
    let unlinked: number[] = [];
    await ctx.store.transaction(async (tx) => {
      await tx.articles.moveEvent(target, into);
      await tx.events.setRedirect(target, into);
      unlinked = await tx.links.removeLinksOf(target);
    });
    expect(unlinked.sort()).toEqual([...new Set(linkers)].sort());
    const report = await linkEvents(ctx, [into], unlinked);
    expect(report.events).toBe(new Set([into, ...linkers]).size);
    const after = await ctx.store.links.allLinks();
    expect(after.some((l) => l.fromEvent === target || l.toEvent === target)).toBe(false);
    expect(linkers.length).toBeGreaterThan(0);
  });
});

describe("link explanations from the LLM engine (link.engine llm, a local fake endpoint)", () => {
  let server: FakeLlmServer;
  let ctx: PipelineContext;
  let dir: string;

  beforeAll(async () => {
    server = await startFakeLlmServer();
    dir = mkdtempSync(join(tmpdir(), "sitrep-link-llm-"));
    const config = testConfig({
      "database.url": join(dir, "t.db"),
      "log.level": "silent",
      "link.engine": "llm",
      "llm.baseUrl": `${server.url}/v1`,
      "llm.model": "test-model",
      "llm.maxRetries": 0,
    });
    ctx = await createContext(config, await openStore(config["database.url"]), {
      log: pino({ level: "silent" }),
      now: () => new Date("2026-11-21T12:00:00Z"),
    });
    installSynthesis(ctx);
    installLinking(ctx);
    await ingestFile(ctx, "demo/articles.ndjson");
  }, 120_000);

  const stored = async () => {
    const ids = (await ctx.store.events.listEvents({ limit: 1000 })).map((e) => e.id);
    return ctx.store.links.linksAmong(ids);
  };

  afterAll(async () => {
    await ctx.store.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("stores the model's grounded wording, naming the earlier event, and says who wrote it", async () => {
    const links = await stored();
    expect(links.length).toBeGreaterThan(10);
    for (const l of links) {
      expect(l.evidence.explainedBy).toBe("llm:test-model");
      expect(l.explanation).toMatch(new RegExp(`\\(#${l.toEvent}, '`));
      expect(l.explanation).toMatch(/as the reports describe it\.$/);
    }
    // Records stayed extractive (synth.engine), so every request was a link request.
    expect(server.requests.every((r) => r.prompt.includes("\nLinks to explain:"))).toBe(true);
  });

  it("does not ask again for links that did not change when events are linked again", async () => {
    const ids = (await ctx.store.events.listEvents({ limit: 1000 })).map((e) => e.id);
    const before = server.requests.length;
    await linkEvents(ctx, ids);
    expect(server.requests.length).toBe(before);
    const links = await stored();
    expect(links.every((l) => l.evidence.explainedBy === "llm:test-model")).toBe(true);
  });

  it("keeps the template, with the reason, where the model's text is not grounded", async () => {
    const [event] = await ctx.store.events.listEvents({ limit: 1 });
    await ctx.store.links.removeLinksOf(event.id);
    // Linking again from an empty graph state: the event's links are new and asked for.
    server.use((req) => ({
      kind: "record",
      record: {
        explanations: [
          ...req.prompt.matchAll(/^(L\d+) \| type: \S+ \| earlier event reference: (.+)$/gm),
        ].map((m) => ({ link: m[1], text: `Vladimir Putin comments on ${m[2]}.` })),
      },
    }));
    const fresh = await createContext(ctx.config, ctx.store, {
      log: pino({ level: "silent" }),
      now: () => new Date("2026-11-21T12:00:00Z"),
    });
    installLinking(fresh);
    await linkEvents(fresh, [event.id]);
    const out = (await stored()).filter((l) => l.fromEvent === event.id);
    expect(out.length).toBeGreaterThan(0);
    for (const l of out) {
      expect(l.evidence.explainedBy).toBeUndefined();
      expect(l.evidence.explanationFallback).toBe('ungrounded name "Vladimir Putin"');
      expect(l.explanation).toMatch(
        /^(Runs|Responds|Escalates|De-escalates|Contradicts|Continues|Background)/,
      );
    }
  });
});
