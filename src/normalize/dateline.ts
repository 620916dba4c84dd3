/** Datelines and wire credits that open a sentence: "TEHRAN (MPA) — ", "ISLAMABAD, Nov 12 (Reuters) - ". */
const DATELINE =
  /^(?:[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]{2,9}\.? \d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s+|\([A-Z]{2,10}\)\s*[—–-]\s*)/;

/** Removes a leading dateline or wire credit from a sentence. */
export function stripDateline(s: string): string {
  const out = s.replace(DATELINE, "");
  return out.length > 20 ? out : s;
}
