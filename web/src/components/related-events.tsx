import type { EventDetail } from "../api.ts";
import { fmtDate } from "../format.ts";
import { Link } from "../router.tsx";
import { RelationBadge } from "./badges.tsx";
import { Empty } from "./states.tsx";

/** Related events: "#id title (date) · relation · explanation", each a link. */
export function RelatedEvents({ related }: { related: EventDetail["related"] }) {
  if (!related.length) return <Empty>No related events linked yet.</Empty>;
  const sorted = [...related].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <ul className="related">
      {sorted.map((r) => (
        <li key={`${r.eventId}-${r.relation}`}>
          <div className="related-head">
            <RelationBadge type={r.type} />
            <Link className="related-link" href={`/events/${r.eventId}`}>
              <span className="mono">#{r.eventId}</span> {r.title}
            </Link>
            <span className="related-date">({fmtDate(r.date)})</span>
            <span
              className="related-dir"
              title={
                r.relation === "earlier"
                  ? "this event links to an earlier one"
                  : "a later event links to this one"
              }
            >
              {r.relation === "earlier" ? "← earlier" : "later →"}
            </span>
          </div>
          <p className="explanation">
            {r.explanationHere}
            {r.evidence.explainedBy ? (
              <span
                className="explained-by"
                title="Worded by the LLM; its names and numbers were checked against both events' reports"
              >
                {r.evidence.explainedBy}
              </span>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
