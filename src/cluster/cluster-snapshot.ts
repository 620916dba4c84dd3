import { z } from "zod";
import type { EventData } from "./event-data.ts";

const vectorSchema = z.object({ keys: z.array(z.string()), vals: z.array(z.number()) });

const memberSchema = z.object({
  id: z.string(),
  time: z.number().nullable(),
  outlet: z.string().nullable(),
  syndicated: z.boolean(),
  body: z.boolean(),
  vec: vectorSchema,
  entities: z.array(z.string()),
});

const eventSchema = z.object({
  id: z.number().int(),
  members: z.array(memberSchema),
  centroid: z.array(z.tuple([z.string(), z.number()])),
  norms: z.array(z.number()),
  entities: z.array(z.tuple([z.string(), z.number()])),
  entityLabels: z.array(z.tuple([z.string(), z.string()])),
  firstSeen: z.number().nullable(),
  lastUpdated: z.number().nullable(),
  lastActive: z.number().nullable(),
  lastSeq: z.number().int(),
  absorbed: z.array(z.number().int()),
  checkedSize: z.number().int().nonnegative(),
  indexKeys: z.array(z.string()),
});

/** Validates a clusterer snapshot read back from storage. */
export const clusterSnapshotSchema = z.object({
  version: z.literal(1),
  nextId: z.number().int().positive(),
  dirty: z.array(z.number().int()),
  seq: z.number().int().nonnegative(),
  clock: z.number().nullable(),
  lastEviction: z.number().nullable(),
  df: z.object({ docs: z.number().int().nonnegative(), terms: z.array(z.tuple([z.string(), z.number()])) }),
  events: z.array(eventSchema),
});

/** JSON-serializable clusterer state: active events and DF stats only, so its size stays bounded. */
export type ClusterSnapshot = z.infer<typeof clusterSnapshotSchema>;

type EventSnapshot = z.infer<typeof eventSchema>;

/** Serializes one event; maps become entry arrays in iteration order so a restore replays identically. */
export function eventToSnapshot(e: EventData, indexKeys: string[]): EventSnapshot {
  return {
    id: e.id,
    members: e.members.map((m) => ({ ...m, vec: { keys: [...m.vec.keys], vals: [...m.vec.vals] } })),
    centroid: [...e.centroid.entries()],
    norms: [...e.norms],
    entities: [...e.entities.entries()],
    entityLabels: [...e.entityLabels.entries()],
    firstSeen: e.firstSeen,
    lastUpdated: e.lastUpdated,
    lastActive: e.lastActive,
    lastSeq: e.lastSeq,
    absorbed: [...e.absorbed],
    checkedSize: e.checkedSize,
    indexKeys,
  };
}

/** Rebuilds one event from its snapshot. */
export function eventFromSnapshot(s: EventSnapshot): EventData {
  return {
    id: s.id,
    members: s.members.map((m) => ({ ...m, vec: { keys: [...m.vec.keys], vals: [...m.vec.vals] } })),
    centroid: new Map(s.centroid),
    norms: [...s.norms],
    entities: new Map(s.entities),
    entityLabels: new Map(s.entityLabels),
    firstSeen: s.firstSeen,
    lastUpdated: s.lastUpdated,
    lastActive: s.lastActive,
    lastSeq: s.lastSeq,
    absorbed: [...s.absorbed],
    checkedSize: s.checkedSize,
  };
}
