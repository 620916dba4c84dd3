import { withArticle } from "../model/actor.ts";
import type { EventDigest } from "../model/digest.ts";
import type { PloverType } from "../model/event.ts";
import type { RelationType } from "../model/link.ts";
import { countryName } from "./country-table.ts";
import type { CueMatch } from "./find-cues.ts";
import { distinct } from "./relation-type.ts";
import type { PairEvidence } from "./score-pair.ts";
import { isTopical, surfacesOf } from "./terms.ts";

/** Display name of an actor id. */
export type NameOf = (id: string) => string;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const ACT: Partial<Record<PloverType, string>> = {
  AGREE: "an agreement",
  CONSULT: "talks",
  SUPPORT: "support",
  CONCEDE: "a concession",
  COOPERATE: "cooperation",
  AID: "aid",
  RETREAT: "a withdrawal",
  REQUEST: "an appeal",
  DEMAND: "demands",
  ACCUSE: "accusations",
  DISAPPROVE: "criticism",
  INVESTIGATE: "an investigation",
  REJECT: "a rejection",
  THREATEN: "threats",
  PROTEST: "protests",
  SANCTION: "sanctions",
  MOBILIZE: "a military build-up",
  COERCE: "coercion",
  ASSAULT: "an attack",
  FIGHT: "fighting",
};

/** Default display names: country names for ISO-3 ids, readable words for "person:…"/"org:…" ids. */
export const defaultNameOf: NameOf = (id) => {
  const m = /^([A-Z]{3})(?:-(.+))?$/.exec(id);
  if (m) {
    const country = countryName(m[1]) ?? m[1];
    return m[2] ? `${country} (${m[2].toLowerCase().replace(/-/g, " ")})` : country;
  }
  const words = id.replace(/^[a-z]+:/, "").split("-");
  return words.map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w)).join(" ");
};

/** "3 Apr": the day an event is named by in explanations and alerts. */
export function dayMonth(t: Date): string {
  return `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]}`;
}

/** "(#412, 'Turkey mediates US-Iran ceasefire extension', 3 Apr)": how a link names the related event. */
export function eventRef(d: EventDigest, relativeTo?: EventDigest): string {
  const t = new Date(d.time);
  const sameYear = relativeTo ? new Date(relativeTo.time).getUTCFullYear() === t.getUTCFullYear() : true;
  const date = `${dayMonth(t)}${sameYear ? "" : ` ${t.getUTCFullYear()}`}`;
  const title = d.title.length > 90 ? `${d.title.slice(0, 87).trimEnd()}…` : d.title;
  return `(#${d.id}, '${title}', ${date})`;
}

function list(items: string[], max = 3): string {
  const xs = [...new Set(items)].slice(0, max);
  if (xs.length <= 1) return xs.join("");
  return `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
}

function goldstein(x: number | null): string {
  if (x === null) return "?";
  return `${x > 0 ? "+" : ""}${x.toFixed(1)}`;
}

// PLOVER's RETREAT holds ceasefires, releases of people and withdrawals: the event's own words tell which it is.
const TRUCE = /\b(?:cease-?fires?|truces?|armistices?)\b/i;
const RELEASE = /\b(?:prisoners?|hostages?|detainees?|captives?|pows?)\b/i;

function act(d: EventDigest): string {
  if (d.type === "RETREAT" && RELEASE.test(d.title)) return "a release of prisoners";
  if (d.type === "RETREAT" && TRUCE.test(`${d.title} ${d.text}`)) return "a ceasefire";
  return (d.type && ACT[d.type]) ?? UNKNOWN_ACT;
}

const UNKNOWN_ACT = "this development";

/** Explains a link from the NEWER event's perspective, naming the related event by id, title and date. */
export function explainLink(
  type: RelationType,
  newer: EventDigest,
  older: EventDigest,
  e: PairEvidence,
  cues: CueMatch[],
  nameOf: NameOf = defaultNameOf,
): string {
  const ref = eventRef(older, newer);
  // Countries first, then named people and organisations: the actors a reader recognises.
  const people = e.sharedActors.filter((a) => /^(?:person|org):/.test(a));
  const actors = list([...e.sharedCountries, ...people].map((id) => withArticle(nameOf(id))));
  // What both reports are about: shared names first (people, places), then the rarest shared words.
  const nameWords = new Set(e.sharedNames);
  const words = surfacesOf(
    [...e.sharedNames, ...e.sharedTerms.filter((t) => !nameWords.has(t))],
    `${newer.title} ${newer.text}`,
  ).filter(isTopical);
  const about = list(joinAdjacent([...new Set(words)], `${newer.title} ${newer.text}`), 3);
  // "; both involve Iran and the United States and mention Esmail Baghaei, spokesman and Islamic Republic"
  const mention = about ? `; both mention ${about}` : "";
  const involve = actors ? `; both involve ${actors}` : "";
  const tail = actors && about ? `${involve} and mention ${about}` : involve || mention;
  const quote = cues[0] ? `"${cues[0].phrase}${cues[0].after ? ` ${clip(cues[0].after)}` : ""}"` : "";
  const shift = `intensity from ${goldstein(older.intensity)} to ${goldstein(newer.intensity)} on the Goldstein scale`;
  switch (type) {
    case "parallel": {
      const a = distinct(newer, older);
      const b = distinct(older, newer);
      return `Runs in parallel with ${list(b.map(nameOf))}'s effort ${ref}: different actors (${list(a.map(nameOf))} here), the same objective${mention}.`;
    }
    // A response or a change of intensity is about what each side did: the words the reports share say little there.
    case "response":
      return `Responds to ${ref}: its reports point to it${quote ? ` (${quote})` : ""}${involve}.`;
    case "escalation":
      return `Escalates against ${ref}: ${act(newer)} after ${act(older)}${quote ? ` (${quote})` : ""}, ${shift}${involve}.`;
    case "de-escalation":
      return `De-escalates after ${ref}: ${act(newer)} following ${act(older)}, ${shift}${involve}.`;
    case "contradicts":
      return `Contradicts ${ref}${quote ? ` (${quote})` : ""}: conflicting claims about the same matter${mention}.`;
    // What is new in the storyline: "a ceasefire after talks" (nothing when the act is the same kind or unknown).
    case "update": {
      const [now, then] = [act(newer), act(older)];
      const step =
        now !== then && now !== UNKNOWN_ACT && then !== UNKNOWN_ACT ? `: ${now} after ${then}` : "";
      return `Continues the storyline of ${ref}${step}${step ? tail : tail.replace(/^;/, ":")}.`;
    }
    default:
      return `Background: ${ref}${tail}.`;
  }
}

/** Joins words that stand next to each other in the text into one name: "Esmail", "Baghaei" → "Esmail Baghaei". */
function joinAdjacent(words: string[], text: string): string[] {
  const out: string[] = [];
  for (const w of words) {
    const name = (x: string) => /^\p{Lu}/u.test(x);
    const i = name(w)
      ? out.findIndex((o) => name(o) && (text.includes(`${o} ${w}`) || text.includes(`${w} ${o}`)))
      : -1;
    if (i < 0) out.push(w);
    else out[i] = text.includes(`${out[i]} ${w}`) ? `${out[i]} ${w}` : `${w} ${out[i]}`;
  }
  return out;
}

function clip(s: string): string {
  const words = s.split(/\s+/).slice(0, 8).join(" ");
  return words.replace(/[.,;:]+$/, "");
}
