import { DATE_PREFIX, NAME_PREFIX, NUMBER_PREFIX } from "./feature-groups.ts";
import { stem } from "./stem.ts";
import { STOPWORDS } from "./stopwords.ts";

/** Raw features of one article: weighted term frequencies by feature key, plus entity surface forms. */
export interface TextFeatures {
  /** Feature key → title-weighted frequency. Keys: stemmed word, `@name phrase`, `#number`, `^date`. */
  tf: Map<string, number>;
  /** Whole names (lower-cased phrase → surface form as first written), for display. */
  entityLabels: Map<string, string>;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’.,&-][\p{L}\p{N}]+)*/gu;
const HAS_DIGIT = /\p{N}/u;
const UPPER = /^\p{Lu}/u;
const SENTENCE_BREAK = /[.!?:;"“”|()[\]\n–—]/;
const MAX_ENTITY_WORDS = 4;
/** Words that Headline Case capitalizes and running text never does. */
const FUNCTION_WORDS = new Set(
  "a an and are as at be but by for from has have in into is it its not of on or over the to up with".split(
    " ",
  ),
);
const YEAR = /^(?:1[89]|20)\d\d$/;
const MONTH_LIST = "january february march april may june july august september october november december";
/** Full and abbreviated month names → month number. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_LIST.split(" ").flatMap((m, i): [string, number][] => [
    [m, i + 1],
    [m.slice(0, 3), i + 1],
  ]),
).set("sept", 9);
/** Month names that are also common words: a date only next to a number ("March 4", "4 May"). */
const AMBIGUOUS_MONTHS = new Set(["mar", "march", "may", "jan", "dec", "aug"]);

interface Word {
  lower: string;
  surface: string;
  cap: boolean;
  /** True when punctuation or a sentence break precedes the word. */
  broken: boolean;
  initial: boolean;
}

/** Splits a title and body into weighted term, number and capitalized-entity features. */
export function analyzeText(
  title: string,
  text: string,
  titleWeight: number,
  knownName: (lower: string) => boolean = () => false,
): TextFeatures {
  const out: TextFeatures = { tf: new Map(), entityLabels: new Map() };
  addSegment(out, title, titleWeight, knownName, true);
  if (text.length > 0) {
    for (const line of text.split("\n")) addSegment(out, line, 1, knownName);
  }
  return out;
}

function addSegment(
  out: TextFeatures,
  segment: string,
  weight: number,
  knownName: (lower: string) => boolean,
  isTitle = false,
): void {
  const words = scan(segment);
  const titleCase = isTitleCase(words, isTitle);
  let run: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // In Headline Case capitalization says nothing; trust words the stream has seen written as names.
    const cap = w.cap && (!titleCase || knownName(w.lower));
    if (w.broken || !cap) run = flushRun(out, run, weight);
    if (HAS_DIGIT.test(w.lower)) {
      const n = w.lower.replace(/,/g, "");
      bump(out.tf, YEAR.test(n) ? `${DATE_PREFIX}${n}` : `${NUMBER_PREFIX}${n}`, weight);
      run = flushRun(out, run, weight);
      continue;
    }
    const month = monthOf(words, i);
    if (month !== 0) {
      bump(out.tf, `${DATE_PREFIX}m${month}`, weight);
      run = flushRun(out, run, weight);
      continue;
    }
    const stop = STOPWORDS.has(w.lower);
    if (!stop) bump(out.tf, stem(w.lower), weight);
    if (!cap || stop) {
      run = flushRun(out, run, weight);
    } else {
      run.push(w);
    }
  }
  flushRun(out, run, weight);
}

function flushRun(out: TextFeatures, run: Word[], weight: number): Word[] {
  if (run.length === 0) return run;
  // A lone capitalized word at a sentence start is usually just capitalized grammar.
  if (!(run.length === 1 && run[0].initial)) {
    // Each word of a name is a feature of its own, so "Mark Teixeira" and "Teixeira" still meet.
    for (const w of run) bump(out.tf, `${NAME_PREFIX}${w.lower}`, weight);
    const words = run.slice(0, MAX_ENTITY_WORDS);
    const key = words.map((w) => w.lower).join(" ");
    if (!out.entityLabels.has(key)) out.entityLabels.set(key, words.map((w) => w.surface).join(" "));
  }
  return [];
}

/** Month number of a capitalized month name at `i` (0 when none); ambiguous names need a number beside them. */
function monthOf(words: Word[], i: number): number {
  const w = words[i];
  if (!w.cap) return 0;
  const month = MONTHS.get(w.lower);
  if (month === undefined) return 0;
  if (!AMBIGUOUS_MONTHS.has(w.lower)) return month;
  const beside = (j: number) => j >= 0 && j < words.length && HAS_DIGIT.test(words[j].lower);
  return beside(i - 1) || beside(i + 1) ? month : 0;
}

function scan(segment: string): Word[] {
  const words: Word[] = [];
  let prevEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(segment); m !== null; m = TOKEN.exec(segment)) {
    const gap = segment.slice(prevEnd, m.index);
    const initial =
      words.length === 0 || SENTENCE_BREAK.test(gap) || /[.!?]$/.test(words[words.length - 1].surface);
    const broken = initial || /[,/]/.test(gap);
    let surface = m[0].replace(/['’]s$/i, "");
    surface = surface.replace(/[.,]+$/, "");
    words.push({ lower: surface.toLowerCase(), surface, cap: UPPER.test(surface), broken, initial });
    prevEnd = m.index + m[0].length;
  }
  return words;
}

/**
 * Headline Case carries no name signal: most content words start upper-case. A body line full of
 * names ("Interior Minister Lucia Ferrada visited Valparaiso") looks the same, so there it also
 * takes a capitalized function word ("Crashes For", "Is Back") to count as Headline Case.
 */
function isTitleCase(words: Word[], isTitle: boolean): boolean {
  let content = 0;
  let caps = 0;
  let capStop = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (HAS_DIGIT.test(w.lower)) continue;
    if (STOPWORDS.has(w.lower)) {
      if (w.cap && !w.initial && FUNCTION_WORDS.has(w.lower)) capStop = true;
      continue;
    }
    content++;
    if (w.cap) caps++;
  }
  return content >= 3 && caps >= 0.75 * content && (isTitle || capStop);
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
