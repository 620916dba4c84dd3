/** Article metadata found in an HTML page's head and JSON-LD. */
export interface HtmlMeta {
  title: string | null;
  publishedAt: string | null;
  outlet: string | null;
  author: string | null;
  language: string | null;
  /** `<link rel=canonical>` as written (may be relative). */
  canonicalUrl: string | null;
  /** og:url or JSON-LD url, absolute by convention. */
  pageUrl: string | null;
}

interface DocLike {
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
  querySelector(selector: string): ElementLike | null;
  documentElement: ElementLike | null;
}
interface ElementLike {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
type Json = Record<string, unknown>;

const ARTICLE_TYPES = /Article|BlogPosting|Report|WebPage|LiveBlogPosting/;
// Names seen on news sites for the publication date, in order of trust.
const DATE_METAS = [
  "article:published_time",
  "og:published_time",
  "datepublished",
  "date",
  "pubdate",
  "publishdate",
  "publish-date",
  "publication_date",
  "dc.date.issued",
  "dc.date",
  "dcterms.created",
  "dcterms.issued",
  "sailthru.date",
  "parsely-pub-date",
  "article.published",
  "cxenseparse:recs:publishtime",
];
const LATE_DATE_METAS = ["article:modified_time", "og:updated_time", "datemodified", "last-modified"];

function isJson(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  if (typeof v === "string" && v.trim()) return v.trim();
  if (Array.isArray(v)) return str(v[0]);
  if (isJson(v)) return str(v.name ?? v["@value"]);
  return null;
}

function flatten(value: unknown, out: Json[]): void {
  if (Array.isArray(value)) for (const v of value) flatten(v, out);
  else if (isJson(value)) {
    out.push(value);
    if (value["@graph"]) flatten(value["@graph"], out);
  }
}

/** JSON-LD objects that describe the article (bad JSON blocks are skipped). */
function jsonLdArticle(doc: DocLike): Json | null {
  const nodes: Json[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      flatten(JSON.parse(scripts[i].textContent ?? ""), nodes);
    } catch {
      // broken JSON-LD is common; the meta tags still count
    }
  }
  const typed = nodes.filter((n) => ARTICLE_TYPES.test(String(n["@type"] ?? "")));
  return typed.find((n) => n.datePublished) ?? typed[0] ?? nodes.find((n) => n.datePublished) ?? null;
}

function metaMap(doc: DocLike): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.querySelectorAll("meta[content]");
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const key = (m.getAttribute("property") ?? m.getAttribute("name") ?? m.getAttribute("itemprop") ?? "")
      .trim()
      .toLowerCase();
    const content = m.getAttribute("content")?.trim();
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

function timeElementDate(doc: DocLike): string | null {
  const el =
    doc.querySelector("time[pubdate][datetime]") ??
    doc.querySelector('[itemprop="datePublished"][datetime]') ??
    doc.querySelector("article time[datetime]") ??
    doc.querySelector("time[datetime]");
  return el?.getAttribute("datetime")?.trim() || null;
}

/** Title, date, outlet, author, language and canonical URL from JSON-LD, meta tags and <time>. */
export function extractHtmlMeta(doc: DocLike): HtmlMeta {
  const ld = jsonLdArticle(doc);
  const meta = metaMap(doc);
  const pick = (keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v) ?? null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href")?.trim();
  return {
    title: pick(["og:title"]) ?? str(ld?.headline) ?? pick(["twitter:title"]),
    publishedAt:
      str(ld?.datePublished) ??
      pick(DATE_METAS) ??
      timeElementDate(doc) ??
      str(ld?.dateModified) ??
      pick(LATE_DATE_METAS),
    outlet: pick(["og:site_name"]) ?? str(ld?.publisher) ?? pick(["application-name"]),
    author: str(ld?.author) ?? pick(["author", "article:author", "byl"]),
    language:
      doc.documentElement?.getAttribute("lang")?.trim() ||
      (pick(["content-language", "og:locale"]) ?? str(ld?.inLanguage)),
    canonicalUrl: canonical || null,
    pageUrl: pick(["og:url"]) ?? str(ld?.url),
  };
}
