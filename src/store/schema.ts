import type { Generated } from "kysely";

/** Row types of every table; JSON columns are stored as text in both dialects. */
export interface SourcesTable {
  id: string;
  kind: string;
  url: string;
  title: string | null;
  created_at: string;
  active: number;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  next_poll_at: string | null;
  last_ok_at: string | null;
  error_count: number;
  last_error: string | null;
  article_count: number;
}

export interface ArticlesTable {
  id: string;
  seq: number;
  source_id: string;
  external_id: string | null;
  url: string | null;
  canonical_url: string | null;
  title: string;
  text: string;
  outlet: string | null;
  language: string | null;
  published_at: string;
  date_estimated: number;
  fetched_at: string;
  content_hash: string;
  syndicated_of: string | null;
  sentences: string;
  event_id: number | null;
  gold: string | null;
}

export interface EventsTable {
  id: number;
  redirect_to: number | null;
  first_seen: string;
  last_updated: string;
  article_count: number;
  source_count: number;
  top_entities: string;
  title: string | null;
  type: string | null;
  intensity: number | null;
  direction: string | null;
  location: string | null;
  theatres: string;
  record: string | null;
  version: number;
}

export interface EventTheatresTable {
  event_id: number;
  theatre_id: string;
}

export interface EventActorsTable {
  event_id: number;
  actor_id: string;
}

export interface ActorsTable {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  code: string | null;
  sector: string | null;
  role: string | null;
  organization: string | null;
  state_media: number;
}

export interface ActorResponsesTable {
  event_id: number;
  actor_id: string;
  text: string;
  support: string;
}

export interface EventLinksTable {
  from_event: number;
  to_event: number;
  type: string;
  confidence: number;
  explanation: string;
  evidence: string;
  created_at: string;
}

export interface EventChangesTable {
  id: Generated<number>;
  event_id: number;
  at: string;
  kind: string;
  detail: string;
}

export interface StorylinesTable {
  id: string;
  name: string;
  theatre_id: string | null;
  event_ids: string;
  updated_at: string;
}

export interface TheatreDaysTable {
  theatre_id: string;
  day: string;
  escalation: number;
  events: number;
}

export interface StateTable {
  key: string;
  value: string;
}

/** The whole database, for Kysely. */
export interface AlertsTable {
  id: string;
  rule_id: string;
  event_id: number;
  created_at: string;
  title: string;
  reason: string;
  delivered_at: string | null;
  delivery_error: string | null;
}

export interface Database {
  sources: SourcesTable;
  articles: ArticlesTable;
  events: EventsTable;
  event_theatres: EventTheatresTable;
  event_actors: EventActorsTable;
  actors: ActorsTable;
  actor_responses: ActorResponsesTable;
  event_links: EventLinksTable;
  event_changes: EventChangesTable;
  storylines: StorylinesTable;
  theatre_days: TheatreDaysTable;
  state: StateTable;
  alerts: AlertsTable;
}
