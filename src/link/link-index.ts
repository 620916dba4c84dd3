import type { EventDigest } from "../model/digest.ts";
import { digestFeatures, GROUP_WEIGHT, groupOf } from "./digest-features.ts";

/** An event digest in the index with its features. Indexing the event again updates this object in place. */
export interface IndexedDoc {
  digest: EventDigest;
  features: Map<string, number>;
  /** When it was indexed (the index's change count): postings made then are known to hold. */
  stamp: number;
  /** False once the event left the index (merged away, or out of the window). */
  live: boolean;
  /** Weights under the idf of a recent moment (see LinkIndex.vector). */
  cache?: DocVector;
  /** Scratch of `candidates`: the query that last scored this doc, and its partial overlap with it. */
  seenBy?: number;
  overlap?: number;
}

/** An event's feature weights, norms and strongest features, computed at index version `version`. */
export interface DocVector {
  version: number;
  weights: Map<string, number>;
  /** Squared norms over words and names, and over actors, places and theatres. */
  norms: [number, number];
  core: { f: string; w: number }[];
  /** All features, heaviest first (ties in feature order): the order retrieval probes them in. */
  ranked: { k: string; w: number }[];
}

// Weights are recomputed after this many changes to the index: idf over a window of hundreds of events barely
// moves in between, and recomputing them for every comparison dominated the cost of linking. 256 → 1024: the
// member-report index changes with every report, and refreshes were 5% of pipeline time; CEP links unchanged
// (2019–2022 0.612/0.362 → 0.611/0.363, 2022 0.582/0.266 → 0.582/0.267). 1024 → 4096: still 4% of the link
// thread; CEP links unchanged (2019–2022 0.624/0.390, 2022 0.628/0.357).
const REFRESH = 4096;
const CORE = 15;

/** Bounds of the link index: how far back it remembers and how much work one query may do. */
export interface LinkIndexOptions {
  windowDays: number;
  /** Most recent postings scanned per query feature. */
  maxPostings: number;
  /** Query features used for retrieval (the rarest ones). */
  maxQueryFeatures: number;
  /** Candidates returned per query. */
  maxCandidates: number;
}

/**
 * Defaults: a 30-day window; per event at most (10 word + 5 entity features) × 200 postings read and 24 candidates
 * scored (on CEP 2022, 40 candidates and 12 features gave the same links within 0.02 of each metric at twice the cost).
 */
export const DEFAULT_INDEX_OPTIONS: LinkIndexOptions = {
  windowDays: 30,
  maxPostings: 200,
  maxQueryFeatures: 10,
  maxCandidates: 24,
};

const DAY_MS = 86_400_000;

/**
 * A feature's entry: how many events in the window hold it (its document frequency), and those events, oldest
 * first, each with the stamp of the indexing that added it. One map lookup per feature finds both.
 */
// Postings hold the indexed objects, not ids: reading one needs no lookup of its event (which was most of the
// cost of retrieval, up to 900 postings per query).
interface Posting {
  df: number;
  docs: IndexedDoc[];
  stamps: number[];
  head: number;
}

/**
 * A windowed in-memory index of recent event digests: an inverted index from features to events, with
 * document frequencies over the window, so retrieval cost per event is bounded whatever the store holds.
 */
export class LinkIndex {
  readonly options: LinkIndexOptions;
  private readonly docs = new Map<number, IndexedDoc>();
  private readonly postings = new Map<string, Posting>();
  private queue: { id: number; stamp: number }[] = [];
  private queueHead = 0;
  /** Newest first report seen (stream time, ms): the window ends here, and an event stays while its last update is in it. */
  clock = 0;
  private version = 0;
  private queries = 0;
  private logSize = -1;
  private logN = 0;
  private readonly logHalf: number[] = [];

  constructor(options: Partial<LinkIndexOptions> = {}) {
    this.options = { ...DEFAULT_INDEX_OPTIONS, ...options };
  }

  /** Number of events in the window. */
  get size(): number {
    return this.docs.size;
  }

  /** The indexed digest of an event. */
  get(id: number): IndexedDoc | undefined {
    return this.docs.get(id);
  }

  /** Ids of all events in the window. */
  ids(): number[] {
    return [...this.docs.keys()];
  }

  /** Inverse document frequency of a feature over the window: ln((N + 1) / (df + 0.5)). */
  idf(key: string): number {
    const n = this.docs.size;
    if (n !== this.logSize) {
      this.logSize = n;
      this.logN = Math.log(n + 1);
    }
    const df = this.postings.get(key)?.df ?? 0;
    // ln(df + 0.5) from a table: the logarithm was a tenth of linking time when weights are refreshed.
    while (df >= this.logHalf.length) this.logHalf.push(Math.log(this.logHalf.length + 0.5));
    return this.logN - this.logHalf[df];
  }

  /** Weight of a feature with term frequency `tf`: group weight × log tf × idf. */
  weight(key: string, tf: number): number {
    return GROUP_WEIGHT[groupOf(key)] * (1 + Math.log(tf)) * this.idf(key);
  }

  /** Adds or replaces an event's digest (with its features when made elsewhere), then drops events that left the window. */
  upsert(digest: EventDigest, features: Map<string, number> = digestFeatures(digest)): IndexedDoc {
    const old = this.docs.get(digest.id);
    const stamp = ++this.version;
    const before = old?.features;
    let doc: IndexedDoc;
    if (old) {
      doc = old;
      doc.digest = digest;
      doc.features = features;
      doc.stamp = stamp;
      doc.cache = undefined;
    } else {
      doc = { digest, features, stamp, live: true };
      this.docs.set(digest.id, doc);
      this.queue.push({ id: digest.id, stamp: digest.lastUpdated });
    }
    for (const k of features.keys()) {
      if (before?.has(k)) continue;
      const p = this.postings.get(k);
      if (p) {
        p.df++;
        p.docs.push(doc);
        p.stamps.push(stamp);
      } else this.postings.set(k, { df: 1, docs: [doc], stamps: [stamp], head: 0 });
    }
    if (before) for (const k of before.keys()) if (!features.has(k)) this.decrement(k);
    this.clock = Math.max(this.clock, digest.time);
    this.evict();
    return doc;
  }

  /** Removes an event (merged away, or out of the window). */
  remove(id: number): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.version++;
    this.docs.delete(id);
    doc.live = false;
    for (const k of doc.features.keys()) this.decrement(k);
  }

  /**
   * Events sharing the query's rarest features and passing `accept` (e.g. earlier than the query), best first by
   * their partial weighted overlap: at most `maxQueryFeatures` × `maxPostings` postings are read, newest first.
   */
  candidates(query: IndexedDoc, accept: (doc: IndexedDoc) => boolean = () => true): number[] {
    const { maxQueryFeatures, maxPostings, maxCandidates } = this.options;
    // Features only this event has find nothing: the most weighted of those shared with at least one other event.
    const own = query === this.docs.get(query.digest.id) ? 1 : 0;
    // Words and names find the same story; actors, places and theatres find the same conflict: probe both.
    const words: { k: string; w: number }[] = [];
    const entities: { k: string; w: number }[] = [];
    const maxEntities = Math.ceil(maxQueryFeatures / 2);
    for (const f of this.vector(query).ranked) {
      if ((this.postings.get(f.k)?.df ?? 0) <= own) continue;
      if (!isEntity(f.k)) {
        if (words.length < maxQueryFeatures) words.push(f);
      } else if (entities.length < maxEntities) entities.push(f);
      if (words.length === maxQueryFeatures && entities.length === maxEntities) break;
    }
    const keys = [...words, ...entities];
    // Partial overlaps are kept on the docs themselves (a map per query was a third of retrieval's cost).
    const mark = ++this.queries;
    const touched: IndexedDoc[] = [];
    const self = query.digest.id;
    for (const { k, w } of keys) {
      const p = this.postings.get(k);
      if (!p) continue;
      const add = w * this.idf(k);
      // A list holds an event twice only after it lost and regained the feature; compaction removes it.
      for (let i = p.docs.length - 1, n = 0; i >= p.head && n < maxPostings; i--) {
        const doc = p.docs[i];
        if (doc.digest.id === self) continue;
        // A posting made by the doc's current indexing holds; an older one only if the feature was kept.
        if (!doc.live || (p.stamps[i] !== doc.stamp && !doc.features.has(k)) || !accept(doc)) continue;
        n++;
        if (doc.seenBy === mark) doc.overlap = (doc.overlap as number) + add;
        else {
          doc.seenBy = mark;
          doc.overlap = add;
          touched.push(doc);
        }
      }
    }
    return touched
      .sort((a, b) => (b.overlap as number) - (a.overlap as number) || b.digest.id - a.digest.id)
      .slice(0, maxCandidates)
      .map((d) => d.digest.id);
  }

  /** An event's weights, norms and strongest features, cached and refreshed every REFRESH index changes. */
  vector(doc: IndexedDoc): DocVector {
    const c = doc.cache;
    if (c && this.version - c.version < REFRESH) return c;
    const weights = new Map<string, number>();
    const norms: [number, number] = [0, 0];
    for (const [k, tf] of doc.features) {
      const w = this.weight(k, tf);
      weights.set(k, w);
      norms[isEntity(k) ? 1 : 0] += w * w;
    }
    const ranked = [...weights].map(([k, w]) => ({ k, w })).sort((a, b) => b.w - a.w);
    // The core: the CORE heaviest, ties by name. Only features as heavy as the CORE-th can be in it.
    let n = Math.min(CORE, ranked.length);
    while (n < ranked.length && ranked[n].w === ranked[n - 1].w) n++;
    const core = ranked
      .slice(0, n)
      .map(({ k, w }) => ({ f: k, w }))
      .sort((x, y) => y.w - x.w || (x.f < y.f ? -1 : 1))
      .slice(0, CORE);
    doc.cache = { version: this.version, weights, norms, core, ranked };
    return doc.cache;
  }

  /** Cosine similarities of two indexed events: over words and names, and over actors, places and theatres. */
  similarity(a: IndexedDoc, b: IndexedDoc): { text: number; entity: number } {
    const va = this.vector(a);
    const vb = this.vector(b);
    // The shorter side's features are looked up in the longer side's weights.
    const [short, long] = va.ranked.length <= vb.ranked.length ? [va, vb.weights] : [vb, va.weights];
    let words = 0;
    let entities = 0;
    for (const { k, w } of short.ranked) {
      const other = long.get(k);
      if (other === undefined) continue;
      if (isEntity(k)) entities += w * other;
      else words += w * other;
    }
    const dot = [words, entities];
    const cos = (g: 0 | 1) =>
      va.norms[g] && vb.norms[g] ? dot[g] / Math.sqrt(va.norms[g] * vb.norms[g]) : 0;
    return { text: cos(0), entity: cos(1) };
  }

  /**
   * How much of what each event is mostly about the other shares: for each side, the weight of its strongest
   * features found in the other, over the weight of those features; the mean of both sides. Unlike the cosine
   * it does not fall as reports get longer and carry more detail of their own.
   */
  coreOverlap(a: IndexedDoc, b: IndexedDoc): number {
    return (this.containment(a, b) + this.containment(b, a)) / 2;
  }

  /** An event's strongest features (at most 15) with their weights. */
  core(a: IndexedDoc): { f: string; w: number }[] {
    return this.vector(a).core;
  }

  private containment(a: IndexedDoc, b: IndexedDoc): number {
    let all = 0;
    let hit = 0;
    for (const { f, w } of this.vector(a).core) {
      all += w;
      if (b.features.has(f)) hit += w;
    }
    return all ? hit / all : 0;
  }

  private decrement(k: string): void {
    const p = this.postings.get(k);
    if (!p) return;
    if (--p.df > 0) this.compact(k, p);
    else this.postings.delete(k);
  }

  /** Drops dead postings at the front, and rewrites a list once half of it is dead. */
  private compact(k: string, p: Posting): void {
    // The head is dead when its doc left, or was indexed again without the feature (a posting of the doc's
    // current indexing always holds).
    while (p.head < p.docs.length) {
      const doc = p.docs[p.head];
      if (doc.live && (p.stamps[p.head] === doc.stamp || doc.features.has(k))) break;
      p.head++;
    }
    if (p.docs.length - p.head > 2 * p.df + 8) {
      // Live docs once each (the first entry of a doc that lost and regained the feature).
      const docs: IndexedDoc[] = [];
      const stamps: number[] = [];
      const seen = new Set<IndexedDoc>();
      for (let i = p.head; i < p.docs.length; i++) {
        const doc = p.docs[i];
        if (seen.has(doc) || !doc.live || !doc.features.has(k)) continue;
        seen.add(doc);
        docs.push(doc);
        stamps.push(p.stamps[i]);
      }
      p.docs = docs;
      p.stamps = stamps;
      p.head = 0;
    } else if (p.head > 64 && p.head > p.docs.length / 2) {
      p.docs = p.docs.slice(p.head);
      p.stamps = p.stamps.slice(p.head);
      p.head = 0;
    }
  }

  private evict(): void {
    const cutoff = this.clock - this.options.windowDays * DAY_MS;
    while (this.queueHead < this.queue.length) {
      const { id, stamp } = this.queue[this.queueHead];
      if (stamp >= cutoff) break;
      this.queueHead++;
      const doc = this.docs.get(id);
      if (!doc) continue;
      if (doc.digest.lastUpdated >= cutoff) this.queue.push({ id, stamp: doc.digest.lastUpdated });
      else this.remove(id);
    }
    if (this.queueHead > 1024 && this.queueHead > this.queue.length / 2) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
  }
}

function isEntity(key: string): boolean {
  const g = key[0];
  return g === "a" || g === "c" || g === "p" || g === "h";
}
