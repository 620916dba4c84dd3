/** Kinds of sources: polled feeds and pages, and one-off files or stdin. */
export type SourceKind = "feed" | "page" | "file" | "stdin";

/** A registered source with its polling status. */
export interface Source {
  id: string;
  kind: SourceKind;
  url: string;
  title: string | null;
  createdAt: string;
  active: boolean;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  nextPollAt: string | null;
  lastOkAt: string | null;
  errorCount: number;
  lastError: string | null;
  articleCount: number;
}
