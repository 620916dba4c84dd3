import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../config/load.ts";
import type { Alert } from "../model/alert.ts";
import { openStore } from "../store/store.ts";
import { installAlerts } from "./alerts.ts";
import { createContext, type PipelineContext } from "./context.ts";
import { ingestFile } from "./ingest-file.ts";
import { installLinking } from "./link-events.ts";
import { installSynthesis } from "./synthesize-events.ts";

const RULES = [
  {
    id: "iran-escalation",
    name: "Escalation in the Iran–Israel conflict",
    theatre: "iran-israel",
    relations: ["escalation", "contradicts"],
  },
  {
    id: "truce-answers",
    name: "A truce answering something",
    types: ["AGREE", "RETREAT"],
    relations: ["response"],
  },
  { id: "kyrgyz-violence", actors: ["KGZ", "TJK"], maxIntensity: -9 },
];

const dirs: string[] = [];
let server: Server;
let port = 0;
const received: { alert: Alert }[] = [];
let refuse = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      if (refuse) return res.writeHead(503).end();
      received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function demoContext(webhook: string): Promise<PipelineContext> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-alerts-"));
  dirs.push(dir);
  const config = testConfig({
    "database.url": join(dir, "t.db"),
    "log.level": "silent",
    "alerts.rules": RULES,
    "alerts.webhook": webhook,
  });
  const ctx = await createContext(config, await openStore(config["database.url"]), {
    log: pino({ level: "silent" }),
    now: () => new Date("2026-11-21T12:00:00Z"),
  });
  installSynthesis(ctx);
  installLinking(ctx);
  installAlerts(ctx);
  return ctx;
}

describe("alerts over the demo corpus", () => {
  let ctx: PipelineContext;
  let alerts: Alert[];

  beforeAll(async () => {
    ctx = await demoContext(`http://127.0.0.1:${port}/hook`);
    await ingestFile(ctx, "demo/articles.ndjson");
    alerts = await ctx.store.alerts.list({ limit: 500 });
  }, 120_000);

  afterAll(async () => {
    await ctx.store.close();
  });

  const titled = (rule: string) => alerts.filter((a) => a.ruleId === rule).map((a) => a.title);

  it("raises an alert when the pressure for strikes escalates against the talks, saying why", () => {
    expect(titled("iran-escalation")).toContain(
      "Ministers press Netanyahu to act against Iran before US-Iran deal",
    );
    const a = alerts.find((x) => x.title.startsWith("Ministers press Netanyahu"));
    expect(a?.reason).toMatch(
      /^Escalation in the Iran–Israel conflict: in the Iran–Israel conflict; escalation link to #\d+ 'Israeli officials briefed/,
    );
    // Stamped with the time of the report that raised it, not the replay's.
    expect(a?.createdAt.slice(0, 10)).toBe("2026-11-16");
    // Talks and truces are not escalations.
    expect(titled("iran-escalation")).not.toContain("US-Iran ceasefire extended by 21 days, mediators say");
  });

  it("raises the Lebanon truce as a truce answering the talks, and the border war's fighting by its sides", () => {
    expect(titled("truce-answers")).toContain(
      "Israel and Lebanon agree 10-day ceasefire linked to US-Iran talks",
    );
    const border = titled("kyrgyz-violence");
    expect(border).toContain("Shots fired near Vorukh despite ceasefire; Kyrgyz guard wounded");
    expect(border.every((t) => !/ceasefire agreed|talks|commissions/i.test(t))).toBe(true);
  });

  it("posts each alert to the webhook once, and records the delivery", () => {
    expect(received.map((r) => r.alert.id).sort()).toEqual(alerts.map((a) => a.id).sort());
    expect(alerts.every((a) => a.deliveredAt !== null && a.deliveryError === null)).toBe(true);
  });

  it("raises nothing twice when the same reports come again", async () => {
    const before = received.length;
    await ingestFile(ctx, "demo/articles.ndjson");
    expect((await ctx.store.alerts.list({ limit: 500 })).length).toBe(alerts.length);
    expect(received.length).toBe(before);
  });
});

describe("a webhook that refuses", () => {
  it("keeps every alert with the reason it was not delivered", async () => {
    refuse = true;
    try {
      const ctx = await demoContext(`http://127.0.0.1:${port}/hook`);
      await ingestFile(ctx, "demo/articles.ndjson");
      const alerts = await ctx.store.alerts.list({ limit: 500 });
      expect(alerts.length).toBeGreaterThan(5);
      expect(alerts.every((a) => a.deliveredAt === null && a.deliveryError === "webhook answered 503")).toBe(
        true,
      );
      await ctx.store.close();
    } finally {
      refuse = false;
    }
  }, 120_000);
});
