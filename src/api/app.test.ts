import { beforeAll, describe, expect, it } from "vitest";
import type { PipelineContext } from "../pipeline/context.ts";
import { createApi } from "./app.ts";
import type { EventDetail } from "./event-detail.ts";
import type { EventSummary } from "./event-view.ts";
import { fillFixtureRecords, openDemoContext } from "./testdata/demo-fixture.ts";

let ctx: PipelineContext;
let app: ReturnType<typeof createApi>;
let ids: Record<string, number>;

async function get<T = Record<string, unknown>>(path: string, status = 200): Promise<T> {
  const res = await app.request(path);
  const body = (await res.json()) as T;
  expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(status);
  return body;
}

beforeAll(async () => {
  ctx = await openDemoContext();
  ids = await fillFixtureRecords(ctx);
  app = createApi(ctx);
});

describe("events", () => {
  it("lists events newest first with paging", async () => {
    const page = await get<{ items: EventSummary[]; nextOffset: number | null }>("/api/events?limit=5");
    expect(page.items).toHaveLength(5);
    expect(page.nextOffset).toBe(5);
    const dates = page.items.map((e) => e.lastUpdated);
    expect([...dates].sort().reverse()).toEqual(dates);
    const next = await get<{ items: EventSummary[] }>("/api/events?limit=5&offset=5");
    expect(next.items[0].id).not.toBe(page.items[0].id);
  });

  it("labels events whose record is pending and borrows the first article's title", async () => {
    const { items } = await get<{ items: EventSummary[] }>("/api/events?limit=200");
    const pending = items.find((e) => e.pending);
    expect(pending?.title.length).toBeGreaterThan(10);
    expect(pending?.summary.length).toBeGreaterThan(20);
  });

  it.each([
    { name: "theatre", query: "theatre=iran-israel", expect: (e: EventSummary[]) => e.length >= 4 },
    {
      name: "type",
      query: "type=CONSULT",
      expect: (e: EventSummary[]) => e.every((x) => x.type === "CONSULT"),
    },
    {
      name: "intensity",
      query: "minIntensity=1&maxIntensity=2",
      expect: (e: EventSummary[]) => e.length === 2,
    },
    { name: "actor", query: "actor=PAK", expect: (e: EventSummary[]) => e.length === 1 },
    {
      name: "text",
      query: "q=Pakistani%20representative",
      expect: (e: EventSummary[]) => e.some((x) => x.id === ids.pakistan),
    },
    {
      name: "time",
      query: "from=2026-11-19&to=2026-11-21",
      expect: (e: EventSummary[]) => e.every((x) => x.lastUpdated >= "2026-11-19"),
    },
  ])("filters by $name", async (c) => {
    const { items } = await get<{ items: EventSummary[] }>(`/api/events?${c.query}`);
    expect(items.length).toBeGreaterThan(0);
    expect(c.expect(items)).toBe(true);
  });

  it.each([
    { name: "non-numeric limit", query: "limit=abc", param: '"limit"' },
    { name: "limit too large", query: "limit=5000", param: '"limit"' },
    { name: "negative offset", query: "offset=-1", param: '"offset"' },
    { name: "unknown type", query: "type=PARTY", param: '"type"' },
    { name: "intensity out of range", query: "minIntensity=-11", param: '"minIntensity"' },
    { name: "inverted intensity range", query: "minIntensity=3&maxIntensity=1", param: '"minIntensity"' },
    { name: "bad date", query: "from=yesterday", param: '"from"' },
  ])("answers 400 naming the parameter for $name", async (c) => {
    const body = await get<{ error: { code: string; message: string } }>(`/api/events?${c.query}`, 400);
    expect(body.error.code).toBe("invalid-input");
    expect(body.error.message).toContain(c.param);
  });

  it("returns the whole record of the Pakistan backchannel event", async () => {
    const e = await get<EventDetail>(`/api/events/${ids.pakistan}`);
    expect(e.title).toBe("Iran–US backchannel talks continue via Pakistani mediator");
    expect(e.pending).toBe(false);
    expect(e.summaryLines[0].quotes[0].text.length).toBeGreaterThan(10);
    expect(e.significanceLine?.text).toMatch(/diplomatic/);
    expect(e.sources.length).toBeGreaterThanOrEqual(2);
    expect(e.sources[0]).toMatchObject({ outlet: expect.any(String), url: expect.stringMatching(/^https:/) });
    expect(e.independentSources).toBeGreaterThanOrEqual(2);
    const baghaei = e.responses.find((r) => r.actorId === "person:esmail-baghaei");
    expect(baghaei?.quotes[0].text).toMatch(/exchange of messages/);
    expect(baghaei?.quotes[0].outlet).toBeTruthy();
    expect(e.related.map((r) => [r.eventId, r.relation, r.type]).sort()).toEqual(
      [
        [ids.turkey, "earlier", "parallel"],
        [ids.deploy, "earlier", "de-escalation"],
        [ids.denial, "later", "update"],
      ].sort(),
    );
    expect(e.related[0].title.length).toBeGreaterThan(5);
    expect(e.changelog[0].kind).toBe("created");
    expect(e.theatres).toEqual([{ id: "iran-israel", name: "Iran–Israel conflict" }]);
  });

  it("shows a pending event with its member articles' text", async () => {
    const { items } = await get<{ items: EventSummary[] }>("/api/events?limit=200");
    const pending = items.find((e) => e.pending) as EventSummary;
    const e = await get<EventDetail>(`/api/events/${pending.id}`);
    expect(e.content.length).toBeGreaterThan(100);
    expect(e.responses).toEqual([]);
  });

  it("follows a merged id to the event it redirects to", async () => {
    const max = await ctx.store.events.maxEventId();
    const now = "2026-11-05T00:00:00.000Z";
    await ctx.store.events.upsertEvents([
      {
        id: max + 100,
        redirectTo: null,
        firstSeen: now,
        lastUpdated: now,
        articleCount: 0,
        sourceCount: 0,
        topEntities: [],
        record: null,
      },
    ]);
    await ctx.store.events.setRedirect(max + 100, ids.pakistan);
    const e = await get<EventDetail>(`/api/events/${max + 100}`);
    expect([e.id, e.redirectedFrom]).toEqual([ids.pakistan, max + 100]);
  });

  it("answers 404 for an unknown event and 400 for a malformed id", async () => {
    expect((await get<{ error: { code: string } }>("/api/events/987654", 404)).error.code).toBe("not-found");
    expect((await get<{ error: { message: string } }>("/api/events/abc", 400)).error.message).toContain(
      '"id"',
    );
    await get(`/api/events/987654/graph`, 404);
  });

  it("walks the related-events graph", async () => {
    const g = await get<{ nodes: { id: number; depth: number }[]; edges: { type: string }[] }>(
      `/api/events/${ids.denial}/graph?hops=2`,
    );
    expect(g.nodes.map((n) => n.id).sort()).toEqual(
      [ids.turkey, ids.deploy, ids.pakistan, ids.denial].sort(),
    );
    expect(g.edges).toHaveLength(3);
    const one = await get<{ nodes: unknown[] }>(`/api/events/${ids.denial}/graph?hops=1`);
    expect(one.nodes).toHaveLength(2);
    expect(
      (await get<{ error: { message: string } }>(`/api/events/${ids.denial}/graph?hops=9`, 400)).error
        .message,
    ).toContain('"hops"');
  });
});

describe("actors, theatres, map", () => {
  it("lists actors and shows one actor's events and responses", async () => {
    const { items } = await get<{ items: { id: string; events: number }[] }>("/api/actors");
    expect(items.find((a) => a.id === "IRN")?.events).toBe(4);
    const b = await get<{ actor: { name: string }; events: unknown[]; responses: { text: string }[] }>(
      "/api/actors/person:esmail-baghaei",
    );
    expect(b.actor.name).toBe("Esmail Baghaei");
    expect(b.events).toHaveLength(1);
    expect(b.responses[0].text).toMatch(/Confirmed/);
    await get("/api/actors/nobody", 404);
    await get("/api/actors?limit=0", 400);
  });

  it("lists theatres and shows a timeline, escalation series and storylines", async () => {
    const { items } = await get<{ items: { id: string; events: number }[] }>("/api/theatres");
    expect(items).toContainEqual(expect.objectContaining({ id: "iran-israel", events: 4 }));
    const t = await get<{
      timeline: EventSummary[];
      escalation: unknown[];
      activity: unknown[];
      storylines: { events: unknown[] }[];
    }>("/api/theatres/iran-israel");
    expect(t.timeline.map((e) => e.firstSeen)).toEqual(t.timeline.map((e) => e.firstSeen).sort());
    expect(t.escalation.length).toBeGreaterThan(0);
    expect(t.activity.length).toBeGreaterThan(0);
    expect(t.storylines[0].events).toHaveLength(4);
    // Its actors, in most events first, and the storyline still moving in its last week.
    const overview = await get<{
      actors: { id: string; events: number }[];
      openThreads: { events: number }[];
    }>("/api/theatres/iran-israel");
    expect(overview.actors[0]).toMatchObject({ id: "IRN", events: 4 });
    expect(overview.openThreads.map((x) => x.events)).toEqual([4]);
    await get("/api/theatres/atlantis", 404);
  });

  it("proposes theatres over the 90 days up to the latest event, and refuses a date that is not one", async () => {
    const found = await get<{ since: string; until: string; proposals: unknown[] }>("/api/theatres/proposed");
    expect(found.until).toBe("2026-11-20");
    expect(found.since).toBe("2026-08-22");
    // The fixture's records and hand-written links hold no cluster of linked conflict events outside the theatres.
    expect(found.proposals).toEqual([]);
    const narrow = await get<{ since: string }>("/api/theatres/proposed?since=2026-11-01&until=2026-11-10");
    expect(narrow.since).toBe("2026-11-01");
    await get("/api/theatres/proposed?since=2026-02-30", 400);
    await get("/api/theatres/proposed?minEvents=1", 400);
    await get("/api/theatres/proposed?since=2026-12-01&until=2026-11-01", 400);
  });

  it("counts events per country for the map", async () => {
    const { items } = await get<{ items: { country: string; events: number }[] }>("/api/map");
    expect(items).toContainEqual({ country: "IRN", events: 4 });
  });
});

describe("alerts", () => {
  it("lists the alerts raised, newest first, and serves them as an Atom feed linking to their events", async () => {
    await ctx.store.alerts.addNew([
      {
        id: `iran-escalation:${ids.pakistan}`,
        ruleId: "iran-escalation",
        eventId: ids.pakistan,
        createdAt: "2026-11-04T12:40:00.000Z",
        title: "Iran confirms backchannel with US via Pakistan",
        reason: "Escalation in the Iran–Israel conflict: in the Iran–Israel conflict",
        deliveredAt: null,
        deliveryError: null,
      },
    ]);
    const page = await get<{ items: { id: string; eventId: number }[]; nextOffset: number | null }>(
      "/api/alerts?rule=iran-escalation",
    );
    expect(page.items.map((a) => a.eventId)).toEqual([ids.pakistan]);
    expect(page.nextOffset).toBeNull();
    expect((await get<{ items: unknown[] }>("/api/alerts?rule=nothing")).items).toEqual([]);
    // Raised when links are written, with no change notice after: never served from the response cache.
    await ctx.store.alerts.addNew([
      {
        id: `iran-escalation:${ids.denial}`,
        ruleId: "iran-escalation",
        eventId: ids.denial,
        createdAt: "2026-11-14T09:00:00.000Z",
        title: "Iran denies formal deal with US, says talks continue",
        reason: "Escalation in the Iran–Israel conflict: contradicts link",
        deliveredAt: null,
        deliveryError: null,
      },
    ]);
    const again = await get<{ items: { eventId: number }[] }>("/api/alerts?rule=iran-escalation");
    expect(again.items.map((a) => a.eventId)).toEqual([ids.denial, ids.pakistan]);
    const res = await app.request("/feeds/alerts");
    expect(res.headers.get("content-type")).toMatch(/atom\+xml/);
    const xml = await res.text();
    expect(xml).toContain(`<title>Iran confirms backchannel with US via Pakistan (#${ids.pakistan})</title>`);
    expect(xml).toContain(`/events/${ids.pakistan}"/>`);
    expect(xml).toContain('<category term="iran-escalation"/>');
    await get("/api/alerts?limit=0", 400);
  });
});

describe("articles and search", () => {
  it("lists, searches and shows articles as text", async () => {
    const { items } = await get<{ items: { id: string; eventId: number }[] }>("/api/articles?limit=3");
    expect(items).toHaveLength(3);
    const hits = await get<{ items: { title: string }[] }>("/api/articles?q=Baghaei");
    expect(hits.items.length).toBeGreaterThan(0);
    const ofEvent = await get<{ items: unknown[] }>(`/api/articles?event=${ids.pakistan}`);
    expect(ofEvent.items.length).toBeGreaterThanOrEqual(2);
    const one = await get<{ text: string; sentences: string[] }>(`/api/articles/${items[0].id}`);
    expect(one.text.length).toBeGreaterThan(100);
    await get("/api/articles/nope", 404);
    await get("/api/articles?event=x", 400);
  });

  it("searches events and articles together", async () => {
    const r = await get<{ events: EventSummary[]; articles: unknown[] }>("/api/search?q=Pakistani");
    expect(r.events.some((e) => e.id === ids.pakistan)).toBe(true);
    expect(r.articles.length).toBeGreaterThan(0);
    expect((await get<{ error: { message: string } }>("/api/search", 400)).error.message).toContain('"q"');
  });
});
