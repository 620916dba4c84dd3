import { featureGroup, GROUP_COUNT } from "./feature-groups.ts";
import { groupNorms, type SparseVector } from "./sparse-vector.ts";

/** One member article as the clusterer remembers it. */
export interface MemberData {
  id: string;
  /** Publication time (ms epoch) or null when unknown. */
  time: number | null;
  outlet: string | null;
  syndicated: boolean;
  /** True when the article has a body long enough to be judged by the stricter, balanced similarity. */
  body: boolean;
  /** Strongest features of the article vector, for split decisions. */
  vec: SparseVector;
  /** Names the article mentions, as first written ("Lucia Ferrada"). */
  entities: string[];
}

/** Mutable internal state of one active event. */
export interface EventData {
  id: number;
  members: MemberData[];
  /** Sum of member vectors (capped to the strongest features). */
  centroid: Map<string, number>;
  /** Squared norm of the centroid per feature group. */
  norms: number[];
  /** Lower-cased name → number of members mentioning it. */
  entities: Map<string, number>;
  /** Lower-cased name → name as first written. */
  entityLabels: Map<string, string>;
  firstSeen: number | null;
  lastUpdated: number | null;
  /** Latest effective time (article time, else the stream clock) for window eviction. */
  lastActive: number | null;
  /** Ingest sequence number of the latest member, for count-based eviction. */
  lastSeq: number;
  /** Ids of events merged into this one (redirects while this event is active). */
  absorbed: number[];
  /** Member count when split and reassignment last examined the event (0: never). */
  checkedSize: number;
}

/** Read-only view of an event as the rest of Sitrep sees it. */
export interface ClusterEventState {
  id: number;
  articleIds: string[];
  /** Distinct outlets among non-syndicated members (unknown outlets count once each). */
  sourceCount: number;
  firstSeen: number | null;
  lastUpdated: number | null;
  /** lastUpdated − firstSeen in ms (0 when fewer than two dated members). */
  timeSpan: number;
  topEntities: string[];
  /** Ids of events merged into this one. */
  absorbed: number[];
}

/** Counts independent sources: distinct outlets of non-syndicated members; each unknown outlet is its own. */
export function independentSources(members: readonly MemberData[]): number {
  const outlets = new Set<string>();
  let unknown = 0;
  for (const m of members) {
    if (m.syndicated) continue;
    if (m.outlet === null) unknown++;
    else outlets.add(m.outlet.trim().toLowerCase());
  }
  return outlets.size + unknown;
}

/** Growth since the last examination that makes an event due for split and reassignment again. */
const REVIEW_GROWTH = 1.25;

/**
 * True when an event has grown enough since split and reassignment last examined it; reviewing at
 * geometric sizes keeps their total cost per event proportional to its size, however often refine runs.
 */
export function isDueForReview(e: EventData): boolean {
  return e.members.length >= 2 && e.members.length >= REVIEW_GROWTH * e.checkedSize;
}

/** True when most members are body-rich, so the event is compared with the balanced similarity. */
export function isBodyRich(e: EventData): boolean {
  let n = 0;
  for (const m of e.members) if (m.body) n++;
  return 2 * n > e.members.length;
}

/** Builds the public view of an event, listing its `limit` most-mentioned entities (ties by key). */
export function eventView(e: EventData, limit: number): ClusterEventState {
  const ranked = [...e.entities.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  return {
    id: e.id,
    articleIds: e.members.map((m) => m.id),
    sourceCount: independentSources(e.members),
    firstSeen: e.firstSeen,
    lastUpdated: e.lastUpdated,
    timeSpan: e.firstSeen !== null && e.lastUpdated !== null ? e.lastUpdated - e.firstSeen : 0,
    topEntities: ranked.slice(0, limit).map(([k]) => e.entityLabels.get(k) ?? k),
    absorbed: [...e.absorbed],
  };
}

/** Adds a vector into a centroid, keeping the group norms current. */
export function addToCentroid(
  e: EventData,
  keys: readonly string[],
  vals: readonly number[],
  sign = 1,
): void {
  for (let i = 0; i < keys.length; i++) {
    const old = e.centroid.get(keys[i]) ?? 0;
    const next = old + sign * vals[i];
    e.norms[featureGroup(keys[i])] += next * next - old * old;
    if (Math.abs(next) < 1e-12) e.centroid.delete(keys[i]);
    else e.centroid.set(keys[i], next);
  }
}

/** Drops the weakest centroid features beyond `cap` (ties by key) and recomputes the norm exactly. */
export function capCentroid(e: EventData, cap: number): void {
  if (e.centroid.size <= cap) return;
  const entries = [...e.centroid.entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  entries.length = Math.floor(cap * 0.8);
  e.centroid = new Map(entries);
  recomputeNorm(e);
}

/** Recomputes the group norms from scratch (after pruning or merges), removing accumulated rounding. */
export function recomputeNorm(e: EventData): void {
  e.norms = groupNorms(e.centroid);
}

/** Zeroed group norms for a new centroid. */
export function emptyNorms(): number[] {
  return new Array<number>(GROUP_COUNT).fill(0);
}

/** An event with no members yet. */
export function emptyEvent(id: number, members: MemberData[] = []): EventData {
  return {
    id,
    members,
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
}

/** Builds an event from scratch out of member records (used by splits). */
export function eventFromMembers(id: number, members: MemberData[], centroidCap: number): EventData {
  const e = emptyEvent(id, members);
  for (const m of members) {
    addToCentroid(e, m.vec.keys, m.vec.vals);
    countNames(e, m.entities, 1);
    if (m.time !== null) {
      e.firstSeen = e.firstSeen === null ? m.time : Math.min(e.firstSeen, m.time);
      e.lastUpdated = e.lastUpdated === null ? m.time : Math.max(e.lastUpdated, m.time);
    }
  }
  capCentroid(e, centroidCap);
  recomputeNorm(e);
  return e;
}

/** Takes one member out of an event: its weight leaves the centroid, its entities and times are recounted. */
export function removeMember(e: EventData, memberId: string): MemberData | undefined {
  const m = e.members.find((x) => x.id === memberId);
  if (!m) return undefined;
  e.members = e.members.filter((x) => x !== m);
  for (let i = 0; i < m.vec.keys.length; i++) {
    const k = m.vec.keys[i];
    const old = e.centroid.get(k);
    if (old === undefined) continue;
    const next = old - m.vec.vals[i];
    if (next > 1e-12) e.centroid.set(k, next);
    else e.centroid.delete(k);
  }
  recomputeNorm(e);
  countNames(e, m.entities, -1);
  e.firstSeen = null;
  e.lastUpdated = null;
  for (const x of e.members) {
    if (x.time === null) continue;
    e.firstSeen = e.firstSeen === null ? x.time : Math.min(e.firstSeen, x.time);
    e.lastUpdated = e.lastUpdated === null ? x.time : Math.max(e.lastUpdated, x.time);
  }
  return m;
}

/** Adds (sign 1) or takes away (sign -1) a member's names in an event's name counts. */
export function countNames(e: EventData, names: readonly string[], sign: 1 | -1): void {
  for (const name of names) {
    const k = name.toLowerCase();
    const n = (e.entities.get(k) ?? 0) + sign;
    if (n > 0) {
      e.entities.set(k, n);
      if (!e.entityLabels.has(k)) e.entityLabels.set(k, name);
    } else {
      e.entities.delete(k);
      e.entityLabels.delete(k);
    }
  }
}
