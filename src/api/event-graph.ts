import type { ApiDeps } from "./deps.ts";
import { type EventSummary, summarize } from "./event-view.ts";

/** The related-events graph around one event. */
export interface EventGraph {
  root: number;
  hops: number;
  truncated: boolean;
  nodes: (Pick<EventSummary, "id" | "title" | "type" | "intensity" | "firstSeen" | "pending"> & {
    theatres: string[];
    depth: number;
  })[];
  edges: { from: number; to: number; type: string; confidence: number; explanation: string }[];
}

/** Walks links breadth-first up to `hops` away, at most `maxNodes` events; one query per hop. */
export async function buildEventGraph(
  deps: ApiDeps,
  root: number,
  hops: number,
  maxNodes: number,
): Promise<EventGraph> {
  const depth = new Map<number, number>([[root, 0]]);
  const edges = new Map<string, EventGraph["edges"][number]>();
  let frontier = [root];
  let truncated = false;
  for (let d = 1; d <= hops && frontier.length; d++) {
    const next: number[] = [];
    for (const l of await deps.store.links.linksAmong(frontier)) {
      for (const id of [l.fromEvent, l.toEvent]) {
        if (depth.has(id)) continue;
        if (depth.size >= maxNodes) {
          truncated = true;
          continue;
        }
        depth.set(id, d);
        next.push(id);
      }
      if (depth.has(l.fromEvent) && depth.has(l.toEvent))
        edges.set(`${l.fromEvent}>${l.toEvent}`, {
          from: l.fromEvent,
          to: l.toEvent,
          type: l.type,
          confidence: l.confidence,
          explanation: l.explanation,
        });
    }
    frontier = next;
  }
  const ids = [...depth.keys()];
  if (frontier.length)
    for (const l of await deps.store.links.linksAmong(frontier))
      if (depth.has(l.fromEvent) && depth.has(l.toEvent))
        edges.set(`${l.fromEvent}>${l.toEvent}`, {
          from: l.fromEvent,
          to: l.toEvent,
          type: l.type,
          confidence: l.confidence,
          explanation: l.explanation,
        });
  const summaries = await summarize(deps, await deps.store.events.getEvents(ids));
  return {
    root,
    hops,
    truncated,
    nodes: summaries
      .filter((s) => depth.has(s.id))
      .map((s) => ({
        id: s.id,
        title: s.title,
        type: s.type,
        intensity: s.intensity,
        firstSeen: s.firstSeen,
        pending: s.pending,
        theatres: s.theatres.map((t) => t.id),
        depth: depth.get(s.id) ?? 0,
      })),
    edges: [...edges.values()],
  };
}
