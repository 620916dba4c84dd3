import { COUNTRY_NAMES, ownedName } from "./gazetteer/index.ts";
import { NP_FILLERS } from "./gazetteer/vocabulary.ts";
import { type SpanMention, STATE_SECTORS, underAuthority } from "./mention.ts";
import type { Token } from "./tokenize.ts";

const PP_PREPS = new Set([
  "in",
  "from",
  "of",
  "at",
  "near",
  "across",
  "throughout",
  "inside",
  "within",
  "around",
]);
const FINITE = new Set(
  "has have had is are was were will would shall should can could may might must said says did does do".split(
    " ",
  ),
);

function withCode(m: SpanMention, code: string, weak: boolean): void {
  m.code = code;
  m.needsContext = false;
  m.weak = weak;
  const a = m.actor;
  a.code = code;
  if (code === "IGO" || code === "NGO" || code === "IMG") return;
  a.country = code;
  if (a.kind !== "person") {
    a.id = `${code}-${a.sector ?? "GOV"}`;
    a.name = ownedName(a.role ?? a.name, code, COUNTRY_NAMES.get(code) ?? code);
  }
}

// "officials in Tskhinvali", "rebels in Karabakh": a body placed in a breakaway territory (or named beside its
// authority) is that authority's. Bare forces are left to the parent: "troops in South Ossetia" are as often
// Georgian or Russian.
function fromAuthority(m: SpanMention, source: SpanMention): boolean {
  const sector = m.actor.sector;
  if (!source.authority || sector === "MIL" || !STATE_SECTORS.has(sector)) return false;
  m.actor = underAuthority(m.actor, source.authority);
  m.authority = source.authority;
  m.code = m.actor.code;
  m.needsContext = false;
  return true;
}

// "rebels in the Ivory Coast", "refugees fleeing the civil war in Liberia": a place within a few words.
function rightPlace(tokens: Token[], byStart: Map<number, SpanMention>, m: SpanMention): SpanMention | null {
  let seenPrep = false;
  for (let k = m.end; k < Math.min(tokens.length, m.end + 9); k++) {
    const t = tokens[k];
    if (t.text === "," || t.text === ";" || FINITE.has(t.lower)) return null;
    if (PP_PREPS.has(t.lower)) seenPrep = true;
    const other = byStart.get(k);
    if (other && seenPrep && other.code && !other.needsContext) return other;
  }
  return null;
}

// "Romania's new government": a possessor just before the head.
function leftPossessor(tokens: Token[], byEnd: Map<number, SpanMention>, m: SpanMention): SpanMention | null {
  let k = m.start - 1;
  while (k >= 0 && NP_FILLERS.has(tokens[k].lower)) k--;
  if (k < 1 || tokens[k].lower !== "'s") return null;
  const owner = byEnd.get(k);
  return owner?.code && !owner.needsContext ? owner : null;
}

const ACTS = new Set(
  (
    "sanction sanctions sanctioned imposed imposes impose condemn condemns condemned accused accuses accuse " +
    "struck strikes strike hit hits attacked attacks attack blacklists blacklisted blacklist targeted targets " +
    "expelled expels summoned summons"
  ).split(" "),
);

// "travel to Tehran", "visits Moscow": a place someone goes to says nothing about whose official they are.
const TOWARD = new Set(["to", "into", "toward", "towards"]);
const VISIT = new Set(["visit", "visits", "visited", "visiting", "reach", "reaches", "reached", "reaching"]);

function destination(tokens: Token[], m: SpanMention): boolean {
  const before = tokens[m.start - 1]?.lower;
  return m.place === true && before !== undefined && (TOWARD.has(before) || VISIT.has(before));
}

// "The Treasury Department imposed sanctions on … Sudan's Rapid Support Forces", "Foreign Ministry condemns new US
// sanctions": a country named after the verb, past what a body does, is more often whom it acts on than its own.
function actedUpon(tokens: Token[], m: SpanMention, o: SpanMention): boolean {
  if (o.start < m.end) return false;
  let meets = false;
  for (let k = m.end; k < o.start; k++) {
    if (ACTS.has(tokens[k].lower)) return true;
    if (MEETS.has(tokens[k].lower)) meets = true;
    else if (meets && tokens[k].text === ",") meets = false;
  }
  return meets;
}

// "Interior Minister Mohsin Naqvi … met Iranian Foreign Minister Abbas Araghchi twice, a Pakistani official said":
// whom one meets is a counterpart; the clause after the comma is not.
const MEETS = new Set("met meets meet meeting hosted hosts received receives".split(" "));

/** Gives a country to mentions that lack one: from a nearby place, a possessor, the sentence, or a fallback. */
export function resolveContext(
  tokens: Token[],
  mentions: SpanMention[],
  fallback: string | null = null,
): void {
  if (!mentions.some((m) => m.needsContext)) return;
  const byStart = new Map<number, SpanMention>();
  const byEnd = new Map<number, SpanMention>();
  for (const m of mentions) {
    if (!byStart.has(m.start)) byStart.set(m.start, m);
    byEnd.set(m.end, m);
  }
  for (const m of mentions) {
    if (!m.needsContext) continue;
    const near = rightPlace(tokens, byStart, m) ?? leftPossessor(tokens, byEnd, m);
    if (near?.code) {
      if (!fromAuthority(m, near)) withCode(m, near.code, false);
      m.viaPlace = true;
      continue;
    }
    const other = mentions.find(
      (o) =>
        o !== m &&
        o.code &&
        !o.needsContext &&
        !o.compound &&
        o.code !== "NGO" &&
        !destination(tokens, o) &&
        !actedUpon(tokens, m, o),
    );
    // A bare body beside a territory's name is only guessed to be its authority when it is armed and irregular
    // ("Artsakh fighters"); "officials said" in a report about Tskhinvali may be anyone's.
    if (other && (!other.place || m.actor.sector === "REB") && fromAuthority(m, other)) {
      m.weak = true;
      continue;
    }
    const code = other?.code ?? fallback;
    if (code) withCode(m, code, true);
  }
}
