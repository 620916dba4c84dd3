import type { Kysely, Selectable } from "kysely";
import type { Alert } from "../model/alert.ts";
import type { AlertsTable, Database } from "./schema.ts";

/** Alerts raised by the configured rules: once per rule and event, newest first. */
export class AlertQueries {
  private readonly db: Kysely<Database>;
  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /** Stores the alerts not raised before (by id, `rule:event`); returns those it stored. */
  async addNew(alerts: Alert[]): Promise<Alert[]> {
    if (!alerts.length) return [];
    const known = new Set<string>();
    for (let i = 0; i < alerts.length; i += 400) {
      const rows = await this.db
        .selectFrom("alerts")
        .select("id")
        .where(
          "id",
          "in",
          alerts.slice(i, i + 400).map((a) => a.id),
        )
        .execute();
      for (const r of rows) known.add(r.id);
    }
    const fresh = alerts.filter((a, i) => !known.has(a.id) && alerts.findIndex((b) => b.id === a.id) === i);
    for (let i = 0; i < fresh.length; i += 200)
      await this.db
        .insertInto("alerts")
        .values(fresh.slice(i, i + 200).map(toRow))
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
    return fresh;
  }

  /** Records the webhook's answer for an alert. */
  async markDelivery(id: string, at: string | null, error: string | null): Promise<void> {
    await this.db
      .updateTable("alerts")
      .set({ delivered_at: at, delivery_error: error })
      .where("id", "=", id)
      .execute();
  }

  /** Alerts newest first, of one rule when given. */
  async list(options: { rule?: string; limit?: number; offset?: number } = {}): Promise<Alert[]> {
    let q = this.db.selectFrom("alerts").selectAll();
    if (options.rule) q = q.where("rule_id", "=", options.rule);
    const rows = await q
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(options.limit ?? 100)
      .offset(options.offset ?? 0)
      .execute();
    return rows.map(fromRow);
  }
}

function toRow(a: Alert): AlertsTable {
  return {
    id: a.id,
    rule_id: a.ruleId,
    event_id: a.eventId,
    created_at: a.createdAt,
    title: a.title,
    reason: a.reason,
    delivered_at: a.deliveredAt,
    delivery_error: a.deliveryError,
  };
}

function fromRow(r: Selectable<AlertsTable>): Alert {
  return {
    id: r.id,
    ruleId: r.rule_id,
    eventId: Number(r.event_id),
    createdAt: r.created_at,
    title: r.title,
    reason: r.reason,
    deliveredAt: r.delivered_at,
    deliveryError: r.delivery_error,
  };
}
