import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Small key/value state: pipeline snapshots, counters. */
export class StateQueries {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /** Value of `key`, or null. */
  async getState(key: string): Promise<string | null> {
    const row = await this.db.selectFrom("state").select("value").where("key", "=", key).executeTakeFirst();
    return row?.value ?? null;
  }

  /** Sets `key` to `value`. */
  async setState(key: string, value: string): Promise<void> {
    await this.db
      .insertInto("state")
      .values({ key, value })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value }))
      .execute();
  }
}
