import { addToCentroid, capCentroid, type EventData } from "./event-data.ts";

/** Of two events, the one that survives a merge: more members, then the lower (older) id. */
export function mergeSurvivor(a: EventData, b: EventData): [keep: EventData, drop: EventData] {
  if (a.members.length !== b.members.length) return a.members.length > b.members.length ? [a, b] : [b, a];
  return a.id < b.id ? [a, b] : [b, a];
}

/** Moves every member, centroid weight and entity count of `drop` into `keep`. */
export function absorbEvent(keep: EventData, drop: EventData, centroidCap: number): void {
  keep.members = [...keep.members, ...drop.members];
  const keys = [...drop.centroid.keys()];
  addToCentroid(
    keep,
    keys,
    keys.map((k) => drop.centroid.get(k) ?? 0),
  );
  capCentroid(keep, centroidCap);
  for (const [k, n] of drop.entities) keep.entities.set(k, (keep.entities.get(k) ?? 0) + n);
  for (const [k, label] of drop.entityLabels) if (!keep.entityLabels.has(k)) keep.entityLabels.set(k, label);
  keep.firstSeen = minTime(keep.firstSeen, drop.firstSeen);
  keep.lastUpdated = maxTime(keep.lastUpdated, drop.lastUpdated);
  keep.lastActive = maxTime(keep.lastActive, drop.lastActive);
  keep.lastSeq = Math.max(keep.lastSeq, drop.lastSeq);
  keep.absorbed = [...keep.absorbed, drop.id, ...drop.absorbed].sort((a, b) => a - b);
}

/** Earlier of two optional times. */
export function minTime(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/** Later of two optional times. */
export function maxTime(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
