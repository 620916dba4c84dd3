import type { Token } from "./tokenize.ts";

/** Where the main clause starts and which tokens only attribute the report ("…, officials said"). */
export interface ClauseInfo {
  /** 1 for tokens of an attribution ("a UN official said on Monday", "according to …"). */
  blocked: Uint8Array;
  /** First token of the main clause, after a leading adverbial ("Under the plan, …"). */
  clauseStart: number;
  /** A trailing speaker whose verb is itself the event ("…, a rights group protested"). */
  inverted: { start: number; verb: number } | null;
}

const REPORT = new Set(
  (
    "said says say told tells reported reports report announced announces confirmed confirms added adds stated " +
    "quoted quoting noted notes explained wrote writes disclosed revealed indicated learned cited showed saying " +
    "claimed claims"
  ).split(" "),
);
const EVALUATIVE = new Set(
  "protested complained charged alleged warned insisted accused demanded urged condemned criticized criticised".split(
    " ",
  ),
);
const COMPLEMENT = new Set("that it they he she we its his her their whether".split(" "));
const TIME_WORDS = new Set(
  "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight weekend".split(" "),
);
const LEADING = new Set(
  (
    "in on under after despite following with as while since during amid at for before by over unlike like " +
    "although though when if once upon earlier later meanwhile separately elsewhere"
  ).split(" "),
);

function commaPositions(tokens: Token[]): number[] {
  const out: number[] = [];
  let depth = 0;
  tokens.forEach((t, i) => {
    if (t.text === "(") depth++;
    else if (t.text === ")") depth = Math.max(0, depth - 1);
    else if ((t.text === "," || t.text === ";") && depth === 0) out.push(i);
  });
  return out;
}

function lastContent(tokens: Token[]): number {
  let end = tokens.length;
  while (end > 0 && !/\p{L}|\d/u.test(tokens[end - 1].text)) end--;
  return end;
}

function blockAccordingTo(tokens: Token[], blocked: Uint8Array, commas: number[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].lower !== "according" || tokens[i + 1].lower !== "to") continue;
    const next = commas.find((c) => c > i);
    let end: number;
    if (next !== undefined && next - i <= 12) end = next;
    else if (i > 0 && tokens[i - 1].text === ",") end = tokens.length;
    else end = Math.min(tokens.length, i + 3);
    for (let k = i; k < end; k++) blocked[k] = 1;
  }
}

// "…, a UN official said on Monday." / "…, said a spokesman." / "…, witnesses said, …"
function blockTrailing(tokens: Token[], blocked: Uint8Array, commas: number[], info: ClauseInfo): void {
  const end = lastContent(tokens);
  for (let ci = commas.length - 1; ci >= 0; ci--) {
    const c = commas[ci];
    const segEnd = ci + 1 < commas.length ? commas[ci + 1] : end;
    if (segEnd - c > 16) continue;
    let verb = -1;
    for (let k = c + 1; k < segEnd; k++) {
      if (REPORT.has(tokens[k].lower) || EVALUATIVE.has(tokens[k].lower)) {
        verb = k;
        break;
      }
    }
    if (verb < 0) continue;
    let complement = false;
    for (let k = verb + 1; k < segEnd; k++) if (COMPLEMENT.has(tokens[k].lower)) complement = true;
    if (complement || segEnd - verb > 9) continue;
    if (EVALUATIVE.has(tokens[verb].lower) && segEnd === end && verb > c + 1) {
      info.inverted = { start: c + 1, verb };
      return;
    }
    for (let k = c; k < segEnd; k++) blocked[k] = 1;
  }
}

// "… in southern Lebanon Sunday sources on both sides said."
function blockFinalNoComma(tokens: Token[], blocked: Uint8Array): void {
  let end = lastContent(tokens);
  while (end > 0 && TIME_WORDS.has(tokens[end - 1].lower)) end--;
  const verb = end - 1;
  if (verb < 2 || !REPORT.has(tokens[verb].lower) || blocked[verb]) return;
  for (let k = verb - 1; k > Math.max(0, verb - 8); k--) {
    if (tokens[k].text === ",") return;
    if (TIME_WORDS.has(tokens[k].lower)) {
      for (let j = k + 1; j < tokens.length; j++) blocked[j] = 1;
      return;
    }
  }
}

/** Finds the main clause and the attribution tokens of a sentence. */
export function analyzeClauses(tokens: Token[]): ClauseInfo {
  const blocked = new Uint8Array(tokens.length);
  const info: ClauseInfo = { blocked, clauseStart: 0, inverted: null };
  const commas = commaPositions(tokens);
  blockAccordingTo(tokens, blocked, commas);
  blockTrailing(tokens, blocked, commas, info);
  blockFinalNoComma(tokens, blocked);
  if (tokens.length > 0 && LEADING.has(tokens[0].lower)) {
    const c = commas.find((k) => k < 16 && !blocked[k]);
    if (c !== undefined) info.clauseStart = c + 1;
  }
  return info;
}
