import type { Actor } from "../model/actor.ts";
import { ownedName, slugify } from "./gazetteer/index.ts";
import type { Hit } from "./match-entries.ts";
import {
  countryActor,
  entryActor,
  kindForSector,
  makeActor,
  type SpanMention,
  STATE_SECTORS,
  underAuthority,
} from "./mention.ts";
import {
  captureName,
  extendRoleLeft,
  type NameResult,
  NOT_NAMES,
  type Np,
  ofModifier,
  scanNp,
  spanText,
} from "./scan-np.ts";
import type { Token } from "./tokenize.ts";

// Heads that are not actors without a country word before them ("tanks fired", "on national radio").
const NEEDS_MODIFIER = new Set(
  (
    "aircraft,helicopters,gunships,tanks,artillery,drones,warships,bulldozers,predator,predators,jets,fighter jets," +
    "warplanes,units,radio,television,newspaper,news agency,press agency,broadcaster,national,nationals,sides," +
    "party,coalition,population,companies,company,firm,firms,intelligence,state media,state television,state tv," +
    "state radio,state broadcaster"
  ).split(","),
);
// Unmodified heads used as adjectives ("military exercises", "government offensive") are not actors.
const ADJECTIVAL = new Set(
  "military government police intelligence army security opposition rebel militia official".split(" "),
);
const FUNCTION_WORDS = new Set(
  (
    "and or in on of to has have had is are was were will would said says for with from at by that which who " +
    "also have been later then say"
  ).split(" "),
);
// "the Russian language": a demonym naming a language or culture, not an actor.
const NOT_ACTOR_AFTER_DEMONYM = new Set("language languages cuisine culture literature dialect".split(" "));
// Seats of power that stand for a government even when they are not the capital.
const SEATS = new Set([
  "Kremlin",
  "White House",
  "Pentagon",
  "Downing Street",
  "Whitehall",
  "Elysee",
  "Zhongnanhai",
]);
const POSSESSIVE_PRONOUNS = new Set(["its", "their", "his", "her", "our"]);

const DIPLOMATS = new Set(["Ambassador", "Envoy"]);

// "Sudan's UN ambassador told the Security Council …": a diplomat accredited to an international body is the
// official of the country that owns the phrase, not the body's.
function accredited(
  sentence: string,
  tokens: Token[],
  at: (Hit | undefined)[],
  start: number,
  np: Np,
  name: NameResult,
): Actor | null {
  const mod = np.modifier;
  const title = [...np.heads].reverse().find((h) => h.kind === "title");
  if (!mod || mod.kind !== "org" || mod.code !== "IGO" || name.person || name.name) return null;
  if (!title?.role || !DIPLOMATS.has(title.role) || tokens[start - 1]?.lower !== "'s") return null;
  let owner: Hit | undefined;
  for (let k = start - 2; k >= Math.max(0, start - 5) && !owner; k--)
    if (at[k]?.end === start - 1 && at[k]?.entry.kind === "country") owner = at[k];
  const iso3 = owner?.entry.iso3;
  if (!owner || !iso3) return null;
  const roleText = spanText(sentence, tokens, np.headStart, np.headEnd);
  return makeActor({
    id: `${iso3}-GOV`,
    name: ownedName(spanText(sentence, tokens, start, np.headEnd), iso3, owner.entry.name),
    kind: "official",
    country: iso3,
    code: iso3,
    sector: "GOV",
    role: roleText,
    organization: mod.name,
  });
}

function headActor(sentence: string, tokens: Token[], np: Np, name: NameResult): Actor {
  const mod = np.modifier;
  const homed = np.heads.find((h) => h.kind === "ethnic" && h.iso3);
  const iso3 = mod ? mod.iso3 : (homed?.iso3 ?? null);
  const code = mod ? (mod.code ?? mod.iso3) : (homed?.iso3 ?? null);
  // English NPs end in their head ("coalition aircraft" is military), but a person's title takes the sector of
  // the body named before it ("rebel leaders" are rebels).
  const lastHead = np.heads[np.heads.length - 1];
  const sector = (lastHead.kind === "title" ? np.heads[0].sector : lastHead.sector) ?? null;
  const organHead = np.heads.find((h) => h.kind === "organ");
  const titleHead = [...np.heads].reverse().find((h) => h.kind === "title");
  const roleText = spanText(sentence, tokens, np.headStart, np.headEnd);
  // "Israeli ministers Bezalel Smotrich and Itamar Ben-Gvir": each named person holds the title in the singular.
  const titleWord = titleHead?.role?.split(" ").pop()?.toLowerCase();
  const personRole =
    titleWord && roleText.toLowerCase().endsWith(`${titleWord}s`) ? roleText.slice(0, -1) : roleText;
  const orgId =
    mod && (mod.kind === "org" || mod.kind === "person") ? (mod.kind === "org" ? mod.id : mod.organ) : null;
  const base =
    orgId ?? (iso3 ? `${iso3}-${sector ?? "GOV"}${organHead?.organ ? `-${organHead.organ}` : ""}` : null);
  const organization = organHead ? organHead.name : mod?.kind === "org" ? mod.name : null;
  if (name.person) {
    const known = entryActor(name.person);
    // A title shared by a list of people ("ministers") says less than the one the gazetteer knows them by.
    return {
      ...known,
      role: titleHead && (personRole === roleText || !known.role) ? personRole : known.role,
      organization: organization ?? known.organization,
    };
  }
  if (name.name) {
    return makeActor({
      id: `person:${slugify(name.name)}`,
      name: name.name,
      kind: "person",
      country: iso3,
      code,
      sector,
      role: titleHead ? personRole : roleText,
      organization,
    });
  }
  // An armed group's fighters, drones or units are the group: "RSF drones struck El Obeid" is the RSF's act, not a
  // Sudanese state military's (the group keeps its own sector, REB, and its name).
  if (mod?.kind === "org" && mod.sector === "REB" && !titleHead && (!organHead || organHead.sector === "MIL"))
    return entryActor(mod);
  const owner = mod ? entryActor(mod).name : iso3 ? countryActor(iso3).name : "";
  return makeActor({
    id: base ?? `unresolved:${slugify(roleText)}`,
    name: ownedName(
      roleText,
      mod ? (mod.kind === "org" || mod.kind === "person" ? null : mod.iso3) : iso3,
      owner,
    ),
    kind: titleHead && !organHead && np.heads[0].kind === "title" ? "official" : kindForSector(sector),
    country: iso3,
    code,
    sector,
    role: titleHead ? roleText : null,
    organization,
    stateMedia: organHead?.organ === "STATE",
  });
}

function buildMention(
  sentence: string,
  tokens: Token[],
  at: (Hit | undefined)[],
  start: number,
): SpanMention | null {
  const np = scanNp(tokens, at, start);
  if (np.heads.length > 0 && !np.modifier) ofModifier(tokens, at, np);
  const last = np.heads[np.heads.length - 1];
  let name: NameResult = { end: np.end, person: null, name: null };
  if (last?.kind === "title" && np.end === np.headEnd) {
    name = captureName(sentence, tokens, at, np.end);
  }
  const end = Math.max(np.end, name.end);
  if (np.heads.length === 0) {
    const mod = np.modifier!;
    // "Sudan's Rapid Support Forces", "Lebanon's Hezbollah", "Ukraine's Zelensky": a country owning a named group or
    // person of its own only says where they are from; it is not a second actor beside them.
    const owned = tokens[np.end]?.lower === "'s" ? at[np.end + 1] : undefined;
    if (
      mod.kind === "country" &&
      owned &&
      (owned.entry.kind === "org" || owned.entry.kind === "person") &&
      owned.entry.iso3 === mod.iso3
    )
      return null;
    if (np.ethnic && (mod.kind === "people" || mod.kind === "demonym")) {
      const actor = makeActor({
        id: `ethnic:${slugify(mod.name)}`,
        name: spanText(sentence, tokens, start - 1, end),
        kind: "organization",
        sector: "CVL",
      });
      return {
        start,
        end,
        actor,
        code: null,
        place: false,
        needsContext: true,
        weak: false,
        compound: false,
      };
    }
    if (mod.kind === "demonym" && NOT_ACTOR_AFTER_DEMONYM.has(tokens[end]?.lower ?? "")) return null;
    const actor = entryActor(mod);
    const place = mod.kind === "country" || mod.kind === "place";
    const placeName = place ? mod.name : undefined;
    return {
      start,
      end,
      actor,
      code: actor.code,
      place,
      needsContext: false,
      weak: false,
      compound: false,
      placeName,
      metonym: mod.capital === true || SEATS.has(mod.name) || (place && mod.authority !== undefined),
      authority: place || mod.kind === "org" ? mod.authority : undefined,
    };
  }
  if (!np.modifier && !name.person && !name.name) {
    // "military intelligence", "army helicopters": the last word decides whether the phrase is an actor.
    const people = np.heads.some(
      (h) => (h.kind === "generic" || h.kind === "ethnic") && !NEEDS_MODIFIER.has(h.tokens.join(" ")),
    );
    if (!people && NEEDS_MODIFIER.has(np.heads[np.heads.length - 1].tokens.join(" "))) return null;
  }
  if (!np.modifier && !name.person && !name.name && np.heads.length === 1) {
    const phrase = np.heads[0].tokens.join(" ");
    const next = tokens[end];
    const attributive = next && !next.cap && /^\p{Ll}+$/u.test(next.text) && !FUNCTION_WORDS.has(next.lower);
    // "…that the government stop …": after "that" the head is a clause subject, not an adjective.
    const before = tokens[start - 1]?.lower === "the" ? tokens[start - 2] : tokens[start - 1];
    const subject = before?.lower === "that";
    if (ADJECTIVAL.has(phrase) && attributive && !subject && !next.lower.endsWith("ed")) return null;
  }
  const prev = tokens[start - 1];
  const inName = start > 1 && prev?.cap && !at[start - 1] && !NOT_NAMES.has(prev.lower) && tokens[start].cap;
  if (!np.modifier && last?.kind === "title" && inName && !name.person && !name.name) return null;
  if (!np.modifier && np.headStart === start) np.headStart = extendRoleLeft(tokens, at, start);
  let actor = accredited(sentence, tokens, at, start, np, name) ?? headActor(sentence, tokens, np, name);
  const authority = np.modifier?.authority;
  if (authority && !name.person && STATE_SECTORS.has(actor.sector)) actor = underAuthority(actor, authority);
  const ethnicMod =
    np.ethnic && np.modifier && (np.modifier.kind === "demonym" || np.modifier.kind === "people");
  if (ethnicMod) {
    actor.country = null;
    actor.code = null;
  }
  if ((actor.sector === "NGO" || actor.sector === "IGO") && actor.code === null) actor.code = actor.sector;
  const possessed = !np.modifier && start > 0 && POSSESSIVE_PRONOUNS.has(tokens[start - 1].lower);
  return {
    start,
    end,
    actor,
    code: actor.code,
    place: false,
    needsContext: actor.code === null,
    weak: false,
    compound: false,
    possessed,
    authority: actor.id === authority ? authority : undefined,
  };
}

/** Groups gazetteer hits into noun-phrase mentions: "Iranian Foreign Ministry spokesman Esmail Baghaei" is one. */
export function composeMentions(sentence: string, tokens: Token[], hits: Hit[]): SpanMention[] {
  const at: (Hit | undefined)[] = new Array(tokens.length);
  const out: SpanMention[] = [];
  for (const h of hits) {
    if (!h.compound) at[h.start] = h;
    else {
      const actor = entryActor(h.entry);
      out.push({
        start: h.start,
        end: h.end,
        actor,
        code: actor.code,
        place: false,
        needsContext: false,
        weak: false,
        compound: true,
      });
    }
  }
  let i = 0;
  while (i < tokens.length) {
    if (!at[i]) {
      i++;
      continue;
    }
    const m = buildMention(sentence, tokens, at, i);
    if (m) {
      out.push(m);
      i = m.end;
    } else i = at[i]!.end;
  }
  return out.sort((a, b) => a.start - b.start);
}
