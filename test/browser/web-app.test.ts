import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../../src/api/app.ts";
import { type RunningServer, startServer } from "../../src/api/server.ts";
import { fillFixtureRecords, openDemoContext } from "../../src/api/testdata/demo-fixture.ts";
import type { OpenThread, TheatreActor } from "../../src/link/theatre-overview.ts";
import type { Alert } from "../../src/model/alert.ts";
import { installAlerts } from "../../src/pipeline/alerts.ts";
import type { PipelineContext } from "../../src/pipeline/context.ts";
import { installLinking, linkEvents } from "../../src/pipeline/link-events.ts";
import { processArticles } from "../../src/pipeline/process-articles.ts";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = resolve(import.meta.dirname, "../..");
const SHOTS = join(ROOT, "test-output/screenshots");
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let ctx: PipelineContext;
let app: ReturnType<typeof createApi>;
let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let ids: Record<string, number>;
const cspErrors: string[] = [];
let webhook: Server;

// The rules of src/pipeline/alerts.test.ts. Alerts are raised when events are linked (see linkDemo).
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
const MINISTERS = "Ministers press Netanyahu to act against Iran before US-Iran deal";

async function text(l: Locator): Promise<string> {
  return (await l.textContent()) ?? "";
}

let linked: Promise<unknown> | undefined;
/**
 * Links the stored events as `sitrep ingest` links them, once: the fixture has only hand-written links, and
 * proposed theatres and alerts come from the linker's (this replaces those links; the tests above were their
 * readers).
 */
function linkDemo(): Promise<unknown> {
  linked ??= (async () => {
    installLinking(ctx);
    const all = (await ctx.store.events.listEvents({ limit: 1000 })).map((e) => e.id).sort((a, b) => a - b);
    await linkEvents(ctx, all);
    // Tell the server, as the pipeline's hook does after a batch: its cached API answers (the alerts page
    // already read an empty list) are dropped.
    app.deps.changes.notify(all);
  })();
  return linked;
}

async function getJson<T>(path: string): Promise<T> {
  return (await (await fetch(`${server.url}${path}`)).json()) as T;
}

/** Signed intensity with one decimal and a real minus sign, as the app writes it. */
function signed(v: number | null): string {
  return v === null ? "—" : `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(1)}`;
}

type TheatreOverview = { openThreads: OpenThread[]; actors: TheatreActor[] };

/** The open theatre page's Open threads and Actors sections show what the API returned, in its order. */
async function expectTheatreOverview(t: TheatreOverview) {
  const threads = page.locator('section[aria-labelledby="h-threads"] li.thread');
  await expect
    .poll(() => threads.evaluateAll((els) => els.map((e) => e.getAttribute("data-id"))))
    .toEqual(t.openThreads.map((s) => s.id));
  for (const [i, s] of t.openThreads.entries()) {
    const li = threads.nth(i);
    expect(await text(li.locator(".thread-name"))).toBe(s.name);
    expect(await li.locator(`.thread-trend .direction.dir-${s.trend}`).count()).toBe(1);
    expect(await text(li.locator(".thread-trend"))).toMatch(new RegExp(` ${s.trend}$`));
    expect(await text(li.locator(".thread-span"))).toMatch(
      new RegExp(`^${s.events} events · \\d{1,2} [A-Z][a-z]{2} \\d{4}( – \\d{1,2} [A-Z][a-z]{2} \\d{4})?$`),
    );
    const latest = li.locator(".thread-latest");
    expect(await text(latest.locator(".badge-type"))).toBe(s.latest.type);
    expect(await latest.locator("a").getAttribute("href")).toBe(`/events/${s.latest.id}`);
    expect(await text(latest.locator("a"))).toBe(`#${s.latest.id} ${s.latest.title}`);
  }
  const rows = page.locator('section[aria-labelledby="h-actors"] tbody tr');
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-id")))).toEqual(
    t.actors.map((a) => a.id),
  );
  for (const [i, a] of t.actors.entries()) {
    const row = rows.nth(i);
    expect(await text(row.locator(".actor-cell a"))).toBe(a.name);
    expect(await row.locator(".actor-cell a").getAttribute("href")).toBe(
      `/actors/${encodeURIComponent(a.id)}`,
    );
    expect(await text(row.locator(".actor-events"))).toBe(String(a.events));
    expect(await text(row.locator(".actor-intensity"))).toBe(signed(a.meanIntensity));
    expect(await text(row.locator(".actor-types"))).toBe(
      a.eventTypes.map((x) => `${x.type} ×${x.events}`).join(", ") || "—",
    );
  }
}

async function shot(name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

describe.skipIf(!hasChromium)("web app in Chromium", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await build({ configFile: join(ROOT, "web/vite.config.ts"), logLevel: "warn" });
    // A webhook that takes the alerts of rule iran-escalation and refuses the others.
    webhook = createServer((req, res) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        const { alert } = JSON.parse(body) as { alert: Alert };
        res.writeHead(alert.ruleId === "iran-escalation" ? 204 : 503).end();
      });
    });
    await new Promise<void>((r) => webhook.listen(0, "127.0.0.1", r));
    const hook = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
    ctx = await openDemoContext({ "alerts.rules": RULES, "alerts.webhook": hook }, { synthesis: true });
    installAlerts(ctx);
    ids = await fillFixtureRecords(ctx);
    app = createApi(ctx, { pollMs: 300 });
    server = await startServer(app, { host: "127.0.0.1", port: 0 });
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "sitrep-chromium-")), {
      executablePath: CHROMIUM,
      viewport: { width: 1360, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await ctx?.store.close();
    await new Promise((r) => (webhook ? webhook.close(r) : r(null)));
  });

  it("shows the live feed", async () => {
    await page.goto(`${server.url}/`);
    await page.locator(".event-row").first().waitFor();
    expect(await page.locator(".event-row").count()).toBeGreaterThan(20);
    await expect.poll(() => page.locator(".live").textContent()).toMatch(/Live/);
    await shot("feed");
  });

  it("puts a new event at the top of the feed without a reload", async () => {
    await processArticles(ctx, "src_browser_test", [
      {
        item: "b#1",
        raw: {
          externalId: "browser-1",
          url: "https://news.example/browser-1",
          title: "Flooding cuts the coastal highway north of Port Meridian",
          text: "Heavy rain flooded the coastal highway north of Port Meridian on Friday, officials said. Crews expect to reopen it by Sunday.",
          outlet: "Example News",
          publishedAt: "2026-11-20T23:00:00Z",
          author: null,
          language: "en",
          gold: null,
        },
      },
    ]);
    await page.locator(".event-row.flash-new", { hasText: "Port Meridian" }).waitFor({ timeout: 15_000 });
  });

  it("filters the feed by theatre and text", async () => {
    await page.goto(`${server.url}/?theatre=iran-israel`);
    await page.locator(".event-row").first().waitFor();
    const rows = await page.locator(".event-row").count();
    expect(rows).toBeGreaterThanOrEqual(4);
    expect(await page.locator(".event-row .chip", { hasText: "Iran–Israel" }).count()).toBe(rows);
    await page.goto(`${server.url}/?q=Baghaei`);
    await page.locator(`.event-row a[href="/events/${ids.pakistan}"]`).waitFor();
  });

  it("opens the Iran–US backchannel event with every section filled", async () => {
    await page.goto(`${server.url}/`);
    await page.locator(`.er-title a[href="/events/${ids.pakistan}"]`).click();
    await page.locator("#event-title").waitFor();
    expect(page.url()).toBe(`${server.url}/events/${ids.pakistan}`);
    const section = (id: string) => page.locator(`section[aria-labelledby="${id}"]`);
    expect(await text(page.locator("#event-title"))).toMatch(/Pakistan|mediat|backchannel|Baghaei/i);
    expect((await text(section("h-summary").locator(".summary"))).length).toBeGreaterThan(80);
    expect((await text(section("h-summary").locator(".significance"))).length).toBeGreaterThan(30);
    expect(await page.locator("#h-sources").textContent()).toMatch(/Sources \(\d+\)/);
    expect(await section("h-sources").locator(".sources li").count()).toBeGreaterThanOrEqual(2);
    expect(await section("h-responses").locator(".responses > li").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator("#h-related").textContent()).toMatch(/Related Events \([1-9]\d*\)/);
    expect(await section("h-related").locator(".badge-rel").count()).toBeGreaterThan(0);
    expect((await text(section("h-related").locator(".explanation").first())).length).toBeGreaterThan(20);
    expect(await page.locator(".changelog li").count()).toBeGreaterThan(0);
    await section("h-responses").locator(".responses summary").first().click();
    await section("h-responses").locator(".quotes li").first().waitFor();
    await section("h-content").locator("summary").click();
    expect((await text(section("h-content").locator(".content-text"))).length).toBeGreaterThan(500);
    await section("h-content").locator("summary").click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("event");
    await page.evaluate(() => document.getElementById("h-sources")?.scrollIntoView());
    await shot("event-sections");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("event-phone");
    await page.setViewportSize({ width: 1360, height: 900 });
  });

  it("follows a related-event link", async () => {
    const link = page.locator(".related-link").first();
    const href = (await link.getAttribute("href")) as string;
    await link.click();
    await page.waitForURL(`${server.url}${href}`);
    await page.locator("#event-title").waitFor();
    expect(await page.locator(`.related-link[href="/events/${ids.pakistan}"]`).count()).toBe(1);
  });

  it("walks the related-events graph", async () => {
    await page.goto(`${server.url}/events/${ids.pakistan}`);
    await page.getByRole("link", { name: "Open graph →" }).click();
    await page.locator(".graph-canvas canvas").first().waitFor();
    expect(await page.locator(".graph-list li").count()).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(300);
    await shot("graph");
    const other = page.locator(`.graph-list a:not([href="/events/${ids.pakistan}"])`).first();
    const href = (await other.getAttribute("href")) as string;
    await other.click();
    await page.waitForURL(`${server.url}${href}`);
    await page.locator("#event-title").waitFor();
  });

  it("shows a theatre's escalation chart, timeline, open threads, actors and storylines", async () => {
    // Before linking: the fixture's storyline is the theatre's one open thread.
    const t = await getJson<TheatreOverview>("/api/theatres/iran-israel");
    expect(t.openThreads.map((s) => s.id)).toEqual(["us-iran-backchannel"]);
    expect(t.actors[0]?.id).toBe("IRN");
    await page.goto(`${server.url}/theatres/iran-israel`);
    await page.locator(".chart svg").nth(1).waitFor();
    expect(await page.locator(".chart svg path").count()).toBeGreaterThan(20);
    expect(await page.locator(".storyline-chain li").count()).toBeGreaterThanOrEqual(2);
    await expectTheatreOverview(t);
    await page.waitForTimeout(300);
    await shot("theatre");
    // A theatre with no storyline yet says so, and still lists its actors.
    const sudan = await getJson<TheatreOverview>("/api/theatres/sudan");
    expect(sudan.openThreads).toEqual([]);
    expect(sudan.actors.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/theatres/sudan`);
    await page
      .locator('section[aria-labelledby="h-threads"] .state-empty', { hasText: "No open threads" })
      .waitFor();
    await expectTheatreOverview(sudan);
  });

  it("explains where alerts come from while no rule has raised one", async () => {
    // Nothing is linked yet, so the rules have raised nothing.
    expect((await getJson<{ items: Alert[] }>("/api/alerts")).items).toEqual([]);
    await page.goto(`${server.url}/`);
    await page.locator(".event-row").first().waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }).click();
    await page.waitForURL(`${server.url}/alerts`);
    const empty = page.locator(".state-empty");
    await empty.waitFor();
    expect(await text(empty)).toMatch(/No alerts yet\..*"alerts\.rules"/s);
    const example = JSON.parse(`{${await text(empty.locator(".alert-example"))}}`);
    expect(example["alerts.rules"][0]).toEqual({
      id: "iran-escalation",
      theatre: "iran-israel",
      relations: ["escalation", "contradicts"],
    });
    expect(await page.locator(".alert-row").count()).toBe(0);
  });

  it("proposes the Kyrgyzstan – Tajikistan theatre with its evidence, headlines and how to adopt it", async () => {
    await linkDemo();
    const found = (await (await fetch(`${server.url}/api/theatres/proposed`)).json()) as {
      proposals: { id: string; name: string; headlines: { id: number; title: string }[] }[];
    };
    const expected = found.proposals.find((p) => p.id === "kyrgyzstan-tajikistan");
    expect(expected?.name).toBe("Kyrgyzstan – Tajikistan");
    await page.goto(`${server.url}/theatres`);
    await page.locator(".table tbody tr").first().waitFor();
    const section = page.locator('section[aria-labelledby="h-proposed"]');
    expect(await text(section.locator("#h-proposed"))).toMatch(/^Proposed theatres/);
    const card = section.locator("article.proposal", { hasText: "kyrgyzstan-tajikistan" });
    await card.waitFor();
    expect(await section.locator("article.proposal").count()).toBe(found.proposals.length);
    expect(await text(card.locator("h3"))).toMatch(/^Kyrgyzstan – Tajikistan/);
    expect(await text(card.locator(".byline"))).toMatch(
      /^\d+ events on \d+ days, .+ · \d+% linked to one another · \d+% force or threats · mean intensity [−+±]\d/,
    );
    expect(await text(card.locator(".pair-list"))).toMatch(/Kyrgyzstan KGZ – Tajikistan TJK/);
    expect(await text(card.locator(".adopt-command"))).toBe("sitrep theatres --adopt kyrgyzstan-tajikistan");
    expect(JSON.parse(await text(card.locator(".adopt-entry")))).toMatchObject({
      id: "kyrgyzstan-tajikistan",
      name: "Kyrgyzstan – Tajikistan",
      actorPairs: expect.arrayContaining([["KGZ", "TJK"]]),
    });
    const headlines = card.locator('.timeline-list a[href^="/events/"]');
    expect(await headlines.count()).toBe(expected?.headlines.length);
    await shot("theatres");
    const first = expected?.headlines[0] as { id: number; title: string };
    expect(await text(headlines.first())).toBe(`#${first.id} ${first.title}`);
    await headlines.first().click();
    await page.waitForURL(`${server.url}/events/${first.id}`);
    expect((await text(page.locator("#event-title"))).trim()).toBe(first.title);
  });

  it("lists the alerts the rules raised, filters by rule, pages, opens the event and links the Atom feed", async () => {
    await linkDemo();
    const all = (await getJson<{ items: Alert[] }>("/api/alerts?limit=500")).items;
    const ministers = all.find((a) => a.title === MINISTERS) as Alert;
    expect(ministers?.ruleId).toBe("iran-escalation");
    const truce = all.find((a) => a.ruleId === "truce-answers") as Alert;
    expect(truce).toBeDefined();
    // An alert raised before the webhook was set was never sent.
    const quiet = all.find((a) => a.ruleId === "kyrgyz-violence") as Alert;
    expect(quiet).toBeDefined();
    await ctx.store.alerts.markDelivery(quiet.id, null, null);

    await page.goto(`${server.url}/alerts`);
    const rows = page.locator(".alert-row");
    await rows.first().waitFor();
    const shown = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-id")));
    // Newest first, ten at a time, as the API pages them.
    expect(await shown()).toEqual(all.slice(0, 10).map((a) => a.id));
    expect(await page.locator("a.atom-link").getAttribute("href")).toBe("/feeds/alerts");

    const row = page.locator(`.alert-row[data-id="${ministers.id}"]`);
    expect(await text(row.locator(".alert-title"))).toBe(`#${ministers.eventId} ${MINISTERS}`);
    expect(await row.locator(".alert-title a").getAttribute("href")).toBe(`/events/${ministers.eventId}`);
    expect(await text(row.locator("time"))).toBe("16 Nov 2026 09:10 UTC");
    expect(await text(row.locator(".alert-rule"))).toBe("Escalation in the Iran–Israel conflict");
    const conds = await row.locator(".alert-conds > li").allTextContents();
    expect(conds.length).toBe(ministers.reason.split("; ").length);
    expect(conds[0]).toBe("in the Iran–Israel conflict");
    expect(conds[1]).toMatch(
      /^escalation link to #\d+ Israeli officials briefed on advanced US-Iran backchannel, fear 'partial deal' \(8 Nov\)$/,
    );
    expect(await row.locator(".alert-conds a").first().getAttribute("href")).toMatch(/^\/events\/\d+$/);
    expect(await text(row.locator(".delivery"))).toBe("✓ sent");
    if (all.length > 10) {
      await page.getByRole("button", { name: "Load more" }).click();
      await expect.poll(shown).toEqual(all.slice(0, 20).map((a) => a.id));
    } else expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);
    const truceRow = page.locator(`.alert-row[data-id="${truce.id}"]`);
    expect(await text(truceRow.locator(".delivery"))).toBe("not delivered: webhook answered 503");
    expect(await text(page.locator(`.alert-row[data-id="${quiet.id}"] .delivery`))).toBe("not sent");
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot("alerts");

    // The rule chip shows that rule's alerts only, in the URL; the Atom link follows.
    await row.locator(".rule-chip").click();
    await page.waitForURL(`${server.url}/alerts?rule=iran-escalation`);
    const escalations = all.filter((a) => a.ruleId === "iran-escalation").slice(0, 10);
    await expect.poll(shown).toEqual(escalations.map((a) => a.id));
    expect(await page.locator(".alert-row .rule-chip").allTextContents()).toEqual(
      escalations.map(() => "iran-escalation"),
    );
    const atom = (await page.locator("a.atom-link").getAttribute("href")) as string;
    expect(atom).toBe("/feeds/alerts?rule=iran-escalation");
    const feed = await (await fetch(`${server.url}${atom}`)).text();
    expect(feed).toMatch(/^<\?xml[^>]*>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    expect(feed).toContain(MINISTERS);
    expect(feed.match(/<entry>/g)?.length).toBe(all.filter((a) => a.ruleId === "iran-escalation").length);
    expect(feed.match(/<category term="[^"]*"\/>/g)?.every((c) => c.includes('"iran-escalation"'))).toBe(
      true,
    );
    // A rule with no alerts says so; clearing the filter shows every rule again.
    await page.goto(`${server.url}/alerts?rule=no-such-rule`);
    await page.locator(".state-empty", { hasText: "No alert from rule no-such-rule" }).waitFor();
    await page.getByRole("link", { name: "Show all rules" }).first().click();
    await page.waitForURL(`${server.url}/alerts`);
    await expect.poll(shown).toEqual(all.slice(0, 10).map((a) => a.id));

    // The title opens the event.
    await row.locator(".alert-title a").click();
    await page.waitForURL(`${server.url}/events/${ministers.eventId}`);
    expect((await text(page.locator("#event-title"))).trim()).toBe(MINISTERS);
  });

  it("shows a linked theatre's open threads and actors, each opening its page", async () => {
    await linkDemo();
    const t = await getJson<TheatreOverview>("/api/theatres/iran-israel");
    // The linker's storylines: several threads moved in the last week, one of them escalating.
    expect(t.openThreads.length).toBeGreaterThanOrEqual(2);
    const escalating = t.openThreads.find((s) => s.trend === "escalating") as OpenThread;
    expect(escalating).toBeDefined();
    const iran = t.actors.find((a) => a.id === "IRN") as TheatreActor;
    expect(iran.name).toBe("Iran");
    expect(iran.events).toBeGreaterThan(0);
    await page.goto(`${server.url}/theatres/iran-israel`);
    await page.locator("#h-threads").waitFor();
    await expectTheatreOverview(t);
    expect(await text(page.locator("#h-threads"))).toMatch(/^Open threads/);
    expect(await text(page.locator("#h-actors"))).toMatch(/^Actors/);

    // Iran: its events count beside its name, which opens its actor page.
    const row = page.locator('section[aria-labelledby="h-actors"] tbody tr[data-id="IRN"]');
    expect(await text(row.locator(".actor-events"))).toBe(String(iran.events));
    // Both sections whole, just below the sticky top bar.
    await page.evaluate(() => {
      const h = document.getElementById("h-threads") as HTMLElement;
      window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 64);
    });
    await page.waitForTimeout(200);
    await shot("theatre-overview");
    await row.getByRole("link", { name: "Iran", exact: true }).click();
    await page.waitForURL(`${server.url}/actors/IRN`);
    expect(await text(page.locator("h1.page-title"))).toBe("Iran");

    // The escalating thread's latest event opens that event.
    await page.goBack();
    const thread = page.locator(`li.thread[data-id="${escalating.id}"]`);
    await thread.locator(".dir-escalating").waitFor();
    await thread.locator(".thread-latest a").click();
    await page.waitForURL(`${server.url}/events/${escalating.latest.id}`);
    expect((await text(page.locator("#event-title"))).trim()).toBe(escalating.latest.title);
  });

  it("shows the map, an actor, search results and the sources page", async () => {
    await page.goto(`${server.url}/map`);
    await page.locator(".map a").first().waitFor();
    expect(await page.locator(".map a").count()).toBeGreaterThan(2);
    await shot("map");
    await page.goto(`${server.url}/actors`);
    await page.locator(".table tbody a").first().click();
    await page.locator(".timeline-list li, .event-row").first().waitFor();
    await shot("actor");
    await page.goto(`${server.url}/search?q=ceasefire`);
    await page.locator(".event-list .event-row").first().waitFor();
    await shot("search");
    await page.goto(`${server.url}/sources`);
    await page.locator(".table tbody tr").first().waitFor();
    await page.locator('input[name="url"]').fill("http://127.0.0.1:9/feed.xml");
    await page.getByRole("button", { name: "Add source" }).click();
    await page.locator(".form-error", { hasText: "token" }).waitFor();
    await shot("sources");
  });

  it("is keyboard navigable and loads nothing the CSP blocks", async () => {
    await page.goto(`${server.url}/`);
    await page.locator(".event-row").first().waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("/");
    expect(cspErrors).toEqual([]);
  });

  it("shows a clear error for an unknown event", async () => {
    await page.goto(`${server.url}/events/987654`);
    await page.locator(".state-error", { hasText: "no event 987654" }).waitFor();
  });
});
