import { describe, expect, it } from "vitest";
import type { EventDigest } from "../model/digest.ts";
import { type Digested, Linker, type LinkOutcome } from "./linker.ts";
import { filler, STORY } from "./testdata/digests.ts";

const AT = "2026-03-10T00:00:00Z";
const digested = (d: EventDigest): Digested => ({ digest: structuredClone(d), units: [d.title] });
const byTime = (a: EventDigest, b: EventDigest) => a.time - b.time || a.id - b.id;

/** A linker that has linked the filler and the Caspian storyline, one event per pass, in time order. */
async function linked(): Promise<Linker> {
  const linker = new Linker(30);
  for (const d of [...filler(200), ...Object.values(STORY)].sort(byTime)) {
    linker.begin([]);
    await linker.link({ gone: [], digests: [digested(d)], names: [], at: AT });
  }
  return linker;
}

const comparable = (o: LinkOutcome) => ({
  ...o,
  linksByEvent: [...o.linksByEvent].sort((a, b) => a[0] - b[0]),
  changes: [...o.changes].sort(
    (a, b) => a.eventId - b.eventId || a.change.detail.localeCompare(b.change.detail),
  ),
});

describe("Linker.linkWhole (a pass in one call, as on the pipeline thread)", () => {
  it("links the linkers of a merged event again as begin and link do with digests from the store", async () => {
    // The Kazakh mediation is merged into the truce report (it changed: a pass holds it); the events that
    // linked to the mediation must be linked again. In place their digests are rebuilt from the store; on the
    // thread they are the ones the linker indexed.
    const merged = STORY.kazakhMediation.id;
    const into = { ...STORY.truce, lastUpdated: STORY.truce.lastUpdated + 3_600_000 };
    const inPlace = await linked();
    const relink = inPlace.begin([merged]);
    expect(relink.filter((id) => id !== into.id).length).toBeGreaterThan(0);
    const all = Object.fromEntries([...filler(200), ...Object.values(STORY)].map((d) => [d.id, d]));
    const fromStore = [into, ...relink.filter((id) => id !== into.id).map((id) => all[id])].sort(byTime);
    const expected = await inPlace.link({ gone: [], digests: fromStore.map(digested), names: [], at: AT });

    const onThread = await linked();
    const got = await onThread.linkWhole({
      redirected: [merged],
      pass: { gone: [], digests: [digested(into)], names: [], at: AT },
    });
    expect(got.unindexed).toBeUndefined();
    expect(comparable(got)).toEqual(comparable(expected));
    expect(got.linksByEvent.flatMap(([, l]) => l).some((l) => l.toEvent === merged)).toBe(false);
  });

  it("returns the linkers that left the window instead of linking them", async () => {
    const linker = await linked();
    const merged = STORY.kazakhMediation.id;
    const linkers = linker.graph.linkersOf(merged);
    expect(linkers.length).toBeGreaterThan(0);
    // A report months later moves the window past every earlier event.
    const late = { ...STORY.truce, id: 9001, time: STORY.truce.time + 90 * 86_400_000 };
    late.lastUpdated = late.time;
    linker.begin([]);
    await linker.link({ gone: [], digests: [digested(late)], names: [], at: AT });
    const out = await linker.linkWhole({
      redirected: [merged],
      pass: { gone: [], digests: [], names: [], at: AT },
    });
    expect(out.unindexed?.sort()).toEqual([...linkers].sort());
  });
});

describe("Linker.link changelog entries", () => {
  it("stamps a 'linked' entry with the time of the event's latest report, not the time of the pass", async () => {
    // A corpus replayed today showed every link at today's date beside "created" entries dated by their reports.
    const linker = new Linker(30);
    const replayed = "2030-01-01T00:00:00.000Z";
    let last: LinkOutcome | null = null;
    for (const d of [...filler(200), ...Object.values(STORY)].sort(byTime)) {
      linker.begin([]);
      last = await linker.link({ gone: [], digests: [digested(d)], names: [], at: replayed });
    }
    const newest = [...Object.values(STORY)].sort(byTime).at(-1) as EventDigest;
    const linkedChanges = (last?.changes ?? []).filter((c) => c.change.kind === "linked");
    expect(linkedChanges.length).toBeGreaterThan(0);
    for (const c of linkedChanges) expect(c.change.at).toBe(new Date(newest.lastUpdated).toISOString());
    // A report stamped after the pass (a clock ahead of ours) is linked at the pass's time.
    const ahead = { ...newest, id: 9002, lastUpdated: Date.parse(replayed) + 86_400_000 };
    linker.begin([]);
    const out = await linker.link({ gone: [], digests: [digested(ahead)], names: [], at: replayed });
    for (const c of out.changes) expect(c.change.at).toBe(replayed);
  });
});
