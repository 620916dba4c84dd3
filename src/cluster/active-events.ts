import { CandidateIndex } from "./candidate-index.ts";
import { type ClusterParams, HOUR } from "./cluster-params.ts";
import {
  addToCentroid,
  capCentroid,
  countNames,
  type EventData,
  emptyEvent,
  isDueForReview,
  type MemberData,
} from "./event-data.ts";
import { maxTime, minTime } from "./merge-events.ts";

const ENTITY_CAP = 200;

/**
 * The events inside the active time window and their lookups: candidate index, article → event,
 * merge redirects, and which events changed since the last refine. The clusterer and its merge,
 * split and reassignment passes all work through this one structure.
 */
export class ActiveEvents {
  readonly params: ClusterParams;
  /** Active events by id. */
  readonly events = new Map<number, EventData>();
  readonly index = new CandidateIndex();
  /** Article id → active event id. */
  readonly articleEvent = new Map<string, number>();
  /** Merged-away id → active event id. */
  readonly redirects = new Map<number, number>();
  /** Events changed since the last refine (the only ones refine looks at). */
  readonly dirty = new Set<number>();
  nextId = 1;

  constructor(params: ClusterParams) {
    this.params = params;
  }

  /** Active event ids, ascending. */
  ids(): number[] {
    return [...this.events.keys()].sort((a, b) => a - b);
  }

  /** Active events changed since the last refine, ascending. */
  dirtyIds(): number[] {
    return [...this.dirty].filter((id) => this.events.has(id)).sort((a, b) => a - b);
  }

  /** Changed events that grew enough to be examined for splits and misplaced members, ascending. */
  dueIds(): number[] {
    return this.dirtyIds().filter((id) => isDueForReview(this.events.get(id)!));
  }

  /** Follows merge redirects to the id of the active event holding `id`'s members. */
  resolve(id: number): number {
    return this.redirects.get(id) ?? id;
  }

  /** Similarity discount for a time gap: halves every `halfLifeHours`; 1 when either time is unknown. */
  decay(gapMs: number | null): number {
    if (gapMs === null || gapMs <= 0) return 1;
    return 2 ** (-gapMs / (this.params.halfLifeHours * HOUR));
  }

  /**
   * Time gap between an article and the middle of an event's dated span, or null when either is
   * undated. Measuring from the middle rather than the latest member keeps a storyline that gains an
   * entry every day from growing into one months-long "event": its middle falls ever further behind.
   */
  gap(time: number | null, e: EventData): number | null {
    const mid = midTime(e);
    return time === null || mid === null ? null : Math.abs(time - mid);
  }

  /** Time gap between the middles of two events' dated spans, or null when either is undated. */
  gapBetween(a: EventData, b: EventData): number | null {
    const ma = midTime(a);
    const mb = midTime(b);
    return ma === null || mb === null ? null : Math.abs(ma - mb);
  }

  /** Creates an empty event with the next id. */
  create(): EventData {
    const e = emptyEvent(this.nextId++);
    this.events.set(e.id, e);
    return e;
  }

  /** Puts an event (restored or rebuilt by a split) in place under its id, indexing its members. */
  install(e: EventData, indexKeys?: string[]): void {
    this.events.set(e.id, e);
    if (indexKeys) this.index.add(e.id, { keys: indexKeys, vals: indexKeys.map(() => 0) }, indexKeys.length);
    for (const m of e.members) {
      if (!indexKeys) this.index.add(e.id, m.vec, this.params.indexFeatures);
      this.articleEvent.set(m.id, e.id);
    }
    for (const a of e.absorbed) this.redirects.set(a, e.id);
  }

  /** Adds a member to an event: centroid, names, times, index and lookups follow. */
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

  /** Removes an event from every lookup structure; it can gain no more members. */
  evict(e: EventData): void {
    this.index.remove(e.id);
    for (const m of e.members) if (this.articleEvent.get(m.id) === e.id) this.articleEvent.delete(m.id);
    for (const a of e.absorbed) this.redirects.delete(a);
    this.events.delete(e.id);
    this.dirty.delete(e.id);
  }

  /** Evicts every event last active before `horizon` (events with no known time stay). */
  evictBefore(horizon: number): void {
    for (const id of this.ids()) {
      const e = this.events.get(id)!;
      if (e.lastActive !== null && e.lastActive < horizon) this.evict(e);
    }
  }

  /** Above `max` events, evicts the least recently updated down to 90% of `max` (amortizes the sort). */
  evictOverflow(max: number): void {
    if (this.events.size <= max) return;
    const byAge = [...this.events.values()].sort((a, b) => a.lastSeq - b.lastSeq || a.id - b.id);
    const drop = this.events.size - Math.floor(max * 0.9);
    for (let i = 0; i < drop; i++) this.evict(byAge[i]);
  }
}

function midTime(e: EventData): number | null {
  return e.firstSeen === null || e.lastUpdated === null ? null : (e.firstSeen + e.lastUpdated) / 2;
}

function pruneEntities(e: EventData): void {
  const ranked = [...e.entities.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  e.entities = new Map(ranked.slice(0, Math.floor(ENTITY_CAP * 0.75)));
  for (const k of [...e.entityLabels.keys()]) if (!e.entities.has(k)) e.entityLabels.delete(k);
}
