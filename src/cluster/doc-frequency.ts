/** Serializable document-frequency table: document count and `[term, df]` pairs in key order. */
export interface DocFrequencySnapshot {
  docs: number;
  terms: [string, number][];
}

/**
 * Online document-frequency stats with a capped vocabulary. When the table outgrows its cap, the
 * rarest terms are dropped (they would get the maximum IDF again if seen, which is what a
 * rare term deserves anyway), so memory and snapshot size stay bounded on endless streams.
 */
export class DocFrequency {
  private df = new Map<string, number>();
  private docs = 0;
  private readonly cap: number;

  constructor(cap: number, snapshot?: DocFrequencySnapshot) {
    this.cap = cap;
    if (snapshot) {
      this.docs = snapshot.docs;
      for (const [term, n] of snapshot.terms) this.df.set(term, n);
    }
  }

  /** Counts one document containing each of the given keys once. */
  addDoc(keys: Iterable<string>): void {
    this.docs++;
    for (const k of keys) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    if (this.df.size > this.cap) this.prune();
  }

  /** Smoothed inverse document frequency, ln(1 + N / df), never below ln 2. */
  idf(key: string): number {
    const n = this.df.get(key) ?? 0;
    return Math.log(1 + this.docs / Math.max(1, n));
  }

  /** Number of documents containing `key`. */
  docsWith(key: string): number {
    return this.df.get(key) ?? 0;
  }

  /** Number of documents counted so far. */
  get count(): number {
    return this.docs;
  }

  /** Size of the vocabulary currently held. */
  get size(): number {
    return this.df.size;
  }

  /** JSON-serializable copy, terms sorted so that equal tables give equal snapshots. */
  snapshot(): DocFrequencySnapshot {
    const terms = [...this.df.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { docs: this.docs, terms };
  }

  private prune(): void {
    // Drop the lowest-df terms until the table is back to 3/4 of the cap (amortizes the sort).
    const target = Math.floor(this.cap * 0.75);
    const entries = [...this.df.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
    const drop = entries.length - target;
    for (let i = 0; i < drop; i++) this.df.delete(entries[i][0]);
  }
}
