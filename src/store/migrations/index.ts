import { type Kysely, type Migration, type MigrationProvider, sql } from "kysely";
import type { Dialect } from "../connect.ts";

/** Ordered, append-only migrations; the dialect decides full-text search and id types. */
export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    "0001_core": { up: (db) => core(db, dialect) },
    "0002_search": { up: (db) => (dialect === "sqlite" ? sqliteSearch(db) : postgresSearch(db)) },
    "0003_redirect_index": {
      up: (db) => db.schema.createIndex("events_redirect").on("events").column("redirect_to").execute(),
    },
    "0004_alerts": { up: (db) => alerts(db) },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any past schema
async function alerts(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("alerts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("rule_id", "text", (c) => c.notNull())
    .addColumn("event_id", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("delivered_at", "text")
    .addColumn("delivery_error", "text")
    .execute();
  await db.schema.createIndex("alerts_created").on("alerts").column("created_at").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any past schema
async function core(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable("sources")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull().unique())
    .addColumn("title", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("etag", "text")
    .addColumn("last_modified", "text")
    .addColumn("last_polled_at", "text")
    .addColumn("next_poll_at", "text")
    .addColumn("last_ok_at", "text")
    .addColumn("error_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("article_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("articles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seq", "bigint", (c) => c.notNull().unique())
    .addColumn("source_id", "text", (c) => c.notNull())
    .addColumn("external_id", "text")
    .addColumn("url", "text")
    .addColumn("canonical_url", "text", (c) => c.unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("outlet", "text")
    .addColumn("language", "text")
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("date_estimated", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("fetched_at", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull().unique())
    .addColumn("syndicated_of", "text")
    .addColumn("sentences", "text", (c) => c.notNull())
    .addColumn("event_id", "bigint")
    .addColumn("gold", "text")
    .execute();
  await db.schema.createIndex("articles_event").on("articles").column("event_id").execute();
  await db.schema.createIndex("articles_published").on("articles").column("published_at").execute();
  await db.schema.createIndex("articles_source").on("articles").columns(["source_id", "seq"]).execute();
  await db.schema
    .createTable("events")
    .addColumn("id", "bigint", (c) => c.primaryKey())
    .addColumn("redirect_to", "bigint")
    .addColumn("first_seen", "text", (c) => c.notNull())
    .addColumn("last_updated", "text", (c) => c.notNull())
    .addColumn("article_count", "integer", (c) => c.notNull())
    .addColumn("source_count", "integer", (c) => c.notNull())
    .addColumn("top_entities", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("type", "text")
    .addColumn("intensity", "real")
    .addColumn("direction", "text")
    .addColumn("location", "text")
    .addColumn("theatres", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("record", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("events_updated").on("events").column("last_updated").execute();
  await db.schema.createIndex("events_first_seen").on("events").column("first_seen").execute();
  await db.schema
    .createTable("event_theatres")
    .addColumn("event_id", "bigint", (c) => c.notNull())
    .addColumn("theatre_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_theatres_pk", ["event_id", "theatre_id"])
    .execute();
  await db.schema.createIndex("event_theatres_theatre").on("event_theatres").column("theatre_id").execute();
  await db.schema
    .createTable("event_actors")
    .addColumn("event_id", "bigint", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_actors_pk", ["event_id", "actor_id"])
    .execute();
  await db.schema.createIndex("event_actors_actor").on("event_actors").column("actor_id").execute();
  await db.schema
    .createTable("actors")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("country", "text")
    .addColumn("code", "text")
    .addColumn("sector", "text")
    .addColumn("role", "text")
    .addColumn("organization", "text")
    .addColumn("state_media", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("actor_responses")
    .addColumn("event_id", "bigint", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("support", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("actor_responses_pk", ["event_id", "actor_id"])
    .execute();
  await db.schema
    .createTable("event_links")
    .addColumn("from_event", "bigint", (c) => c.notNull())
    .addColumn("to_event", "bigint", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("confidence", "real", (c) => c.notNull())
    .addColumn("explanation", "text", (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_links_pk", ["from_event", "to_event"])
    .execute();
  await db.schema.createIndex("event_links_to").on("event_links").column("to_event").execute();
  await db.schema
    .createTable("event_changes")
    .addColumn("id", dialect === "sqlite" ? "integer" : "serial", (c) =>
      dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn("event_id", "bigint", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_changes_event").on("event_changes").column("event_id").execute();
  await db.schema
    .createTable("storylines")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("theatre_id", "text")
    .addColumn("event_ids", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("theatre_days")
    .addColumn("theatre_id", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("escalation", "real", (c) => c.notNull())
    .addColumn("events", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("theatre_days_pk", ["theatre_id", "day"])
    .execute();
  await db.schema
    .createTable("state")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any past schema
async function sqliteSearch(db: Kysely<any>): Promise<void> {
  await sql`create virtual table articles_fts using fts5(title, text, content='articles', content_rowid='rowid')`.execute(
    db,
  );
  await sql`create trigger articles_fts_ai after insert on articles begin
    insert into articles_fts(rowid, title, text) values (new.rowid, new.title, new.text); end`.execute(db);
  await sql`create trigger articles_fts_ad after delete on articles begin
    insert into articles_fts(articles_fts, rowid, title, text) values ('delete', old.rowid, old.title, old.text); end`.execute(
    db,
  );
  await sql`create virtual table events_fts using fts5(title, body, event_id unindexed)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run against any past schema
async function postgresSearch(db: Kysely<any>): Promise<void> {
  await sql`alter table articles add column search tsvector generated always as
    (to_tsvector('simple', coalesce(title,'') || ' ' || coalesce(text,''))) stored`.execute(db);
  await sql`create index articles_search on articles using gin(search)`.execute(db);
  await sql`create table events_fts (event_id bigint primary key, title text not null, body text not null,
    search tsvector generated always as (to_tsvector('simple', title || ' ' || body)) stored)`.execute(db);
  await sql`create index events_fts_search on events_fts using gin(search)`.execute(db);
}
