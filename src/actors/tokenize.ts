/** A word or punctuation token with its character offsets. */
export interface Token {
  text: string;
  /** Lower-cased text with curly apostrophes and dots of abbreviations normalized ("u.s." → "us"). */
  lower: string;
  start: number;
  end: number;
  /** First character is an upper-case letter. */
  cap: boolean;
}

// Abbreviations with dots (U.S., U.N.), words with inner hyphens/apostrophes/dots, numbers, punctuation.
const TOKEN_RE =
  /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\d]*(?:[-'’.&][\p{L}\p{M}\d]+)*|\d+(?:[.,:]\d+)*|[^\s\p{L}\d]/gu;
const UPPER_RE = /\p{Lu}/u;
const ABBR_RE = /\p{L}\./u;

function lowerOf(text: string): string {
  let s = text.toLowerCase();
  if (s.includes("’")) s = s.replaceAll("’", "'");
  // "u.s." and "us" are one key; keep single-letter initials ("j.") as they are
  if (s.length > 2 && s.includes(".") && ABBR_RE.test(s)) s = s.replaceAll(".", "");
  return s;
}

function push(out: Token[], text: string, start: number): void {
  out.push({ text, lower: lowerOf(text), start, end: start + text.length, cap: UPPER_RE.test(text[0]) });
}

/** Splits a sentence into tokens; a possessive "'s" becomes its own token. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const t = m[0];
    const i = m.index;
    const n = t.length;
    if (n > 2 && (t[n - 2] === "'" || t[n - 2] === "’") && (t[n - 1] === "s" || t[n - 1] === "S")) {
      push(out, t.slice(0, n - 2), i);
      push(out, t.slice(n - 2), i + n - 2);
    } else if (n > 1 && (t.endsWith("s'") || t.endsWith("s’"))) {
      push(out, t.slice(0, n - 1), i);
      push(out, "'s", i + n - 1);
    } else {
      push(out, t, i);
    }
  }
  return out;
}
