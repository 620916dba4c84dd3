import type { Actor } from "../model/actor.ts";

/** What the overview needs of a theatre's event. */
export interface OverviewEvent {
  id: number;
  title: string;
  firstSeen: string;
  type: string | null;
  intensity: number | null;
}

/** An actor of a theatre: how often it appears in the theatre's events, what it does there, how hard. */
export interface TheatreActor {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  events: number;
  /** Mean Goldstein intensity of its rated events (−10 … +10). */
  meanIntensity: number | null;
  lastSeen: string;
  /** The most frequent PLOVER types of the events it is in, most frequent first (at most three). */
  eventTypes: { type: string; events: number }[];
}

/** A storyline of the theatre that is still moving: its latest step and where it is heading. */
export interface OpenThread {
  id: string;
  name: string;
  events: number;
  firstSeen: string;
  lastSeen: string;
  latest: OverviewEvent;
  /** The latest step against the storyline's earlier ones: two Goldstein points or more lower is escalating. */
  trend: "escalating" | "de-escalating" | "steady" | "unknown";
}

/**
 * The theatre's actors, those in most of its events first (outlets report; they are not listed). A country's organs
 * and officials are listed as themselves ("Iranian Foreign Ministry", "Esmail Baghaei"), as on the actors page.
 */
export function theatreActors(
  events: OverviewEvent[],
  actorsOf: Map<number, Actor[]>,
  limit = 12,
): TheatreActor[] {
  const by = new Map<string, { actor: Actor; events: OverviewEvent[] }>();
  for (const e of events)
    for (const a of actorsOf.get(e.id) ?? []) {
      if (a.kind === "media") continue;
      const entry = by.get(a.id) ?? { actor: a, events: [] };
      if (!entry.events.includes(e)) entry.events.push(e);
      by.set(a.id, entry);
    }
  return [...by.values()]
    .map(({ actor, events: mine }) => {
      const rated = mine.filter((e) => e.intensity !== null);
      const types = new Map<string, number>();
      for (const e of mine) if (e.type) types.set(e.type, (types.get(e.type) ?? 0) + 1);
      return {
        id: actor.id,
        name: actor.name,
        kind: actor.kind,
        country: actor.country,
        events: mine.length,
        meanIntensity: rated.length
          ? round(rated.reduce((s, e) => s + (e.intensity as number), 0) / rated.length)
          : null,
        lastSeen: mine
          .map((e) => e.firstSeen)
          .sort()
          .at(-1) as string,
        eventTypes: [...types]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, 3)
          .map(([type, n]) => ({ type, events: n })),
      };
    })
    .sort((a, b) => b.events - a.events || b.lastSeen.localeCompare(a.lastSeen) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/**
 * Storylines whose latest event came within `days` of the theatre's latest event, latest first: the threads an
 * analyst still follows. A storyline's events outside `events` (another theatre's) are not counted.
 */
export function openThreads(
  storylines: { id: string; name: string; eventIds: number[] }[],
  events: OverviewEvent[],
  days = 7,
): OpenThread[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const newest = events
    .map((e) => e.firstSeen)
    .sort()
    .at(-1);
  if (!newest) return [];
  const since = new Date(Date.parse(newest) - days * 86_400_000).toISOString();
  const out: OpenThread[] = [];
  for (const s of storylines) {
    const mine = s.eventIds
      .flatMap((id) => byId.get(id) ?? [])
      .sort((a, b) => a.firstSeen.localeCompare(b.firstSeen) || a.id - b.id);
    const latest = mine.at(-1);
    if (!latest || mine.length < 2 || latest.firstSeen < since) continue;
    out.push({
      id: s.id,
      name: s.name,
      events: mine.length,
      firstSeen: mine[0].firstSeen,
      lastSeen: latest.firstSeen,
      latest: {
        id: latest.id,
        title: latest.title,
        firstSeen: latest.firstSeen,
        type: latest.type,
        intensity: latest.intensity,
      },
      trend: trendOf(mine),
    });
  }
  return out.sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.id.localeCompare(b.id));
}

function trendOf(events: OverviewEvent[]): OpenThread["trend"] {
  const latest = events.at(-1)?.intensity ?? null;
  const before = events.slice(0, -1).flatMap((e) => (e.intensity === null ? [] : [e.intensity]));
  if (latest === null || !before.length) return "unknown";
  const mean = before.reduce((a, b) => a + b, 0) / before.length;
  if (latest <= mean - 2) return "escalating";
  if (latest >= mean + 2) return "de-escalating";
  return "steady";
}

const round = (v: number) => Math.round(v * 10) / 10;
