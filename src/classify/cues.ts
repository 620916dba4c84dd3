import type { Token } from "../actors/tokenize.ts";
import type { PloverType } from "../model/event.ts";
import { CONFLICTUAL_CUES } from "./lexicon-conflictual.ts";
import { COOPERATIVE_CUES } from "./lexicon-cooperative.ts";

/** How a cue shapes its sentence beyond its type. */
export interface CueFlags {
  /** Intent frame ("will", "is ready to"): the type comes from what follows. */
  intent: boolean;
  /** Violence whose type (ASSAULT or FIGHT) follows the attacker. */
  violence: boolean;
  /** Symmetric: the object acts too ("held talks with"). */
  symmetric: boolean;
  /** The place after the cue receives and is the source ("peacekeepers arrived in X"). */
  swap: boolean;
  /** The subject suffers ("died"). */
  victim: boolean;
  /** The complement subject is the target ("X said Y must ..."). */
  demandSubject: boolean;
  /** The recipient after "to" is the target ("extradited a suspect to France"). */
  recipient: boolean;
  /**
   * A noun for a standing state of affairs ("ceasefire"): named with "the" or a possessive it is a known one, the
   * background of the sentence, unless an event verb follows ("the ceasefire took effect").
   */
  state: boolean;
  /**
   * The actor named in the cue's gap owns what the cue's last word names and is the doer ("the arrival of a World
   * Food Programme convoy": the WFP delivers, whoever tells of it).
   */
  genitiveAgent: boolean;
}

/** A compiled cue phrase. */
export interface Cue {
  pattern: string;
  type: PloverType | null;
  cameo: string;
  flags: CueFlags;
  /** Word alternatives per element; a gap element is a number (max words skipped). */
  elements: (ReadonlySet<string> | number)[];
  literals: number;
}

/** A cue found over tokens [start, end). */
export interface CueMatch {
  cue: Cue;
  start: number;
  end: number;
}

function expand(alt: string): string[] {
  const m = /^(.*)\(([^)]*)\)(.*)$/.exec(alt);
  if (!m) return [alt];
  return m[2].split(",").map((suffix) => `${m[1]}${suffix}${m[3]}`);
}

function compile(row: string): Cue {
  const [pattern, type, cameo, flagText = ""] = row.split("|");
  const elements: (ReadonlySet<string> | number)[] = [];
  for (const part of pattern.split(" ")) {
    if (part.startsWith("~")) elements.push(part.length > 1 ? Number(part.slice(1)) : 4);
    else elements.push(new Set(part.split("/").flatMap(expand)));
  }
  const f = new Set(flagText.split(""));
  return {
    pattern,
    type: type === "-" ? null : (type as PloverType),
    cameo,
    flags: {
      intent: f.has("I"),
      violence: f.has("V"),
      symmetric: f.has("S"),
      swap: f.has("W"),
      victim: f.has("P"),
      demandSubject: f.has("D"),
      recipient: f.has("R"),
      state: f.has("N"),
      genitiveAgent: f.has("G"),
    },
    elements,
    literals: elements.filter((e) => typeof e !== "number").length,
  };
}

const CUES: Cue[] = [...COOPERATIVE_CUES, ...CONFLICTUAL_CUES].map(compile);
const BY_FIRST = new Map<string, Cue[]>();
for (const cue of CUES) {
  const first = cue.elements[0];
  if (typeof first === "number") continue;
  for (const w of first) {
    const list = BY_FIRST.get(w);
    if (list) list.push(cue);
    else BY_FIRST.set(w, [cue]);
  }
}

// Words that are not cues after certain words ("in order to", "the order of").
const NOT_AFTER: Record<string, ReadonlySet<string>> = {
  order: new Set(["in", "the", "law", "world", "public"]),
  talk: new Set(["to"]),
  offer: new Set(["an", "the"]),
};
const GAP_STOP = new Set([",", ";", ".", ":", "(", ")"]);

// Matches elements[e..] from token pos; returns the end token index or -1. Gaps backtrack over every length.
function matchFrom(cue: Cue, tokens: Token[], pos: number, e: number, blocked: Uint8Array): number {
  if (e === cue.elements.length) return pos;
  const el = cue.elements[e];
  if (typeof el === "number") {
    for (let k = pos; k <= pos + el && k < tokens.length; k++) {
      if (blocked[k] === 1 || GAP_STOP.has(tokens[k].text)) return -1;
      const end = matchFrom(cue, tokens, k, e + 1, blocked);
      if (end >= 0) return end;
    }
    return -1;
  }
  if (pos >= tokens.length || blocked[pos] || !el.has(tokens[pos].lower)) return -1;
  return matchFrom(cue, tokens, pos + 1, e + 1, blocked);
}

/**
 * All cue phrases in the tokens, the most specific one per start position. `blocked` is 1 for tokens outside
 * the main clause (no cue crosses them) and 2 for words inside names (skipped by gaps, never cue words).
 */
export function findCues(tokens: Token[], blocked: Uint8Array): CueMatch[] {
  const out: CueMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (blocked[i]) continue;
    const lower = tokens[i].lower;
    const list = BY_FIRST.get(lower);
    if (!list) continue;
    if (i > 0 && NOT_AFTER[lower]?.has(tokens[i - 1].lower)) continue;
    let best: CueMatch | null = null;
    for (const cue of list) {
      const end = matchFrom(cue, tokens, i, 0, blocked);
      if (end < 0) continue;
      if (!best || cue.literals > best.cue.literals) best = { cue, start: i, end };
    }
    if (best) out.push(best);
  }
  return out;
}
