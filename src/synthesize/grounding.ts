import { extractNumbers } from "./grounding-numbers.ts";

export { extractNumbers } from "./grounding-numbers.ts";

/** Function and common words: never names, even when capitalized by title case or a sentence start. */
const COMMON_WORDS = new Set(
  (
    "a an the this that these those it its they their there here he she his her we our you i " +
    "and but or nor so yet also both either neither each every all some any no not none such " +
    "in on at by for from with without into onto over under after before during since until amid " +
    "amidst despite following according as about against among between through toward towards via " +
    "to of off up down out upon within across beyond near than vs per " +
    "while when where whether if although though because however meanwhile moreover furthermore " +
    "instead still then thus therefore later earlier today yesterday tomorrow now recently " +
    "says said say warns warned calls called urges urged plans planned seeks sought remains " +
    "is are was were be been has have had will would could should might must do does did " +
    "officials talks more most many much few several other another further new"
  ).split(" "),
);

/** Suffixes stripped to compare inflections and demonyms: "Iranian"~"Iran", "confirms"~"confirmed". */
const SUFFIXES = [
  "ians",
  "ian",
  "ans",
  "ese",
  "ish",
  "ing",
  "ies",
  "es",
  "ed",
  "an",
  "is",
  "ey",
  "a",
  "e",
  "i",
  "s",
  "y",
  "d",
];

/** Lower-case comparison keys of a word: itself and its suffix-stripped stems of 3+ letters. */
export function wordKeys(word: string): string[] {
  const w = normalizeWord(word).toLowerCase();
  const keys = [w];
  for (const s of SUFFIXES) if (w.endsWith(s) && w.length - s.length >= 3) keys.push(w.slice(0, -s.length));
  return keys;
}

/** Strips dots ("U.S." → "US") and possessives ("Iran's" → "Iran"). */
function normalizeWord(word: string): string {
  return word
    .replace(/['’]s$/u, "")
    .replace(/['’]$/u, "")
    .replaceAll(".", "");
}

const WORD_RE = /\p{L}[\p{L}\p{M}'’.]*/gu;

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Words of a text, hyphenated compounds split ("Iran-US" → Iran, US). */
function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.replaceAll(/[-‐–—/]/gu, " ").matchAll(WORD_RE)) {
    const raw = m[0].replace(/\.+$/u, (dots) => (/^(?:\p{Lu}\.)+$/u.test(m[0]) ? dots : ""));
    const text = normalizeWord(raw);
    if (text) out.push({ text, start: m.index, end: m.index + raw.length });
  }
  return out;
}

const isCapitalized = (w: string) => /^\p{Lu}/u.test(w);

/** A set of known word keys built from evidence sentences and names, with acronyms of their names. */
export interface Vocabulary {
  has(word: string): boolean;
}

/** Builds the vocabulary a generated text may draw its names from. */
export function buildVocabulary(texts: string[]): Vocabulary {
  const keys = new Set<string>();
  for (const text of texts) {
    const words = wordsOf(text);
    for (const w of words) for (const k of wordKeys(w.text)) keys.add(k);
    for (const acronym of acronymsOf(words)) keys.add(acronym);
  }
  return { has: (word) => wordKeys(word).some((k) => keys.has(k)) };
}

/** Initials of capitalized runs ("United States" → "us", "Ministry of Foreign Affairs" → "mfa"). */
function acronymsOf(words: Word[]): string[] {
  const out: string[] = [];
  const initials = (run: string[]) =>
    run
      .filter(isCapitalized)
      .map((w) => w[0].toLowerCase())
      .join("");
  let run: string[] = [];
  let tight: string[] = [];
  const flushTight = () => {
    if (tight.length >= 2) out.push(initials(tight));
    tight = [];
  };
  const flush = () => {
    flushTight();
    if (run.filter(isCapitalized).length >= 2) out.push(initials(run));
    run = [];
  };
  for (const w of words) {
    if (isCapitalized(w.text)) {
      run.push(w.text);
      tight.push(w.text);
    } else if (run.length > 0 && (w.text === "of" || (w.text === "the" && run.at(-1) === "of"))) {
      run.push(w.text);
      flushTight();
    } else flush();
  }
  flush();
  return out;
}

/** A name found in a generated text: consecutive capitalized words, with the sentence-initial flag. */
export interface NameSpan {
  name: string;
  words: string[];
  sentenceInitial: boolean;
}

/** Capitalized words and multiword names of a text, each with whether it opens a sentence. */
export function extractNames(text: string): NameSpan[] {
  const spans: NameSpan[] = [];
  const words = wordsOf(text);
  let current: { words: Word[]; initial: boolean } | null = null;
  const flush = () => {
    if (current) {
      const ws = current.words;
      spans.push({
        name: text.slice(ws[0].start, ws[ws.length - 1].end),
        words: ws.map((w) => w.text),
        sentenceInitial: current.initial,
      });
    }
    current = null;
  };
  let prevEnd = 0;
  for (const w of words) {
    const initial = prevEnd === 0 || /[.!?:]["”’)]*$/u.test(text.slice(0, w.start).trimEnd());
    if (!isCapitalized(w.text) || initial || /[,;:()"“”]/u.test(text.slice(prevEnd, w.start))) flush();
    if (isCapitalized(w.text)) {
      current ??= { words: [], initial };
      current.words.push(w);
    }
    prevEnd = w.end;
  }
  flush();
  return spans;
}

/** Why a generated text is not grounded in its evidence, or null when every name and number is found there. */
export function findUngrounded(text: string, evidence: string[], names: string[] = []): string | null {
  const vocabulary = buildVocabulary([...evidence, ...names]);
  for (const span of extractNames(text)) {
    const opener =
      span.sentenceInitial && (COMMON_WORDS.has(span.words[0].toLowerCase()) || isOpener(span.words[0]));
    const words = span.words.filter((w, i) => !COMMON_WORDS.has(w.toLowerCase()) && !(i === 0 && opener));
    if (words.some((w) => !vocabulary.has(w))) {
      return `ungrounded name "${opener ? span.words.slice(1).join(" ") : span.name}"`;
    }
  }
  const known = new Set([...evidence, ...names].flatMap(extractNumbers));
  for (const n of extractNumbers(text)) if (!known.has(n)) return `ungrounded number ${formatNumber(n)}`;
  return null;
}

/** Irregular past tenses that open response lines ("Sent envoys to ..."), which the -ed rule misses. */
const IRREGULAR_PAST = new Set(
  (
    "said told sent met held made gave took kept left lost won struck shot fought brought sought thought " +
    "spoke wrote began led fled hit put set cut let came went saw found became chose drew fell felt got " +
    "grew heard knew laid meant paid rose sold shook shut stood threw understood withdrew broke built " +
    "caught dealt forgave overtook overthrew bore beat bid spent swore stole ran read"
  ).split(" "),
);

/** True for a sentence-opening word that reads as a verb or adverb rather than a name ("Confirmed", "Sent"). */
function isOpener(word: string): boolean {
  const w = word.toLowerCase();
  return IRREGULAR_PAST.has(w) || (w.length > 4 && /(?:ed|ing|ly)$/.test(w) && !/jing$/.test(w));
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("en-US") : String(n);
}
