import Sqlite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { SitrepError } from "../model/errors.ts";
import { migrationProvider } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/** The SQL dialects Sitrep stores into. */
export type Dialect = "sqlite" | "postgres";

/** An open database with its dialect. */
export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
  schema?: string;
  /** The SQLite connection under `db`. */
  sqlite?: Sqlite.Database;
}

/** Opens a SQLite file (or ":memory:") or a postgres:// URL; `schema` isolates Postgres tests. */
export function connect(url: string, options: { schema?: string } = {}): Connection {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 8,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // bigint columns come back as strings by default; our ids fit in a double.
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: "postgres",
      schema: options.schema,
    };
  }
  let database: Sqlite.Database;
  try {
    database = new Sqlite(url);
  } catch (err) {
    throw new SitrepError("invalid-input", `cannot open database ${url}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 5000");
  cacheStatements(database);
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }),
    dialect: "sqlite",
    sqlite: database,
  };
}

/** Applies pending migrations in order; throws with the failing migration's name. */
export async function migrate(conn: Connection): Promise<void> {
  const migrator = new Migrator({
    db: conn.db,
    provider: migrationProvider(conn.dialect),
    ...(conn.schema ? { migrationTableSchema: conn.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new SitrepError("internal", `migration ${failed} failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

const STATEMENT_CACHE = 1000;

/** Kysely prepares every query anew; reusing prepared statements by SQL text saves that work (LRU-bounded). */
function cacheStatements(database: Sqlite.Database): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, Sqlite.Statement>();
  database.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (stmt) {
      cache.delete(source);
    } else {
      stmt = prepare(source);
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, stmt);
    return stmt;
  }) as typeof database.prepare;
}
