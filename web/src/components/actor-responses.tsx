import type { EventDetail } from "../api.ts";
import { Link } from "../router.tsx";
import { Cite } from "./cite.tsx";
import { Empty } from "./states.tsx";

/** One line per actor: what it did or said, with the supporting quote on expand (and on hover). */
export function ActorResponses({
  responses,
  pending,
  order,
}: {
  responses: EventDetail["responses"];
  pending: boolean;
  order: Map<string, number>;
}) {
  if (!responses.length)
    return (
      <Empty>
        {pending ? "Actor responses appear once the record is synthesized." : "No actor responses found."}
      </Empty>
    );
  return (
    <ul className="responses">
      {responses.map((r) => {
        const first = r.quotes[0];
        return (
          <li key={r.actorId}>
            <details>
              <summary title={first ? `“${first.text}” — ${first.outlet ?? "source"}` : undefined}>
                <Link className="actor-name" href={`/actors/${encodeURIComponent(r.actorId)}`}>
                  {r.actorName}
                </Link>
                : {r.text}
                <Cite quotes={r.quotes} order={order} />
              </summary>
              {r.quotes.length ? (
                <ul className="quotes">
                  {r.quotes.map((q) => (
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
                      </cite>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted quotes">No supporting sentence recorded.</p>
              )}
            </details>
          </li>
        );
      })}
    </ul>
  );
}
