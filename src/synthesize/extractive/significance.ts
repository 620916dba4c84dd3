import type { Actor } from "../../model/actor.ts";
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
};

const DIRECTION: Record<Direction, string> = {
  escalating: "and continues an escalating trajectory",
  "de-escalating": "and fits a de-escalating trend",
  steady: "in line with recent events",
  unknown: "",
};

/** Joins names: "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * The significance sentence, composed from the event's type, main actors, direction and theatre:
 * "This indicates a sustained diplomatic channel between Iran and the United States in the Iran–Israel conflict, and fits a de-escalating trend."
 */
export function composeSignificance(input: {
  type: PloverType | null;
  actors: Actor[];
  direction: Direction;
  theatres: { name: string }[];
  otherEvents?: number;
}): string {
  const states = input.actors.filter((a) => a.kind !== "media").slice(0, 3);
  const names = [...new Set(states.map((a) => displayName(a)))].slice(0, 3);
  const pair = names.length >= 2 ? `between ${joinNames(names)}` : names.length === 1 ? `by ${names[0]}` : "";
  const target = names.length === 1 ? "" : "";
  const what = (input.type && INDICATES[input.type]?.(pair, target)) ?? `a notable development ${pair}`;
  const theatre = input.theatres.length ? ` in the ${joinNames(input.theatres.map((t) => t.name).slice(0, 2))}` : "";
  const dir = DIRECTION[input.direction];
  const forWhom = input.theatres.length ? "" : names.length ? `, with consequences for ${joinNames(names)}` : "";
  return `This indicates ${what.replace(/\s+/g, " ").trim()}${theatre}${forWhom}${dir ? `, ${dir}` : ""}.`;
}

/** Short name of an actor for prose: countries by name, officials by name and role. */
export function displayName(a: Actor): string {
  return a.name;
}
