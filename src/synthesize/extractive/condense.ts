/** Datelines and wire credits that open a sentence: "TEHRAN (MPA) — ", "ISLAMABAD, Nov 12 (Reuters) - ". */
const DATELINE =
  /^(?:[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]{2,9}\.? \d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s+|\([A-Z]{2,10}\)\s*[—–-]\s*)/;
/** Outlet suffixes in headlines: " - Reuters", " | The Gulf Courier". */
const HEADLINE_TAIL = /\s+[|–—-]\s+[^|–—-]{2,40}$/;
const HEADLINE_HEAD = /^(?:UPDATE \d+[-:]\s*|BREAKING:\s*|WATCH:\s*|LIVE:\s*|EXCLUSIVE[-:]\s*)/i;

/** Removes a leading dateline or wire credit from a sentence. */
export function stripDateline(s: string): string {
  const out = s.replace(DATELINE, "");
  return out.length > 20 ? out : s;
}

/** A headline without outlet suffix, wire prefix or final period. */
export function cleanHeadline(title: string): string {
  let t = title.trim().replace(HEADLINE_HEAD, "");
  if (HEADLINE_TAIL.test(t) && t.replace(HEADLINE_TAIL, "").length > 25) t = t.replace(HEADLINE_TAIL, "");
  return t.replace(/\s*[.。]+$/, "").replace(/\s+/g, " ");
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Ensures one final period. */
export function terminate(s: string): string {
  const t = s.trim().replace(/[,;:\s]+$/, "");
  return /[.!?"”’]$/.test(t) ? t : `${t}.`;
}
