// API latency benchmark: builds a store of synthetic-but-plausible events (default 20,000) through the store API,
// starts `sitrep serve` on it in a child process, and runs autocannon (100 connections, 10 s) against the feed
// (/api/events) and event detail (/api/events/:id). Prints p50/p99 latency and requests/s; goal p99 < 50 ms.
// Usage: npx node bench/api-latency.ts [--events 20000] [--seconds 10] [--connections 100] [--db path] [--fresh]
// The store is kept in .tmp/bench-api-<events>.db and reused by later runs unless --fresh is given.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import type { Actor } from "../src/model/actor.ts";
import type { Article } from "../src/model/article.ts";
import { type EventRecord, PLOVER_TYPES, type SitrepEvent } from "../src/model/event.ts";
import { RELATION_TYPES } from "../src/model/link.ts";
import { openStore, type Store } from "../src/store/store.ts";

const { values: opts } = parseArgs({
  options: {
    events: { type: "string", default: "20000" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "100" },
    db: { type: "string" },
    fresh: { type: "boolean", default: false },
  },
});
const N = Number(opts.events);
const DB = opts.db ?? join(".tmp", `bench-api-${N}.db`);

const COUNTRIES: [string, string][] = [
  ["IRN", "Iran"],
  ["USA", "United States"],
  ["ISR", "Israel"],
  ["RUS", "Russia"],
  ["UKR", "Ukraine"],
  ["SDN", "Sudan"],
  ["COD", "DR Congo"],
  ["RWA", "Rwanda"],
  ["PAK", "Pakistan"],
  ["TUR", "Turkey"],
  ["QAT", "Qatar"],
  ["LBN", "Lebanon"],
  ["ARE", "United Arab Emirates"],
  ["CHN", "China"],
  ["TWN", "Taiwan"],
];
const THEATRES = ["iran-israel", "russia-ukraine", "sudan", "drc-m23", "china-taiwan"];
const OUTLETS = [
  "Meridian Press Agency",
  "The Gulf Courier",
  "Continental Wire Service",
  "Kyiv Sentinel",
  "The Atlantic Ledger",
  "Nile Valley Tribune",
];
const VERBS = [
  "warns",
  "rejects",
  "accuses",
  "meets",
  "sanctions",
  "strikes",
  "agrees with",
  "calls on",
  "deploys troops near",
  "hosts talks with",
];

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const actorOf = ([id, name]: [string, string]): Actor => ({
  id,
  name,
  kind: "country",
  country: id,
  code: id,
  sector: null,
  role: null,
  organization: null,
  stateMedia: false,
});

async function fill(store: Store): Promise<void> {
  const start = Date.parse("2024-01-01T00:00:00Z");
  const span = 2 * 365 * 86_400_000;
  let seq = 0;
  for (let base = 1; base <= N; base += 1000) {
    await store.transaction(async (tx) => {
      for (let id = base; id < Math.min(base + 1000, N + 1); id++) {
        const t0 = start + Math.floor(((id - 1) / N) * span);
        const a = pick(COUNTRIES);
        const b = pick(COUNTRIES);
        const title = `${a[1]} ${pick(VERBS)} ${b[1]} over ${pick(["border", "ceasefire", "sanctions", "shipping", "prisoners", "airspace"])} (${id})`;
        const n = 1 + Math.floor(rand() * 4);
        const articles: Article[] = Array.from({ length: n }, (_, k) => {
          const s = [
            `${title}, officials said on ${new Date(t0).toUTCString().slice(0, 16)}.`,
            `The move follows weeks of tension between ${a[1]} and ${b[1]}.`,
            `Analysts said it could shift the balance in the region.`,
          ];
          return {
            id: `b${id}-${k}`,
            sourceId: "src_bench",
            externalId: null,
            url: `https://bench.example/${id}/${k}`,
            canonicalUrl: `https://bench.example/${id}/${k}`,
            title: k ? `${title} — ${pick(OUTLETS)} report` : title,
            text: s.join(" "),
            outlet: pick(OUTLETS),
            language: "en",
            publishedAt: new Date(t0 + k * 3_600_000).toISOString(),
            dateEstimated: false,
            fetchedAt: new Date(t0).toISOString(),
            contentHash: `h${id}-${k}`,
            syndicatedOf: null,
            sentences: s,
            eventId: id,
            seq: ++seq,
            gold: null,
          };
        });
        const event: SitrepEvent = {
          id,
          redirectTo: null,
          firstSeen: articles[0].publishedAt,
          lastUpdated: articles[n - 1].publishedAt,
          articleCount: n,
          sourceCount: n,
          topEntities: [a[1], b[1]],
          record: null,
        };
        await tx.articles.insertArticles(articles);
        await tx.events.upsertEvents([event]);
        const intensity = Math.round((rand() * 20 - 10) * 10) / 10;
        const record: EventRecord = {
          title,
          summary: [
            { text: articles[0].sentences[0], support: [{ articleId: articles[0].id, sentence: 0 }] },
          ],
          significance: {
            text: articles[0].sentences[2],
            support: [{ articleId: articles[0].id, sentence: 2 }],
          },
          content: articles.map((x) => x.text).join("\n\n"),
          responses: [a, b]
            .filter((x, i, xs) => xs.findIndex((y) => y[0] === x[0]) === i)
            .map((x) => ({
              actorId: x[0],
              actorName: x[1],
              text: `${x[1]} commented on the ${pick(["move", "talks", "strike"])}.`,
              support: [{ articleId: articles[0].id, sentence: 1 }],
            })),
          type: pick(PLOVER_TYPES),
          intensity,
          direction: intensity < 0 ? "escalating" : "de-escalating",
          location: null,
          theatres: [pick(THEATRES)],
          engine: "bench",
          fallbacks: [],
        };
        await tx.events.saveRecord(id, record, [actorOf(a), actorOf(b)]);
        await tx.events.addChanges([
          {
            eventId: id,
            change: { at: event.firstSeen, kind: "created", detail: `first report — ${title}` },
          },
        ]);
        if (id > 10)
          await tx.links.replaceLinksFrom(
            id,
            [1, 2, 3].map((d) => ({
              fromEvent: id,
              toEvent: id - d * (1 + Math.floor(rand() * 3)),
              type: pick(RELATION_TYPES),
              confidence: 0.5 + rand() / 2,
              explanation: `Follows the earlier ${pick(["talks", "strike", "statement"])} between the same actors.`,
              evidence: {
                sharedActors: [a[0]],
                sharedPlaces: [],
                cues: [],
                intensityChange: null,
                textSimilarity: rand(),
              },
            })),
            event.lastUpdated,
          );
      }
    });
  }
}

function serve(db: string): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    // Through the launcher, as `npx sitrep serve` runs (it starts Node with the server's heap settings).
    const child = spawn(process.execPath, ["bin/sitrep.js", "--db", db, "serve", "--port", "0"], {
      env: { ...process.env, SITREP_LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.on("data", (d: Buffer) => {
      const m = /serving on (\S+)/.exec(d.toString());
      if (m) resolve({ url: m[1], stop: () => child.kill("SIGTERM") });
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function run(name: string, url: string, paths: () => string) {
  const result = await autocannon({
    url,
    connections: Number(opts.connections),
    duration: Number(opts.seconds),
    requests: [{ setupRequest: (req) => ({ ...req, path: paths() }) }],
  });
  const ok = result.non2xx === 0 && result.errors === 0;
  console.log(
    `${name.padEnd(34)} p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   ${Math.round(result.requests.average)} req/s   ${result.requests.total} requests${ok ? "" : `   (${result.non2xx} non-2xx, ${result.errors} errors)`}`,
  );
  return result;
}

if (opts.fresh) for (const f of [DB, `${DB}-wal`, `${DB}-shm`]) rmSync(f, { force: true });
mkdirSync(dirname(DB), { recursive: true });
{
  const t = Date.now();
  const store = await openStore(DB);
  if ((await store.events.countEvents()) < N) await fill(store);
  console.log(
    `store: ${await store.events.countEvents()} events, ${await store.articles.countArticles()} articles, ${await store.links.countLinks()} links in ${((Date.now() - t) / 1000).toFixed(1)} s (${DB})`,
  );
  await store.close();
}
const server = await serve(DB);
try {
  // Warm-up (JIT, the OS's file cache) so the first measured route does not pay for it. Its URLs carry a query
  // the routes ignore, so the server's response cache (keyed by URL) holds none of the responses measured below.
  await autocannon({
    url: server.url,
    connections: 10,
    duration: 3,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          path: `${Math.random() < 0.5 ? "/api/events" : `/api/events/${1 + Math.floor(Math.random() * N)}`}?warmup=1`,
        }),
      },
    ],
  });
  // Uniformly over all events first, so the response cache starts with no event page in it: hits are only
  // pages this run asked for before (at most 5,000 of 20,000 are kept).
  await run(
    "GET /api/events/:id (any of all)",
    server.url,
    () => `/api/events/${1 + Math.floor(Math.random() * N)}`,
  );
  await run("GET /api/events (feed, 50 rows)", server.url, () => "/api/events");
  await run("GET /api/events?theatre=sudan", server.url, () => "/api/events?theatre=sudan&limit=50");
  await run(
    "GET /api/events/:id (recent 1,000)",
    server.url,
    () => `/api/events/${N - Math.floor(Math.random() * 1000)}`,
  );
} finally {
  server.stop();
}
