/** Gold labels carried by evaluation files; ignored by the product pipeline. */
export interface GoldLabels {
  label: string | null;
  story: string | null;
  theater: string | null;
  storyPath: string[];
  labels: string[];
}

/** What a parser returns for one item, before normalization. */
export interface RawArticle {
  /** Id given by the input (NDJSON id, feed guid); used for idempotency when there is no URL. */
  externalId: string | null;
  url: string | null;
  title: string;
  text: string;
  /** Outlet name as the input gives it. */
  outlet: string | null;
  /** ISO-8601 as found in the input, or null. */
  publishedAt: string | null;
  author: string | null;
  language: string | null;
  gold: GoldLabels | null;
}

/** A normalized article as stored. */
export interface Article {
  id: string;
  sourceId: string;
  externalId: string | null;
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  text: string;
  outlet: string | null;
  language: string | null;
  /** ISO-8601 UTC. Never in the future relative to fetchedAt. */
  publishedAt: string;
  /** True when no date was found and publishedAt is the fetch time. */
  dateEstimated: boolean;
  fetchedAt: string;
  contentHash: string;
  /** Id of the article this one is a syndicated copy of, or null when it is an independent report. */
  syndicatedOf: string | null;
  sentences: string[];
  eventId: number | null;
  /** Monotonic ingest order. */
  seq: number;
  gold: GoldLabels | null;
}

/** One bad item in a batch: which item and why. */
export interface ItemError {
  item: string;
  code: string;
  reason: string;
}
