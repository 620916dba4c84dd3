import { describe, expect, it } from "vitest";
import { alertRules } from "../alert/rules.ts";
import type { Alert } from "../model/alert.ts";
import { renderAlerts } from "./alerts.ts";

const rules = alertRules([
  { id: "iran-escalation", name: "Escalation", theatre: "iran-israel", relations: ["escalation"] },
]);
const alert: Alert = {
  id: "iran-escalation:40",
  ruleId: "iran-escalation",
  eventId: 40,
  createdAt: "2026-11-16T09:10:00.000Z",
  title: "Ministers press Netanyahu to act against Iran before US-Iran deal",
  reason:
    "Escalation: in the Iran–Israel conflict; escalation link to #23 'Israeli officials briefed …' (8 Nov)",
  deliveredAt: null,
  deliveryError: "webhook answered 503",
};

describe("renderAlerts", () => {
  it("prints each alert with its time, rule, event, why and delivery", () => {
    expect(renderAlerts(rules, [alert]).split("\n")).toEqual([
      "2026-11-16 09:10  [iran-escalation]  #40 Ministers press Netanyahu to act against Iran before US-Iran deal · not delivered: webhook answered 503",
      "    Escalation: in the Iran–Israel conflict; escalation link to #23 'Israeli officials briefed …' (8 Nov)",
    ]);
  });

  it("says what is watched when nothing was raised, and how to start when nothing is watched", () => {
    expect(renderAlerts(rules, [])).toBe("No alerts yet. Watching: iran-escalation (Escalation).");
    expect(renderAlerts([], [])).toMatch(/^No alert rules: add some to "alerts.rules"/);
  });
});
