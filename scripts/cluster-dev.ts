/**
 * Development harness for the event clusterer: reads an NDJSON article file (gunzips .gz), feeds the
 * articles in published_at order (file order where null), then prints B-cubed P/R/F1 against the gold
 * `label`, the number of events and the clustering rate (first/last 10k rates on large files).
 *
 *   npx node scripts/cluster-dev.ts <file.ndjson[.gz]> [--param key=value]... [--half 0|1]
 *       [--gold label|story] [--no-refine] [--refine-every N] [--dump N]
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";
import { bcubed } from "../src/cluster/bcubed.ts";
import type { ClusterParams } from "../src/cluster/cluster-params.ts";
import { type ClusterDoc, EventClusterer } from "../src/cluster/event-clusterer.ts";

interface Row {
  id: string;
  title: string;
  text: string;
  source: string | null;
  published_at: string | null;
  label?: string | null;
  story?: string | null;
  syndicated_of?: string | null;
}

interface Options {
  file: string;
  params: Partial<ClusterParams>;
  half: number | null;
  gold: "label" | "story";
  refine: boolean;
  refineEvery: number;
  dump: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    file: "",
    params: {},
    half: null,
    gold: "label",
    refine: true,
    refineEvery: 0,
    dump: 0,
  };
  const rec = o.params as Record<string, number>;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--param") {
      const [k, v] = argv[++i].split("=");
      rec[k] = Number(v);
    } else if (a === "--half") o.half = Number(argv[++i]);
    else if (a === "--gold") o.gold = argv[++i] === "story" ? "story" : "label";
    else if (a === "--no-refine") o.refine = false;
    else if (a === "--refine-every") o.refineEvery = Number(argv[++i]);
    else if (a === "--dump") o.dump = Number(argv[++i]);
    else o.file = a;
  }
  if (!o.file) throw new Error("usage: cluster-dev.ts <file.ndjson[.gz]> [--param k=v] [--half 0|1]");
  return o;
}

/** FNV-1a, to split gold labels into two stable halves for cross-checks. */
function hashHalf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h & 1;
}

function readRows(file: string): Row[] {
  const raw = readFileSync(file);
  const text = (file.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
  return text
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as Row);
}

/** Publication order: stable by time; an undated row takes the time of the row before it. */
function publicationOrder(rows: Row[]): { row: Row; time: number | null }[] {
  let last = Number.NEGATIVE_INFINITY;
  const keyed = rows.map((row, i) => {
    const t = row.published_at ? Date.parse(row.published_at) : null;
    if (t !== null && !Number.isNaN(t)) last = t;
    return { row, time: t !== null && !Number.isNaN(t) ? t : null, key: last, i };
  });
  keyed.sort((a, b) => a.key - b.key || a.i - b.i);
  return keyed;
}

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  let rows = readRows(o.file);
  const goldOf = (r: Row): string | null => (o.gold === "story" ? r.story : r.label) ?? null;
  if (o.half !== null) rows = rows.filter((r) => goldOf(r) !== null && hashHalf(goldOf(r)!) === o.half);
  const ordered = publicationOrder(rows);
  const docs: ClusterDoc[] = ordered.map(({ row, time }) => ({
    id: row.id,
    title: row.title ?? "",
    text: row.text ?? "",
    time,
    outlet: row.source ?? null,
    syndicatedOf: row.syndicated_of ?? null,
  }));
  const c = new EventClusterer(o.params);
  const pred = new Map<string, number>();
  // CPU time (user + system) rather than wall time: the rate then holds on a shared, busy machine.
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const stamps: number[] = [];
  const redirects = new Map<number, number>();
  let merges = 0;
  let moves = 0;
  const refine = (): void => {
    const r = c.refine();
    for (const m of r.moves) for (const id of m.articleIds) pred.set(id, m.to);
    for (const m of r.merges) redirects.set(m.from, m.to);
    merges += r.merges.length;
    moves += r.moves.length;
  };
  const w0 = performance.now();
  const t0 = cpu();
  for (let i = 0; i < docs.length; i++) {
    pred.set(docs[i].id, c.add(docs[i]).eventId);
    if (o.refine && o.refineEvery > 0 && (i + 1) % o.refineEvery === 0) refine();
    stamps.push(cpu());
  }
  const tAdd = cpu();
  const wAdd = performance.now();
  if (o.refine) refine();
  const tEnd = cpu();
  // Final event of each article: its latest move, then merge redirects followed to the end.
  const resolve = (id: number): number => {
    let e = id;
    for (let next = redirects.get(e); next !== undefined; next = redirects.get(e)) e = next;
    return e;
  };
  for (const [id, ev] of pred) pred.set(id, resolve(ev));
  const gold = new Map<string, string>();
  for (const r of rows) if (goldOf(r) !== null) gold.set(r.id, goldOf(r)!);
  const n = docs.length;
  const events = new Set(pred.values()).size;
  const out: Record<string, unknown> = { file: o.file, half: o.half, docs: n, events };
  if (gold.size > 0) {
    const b = bcubed(pred, gold);
    Object.assign(out, {
      gold_events: new Set(gold.values()).size,
      precision: r3(b.precision),
      recall: r3(b.recall),
      f1: r3(b.f1),
    });
  }
  Object.assign(out, {
    merges,
    moves,
    docs_per_cpu_s: Math.round(n / ((tAdd - t0) / 1000)),
    docs_per_wall_s: Math.round(n / ((wAdd - w0) / 1000)),
    final_refine_cpu_ms: Math.round(tEnd - tAdd),
    active_events: c.eventIds().length,
    snapshot_kb: Math.round(JSON.stringify(c.snapshot()).length / 1024),
  });
  if (n >= 20_000) {
    const k = 10_000;
    out.first_10k_per_cpu_s = Math.round(k / ((stamps[k - 1] - t0) / 1000));
    out.last_10k_per_cpu_s = Math.round(k / ((stamps[n - 1] - stamps[n - 1 - k]) / 1000));
  }
  console.log(JSON.stringify(out, null, 1));
  if (o.dump > 0) dump(c, docs, pred, gold, o.dump);
}

function dump(
  c: EventClusterer,
  docs: ClusterDoc[],
  pred: Map<string, number>,
  gold: Map<string, string>,
  k: number,
): void {
  const byEvent = new Map<number, ClusterDoc[]>();
  for (const d of docs) {
    const e = pred.get(d.id)!;
    byEvent.set(e, [...(byEvent.get(e) ?? []), d]);
  }
  const ranked = [...byEvent.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]).slice(0, k);
  for (const [id, ds] of ranked) {
    const ents = c.event(id)?.topEntities.slice(0, 6).join(", ") ?? "";
    console.log(`\n#${id} (${ds.length}) [${ents}]`);
    for (const d of ds.slice(0, 8)) console.log(`  ${gold.get(d.id) ?? "-"}  ${d.title.slice(0, 100)}`);
  }
}

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main();
