import type Sqlite from "better-sqlite3";
import { type Kysely, sql } from "kysely";
import { AlertQueries } from "./alerts.ts";
import { ArticleQueries } from "./articles.ts";
import { CompiledReads } from "./compiled.ts";
import { type Connection, connect, type Dialect, migrate } from "./connect.ts";
import { EventQueries } from "./events.ts";
import { LinkQueries } from "./links.ts";
import type { Database } from "./schema.ts";
import { SourceQueries } from "./sources.ts";
import { StateQueries } from "./state.ts";

/** The one storage interface: per-aggregate query groups over one Kysely handle, SQLite or Postgres. */
export class Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly sources: SourceQueries;
  readonly articles: ArticleQueries;
  readonly events: EventQueries;
  readonly links: LinkQueries;
  readonly state: StateQueries;
  readonly alerts: AlertQueries;
  private readonly root: boolean;

  /** `sqlite` is the connection under `db` of a root SQLite store: hot reads run on it directly (compiled.ts). */
  constructor(db: Kysely<Database>, dialect: Dialect, root = true, sqlite: Sqlite.Database | null = null) {
    this.db = db;
    this.dialect = dialect;
    this.root = root;
    const reads = new CompiledReads(db, dialect, sqlite);
    this.sources = new SourceQueries(db);
    this.articles = new ArticleQueries(db, dialect, reads);
    this.events = new EventQueries(db, dialect, reads);
    this.links = new LinkQueries(db, reads);
    this.state = new StateQueries(db);
    this.alerts = new AlertQueries(db);
  }

  /** Runs `fn` in one transaction; everything it writes lands together or not at all. */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (!this.root) return fn(this);
    return this.db.transaction().execute((trx) => fn(new Store(trx, this.dialect, false)));
  }

  /** Closes the connection. */
  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** Opens and migrates the store at `url` (SQLite path or postgres:// URL). */
export async function openStore(url: string, options: { schema?: string } = {}): Promise<Store> {
  const conn: Connection = connect(url, options);
  await migrate(conn);
  return new Store(conn.db, conn.dialect, true, conn.sqlite ?? null);
}

/**
 * Tunes a store's connection for serving reads (the HTTP API): SQLite then reads the database file through a
 * memory map of up to `bytes` instead of copying every page it touches from the OS cache into its own page cache.
 * Postgres: nothing to do.
 */
export async function mapForReads(store: Store, bytes = 1024 * 1024 * 1024): Promise<void> {
  if (store.dialect === "sqlite") await sql.raw(`pragma mmap_size = ${Math.floor(bytes)}`).execute(store.db);
}
