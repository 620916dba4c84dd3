const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
};

const TOKEN_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\p{L}+/gu;

/**
 * Numeric values a text states, in digits ("10,000", "10000", "1.5 million") or words ("ten",
 * "twenty-five", "two hundred"). A lone "one" is left out: it is a pronoun far more often than a count.
 */
export function extractNumbers(text: string): number[] {
  const tokens = (text.toLowerCase().replaceAll("-", " ").match(TOKEN_RE) ?? []).map((t) =>
    t.replaceAll(",", ""),
  );
  const values: number[] = [];
  let i = 0;
  while (i < tokens.length) {
    const parsed = readNumber(tokens, i);
    if (!parsed) {
      i++;
      continue;
    }
    if (!(parsed.words === 1 && tokens[i] === "one")) values.push(parsed.value);
    i += parsed.words;
  }
  return values;
}

/** Reads one number starting at tokens[i]: digits or number words, then any scale words. */
function readNumber(tokens: string[], i: number): { value: number; words: number } | null {
  const first = tokens[i];
  if (/^\d/.test(first)) return withScales(Number(first), tokens, i + 1, 1);
  if (!(first in UNITS)) return null;
  let total = 0;
  let current = 0;
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j];
    if (t in UNITS) current += UNITS[t];
    else if (t === "hundred") current = (current || 1) * 100;
    else if (t in SCALES && t !== "mn" && t !== "bn") {
      total += (current || 1) * SCALES[t];
      current = 0;
    } else if (t === "and" && j + 1 < tokens.length && tokens[j + 1] in UNITS && j > i) {
      // "two hundred and fifty": "and" joins parts of one number.
    } else break;
    j++;
  }
  return { value: total + current, words: j - i };
}

/** Multiplies a digit value by the scale words after it ("1.5 million", "3bn"). */
function withScales(
  value: number,
  tokens: string[],
  j: number,
  used: number,
): { value: number; words: number } {
  let v = value;
  let n = used;
  let k = j;
  while (k < tokens.length && tokens[k] in SCALES) {
    v *= SCALES[tokens[k]];
    k++;
    n++;
  }
  return { value: Math.round(v * 1e6) / 1e6, words: n };
}
