import type { EventDetail } from "../api.ts";
import { fmtDate } from "../format.ts";
import { Cite } from "./cite.tsx";

type Line = EventDetail["summaryLines"][number];

/** A generated sentence; its supporting source sentences open below it. */
export function QuoteList({ line, order }: { line: Line; order: Map<string, number> }) {
  if (!line.quotes.length) return <p>{line.text}</p>;
  return (
    <details className="grounded">
      <summary>
        {line.text} <Cite quotes={line.quotes} order={order} />
      </summary>
      <ul className="quotes">
        {line.quotes.map((q) => (
          <li key={`${q.articleId}-${q.sentence}`}>
            <blockquote>{q.text}</blockquote>
            <cite>
              {q.url ? (
                <a href={q.url} rel="noreferrer noopener" target="_blank">
                  {q.outlet ?? "source"}
                </a>
              ) : (
                (q.outlet ?? "source")
              )}
              {q.publishedAt && `, ${fmtDate(q.publishedAt)}`}
            </cite>
          </li>
        ))}
      </ul>
    </details>
  );
}
