import { z } from "zod";
import type { Actor } from "../model/actor.ts";
import { SitrepError } from "../model/errors.ts";
import type { Theatre } from "../model/theatre.ts";
import { BUILTIN_THEATRES } from "./theatre-list.ts";

export { BUILTIN_THEATRES };

/** What an event offers for theatre assignment: its actors (or ids/codes), places and text. */
export interface TheatreInput {
  actors: ReadonlyArray<Actor | string>;
  places: ReadonlyArray<string | { name: string }>;
  text: string;
}

/** Schema of a user-provided theatre (config); ids are kebab-case and replace a built-in with the same id. */
export const TheatreSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "kebab-case id"),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  actorPairs: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
  places: z.array(z.string().min(1)).default([]),
});

/**
 * The built-in theatres plus the user's (config `theatres.extra`), each validated; a user theatre replaces a
 * built-in with the same id. A bad entry throws an invalid-input error naming it ("theatres.extra[2]: …").
 */
export function theatreList(
  extra: readonly unknown[] = [],
  builtin: Theatre[] = BUILTIN_THEATRES,
): Theatre[] {
  const byId = new Map(builtin.map((t) => [t.id, t]));
  extra.forEach((raw, i) => {
    const parsed = TheatreSchema.safeParse(raw);
    if (!parsed.success) {
      const why = parsed.error.issues.map((x) => `${x.path.join(".") || "value"}: ${x.message}`).join("; ");
      throw new SitrepError("invalid-input", `theatres.extra[${i}]: ${why}`);
    }
    byId.set(parsed.data.id, parsed.data);
  });
  return [...byId.values()];
}

/** All theatres' names and places as one regex, run once per text; matches map back to theatre ids. */
interface Matcher {
  re: RegExp | null;
  alias: Map<string, string[]>;
  place: Map<string, string[]>;
  byId: Map<string, Theatre>;
}

const matcherCache = new WeakMap<Theatre[], Matcher>();
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function matcher(theatres: Theatre[]): Matcher {
  let m = matcherCache.get(theatres);
  if (m) return m;
  const alias = new Map<string, string[]>();
  const place = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, phrase: string, id: string) => {
    const k = phrase.toLowerCase();
    map.set(k, [...(map.get(k) ?? []), id]);
  };
  for (const t of theatres) {
    for (const a of [t.name, ...t.aliases]) add(alias, a, t.id);
    for (const p of t.places) add(place, p, t.id);
  }
  // Longest first, so "Islamic State West Africa" wins over "Islamic State".
  const phrases = [...new Set([...alias.keys(), ...place.keys()])].sort((x, y) => y.length - x.length);
  const re = phrases.length
    ? new RegExp(`(?<![\\p{L}])(?:${phrases.map(escapeRe).join("|")})(?![\\p{L}])`, "giu")
    : null;
  m = { re, alias, place, byId: new Map(theatres.map((t) => [t.id, t])) };
  matcherCache.set(theatres, m);
  return m;
}

/** Theatre ids named by an alias, and by a place, anywhere in the text. */
function textHits(theatres: Theatre[], text: string): { alias: Set<string>; place: Set<string> } {
  const m = matcher(theatres);
  const hits = { alias: new Set<string>(), place: new Set<string>() };
  if (!m.re) return hits;
  for (const match of text.matchAll(m.re)) {
    const k = match[0].toLowerCase();
    for (const id of m.alias.get(k) ?? []) hits.alias.add(id);
    for (const id of m.place.get(k) ?? []) hits.place.add(id);
  }
  return hits;
}

function actorKeys(actors: ReadonlyArray<Actor | string>): Set<string> {
  const keys = new Set<string>();
  for (const a of actors) {
    if (typeof a === "string") {
      keys.add(a);
      const m = /^([A-Z]{3})-/.exec(a);
      if (m) keys.add(m[1]);
      continue;
    }
    keys.add(a.id);
    if (a.code) keys.add(a.code);
    if (a.country) keys.add(a.country);
  }
  return keys;
}

interface Score {
  id: string;
  score: number;
  /** Matched only through an actor pair, with no alias or place. */
  pairOnly: boolean;
  pairs: string[];
}

function scoreTheatre(
  t: Theatre,
  keys: Set<string>,
  places: Set<string>,
  hits: { alias: Set<string>; place: Set<string> },
): Score | null {
  const alias = hits.alias.has(t.id);
  // A self-pair ("SDN-SDN", a civil war) only marks the side: the country alone is not the war.
  const pairs = t.actorPairs
    .filter(([x, y]) => x !== y && keys.has(x) && keys.has(y))
    .map(([x, y]) => `${x}/${y}`);
  const side = t.actorPairs.some(([x, y]) => keys.has(x) || keys.has(y));
  const place =
    hits.place.has(t.id) || (places.size > 0 && t.places.some((p) => places.has(p.toLowerCase())));
  // A theatre without actor pairs (a user's "Arctic tensions") is matched by its places alone.
  const placeEnough = place && (side || t.actorPairs.length === 0);
  if (!alias && pairs.length === 0 && !placeEnough) return null;
  const score = (alias ? 4 : 0) + (pairs.length > 0 ? 2 : 0) + (place ? 2 : 0) + (side ? 1 : 0);
  return { id: t.id, score, pairOnly: !alias && !place, pairs };
}

function rank(input: TheatreInput, theatres: Theatre[]): Theatre[] {
  const { actors, places, text } = input;
  const keys = actorKeys(actors);
  const placeNames = new Set(places.map((p) => (typeof p === "string" ? p : p.name).toLowerCase()));
  const scores: Score[] = [];
  const hits = textHits(theatres, text);
  for (const t of theatres) {
    const s = scoreTheatre(t, keys, placeNames, hits);
    if (s) scores.push(s);
  }
  if (!scores.length) return [];
  const strongPairs = new Set(scores.filter((s) => !s.pairOnly).flatMap((s) => s.pairs));
  const { byId } = matcher(theatres);
  return scores
    .filter((s) => !s.pairOnly || !s.pairs.every((p) => strongPairs.has(p)))
    .sort((a, b) => b.score - a.score)
    .map((s) => byId.get(s.id)!);
}

/**
 * The theatres an event belongs to, best first: named by an alias, or showing one of a theatre's core actor
 * pairs, or a theatre's place together with one of its actors. A theatre matched only by a pair is dropped
 * when another theatre with the same pair also matches a place or alias (Israel and Palestinians in Rafah
 * are the Gaza war, not the West Bank). Called with (actors, places, text[, theatres]) it returns ids; called
 * with ({ actors, places, text }[, theatres]) it returns the theatres.
 */
export function assignTheatres(input: TheatreInput, theatres?: Theatre[]): Theatre[];
export function assignTheatres(
  actors: ReadonlyArray<Actor | string>,
  places: ReadonlyArray<string | { name: string }>,
  text: string,
  theatres?: Theatre[],
): string[];
export function assignTheatres(
  first: TheatreInput | ReadonlyArray<Actor | string>,
  second?: Theatre[] | ReadonlyArray<string | { name: string }>,
  text?: string,
  theatres?: Theatre[],
): Theatre[] | string[] {
  if (!Array.isArray(first))
    return rank(first as TheatreInput, (second as Theatre[] | undefined) ?? BUILTIN_THEATRES);
  const places = (second ?? []) as ReadonlyArray<string | { name: string }>;
  return rank({ actors: first, places, text: text ?? "" }, theatres ?? BUILTIN_THEATRES).map((t) => t.id);
}
