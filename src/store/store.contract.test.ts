import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../model/article.ts";
import type { EventRecord, SitrepEvent } from "../model/event.ts";
import type { Store } from "./store.ts";
import { testDialects } from "./test-stores.ts";

const NOW = "2026-11-20T10:00:00.000Z";

function article(n: number, over: Partial<Article> = {}): Article {
  return {
    id: `a${n}`,
    sourceId: "src_x",
    externalId: null,
    url: `https://news.example/${n}`,
    canonicalUrl: `https://news.example/${n}`,
    title: `Ceasefire talks round ${n}`,
    text: `Mediators met in Islamabad for round ${n} of talks on the ceasefire.`,
    outlet: "Example News",
    language: "en",
    publishedAt: `2026-11-0${(n % 9) + 1}T08:00:00.000Z`,
    dateEstimated: false,
    fetchedAt: NOW,
    contentHash: `h${n}`,
    syndicatedOf: null,
    sentences: ["Mediators met."],
    eventId: null,
    seq: n,
    gold: null,
    ...over,
  };
}

function record(title: string): EventRecord {
  return {
    title,
    summary: [{ text: "Talks continue.", support: [] }],
    significance: { text: "", support: [] },
    content: "Talks continue.",
    responses: [],
    type: "CONSULT",
    intensity: 1,
    direction: "de-escalating",
    location: null,
    theatres: [],
    engine: "extractive",
    fallbacks: [],
  };
}

function event(id: number, over: Partial<SitrepEvent> = {}): SitrepEvent {
  return {
    id,
    redirectTo: null,
    firstSeen: "2026-11-01T00:00:00.000Z",
    lastUpdated: "2026-11-02T00:00:00.000Z",
    articleCount: 1,
    sourceCount: 1,
    topEntities: ["Iran"],
    record: null,
    ...over,
  };
}

for (const dialect of testDialects()) {
  describe(`store contract (${dialect.name})`, () => {
    let store: Store;
    afterEach(async () => store?.close());

    it("registers sources idempotently and records polls", async () => {
      store = await dialect.open();
      const a = await store.sources.addSource({ kind: "feed", url: "http://127.0.0.1/feed.xml" }, NOW);
      const b = await store.sources.addSource({ kind: "feed", url: "http://127.0.0.1/feed.xml" }, NOW);
      expect(b.id).toBe(a.id);
      await store.sources.recordPoll(a.id, {
        at: NOW,
        ok: false,
        error: "HTTP 500",
        nextPollAt: NOW,
        articlesAdded: 0,
      });
      await store.sources.recordPoll(a.id, {
        at: NOW,
        ok: false,
        error: "HTTP 503",
        nextPollAt: NOW,
        articlesAdded: 0,
      });
      const s = await store.sources.getSource(a.id);
      expect(s?.errorCount).toBe(2);
      expect(s?.lastError).toBe("HTTP 503");
      await store.sources.recordPoll(a.id, {
        at: NOW,
        ok: true,
        etag: '"v1"',
        nextPollAt: null,
        articlesAdded: 3,
      });
      const t = await store.sources.getSource(a.id);
      expect([t?.errorCount, t?.lastError, t?.etag, t?.articleCount]).toEqual([0, null, '"v1"', 3]);
      expect(await store.sources.removeSource(a.id)).toBe(true);
      expect(await store.sources.listSources()).toEqual([]);
    });

    it("stores an article once, by id, canonical URL or content", async () => {
      store = await dialect.open();
      expect(await store.articles.insertArticles([article(1), article(2)])).toBe(2);
      const again = await store.articles.insertArticles([
        article(1),
        article(3, { canonicalUrl: "https://news.example/1" }),
        article(4, { contentHash: "h2" }),
        article(5),
      ]);
      expect(again).toBe(1);
      expect(await store.articles.countArticles()).toBe(3);
      const known = await store.articles.findKnown({
        ids: ["a1", "zz"],
        urls: ["https://news.example/2"],
        hashes: ["h5"],
      });
      expect([...known].sort()).toEqual(["a1", "h5", "https://news.example/2"]);
      expect(await store.articles.maxSeq()).toBe(5);
      expect(await store.articles.searchIds("Islamabad round")).toHaveLength(3);
    });

    it("keeps merged events reachable through a redirect", async () => {
      store = await dialect.open();
      await store.events.upsertEvents([event(1), event(2, { articleCount: 3 })]);
      await store.articles.insertArticles([article(1, { eventId: 1 }), article(2, { eventId: 2 })]);
      await store.transaction(async (tx) => {
        await tx.articles.moveEvent(1, 2);
        await tx.events.setRedirect(1, 2);
      });
      const got = await store.events.getEvent(1);
      expect(got?.event.id).toBe(2);
      expect(got?.redirectedFrom).toBe(1);
      expect((await store.articles.articlesOfEvent(2)).map((a) => a.id)).toEqual(["a1", "a2"]);
      expect((await store.events.listEvents()).map((e) => e.id)).toEqual([2]);
    });

    it("saves records with actors, theatres, search and changelog", async () => {
      store = await dialect.open();
      await store.events.upsertEvents([event(7)]);
      const record: EventRecord = {
        title: "Iran-US talks continue via Pakistani mediator",
        summary: [{ text: "Talks continue.", support: [{ articleId: "a1", sentence: 0 }] }],
        significance: { text: "It matters.", support: [] },
        content: "Backchannel talks continue in Islamabad.",
        responses: [{ actorId: "IRN", actorName: "Iran", text: "Confirmed talks.", support: [] }],
        type: "CONSULT",
        intensity: 1,
        direction: "de-escalating",
        location: "Tehran",
        theatres: ["iran-israel"],
        engine: "extractive",
        fallbacks: [],
      };
      const iran = {
        id: "IRN",
        name: "Iran",
        kind: "country" as const,
        country: "IRN",
        code: "IRN",
        sector: null,
        role: null,
        organization: null,
        stateMedia: false,
      };
      await store.events.saveRecord(7, record, [iran]);
      await store.events.addChanges([
        { eventId: 7, change: { at: NOW, kind: "created", detail: "1 article" } },
      ]);
      expect((await store.events.listEvents({ theatre: "iran-israel" })).map((e) => e.id)).toEqual([7]);
      expect((await store.events.listEvents({ actor: "IRN", type: "CONSULT" })).map((e) => e.id)).toEqual([
        7,
      ]);
      expect(await store.events.listEvents({ theatre: "sudan" })).toEqual([]);
      expect(await store.events.searchIds("Islamabad")).toEqual([7]);
      expect((await store.events.responsesOf(7))[0].text).toBe("Confirmed talks.");
      expect((await store.events.changesOf(7))[0].kind).toBe("created");
      expect((await store.events.getEvent(7))?.event.record?.title).toBe(record.title);
    });

    it("answers the API's read queries: theatre counts, actor history, countries, first articles", async () => {
      store = await dialect.open();
      await store.events.upsertEvents([event(1), event(2, { lastUpdated: "2026-11-03T00:00:00.000Z" })]);
      await store.articles.insertArticles([
        article(1, { eventId: 1, publishedAt: "2026-11-02T08:00:00.000Z" }),
        article(2, { eventId: 1, publishedAt: "2026-11-01T08:00:00.000Z" }),
        article(3, { eventId: 2 }),
      ]);
      const iran = {
        id: "IRN",
        name: "Iran",
        kind: "country" as const,
        country: "IRN",
        code: "IRN",
        sector: null,
        role: null,
        organization: null,
        stateMedia: false,
      };
      const record: EventRecord = {
        title: "Talks",
        summary: [],
        significance: { text: "", support: [] },
        content: "",
        responses: [{ actorId: "IRN", actorName: "Iran", text: "Confirmed talks.", support: [] }],
        type: "CONSULT",
        intensity: 1,
        direction: "steady",
        location: null,
        theatres: ["iran-israel"],
        engine: "extractive",
        fallbacks: [],
      };
      await store.events.saveRecord(1, record, [iran]);
      await store.events.saveRecord(2, { ...record, title: "More talks" }, [iran]);
      expect(await store.events.theatreCounts()).toEqual([
        { theatreId: "iran-israel", events: 2, lastUpdated: "2026-11-03T00:00:00.000Z" },
      ]);
      expect((await store.events.responsesOfActor("IRN")).map((r) => [r.eventId, r.text])).toHaveLength(2);
      expect((await store.events.actorsOfEvents([1, 2])).get(2)?.[0].id).toBe("IRN");
      expect(await store.events.countryCounts()).toEqual([{ country: "IRN", events: 2 }]);
      expect((await store.events.listEvents({ ids: [2] })).map((e) => e.id)).toEqual([2]);
      expect(await store.events.listEvents({ ids: [] })).toEqual([]);
      expect((await store.articles.firstArticlesOf([1, 2])).get(1)?.id).toBe("a2");
      expect((await store.articles.eventIdsOf(["a1", "a2", "a3"])).sort()).toEqual([1, 2]);
    });

    it("saves many records at once, replacing earlier ones", async () => {
      store = await dialect.open();
      await store.events.upsertEvents([event(1), event(2)]);
      const rec = (title: string, theatre: string): EventRecord => ({
        title,
        summary: [{ text: `${title}.`, support: [] }],
        significance: { text: "It matters.", support: [] },
        content: `${title} in Khartoum.`,
        responses: [{ actorId: "SDN", actorName: "Sudan", text: "Rejected the truce.", support: [] }],
        type: "REJECT",
        intensity: -4,
        direction: "escalating",
        location: null,
        theatres: [theatre],
        engine: "extractive",
        fallbacks: [],
      });
      const sudan = {
        id: "SDN",
        name: "Sudan",
        kind: "country" as const,
        country: "SDN",
        code: "SDN",
        sector: null,
        role: null,
        organization: null,
        stateMedia: false,
      };
      await store.events.saveRecords([
        { id: 1, record: rec("Army rejects truce", "sudan"), actors: [sudan] },
        {
          id: 2,
          record: rec("RSF shells city", "sudan"),
          actors: [sudan, { ...sudan, id: "SDN-MIL", name: "Sudanese army" }],
        },
      ]);
      await store.events.saveRecords([
        { id: 1, record: rec("Army rejects humanitarian truce", "sudan"), actors: [sudan] },
      ]);
      expect((await store.events.listEvents({ theatre: "sudan" })).map((e) => e.id).sort()).toEqual([1, 2]);
      expect(await store.events.searchIds("humanitarian")).toEqual([1]);
      expect(await store.events.searchIds("Khartoum")).toHaveLength(2);
      expect((await store.events.listEvents({ actor: "SDN-MIL" })).map((e) => e.id)).toEqual([2]);
      expect(await store.events.responsesOf(1)).toHaveLength(1);
    });

    it("rolls back a failed transaction and keeps state", async () => {
      store = await dialect.open();
      await store.state.setState("k", "v1");
      await expect(
        store.transaction(async (tx) => {
          await tx.state.setState("k", "v2");
          await tx.articles.insertArticles([article(9)]);
          throw new Error("crash");
        }),
      ).rejects.toThrow("crash");
      expect(await store.state.getState("k")).toBe("v1");
      expect(await store.articles.countArticles()).toBe(0);
    });

    it("answers the event page's reads in order, and never with a transaction's uncommitted writes", async () => {
      store = await dialect.open();
      await store.events.upsertEvents([event(1), event(2), event(3)]);
      await store.articles.insertArticles([
        article(3, { eventId: 1, publishedAt: "2026-11-02T08:00:00.000Z" }),
        article(1, { eventId: 1, publishedAt: "2026-11-03T08:00:00.000Z", syndicatedOf: "a2" }),
        article(2, { eventId: 1, publishedAt: "2026-11-02T08:00:00.000Z", sentences: ["One.", "Two."] }),
      ]);
      expect((await store.articles.articlesOfEvent(1)).map((a) => a.id)).toEqual(["a2", "a3", "a1"]);
      const refs = await store.articles.memberRefsOf(1);
      expect(refs.map((a) => [a.id, a.syndicatedOf])).toEqual([
        ["a2", null],
        ["a3", null],
        ["a1", "a2"],
      ]);
      expect(refs[0]).toMatchObject({ title: "Ceasefire talks round 2", url: "https://news.example/2" });
      expect(refs[0].sentences).toEqual(["One.", "Two."]);
      const evidence = {
        sharedActors: [],
        sharedPlaces: [],
        cues: [],
        intensityChange: null,
        textSimilarity: 0,
      };
      await store.links.replaceLinksFrom(
        2,
        [{ fromEvent: 2, toEvent: 1, type: "parallel", confidence: 0.6, explanation: "x", evidence }],
        NOW,
      );
      await store.links.replaceLinksFrom(
        3,
        [{ fromEvent: 3, toEvent: 1, type: "response", confidence: 0.9, explanation: "y", evidence }],
        NOW,
      );
      await store.links.replaceLinksFrom(
        1,
        [{ fromEvent: 1, toEvent: 77, type: "parallel", confidence: 0.7, explanation: "z", evidence }],
        NOW,
      );
      await store.events.saveRecord(3, record("Truce agreed"), []);
      expect((await store.links.linksOf(1)).map((l) => l.fromEvent)).toEqual([3, 1, 2]);
      // Both directions with the other end's head; the link to event 77, which is not stored, left out.
      expect(await store.links.relatedOf(1)).toEqual([
        {
          link: { fromEvent: 3, toEvent: 1, type: "response", confidence: 0.9, explanation: "y", evidence },
          other: { id: 3, title: "Truce agreed", firstSeen: "2026-11-01T00:00:00.000Z", pending: false },
        },
        {
          link: { fromEvent: 2, toEvent: 1, type: "parallel", confidence: 0.6, explanation: "x", evidence },
          other: { id: 2, title: null, firstSeen: "2026-11-01T00:00:00.000Z", pending: true },
        },
      ]);
      expect((await store.links.relatedOf(3)).map((x) => [x.link.toEvent, x.other.id])).toEqual([[1, 1]]);
      const changes = ["created", "updated", "merged"].map((detail, i) => ({
        eventId: 1,
        change: { at: `2026-11-0${3 - i}T00:00:00.000Z`, kind: "linked" as const, detail },
      }));
      await store.events.addChanges(changes);
      expect((await store.events.changesOf(1)).map((c) => c.detail)).toEqual([
        "created",
        "updated",
        "merged",
      ]);
      // A read outside a transaction that is under way waits for it (here: sees nothing of a rolled-back event).
      let during: Promise<unknown> = Promise.resolve();
      await expect(
        store.transaction(async (tx) => {
          await tx.events.upsertEvents([event(9)]);
          during = store.events.getEvent(9);
          throw new Error("crash");
        }),
      ).rejects.toThrow("crash");
      expect(await during).toBeNull();
    });

    it("stores links on both ends and escalation days", async () => {
      store = await dialect.open();
      const evidence = {
        sharedActors: ["IRN"],
        sharedPlaces: [],
        cues: [],
        intensityChange: null,
        textSimilarity: 0.3,
      };
      await store.links.replaceLinksFrom(
        5,
        [{ fromEvent: 5, toEvent: 3, type: "parallel", confidence: 0.8, explanation: "x", evidence }],
        NOW,
      );
      expect((await store.links.linksOf(3))[0].type).toBe("parallel");
      expect((await store.links.linksOf(5))[0].toEvent).toBe(3);
      await store.links.saveTheatreDays([{ theatreId: "t", day: "2026-11-01", escalation: 2.5, events: 3 }]);
      await store.links.saveTheatreDays([{ theatreId: "t", day: "2026-11-01", escalation: 3, events: 4 }]);
      expect(await store.links.theatreDays("t")).toEqual([{ day: "2026-11-01", escalation: 3, events: 4 }]);
    });

    it("replaces many events' links at once and removes merged storylines", async () => {
      store = await dialect.open();
      const evidence = {
        sharedActors: [],
        sharedPlaces: [],
        cues: [],
        intensityChange: null,
        textSimilarity: 0.5,
      };
      const link = (from: number, to: number) => ({
        fromEvent: from,
        toEvent: to,
        type: "update" as const,
        confidence: 0.7,
        explanation: `#${from} continues #${to}`,
        evidence,
      });
      await store.links.replaceLinksOfMany([4, 5], [link(4, 1), link(5, 1), link(5, 2)], NOW);
      await store.links.replaceLinksOfMany([5], [link(5, 3)], NOW);
      const all = await store.links.allLinks();
      expect(all.map((l) => `${l.fromEvent}>${l.toEvent}`).sort()).toEqual(["4>1", "5>3"]);
      const line = { name: "Iran – United States: talks", theatreId: null, eventIds: [1, 4], updatedAt: NOW };
      await store.links.saveStorylines([
        { id: "s1", ...line },
        { id: "s2", ...line },
      ]);
      await store.links.removeStorylines(["s2"]);
      expect((await store.links.listStorylines()).map((s) => s.id)).toEqual(["s1"]);
    });

    it("stores each alert once, newest first, with its delivery", async () => {
      store = await dialect.open();
      const alert = (rule: string, event: number, at: string) => ({
        id: `${rule}:${event}`,
        ruleId: rule,
        eventId: event,
        createdAt: at,
        title: `Event ${event}`,
        reason: `${rule}: because`,
        deliveredAt: null,
        deliveryError: null,
      });
      const first = await store.alerts.addNew([
        alert("escalation", 4, "2026-11-04T10:00:00.000Z"),
        alert("violence", 4, "2026-11-04T10:00:00.000Z"),
        alert("escalation", 7, "2026-11-07T10:00:00.000Z"),
      ]);
      expect(first.map((a) => a.id)).toEqual(["escalation:4", "violence:4", "escalation:7"]);
      // Raised again (the event updated): nothing new, and the stored one keeps its time.
      const again = await store.alerts.addNew([
        alert("escalation", 4, "2026-11-09T10:00:00.000Z"),
        alert("escalation", 9, "2026-11-09T10:00:00.000Z"),
      ]);
      expect(again.map((a) => a.id)).toEqual(["escalation:9"]);
      await store.alerts.markDelivery("escalation:7", NOW, null);
      await store.alerts.markDelivery("violence:4", null, "webhook answered 503");
      const listed = await store.alerts.list();
      expect(listed.map((a) => a.id)).toEqual(["escalation:9", "escalation:7", "violence:4", "escalation:4"]);
      expect(listed[1]).toMatchObject({ eventId: 7, deliveredAt: NOW, deliveryError: null });
      expect(listed[2].deliveryError).toBe("webhook answered 503");
      expect((await store.alerts.list({ rule: "escalation", limit: 2 })).map((a) => a.id)).toEqual([
        "escalation:9",
        "escalation:7",
      ]);
    });

    it("lists redirects into events and member texts, independent reports first", async () => {
      store = await dialect.open();
      await store.events.upsertEvents([event(1), event(2), event(3)]);
      await store.events.setRedirect(2, 1);
      expect(await store.events.redirectsInto([1, 3])).toEqual([{ id: 2, redirectTo: 1 }]);
      await store.articles.insertArticles([
        article(1, { eventId: 1, syndicatedOf: "a2", title: "Copy of talks report" }),
        article(2, { eventId: 1, sentences: ["Talks resumed.", "Mediators met."] }),
        article(3, { eventId: 3 }),
      ]);
      const members = await store.events.memberTextsOf([1, 3]);
      expect(members.get(1)?.map((m) => m.title)).toEqual([
        "Ceasefire talks round 2",
        "Copy of talks report",
      ]);
      expect(members.get(1)?.[0].sentences).toEqual(["Talks resumed.", "Mediators met."]);
      expect(members.get(3)).toHaveLength(1);
    });
  });
}
