import { matchEntries } from "../../actors/match-entries.ts";
import { type Token, tokenize } from "../../actors/tokenize.ts";
import { findMainVerb } from "./main-verb.ts";

// Where a clause may end: before a comma, "after", "amid", "as" or a semicolon. Not before the "as" of "as well as",
// "such as" or of a role ("to serve as a mediator", "known as", "sworn in as"), nor before a comma a capitalised
// word follows: that continues a place or a list of names ("in Gbomblora, Poni Province", "Russia, Ukraine and …").
const BOUNDARY =
  /,(?= \P{Lu})| (?:after|amid) |(?<!\b(?:well|such|soon|long|far|much|same|just|so|serve|serves|served|serving|act|acts|acted|acting|known|described|seen|regarded|named|appointed|elected|in|designated|listed|classified|identified|recognised|recognized|considered|used|re-elected|reappointed|confirmed|installed|nominated|chosen|returns|return|remain|remains|stay|stays)) as (?!well )|; /gu;
const MIN_CUT = 40;
// Words a truncated title should not end on before its ellipsis: "…a referendum on…".
const DANGLING = new Set(
  "a an the of on in at to for from by with and or but its his her their this that as into over against".split(
    " ",
  ),
);
const DETERMINER = new Set(["a", "an", "the"]);
const CONJUNCTION = new Set(["and", "or"]);
const PLACE_KINDS = new Set(["country", "place"]);

function lastBoundary(title: string, max: number, after: number): number {
  let best = -1;
  for (const m of title.slice(0, max).matchAll(BOUNDARY)) best = m.index;
  return best > after ? best : -1;
}

function cutAt(title: string, at: number): string {
  return title.slice(0, at).replace(/[,;:\s]+$/, "");
}

function ellipsis(title: string, max: number): string {
  const cutAt = title.slice(0, max).lastIndexOf(" ");
  let cut = title.slice(0, cutAt > 0 ? cutAt : max);
  for (let i = 0; i < 3; i++) {
    const space = cut.lastIndexOf(" ");
    if (space < MIN_CUT || !DANGLING.has(cut.slice(space + 1).toLowerCase())) break;
    cut = cut.slice(0, space);
  }
  return `${cut.replace(/[,;:\s]+$/, "")}…`;
}

// "X, a monthly supplement, resign" / "The President of South Ossetia, Anatoly Bibilov, declares": the words from
// the subject's first comma to the comma before the verb are an appositive when they open with an article or are
// a name the gazetteer does not know as a place ("Minsk, Belarus, sentences" keeps its place), and hold no list.
function appositive(tokens: Token[], verb: number): [number, number] | null {
  const close = verb - 1;
  if (close < 3 || tokens[close].text !== ",") return null;
  let open = -1;
  for (let k = close - 1; k > 0 && close - k <= 16; k--) {
    if (tokens[k].text !== ",") continue;
    if (CONJUNCTION.has(tokens[k + 1].lower)) return null;
    open = k;
  }
  if (open < 1 || close - open < 2) return null;
  const inner = tokens.slice(open + 1, close);
  if (DETERMINER.has(inner[0].lower)) return [open, close];
  const name = inner.length >= 2 && inner.length <= 4 && inner.every((t) => t.cap || t.text === "-");
  if (!name || matchEntries(inner).some((h) => PLACE_KINDS.has(h.entry.kind))) return null;
  return [open, close];
}

/**
 * Shortens a sentence-long headline to `max` characters without losing its main verb: it cuts at the last
 * clause boundary after the verb, else drops an appositive before the verb ("X, a Y, declares …"), else cuts at
 * a word with an ellipsis. A headline whose verb it cannot find is cut at the last clause boundary.
 */
export function shortenTitle(title: string, max = 110): string {
  if (title.length <= max) return title;
  const tokens = tokenize(title);
  const verb = findMainVerb(tokens);
  if (verb < 0) {
    const boundary = lastBoundary(title, max, MIN_CUT);
    return boundary > 0 ? cutAt(title, boundary) : ellipsis(title, max);
  }
  const boundary = lastBoundary(title, max, Math.max(MIN_CUT, tokens[verb].end - 1));
  if (boundary > 0) return cutAt(title, boundary);
  const span = appositive(tokens, verb);
  if (span) {
    const shorter = `${title.slice(0, tokens[span[0]].start)} ${title.slice(tokens[verb].start)}`;
    return shorter.length <= max ? shorter : shortenTitle(shorter, max);
  }
  return ellipsis(title, max);
}
