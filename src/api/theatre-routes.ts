import { z } from "zod";
import { theatreList } from "../classify/theatres.ts";
import { openThreads, theatreActors } from "../link/theatre-overview.ts";
import { SitrepError } from "../model/errors.ts";
import { isCalendarDay, theatreProposals } from "../pipeline/theatre-proposals.ts";
import { iso3OfName } from "./country-names.ts";
import { summarize } from "./event-view.ts";
import { stringIdParams } from "./params.ts";
import { type Route, route } from "./route.ts";

const day = z.string().refine(isCalendarDay, "a calendar date, YYYY-MM-DD").optional();

/** Theatres: list with counts; proposed new ones; one theatre's timeline, daily escalation series and storylines; the map. */
export const theatreRoutes: Route[] = [
  route({
    method: "get",
    path: "/api/theatres",
    summary: "Theatres with their number of events and latest activity",
    tag: "theatres",
    handler: async (c, _input, deps) => {
      const counts = await deps.store.events.theatreCounts();
      return c.json({
        items: counts.map((t) => ({ id: t.theatreId, name: deps.theatres.name(t.theatreId), ...t })),
      });
    },
  }),
  route({
    method: "get",
    path: "/api/theatres/proposed",
    summary:
      "Theatres proposed from dense clusters of linked conflict events that no known theatre holds, each shaped as a `theatres.extra` entry",
    tag: "theatres",
    query: z.object({
      since: day.describe("first day (default: 90 days before until)"),
      until: day.describe("last day (default: the latest event's)"),
      minEvents: z.coerce
        .number()
        .int()
        .min(2)
        .max(1000)
        .default(5)
        .describe("linked events a pair of sides needs"),
    }),
    handler: async (c, { query }, deps) => {
      if (query.since && query.until && query.since > query.until)
        throw new SitrepError("invalid-input", `since ${query.since} is after until ${query.until}`);
      const known = theatreList(deps.config["theatres.extra"]);
      const found = await theatreProposals(
        deps.store,
        known,
        { since: query.since, until: query.until },
        { minEvents: query.minEvents },
      );
      return c.json(found);
    },
  }),
  route({
    method: "get",
    path: "/api/theatres/{id}",
    summary:
      "A theatre's timeline of events, daily escalation series, daily activity, storylines, its actors and its open threads",
    tag: "theatres",
    params: stringIdParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(2000).default(500).describe("most timeline events"),
    }),
    handler: async (c, { params, query }, deps) => {
      const { store } = deps;
      const [events, escalation, storylines] = await Promise.all([
        store.events.listEvents({ theatre: params.id, limit: query.limit }),
        store.links.theatreDays(params.id),
        store.links.listStorylines(params.id),
      ]);
      if (!events.length && !escalation.length && !storylines.length)
        throw new SitrepError("not-found", `no theatre ${params.id} (or no events in it yet)`);
      const timeline = (await summarize(deps, events)).sort((a, b) => a.firstSeen.localeCompare(b.firstSeen));
      const actorsOf = await store.events.actorsOfEvents(timeline.map((e) => e.id));
      const titles = new Map(timeline.map((e) => [e.id, e.title]));
      const perDay = new Map<string, { events: number; intensity: number; rated: number }>();
      for (const e of timeline) {
        const d = perDay.get(e.firstSeen.slice(0, 10)) ?? { events: 0, intensity: 0, rated: 0 };
        d.events++;
        if (e.intensity !== null) {
          d.intensity += e.intensity;
          d.rated++;
        }
        perDay.set(e.firstSeen.slice(0, 10), d);
      }
      return c.json({
        id: params.id,
        name: deps.theatres.name(params.id),
        timeline,
        escalation,
        activity: [...perDay].map(([day, d]) => ({
          day,
          events: d.events,
          meanIntensity: d.rated ? d.intensity / d.rated : null,
        })),
        storylines: storylines.map((s) => ({
          ...s,
          events: s.eventIds.map((id) => ({ id, title: titles.get(id) ?? null })),
        })),
        actors: theatreActors(timeline, actorsOf),
        openThreads: openThreads(storylines, timeline),
      });
    },
  }),
  route({
    method: "get",
    path: "/api/map",
    summary: "Number of events per country (ISO-3 of the events' actors), for the world map",
    tag: "theatres",
    query: z.object({ theatre: z.string().min(1).max(100).optional().describe("theatre id") }),
    handler: async (c, { query }, deps) => {
      const items = await deps.store.events.countryCounts(query.theatre);
      if (items.length) return c.json({ items, basis: "actors" });
      // Before actor extraction has run, fall back to country names among the events' top entities.
      const counts = new Map<string, number>();
      for (const e of await deps.store.events.listEvents({ theatre: query.theatre, limit: 5000 })) {
        const codes = new Set(e.topEntities.flatMap((n) => iso3OfName(n) ?? []));
        for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      return c.json({
        items: [...counts].map(([country, events]) => ({ country, events })),
        basis: "entities",
      });
    },
  }),
];
