import { BoundedMap } from "../model/bounded-map.ts";

/** Words that carry no topic: function words and the reporting verbs of news summaries. */
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers
him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
out over own same she should so some such than that the their theirs them then there these they this those
through to too under until up very was we were what when where which while who whom why will with would you
your yours says said say saying announces announced announce reports reported report according
new also amid since following despite after before will would one two three first last year years day days
week weeks month months today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december least including
people several many other others among per around another within without however although because while`
    .split(/\s+/)
    .filter(Boolean),
);

/** True when the lower-cased word is a stopword. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** A light English stemmer: plural and -ing/-ed endings, enough to join "talks"/"talk", "strikes"/"striking". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("'s")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && /(sses|xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

// Word forms repeat across reports: each form's term (or "" when it is dropped) is worked out once.
const termOf = new BoundedMap<string, string>(200_000);
/** A word form as a reader sees it, and the stems it spells (with a name's head: "covid" for "COVID-19"). */
const surfaceStemOf = new BoundedMap<string, { raw: string; keys: string[] }>(200_000);

function term(word: string): string {
  let t = termOf.get(word);
  if (t === undefined) {
    const w = word
      .toLowerCase()
      .replace(/’/g, "'")
      .replace(/['-]+$/, "");
    t = w.length < 2 || STOPWORDS.has(w) || /^\d[\d,.]*$/.test(w) ? "" : stem(w);
    termOf.set(word, t);
  }
  return t;
}

/** Lower-cased, stemmed content words of a text (stopwords, numbers and one-letter words dropped). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const t = term(m[0]);
    if (t) out.push(t);
  }
  return out;
}

// Arabic articles that belong to a name ("El Obeid", "Al Jazeera"); English look-alikes ("As", "At") left out.
const PARTICLE = /^(?:El|Al|Ad|Ar|Az)$/;

/** Content words as `contentWords` gives them, each with the form the text spells it in ("US-Iran"). */
export function contentWordForms(text: string): { word: string; form: string }[] {
  const out: { word: string; form: string }[] = [];
  let prev = "";
  for (const m of text.matchAll(WORD)) {
    const form = m[0]
      .replace(/’/g, "'")
      .replace(/['-]+$/, "")
      .replace(/'s$/i, "");
    const w = form.toLowerCase();
    // "El Obeid", "Al Jazeera": a name keeps its article where it is shown.
    const shown = PARTICLE.test(prev) && /^\p{Lu}/u.test(form) ? `${prev} ${form}` : form;
    if (w.length > 2 && !STOPWORDS.has(w) && !/^\d[\d,.]*$/.test(w)) out.push({ word: w, form: shown });
    prev = m[0];
  }
  return out;
}

/** Lower-cased content words of a text, unstemmed (for names shown to readers). */
export function contentWords(text: string): string[] {
  return contentWordForms(text).map((x) => x.word);
}

/** The first word of `text` whose stem is `stemmed` ("ceasefir" → "ceasefire"), else the stem itself. */
export function surfaceOf(stemmed: string, text: string): string {
  return surfacesOf([stemmed], text)[0];
}

// The text read last: the first spelling of each stem found so far, and where reading stopped. An event's links
// are explained one after the other from the same text, so each reads on where the one before stopped (the
// whole scan per link was 5% of the link thread on CEP).
let reading: { text: string; first: Map<string, string>; rest: Iterator<RegExpMatchArray> | null } | null =
  null;

/** `surfaceOf` for several stems, reading the text at most once. */
export function surfacesOf(stems: string[], text: string): string[] {
  if (reading?.text !== text) reading = { text, first: new Map(), rest: text.matchAll(WORD) };
  // The first spelling in the text, capitalization kept, so a reader sees "Baghaei", not "baghaei".
  const { first } = reading;
  const wanted = new Set(stems);
  let missing = 0;
  for (const k of wanted) if (!first.has(k)) missing++;
  while (missing > 0 && reading.rest) {
    const next = reading.rest.next();
    if (next.done) {
      reading.rest = null;
      break;
    }
    const word = next.value[0];
    let form = surfaceStemOf.get(word);
    if (!form) {
      const raw = word
        .replace(/’/g, "'")
        .replace(/['-]+$/, "")
        .replace(/'s$/i, "");
      // A name is found without its number: "covid" is spelled "COVID-19" in the text.
      const [part, ...rest] = raw.split("-");
      const head = rest.length && /\d/.test(rest.join("")) ? stem(part.toLowerCase()) : "";
      const own = stem(raw.toLowerCase());
      form = { raw, keys: head.length > 2 && head !== own ? [own, head] : [own] };
      surfaceStemOf.set(word, form);
    }
    for (const k of form.keys) {
      if (first.has(k)) continue;
      first.set(k, form.raw);
      if (wanted.has(k)) missing--;
    }
  }
  return stems.map((s) => first.get(s) ?? s);
}

// Words that tell how a report is worded, not what it is about: counts, records, time spans, generic verbs.
// Rare enough to rank among the shared words of two daily case reports, they explain nothing ("both mention
// thereby, bringing and past" on CEP 2021, 748 times "thereby") and name no storyline.
const NOT_TOPICS = new Set(
  `total confirmed thereby past bringing brings brought nationwide consecutive record records surpasses surpass
surpassing surpassed hours hour highest lowest single-day number numbers detected receives receive received
use used second third fourth fifth daily fully becoming becomes become increase increases begins begin beginning
began originated originally time times reaches reach reached due locally towards toward near via thus further
latest largest biggest overall cumulative rises rise rising falls fall drops dropped announce continue continues`.split(
    /\s+/,
  ),
);

/** True when a word says what a report is about (not its wording: counts, records, time spans, generic verbs). */
export function isTopical(word: string): boolean {
  return word.length > 1 && !NOT_TOPICS.has(word.toLowerCase());
}
