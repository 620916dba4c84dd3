import type { PloverType } from "./event.ts";

/** What linking needs to know about an event: built after synthesis, independent of storage. */
export interface EventDigest {
  id: number;
  /** First article's publication time, ms epoch. */
  time: number;
  lastUpdated: number;
  title: string;
  /** Summary-sized text: the record's summary, else member titles and lead sentences. */
  text: string;
  /** Sentences of the member articles worth scanning for cue phrases (lead sentences, capped). */
  sentences: string[];
  /** Actor ids (e.g. "IRN", "IRN-GOV", "person:esmail-baghaei"). */
  actors: string[];
  /** ISO-3 countries involved (actors' countries and places). */
  countries: string[];
  places: string[];
  theatres: string[];
  type: PloverType | null;
  intensity: number | null;
}
