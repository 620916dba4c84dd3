import type { Actor } from "../model/actor.ts";
import { slugify } from "./gazetteer/index.ts";
import type { Entry } from "./gazetteer/types.ts";
import { NAME_PARTICLES, NP_FILLERS } from "./gazetteer/vocabulary.ts";
import type { Hit } from "./match-entries.ts";
import { countryActor, entryActor, kindForSector, makeActor, type SpanMention } from "./mention.ts";
import type { Token } from "./tokenize.ts";

const MODIFIER_KINDS = new Set(["country", "demonym", "people", "place", "org", "person"]);
const HEAD_KINDS = new Set(["organ", "title", "generic", "ethnic"]);
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
const NOT_NAMES = new Set(
  (
    "the a an in on at he she they it his her its their but and or if as mr mrs ms dr monday tuesday wednesday " +
    "thursday friday saturday sunday january february march april june july august september october november " +
    "december today yesterday tomorrow"
  ).split(" "),
);
const ALPHA_RE = /^\p{L}/u;

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Text of tokens [a, b) as written in the sentence. */
export function spanText(sentence: string, tokens: Token[], a: number, b: number): string {
  return sentence.slice(tokens[a].start, tokens[b - 1].end);
}

function isFiller(t: Token, at: (Hit | undefined)[], j: number): boolean {
  if (at[j]) return false;
  return NP_FILLERS.has(t.lower) || (t.cap && ALPHA_RE.test(t.text) && !NOT_NAMES.has(t.lower));
}

interface NameResult {
  end: number;
  person: Entry | null;
  name: string | null;
}

function captureName(sentence: string, tokens: Token[], at: (Hit | undefined)[], from: number): NameResult {
  let k = from;
  let count = 0;
  while (k < tokens.length && count < 5) {
    const t = tokens[k];
    const h = at[k];
    if (h) {
      if (h.entry.kind === "person") return { end: h.end, person: h.entry, name: null };
      break;
    }
    if (t.cap && ALPHA_RE.test(t.text) && !NOT_NAMES.has(t.lower)) {
      count++;
      k++;
      continue;
    }
    const next = tokens[k + 1];
    if (count > 0 && NAME_PARTICLES.has(t.lower) && next?.cap) {
      k++;
      continue;
    }
    break;
  }
  if (count === 0) return { end: from, person: null, name: null };
  return { end: k, person: null, name: spanText(sentence, tokens, from, k) };
}

interface Np {
  modifier: Entry | null;
  heads: Entry[];
  headStart: number;
  headEnd: number;
  end: number;
  ethnic: boolean;
}

function scanNp(tokens: Token[], at: (Hit | undefined)[], i: number): Np {
  const first = at[i]!;
  const np: Np = { modifier: null, heads: [], headStart: -1, headEnd: -1, end: first.end, ethnic: false };
  np.ethnic = i > 0 && tokens[i - 1].lower === "ethnic";
  if (MODIFIER_KINDS.has(first.entry.kind)) np.modifier = first.entry;
  else {
    np.heads.push(first.entry);
    np.headStart = i;
    np.headEnd = first.end;
  }
  let j = first.end;
  let fillers = 0;
  let possessive = false;
  while (j < tokens.length) {
    const h = at[j];
    if (tokens[j].lower === "'s" && np.modifier && np.heads.length === 0 && !possessive) {
      possessive = true;
      j++;
      continue;
    }
    const kind = h?.entry.kind;
    const peopleHead = (kind === "people" || kind === "demonym") && np.modifier !== null;
    if (h && kind && (HEAD_KINDS.has(kind) || peopleHead)) {
      if (np.headStart < 0) np.headStart = j;
      np.heads.push(peopleHead ? { ...h.entry, kind: "ethnic", sector: "CVL", iso3: null } : h.entry);
      j = h.end;
      np.end = j;
      np.headEnd = j;
      fillers = 0;
      continue;
    }
    if (fillers < 3 && isFiller(tokens[j], at, j)) {
      fillers++;
      j++;
      continue;
    }
    break;
  }
  return np;
}

// "president of Armenia", "Secretary-General of the United Nations": the country comes after the title.
function ofModifier(tokens: Token[], at: (Hit | undefined)[], np: Np): void {
  let k = np.end;
  if (tokens[k]?.lower !== "of") return;
  k++;
  if (tokens[k]?.lower === "the") k++;
  const h = at[k];
  if (h && (h.entry.kind === "country" || h.entry.kind === "org")) {
    np.modifier = h.entry;
    np.end = h.end;
  }
}

function headActor(sentence: string, tokens: Token[], np: Np, name: NameResult): Actor {
  const mod = np.modifier;
  const homed = np.heads.find((h) => h.kind === "ethnic" && h.iso3);
  const iso3 = mod ? mod.iso3 : (homed?.iso3 ?? null);
  const code = mod ? (mod.code ?? mod.iso3) : (homed?.iso3 ?? null);
  const sector = np.heads[0].sector ?? null;
  const organHead = np.heads.find((h) => h.kind === "organ");
  const titleHead = [...np.heads].reverse().find((h) => h.kind === "title");
  const roleText = spanText(sentence, tokens, np.headStart, np.headEnd);
  const orgId =
    mod && (mod.kind === "org" || mod.kind === "person") ? (mod.kind === "org" ? mod.id : mod.organ) : null;
  const base =
    orgId ?? (iso3 ? `${iso3}-${sector ?? "GOV"}${organHead?.organ ? `-${organHead.organ}` : ""}` : null);
  const organization = organHead ? organHead.name : mod?.kind === "org" ? mod.name : null;
  if (name.person)
    return { ...entryActor(name.person), role: titleHead ? roleText : (name.person.role ?? null) };
  if (name.name) {
    return makeActor({
      id: `person:${slugify(name.name)}`,
      name: name.name,
      kind: "person",
      country: iso3,
      code,
      sector,
      role: roleText,
      organization,
    });
  }
  const owner = mod ? entryActor(mod).name : iso3 ? countryActor(iso3).name : "";
  return makeActor({
    id: base ?? `unresolved:${slugify(roleText)}`,
    name: owner ? `${upperFirst(roleText)} (${owner})` : upperFirst(roleText),
    kind: titleHead && !organHead && np.heads[0].kind === "title" ? "official" : kindForSector(sector),
    country: iso3,
    code,
    sector,
    role: titleHead ? roleText : null,
    organization,
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
      metonym: mod.capital === true || SEATS.has(mod.name),
    };
  }
  if (!np.modifier && !name.person && !name.name) {
    if (np.heads.every((h) => NEEDS_MODIFIER.has(h.tokens.join(" ")))) return null;
  }
  if (!np.modifier && !name.person && !name.name && np.heads.length === 1) {
    const phrase = np.heads[0].tokens.join(" ");
    const next = tokens[end];
    const attributive = next && !next.cap && /^\p{Ll}+$/u.test(next.text) && !FUNCTION_WORDS.has(next.lower);
    if (ADJECTIVAL.has(phrase) && attributive && !next.lower.endsWith("ed")) return null;
  }
  const prev = tokens[start - 1];
  const inName = start > 1 && prev?.cap && !at[start - 1] && !NOT_NAMES.has(prev.lower) && tokens[start].cap;
  if (!np.modifier && last?.kind === "title" && inName && !name.person && !name.name) return null;
  if (!np.modifier && np.headStart === start) np.headStart = extendRoleLeft(tokens, at, start);
  const actor = headActor(sentence, tokens, np, name);
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
  };
}

// "Planning and Investment Minister": capitalized words before a title belong to the role.
function extendRoleLeft(tokens: Token[], at: (Hit | undefined)[], start: number): number {
  let k = start;
  while (
    k > 0 &&
    !at[k - 1] &&
    (tokens[k - 1].cap || tokens[k - 1].lower === "and") &&
    ALPHA_RE.test(tokens[k - 1].text)
  ) {
    if (NOT_NAMES.has(tokens[k - 1].lower)) break;
    k--;
  }
  while (k < start && tokens[k].lower === "and") k++;
  return k;
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
