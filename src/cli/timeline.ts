import type { Command } from "commander";
import { z } from "zod";
import { theatreList } from "../classify/theatres.ts";
import { type OpenThread, openThreads, type TheatreActor, theatreActors } from "../link/theatre-overview.ts";
import { SitrepError } from "../model/errors.ts";
import type { SitrepEvent } from "../model/event.ts";
import type { EventLink } from "../model/link.ts";
import type { Theatre } from "../model/theatre.ts";
import { type GlobalOptions, openApp } from "./app.ts";

const args = z.object({ theatre: z.string().min(1), limit: z.coerce.number().int().positive() });
const BARS = "▁▂▃▄▅▆▇█";

/**
 * `sitrep timeline --theatre NAME`: a theatre's events in order with their links, its daily escalation index, its
 * open threads and its actors.
 */
export function registerTimeline(program: Command): void {
  program
    .command("timeline")
    .description(
      "a theatre's events in order (date, #id, type, intensity, title, links) and its escalation index",
    )
    .requiredOption("--theatre <name>", 'theatre id or name, e.g. iran-israel or "Russo-Ukrainian war"')
    .option("--limit <n>", "most recent events shown", "200")
    .action(async (opts: { theatre: string; limit: string }, cmd: Command) => {
      const parsed = args.safeParse(opts);
      if (!parsed.success)
        throw new SitrepError(
          "invalid-input",
          `timeline: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
        );
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      try {
        const theatre = findTheatre(theatreList(app.config["theatres.extra"]), parsed.data.theatre);
        const events = (await app.store.events.eventsBetween("0000", "9999", theatre.id)).slice(
          -parsed.data.limit,
        );
        const links = await app.store.links.linksAmong(events.map((e) => e.id));
        const days = await app.store.links.theatreDays(theatre.id);
        const seen = events.flatMap((e) =>
          e.record
            ? [
                {
                  id: e.id,
                  title: e.record.title,
                  firstSeen: e.firstSeen,
                  type: e.record.type,
                  intensity: e.record.intensity,
                },
              ]
            : [],
        );
        const overview = {
          actors: theatreActors(seen, await app.store.events.actorsOfEvents(seen.map((e) => e.id))),
          threads: openThreads(await app.store.links.listStorylines(theatre.id), seen),
        };
        console.log(renderTimeline(theatre, events, links, days, overview));
      } finally {
        await app.close();
      }
    });
}

/** The theatre whose id, name or alias matches (case-insensitive, dashes alike). */
export function findTheatre(theatres: Theatre[], query: string): Theatre {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[–—‐-]+/g, "-")
      .trim();
  const q = norm(query);
  const found = theatres.find((t) => [t.id, t.name, ...t.aliases].some((x) => norm(x) === q));
  if (!found)
    throw new SitrepError(
      "invalid-input",
      `no theatre "${query}"; known: ${theatres.map((t) => t.id).join(", ")}`,
    );
  return found;
}

/** The timeline as text: one line per event with its outgoing links below, then the escalation sparkline. */
export function renderTimeline(
  theatre: Theatre,
  events: SitrepEvent[],
  links: EventLink[],
  days: { day: string; escalation: number; events: number }[],
  overview: { actors: TheatreActor[]; threads: OpenThread[] } = { actors: [], threads: [] },
): string {
  const out = [`${theatre.name} (${theatre.id}): ${events.length} events`, ""];
  const titles = new Map(events.map((e) => [e.id, e.record?.title ?? `event #${e.id}`]));
  for (const e of events) {
    const r = e.record;
    const intensity =
      r?.intensity == null ? "    ?" : `${r.intensity > 0 ? "+" : ""}${r.intensity.toFixed(1)}`.padStart(5);
    out.push(
      `${e.firstSeen.slice(0, 10)}  #${String(e.id).padEnd(6)} ${(r?.type ?? "?").padEnd(11)} ${intensity}  ${titles.get(e.id)}`,
    );
    for (const l of links.filter((x) => x.fromEvent === e.id))
      out.push(`      → ${l.type} #${l.toEvent} (${l.confidence.toFixed(2)}): ${l.explanation}`);
  }
  out.push("", "Escalation index (−10 most cooperative … +10 most conflictual), by day:");
  out.push(...escalationLines(days));
  if (overview.threads.length) {
    out.push("", "Open threads (storylines moving in the theatre's last week), latest first:");
    for (const t of overview.threads)
      out.push(
        `  ${t.name}: ${t.events} events, ${t.firstSeen.slice(0, 10)} to ${t.lastSeen.slice(0, 10)}, ${t.trend}; latest #${t.latest.id} ${t.latest.title}`,
      );
  }
  if (overview.actors.length) {
    out.push("", "Actors, in most events first:");
    for (const a of overview.actors) {
      const mean = a.meanIntensity === null ? "" : `, mean intensity ${signed(a.meanIntensity)}`;
      const types = a.eventTypes.map((x) => `${x.type} ×${x.events}`).join(", ");
      out.push(
        `  ${a.name} (${a.id}): ${a.events} event${a.events === 1 ? "" : "s"}${mean}${types ? `; in ${types}` : ""}`,
      );
    }
  }
  return out.join("\n");
}

const signed = (v: number) => `${v > 0 ? "+" : ""}${v.toFixed(1)}`;

function escalationLines(days: { day: string; escalation: number; events: number }[]): string[] {
  if (!days.length) return ["  (no days recorded)"];
  const byDay = new Map(days.map((d) => [d.day, d]));
  const spark: string[] = [];
  const DAY = 86_400_000;
  for (let t = Date.parse(days[0].day); t <= Date.parse(days[days.length - 1].day); t += DAY) {
    const d = byDay.get(new Date(t).toISOString().slice(0, 10));
    spark.push(
      d ? BARS[Math.min(BARS.length - 1, Math.floor(((d.escalation + 10) / 20) * BARS.length))] : " ",
    );
  }
  const rows = days.map(
    (d) =>
      `  ${d.day}  ${`${d.escalation > 0 ? "+" : ""}${d.escalation.toFixed(1)}`.padStart(5)}  (${d.events} event${d.events === 1 ? "" : "s"})`,
  );
  return [`  ${days[0].day} ${spark.join("")} ${days[days.length - 1].day}`, ...rows];
}
