import { describe, expect, it } from "vitest";
import { LinkIndex } from "./link-index.ts";
import { digest, filler, STORY } from "./testdata/digests.ts";

const DAY = 86_400_000;

describe("LinkIndex", () => {
  it("finds events sharing rare features, the related story first", () => {
    const index = new LinkIndex();
    for (const d of [...filler(50), STORY.deployment, STORY.georgianMediation, STORY.kazakhMediation])
      index.upsert(d);
    const doc = index.get(STORY.kazakhMediation.id);
    if (!doc) throw new Error("not indexed");
    const found = index.candidates(doc);
    expect(found[0]).toBe(STORY.georgianMediation.id);
    expect(found).not.toContain(STORY.kazakhMediation.id);
  });

  it("bounds the work per event: at most maxCandidates, whatever the number of look-alikes", () => {
    const index = new LinkIndex({ maxCandidates: 10, maxPostings: 50 });
    const twins = Array.from({ length: 2000 }, (_, i) =>
      digest({
        id: i + 1,
        time: Date.parse("2026-03-01") + i * 1000,
        title: `Armenia Azerbaijan border talks round ${i}`,
        countries: ["ARM", "AZE"],
      }),
    );
    for (const d of twins) index.upsert(d);
    const last = index.get(2000);
    if (!last) throw new Error("not indexed");
    const found = index.candidates(last);
    expect(found.length).toBeLessThanOrEqual(10);
    // Only the newest postings of each feature are read: the oldest look-alikes are never reached.
    expect(Math.min(...found)).toBeGreaterThan(2000 - 50 - 1);
  });

  it("forgets events that left the window and events removed by a merge", () => {
    const index = new LinkIndex({ windowDays: 30 });
    const old = digest({ id: 1, time: Date.parse("2026-01-01"), title: "Armenia Azerbaijan border clash" });
    index.upsert(old);
    index.upsert(
      digest({ id: 2, time: Date.parse("2026-01-01") + 10 * DAY, title: "Armenia Azerbaijan border talks" }),
    );
    index.upsert(
      digest({ id: 3, time: Date.parse("2026-01-01") + 40 * DAY, title: "Armenia Azerbaijan border truce" }),
    );
    expect(index.get(1)).toBeUndefined();
    expect(index.ids().sort()).toEqual([2, 3]);
    index.remove(2);
    const doc = index.get(3);
    if (!doc) throw new Error("not indexed");
    expect(index.candidates(doc)).toEqual([]);
    expect(index.size).toBe(1);
  });

  it("replaces an event's features when it is updated", () => {
    const index = new LinkIndex();
    index.upsert(digest({ id: 1, title: "Floods in Kenya" }));
    index.upsert(digest({ id: 2, title: "Floods in Kenya displace thousands" }));
    index.upsert(digest({ id: 1, title: "Copper strike in Chile" }));
    const doc = index.get(2);
    if (!doc) throw new Error("not indexed");
    expect(index.candidates(doc)).toEqual([]);
  });
});
