import { analyzeText, type TextFeatures } from "./analyze-text.ts";
import { CandidateIndex } from "./candidate-index.ts";
import { type ClusterParams, clusterParamsSchema, HOUR } from "./cluster-params.ts";
import {
  type ClusterSnapshot,
  clusterSnapshotSchema,
  eventFromSnapshot,
  eventToSnapshot,
} from "./cluster-snapshot.ts";
import { DocFrequency } from "./doc-frequency.ts";
import { docVector } from "./doc-vector.ts";
import {
  addToCentroid,
  type ClusterEventState,
  capCentroid,
  countNames,
  type EventData,
  emptyNorms,
  eventView,
  isDueForReview,
  type MemberData,
} from "./event-data.ts";
import { NAME_PREFIX } from "./feature-groups.ts";
import { maxTime, minTime } from "./merge-events.ts";
import { type MergeRedirect, mergePass } from "./merge-pass.ts";
import { reassignPass } from "./reassign-pass.ts";
import { balancedCosine, groupDots, jointCosine, type SparseVector } from "./sparse-vector.ts";
import { type SplitResult, splitPass } from "./split-pass.ts";
import { stem } from "./stem.ts";

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

/** Where an article went: its event, whether that event is new, and the winning similarity. */
export interface Assignment {
  eventId: number;
  isNew: boolean;
  score: number;
}

const ENTITY_CAP = 200;
/** Share of a word's documents that write it as a name before Headline Case occurrences count as names too. */
const NAME_SHARE = 0.3;

/**
 * Online event clustering in publication order. Each article joins the most similar active event
 * (IDF-weighted words, names and numbers, discounted by time distance) or starts a new one with the
 * next integer id; merge and split passes repair fragments and drift later. Deterministic: the same
 * articles in the same order give the same ids, also across snapshot/restore.
 */
export class EventClusterer {
  /** The validated parameters in force. */
  readonly params: ClusterParams;
  /** @internal Active events by id. */
  events = new Map<number, EventData>();
  /** @internal */
  index = new CandidateIndex();
  /** @internal Article id → active event id. */
  articleEvent = new Map<string, number>();
  /** @internal Merged-away id → active event id. */
  redirects = new Map<number, number>();
  /** @internal */
  nextId = 1;
  /** @internal Events changed since the last refine (the only ones refine looks at). */
  dirty = new Set<number>();
  private df: DocFrequency;
  private seq = 0;
  private clock: number | null = null;
  private lastEviction: number | null = null;

  constructor(params: Partial<ClusterParams> = {}) {
    this.params = Object.freeze(clusterParamsSchema.parse(params));
    this.df = new DocFrequency(this.params.dfVocabulary);
  }

  /** Restores a clusterer from `snapshot()` output; it then continues exactly as the original would. */
  static restore(params: Partial<ClusterParams>, snapshot: unknown): EventClusterer {
    const s = clusterSnapshotSchema.parse(snapshot);
    const c = new EventClusterer(params);
    c.df = new DocFrequency(c.params.dfVocabulary, s.df);
    c.nextId = s.nextId;
    c.seq = s.seq;
    c.clock = s.clock;
    c.lastEviction = s.lastEviction;
    for (const es of s.events) {
      const e = eventFromSnapshot(es);
      c.events.set(e.id, e);
      c.index.add(e.id, { keys: es.indexKeys, vals: es.indexKeys.map(() => 0) }, es.indexKeys.length);
      for (const m of e.members) c.articleEvent.set(m.id, e.id);
      for (const a of e.absorbed) c.redirects.set(a, e.id);
    }
    for (const id of s.dirty) if (c.events.has(id)) c.dirty.add(id);
    return c;
  }

  /** Assigns one article (in publication order) to an event. Re-adding a known article is a no-op. */
  add(doc: ClusterDoc): Assignment {
    const known = this.articleEvent.get(doc.id);
    if (known !== undefined) return { eventId: known, isNew: false, score: 1 };
    const seq = ++this.seq;
    if (doc.time !== null) this.clock = maxTime(this.clock, doc.time);
    this.evictStale();
    const features = analyzeText(doc.title, doc.text, this.params.titleWeight, this.knownName);
    this.df.addDoc(features.tf.keys());
    const vec = docVector(features, this.df, this.params);
    let target: EventData | undefined;
    let score = 0;
    const body = doc.text.length >= this.params.bodyRichChars;
    const original = doc.syndicatedOf === null ? undefined : this.articleEvent.get(doc.syndicatedOf);
    if (original !== undefined) {
      target = this.events.get(original);
      score = 1;
    } else {
      [target, score] = this.bestEvent(vec, doc.time, body);
      if (score < (body ? this.params.bodyThreshold : this.params.threshold)) target = undefined;
    }
    const isNew = target === undefined;
    const event = target ?? this.createEvent();
    this.addMember(event, doc, vec, features, seq, body);
    this.evictOverflow();
    return { eventId: event.id, isNew, score };
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
    return mergePass(this);
  }

  /**
   * Splits events whose members drifted into two dissimilar groups (the smaller group gets a new id),
   * then moves single articles that now fit another event better; returns every move.
   */
  splitPass(): SplitResult[] {
    return [...splitPass(this), ...reassignPass(this)];
  }

  /**
   * Periodic maintenance, deterministic: merge fragments, split drifted events and move misplaced
   * articles, then merge again. Call it after each batch and before evaluating.
   */
  refine(): { merges: MergeRedirect[]; moves: SplitResult[] } {
    const merges = this.mergePass();
    const due = this.dueIds();
    const moves = this.splitPass();
    for (const id of due) {
      const e = this.events.get(id);
      if (e) e.checkedSize = e.members.length;
    }
    merges.push(...this.mergePass());
    this.dirty.clear();
    return { merges, moves };
  }

  /** The active event with this id (following merge redirects), or undefined once evicted. */
  event(id: number): ClusterEventState | undefined {
    const e = this.events.get(this.resolve(id));
    return e ? eventView(e, this.params.topEntities) : undefined;
  }

  /** Active events changed since the last refine, ascending. */
  dirtyIds(): number[] {
    return [...this.dirty].filter((id) => this.events.has(id)).sort((a, b) => a - b);
  }

  /** Changed events that grew enough to be examined for splits and misplaced members, ascending. */
  dueIds(): number[] {
    return this.dirtyIds().filter((id) => isDueForReview(this.events.get(id)!));
  }

  /** Active event ids, ascending. */
  eventIds(): number[] {
    return [...this.events.keys()].sort((a, b) => a - b);
  }

  /** Follows merge redirects to the id of the active event holding `id`'s members. */
  resolve(id: number): number {
    return this.redirects.get(id) ?? id;
  }

  /** JSON-serializable state: active events and DF stats (bounded by the window and vocabulary cap). */
  snapshot(): ClusterSnapshot {
    return {
      version: 1,
      nextId: this.nextId,
      dirty: this.dirtyIds(),
      seq: this.seq,
      clock: this.clock,
      lastEviction: this.lastEviction,
      df: this.df.snapshot(),
      events: this.eventIds().map((id) => eventToSnapshot(this.events.get(id)!, this.index.keysFor(id))),
    };
  }

  /** Similarity discount for a time gap: halves every `halfLifeHours`; 1 when either time is unknown. */
  decay(gapMs: number | null): number {
    if (gapMs === null || gapMs <= 0) return 1;
    return 2 ** (-gapMs / (this.params.halfLifeHours * HOUR));
  }

  /** Time gap between an article time and an event's dated span, or null when unknown. */
  gap(time: number | null, e: EventData): number | null {
    if (time === null || e.firstSeen === null || e.lastUpdated === null) return null;
    return Math.max(0, e.firstSeen - time, time - e.lastUpdated);
  }

  /** Removes an event from every lookup structure. */
  evict(e: EventData): void {
    this.index.remove(e.id);
    for (const m of e.members) if (this.articleEvent.get(m.id) === e.id) this.articleEvent.delete(m.id);
    for (const a of e.absorbed) this.redirects.delete(a);
    this.events.delete(e.id);
    this.dirty.delete(e.id);
  }

  /** A word the stream mostly writes capitalized mid-sentence (a name), judged from the DF table. */
  private knownName = (lower: string): boolean => {
    const asName = this.df.docsWith(`${NAME_PREFIX}${lower}`);
    return asName >= 2 && asName >= NAME_SHARE * this.df.docsWith(stem(lower));
  };

  private bestEvent(vec: SparseVector, time: number | null, body: boolean): [EventData | undefined, number] {
    const p = this.params;
    let best: EventData | undefined;
    let bestScore = 0;
    for (const id of this.index.candidates(vec, p.indexFeatures, p.maxCandidates)) {
      const e = this.events.get(id)!;
      const { dots, norms } = groupDots(vec, e.centroid);
      const sim = body ? balancedCosine(dots, norms, e.norms) : jointCosine(dots, norms, e.norms);
      const s = sim * this.decay(this.gap(time, e));
      if (s > bestScore || (s === bestScore && best !== undefined && id < best.id)) {
        best = e;
        bestScore = s;
      }
    }
    return [best, bestScore];
  }

  private createEvent(): EventData {
    const e: EventData = {
      id: this.nextId++,
      members: [],
      centroid: new Map(),
      norms: emptyNorms(),
      entities: new Map(),
      entityLabels: new Map(),
      firstSeen: null,
      lastUpdated: null,
      lastActive: null,
      lastSeq: 0,
      absorbed: [],
      checkedSize: 0,
    };
    this.events.set(e.id, e);
    return e;
  }

  private addMember(
    e: EventData,
    doc: ClusterDoc,
    vec: SparseVector,
    f: TextFeatures,
    seq: number,
    body: boolean,
  ): void {
    const entities = [...f.entityLabels.values()];
    const syndicated = doc.syndicatedOf !== null;
    e.members.push({ id: doc.id, time: doc.time, outlet: doc.outlet, syndicated, body, vec, entities });
    addToCentroid(e, vec.keys, vec.vals);
    capCentroid(e, this.params.centroidFeatures);
    countNames(e, entities, 1);
    if (e.entities.size > ENTITY_CAP) pruneEntities(e);
    e.firstSeen = minTime(e.firstSeen, doc.time);
    e.lastUpdated = maxTime(e.lastUpdated, doc.time);
    e.lastActive = maxTime(e.lastActive, doc.time ?? this.clock);
    e.lastSeq = seq;
    this.index.add(e.id, vec, this.params.indexFeatures);
    this.articleEvent.set(doc.id, e.id);
    this.dirty.add(e.id);
  }

  /** @internal Adds an existing member record (moved from another event) to an event. */
  attach(e: EventData, m: MemberData): void {
    e.members.push(m);
    addToCentroid(e, m.vec.keys, m.vec.vals);
    capCentroid(e, this.params.centroidFeatures);
    countNames(e, m.entities, 1);
    if (e.entities.size > ENTITY_CAP) pruneEntities(e);
    e.firstSeen = minTime(e.firstSeen, m.time);
    e.lastUpdated = maxTime(e.lastUpdated, m.time);
    this.index.add(e.id, m.vec, this.params.indexFeatures);
    this.articleEvent.set(m.id, e.id);
    this.dirty.add(e.id);
  }

  private evictStale(): void {
    const window = this.params.windowHours * HOUR;
    // Scanning every 1/8 window keeps eviction amortized O(1) per article and at most 12.5% late.
    if (this.clock === null || (this.lastEviction !== null && this.clock - this.lastEviction < window / 8))
      return;
    this.lastEviction = this.clock;
    const horizon = this.clock - window;
    for (const id of this.eventIds()) {
      const e = this.events.get(id)!;
      if (e.lastActive !== null && e.lastActive < horizon) this.evict(e);
    }
  }

  private evictOverflow(): void {
    const max = this.params.maxActiveEvents;
    if (this.events.size <= max) return;
    // Evict a tenth at once so the sort is amortized over many articles.
    const byAge = [...this.events.values()].sort((a, b) => a.lastSeq - b.lastSeq || a.id - b.id);
    const drop = this.events.size - Math.floor(max * 0.9);
    for (let i = 0; i < drop; i++) this.evict(byAge[i]);
  }
}

function pruneEntities(e: EventData): void {
  const ranked = [...e.entities.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  e.entities = new Map(ranked.slice(0, Math.floor(ENTITY_CAP * 0.75)));
  for (const k of [...e.entityLabels.keys()]) if (!e.entities.has(k)) e.entityLabels.delete(k);
}
