import type { ActorKind, Sector } from "../../model/actor.ts";
import { type Token, tokenize } from "../tokenize.ts";
import { ARMED_GROUP_ROWS, DE_FACTO_ROWS } from "./armed-groups.ts";
import { AFRICA_ROWS } from "./countries-africa.ts";
import { AMERICAS_OCEANIA_ROWS } from "./countries-americas.ts";
import { ASIA_ROWS } from "./countries-asia.ts";
import { EUROPE_ROWS } from "./countries-europe.ts";
import { LEADER_ROWS } from "./leaders.ts";
import { LEADER_ROWS_2 } from "./leaders-2.ts";
import { MEDIA_ROWS } from "./media.ts";
import { IGO_ROWS, NGO_ROWS } from "./organizations.ts";
import { type Entry, type EntryKind, parseCountryRows } from "./types.ts";
import { ETHNIC_ROWS, GENERIC_ROWS, ORGAN_ROWS, TITLE_ROWS } from "./vocabulary.ts";

/** A gazetteer phrase as matched: the entry plus per-token case checks. */
interface Compiled {
  entry: Entry;
  /** Per token: 0 any case, 1 initial capital, 2 all capitals, 3 exact surface. */
  checks: Uint8Array;
  surfaces: string[];
}

const LOWER_RE = /\p{Ll}/u;
const UPPER_RE = /\p{Lu}/u;

function checkOf(surface: string): number {
  if (!UPPER_RE.test(surface) || LOWER_RE.test(surface[0])) return 0;
  if (!LOWER_RE.test(surface)) return surface.replaceAll(".", "").length > 1 ? 2 : 1;
  return UPPER_RE.test(surface.slice(1)) && !surface.includes("-") ? 3 : 1;
}

const KIND_PRIORITY: Record<EntryKind, number> = {
  org: 0,
  person: 1,
  country: 2,
  people: 3,
  demonym: 4,
  place: 5,
  organ: 6,
  title: 7,
  generic: 8,
  ethnic: 9,
  modifier: 10,
};

/**
 * How a country's body or group reads: "Iranian students", "Saudi Foreign Ministry", "Iranian president"; an
 * organisation's or a person's, or a country's without a demonym in the gazetteer, reads with the owner first:
 * "Islamic Revolutionary Guard Corps commander", "Donald Trump administration", "Nauru students". A count is no part
 * of the name: "twenty-two Republican senators" are "American Republican senators".
 */
export function ownedName(role: string, iso3: string | null, owner: string): string {
  const demonym = iso3 ? COUNTRY_DEMONYMS.get(iso3) : undefined;
  const bare = role.trim().replace(COUNT, "") || role.trim();
  const words = bare.split(/\s+/);
  // A proper body keeps its capitals ("Foreign Ministry"); a common noun reads in lower case ("students"). A word
  // after a count keeps its case: its capital is its own ("twenty-two Republican senators").
  const proper = (words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w))) || bare !== role.trim();
  const body = proper || !/^\p{Lu}\p{Ll}/u.test(bare) ? bare : bare.charAt(0).toLowerCase() + bare.slice(1);
  if (!demonym || !owner || owner !== COUNTRY_NAMES.get(iso3 ?? "")) {
    return owner ? `${owner} ${body}` : bare.charAt(0).toUpperCase() + bare.slice(1);
  }
  return `${demonym} ${body}`;
}

const COUNT =
  /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\p{L}+)?|\p{L}+teen|a hundred|hundreds of|dozens of|several|some|many|a few|few|two dozen|a dozen|dozen)\s+/iu;

/** What a country's body of each sector is called when it stands for all of them ("Iranian government"). */
const SECTOR_BODIES: Record<string, string> = {
  GOV: "government",
  MIL: "military",
  REB: "rebels",
  MED: "media",
  OPP: "opposition",
  CVL: "civilians",
  BUS: "businesses",
  JUD: "judiciary",
  LEG: "legislature",
  COP: "police",
};

/**
 * The name an actor is listed under across events. A country's sector ("IRN-GOV") is met under many words ("Iranian
 * leader", "Iranian officials"), each right where it was read; across events it is the sector's body ("Iranian
 * government"), not whichever of those words came last ("American mediators" for every US official).
 */
export function listedName(a: { id: string; name: string }): string {
  const m = /^([A-Z]{3})-([A-Z]{3})$/.exec(a.id);
  const body = m ? SECTOR_BODIES[m[2]] : undefined;
  const demonym = m ? COUNTRY_DEMONYMS.get(m[1]) : undefined;
  return body && demonym ? `${demonym} ${body}` : a.name;
}

/** Turns a name into an id slug ("Esmail Baghaei" → "esmail-baghaei"). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

const index = new Map<string, Compiled[]>();
/** Canonical country name per ISO-3. */
export const COUNTRY_NAMES = new Map<string, string>();
/** The usual demonym per ISO-3 ("Iranian", "Saudi"), for naming a country's bodies ("Iranian government"). */
export const COUNTRY_DEMONYMS = new Map<string, string>();
/** Canonical organisation entries per id ("org:nato"). */
export const ORGS = new Map<string, Entry>();

function add(phrase: string, base: Omit<Entry, "tokens" | "caseMode">): void {
  const toks: Token[] = tokenize(phrase);
  if (toks.length === 0) return;
  const entry: Entry = { ...base, tokens: toks.map((t) => t.lower), caseMode: "any" };
  const compiled: Compiled = {
    entry,
    checks: Uint8Array.from(toks.map((t) => checkOf(t.text))),
    surfaces: toks.map((t) => t.text),
  };
  const key = entry.tokens[0];
  const list = index.get(key);
  if (list) list.push(compiled);
  else index.set(key, [compiled]);
}

const split = (s: string | undefined): string[] => (s ? s.split(";").filter((x) => x.length > 0) : []);

function addCountries(): void {
  for (const row of parseCountryRows([
    ...AFRICA_ROWS,
    ...ASIA_ROWS,
    ...EUROPE_ROWS,
    ...AMERICAS_OCEANIA_ROWS,
  ])) {
    const name = row.names[0];
    COUNTRY_NAMES.set(row.iso3, name);
    if (row.demonyms[0]) COUNTRY_DEMONYMS.set(row.iso3, row.demonyms[0]);
    const iso3 = row.iso3;
    for (const n of row.names) add(n, { kind: "country", name, iso3 });
    for (const d of row.demonyms) add(d, { kind: "demonym", name, iso3 });
    for (const p of row.people) add(p, { kind: "people", name, iso3 });
    row.cities.forEach((c, i) => {
      add(c, { kind: "place", name: c, iso3, capital: i === 0 });
    });
  }
}

// A breakaway territory's names stay places (and adjectives) of the parent country, marked with the authority
// that holds them; a name the country table already has ("Tskhinvali" under Georgia) gets the mark in place.
function addTerritory(authority: string, iso3: string, places: string[], adjectives: string[]): void {
  const country = COUNTRY_NAMES.get(iso3) ?? iso3;
  const mark = (phrase: string, kind: "place" | "demonym") => {
    const toks = tokenize(phrase).map((t) => t.lower);
    const known = index
      .get(toks[0])
      ?.find(
        (c) => c.entry.kind === kind && c.entry.iso3 === iso3 && c.entry.tokens.join(" ") === toks.join(" "),
      );
    if (known) known.entry.authority = authority;
    else add(phrase, { kind, name: kind === "place" ? phrase : country, iso3, authority });
  };
  for (const p of places) mark(p, "place");
  for (const a of adjectives) mark(a, "demonym");
}

function orgKind(sector: Sector): ActorKind {
  if (sector === "REB") return "armed-group";
  if (sector === "MIL") return "military";
  if (sector === "GOV") return "government";
  return "organization";
}

function addOrgs(): void {
  for (const row of [...IGO_ROWS, ...NGO_ROWS]) {
    const [slug, names, code, iso3] = row.split("|");
    const list = split(names);
    const sector: Sector = code === "NGO" ? "NGO" : "IGO";
    const base = {
      kind: "org" as const,
      name: list[0],
      iso3: iso3 || null,
      id: `org:${slug}`,
      code,
      sector,
      actorKind: (code === "NGO" ? "ngo" : "igo") as ActorKind,
    };
    ORGS.set(base.id, { ...base, tokens: [], caseMode: "any" });
    for (const n of list) add(n, base);
  }
  for (const row of [...ARMED_GROUP_ROWS, ...DE_FACTO_ROWS]) {
    const [slug, names, code, iso3, sector, places, adjectives] = row.split("|");
    const list = split(names);
    const sec = sector as Sector;
    const id = `org:${slug}`;
    const de = places !== undefined;
    const base = {
      kind: "org" as const,
      name: list[0],
      iso3: iso3 || null,
      id,
      code,
      sector: sec,
      ...(de ? { authority: id } : {}),
    };
    const entry = { ...base, actorKind: orgKind(sec) };
    ORGS.set(base.id, { ...entry, tokens: [], caseMode: "any" });
    for (const n of list) add(n, entry);
    if (de) addTerritory(id, iso3, split(places), split(adjectives));
  }
  for (const row of MEDIA_ROWS) {
    const [slug, names, iso3, state] = row.split("|");
    const list = split(names);
    const entry = {
      kind: "org" as const,
      name: list[0],
      iso3: iso3 || null,
      id: `media:${slug}`,
      code: iso3 || undefined,
      sector: "MED" as Sector,
      actorKind: "media" as ActorKind,
      stateMedia: state === "state",
    };
    for (const n of list) add(n, entry);
  }
}

function addPeople(): void {
  for (const row of [...LEADER_ROWS, ...LEADER_ROWS_2]) {
    const [names, where, role] = row.split("|");
    const list = split(names);
    const org = where.startsWith("org:") ? ORGS.get(where) : undefined;
    const entry = {
      kind: "person" as const,
      name: list[0],
      iso3: org ? org.iso3 : where,
      id: `person:${slugify(list[0])}`,
      code: org?.code,
      sector: (org ? org.sector : "GOV") as Sector,
      actorKind: "person" as ActorKind,
      role,
      organ: org?.id,
    };
    for (const n of list) add(n, entry);
  }
}

function addVocabulary(): void {
  for (const row of ORGAN_ROWS) {
    const [phrases, sector, organ, name] = row.split("|");
    for (const p of split(phrases))
      add(p, { kind: "organ", name, iso3: null, sector: sector as Sector, organ });
  }
  for (const row of TITLE_ROWS) {
    const [phrases, sector, role] = row.split("|");
    for (const p of split(phrases))
      add(p, { kind: "title", name: role, iso3: null, sector: sector as Sector, role });
  }
  for (const row of GENERIC_ROWS) {
    const [phrases, sector] = row.split("|");
    for (const p of split(phrases))
      add(p, { kind: "generic", name: p, iso3: null, sector: sector as Sector });
  }
  for (const row of ETHNIC_ROWS) {
    const [phrases, iso3] = row.split("|");
    for (const p of split(phrases)) add(p, { kind: "ethnic", name: p, iso3: iso3 || null, sector: "CVL" });
  }
}

addCountries();
addOrgs();
addPeople();
addVocabulary();
for (const list of index.values()) {
  list.sort(
    (a, b) =>
      b.entry.tokens.length - a.entry.tokens.length ||
      KIND_PRIORITY[a.entry.kind] - KIND_PRIORITY[b.entry.kind],
  );
}

function fits(c: Compiled, tokens: Token[], at: number): boolean {
  const toks = c.entry.tokens;
  if (at + toks.length > tokens.length) return false;
  for (let k = 0; k < toks.length; k++) {
    const t = tokens[at + k];
    if (t.lower !== toks[k]) return false;
    const check = c.checks[k];
    if (check === 1 && !t.cap) return false;
    if (check === 2 && LOWER_RE.test(t.text)) return false;
    if (check === 3 && t.text !== c.surfaces[k]) return false;
  }
  return true;
}

/** The longest gazetteer entry starting at token `at`, or null. */
export function lookupAt(tokens: Token[], at: number): Entry | null {
  const list = index.get(tokens[at].lower);
  if (!list) return null;
  for (const c of list) if (fits(c, tokens, at)) return c.entry;
  return null;
}

/** The entry for a single word regardless of position ("Iranian" → IRN demonym), or null. */
export function lookupWord(word: string): Entry | null {
  const toks = tokenize(word);
  if (toks.length !== 1) return null;
  const found = lookupAt(toks, 0);
  return found && found.tokens.length === 1 ? found : null;
}
