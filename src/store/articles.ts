import { type Kysely, type Selectable, sql } from "kysely";
import type { Article, GoldLabels } from "../model/article.ts";
import type { CompiledReads } from "./compiled.ts";
import type { Dialect } from "./connect.ts";
import type { ArticlesTable, Database } from "./schema.ts";

const CHUNK = 400;

/** An article as an event page lists and quotes it: no text or evaluation labels. */
export type ArticleRef = Pick<
  Article,
  "id" | "title" | "url" | "outlet" | "publishedAt" | "syndicatedOf" | "sentences"
>;

/** Filters for listing articles. */
export interface ArticleFilter {
  sourceId?: string;
  eventId?: number;
  q?: string;
  limit?: number;
  offset?: number;
}

/** Article queries. */
export class ArticleQueries {
  private readonly db: Kysely<Database>;
  private readonly dialect: Dialect;
  private readonly reads: CompiledReads;
  constructor(db: Kysely<Database>, dialect: Dialect, reads: CompiledReads) {
    this.db = db;
    this.dialect = dialect;
    this.reads = reads;
  }

  /** Which of these ids, canonical URLs and content hashes are already stored. */
  async findKnown(keys: { ids: string[]; urls: string[]; hashes: string[] }): Promise<Set<string>> {
    const known = new Set<string>();
    for (const [col, values] of [
      ["id", keys.ids],
      ["canonical_url", keys.urls],
      ["content_hash", keys.hashes],
    ] as const) {
      for (let i = 0; i < values.length; i += CHUNK) {
        const part = values.slice(i, i + CHUNK);
        if (!part.length) continue;
        const rows = await this.db.selectFrom("articles").select(col).where(col, "in", part).execute();
        for (const r of rows) known.add(String((r as Record<string, unknown>)[col]));
      }
    }
    return known;
  }

  /** Inserts articles, skipping any that collide on id, canonical URL or content hash; returns ids inserted. */
  async insertArticles(articles: Article[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < articles.length; i += CHUNK) {
      const rows = articles.slice(i, i + CHUNK).map(toRow);
      const res = await this.db
        .insertInto("articles")
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      inserted += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    return inserted;
  }

  /** Moves the given articles to an event. */
  async assignEvent(articleIds: string[], eventId: number): Promise<void> {
    for (let i = 0; i < articleIds.length; i += CHUNK) {
      await this.db
        .updateTable("articles")
        .set({ event_id: eventId })
        .where("id", "in", articleIds.slice(i, i + CHUNK))
        .execute();
    }
  }

  /** Moves every member of one event to another (merge). */
  async moveEvent(fromEvent: number, toEvent: number): Promise<void> {
    await this.db
      .updateTable("articles")
      .set({ event_id: toEvent })
      .where("event_id", "=", fromEvent)
      .execute();
  }

  /** Highest ingest sequence number stored, or 0. */
  async maxSeq(): Promise<number> {
    const row = await this.db
      .selectFrom("articles")
      .select((eb) => eb.fn.max("seq").as("m"))
      .executeTakeFirst();
    return Number(row?.m ?? 0);
  }

  /** Number of stored articles. */
  async countArticles(filter: Pick<ArticleFilter, "sourceId"> = {}): Promise<number> {
    let q = this.db.selectFrom("articles").select((eb) => eb.fn.countAll().as("n"));
    if (filter.sourceId) q = q.where("source_id", "=", filter.sourceId);
    const row = await q.executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** One article by id. */
  async getArticle(id: string): Promise<Article | null> {
    const row = await this.db.selectFrom("articles").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toArticle(row) : null;
  }

  /** Articles by id, in the order asked. */
  async getArticles(ids: string[]): Promise<Article[]> {
    const out = new Map<string, Article>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("articles")
        .selectAll()
        .where("id", "in", ids.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) out.set(r.id, toArticle(r));
    }
    return ids.flatMap((id) => out.get(id) ?? []);
  }

  /** Newest-first article list with optional filters and full-text query. */
  async listArticles(f: ArticleFilter = {}): Promise<Article[]> {
    let q = this.db.selectFrom("articles").selectAll("articles");
    if (f.sourceId) q = q.where("articles.source_id", "=", f.sourceId);
    if (f.eventId !== undefined) q = q.where("articles.event_id", "=", f.eventId);
    if (f.q) {
      const ids = await this.searchIds(f.q, 2000);
      if (!ids.length) return [];
      q = q.where("articles.id", "in", ids);
    }
    const rows = await q
      .orderBy("articles.published_at", "desc")
      .orderBy("articles.seq", "desc")
      .limit(f.limit ?? 50)
      .offset(f.offset ?? 0)
      .execute();
    return rows.map(toArticle);
  }

  /** Members of an event, oldest first. */
  async articlesOfEvent(eventId: number): Promise<Article[]> {
    const rows = await this.reads.rows(
      "articles.ofEvent",
      (db) => db.selectFrom("articles").selectAll().where("event_id", "=", eventId),
      [eventId],
    );
    return rows.sort(oldestFirst).map(toArticle);
  }

  /**
   * Members of an event, oldest first, without their text and evaluation labels: what an event page lists and
   * quotes. Sentences are parsed when first read (a page quotes a few members, not all).
   */
  async memberRefsOf(eventId: number): Promise<ArticleRef[]> {
    const rows = await this.reads.rows(
      "articles.refsOfEvent",
      (db) =>
        db
          .selectFrom("articles")
          .select(["id", "title", "url", "outlet", "published_at", "seq", "syndicated_of", "sentences"])
          .where("event_id", "=", eventId),
      [eventId],
    );
    return rows.sort(oldestFirst).map((r) => {
      let sentences: string[] | undefined;
      return {
        id: r.id,
        title: r.title,
        url: r.url,
        outlet: r.outlet,
        publishedAt: r.published_at,
        syndicatedOf: r.syndicated_of,
        get sentences() {
          sentences ??= JSON.parse(r.sentences) as string[];
          return sentences;
        },
      };
    });
  }

  /** The earliest member article of each given event (title and sentences stand in for a pending record). */
  async firstArticlesOf(eventIds: number[]): Promise<Map<number, Article>> {
    const out = new Map<number, Article>();
    for (let i = 0; i < eventIds.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("articles")
        .selectAll()
        .where("event_id", "in", eventIds.slice(i, i + CHUNK))
        .where("syndicated_of", "is", null)
        .orderBy("published_at")
        .orderBy("seq")
        .execute();
      for (const r of rows) if (!out.has(Number(r.event_id))) out.set(Number(r.event_id), toArticle(r));
    }
    return out;
  }

  /** Event ids of the given articles (distinct, articles without an event skipped). */
  async eventIdsOf(articleIds: string[]): Promise<number[]> {
    const out = new Set<number>();
    for (let i = 0; i < articleIds.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("articles")
        .select("event_id")
        .where("id", "in", articleIds.slice(i, i + CHUNK))
        .where("event_id", "is not", null)
        .execute();
      for (const r of rows) out.add(Number(r.event_id));
    }
    return [...out];
  }

  /** Members of several events at once, oldest first per event. */
  async articlesOfEvents(eventIds: number[]): Promise<Map<number, Article[]>> {
    const out = new Map<number, Article[]>();
    for (let i = 0; i < eventIds.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom("articles")
        .selectAll()
        .where("event_id", "in", eventIds.slice(i, i + CHUNK))
        .orderBy("published_at")
        .orderBy("seq")
        .execute();
      for (const r of rows) {
        const a = toArticle(r);
        const list = out.get(a.eventId as number);
        if (list) list.push(a);
        else out.set(a.eventId as number, [a]);
      }
    }
    return out;
  }

  /** Article ids matching a full-text query, best first. */
  async searchIds(query: string, limit = 100): Promise<string[]> {
    const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!terms.length) return [];
    if (this.dialect === "sqlite") {
      const match = terms.map((t) => `"${t}"`).join(" ");
      const res = await sql<{
        id: string;
      }>`select a.id from articles_fts f join articles a on a.rowid = f.rowid
        where articles_fts match ${match} order by rank limit ${limit}`.execute(this.db);
      return res.rows.map((r) => r.id);
    }
    const tsq = terms.join(" & ");
    const res = await sql<{ id: string }>`select id from articles where search @@ to_tsquery('simple', ${tsq})
      order by ts_rank(search, to_tsquery('simple', ${tsq})) desc limit ${limit}`.execute(this.db);
    return res.rows.map((r) => r.id);
  }

  /** (article id, event id, gold) for every article, in ingest order: used by evaluation. */
  async assignments(): Promise<
    { id: string; eventId: number | null; gold: GoldLabels | null; publishedAt: string }[]
  > {
    const rows = await this.db
      .selectFrom("articles")
      .select(["id", "event_id", "gold", "published_at"])
      .orderBy("seq")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id === null ? null : Number(r.event_id),
      gold: r.gold ? (JSON.parse(r.gold) as GoldLabels) : null,
      publishedAt: r.published_at,
    }));
  }
}

/** Publication order, ties by ingest order: sorted in JS, as an ORDER BY costs SQLite a sorter per query. */
function oldestFirst(
  a: { published_at: string; seq: number },
  b: { published_at: string; seq: number },
): number {
  if (a.published_at !== b.published_at) return a.published_at < b.published_at ? -1 : 1;
  return Number(a.seq) - Number(b.seq);
}

function toRow(a: Article): ArticlesTable {
  return {
    id: a.id,
    seq: a.seq,
    source_id: a.sourceId,
    external_id: a.externalId,
    url: a.url,
    canonical_url: a.canonicalUrl,
    title: a.title,
    text: a.text,
    outlet: a.outlet,
    language: a.language,
    published_at: a.publishedAt,
    date_estimated: a.dateEstimated ? 1 : 0,
    fetched_at: a.fetchedAt,
    content_hash: a.contentHash,
    syndicated_of: a.syndicatedOf,
    sentences: JSON.stringify(a.sentences),
    event_id: a.eventId,
    gold: a.gold ? JSON.stringify(a.gold) : null,
  };
}

function toArticle(r: Selectable<ArticlesTable>): Article {
  return {
    id: r.id,
    sourceId: r.source_id,
    externalId: r.external_id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    text: r.text,
    outlet: r.outlet,
    language: r.language,
    publishedAt: r.published_at,
    dateEstimated: r.date_estimated === 1,
    fetchedAt: r.fetched_at,
    contentHash: r.content_hash,
    syndicatedOf: r.syndicated_of,
    sentences: JSON.parse(r.sentences) as string[],
    eventId: r.event_id === null ? null : Number(r.event_id),
    seq: Number(r.seq),
    gold: r.gold ? (JSON.parse(r.gold) as GoldLabels) : null,
  };
}
