import type { EventDetail } from "../api.ts";
import { ActorResponses } from "../components/actor-responses.tsx";
import { DirectionTag, Intensity, PendingTag, TypeBadge } from "../components/badges.tsx";
import { QuoteList } from "../components/quote-list.tsx";
import { RelatedEvents } from "../components/related-events.tsx";
import { SourceList } from "../components/source-list.tsx";
import { Show } from "../components/states.tsx";
import { fmtDateTime, plural } from "../format.ts";
import { Link } from "../router.tsx";
import { useApi } from "../use-api.ts";

/** One event's situation report in the seeds' layout, with facts and changelog beside it. */
export function EventPage({ id }: { id: number }) {
  const loaded = useApi<EventDetail>(`/api/events/${id}`);
  return (
    <Show loaded={loaded} what="Loading event">
      {(e) => <Report e={e} />}
    </Show>
  );
}

function Report({ e }: { e: EventDetail }) {
  // Citations use the numbers of the Sources list below.
  const order = new Map(e.sources.map((s, i) => [s.articleId, i + 1]));
  return (
    <article className="report" aria-labelledby="event-title">
      <div className="report-main">
        {e.redirectedFrom !== null && (
          <p className="notice">Event #{e.redirectedFrom} was merged into this one.</p>
        )}
        <p className="eyebrow">
          <span className="mono">EVENT #{e.id}</span>
          <TypeBadge type={e.type} />
          {e.theatres.map((t) => (
            <Link key={t.id} className="chip" href={`/theatres/${encodeURIComponent(t.id)}`}>
              {t.name}
            </Link>
          ))}
        </p>
        <h1 id="event-title" className="report-title">
          {e.title} {e.pending && <PendingTag />}
        </h1>
        <p className="byline">
          First seen {fmtDateTime(e.firstSeen)} · updated {fmtDateTime(e.lastUpdated)} ·{" "}
          {plural(e.independentSources, "independent source")}
        </p>

        <section className="section" aria-labelledby="h-summary">
          <h2 id="h-summary">Summary</h2>
          {e.pending ? (
            <p className="summary">{e.summary || "No summary yet."}</p>
          ) : (
            <div className="summary">
              {e.summaryLines.map((s) => (
                <QuoteList key={s.text} line={s} order={order} />
              ))}
              {e.significanceLine && (
                <div className="significance">
                  <span className="label">Significance</span>
                  <QuoteList line={e.significanceLine} order={order} />
                </div>
              )}
            </div>
          )}
        </section>

        <section className="section" aria-labelledby="h-content">
          <h2 id="h-content">Full Content</h2>
          <details className="full-content">
            <summary>Show the text of the member articles ({plural(e.sources.length, "article")})</summary>
            <div className="content-text">{e.content}</div>
          </details>
        </section>

        <section className="section" aria-labelledby="h-sources">
          <h2 id="h-sources">
            Sources ({e.sources.length}){" "}
            <span className="h-note">{plural(e.independentSources, "independent source")}</span>
          </h2>
          <SourceList sources={e.sources} />
        </section>

        <section className="section" aria-labelledby="h-responses">
          <h2 id="h-responses">Actor Responses</h2>
          <ActorResponses responses={e.responses} pending={e.pending} order={order} />
        </section>

        <section className="section" aria-labelledby="h-related">
          <h2 id="h-related">
            Related Events ({e.related.length}){" "}
            {e.related.length > 0 && (
              <Link className="h-link" href={`/events/${e.id}/graph`}>
                Open graph →
              </Link>
            )}
          </h2>
          <RelatedEvents related={e.related} />
        </section>
      </div>

      <aside className="report-side" aria-label="Facts and changelog">
        <dl className="facts">
          <dt>Theatre</dt>
          <dd>{e.theatres.length ? e.theatres.map((t) => t.name).join(", ") : "—"}</dd>
          <dt>Type</dt>
          <dd>
            <TypeBadge type={e.type} />
          </dd>
          <dt>Intensity</dt>
          <dd>
            <Intensity value={e.intensity} />
          </dd>
          <dt>Direction</dt>
          <dd>
            <DirectionTag direction={e.direction} />
          </dd>
          <dt>Location</dt>
          <dd>{e.location ?? "—"}</dd>
          <dt>Articles</dt>
          <dd>
            {e.articleCount} ({e.independentSources} independent)
          </dd>
          <dt>Actors</dt>
          <dd>
            <ActorLinks actors={e.actors} />
          </dd>
          <dt>Engine</dt>
          <dd>{e.engine ?? "pending"}</dd>
        </dl>
        <h2 className="side-h">Changelog</h2>
        {e.changelog.length ? (
          <ol className="changelog">
            {e.changelog.map((c) => (
              <li key={`${c.at}-${c.kind}-${c.detail}`}>
                <span className={`cl-kind cl-${c.kind}`}>{c.kind}</span>
                <span className="cl-detail">{c.detail}</span>
                <time className="mono" dateTime={c.at}>
                  {fmtDateTime(c.at)}
                </time>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No changes recorded.</p>
        )}
      </aside>
    </article>
  );
}

const SHOWN_ACTORS = 8;

function ActorLinks({ actors }: { actors: EventDetail["actors"] }) {
  if (!actors.length) return <>—</>;
  const links = (list: EventDetail["actors"]) =>
    list.map((a, i) => (
      <span key={a.id}>
        {i > 0 && ", "}
        <Link href={`/actors/${encodeURIComponent(a.id)}`}>{a.name}</Link>
      </span>
    ));
  if (actors.length <= SHOWN_ACTORS + 2) return <>{links(actors)}</>;
  return (
    <>
      {links(actors.slice(0, SHOWN_ACTORS))}
      <details className="more">
        <summary>and {actors.length - SHOWN_ACTORS} more</summary>
        {links(actors.slice(SHOWN_ACTORS))}
      </details>
    </>
  );
}
