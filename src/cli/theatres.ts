import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { z } from "zod";
import { theatreList } from "../classify/theatres.ts";
import type { TheatreProposal } from "../link/propose-theatres.ts";
import { errorMessage, SitrepError } from "../model/errors.ts";
import type { Theatre } from "../model/theatre.ts";
import {
  isCalendarDay,
  type ProposalWindow,
  placeInTheatre,
  theatreProposals,
} from "../pipeline/theatre-proposals.ts";
import type { TheatreCount } from "../store/events.ts";
import { type GlobalOptions, openApp } from "./app.ts";

const day = z.string().refine(isCalendarDay, "a calendar date, YYYY-MM-DD").optional();
const args = z.object({
  proposed: z.boolean(),
  adopt: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "a proposal's id, e.g. afghanistan-taliban")
    .optional(),
  json: z.boolean(),
  since: day,
  until: day,
  minEvents: z.coerce.number().int().min(2),
});

/**
 * `sitrep theatres`: the known theatres (built-in and configured) with their events and latest activity;
 * `--proposed`: theatres proposed from dense clusters of linked events no known theatre holds, each printed as the
 * `theatres.extra` entry that adopts it.
 */
export function registerTheatres(program: Command): void {
  program
    .command("theatres")
    .description("known theatres with their events; --proposed: new ones proposed from linked events")
    .option(
      "--proposed",
      "propose theatres from dense clusters of linked events outside the known ones",
      false,
    )
    .option("--since <date>", "proposals: first day looked at (default: 90 days before --until)")
    .option("--until <date>", "proposals: last day looked at (default: the latest event's day)")
    .option("--min-events <n>", "proposals: linked events a pair of sides needs", "5")
    .option(
      "--adopt <id>",
      "add a proposal to the config file's theatres.extra and place the window's stored events in it",
    )
    .option("--json", "print JSON", false)
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const parsed = args.safeParse(opts);
      if (!parsed.success)
        throw new SitrepError(
          "invalid-input",
          `theatres: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`,
        );
      const o = parsed.data;
      if (o.since && o.until && o.since > o.until)
        throw new SitrepError("invalid-input", `theatres: --since ${o.since} is after --until ${o.until}`);
      const globals = cmd.optsWithGlobals<GlobalOptions>();
      if (o.adopt) return adopt(globals, o.adopt, { since: o.since, until: o.until }, o.minEvents);
      const app = await openApp(globals);
      try {
        const known = theatreList(app.config["theatres.extra"]);
        if (o.proposed) {
          const found = await theatreProposals(
            app.store,
            known,
            { since: o.since, until: o.until },
            { minEvents: o.minEvents },
          );
          console.log(o.json ? JSON.stringify(found, null, 2) : renderProposals(found));
        } else {
          const counts = await app.store.events.theatreCounts();
          console.log(o.json ? JSON.stringify(listing(known, counts), null, 2) : renderKnown(known, counts));
        }
      } finally {
        await app.close();
      }
    });
}

/**
 * `--adopt ID`: the proposal's entry goes into the config file's `theatres.extra` (created when missing), then the
 * window's stored events that fit it are placed in it, with the config reread.
 */
async function adopt(
  globals: GlobalOptions,
  id: string,
  window: ProposalWindow,
  minEvents: number,
): Promise<void> {
  let app = await openApp(globals);
  let file: string;
  let entry: Theatre;
  try {
    const known = theatreList(app.config["theatres.extra"]);
    const { proposals } = await theatreProposals(app.store, known, window, { minEvents });
    const p = proposals.find((x) => x.id === id);
    if (!p)
      throw new SitrepError(
        "not-found",
        `no proposed theatre "${id}" in this window; proposed: ${proposals.map((x) => x.id).join(", ") || "none"} (see sitrep theatres --proposed)`,
      );
    entry = { id: p.id, name: p.name, aliases: p.aliases, actorPairs: p.actorPairs, places: p.places };
    file = globals.config ?? process.env.SITREP_CONFIG ?? "sitrep.config.json";
    addTheatreToConfig(file, entry);
  } finally {
    await app.close();
  }
  if (process.env.SITREP_THEATRES_EXTRA)
    console.error("warning: SITREP_THEATRES_EXTRA is set and overrides the config file's theatres.extra");
  app = await openApp({ ...globals, config: file });
  try {
    const placed = await placeInTheatre(app.ctx, entry, window);
    console.log(
      [
        `Adopted ${entry.name} (${entry.id}): added to "theatres.extra" in ${file}.`,
        `${placed.rewritten} stored events rewritten; the theatre holds ${placed.inTheatre}.`,
        `Timeline: sitrep timeline --theatre ${entry.id}${globals.config ? "" : ` --config ${file}`}`,
      ].join("\n"),
    );
  } finally {
    await app.close();
  }
}

/** Adds (or replaces, by id) a theatre in a JSON config file's `theatres.extra`, keeping every other key. */
export function addTheatreToConfig(file: string, theatre: Theatre): void {
  let config: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      config = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    } catch (err) {
      throw new SitrepError("invalid-input", `${file}: not JSON (${errorMessage(err)}); not changed`);
    }
    if (typeof config !== "object" || config === null || Array.isArray(config))
      throw new SitrepError("invalid-input", `${file}: not a JSON object; not changed`);
  }
  const extra = Array.isArray(config["theatres.extra"])
    ? (config["theatres.extra"] as { id?: unknown }[])
    : [];
  config["theatres.extra"] = [...extra.filter((t) => t?.id !== theatre.id), theatre];
  // Validated as the config loader will read it, before the file is touched.
  theatreList(config["theatres.extra"] as unknown[]);
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}

function listing(known: Theatre[], counts: TheatreCount[]) {
  const byId = new Map(counts.map((c) => [c.theatreId, c]));
  return known
    .map((t) => ({
      id: t.id,
      name: t.name,
      events: byId.get(t.id)?.events ?? 0,
      lastUpdated: byId.get(t.id)?.lastUpdated ?? null,
    }))
    .sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
}

/** Known theatres, busiest first; those with no events yet on one line at the end. */
export function renderKnown(known: Theatre[], counts: TheatreCount[]): string {
  const rows = listing(known, counts);
  const busy = rows.filter((r) => r.events > 0);
  const idle = rows.filter((r) => r.events === 0);
  const width = Math.max(...busy.map((r) => r.id.length), 2);
  const lines = [`${known.length} theatres, ${busy.length} with events`, ""];
  for (const r of busy)
    lines.push(
      `${r.id.padEnd(width)}  ${String(r.events).padStart(5)} ${r.events === 1 ? "event " : "events"}  last ${r.lastUpdated?.slice(0, 10) ?? "—"}  ${r.name}`,
    );
  if (idle.length) lines.push("", `No events yet: ${idle.map((r) => r.id).join(", ")}`);
  lines.push("", "Timeline: sitrep timeline --theatre ID · proposals: sitrep theatres --proposed");
  return lines.join("\n");
}

/** Proposals with their evidence, each followed by the config entry that adopts it. */
export function renderProposals(found: {
  since: string;
  until: string;
  proposals: TheatreProposal[];
}): string {
  const { since, until, proposals } = found;
  if (!proposals.length)
    return `No theatre to propose from ${since} to ${until}: no dense cluster of linked conflict events lies outside the known theatres.`;
  const lines = [
    `${proposals.length} proposed theatre(s) from events of ${since} to ${until} that no known theatre holds:`,
  ];
  for (const p of proposals) {
    const intensity =
      p.meanIntensity === null
        ? ""
        : `, mean intensity ${p.meanIntensity > 0 ? "+" : ""}${p.meanIntensity.toFixed(1)}`;
    lines.push(
      "",
      `${p.name} (${p.id})`,
      `  ${p.eventIds.length} events over ${p.days} days, ${p.firstSeen.slice(0, 10)} to ${p.lastSeen.slice(0, 10)}; ${pct(p.density)} linked to one another, ${pct(p.forceShare)} force or threats${intensity}`,
      `  core pairs: ${p.actorPairs.map((x) => x.join("/")).join(", ")}`,
    );
    if (p.places.length) lines.push(`  places: ${p.places.join(", ")}`);
    lines.push("  latest:");
    for (const h of p.headlines) lines.push(`    ${h.firstSeen.slice(0, 10)}  #${h.id}  ${h.title}`);
    const entry = { id: p.id, name: p.name, aliases: p.aliases, actorPairs: p.actorPairs, places: p.places };
    lines.push(
      `  adopt: sitrep theatres --adopt ${p.id} (adds to "theatres.extra": ${JSON.stringify(entry)})`,
    );
  }
  return lines.join("\n");
}

const pct = (v: number) => `${Math.round(v * 100)}%`;
