import type Sqlite from "better-sqlite3";
import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { Dialect } from "./connect.ts";
import type { Database } from "./schema.ts";

const compiled = new Map<string, CompiledQuery>();

/**
 * Reads for hot paths (the event page), built and compiled once per dialect and then run with new parameter values.
 * Building and compiling a Kysely query costs more than SQLite's indexed lookup itself. On SQLite the compiled SQL
 * runs as a prepared statement on the connection directly, skipping Kysely's connection lock and promise chain
 * (a third of the garbage an uncached page made); while a transaction holds the connection, reads go through Kysely
 * and so wait for it, as before.
 */
export class CompiledReads {
  private readonly db: Kysely<Database>;
  private readonly dialect: Dialect;
  private readonly sqlite: Sqlite.Database | null;

  constructor(db: Kysely<Database>, dialect: Dialect, sqlite: Sqlite.Database | null) {
    this.db = db;
    this.dialect = dialect;
    this.sqlite = sqlite;
  }

  /**
   * Rows of the query `build` makes, compiled on first use under `key`. `build` must turn every value in `params`
   * into a parameter, in order, and nothing else (no literal limits): the first compilation checks that.
   */
  async rows<R>(
    key: string,
    build: (db: Kysely<Database>) => Compilable<R>,
    params: unknown[],
  ): Promise<R[]> {
    const query = this.compiled(key, build, params);
    if (this.sqlite && !this.sqlite.inTransaction) return this.sqlite.prepare(query.sql).all(params) as R[];
    return (await this.db.executeQuery<R>({ ...query, parameters: params })).rows;
  }

  /**
   * Runs a statement compiled once under `key` on `db` (the store or a transaction), with `params`; same rules
   * for `build` as `rows`. Per-row writes of a batch (tens of thousands per ingest) skip building and compiling.
   */
  async run(
    db: Kysely<Database>,
    key: string,
    build: (db: Kysely<Database>) => Compilable<unknown>,
    params: unknown[],
  ): Promise<void> {
    await db.executeQuery({ ...this.compiled(key, build, params), parameters: params });
  }

  private compiled<R>(key: string, build: (db: Kysely<Database>) => Compilable<R>, params: unknown[]) {
    const name = `${this.dialect}:${key}`;
    let query = compiled.get(name) as CompiledQuery<R> | undefined;
    if (!query) {
      query = build(this.db).compile();
      if (query.parameters.length !== params.length || query.parameters.some((p, i) => p !== params[i]))
        throw new Error(
          `compiled query ${key}: parameters ${JSON.stringify(query.parameters)} are not the values given`,
        );
      compiled.set(name, query);
    }
    return query;
  }
}
