import type { Command } from "commander";
import { z } from "zod";
import { alertRules } from "../alert/rules.ts";
import type { Alert, AlertRule } from "../model/alert.ts";
import { SitrepError } from "../model/errors.ts";
import { type GlobalOptions, openApp } from "./app.ts";

const args = z.object({
  rule: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(10_000),
  json: z.boolean(),
});

/** `sitrep alerts`: the alerts the configured rules raised, newest first, and the rules when there are none. */
export function registerAlerts(program: Command): void {
  program
    .command("alerts")
    .description("alerts raised by the rules of config alerts.rules, newest first")
    .option("--rule <id>", "one rule's alerts")
    .option("--limit <n>", "most alerts shown", "50")
    .option("--json", "print JSON", false)
    .action(async (opts: Record<string, unknown>, cmd: Command) => {
      const parsed = args.safeParse(opts);
      if (!parsed.success)
        throw new SitrepError(
          "invalid-input",
          `alerts: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`,
        );
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      try {
        const rules = alertRules(app.config["alerts.rules"]);
        const o = parsed.data;
        if (o.rule && !rules.some((r) => r.id === o.rule))
          throw new SitrepError(
            "invalid-input",
            `no alert rule "${o.rule}"; configured: ${rules.map((r) => r.id).join(", ") || "none"}`,
          );
        const alerts = await app.store.alerts.list({ rule: o.rule, limit: o.limit });
        console.log(o.json ? JSON.stringify(alerts, null, 2) : renderAlerts(rules, alerts));
      } finally {
        await app.close();
      }
    });
}

/** Alerts newest first, each with its event and why; with none, the rules being watched. */
export function renderAlerts(rules: AlertRule[], alerts: Alert[]): string {
  if (!rules.length && !alerts.length)
    return 'No alert rules: add some to "alerts.rules" in the config (see docs/configuration.md), e.g. {"id":"escalation","theatre":"iran-israel","relations":["escalation"]}.';
  if (!alerts.length)
    return `No alerts yet. Watching: ${rules.map((r) => `${r.id} (${r.name})`).join(", ")}.`;
  const lines: string[] = [];
  for (const a of alerts) {
    const delivery = a.deliveredAt
      ? " · sent to the webhook"
      : a.deliveryError
        ? ` · not delivered: ${a.deliveryError}`
        : "";
    lines.push(
      `${a.createdAt.slice(0, 16).replace("T", " ")}  [${a.ruleId}]  #${a.eventId} ${a.title}${delivery}`,
    );
    lines.push(`    ${a.reason}`);
  }
  return lines.join("\n");
}
