import { z } from "zod";
import { PLOVER_TYPES } from "../model/event.ts";

/** A positive integer event id in a path. */
export const eventIdParams = z.object({
  id: z.coerce.number().int().positive().describe("event id"),
});

/** A string id in a path (actor, theatre, source, article). */
export const stringIdParams = z.object({
  id: z.string().min(1).max(200).describe("id"),
});

const isoTime = z.iso.datetime({ offset: true }).or(z.iso.date()).describe("ISO-8601 date or time");

/** Paging: limit and offset. */
export const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe("page size (1..500)"),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("rows to skip"),
};

/** Filters shared by the event list, exports and feeds. */
export const eventFilterShape = {
  theatre: z.string().min(1).max(100).optional().describe("theatre id"),
  actor: z.string().min(1).max(200).optional().describe("actor id"),
  type: z.enum(PLOVER_TYPES).optional().describe("PLOVER event type"),
  minIntensity: z.coerce.number().min(-10).max(10).optional().describe("lowest Goldstein intensity"),
  maxIntensity: z.coerce.number().min(-10).max(10).optional().describe("highest Goldstein intensity"),
  from: isoTime.optional().describe("only events active at or after this time"),
  to: isoTime.optional().describe("only events first seen at or before this time"),
  q: z.string().min(1).max(200).optional().describe("full-text search"),
};

/** Query of the event list. */
export const eventListQuery = z
  .object({ ...eventFilterShape, ...paging })
  .refine(
    (q) => q.minIntensity === undefined || q.maxIntensity === undefined || q.minIntensity <= q.maxIntensity,
    {
      message: "minIntensity must not exceed maxIntensity",
      path: ["minIntensity"],
    },
  );
