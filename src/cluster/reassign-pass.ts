import type { ActiveEvents } from "./active-events.ts";
import { type EventData, type MemberData, removeMember } from "./event-data.ts";
import { balancedCosine, groupDots, jointCosine } from "./sparse-vector.ts";
import type { SplitResult } from "./split-pass.ts";

interface Move {
  member: MemberData;
  from: number;
  to: number;
}

/**
 * Moves each article of an event changed since the last refine whose own event (without it) now resembles it less than another active event
 * does, provided that event clears the join threshold. This repairs early choices made before the
 * article's real event existed. Moves are decided on a frozen state, then applied, so the outcome
 * does not depend on iteration order; an event is never emptied (its best-fitting member stays).
 */
export function reassignPass(c: ActiveEvents): SplitResult[] {
  const moves: Move[] = [];
  for (const id of c.dueIds()) {
    const e = c.events.get(id)!;
    if (e.members.length < 2) continue;
    const own: Move[] = [];
    for (const m of e.members) {
      const to = betterEvent(c, e, m);
      if (to !== null) own.push({ member: m, from: id, to });
    }
    if (own.length < e.members.length) moves.push(...own);
    else moves.push(...own.slice(1));
  }
  for (const mv of moves) {
    removeMember(c.events.get(mv.from)!, mv.member.id);
    c.dirty.add(mv.from);
    c.attach(c.events.get(mv.to)!, mv.member);
  }
  return groupMoves(moves);
}

function betterEvent(c: ActiveEvents, e: EventData, m: MemberData): number | null {
  const p = c.params;
  const sim = (dots: number[], vn: number[], en: number[]): number =>
    m.body ? balancedCosine(dots, vn, en) : jointCosine(dots, vn, en);
  const g = groupDots(m.vec, e.centroid);
  // Leave-one-out: the event's centroid without this article's own contribution.
  const dots = g.dots.map((d, k) => d - g.norms[k]);
  const norms = e.norms.map((n, k) => Math.max(0, n - 2 * g.dots[k] + g.norms[k]));
  const ownSim = sim(dots, g.norms, norms);
  let best: number | null = null;
  let bestSim = Math.max(ownSim, m.body ? p.bodyThreshold : p.threshold);
  for (const id of c.index.candidates(m.vec, p.indexFeatures, p.maxCandidates)) {
    if (id === e.id) continue;
    const o = c.events.get(id)!;
    const go = groupDots(m.vec, o.centroid);
    const s = sim(go.dots, go.norms, o.norms) * c.decay(c.gap(m.time, o));
    if (s > bestSim || (s === bestSim && best !== null && id < best)) {
      best = id;
      bestSim = s;
    }
  }
  return best;
}

function groupMoves(moves: Move[]): SplitResult[] {
  const byPair = new Map<string, SplitResult>();
  for (const mv of moves) {
    const key = `${mv.from}>${mv.to}`;
    const r = byPair.get(key) ?? { from: mv.from, to: mv.to, articleIds: [] };
    r.articleIds.push(mv.member.id);
    byPair.set(key, r);
  }
  return [...byPair.values()];
}
