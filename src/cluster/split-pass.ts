import type { ActiveEvents } from "./active-events.ts";
import { eventFromMembers, isBodyRich } from "./event-data.ts";
import { planSplit } from "./split-event.ts";

/** An event split in two: `articleIds` moved from event `from` to the new event `to`. */
export interface SplitResult {
  from: number;
  to: number;
  articleIds: string[];
}

/** Splits each changed event (grown enough since last examined) whose members fall into two dissimilar groups. */
export function splitPass(c: ActiveEvents): SplitResult[] {
  const p = c.params;
  const out: SplitResult[] = [];
  for (const id of c.dueIds()) {
    const e = c.events.get(id)!;
    const threshold = p.mergeRatio * (isBodyRich(e) ? p.bodyThreshold : p.threshold);
    const plan = planSplit(e.members, threshold, p.minSplitSize);
    if (!plan) continue;
    const kept = eventFromMembers(e.id, plan.keep, p.centroidFeatures);
    const moved = eventFromMembers(c.nextId++, plan.move, p.centroidFeatures);
    for (const part of [kept, moved]) {
      part.lastActive = e.lastActive;
      part.lastSeq = e.lastSeq;
    }
    kept.absorbed = e.absorbed;
    c.index.remove(e.id);
    c.install(kept);
    c.install(moved);
    c.dirty.add(moved.id);
    out.push({ from: e.id, to: moved.id, articleIds: plan.move.map((m) => m.id) });
  }
  return out;
}
