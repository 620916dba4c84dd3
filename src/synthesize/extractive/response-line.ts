import { capitalize, terminate } from "./condense.ts";

/** Speech and action verbs that open a response line once the actor's name is cut off. */
const VERB =
  /^(?:has |have |had |was |were |is |are |will |would |also |again |later |on \w+ |\w+ly |earlier )*(said|says|told|tells|confirmed|confirms|denied|denies|announced|announces|warned|warns|urged|urges|called|calls|rejected|rejects|accused|accuses|agreed|agrees|launched|launches|struck|strikes|deployed|deploys|sent|sends|ordered|orders|signed|signs|met|meets|vowed|vows|pledged|pledges|demanded|demands|threatened|threatens|condemned|condemns|welcomed|welcomes|endorsed|endorses|praised|praises|insisted|insists|stated|states|declared|declares|reported|reports|claimed|claims|added|adds|noted|notes|described|describes|imposed|imposes|approved|approves|offered|offers|proposed|proposes|refused|refuses|suspended|suspends|resumed|resumes|attacked|attacks|killed|kills|seized|seizes|captured|captures|withdrew|withdraws|accepted|accepts|asked|asks|expressed|expresses|repeated|repeats|dismissed|dismisses|blamed|blames|hailed|hails|announced|mediated|mediates|hosted|hosts|began|begins|carried|carries|shot|fired|fires|arrived|arrives|visited|visits|held|holds|sanctioned|sanctions|delivered|delivers|pressed|presses|continued|continues|adopted|adopts)\b/i;

/** Present-tense speech and action verbs with their past forms. */
export const PRESENT_TO_PAST: Record<string, string> = {
  says: "said",
  tells: "told",
  confirms: "confirmed",
  denies: "denied",
  announces: "announced",
  warns: "warned",
  urges: "urged",
  calls: "called",
  rejects: "rejected",
  accuses: "accused",
  agrees: "agreed",
  launches: "launched",
  strikes: "struck",
  deploys: "deployed",
  sends: "sent",
  orders: "ordered",
  signs: "signed",
  meets: "met",
  vows: "vowed",
  pledges: "pledged",
  demands: "demanded",
  threatens: "threatened",
  condemns: "condemned",
  welcomes: "welcomed",
  endorses: "endorsed",
  praises: "praised",
  insists: "insisted",
  states: "stated",
  declares: "declared",
  reports: "reported",
  claims: "claimed",
  adds: "added",
  notes: "noted",
  describes: "described",
  imposes: "imposed",
  approves: "approved",
  offers: "offered",
  proposes: "proposed",
  refuses: "refused",
  suspends: "suspended",
  resumes: "resumed",
  attacks: "attacked",
  kills: "killed",
  seizes: "seized",
  captures: "captured",
  withdraws: "withdrew",
  accepts: "accepted",
  asks: "asked",
  expresses: "expressed",
  repeats: "repeated",
  dismisses: "dismissed",
  blames: "blamed",
  hails: "hailed",
  mediates: "mediated",
  hosts: "hosted",
  begins: "began",
  carries: "carried",
  fires: "fired",
  arrives: "arrived",
  visits: "visited",
  holds: "held",
  delivers: "delivered",
  presses: "pressed",
  continues: "continued",
  adopts: "adopted",
};

// "The denial comes two days after Iranian Foreign Minister Abbas Araghchi said …", "… after Washington announced
// it was sending 10,000 more troops": an actor named in a clause that dates this event by an earlier one did that
// earlier thing; it is no response here. Only names (capitalised words) and an article stand between the conjunction
// and the actor.
const EARLIER_CLAUSE = /\b(?:after|since|following)\s+(?:(?:the|[\p{Lu}][\p{L}'’.-]*)\s+)*$/u;

const MONTH_NAMES =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
// What the actor did long before, told as background: "Medvedev said in September that …", "Belgium imposed
// sanctions on Rwandan officers in March 2025", "Russia has struck the energy system repeatedly since late
// September". A date inside what someone says ("said the vote would be held in March 2027") is what they said.
const LEADING_DATE = new RegExp(
  `^\\s*(?:in ${MONTH_NAMES}\\b|(?:last|earlier this) (?:week|month|year)\\b)`,
  "u",
);
const PAST_DATE = new RegExp(
  `\\bin ${MONTH_NAMES} \\d{4}\\b|\\bsince (?:(?:late|early|mid)[ -])?(?:${MONTH_NAMES}|\\d{4})\\b`,
  "u",
);
const SPEECH =
  /^(?:said|told|confirmed|denied|announced|warned|urged|called|stated|declared|claimed|added|noted|described|insisted|asked|expressed|repeated|reported)$/;

function background(verb: string, tail: string): boolean {
  return LEADING_DATE.test(tail) || (!SPEECH.test(verb) && PAST_DATE.test(tail));
}

/** Trailing attribution: "…, the foreign ministry said." → the clause before it is what the actor said. */
const ATTRIBUTION_TAIL =
  /^(.{25,}?),?\s+(?:["”’]\s*)?(?:according to\s+.+|[^,]{2,80}?\s+(?:said|says|told [^.]{1,40}|confirmed|reported|announced|added|stated))\s*\.?$/;

/**
 * Turns a source sentence into a verb-first response line for the actor named at [start, end):
 * "Spokesman Esmail Baghaei said on Monday that talks continue." → "Said that talks continue."
 * Returns null when the sentence does not say what the actor did or said.
 */
export function responseLine(sentence: string, start: number, end: number): string | null {
  if (EARLIER_CLAUSE.test(sentence.slice(Math.max(0, start - 80), start))) return null;
  let rest = sentence.slice(end).trim();
  // Skip an appositive after the name: "Baghaei, the ministry's spokesman, said …".
  const appositive = /^,\s*[^,]{2,80},\s*/.exec(rest);
  if (appositive && VERB.test(rest.slice(appositive[0].length))) rest = rest.slice(appositive[0].length);
  // "the European Union's 22nd sanctions package will harm …": after a possessive, a count or an adjective of time
  // opens a noun phrase the actor owns, whose words ("sanctions") are no verb of the actor's.
  if (/^'s?\s+(?:\d+\w*|first|second|third|new|latest|last|next|own|proposed|planned)\s/i.test(rest))
    return null;
  rest = rest.replace(/^(?:'s?\s+\w+\s+)?/, "");
  const m = VERB.exec(rest);
  // "The UAE has previously rejected accusations …": what the actor did before is background, not its response.
  if (m && /\b(?:previously|formerly|earlier)\b/i.test(m[0])) return null;
  if (m) {
    const verb = m[1].toLowerCase();
    const past = PRESENT_TO_PAST[verb] ?? verb;
    let tail = rest.slice(m.index + m[0].length);
    // A verb glued to punctuation or a closing quote is inside someone else's quotation.
    if (/^[,;:"”’)]/.test(tail)) return null;
    // "Turkey accused of supplying…" is passive: it says what was done to the actor, not by it.
    if (/^\s+(?:of|by)\b/.test(tail) && /ed$/.test(verb)) return null;
    tail = tail.replace(/^\s+on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/, "");
    tail = tail.replace(/^\s+(?:today|yesterday|late \w+|earlier \w+)\b/, "");
    const line = `${capitalize(past)}${tail.startsWith(",") ? "" : " "}${tail.trim()}`;
    if (background(past, tail)) return null;
    if (tail.replace(/[\s.]/g, "").length > 8) return terminate(line.replace(/\s+/g, " "));
  }
  // The actor is credited at the end: the clause before the credit is its statement.
  if (start > 0 && sentence.length - end < 40) {
    const tail = ATTRIBUTION_TAIL.exec(sentence);
    if (tail && tail[1].length > 20 && start > tail[1].length - 5) {
      const clause = tail[1].replace(/^["“]|["”]$/g, "").trim();
      return terminate(`Said ${lowerFirst(clause)}`);
    }
  }
  return null;
}

function lowerFirst(s: string): string {
  // Keep proper nouns and acronyms: only lower a plain sentence-initial word.
  return /^[A-Z][a-z]+\b/.test(s) &&
    !/^(?:I|Iran|Israel|US|UN)\b/.test(s) &&
    /^(?:The|A|An|It|This|That|There|Talks|No|Some|All)\b/.test(s)
    ? s[0].toLowerCase() + s.slice(1)
    : s;
}
