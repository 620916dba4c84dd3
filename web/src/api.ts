import type { EventDetail } from "../../src/api/event-detail.ts";
import type { EventGraph } from "../../src/api/event-graph.ts";
import type { EventSummary } from "../../src/api/event-view.ts";
import type { TheatreProposal } from "../../src/link/propose-theatres.ts";
import type { OpenThread, TheatreActor } from "../../src/link/theatre-overview.ts";
import type { Actor } from "../../src/model/actor.ts";
import type { Alert } from "../../src/model/alert.ts";
import type { Source } from "../../src/model/source.ts";

export type { Alert, EventDetail, EventGraph, EventSummary, OpenThread, TheatreActor, TheatreProposal };

/** A page of events. */
export interface EventPage {
  items: EventSummary[];
  nextOffset: number | null;
}
/** A page of alerts, newest first (GET /api/alerts). */
export interface AlertPage {
  items: Alert[];
  limit: number;
  offset: number;
  nextOffset: number | null;
}
/** An actor with its event count. */
export type ActorListed = Actor & { events: number };
/** One actor's page data. */
export interface ActorDetail {
  actor: Actor;
  events: EventSummary[];
  responses: { eventId: number; eventTitle: string | null; date: string; text: string }[];
}
/** A theatre in the list. */
export interface TheatreListed {
  id: string;
  name: string;
  events: number;
  lastUpdated: string | null;
}
/** Theatres proposed from the linked events of a window (days YYYY-MM-DD) that no known theatre holds. */
export interface TheatreProposals {
  since: string;
  until: string;
  proposals: TheatreProposal[];
}
/** One theatre's page data. */
export interface TheatreDetail {
  id: string;
  name: string;
  timeline: EventSummary[];
  escalation: { day: string; escalation: number; events: number }[];
  activity: { day: string; events: number; meanIntensity: number | null }[];
  storylines: {
    id: string;
    name: string;
    updatedAt: string;
    events: { id: number; title: string | null }[];
  }[];
  /** The actors in most of the theatre's events first (at most 12; outlets are left out). */
  actors: TheatreActor[];
  /** Storylines that moved in the theatre's last week, latest first. */
  openThreads: OpenThread[];
}
/** An article in a list. */
export interface ArticleListed {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  publishedAt: string;
  eventId: number | null;
  syndicatedOf: string | null;
  excerpt: string;
}
/** A source with its health. */
export type SourceListed = Source & { health: "ok" | "failing" | "never-polled" | "inactive" };

/** An API error with the server's code and message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** Calls the API and returns its JSON, or throws ApiError with the server's message. */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { accept: "application/json", ...init.headers } });
  } catch {
    throw new ApiError(0, "network", "The server cannot be reached. Is `sitrep serve` running?");
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? "http", err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

/** Query string from an object, skipping empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}
