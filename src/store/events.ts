import { type Kysely, type Selectable, sql } from "kysely";
import type { Actor, ActorResponse, SentenceRef } from "../model/actor.ts";
import type { Direction, EventChange, EventRecord, SitrepEvent } from "../model/event.ts";
import type { CompiledReads } from "./compiled.ts";
import type { Dialect } from "./connect.ts";
import { insertNew } from "./insert-new.ts";
import type { ActorsTable, Database, EventsTable } from "./schema.ts";

/** Filters for listing events. */
export interface EventFilter {
  theatre?: string;
  actor?: string;
  type?: string;
  minIntensity?: number;
  maxIntensity?: number;
  from?: string;
  to?: string;
  q?: string;
  limit?: number;
  offset?: number;
  /** Only events updated after this ISO time (for live feeds). */
  updatedAfter?: string;
  /** Only these event ids (e.g. from a search the caller ran). */
  ids?: number[];
}

/** Number of live events per theatre, with the latest activity. */
export interface TheatreCount {
  theatreId: string;
  events: number;
  lastUpdated: string | null;
}

/** One actor response with the event it belongs to, for an actor's history. */
export interface ActorResponseOnEvent extends ActorResponse {
  eventId: number;
  eventTitle: string | null;
  firstSeen: string;
}

/** Event queries: events, redirects, changelog, actors and responses, theatres, text index. */
export class EventQueries {
  private readonly db: Kysely<Database>;
  private readonly dialect: Dialect;
  private readonly reads: CompiledReads;
  constructor(db: Kysely<Database>, dialect: Dialect, reads: CompiledReads) {
    this.db = db;
    this.dialect = dialect;
    this.reads = reads;
  }

  /** Inserts or replaces the cluster-level fields of events (record untouched when null). */
  async upsertEvents(events: SitrepEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += 200) {
      const rows = events.slice(i, i + 200).map((e) => ({
        id: e.id,
        redirect_to: e.redirectTo,
        first_seen: e.firstSeen,
        last_updated: e.lastUpdated,
        article_count: e.articleCount,
        source_count: e.sourceCount,
        top_entities: JSON.stringify(e.topEntities),
        theatres: "[]",
        version: 1,
      }));
      await this.db
        .insertInto("events")
        .values(rows)
        // A merged event stays a redirect: an upsert never clears redirect_to (setRedirect owns it).
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            first_seen: eb.ref("excluded.first_seen"),
            last_updated: eb.ref("excluded.last_updated"),
            article_count: eb.ref("excluded.article_count"),
            source_count: eb.ref("excluded.source_count"),
            top_entities: eb.ref("excluded.top_entities"),
            version: eb("events.version", "+", 1),
          })),
        )
        .execute();
    }
  }

  /** Stores the synthesized record of an event and its denormalized columns, actors, theatres and text index. */
  async saveRecord(id: number, record: EventRecord, actors: Actor[]): Promise<void> {
    await this.saveRecords([{ id, record, actors }]);
  }

  /** saveRecord for many events at once: one multi-row write per table instead of ~10 queries per event. */
  async saveRecords(items: { id: number; record: EventRecord; actors: Actor[] }[]): Promise<void> {
    if (!items.length) return;
    for (const { id, record } of items) {
      const params = [
        JSON.stringify(record),
        record.title,
        record.type,
        record.intensity,
        record.direction,
        record.location,
        JSON.stringify(record.theatres),
        id,
      ] as const;
      await this.reads.run(
        this.db,
        "saveRecord",
        (db) =>
          db
            .updateTable("events")
            .set({
              record: params[0],
              title: params[1],
              type: params[2],
              intensity: params[3],
              direction: params[4],
              location: params[5],
              theatres: params[6],
            })
            .where("id", "=", params[7]),
        [...params],
      );
    }
    const ids = items.map((i) => i.id);
    for (let i = 0; i < ids.length; i += 400) {
      const part = ids.slice(i, i + 400);
      await this.db.deleteFrom("event_theatres").where("event_id", "in", part).execute();
      await this.db.deleteFrom("event_actors").where("event_id", "in", part).execute();
      await this.db.deleteFrom("actor_responses").where("event_id", "in", part).execute();
      if (this.dialect === "sqlite")
        await sql`delete from events_fts where rowid in (${sql.join(part)})`.execute(this.db);
      else await sql`delete from events_fts where event_id in (${sql.join(part)})`.execute(this.db);
    }
    const theatres = items.flatMap((i) => i.record.theatres.map((t) => ({ event_id: i.id, theatre_id: t })));
    const eventActors = items.flatMap((i) =>
      [...new Set(i.actors.map((a) => a.id))].map((a) => ({ event_id: i.id, actor_id: a })),
    );
    const responses = items.flatMap((i) =>
      i.record.responses.map((r) => ({
        event_id: i.id,
        actor_id: r.actorId,
        text: r.text,
        support: JSON.stringify(r.support),
      })),
    );
    await this.saveActors(items.flatMap((i) => i.actors));
    await insertNew(this.db, "event_theatres", theatres, 400);
    await insertNew(this.db, "event_actors", eventActors, 400);
    await insertNew(this.db, "actor_responses", responses, 200);
    for (let i = 0; i < items.length; i += 200) {
      const rows = items.slice(i, i + 200).map((x) => {
        const body = `${x.record.summary.map((s) => s.text).join(" ")} ${x.record.content}`;
        return this.dialect === "sqlite"
          ? sql`(${x.id}, ${x.id}, ${x.record.title}, ${body})`
          : sql`(${x.id}, ${x.record.title}, ${body})`;
      });
      if (this.dialect === "sqlite")
        await sql`insert into events_fts (rowid, event_id, title, body) values ${sql.join(rows)}`.execute(
          this.db,
        );
      else
        await sql`insert into events_fts (event_id, title, body) values ${sql.join(rows)}`.execute(this.db);
    }
  }

  /** Upserts actor rows (multi-row, latest description wins). */
  async saveActors(actors: Actor[]): Promise<void> {
    const byId = new Map<string, Actor>();
    for (const a of actors) byId.set(a.id, a);
    const rows = [...byId.values()].map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      country: a.country,
      code: a.code,
      sector: a.sector,
      role: a.role,
      organization: a.organization,
      state_media: a.stateMedia ? 1 : 0,
    }));
    for (let i = 0; i < rows.length; i += 300)
      await this.db
        .insertInto("actors")
        .values(rows.slice(i, i + 300))
        .onConflict((oc) =>
          oc.column("id").doUpdateSet((eb) => ({
            name: eb.ref("excluded.name"),
            kind: eb.ref("excluded.kind"),
            country: eb.ref("excluded.country"),
            code: eb.ref("excluded.code"),
            sector: eb.ref("excluded.sector"),
            role: eb.ref("excluded.role"),
            organization: eb.ref("excluded.organization"),
            state_media: eb.ref("excluded.state_media"),
          })),
        )
        .execute();
  }

  /** Marks `from` as merged into `to`; lookups of `from` then resolve to `to`. */
  async setRedirect(from: number, to: number): Promise<void> {
    await this.db.updateTable("events").set({ redirect_to: to }).where("id", "=", from).execute();
    await this.db.updateTable("events").set({ redirect_to: to }).where("redirect_to", "=", from).execute();
    await this.db.deleteFrom("event_theatres").where("event_id", "=", from).execute();
    await this.db.deleteFrom("event_actors").where("event_id", "=", from).execute();
    await this.db.deleteFrom("actor_responses").where("event_id", "=", from).execute();
    await this.removeText(from);
  }

  /** An event by id; a merged id resolves to the event it redirects to. */
  async getEvent(id: number): Promise<{ event: SitrepEvent; redirectedFrom: number | null } | null> {
    let current = id;
    for (let hops = 0; hops < 10; hops++) {
      const at = current;
      const [row] = await this.reads.rows(
        "events.get",
        (db) => db.selectFrom("events").selectAll().where("id", "=", at),
        [at],
      );
      if (!row) return null;
      if (row.redirect_to === null)
        return { event: toEvent(row), redirectedFrom: current === id ? null : id };
      current = Number(row.redirect_to);
    }
    return null;
  }

  /** Events by id (no redirect resolution). */
  async getEvents(ids: number[]): Promise<SitrepEvent[]> {
    if (!ids.length) return [];
    const rows = await this.db.selectFrom("events").selectAll().where("id", "in", ids).execute();
    return rows.map(toEvent);
  }

  /** Live events (not redirects), newest activity first, filtered. */
  async listEvents(f: EventFilter = {}): Promise<SitrepEvent[]> {
    // `+redirect_to`: almost every event has none, yet SQLite would pick that index and sort every live event
    // (64 ms over 20,000); without it, it walks last_updated newest first and stops at the page (0.2 ms).
    let q = this.db
      .selectFrom("events")
      .selectAll("events")
      .where(sql<number | null>`+${sql.ref("events.redirect_to")}`, "is", null);
    if (f.theatre)
      q = q.where("events.id", "in", (eb) =>
        eb
          .selectFrom("event_theatres")
          .select("event_id")
          .where("theatre_id", "=", f.theatre as string),
      );
    if (f.actor)
      q = q.where("events.id", "in", (eb) =>
        eb
          .selectFrom("event_actors")
          .select("event_id")
          .where("actor_id", "=", f.actor as string),
      );
    if (f.type) q = q.where("events.type", "=", f.type);
    if (f.minIntensity !== undefined) q = q.where("events.intensity", ">=", f.minIntensity);
    if (f.maxIntensity !== undefined) q = q.where("events.intensity", "<=", f.maxIntensity);
    if (f.from) q = q.where("events.last_updated", ">=", f.from);
    if (f.to) q = q.where("events.first_seen", "<=", f.to);
    if (f.updatedAfter) q = q.where("events.last_updated", ">", f.updatedAfter);
    if (f.ids) {
      if (!f.ids.length) return [];
      q = q.where("events.id", "in", f.ids);
    }
    if (f.q) {
      const ids = await this.searchIds(f.q, 1000);
      if (!ids.length) return [];
      q = q.where("events.id", "in", ids);
    }
    const rows = await q
      .orderBy("events.last_updated", "desc")
      .orderBy("events.id", "desc")
      .limit(f.limit ?? 50)
      .offset(f.offset ?? 0)
      .execute();
    return rows.map(toEvent);
  }

  /** Id, title, first-seen time and whether the record is pending, without parsing records (for link lists). */
  async headsOf(
    ids: number[],
  ): Promise<{ id: number; title: string | null; firstSeen: string; pending: boolean }[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .selectFrom("events")
      .select((eb) => ["id", "title", "first_seen", eb("record", "is", null).as("pending")])
      .where("id", "in", ids)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      title: r.title,
      firstSeen: r.first_seen,
      pending: Boolean(r.pending),
    }));
  }

  /** Number of live events. */
  async countEvents(): Promise<number> {
    const row = await this.db
      .selectFrom("events")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("redirect_to", "is", null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Live events whose first article falls in [from, to], oldest first. */
  async eventsBetween(from: string, to: string, theatre?: string): Promise<SitrepEvent[]> {
    let q = this.db
      .selectFrom("events")
      .selectAll("events")
      .where("redirect_to", "is", null)
      .where("first_seen", ">=", from)
      .where("first_seen", "<=", to);
    if (theatre)
      q = q.where("events.id", "in", (eb) =>
        eb.selectFrom("event_theatres").select("event_id").where("theatre_id", "=", theatre),
      );
    return (await q.orderBy("first_seen").orderBy("id").execute()).map(toEvent);
  }

  /** (id, intensity) of a theatre's live events first seen in [from, to), from the denormalized column. */
  async intensitiesBetween(
    theatre: string,
    from: string,
    to: string,
  ): Promise<{ id: number; firstSeen: string; intensity: number }[]> {
    const rows = await this.db
      .selectFrom("events")
      .innerJoin("event_theatres", "event_theatres.event_id", "events.id")
      .select(["events.id", "events.first_seen", "events.intensity"])
      .where("event_theatres.theatre_id", "=", theatre)
      .where("events.redirect_to", "is", null)
      .where("events.first_seen", ">=", from)
      .where("events.first_seen", "<", to)
      .where("events.intensity", "is not", null)
      .execute();
    return rows.map((r) => ({ id: Number(r.id), firstSeen: r.first_seen, intensity: Number(r.intensity) }));
  }

  /** Appends entries to events' changelogs. */
  async addChanges(changes: { eventId: number; change: EventChange }[]): Promise<void> {
    for (let i = 0; i < changes.length; i += 300) {
      const part = changes.slice(i, i + 300);
      await this.db
        .insertInto("event_changes")
        .values(
          part.map((c) => ({
            event_id: c.eventId,
            at: c.change.at,
            kind: c.change.kind,
            detail: c.change.detail,
          })),
        )
        .execute();
    }
  }

  /** An event's changelog, as written. */
  async changesOf(eventId: number): Promise<EventChange[]> {
    // Sorted here: an ORDER BY makes SQLite set up a sorter, which costs more than the lookup.
    const rows = await this.reads.rows(
      "events.changes",
      (db) =>
        db.selectFrom("event_changes").select(["id", "at", "kind", "detail"]).where("event_id", "=", eventId),
      [eventId],
    );
    rows.sort((a, b) => Number(a.id) - Number(b.id));
    return rows.map((r) => ({ at: r.at, kind: r.kind as EventChange["kind"], detail: r.detail }));
  }

  /** Actor responses of an event. */
  async responsesOf(eventId: number): Promise<ActorResponse[]> {
    const rows = await this.db
      .selectFrom("actor_responses")
      .innerJoin("actors", "actors.id", "actor_responses.actor_id")
      .select(["actor_responses.actor_id", "actors.name", "actor_responses.text", "actor_responses.support"])
      .where("actor_responses.event_id", "=", eventId)
      .execute();
    return rows.map((r) => ({
      actorId: r.actor_id,
      actorName: r.name,
      text: r.text,
      support: JSON.parse(r.support) as SentenceRef[],
    }));
  }

  /** One actor by id. */
  async getActor(id: string): Promise<Actor | null> {
    const r = await this.db.selectFrom("actors").selectAll().where("id", "=", id).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      name: r.name,
      kind: r.kind as Actor["kind"],
      country: r.country,
      code: r.code,
      sector: r.sector as Actor["sector"],
      role: r.role,
      organization: r.organization,
      stateMedia: r.state_media === 1,
    };
  }

  /** Actors with their number of live events, most active first. */
  async listActors(limit = 100, q?: string): Promise<(Actor & { events: number })[]> {
    let query = this.db
      .selectFrom("actors")
      .innerJoin("event_actors", "event_actors.actor_id", "actors.id")
      .selectAll("actors")
      .select((eb) => eb.fn.count("event_actors.event_id").as("events"))
      .groupBy(["actors.id"]);
    if (q) query = query.where("actors.name", "like", `%${q}%`);
    const rows = await query.orderBy("events", "desc").orderBy("actors.id").limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as Actor["kind"],
      country: r.country,
      code: r.code,
      sector: r.sector as Actor["sector"],
      role: r.role,
      organization: r.organization,
      stateMedia: r.state_media === 1,
      events: Number(r.events),
    }));
  }

  /** Live events per theatre with their latest activity, busiest first. */
  async theatreCounts(): Promise<TheatreCount[]> {
    const rows = await this.db
      .selectFrom("event_theatres")
      .innerJoin("events", "events.id", "event_theatres.event_id")
      .select((eb) => [
        "event_theatres.theatre_id",
        eb.fn.countAll().as("n"),
        eb.fn.max("events.last_updated").as("last"),
      ])
      .where("events.redirect_to", "is", null)
      .groupBy("event_theatres.theatre_id")
      .orderBy("n", "desc")
      .execute();
    return rows.map((r) => ({
      theatreId: r.theatre_id,
      events: Number(r.n),
      lastUpdated: r.last === null ? null : String(r.last),
    }));
  }

  /** An actor's responses across live events, newest event first. */
  async responsesOfActor(actorId: string, limit = 200): Promise<ActorResponseOnEvent[]> {
    const rows = await this.db
      .selectFrom("actor_responses")
      .innerJoin("actors", "actors.id", "actor_responses.actor_id")
      .innerJoin("events", "events.id", "actor_responses.event_id")
      .select([
        "actor_responses.event_id",
        "actor_responses.actor_id",
        "actors.name",
        "actor_responses.text",
        "actor_responses.support",
        "events.title",
        "events.first_seen",
      ])
      .where("actor_responses.actor_id", "=", actorId)
      .where("events.redirect_to", "is", null)
      .orderBy("events.first_seen", "desc")
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      eventId: Number(r.event_id),
      eventTitle: r.title,
      firstSeen: r.first_seen,
      actorId: r.actor_id,
      actorName: r.name,
      text: r.text,
      support: JSON.parse(r.support) as SentenceRef[],
    }));
  }

  /** Actors of each of the given events, keyed by event id. */
  async actorsOfEvents(ids: number[]): Promise<Map<number, Actor[]>> {
    const out = new Map<number, Actor[]>();
    if (ids.length === 1) {
      const [id] = ids;
      // `in (?)`, not `= ?`: SQLite runs this join about 5x slower with the equality (measured, 3.54).
      const rows = await this.reads.rows(
        "events.actorsOf",
        (db) =>
          db
            .selectFrom("event_actors")
            .innerJoin("actors", "actors.id", "event_actors.actor_id")
            .selectAll("actors")
            .where("event_actors.event_id", "in", [id]),
        [id],
      );
      if (rows.length) out.set(id, rows.map(toActor));
      return out;
    }
    for (let i = 0; i < ids.length; i += 400) {
      const rows = await this.db
        .selectFrom("event_actors")
        .innerJoin("actors", "actors.id", "event_actors.actor_id")
        .selectAll("actors")
        .select("event_actors.event_id")
        .where("event_actors.event_id", "in", ids.slice(i, i + 400))
        .execute();
      for (const r of rows) {
        const list = out.get(Number(r.event_id)) ?? [];
        list.push(toActor(r));
        out.set(Number(r.event_id), list);
      }
    }
    return out;
  }

  /** Live events per actor country (ISO-3), for maps; optionally within a theatre. */
  async countryCounts(theatre?: string): Promise<{ country: string; events: number }[]> {
    let q = this.db
      .selectFrom("event_actors")
      .innerJoin("actors", "actors.id", "event_actors.actor_id")
      .innerJoin("events", "events.id", "event_actors.event_id")
      .select((eb) => ["actors.country", eb.fn.count("event_actors.event_id").distinct().as("n")])
      .where("events.redirect_to", "is", null)
      .where("actors.country", "is not", null);
    if (theatre)
      q = q.where("events.id", "in", (eb) =>
        eb.selectFrom("event_theatres").select("event_id").where("theatre_id", "=", theatre),
      );
    const rows = await q.groupBy("actors.country").execute();
    return rows.map((r) => ({ country: String(r.country), events: Number(r.n) }));
  }

  /** Events merged into any of the given ones: (merged id, id it redirects to). */
  async redirectsInto(ids: number[]): Promise<{ id: number; redirectTo: number }[]> {
    const out: { id: number; redirectTo: number }[] = [];
    for (let i = 0; i < ids.length; i += 400) {
      const rows = await this.db
        .selectFrom("events")
        .select(["id", "redirect_to"])
        .where("redirect_to", "in", ids.slice(i, i + 400))
        .execute();
      for (const r of rows) out.push({ id: Number(r.id), redirectTo: Number(r.redirect_to) });
    }
    return out;
  }

  /**
   * Titles, sentences and times of up to `perEvent` members of each event, independent reports before copies:
   * the first third of them the oldest, the rest the newest (a long-running event shows where it began and where
   * it is now), each group oldest first.
   */
  async memberTextsOf(
    ids: number[],
    perEvent = 6,
  ): Promise<Map<number, { title: string; sentences: string[]; publishedAt: string }[]>> {
    const rows: {
      event_id: number | null;
      title: string;
      sentences: string;
      published_at: string;
      syndicated_of: string | null;
    }[] = [];
    for (let i = 0; i < ids.length; i += 400)
      rows.push(
        ...(await this.db
          .selectFrom("articles")
          .select(["event_id", "title", "sentences", "published_at", "syndicated_of"])
          .where("event_id", "in", ids.slice(i, i + 400))
          .orderBy("published_at")
          .orderBy("seq")
          .execute()),
      );
    const grouped = new Map<number, typeof rows>();
    for (const r of rows) {
      const id = Number(r.event_id);
      const list = grouped.get(id) ?? [];
      list.push(r);
      grouped.set(id, list);
    }
    const out = new Map<number, { title: string; sentences: string[]; publishedAt: string }[]>();
    for (const [id, list] of grouped) {
      const ordered = [...list.filter((r) => !r.syndicated_of), ...list.filter((r) => r.syndicated_of)];
      const head = Math.ceil(perEvent / 3);
      const picked =
        ordered.length <= perEvent
          ? ordered
          : [...ordered.slice(0, head), ...ordered.slice(-(perEvent - head))];
      out.set(
        id,
        picked.map((r) => ({
          title: r.title,
          sentences: JSON.parse(r.sentences) as string[],
          publishedAt: r.published_at,
        })),
      );
    }
    return out;
  }

  /** Highest event id ever allocated, or 0. */
  async maxEventId(): Promise<number> {
    const row = await this.db
      .selectFrom("events")
      .select((eb) => eb.fn.max("id").as("m"))
      .executeTakeFirst();
    return Number(row?.m ?? 0);
  }

  /** Event ids matching a full-text query. */
  async searchIds(query: string, limit = 100): Promise<number[]> {
    const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!terms.length) return [];
    if (this.dialect === "sqlite") {
      const match = terms.map((t) => `"${t}"`).join(" ");
      const res = await sql<{
        event_id: number;
      }>`select event_id from events_fts where events_fts match ${match}
        order by rank limit ${limit}`.execute(this.db);
      return res.rows.map((r) => Number(r.event_id));
    }
    const tsq = terms.join(" & ");
    const res = await sql<{ event_id: number }>`select event_id from events_fts
      where search @@ to_tsquery('simple', ${tsq}) limit ${limit}`.execute(this.db);
    return res.rows.map((r) => Number(r.event_id));
  }

  private async removeText(id: number): Promise<void> {
    if (this.dialect === "sqlite") await sql`delete from events_fts where rowid = ${id}`.execute(this.db);
    else await sql`delete from events_fts where event_id = ${id}`.execute(this.db);
  }
}

function toActor(r: Selectable<ActorsTable>): Actor {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as Actor["kind"],
    country: r.country,
    code: r.code,
    sector: r.sector as Actor["sector"],
    role: r.role,
    organization: r.organization,
    stateMedia: r.state_media === 1,
  };
}

function toEvent(r: Selectable<EventsTable>): SitrepEvent {
  return {
    id: Number(r.id),
    redirectTo: r.redirect_to === null ? null : Number(r.redirect_to),
    firstSeen: r.first_seen,
    lastUpdated: r.last_updated,
    articleCount: Number(r.article_count),
    sourceCount: Number(r.source_count),
    topEntities: JSON.parse(r.top_entities) as string[],
    record: r.record ? (JSON.parse(r.record) as EventRecord) : null,
  };
}

/** Direction column values as the model type. */
export type { Direction };
