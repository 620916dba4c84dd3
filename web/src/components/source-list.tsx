import type { EventDetail } from "../api.ts";
import { fmtDateTime } from "../format.ts";

/** Member articles: outlet, time, title linking out; syndicated copies marked. */
export function SourceList({ sources }: { sources: EventDetail["sources"] }) {
  return (
    <ol className="sources">
      {sources.map((s, i) => (
        <li key={s.articleId} id={`source-${i + 1}`} className={s.syndicated ? "syndicated" : undefined}>
          <span className="src-outlet">
            <span className="src-no mono">[{i + 1}]</span> {s.outlet ?? "Unknown outlet"}
          </span>
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
