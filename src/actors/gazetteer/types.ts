import type { ActorKind, Sector } from "../../model/actor.ts";

/** How a gazetteer phrase must be capitalized to match: any case, initial capital, or all capitals. */
export type CaseMode = "any" | "cap" | "upper";

/** What a gazetteer phrase names. */
export type EntryKind =
  | "country"
  | "demonym"
  | "people"
  | "place"
  | "org"
  | "person"
  | "organ"
  | "title"
  | "generic"
  | "ethnic"
  | "modifier";

/** One phrase of the gazetteer with what it resolves to. */
export interface Entry {
  kind: EntryKind;
  /** Canonical name ("Iran", "Foreign Ministry", "Hezbollah"). */
  name: string;
  /** Lower-cased tokens of the phrase as written. */
  tokens: string[];
  caseMode: CaseMode;
  /** ISO 3166-1 alpha-3 of the country it belongs to, when any. */
  iso3: string | null;
  /** Stable id for organisations and people ("org:nato", "person:vladimir-putin"). */
  id?: string;
  /** Evaluation code when not the country's (IGO, NGO, IMG). */
  code?: string;
  sector?: Sector | null;
  actorKind?: ActorKind;
  stateMedia?: boolean;
  /** Role of a title or a known person ("Foreign Minister"). */
  role?: string;
  /** Short organ key used in ids ("MFA" for a foreign ministry). */
  organ?: string;
  /** Capital city (used as a metonym for the government). */
  capital?: boolean;
  /**
   * Id of the de facto authority that holds this place ("org:south-ossetia" for "South Ossetia", "Tskhinvali",
   * "South Ossetian"): its officials and forces are that authority, not the parent state's government.
   */
  authority?: string;
}

/** A row of the country table: ISO-3, names, demonyms, plural people nouns, capital first then cities. */
export interface CountryRow {
  iso3: string;
  names: string[];
  demonyms: string[];
  people: string[];
  cities: string[];
}

/** Parses compact "ISO|names|demonyms|people|capital;cities" rows, fields separated by ";". */
export function parseCountryRows(rows: string[]): CountryRow[] {
  return rows.map((row) => {
    const [iso3, names, demonyms, people, cities] = row.split("|");
    const list = (s: string | undefined) => (s ? s.split(";").filter((x) => x.length > 0) : []);
    return { iso3, names: list(names), demonyms: list(demonyms), people: list(people), cities: list(cities) };
  });
}
