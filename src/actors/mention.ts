import type { Actor, ActorKind, Sector } from "../model/actor.ts";
import { COUNTRY_NAMES, listedName, ORGS } from "./gazetteer/index.ts";
import type { Entry } from "./gazetteer/types.ts";

/** An actor found over tokens [start, end) of one sentence, before offsets are attached. */
export interface SpanMention {
  start: number;
  end: number;
  actor: Actor;
  /** Evaluation code: ISO-3, or IGO/NGO/IMG; null while unresolved. */
  code: string | null;
  /** The words name a place (country, city, region) rather than an organisation or person. */
  place: boolean;
  /** Country still to be taken from the surrounding words (a bare "rebels", "President X"). */
  needsContext: boolean;
  /** Country was guessed from elsewhere in the sentence or article, not from the phrase itself. */
  weak: boolean;
  /** Country came from a place just after the words ("rebels in the Ivory Coast"). */
  viaPlace?: boolean;
  /** One side of a hyphenated pair ("Israeli-Palestinian talks"). */
  compound: boolean;
  /** Owned by the subject through a pronoun ("its troops"): part of the actor, not a separate party. */
  possessed?: boolean;
  /** For places: the place's own name ("Tripoli"); the actor is its country. */
  placeName?: string;
  /** A capital or seat of power that can stand for a government ("Moscow said", "the Kremlin"). */
  metonym?: boolean;
  /** For places of a breakaway territory: the de facto authority that holds it ("org:south-ossetia"). */
  authority?: string;
}

/** The ActorKind that goes with a sector. */
/** True when a place mention names a town or region, not a whole country ("Tehran", "El Obeid"; not "Iran"). */
export function namesTown(m: Pick<SpanMention, "place" | "placeName" | "actor">): boolean {
  return m.place && m.placeName !== undefined && m.placeName !== m.actor.name;
}

export function kindForSector(sector: Sector | null | undefined): ActorKind {
  switch (sector) {
    case "REB":
      return "armed-group";
    case "MIL":
    case "COP":
      return "military";
    case "GOV":
    case "LEG":
    case "JUD":
      return "government";
    case "MED":
      return "media";
    case "NGO":
      return "ngo";
    case "IGO":
      return "igo";
    default:
      return "organization";
  }
}

/** Builds an Actor with defaults for the fields not given. */
export function makeActor(fields: Partial<Actor> & Pick<Actor, "id" | "name" | "kind">): Actor {
  return {
    country: null,
    code: null,
    sector: null,
    role: null,
    organization: null,
    stateMedia: false,
    ...fields,
  };
}

/** The country actor for an ISO-3 code. */
export function countryActor(iso3: string): Actor {
  return makeActor({
    id: iso3,
    name: COUNTRY_NAMES.get(iso3) ?? iso3,
    kind: "country",
    country: iso3,
    code: iso3,
  });
}

/** The actor a single gazetteer entry stands for on its own. */
export function entryActor(e: Entry): Actor {
  switch (e.kind) {
    case "org": {
      const org = e.id ? ORGS.get(e.id) : undefined;
      return makeActor({
        id: e.id ?? e.name,
        name: org?.name ?? e.name,
        kind: e.actorKind ?? "organization",
        country: e.iso3,
        code: e.code ?? e.iso3,
        sector: e.sector ?? null,
        stateMedia: e.stateMedia === true,
      });
    }
    case "person":
      return makeActor({
        id: e.id ?? e.name,
        name: e.name,
        kind: "person",
        country: e.code === "IGO" || e.code === "NGO" ? null : e.iso3,
        code: e.code ?? e.iso3,
        sector: e.sector ?? "GOV",
        role: e.role ?? null,
        organization: e.organ ? (ORGS.get(e.organ)?.name ?? null) : null,
      });
    default:
      return e.iso3 ? countryActor(e.iso3) : makeActor({ id: e.name, name: e.name, kind: "organization" });
  }
}

/** Sectors of a state's own bodies and forces: named with a breakaway territory they are its de facto authority. */
export const STATE_SECTORS: ReadonlySet<Sector | null> = new Set<Sector>([
  "GOV",
  "MIL",
  "LEG",
  "JUD",
  "COP",
  "REB",
]);

/**
 * An actor of a breakaway territory as its de facto authority ("South Ossetian officials", "President of
 * Abkhazia"): a person keeps their name and is coded to the authority, anyone else becomes the authority with
 * the role kept; never the parent state's government.
 */
export function underAuthority(actor: Actor, authority: string): Actor {
  const org = ORGS.get(authority);
  if (!org) return actor;
  const base = entryActor(org);
  if (actor.kind === "person")
    return { ...actor, country: base.country, code: base.code, sector: base.sector, organization: base.name };
  return { ...base, role: actor.role };
}

/**
 * An actor as listed across events: a country's sector ("IRN-GOV") under its body's name and kind ("Iranian
 * government"), without the role of whichever mention was read last ("Leader", "mediators"); others as they are.
 */
export function listedActor(a: Actor): Actor {
  if (!/^[A-Z]{3}-[A-Z]{3}$/.test(a.id)) return a;
  return { ...a, name: listedName(a), kind: kindForSector(a.sector), role: null };
}
