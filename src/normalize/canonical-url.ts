/** Query parameters that only track the reader and never change the article. */
const TRACKING =
  /^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ocid|cmpid|ref|ref_src|ref_url|smid|smtyp|share|spm|at_medium|at_campaign|guccounter|rss|cid|s_cid|taid|sr_share|mbid|wt_mc|__twitter_impression)$/i;

/** Canonical form of an article URL: lowercase scheme and host, no fragment, default port, tracking params stripped, params sorted. Null when not an http(s) URL. */
export function canonicalUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  u.hash = "";
  u.username = "";
  u.password = "";
  const kept = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k));
  kept.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  u.search = new URLSearchParams(kept).toString();
  let s = u.toString();
  if (u.pathname !== "/" && s.endsWith("/") && !u.search) s = s.slice(0, -1);
  return s;
}
