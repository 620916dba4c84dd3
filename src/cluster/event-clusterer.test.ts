import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clusterParamsSchema, DEFAULT_CLUSTER_PARAMS } from "./cluster-params.ts";
import { type ClusterDoc, EventClusterer } from "./event-clusterer.ts";

interface Fixture extends ClusterDoc {
  event: string;
}

/** Our invented articles (two earthquakes, two ferry disasters, a port strike), in publication order. */
function fixtures(): Fixture[] {
  const url = new URL("./testdata/articles.ndjson", import.meta.url);
  return readFileSync(url, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const r = JSON.parse(l) as Omit<Fixture, "time"> & { time: string };
      return { ...r, time: Date.parse(r.time) };
    })
    .sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
}

/** Feeds articles, refines, and returns article id → final event id. */
function cluster(c: EventClusterer, docs: ClusterDoc[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of docs) out.set(d.id, c.add(d).eventId);
  for (const m of c.refine().moves) for (const id of m.articleIds) out.set(id, m.to);
  for (const [id, e] of out) out.set(id, c.resolve(e));
  return out;
}

const headline = (id: string, title: string, time: number | null = null): ClusterDoc => ({
  id,
  title,
  text: "",
  time,
  outlet: `outlet-${id}`,
  syndicatedOf: null,
});

describe("EventClusterer", () => {
  it("puts a syndicated copy in its original's event without raising the independent-source count", () => {
    const c = new EventClusterer();
    const docs = fixtures().filter((d) => d.event === "quake-chile");
    const copy = docs.find((d) => d.syndicatedOf !== null)!;
    const events = cluster(c, docs);
    expect(events.get(copy.id)).toBe(events.get(copy.syndicatedOf!));
    const e = c.event(events.get(copy.id)!)!;
    expect(e.articleIds).toHaveLength(4);
    expect(e.sourceCount).toBe(3);
  });

  it("keeps look-alike events apart (same kind of incident, other place and people)", () => {
    const docs = fixtures();
    const events = cluster(new EventClusterer(), docs);
    const byGold = new Map<string, Set<number>>();
    for (const d of docs) byGold.set(d.event, (byGold.get(d.event) ?? new Set()).add(events.get(d.id)!));
    for (const [gold, ids] of byGold) expect([gold, ids.size]).toEqual([gold, 1]);
    const used = [...byGold.values()].map((s) => [...s][0]);
    expect(new Set(used).size).toBe(byGold.size);
  });

  it("tracks first seen, last updated, span and top entities", () => {
    const c = new EventClusterer();
    const docs = fixtures().filter((d) => d.event === "port-strike");
    const events = cluster(c, docs);
    const e = c.event(events.get(docs[0].id)!)!;
    expect(e.firstSeen).toBe(docs[0].time);
    expect(e.lastUpdated).toBe(docs[2].time);
    expect(e.timeSpan).toBe(docs[2].time! - docs[0].time!);
    expect(e.topEntities).toEqual(expect.arrayContaining(["FNV", "Rotterdam", "Niek Stam"]));
  });

  it("merges fragments of one event, reporting the redirect, and the survivor holds every member", () => {
    const c = new EventClusterer({ threshold: 0.4, mergeRatio: 1 });
    const docs = [
      headline("a", "Dockworkers strike at Rotterdam port"),
      headline("b", "Container ships wait off Maasvlakte terminals"),
      headline("c", "Rotterdam dockworkers strike halts Maasvlakte container terminals"),
      headline("d", "Maasvlakte container ships wait as Rotterdam dockworkers strike"),
    ];
    const first = docs.map((d) => c.add(d).eventId);
    expect(new Set(first).size).toBe(2);
    const merges = c.mergePass();
    expect(merges).toEqual([{ from: first[0], to: first[1] }]);
    expect(c.resolve(first[0])).toBe(first[1]);
    expect(c.event(first[0])?.id).toBe(first[1]);
    expect([...c.event(first[1])!.articleIds].sort()).toEqual(["a", "b", "c", "d"]);
    expect(c.event(first[1])!.absorbed).toEqual([first[0]]);
  });

  it.each([
    { name: "defaults", params: {} },
    { name: "a one-day window that evicts along the way", params: { windowHours: 24 } },
    { name: "a refine before the snapshot", params: {}, refineFirst: true },
  ])("continues identically after snapshot → JSON → restore ($name)", ({ params, refineFirst }) => {
    const docs = fixtures();
    const half = Math.floor(docs.length / 2);
    const original = new EventClusterer(params);
    for (const d of docs.slice(0, half)) original.add(d);
    if (refineFirst) original.refine();
    const saved = JSON.parse(JSON.stringify(original.snapshot()));
    const restored = EventClusterer.restore(params, saved);
    const rest = docs.slice(half);
    expect(rest.map((d) => restored.add(d))).toEqual(rest.map((d) => original.add(d)));
    expect(restored.refine()).toEqual(original.refine());
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(original.snapshot()));
  });

  it("is deterministic: the same input twice gives the same ids", () => {
    const docs = fixtures();
    const a = new EventClusterer();
    const b = new EventClusterer();
    expect(docs.map((d) => b.add(d))).toEqual(docs.map((d) => a.add(d)));
    expect(b.refine()).toEqual(a.refine());
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
  });

  it("treats re-adding a known article as a no-op", () => {
    const c = new EventClusterer();
    const d = fixtures()[0];
    const first = c.add(d);
    expect(c.add(d)).toEqual({ eventId: first.eventId, isNew: false, score: 1 });
    expect(c.event(first.eventId)!.articleIds).toEqual([d.id]);
  });

  it("evicts events that fall out of the time window, so they gain no members", () => {
    const day = 86_400_000;
    const c = new EventClusterer({ windowHours: 48 });
    const old = c.add(headline("old", "Rotterdam dockworkers strike over automation", 0));
    c.add(headline("other", "Ferry sinks off Sulawesi", 5 * day));
    expect(c.event(old.eventId)).toBeUndefined();
    expect(c.snapshot().events.map((e) => e.id)).not.toContain(old.eventId);
    const again = c.add(headline("again", "Rotterdam dockworkers strike over automation", 5 * day));
    expect(again.isNew).toBe(true);
    expect(again.eventId).not.toBe(old.eventId);
  });

  it("caps the events held for undated streams, dropping the least recently updated", () => {
    const c = new EventClusterer({ maxActiveEvents: 10 });
    const words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike".split(" ");
    const ids = words.map((w, i) => c.add(headline(`d${i}`, `${w} ${w}ville ${w}stan`)).eventId);
    expect(new Set(ids).size).toBe(words.length);
    expect(c.eventIds().length).toBeLessThanOrEqual(10);
    expect(c.event(ids[0])).toBeUndefined();
    expect(c.event(ids[ids.length - 1])).toBeDefined();
  });

  it("discounts similarity with time distance", () => {
    const hour = 3_600_000;
    const c = new EventClusterer();
    expect(c.decay(null)).toBe(1);
    expect(c.decay(c.params.halfLifeHours * hour)).toBeCloseTo(0.5, 12);
  });
});

describe("cluster params", () => {
  it("documents every default and rejects bad values", () => {
    expect(clusterParamsSchema.parse({})).toEqual(DEFAULT_CLUSTER_PARAMS);
    for (const [key, schema] of Object.entries(clusterParamsSchema.shape)) {
      expect([key, typeof schema.description]).toEqual([key, "string"]);
    }
    expect(() => new EventClusterer({ threshold: 2 })).toThrow();
  });
});
