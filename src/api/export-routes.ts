import { stream } from "hono/streaming";
import { z } from "zod";
import { toEventFilter } from "./event-query.ts";
import { type EventSummary, summarize } from "./event-view.ts";
import { eventFilterShape } from "./params.ts";
import { type Route, route } from "./route.ts";

const PAGE = 500;
const TYPES = {
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
  csv: "text/csv; charset=utf-8",
} as const;
const COLUMNS = [
  "id",
  "title",
  "pending",
  "type",
  "intensity",
  "direction",
  "location",
  "theatres",
  "firstSeen",
  "lastUpdated",
  "articleCount",
  "sourceCount",
  "summary",
  "significance",
] as const;

/** One CSV cell: quoted when needed; text starting like a formula is prefixed so spreadsheets keep it text. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  let s = typeof v === "string" ? v : String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvRow(e: EventSummary): string {
  const cells = COLUMNS.map((k) => (k === "theatres" ? e.theatres.map((t) => t.id).join(";") : e[k]));
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** Exports of events as JSON, NDJSON or CSV, streamed page by page. */
export const exportRoutes: Route[] = [
  route({
    method: "get",
    path: "/api/export/events",
    summary: "Export events (same filters as the list) as JSON, NDJSON or CSV",
    tag: "exports",
    produces: "application/x-ndjson",
    query: z.object({
      ...eventFilterShape,
      format: z.enum(["json", "ndjson", "csv"]).default("json").describe("json, ndjson or csv"),
      limit: z.coerce.number().int().min(1).max(100_000).default(10_000).describe("most events exported"),
    }),
    handler: async (c, { query }, deps) => {
      const { format, limit, ...filters } = query;
      const base = await toEventFilter(deps, filters);
      c.header("content-type", TYPES[format]);
      c.header("content-disposition", `attachment; filename="sitrep-events.${format}"`);
      return stream(c, async (out) => {
        if (format === "csv") await out.write(`${COLUMNS.join(",")}\r\n`);
        if (format === "json") await out.write("[");
        let n = 0;
        for (let offset = 0; offset < limit; offset += PAGE) {
          const page = await deps.store.events.listEvents({
            ...base,
            limit: Math.min(PAGE, limit - offset),
            offset,
          });
          for (const e of await summarize(deps, page)) {
            if (format === "csv") await out.write(csvRow(e));
            else if (format === "ndjson") await out.write(`${JSON.stringify(e)}\n`);
            else await out.write(`${n ? "," : ""}\n${JSON.stringify(e)}`);
            n++;
          }
          if (page.length < PAGE) break;
        }
        if (format === "json") await out.write("\n]\n");
      });
    },
  }),
];
