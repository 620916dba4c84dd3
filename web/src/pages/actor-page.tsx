import type { ActorDetail } from "../api.ts";
import { EventRow } from "../components/event-row.tsx";
import { Empty, Show } from "../components/states.tsx";
import { fmtDate } from "../format.ts";
import { Link } from "../router.tsx";
import { useApi } from "../use-api.ts";

/** An actor: who it is, what it said or did over time, and its events. */
export function ActorPage({ id }: { id: string }) {
  const loaded = useApi<ActorDetail>(`/api/actors/${encodeURIComponent(id)}`);
  return (
    <Show loaded={loaded} what="Loading actor">
      {({ actor, events, responses }) => (
        <div>
          <p className="eyebrow">
            <span className="mono">ACTOR · {actor.id}</span>{" "}
            <a href={`/feeds/actors/${encodeURIComponent(actor.id)}`}>Atom feed</a>
          </p>
          <h1 className="page-title">{actor.name}</h1>
          <p className="byline">
            {[
              actor.kind,
              actor.role,
              actor.organization,
              actor.country,
              actor.stateMedia ? "state media" : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <div className="two-col">
            <section className="section" aria-labelledby="h-resp">
              <h2 id="h-resp">Responses over time ({responses.length})</h2>
              {responses.length ? (
                <ol className="timeline-list">
                  {responses.map((r) => (
                    <li key={r.eventId}>
                      <time className="mono">{fmtDate(r.date)}</time>
                      <div>
                        <p>{r.text}</p>
                        <Link href={`/events/${r.eventId}`} className="muted-link">
                          #{r.eventId} {r.eventTitle ?? ""}
                        </Link>
                      </div>
                    </li>
                  ))}
                </ol>
              ) : (
                <Empty>No recorded responses.</Empty>
              )}
            </section>
            <section className="section" aria-labelledby="h-ev">
              <h2 id="h-ev">Events ({events.length})</h2>
              <ol className="event-list">
                {events.map((e) => (
                  <EventRow key={e.id} e={e} />
                ))}
              </ol>
            </section>
          </div>
        </div>
      )}
    </Show>
  );
}
