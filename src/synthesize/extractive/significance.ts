import { countryActor } from "../../actors/mention.ts";
import { type Actor, withArticle } from "../../model/actor.ts";
import type { Direction, PloverType } from "../../model/event.ts";

/** What an event of each PLOVER type indicates, as a predicate over "between/by X". */
const INDICATES: Record<string, (who: string, target: string) => string> = {
  CONSULT: (w) => `a sustained diplomatic channel ${w}`,
  AGREE: (w) => `movement toward an agreement ${w}`,
  COOPERATE: (w) => `practical cooperation ${w}`,
  SUPPORT: (w, t) => `political backing ${w}${t}`,
  AID: (w, t) => `material or humanitarian support ${w}${t}`,
  CONCEDE: (w) => `a concession ${w} that could ease tensions`,
  RETREAT: (w) => `a pull-back ${w} that lowers the immediate risk`,
  REQUEST: (w) => `an appeal ${w} that puts the next move on the other side`,
  ACCUSE: (w, t) => `hardening rhetoric ${w}${t}`,
  REJECT: (w) => `a hardening of positions ${w}`,
  THREATEN: (w, t) => `rising pressure ${w}${t} and a higher risk of escalation`,
  PROTEST: (w) => `public opposition ${w}`,
  SANCTION: (w, t) => `added economic and political pressure ${w}${t}`,
  MOBILIZE: (w, t) => `a military build-up ${w}${t} that raises the stakes`,
  COERCE: (w, t) => `coercive pressure ${w}${t}`,
  ASSAULT: (w, t) => `a use of force ${w}${t}`,
  FIGHT: (w, t) => `a use of military force ${w}${t}`,
  DEMAND: (w, t) => `demands ${w}${t} that raise the pressure`,
  DISAPPROVE: (w, t) => `public criticism ${w}${t}`,
  INVESTIGATE: (w, t) => `scrutiny ${w}${t}`,
};

/** How a one-sided act names whom it is aimed at: backing *for* Russia, pressure *on* Iran, a strike *against* Gaza. */
const TOWARD: Partial<Record<PloverType, string>> = {
  SUPPORT: "for",
  AID: "to",
  SANCTION: "on",
  DEMAND: "on",
  DISAPPROVE: "of",
  INVESTIGATE: "of",
};

const DIRECTION: Record<Direction, string> = {
  escalating: "and continues an escalating trajectory",
  "de-escalating": "and fits a de-escalating trend",
  steady: "in line with recent events",
  unknown: "",
};

// The direction is the act's intensity against the theatre's recent mean. A hostile act after harsher ones is not a
// de-escalation ("a military build-up that raises the stakes … and fits a de-escalating trend" read as a
// contradiction after a deadly strike); it is milder than what came before. Likewise a conciliatory act after warmer
// ones.
const AGAINST_THE_ACT: Partial<Record<Direction, string>> = {
  "de-escalating": "though milder than the theatre's recent events",
  escalating: "though less conciliatory than the theatre's recent events",
};

/** The direction clause, worded so that it does not contradict the act's own sign (Goldstein intensity). */
function directionClause(direction: Direction, intensity: number | null | undefined): string {
  const against =
    intensity != null &&
    ((direction === "de-escalating" && intensity < 0) || (direction === "escalating" && intensity > 0));
  return (against && AGAINST_THE_ACT[direction]) || DIRECTION[direction];
}

/** Joins names: "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Names joined, each with its article: "the United States and Iran". */
function names(list: string[]): string {
  return joinNames(list.map(withArticle));
}

/**
 * Speech acts aimed at one's own side: "Ministers press Netanyahu to act against Iran" is pressure inside Israel over
 * Iran, not demands by Israel on Iran. Worded with the country and what the pressure is about.
 */
const WITHIN: Partial<Record<PloverType, string>> = {
  DEMAND: "domestic pressure",
  REQUEST: "a domestic appeal",
  DISAPPROVE: "domestic criticism",
  ACCUSE: "domestic criticism",
};

/** PLOVER types that relate two sides symmetrically ("between A and B"). */
const MUTUAL = new Set(["CONSULT", "AGREE", "COOPERATE"]);

/**
 * The significance sentence, composed from the event's type, its acting and targeted actors, direction and
 * theatre: "This indicates a military build-up by the United States against Iran in the Iran–Israel conflict, …".
 */
export function composeSignificance(input: {
  type: PloverType | null;
  /** The CAMEO code behind the type: a truce (0871) or a release (0841) is worded as what it is. */
  cameo?: string | null;
  actors: Actor[];
  roles?: { sources: string[]; targets: string[] };
  direction: Direction;
  /** The event's Goldstein intensity: the direction clause never contradicts its sign. */
  intensity?: number | null;
  theatres: { name: string }[];
}): string {
  const byId = new Map(input.actors.filter((a) => a.kind !== "media").map((a) => [a.id, a]));
  // Officials, governments and forces speak for their state: "Baghaei" counts as Iran here. A rebel or a
  // breakaway territory's leader speaks for their movement: "Bibilov" counts as the South Ossetian authorities.
  const side = (id: string): string[] => {
    const a = byId.get(id);
    if (!a) return [];
    if (a.sector === "REB") return [a.kind === "person" && a.organization ? a.organization : a.name];
    const stateSide = a.country && !["igo", "ngo", "armed-group"].includes(a.kind);
    if (stateSide) return [countryActor(a.country as string).name];
    // A group named by common nouns keeps its words, not the capital its sentence began with ("Aid agencies").
    return [
      a.id.startsWith("unresolved:") && !/^\p{Lu}{2}/u.test(a.name)
        ? a.name.charAt(0).toLowerCase() + a.name.slice(1)
        : a.name,
    ];
  };
  const pick = (ids: string[], n: number) => [...new Set(ids.flatMap(side))].slice(0, n);
  const theatre = input.theatres.length
    ? ` in the ${joinNames(input.theatres.map((t) => t.name).slice(0, 2))}`
    : "";
  const dir = directionClause(input.direction, input.intensity);
  const sentence = (what: string) =>
    `This indicates ${what.replace(/\s+/g, " ").trim()}${theatre}${dir ? `, ${dir}` : ""}.`;
  const step =
    (input.type === "RETREAT" || input.type === "AGREE") && input.roles
      ? stepBack(input.cameo ?? "", input.roles, pick, byId, input.type === "AGREE")
      : null;
  if (step) return sentence(step);
  const mutual = input.type !== null && MUTUAL.has(input.type);
  // A one-sided act has one doer: the strongest source of the sentences coded with the event's type.
  let who = pick(input.roles?.sources ?? [], mutual || !input.roles ? 2 : 1);
  let whom = pick(input.roles?.targets ?? [], 3)
    .filter((n) => !who.includes(n))
    .slice(0, 1);
  const within = input.type ? WITHIN[input.type] : undefined;
  if (within && who.length === 1) {
    // Every target on a doer's side, every doer aiming at its own: the acts are aimed inward (ministers pressing
    // Netanyahu, senators writing to Trump); the first other side is what they are about.
    const doers = pick(input.roles?.sources ?? [], 2);
    const aimed = pick(input.roles?.targets ?? [], 3);
    if (aimed.length && aimed.every((n) => doers.includes(n)) && doers.every((n) => aimed.includes(n))) {
      const about = pick([...byId.keys()], 4).find((n) => !doers.includes(n));
      return sentence(`${within} in ${names(doers)}${about ? ` over ${names([about])}` : ""}`);
    }
  }
  if (!who.length) who = pick([...byId.keys()], 2);
  if (!whom.length && who.length < 2)
    whom = pick([...byId.keys()], 3)
      .filter((n) => !who.includes(n))
      .slice(0, 1);
  // A one-sided act names one actor and whom it is aimed at, not two actors side by side.
  if (!mutual && who.length === 2 && !whom.length) whom = who.splice(1, 1);
  const all = [...who, ...whom];
  const pair = mutual && all.length >= 2 ? `between ${names(all)}` : who.length ? `by ${names(who)}` : "";
  const toward = (input.type && TOWARD[input.type]) ?? "against";
  const target = !mutual && whom.length && who.length ? ` ${toward} ${names(whom)}` : "";
  const what =
    (input.type && INDICATES[input.type]?.(pair, target)) ?? `a notable development ${pair}${target}`;
  return sentence(what);
}

const BROKERS: ReadonlySet<string> = new Set(["igo", "ngo"]);

/**
 * A truce or a release worded as what it is, from who did it to whom: a truce is between the sides it binds (those
 * both acting and acted upon: "US-Iran ceasefire extended, mediators say" binds the US and Iran, announced by
 * Pakistan and Qatar), brokered by the others; a release by two sides is an exchange. An agreement on a truce (AGREE,
 * 0871) is a ceasefire agreement between the same sides. Null for other pull-backs and agreements.
 */
function stepBack(
  cameo: string,
  roles: { sources: string[]; targets: string[] },
  pick: (ids: string[], n: number) => string[],
  byId: Map<string, Actor>,
  agreed = false,
): string | null {
  const risk = "that lowers the immediate risk";
  if (cameo.startsWith("0871")) {
    const both = roles.sources.filter((id) => roles.targets.includes(id));
    const named = pick(both, 2);
    const parties =
      named.length >= 2
        ? named
        : pick(
            [...roles.sources, ...roles.targets].filter((id) => !BROKERS.has(byId.get(id)?.kind ?? "")),
            2,
          );
    const brokers = pick(roles.sources, 5)
      .filter((n) => !parties.includes(n))
      .slice(0, 2);
    const by = brokers.length ? `, brokered by ${names(brokers)},` : "";
    const truce = agreed ? "a ceasefire agreement" : "a ceasefire";
    if (parties.length >= 2) return `${truce} between ${names(parties)}${by} ${risk}`;
    if (parties.length === 1) return `${truce} involving ${names(parties)}${by} ${risk}`;
    return null;
  }
  if (agreed) return null;
  if (cameo.startsWith("0841")) {
    const sides = pick(roles.sources, 2);
    if (sides.length >= 2) return `a prisoner exchange between ${names(sides)} ${risk}`;
    if (sides.length === 1) return `a release of prisoners by ${names(sides)} ${risk}`;
  }
  return null;
}
