import type { Insertable, Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Inserts rows `chunk` at a time (bound-parameter limits), leaving rows that already exist as they are. */
export async function insertNew<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  chunk: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .onConflict((oc) => oc.doNothing())
      .execute();
}
