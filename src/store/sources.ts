import { createHash } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Source, SourceKind } from "../model/source.ts";
import type { Database, SourcesTable } from "./schema.ts";

/** Outcome of one poll, recorded on the source. */
export interface PollOutcome {
  at: string;
  ok: boolean;
  error?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  nextPollAt: string | null;
  articlesAdded: number;
  title?: string | null;
}

/** Stable id of a source from its URL. */
export function sourceIdFor(url: string): string {
  return `src_${createHash("sha1").update(url).digest("hex").slice(0, 12)}`;
}

/** Source registry queries. */
export class SourceQueries {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /** Registers a source (idempotent on URL) and returns it. */
  async addSource(
    input: { kind: SourceKind; url: string; title?: string | null },
    now: string,
  ): Promise<Source> {
    const id = sourceIdFor(input.url);
    await this.db
      .insertInto("sources")
      .values({
        id,
        kind: input.kind,
        url: input.url,
        title: input.title ?? null,
        created_at: now,
        active: 1,
        etag: null,
        last_modified: null,
        last_polled_at: null,
        next_poll_at: null,
        last_ok_at: null,
        error_count: 0,
        last_error: null,
        article_count: 0,
      })
      .onConflict((oc) => oc.column("url").doNothing())
      .execute();
    return (await this.getSource(input.url)) as Source;
  }

  /** A source by id or URL. */
  async getSource(idOrUrl: string): Promise<Source | null> {
    const row = await this.db
      .selectFrom("sources")
      .selectAll()
      .where((eb) => eb.or([eb("id", "=", idOrUrl), eb("url", "=", idOrUrl)]))
      .executeTakeFirst();
    return row ? toSource(row) : null;
  }

  /** All sources, optionally only the kinds given. */
  async listSources(kinds?: SourceKind[]): Promise<Source[]> {
    let q = this.db.selectFrom("sources").selectAll().orderBy("created_at").orderBy("id");
    if (kinds?.length) q = q.where("kind", "in", kinds);
    return (await q.execute()).map(toSource);
  }

  /** Sources due for polling at `now`. */
  async dueSources(now: string): Promise<Source[]> {
    const rows = await this.db
      .selectFrom("sources")
      .selectAll()
      .where("active", "=", 1)
      .where("kind", "in", ["feed", "page"])
      .where((eb) => eb.or([eb("next_poll_at", "is", null), eb("next_poll_at", "<=", now)]))
      .orderBy("id")
      .execute();
    return rows.map(toSource);
  }

  /** Removes a source; its articles stay. Returns whether it existed. */
  async removeSource(idOrUrl: string): Promise<boolean> {
    const res = await this.db
      .deleteFrom("sources")
      .where((eb) => eb.or([eb("id", "=", idOrUrl), eb("url", "=", idOrUrl)]))
      .executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  /** Records the result of a poll: status, validators, error count and next poll time. */
  async recordPoll(id: string, o: PollOutcome): Promise<void> {
    await this.db
      .updateTable("sources")
      .set((eb) => ({
        last_polled_at: o.at,
        next_poll_at: o.nextPollAt,
        ...(o.ok
          ? { last_ok_at: o.at, error_count: 0, last_error: null }
          : { error_count: eb("error_count", "+", 1), last_error: o.error ?? "unknown error" }),
        ...(o.etag !== undefined ? { etag: o.etag } : {}),
        ...(o.lastModified !== undefined ? { last_modified: o.lastModified } : {}),
        ...(o.title ? { title: o.title } : {}),
        article_count: eb("article_count", "+", o.articlesAdded),
      }))
      .where("id", "=", id)
      .execute();
  }
}

function toSource(r: Selectable<SourcesTable>): Source {
  return {
    id: r.id,
    kind: r.kind as SourceKind,
    url: r.url,
    title: r.title,
    createdAt: r.created_at,
    active: r.active === 1,
    etag: r.etag,
    lastModified: r.last_modified,
    lastPolledAt: r.last_polled_at,
    nextPollAt: r.next_poll_at,
    lastOkAt: r.last_ok_at,
    errorCount: Number(r.error_count),
    lastError: r.last_error,
    articleCount: Number(r.article_count),
  };
}
