import type { Kysely, Selectable } from "kysely";
import type { EventLink, RelationType } from "../model/link.ts";
import type { CompiledReads } from "./compiled.ts";
import { insertNew } from "./insert-new.ts";
import type { Database, EventLinksTable } from "./schema.ts";

/** A stored storyline: a named chain of linked events. */
export interface Storyline {
  id: string;
  name: string;
  theatreId: string | null;
  eventIds: number[];
  updatedAt: string;
}

/** A link of an event with the head of the event at its other end. */
export interface RelatedLink {
  link: EventLink;
  other: { id: number; title: string | null; firstSeen: string; pending: boolean };
}

/** Event links, storylines and theatre escalation series. */
export class LinkQueries {
  private readonly db: Kysely<Database>;
  private readonly reads: CompiledReads;
  constructor(db: Kysely<Database>, reads: CompiledReads) {
    this.db = db;
    this.reads = reads;
  }

  /** Replaces the links going out of `fromEvent` (to earlier events). */
  async replaceLinksFrom(fromEvent: number, links: EventLink[], now: string): Promise<void> {
    await this.replaceLinksOfMany([fromEvent], links, now);
  }

  /** Replaces the outgoing links of many events at once (one delete and chunked inserts). */
  async replaceLinksOfMany(fromEvents: number[], links: EventLink[], now: string): Promise<void> {
    for (let i = 0; i < fromEvents.length; i += 400)
      await this.db
        .deleteFrom("event_links")
        .where("from_event", "in", fromEvents.slice(i, i + 400))
        .execute();
    const rows = links.map((l) => ({
      from_event: l.fromEvent,
      to_event: l.toEvent,
      type: l.type,
      confidence: l.confidence,
      explanation: l.explanation,
      evidence: JSON.stringify(l.evidence),
      created_at: now,
    }));
    await insertNew(this.db, "event_links", rows, 200);
  }

  /** Removes every link touching an event (before it becomes a redirect). */
  async removeLinksOf(eventId: number): Promise<number[]> {
    const touched = await this.db
      .selectFrom("event_links")
      .select("from_event")
      .where("to_event", "=", eventId)
      .execute();
    await this.db
      .deleteFrom("event_links")
      .where((eb) => eb.or([eb("from_event", "=", eventId), eb("to_event", "=", eventId)]))
      .execute();
    return [...new Set(touched.map((r) => Number(r.from_event)))];
  }

  /** Links of an event in both directions, most confident first. */
  async linksOf(eventId: number): Promise<EventLink[]> {
    const rows = await this.reads.rows(
      "links.of",
      (db) =>
        db
          .selectFrom("event_links")
          .selectAll()
          .where((eb) => eb.or([eb("from_event", "=", eventId), eb("to_event", "=", eventId)])),
      [eventId, eventId],
    );
    // Sorted here: an ORDER BY makes SQLite set up a sorter, which costs more than the lookup.
    return rows.sort((a, b) => b.confidence - a.confidence).map(toLink);
  }

  /**
   * Links of an event in both directions, most confident first, each with the other event's id, title, first-seen
   * time and whether its record is pending (what an event page lists); links to events not stored are left out.
   */
  async relatedOf(eventId: number): Promise<RelatedLink[]> {
    // One query instead of the links and then their events; `in (?)`, not `= ?`: SQLite runs this join about twice
    // as slow with equalities (measured, 3.54).
    const rows = await this.reads.rows(
      "links.related",
      (db) =>
        db
          .selectFrom("event_links as l")
          .innerJoin("events as e", (join) =>
            join.on((eb) =>
              eb(
                "e.id",
                "=",
                eb
                  .case()
                  .when("l.from_event", "in", [eventId])
                  .then(eb.ref("l.to_event"))
                  .else(eb.ref("l.from_event"))
                  .end(),
              ),
            ),
          )
          .selectAll("l")
          .select((eb) => [
            "e.title as other_title",
            "e.first_seen as other_first_seen",
            eb("e.record", "is", null).as("other_pending"),
          ])
          .where((eb) => eb.or([eb("l.from_event", "in", [eventId]), eb("l.to_event", "in", [eventId])])),
      [eventId, eventId, eventId],
    );
    // Sorted here: an ORDER BY makes SQLite set up a sorter, which costs more than the lookup.
    return rows
      .sort((a, b) => b.confidence - a.confidence)
      .map((r) => {
        const link = toLink(r);
        return {
          link,
          other: {
            id: link.fromEvent === eventId ? link.toEvent : link.fromEvent,
            title: r.other_title,
            firstSeen: r.other_first_seen,
            pending: Boolean(r.other_pending),
          },
        };
      });
  }

  /** All links between events in the id set (for graphs). */
  async linksAmong(ids: number[]): Promise<EventLink[]> {
    if (!ids.length) return [];
    const out: EventLink[] = [];
    for (let i = 0; i < ids.length; i += 400) {
      const part = ids.slice(i, i + 400);
      const rows = await this.db
        .selectFrom("event_links")
        .selectAll()
        .where((eb) => eb.or([eb("from_event", "in", part), eb("to_event", "in", part)]))
        .execute();
      for (const r of rows) out.push(toLink(r));
    }
    return out;
  }

  /** Number of links. */
  async countLinks(): Promise<number> {
    const r = await this.db
      .selectFrom("event_links")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Every link (for evaluation), oldest first. */
  async allLinks(): Promise<{ fromEvent: number; toEvent: number; type: string }[]> {
    const rows = await this.db.selectFrom("event_links").select(["from_event", "to_event", "type"]).execute();
    return rows.map((r) => ({ fromEvent: Number(r.from_event), toEvent: Number(r.to_event), type: r.type }));
  }

  /** Upserts storylines. */
  async saveStorylines(lines: Storyline[]): Promise<void> {
    for (const s of lines) {
      const row = {
        name: s.name,
        theatre_id: s.theatreId,
        event_ids: JSON.stringify(s.eventIds),
        updated_at: s.updatedAt,
      };
      await this.db
        .insertInto("storylines")
        .values({ id: s.id, ...row })
        .onConflict((oc) => oc.column("id").doUpdateSet(row))
        .execute();
    }
  }

  /** Deletes storylines (merged into others). */
  async removeStorylines(ids: string[]): Promise<void> {
    if (ids.length) await this.db.deleteFrom("storylines").where("id", "in", ids).execute();
  }

  /** Storylines, optionally of one theatre. */
  async listStorylines(theatreId?: string): Promise<Storyline[]> {
    let q = this.db.selectFrom("storylines").selectAll();
    if (theatreId) q = q.where("theatre_id", "=", theatreId);
    const rows = await q.orderBy("updated_at", "desc").execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      theatreId: r.theatre_id,
      eventIds: JSON.parse(r.event_ids) as number[],
      updatedAt: r.updated_at,
    }));
  }

  /** Upserts a theatre's daily escalation index values. */
  async saveTheatreDays(
    rows: { theatreId: string; day: string; escalation: number; events: number }[],
  ): Promise<void> {
    for (const r of rows) {
      const v = { escalation: r.escalation, events: r.events };
      await this.db
        .insertInto("theatre_days")
        .values({ theatre_id: r.theatreId, day: r.day, ...v })
        .onConflict((oc) => oc.columns(["theatre_id", "day"]).doUpdateSet(v))
        .execute();
    }
  }

  /** A theatre's daily escalation series, oldest first. */
  async theatreDays(theatreId: string): Promise<{ day: string; escalation: number; events: number }[]> {
    const rows = await this.db
      .selectFrom("theatre_days")
      .select(["day", "escalation", "events"])
      .where("theatre_id", "=", theatreId)
      .orderBy("day")
      .execute();
    return rows.map((r) => ({ day: r.day, escalation: r.escalation, events: Number(r.events) }));
  }
}

function toLink(r: Selectable<EventLinksTable>): EventLink {
  return {
    fromEvent: Number(r.from_event),
    toEvent: Number(r.to_event),
    type: r.type as RelationType,
    confidence: r.confidence,
    explanation: r.explanation,
    evidence: JSON.parse(r.evidence) as EventLink["evidence"],
  };
}
