import { tokenize } from "../normalize/sentences.ts";
import { bandKeys, minhash, similarity } from "./minhash.ts";

interface Entry {
  id: string;
  time: number;
  root: string;
  sig: Uint32Array;
  keys: string[];
}

/** JSON form of the index, for crash-safe persistence. */
export interface SyndicationSnapshot {
  entries: { id: string; time: number; root: string; sig: number[] }[];
}

/** Texts shorter than this are left to exact dedup: short summaries of different events look alike. */
const MIN_WORDS = 40;

/** The text syndication compares: headline and body. */
export function syndicationText(a: { title: string; text: string }): string {
  return `${a.title}\n${a.text}`;
}

/** The MinHash signature syndication compares, or null for a text too short to compare (pure: any thread). */
export function textSignature(text: string): Uint32Array | null {
  const tokens = tokenize(text);
  return tokens.length < MIN_WORDS ? null : minhash(tokens);
}

/** Finds syndicated copies (near-duplicate text, wire reprints) among recent articles with MinHash/LSH. */
export class SyndicationIndex {
  private readonly buckets = new Map<string, Entry[]>();
  private readonly entries: Entry[] = [];
  private readonly threshold: number;
  private readonly windowMs: number;

  constructor(options: { threshold: number; windowDays: number }) {
    this.threshold = options.threshold;
    this.windowMs = options.windowDays * 24 * 3600 * 1000;
  }

  /**
   * Id of the original this text copies (the earliest in its chain), or null; then remembers the text.
   * `signature` is textSignature(text) when already made (on the ingest's prepare thread).
   */
  check(id: string, text: string, time: number, signature?: Uint32Array | null): string | null {
    const sig = signature === undefined ? textSignature(text) : signature;
    if (!sig) return null;
    this.evict(time);
    const keys = bandKeys(sig);
    let best: Entry | null = null;
    let bestSim = 0;
    for (const k of keys)
      for (const e of this.buckets.get(k) ?? []) {
        if (e.id === id) continue;
        const s = similarity(sig, e.sig);
        if (s >= this.threshold && (s > bestSim || (s === bestSim && best && e.time < best.time))) {
          best = e;
          bestSim = s;
        }
      }
    const root = best ? best.root : id;
    this.add({ id, time, root, sig, keys });
    return best ? best.root : null;
  }

  /** Serializable state. */
  snapshot(): SyndicationSnapshot {
    return { entries: this.entries.map((e) => ({ id: e.id, time: e.time, root: e.root, sig: [...e.sig] })) };
  }

  /** Rebuilds an index from a snapshot. */
  static restore(
    options: { threshold: number; windowDays: number },
    snap: SyndicationSnapshot,
  ): SyndicationIndex {
    const idx = new SyndicationIndex(options);
    for (const e of snap.entries) {
      const sig = Uint32Array.from(e.sig);
      idx.add({ id: e.id, time: e.time, root: e.root, sig, keys: bandKeys(sig) });
    }
    return idx;
  }

  private add(e: Entry): void {
    this.entries.push(e);
    for (const k of e.keys) {
      const list = this.buckets.get(k);
      if (list) list.push(e);
      else this.buckets.set(k, [e]);
    }
  }

  private evict(now: number): void {
    const cutoff = now - this.windowMs;
    let n = 0;
    while (n < this.entries.length && this.entries[n].time < cutoff) n++;
    if (!n) return;
    for (const e of this.entries.splice(0, n))
      for (const k of e.keys) {
        const list = this.buckets.get(k);
        if (!list) continue;
        const rest = list.filter((x) => x !== e);
        if (rest.length) this.buckets.set(k, rest);
        else this.buckets.delete(k);
      }
  }
}
