/** A watch an analyst sets: every condition given must hold for an event to raise an alert. */
export interface AlertRule {
  /** Stable id (kebab-case), named in each alert. */
  id: string;
  /** What the rule watches, in words ("Escalation in the Iran–Israel conflict"). */
  name: string;
  /** The event is in this theatre. */
  theatre?: string;
  /** The event involves one of these actors: actor ids ("org:hezbollah") or ISO-3 countries ("IRN"). */
  actors?: string[];
  /** The event's PLOVER type is one of these. */
  types?: string[];
  /** The event's intensity is at or below this (Goldstein −10 … +10: −7 and below is violence). */
  maxIntensity?: number;
  /** The event escalates against its theatre's recent trajectory. */
  escalating?: boolean;
  /** The event is linked to an earlier one by one of these relations (response, escalation, contradicts, …). */
  relations?: string[];
  /** Every one of these words is in the event's title or summary (case-insensitive). */
  words?: string[];
}

/** An alert: a rule an event met, once per rule and event. */
export interface Alert {
  /** `rule:event`. */
  id: string;
  ruleId: string;
  eventId: number;
  createdAt: string;
  /** The event's title when it met the rule. */
  title: string;
  /** Why, condition by condition ("escalation link to #15 'Iran confirms backchannel…' (4 Nov)"). */
  reason: string;
  /** When the webhook took it; null when not sent or not configured. */
  deliveredAt: string | null;
  /** Why the webhook did not take it. */
  deliveryError: string | null;
}
