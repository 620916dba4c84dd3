/** Outlet suffixes in headlines: " - Reuters", " | The Gulf Courier". */
const HEADLINE_TAIL = /\s+[|–—-]\s+[^|–—-]{2,40}$/;
const HEADLINE_HEAD = /^(?:UPDATE \d+[-:]\s*|BREAKING:\s*|WATCH:\s*|LIVE:\s*|EXCLUSIVE[-:]\s*)/i;

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
