import type { EventDetail } from "../api.ts";
import { fmtDateTime } from "../format.ts";

/** Member articles: outlet, time, title linking out; syndicated copies marked. */
export function SourceList({ sources }: { sources: EventDetail["sources"] }) {
  return (
    <ol className="sources">
      {sources.map((s) => (
        <li key={s.articleId} className={s.syndicated ? "syndicated" : undefined}>
          <span className="src-outlet">{s.outlet ?? "Unknown outlet"}</span>
          <time className="mono src-time" dateTime={s.publishedAt}>
            {fmtDateTime(s.publishedAt)}
          </time>
          <span className="src-title">
            {s.url ? (
              <a href={s.url} rel="noreferrer noopener" target="_blank">
                {s.title}
              </a>
            ) : (
              s.title
            )}
          </span>
          {s.syndicated && (
            <span
              className="badge badge-muted"
              title="Near-identical copy of another article: not an independent source"
            >
              syndicated
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
