// Validates the bundled demo corpus (demo/articles.ndjson) and prints a summary.
// Run: npx node demo/validate.ts [path/to/articles.ndjson]
import { readFileSync } from "node:fs";
import { join } from "node:path";

const MIN_ARTICLES = 80;
const MIN_OUTLETS = 15;
const MIN_SPAN_DAYS = 21;
const MIN_THEATRES = 3;
const REQUIRED = [
  "id",
  "title",
  "text",
  "url",
  "source",
  "published_at",
  "label",
  "story",
  "theater",
] as const;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

interface Article {
  id: string;
  title: string;
  text: string;
  url: string;
  source: string;
  published_at: string;
  label: string;
  story: string;
  theater: string;
}

const path = process.argv[2] ?? join(import.meta.dirname, "articles.ndjson");
const errors: string[] = [];
const warnings: string[] = [];
const articles: Article[] = [];

const lines = readFileSync(path, "utf8").split("\n");
lines.forEach((line, i) => {
  const where = `line ${i + 1}`;
  if (line.trim() === "") {
    if (i !== lines.length - 1) warnings.push(`${where}: blank line`);
    return;
  }
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    errors.push(`${where}: invalid JSON (${(e as Error).message})`);
    return;
  }
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) {
    errors.push(`${where}: not a JSON object`);
    return;
  }
  const rec = obj as Record<string, unknown>;
  const missing = REQUIRED.filter((k) => typeof rec[k] !== "string" || (rec[k] as string).trim() === "");
  if (missing.length > 0) {
    errors.push(`${where}: missing or empty field(s): ${missing.join(", ")}`);
    return;
  }
  const a = rec as unknown as Article;
  if (!ISO_UTC.test(a.published_at) || Number.isNaN(Date.parse(a.published_at))) {
    errors.push(`${where} (${a.id}): published_at is not an ISO-8601 UTC timestamp: ${a.published_at}`);
  }
  try {
    const u = new URL(a.url);
    if (!u.hostname.endsWith(".example")) errors.push(`${where} (${a.id}): url is not on a .example domain`);
  } catch {
    errors.push(`${where} (${a.id}): url is not a valid URL`);
  }
  const paragraphs = a.text.split("\n\n").filter((p) => p.trim() !== "");
  if (paragraphs.length < 3) warnings.push(`${where} (${a.id}): only ${paragraphs.length} paragraph(s)`);
  articles.push(a);
});

// uniqueness and order
const seen = (key: (a: Article) => string, what: string): void => {
  const s = new Set<string>();
  for (const a of articles) {
    const k = key(a);
    if (s.has(k)) errors.push(`duplicate ${what}: ${k}`);
    s.add(k);
  }
};
seen((a) => a.id, "id");
seen((a) => a.url, "url");
for (let i = 1; i < articles.length; i++) {
  if (articles[i].published_at < articles[i - 1].published_at) {
    errors.push(`not sorted by published_at: ${articles[i - 1].id} then ${articles[i].id}`);
  }
}

// aggregates
const count = <K>(items: K[]): Map<K, number> => {
  const m = new Map<K, number>();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};
const outlets = count(articles.map((a) => a.source));
const theatres = count(articles.map((a) => a.theater));
const events = count(articles.map((a) => a.label));
const times = articles.map((a) => Date.parse(a.published_at)).filter((t) => !Number.isNaN(t));
const first = new Date(Math.min(...times));
const last = new Date(Math.max(...times));
const spanDays = (last.getTime() - first.getTime()) / 86_400_000;

// every event belongs to exactly one theatre and one story
const eventTheatre = new Map<string, Set<string>>();
for (const a of articles) {
  const s = eventTheatre.get(a.label) ?? new Set<string>();
  s.add(`${a.theater} / ${a.story}`);
  eventTheatre.set(a.label, s);
}
for (const [label, s] of eventTheatre) {
  if (s.size > 1) errors.push(`event ${label} has several theatre/story values: ${[...s].join("; ")}`);
}

// syndicated copies: same body opening under different outlets
const byOpening = new Map<string, Article[]>();
for (const a of articles) {
  const key = a.text.slice(0, 200);
  byOpening.set(key, [...(byOpening.get(key) ?? []), a]);
}
const syndicated = [...byOpening.values()].filter((g) => g.length > 1);
for (const g of syndicated) {
  if (new Set(g.map((a) => a.label)).size > 1)
    errors.push(`syndicated copies with different labels: ${g.map((a) => a.id)}`);
}

if (articles.length < MIN_ARTICLES) errors.push(`only ${articles.length} articles (need >= ${MIN_ARTICLES})`);
if (outlets.size < MIN_OUTLETS) errors.push(`only ${outlets.size} outlets (need >= ${MIN_OUTLETS})`);
if (spanDays < MIN_SPAN_DAYS) errors.push(`span ${spanDays.toFixed(1)} days (need >= ${MIN_SPAN_DAYS})`);
if (theatres.size < MIN_THEATRES) errors.push(`only ${theatres.size} theatres (need >= ${MIN_THEATRES})`);

// summary
const sizes = [...events.values()];
const perEvent = count(sizes);
console.log(`Demo corpus: ${path}`);
console.log(`  articles:   ${articles.length}`);
console.log(`  outlets:    ${outlets.size}`);
console.log(
  `  events:     ${events.size} (articles per event: ${[...perEvent.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([n, c]) => `${n}x${c}`)
    .join(", ")})`,
);
console.log(`  theatres:   ${theatres.size}`);
console.log(`  date range: ${first.toISOString()} .. ${last.toISOString()} (${spanDays.toFixed(1)} days)`);
console.log(
  `  syndicated: ${syndicated.length} wire stories reprinted, ${syndicated.reduce((n, g) => n + g.length - 1, 0)} copies`,
);
console.log("  by theatre:");
for (const [t, n] of [...theatres.entries()].sort((a, b) => b[1] - a[1])) {
  const ev = new Set(articles.filter((a) => a.theater === t).map((a) => a.label)).size;
  console.log(`    ${t.padEnd(26)} ${String(n).padStart(3)} articles, ${String(ev).padStart(2)} events`);
}
console.log("  by outlet:");
for (const [o, n] of [...outlets.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
  console.log(`    ${o.padEnd(32)} ${String(n).padStart(3)}`);
}
for (const w of warnings) console.log(`WARN  ${w}`);
for (const e of errors) console.log(`ERROR ${e}`);
console.log(errors.length === 0 ? "OK" : `FAILED (${errors.length} error(s))`);
process.exitCode = errors.length === 0 ? 0 : 1;
