/** Kinds of actors Sitrep recognises. */
export type ActorKind =
  | "country"
  | "government"
  | "official"
  | "military"
  | "armed-group"
  | "igo"
  | "ngo"
  | "media"
  | "person"
  | "organization";

/** CAMEO-style sector of an actor (GOV, MIL, REB, MED, ...). */
export type Sector =
  | "GOV"
  | "MIL"
  | "REB"
  | "MED"
  | "IGO"
  | "NGO"
  | "OPP"
  | "CVL"
  | "BUS"
  | "JUD"
  | "LEG"
  | "COP";

/** A normalized actor with a stable id (e.g. "IRN", "IRN-GOV-MFA", "person:esmail-baghaei"). */
export interface Actor {
  id: string;
  name: string;
  kind: ActorKind;
  /** ISO 3166-1 alpha-3, or null for international/unknown. */
  country: string | null;
  /** Code used for evaluation: ISO-3 or IGO/NGO/IMG. */
  code: string | null;
  sector: Sector | null;
  /** Role for officials, e.g. "Foreign Ministry spokesman". */
  role: string | null;
  /** For officials: the organ they speak for ("Foreign Ministry"). */
  organization: string | null;
  stateMedia: boolean;
}

/** An actor found in a text span. */
export interface ActorMention {
  actor: Actor;
  /** Text as it appears. */
  text: string;
  /** Index of the sentence in the article's sentence list. */
  sentence: number;
  start: number;
  end: number;
  /** The actor's country was inferred from the context ("the army" in an article about Sudan), not named. */
  inferred?: boolean;
}

/** Pointer to a source sentence: article id and sentence index. */
export interface SentenceRef {
  articleId: string;
  sentence: number;
}

/** One line per actor per event: what it did or said, with support. */
export interface ActorResponse {
  actorId: string;
  actorName: string;
  text: string;
  support: SentenceRef[];
}

// Proper names that English reads with "the": "the United States", "the International Atomic Energy Agency", "the
// Rapid Support Forces", "the Democratic Republic of Congo" (not "Iran", "Hezbollah", "Aid agencies").
const DEFINITE =
  /^(?:United |Democratic Republic|Central African Republic|Czech Republic|Dominican Republic|Netherlands$|Philippines$|Gambia$|Bahamas$|Quad$)|^\p{Lu}\S*(?: \S+)* (?:States|Emirates|Union|Agency|Programme|Program|Kingdom|Nations|Forces|Council|Organization|Organisation|Court|Fund|Bank|Ministry|Army|Committee|Office|Authority|Movement|Front|Brigades|Guard|Corps|Commission|Alliance)$/u;

/** A name as a sentence reads it: with "the" where English puts one. */
export function withArticle(name: string): string {
  return DEFINITE.test(name) ? `the ${name}` : name;
}
