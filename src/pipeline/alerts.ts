import { alertRules, matchRule, type WatchedEvent } from "../alert/rules.ts";
import { theatreList } from "../classify/theatres.ts";
import { dayMonth } from "../link/explain-link.ts";
import type { Alert, AlertRule } from "../model/alert.ts";
import { errorMessage } from "../model/errors.ts";
import type { EventLink } from "../model/link.ts";
import type { PipelineContext } from "./context.ts";
import { onLinked } from "./link-events.ts";

/**
 * Makes the pipeline raise alerts (config `alerts.rules`): after each linking pass's links are stored, every event it
 * linked is checked against every rule, with its record, actors and links as now stored. An event meeting a rule
 * raises one alert, stored once (`sitrep alerts`, /api/alerts, /feeds/alerts) and POSTed to `alerts.webhook` when
 * set. A bad rule stops the start with its index and reason; nothing happens without rules.
 */
export function installAlerts(ctx: PipelineContext): void {
  const rules = alertRules(ctx.config["alerts.rules"]);
  if (!rules.length) return;
  const names = new Map(theatreList(ctx.config["theatres.extra"]).map((t) => [t.id, t.name]));
  onLinked(ctx, async (c, linked) => {
    const raised = await raiseAlerts(c, rules, names, linked);
    if (raised.length && c.config["alerts.webhook"]) await deliver(c, raised);
  });
}

/** Checks the linked events against the rules and stores the alerts not raised before; returns those. */
export async function raiseAlerts(
  ctx: PipelineContext,
  rules: AlertRule[],
  theatreNames: Map<string, string>,
  linked: [number, EventLink[]][],
): Promise<Alert[]> {
  const ids = linked.map(([id]) => id);
  const events = (await ctx.store.events.getEvents(ids)).filter((e) => e.redirectTo === null && e.record);
  if (!events.length) return [];
  const actors = await ctx.store.events.actorsOfEvents(events.map((e) => e.id));
  const linksOf = new Map(linked);
  const targets = [...new Set(linked.flatMap(([, l]) => l.map((x) => x.toEvent)))];
  const earlier = new Map((await ctx.store.events.getEvents(targets)).map((e) => [e.id, e]));
  const now = ctx.now().toISOString();
  const alerts: Alert[] = [];
  for (const e of events) {
    // Raised when the report that made the event meet the rule came in (a replayed corpus alerts in its own time).
    const [at] = [e.lastUpdated, now].sort();
    const r = e.record as NonNullable<typeof e.record>;
    const watched: WatchedEvent = {
      id: e.id,
      title: r.title,
      summary: r.summary.map((s) => s.text).join(" "),
      type: r.type,
      intensity: r.intensity,
      direction: r.direction,
      theatres: r.theatres.map((id) => ({ id, name: theatreNames.get(id) ?? id })),
      actors: (actors.get(e.id) ?? []).map((a) => ({ id: a.id, name: a.name, country: a.country })),
      links: (linksOf.get(e.id) ?? []).map((l) => {
        const other = earlier.get(l.toEvent);
        return {
          type: l.type,
          toEvent: l.toEvent,
          title: other?.record?.title ?? `event #${l.toEvent}`,
          date: other ? dayMonth(new Date(other.firstSeen)) : "",
        };
      }),
    };
    for (const rule of rules) {
      const why = matchRule(rule, watched);
      if (!why) continue;
      alerts.push({
        id: `${rule.id}:${e.id}`,
        ruleId: rule.id,
        eventId: e.id,
        createdAt: at,
        title: r.title,
        reason: `${rule.name}: ${why.join("; ")}`,
        deliveredAt: null,
        deliveryError: null,
      });
    }
  }
  return await ctx.store.alerts.addNew(alerts);
}

/**
 * POSTs each alert to the webhook as JSON, one request each, within the fetch time limit; redirects are not
 * followed. A refusal is recorded on the alert and the others go on.
 */
async function deliver(ctx: PipelineContext, alerts: Alert[]): Promise<void> {
  const url = ctx.config["alerts.webhook"];
  for (const a of alerts) {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": ctx.config["fetch.userAgent"] },
        body: JSON.stringify({ alert: a, event: { id: a.eventId, title: a.title } }),
        redirect: "manual",
        signal: AbortSignal.timeout(ctx.config["fetch.timeoutMs"]),
      });
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300)
        await ctx.store.alerts.markDelivery(a.id, ctx.now().toISOString(), null);
      else await ctx.store.alerts.markDelivery(a.id, null, `webhook answered ${res.status}`);
    } catch (err) {
      ctx.log.warn({ alert: a.id, err: errorMessage(err) }, "alert not delivered");
      await ctx.store.alerts.markDelivery(a.id, null, errorMessage(err));
    }
  }
}
