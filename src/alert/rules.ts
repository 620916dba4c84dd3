import { z } from "zod";
import type { AlertRule } from "../model/alert.ts";
import { SitrepError } from "../model/errors.ts";
import { PLOVER_TYPES } from "../model/event.ts";
import { RELATION_TYPES } from "../model/link.ts";

/** Schema of one rule of config `alerts.rules`. */
export const AlertRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "kebab-case id"),
    name: z.string().min(1).optional(),
    theatre: z.string().min(1).optional(),
    actors: z.array(z.string().min(1)).min(1).optional(),
    types: z.array(z.enum(PLOVER_TYPES)).min(1).optional(),
    maxIntensity: z.number().min(-10).max(10).optional(),
    escalating: z.literal(true).optional(),
    relations: z.array(z.enum(RELATION_TYPES)).min(1).optional(),
    words: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine(
    (r) => CONDITIONS.some((k) => r[k] !== undefined),
    `at least one condition: ${"theatre, actors, types, maxIntensity, escalating, relations or words"}`,
  );

const CONDITIONS = [
  "theatre",
  "actors",
  "types",
  "maxIntensity",
  "escalating",
  "relations",
  "words",
] as const;

/** The configured rules, each validated; a bad one throws an invalid-input error naming it ("alerts.rules[1]: …"). */
export function alertRules(raw: readonly unknown[]): AlertRule[] {
  const seen = new Set<string>();
  return raw.map((r, i) => {
    const parsed = AlertRuleSchema.safeParse(r);
    if (!parsed.success) {
      const why = parsed.error.issues.map((x) => `${x.path.join(".") || "rule"}: ${x.message}`).join("; ");
      throw new SitrepError("invalid-input", `alerts.rules[${i}]: ${why}`);
    }
    if (seen.has(parsed.data.id))
      throw new SitrepError("invalid-input", `alerts.rules[${i}]: id "${parsed.data.id}" is used twice`);
    seen.add(parsed.data.id);
    return { ...parsed.data, name: parsed.data.name ?? parsed.data.id };
  });
}

/** What a rule looks at: an event's record, actors and outgoing links. */
export interface WatchedEvent {
  id: number;
  title: string;
  summary: string;
  type: string | null;
  intensity: number | null;
  direction: string;
  theatres: { id: string; name: string }[];
  /** Actor ids with their countries. */
  actors: { id: string; name: string; country: string | null }[];
  /** Its links to earlier events. */
  links: { type: string; toEvent: number; title: string; date: string }[];
}

/**
 * The reasons an event meets a rule, one per condition ("escalation link to #15 'Iran confirms …' (4 Nov)"), or
 * null when a condition fails.
 */
export function matchRule(rule: AlertRule, e: WatchedEvent): string[] | null {
  const why: string[] = [];
  if (rule.theatre !== undefined) {
    const t = e.theatres.find((x) => x.id === rule.theatre);
    if (!t) return null;
    why.push(`in the ${t.name}`);
  }
  if (rule.actors) {
    const wanted = new Set(rule.actors);
    const hit = e.actors.filter((a) => wanted.has(a.id) || (a.country !== null && wanted.has(a.country)));
    if (!hit.length) return null;
    why.push(`involves ${[...new Set(hit.map((a) => a.name))].slice(0, 3).join(", ")}`);
  }
  if (rule.types) {
    if (!e.type || !rule.types.includes(e.type)) return null;
    why.push(`type ${e.type}`);
  }
  if (rule.maxIntensity !== undefined) {
    if (e.intensity === null || e.intensity > rule.maxIntensity) return null;
    why.push(`intensity ${signed(e.intensity)} (at or below ${signed(rule.maxIntensity)})`);
  }
  if (rule.escalating) {
    if (e.direction !== "escalating") return null;
    why.push("escalating against the theatre's recent events");
  }
  if (rule.relations) {
    const hit = e.links.filter((l) => rule.relations?.includes(l.type));
    if (!hit.length) return null;
    why.push(...hit.slice(0, 3).map((l) => `${l.type} link to #${l.toEvent} '${l.title}' (${l.date})`));
  }
  if (rule.words) {
    const text = `${e.title} ${e.summary}`.toLowerCase();
    if (!rule.words.every((w) => text.includes(w.toLowerCase()))) return null;
    why.push(`mentions ${rule.words.join(", ")}`);
  }
  return why;
}

const signed = (v: number) => `${v > 0 ? "+" : ""}${v.toFixed(1)}`;
