import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store } from "./store.ts";

/** One store factory per dialect under test: SQLite always, Postgres when SITREP_TEST_DATABASE_URL is set. */
export function testDialects(): { name: string; open: () => Promise<Store> }[] {
  const out = [
    { name: "sqlite", open: () => openStore(join(mkdtempSync(join(tmpdir(), "sitrep-")), "t.db")) },
  ];
  const url = process.env.SITREP_TEST_DATABASE_URL;
  if (url) out.push({ name: "postgres", open: () => openPostgresSchema(url) });
  return out;
}

/** A fresh Postgres schema per call, so tests never see each other's rows. */
async function openPostgresSchema(url: string): Promise<Store> {
  const schema = `t_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return openStore(url, { schema });
}
