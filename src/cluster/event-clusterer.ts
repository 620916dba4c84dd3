import { ActiveEvents } from "./active-events.ts";
import { analyzeText } from "./analyze-text.ts";
import { type ClusterParams, clusterParamsSchema, HOUR } from "./cluster-params.ts";
import {
  type ClusterSnapshot,
  clusterSnapshotSchema,
  eventFromSnapshot,
  eventToSnapshot,
} from "./cluster-snapshot.ts";
import { DocFrequency } from "./doc-frequency.ts";
import { docVector } from "./doc-vector.ts";
import { type ClusterEventState, type EventData, eventView } from "./event-data.ts";
import { NAME_PREFIX } from "./feature-groups.ts";
import { maxTime } from "./merge-events.ts";
import { type MergeRedirect, mergePass } from "./merge-pass.ts";
import { reassignPass } from "./reassign-pass.ts";
import { balancedCosine, compactVector, groupDots, jointCosine, type SparseVector } from "./sparse-vector.ts";
import { type SplitResult, splitPass } from "./split-pass.ts";
import { stem } from "./stem.ts";

export type { ClusterSnapshot } from "./cluster-snapshot.ts";
export type { ClusterEventState } from "./event-data.ts";
export type { MergeRedirect } from "./merge-pass.ts";
export type { SplitResult } from "./split-pass.ts";

/** One article as the clusterer needs it. */
export interface ClusterDoc {
  id: string;
  title: string;
  text: string;
  /** Publication time, ms epoch; null when unknown. */
  time: number | null;
  outlet: string | null;
  /** Id of the article this one is a syndicated copy of, or null. */
  syndicatedOf: string | null;
}

/** Where an article went: its event, whether that event is new, and the best similarity found (1 for a syndicated copy). */
export interface Assignment {
  eventId: number;
  isNew: boolean;
  score: number;
}

/** Share of a word's documents that write it as a name before Headline Case occurrences count as names too. */
const NAME_SHARE = 0.3;

/**
 * Online event clustering in publication order. Each article joins the most similar active event
 * (IDF-weighted words, names, numbers and dates, discounted by time distance) or starts a new one
 * with the next integer id; refine() later merges fragments, splits drifted events and moves
 * misplaced articles. Deterministic: the same articles in the same order give the same ids, also
 * across snapshot/restore.
 */
export class EventClusterer {
  /** The validated parameters in force. */
  readonly params: ClusterParams;
  /** @internal The active events; the passes work on it. */
  readonly active: ActiveEvents;
  private df: DocFrequency;
  private seq = 0;
  private clock: number | null = null;
  private lastEviction: number | null = null;

  constructor(params: Partial<ClusterParams> = {}) {
    this.params = Object.freeze(clusterParamsSchema.parse(params));
    this.active = new ActiveEvents(this.params);
    this.df = new DocFrequency(this.params.dfVocabulary);
  }

  /** Restores a clusterer from `snapshot()` output; it then continues exactly as the original would. */
  static restore(params: Partial<ClusterParams>, snapshot: unknown): EventClusterer {
    const s = clusterSnapshotSchema.parse(snapshot);
    const c = new EventClusterer(params);
    c.df = new DocFrequency(c.params.dfVocabulary, s.df);
    c.active.nextId = s.nextId;
    c.seq = s.seq;
    c.clock = s.clock;
    c.lastEviction = s.lastEviction;
    for (const es of s.events) c.active.install(eventFromSnapshot(es), es.indexKeys);
    for (const id of s.dirty) if (c.active.events.has(id)) c.active.dirty.add(id);
    return c;
  }

  /** Assigns one article (in publication order) to an event. Re-adding a known article is a no-op. */
  add(doc: ClusterDoc): Assignment {
    const a = this.active;
    const known = a.articleEvent.get(doc.id);
    if (known !== undefined) return { eventId: known, isNew: false, score: 1 };
    const seq = ++this.seq;
    if (doc.time !== null) this.clock = maxTime(this.clock, doc.time);
    this.evictStale();
    const features = analyzeText(doc.title, doc.text, this.params.titleWeight, this.knownName);
    this.df.addDoc(features.tf.keys());
    const vec = docVector(features, this.df, this.params);
    const body = doc.text.length >= this.params.bodyRichChars;
    let target: EventData | undefined;
    let score = 1;
    const original = doc.syndicatedOf === null ? undefined : a.articleEvent.get(doc.syndicatedOf);
    // A syndicated copy is the same report: it follows its original without being scored.
    if (original !== undefined) target = a.events.get(original);
    else {
      [target, score] = this.bestEvent(vec, doc.time, body);
      if (score < (body ? this.params.bodyThreshold : this.params.threshold)) target = undefined;
    }
    const event = target ?? a.create();
    const entities = [...features.entityLabels.values()];
    const syndicated = doc.syndicatedOf !== null;
    const stored = compactVector(vec, this.params.docFeatures);
    a.attach(event, {
      id: doc.id,
      time: doc.time,
      outlet: doc.outlet,
      syndicated,
      body,
      vec: stored,
      entities,
    });
    event.lastActive = maxTime(event.lastActive, doc.time ?? this.clock);
    event.lastSeq = seq;
    a.evictOverflow(this.params.maxActiveEvents);
    return { eventId: event.id, isNew: target === undefined, score };
  }

  /** Adds articles in order, then refines; returns assignments, redirects and moved articles. */
  addBatch(docs: readonly ClusterDoc[]): {
    assignments: Assignment[];
    merges: MergeRedirect[];
    moves: SplitResult[];
  } {
    const assignments = docs.map((d) => this.add(d));
    return { assignments, ...this.refine() };
  }

  /** Joins fragments of one event (the smaller redirects to the larger); returns the redirects. */
  mergePass(): MergeRedirect[] {
    return mergePass(this.active);
  }

  /**
   * Splits events whose members drifted into two dissimilar groups (the smaller group gets a new id),
   * then moves single articles that now fit another event better; returns every move.
   */
  splitPass(): SplitResult[] {
    return [...splitPass(this.active), ...reassignPass(this.active)];
  }

  /**
   * Periodic maintenance, deterministic: merge fragments, split drifted events and move misplaced
   * articles, then merge again. Looks only at events changed since the last call; call it after
   * each batch and before evaluating.
   */
  refine(): { merges: MergeRedirect[]; moves: SplitResult[] } {
    const a = this.active;
    const merges = this.mergePass();
    const due = a.dueIds();
    const moves = this.splitPass();
    for (const id of due) {
      const e = a.events.get(id);
      if (e) e.checkedSize = e.members.length;
    }
    merges.push(...this.mergePass());
    a.dirty.clear();
    return { merges, moves };
  }

  /** The active event with this id (following merge redirects), or undefined once evicted. */
  event(id: number): ClusterEventState | undefined {
    const e = this.active.events.get(this.resolve(id));
    return e ? eventView(e, this.params.topEntities) : undefined;
  }

  /** Active event ids, ascending. */
  eventIds(): number[] {
    return this.active.ids();
  }

  /** Follows merge redirects to the id of the active event holding `id`'s members. */
  resolve(id: number): number {
    return this.active.resolve(id);
  }

  /** Similarity discount for a time gap: halves every `halfLifeHours`; 1 when either time is unknown. */
  decay(gapMs: number | null): number {
    return this.active.decay(gapMs);
  }

  /** JSON-serializable state: active events and DF stats (bounded by the window and vocabulary cap). */
  snapshot(): ClusterSnapshot {
    const a = this.active;
    return {
      version: 1,
      nextId: a.nextId,
      dirty: a.dirtyIds(),
      seq: this.seq,
      clock: this.clock,
      lastEviction: this.lastEviction,
      df: this.df.snapshot(),
      events: a.ids().map((id) => eventToSnapshot(a.events.get(id)!, a.index.keysFor(id))),
    };
  }

  /** A word the stream mostly writes capitalized mid-sentence (a name), judged from the DF table. */
  private knownName = (lower: string): boolean => {
    const asName = this.df.docsWith(`${NAME_PREFIX}${lower}`);
    return asName >= 2 && asName >= NAME_SHARE * this.df.docsWith(stem(lower));
  };

  private bestEvent(vec: SparseVector, time: number | null, body: boolean): [EventData | undefined, number] {
    const a = this.active;
    let best: EventData | undefined;
    let bestScore = 0;
    for (const id of a.index.candidates(vec, this.params.indexFeatures, this.params.maxCandidates)) {
      const e = a.events.get(id)!;
      const { dots, norms } = groupDots(vec, e.centroid);
      const sim = body ? balancedCosine(dots, norms, e.norms) : jointCosine(dots, norms, e.norms);
      const s = sim * a.decay(a.gap(time, e));
      if (s > bestScore || (s === bestScore && best !== undefined && id < best.id)) {
        best = e;
        bestScore = s;
      }
    }
    return [best, bestScore];
  }

  private evictStale(): void {
    const window = this.params.windowHours * HOUR;
    // Scanning every 1/8 window keeps eviction amortized O(1) per article and at most 12.5% late.
    if (this.clock === null) return;
    if (this.lastEviction !== null && this.clock - this.lastEviction < window / 8) return;
    this.lastEviction = this.clock;
    this.active.evictBefore(this.clock - window);
  }
}
