import { findPlaces } from "../actors/find-actors.ts";
import { lookupWord } from "../actors/gazetteer/index.ts";
import { countryName } from "../link/country-table.ts";
import {
  type ProposalOptions,
  proposeTheatres,
  type TheatreProposal,
  type UnplacedEvent,
} from "../link/propose-theatres.ts";
import type { Actor } from "../model/actor.ts";
import type { Theatre } from "../model/theatre.ts";
import type { Store } from "../store/store.ts";
import type { PipelineContext } from "./context.ts";
import { linkEvents } from "./link-events.ts";
import { synthesizeEvents } from "./synthesize-events.ts";

/** The window proposals look at: by default the 90 days up to the store's latest event. */
export interface ProposalWindow {
  since?: string;
  until?: string;
}

const DAY_MS = 86_400_000;

/** True for a calendar date written YYYY-MM-DD (not 2026-02-30): the window's bounds. */
export function isCalendarDay(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(d);
}

/**
 * Theatres proposed from the stored events of a window that no known theatre holds, with their links and actors
 * (link/propose-theatres.ts). The window ends at the latest event, not today, so a replayed corpus proposes what its
 * own weeks hold.
 */
export async function theatreProposals(
  store: Store,
  known: Theatre[],
  window: ProposalWindow = {},
  options: Partial<ProposalOptions> = {},
): Promise<{ since: string; until: string; proposals: TheatreProposal[] }> {
  const { since, until, events, nameOf } = await unplacedEvents(store, window);
  const links = await store.links.linksAmong(events.map((e) => e.id));
  const proposals = proposeTheatres(
    events,
    links,
    nameOf,
    { ...options, knownPairs: known.flatMap((t) => t.actorPairs) },
    known.map((t) => t.id),
  );
  return { since, until, proposals };
}

/**
 * Places the stored events of a window in a theatre just added to the config (`ctx` must have been made with it):
 * the unplaced events that show one of its core pairs, or name one of its places with one of its sides, get their
 * records written again (which assigns theatres) and are linked again (so the theatre's storylines and escalation
 * index hold them). Returns how many were rewritten and how many the theatre now holds.
 */
export async function placeInTheatre(
  ctx: PipelineContext,
  theatre: Theatre,
  window: ProposalWindow = {},
): Promise<{ rewritten: number; inTheatre: number }> {
  const { events } = await unplacedEvents(ctx.store, window);
  const pairs = theatre.actorPairs.map(([a, b]) => [a, b]);
  const sides = new Set(pairs.flat());
  const places = new Set(theatre.places);
  const ids = events
    .filter(
      (e) =>
        pairs.some(([a, b]) => e.sides.includes(a) && e.sides.includes(b)) ||
        (e.places.some((p) => places.has(p)) && e.sides.some((s) => sides.has(s))),
    )
    .map((e) => e.id);
  if (ids.length) {
    await synthesizeEvents(ctx, ids);
    await linkEvents(ctx, ids);
  }
  const inTheatre = (await ctx.store.events.eventsBetween("0000", "9999", theatre.id)).length;
  return { rewritten: ids.length, inTheatre };
}

/** The window's live events with a record and no theatre, as proposals read them, and names for their sides. */
async function unplacedEvents(
  store: Store,
  window: ProposalWindow,
): Promise<{ since: string; until: string; events: UnplacedEvent[]; nameOf: (side: string) => string }> {
  const latest = (await store.events.listEvents({ limit: 1 }))[0]?.lastUpdated ?? new Date(0).toISOString();
  const until = window.until ?? latest.slice(0, 10);
  const since = window.since ?? new Date(Date.parse(until) - 90 * DAY_MS).toISOString().slice(0, 10);
  const stored = (await store.events.eventsBetween(since, `${until}T23:59:59.999Z`)).filter(
    (e) => e.record !== null && e.record.theatres.length === 0,
  );
  const actors = await store.events.actorsOfEvents(stored.map((e) => e.id));
  const names = new Map<string, string>();
  const events: UnplacedEvent[] = stored.map((e) => {
    const record = e.record as NonNullable<typeof e.record>;
    const sides = (actors.get(e.id) ?? []).flatMap((a) => {
      const side = sideOf(a);
      if (side && a.id === side) names.set(side, a.name);
      return side ? [side] : [];
    });
    // What happened where: the headline and the summary's first sentence.
    const lead = [record.title, record.summary[0]?.text ?? ""];
    const places = [
      ...new Set([
        ...findPlaces(lead)
          .filter((p) => p.name !== countryName(p.country))
          .map((p) => p.name),
        ...lead.flatMap(unlistedPlaces),
      ]),
    ];
    return {
      id: e.id,
      firstSeen: e.firstSeen,
      title: record.title,
      type: record.type,
      intensity: record.intensity,
      sides,
      places,
    };
  });
  const nameOf = (side: string) => names.get(side) ?? countryName(side) ?? side;
  return { since, until, events, nameOf };
}

// Towns and regions the gazetteer does not list, as headlines name them: a capitalized name after "near", "in",
// "to", "toward", "from", "outside" or "around" ("near Vorukh", "to Batken", "near Isfara"). Only names the gazetteer
// knows nothing of: "in Kabul" is a listed place already, "in Kyrgyzstan" a country, "to Russia's" an actor.
// A proposal keeps those named in two of its events or more.
const PLACE_AFTER =
  /\b(?:near|in|at|to|toward|towards|from|outside|around)\s+(\p{Lu}[\p{Ll}'’-]+(?:[- ]\p{Lu}[\p{Ll}'’-]+)?)(?![\p{L}'’])/gu;
const NOT_PLACES = new Set(
  "Europe Asia Africa America Americas Oceania Arctic Antarctica Eurasia Middle January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An This That Its Their His Her Our".split(
    " ",
  ),
);

export function unlistedPlaces(title: string): string[] {
  const out: string[] = [];
  for (const m of title.matchAll(PLACE_AFTER)) {
    // "Kabul's Hamid Karzai airport": a possessive ends the name.
    const name = m[1].replace(/['’]s(?:[- ].*)?$/u, "");
    const first = name.split(/[- ]/)[0];
    if (NOT_PLACES.has(first) || lookupWord(first) || lookupWord(name)) continue;
    out.push(name);
  }
  return out;
}

// A side of a conflict: a group or organisation of its own (an armed group, the United Nations), or a country with
// everyone speaking or acting for it (its government, army, civilians). Outlets report; they are no side.
function sideOf(a: Actor): string | null {
  if (a.kind === "media") return null;
  if (a.id.startsWith("org:")) return a.id;
  return a.country ?? a.code ?? null;
}
