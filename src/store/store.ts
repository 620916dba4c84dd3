import type { Kysely } from "kysely";
import { ArticleQueries } from "./articles.ts";
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
  private readonly root: boolean;

  constructor(db: Kysely<Database>, dialect: Dialect, root = true) {
    this.db = db;
    this.dialect = dialect;
    this.root = root;
    this.sources = new SourceQueries(db);
    this.articles = new ArticleQueries(db, dialect);
    this.events = new EventQueries(db, dialect);
    this.links = new LinkQueries(db);
    this.state = new StateQueries(db);
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
  return new Store(conn.db, conn.dialect);
}
