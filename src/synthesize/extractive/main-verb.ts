import { analyzeClauses } from "../../actors/clauses.ts";
import type { Token } from "../../actors/tokenize.ts";
import { PRESENT_TO_PAST } from "./response-line.ts";

const AUX = new Set(
  "is are was were has have had will would can cannot could may might must shall should does do did won't can't isn't".split(
    " ",
  ),
);
const KNOWN = new Set([...Object.keys(PRESENT_TO_PAST), ...Object.values(PRESENT_TO_PAST)]);
// Words that never head a finite verb: determiners, prepositions, conjunctions, pronouns.
const FUNCTION = new Set(
  (
    "a an the this that these those its his her their our my your some any all each every no both either " +
    "of in on at by for from to with without into onto over under about against between among through during " +
    "after before since until amid near across around behind beyond inside outside within along toward towards " +
    "per via than as and or but nor so yet while whereas because although though if when where whether " +
    "who whom whose which what he she it they we you i him them us me also not only more most former new"
  ).split(" "),
);
// What follows a transitive verb and never a noun in a headline: "reports a record", "sentences sixteen".
const OBJECT_START = new Set(
  "a an the this these those its his her their our some several all no him them it two three four five six seven eight nine ten dozens hundreds thousands".split(
    " ",
  ),
);
const RELATIVE = new Set(["who", "which", "whose", "whom"]);
// Words that open a subordinate clause: a verb after them is not the main one.
const SUBORDINATE = new Set(
  "after amid amidst as when while where because since before following despite whereas although though until unless but".split(
    " ",
  ),
);
const CONJUNCTION = new Set(["and", "or", "but", "nor"]);
const DETERMINER = new Set(["a", "an", "the"]);
const NUMBER = /^\d/;

function verbAt(tokens: Token[], i: number, afterAppositive: boolean): boolean {
  const t = tokens[i];
  const w = t.lower;
  if (AUX.has(w)) return true;
  if (t.cap || FUNCTION.has(w) || !/^\p{Ll}/u.test(t.text) || w.endsWith("ing") || w.endsWith("ly"))
    return false;
  const prev = tokens[i - 1].lower;
  if (FUNCTION.has(prev) || prev === "'s" || NUMBER.test(prev)) return false;
  const next = tokens[i + 1];
  if (!next) return false;
  if (OBJECT_START.has(next.lower) || NUMBER.test(next.text)) return true;
  if (KNOWN.has(w) && next.text !== "," && next.lower !== "of") return true;
  // "New Zealand moves COVID-19 …": a third-person form between two names.
  if (tokens[i - 1].cap && next.cap && w.endsWith("s") && !w.endsWith("ss")) return true;
  // "X, a monthly supplement, resign …": the word right after a closed appositive is the verb.
  return afterAppositive && prev === "," && next.text !== "," && !CONJUNCTION.has(next.lower);
}

// "X, a Y, …" or "X, Anatoly Bibilov, …": the segment between the first two commas opens with an article or is
// a short name.
function appositiveShaped(tokens: Token[], from: number, to: number): boolean {
  if (DETERMINER.has(tokens[from].lower)) return true;
  if (to - from < 2 || to - from > 4) return false;
  for (let k = from; k < to; k++) if (!tokens[k].cap) return false;
  return true;
}

/**
 * Index of the main clause's finite verb in a headline's tokens, or -1 when no word is clearly one. A cheap
 * heuristic, not a tagger: auxiliaries, known event verbs, and words followed by what only starts an object.
 */
export function findMainVerb(tokens: Token[]): number {
  const start = analyzeClauses(tokens).clauseStart;
  let depth = 0;
  const commas: number[] = [];
  for (let i = start; i < tokens.length; i++) {
    const w = tokens[i].text;
    if (w === "(") depth++;
    else if (w === ")") depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (w === ";" || SUBORDINATE.has(tokens[i].lower)) return -1;
    else if (w === ",") {
      const next = tokens[i + 1]?.lower ?? "";
      if (next.endsWith("ing") || CONJUNCTION.has(next)) return -1;
      commas.push(i);
    } else if (RELATIVE.has(tokens[i].lower)) {
      // A relative clause's verb is not the main one: skip to the comma that closes it.
      while (i + 1 < tokens.length && tokens[i + 1].text !== ",") i++;
    } else if (i > start) {
      const afterAppositive =
        commas.length === 2 && commas[1] === i - 1 && appositiveShaped(tokens, commas[0] + 1, commas[1]);
      if (verbAt(tokens, i, afterAppositive)) return i;
    }
  }
  return -1;
}
