import type { ArticleListed, EventSummary } from "../api.ts";
import { EventRow } from "../components/event-row.tsx";
import { Empty, Show } from "../components/states.tsx";
import { fmtDateTime } from "../format.ts";
import { Link, navigate } from "../router.tsx";
import { useApi } from "../use-api.ts";

/** Search across events and articles. */
export function SearchPage({ q }: { q: string }) {
  const loaded = useApi<{ events: EventSummary[]; articles: ArticleListed[] }>(
    q ? `/api/search?q=${encodeURIComponent(q)}&limit=30` : null,
  );
  return (
    <div>
      <h1 className="page-title">Search</h1>
      <form
        className="search-form"
        aria-label="Search events and articles"
        onSubmit={(e) => {
          e.preventDefault();
          const v = new FormData(e.currentTarget).get("q");
          if (typeof v === "string" && v.trim()) navigate(`/search?q=${encodeURIComponent(v.trim())}`);
        }}
      >
        <label className="sr-only" htmlFor="search-q">
          Words to find
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q}
          key={q}
          placeholder="e.g. ceasefire Pakistan"
        />
        <button type="submit" className="btn">
          Search
        </button>
      </form>
      {!q ? (
        <Empty>Type words to find in event records and article text.</Empty>
      ) : (
        <Show loaded={loaded} what="Searching">
          {({ events, articles }) => (
            <div className="two-col">
              <section className="section" aria-labelledby="h-sev">
                <h2 id="h-sev">Events ({events.length})</h2>
                {events.length ? (
                  <ol className="event-list">
                    {events.map((e) => (
                      <EventRow key={e.id} e={e} />
                    ))}
                  </ol>
                ) : (
                  <Empty>No event matches “{q}”.</Empty>
                )}
              </section>
              <section className="section" aria-labelledby="h-sar">
                <h2 id="h-sar">Articles ({articles.length})</h2>
                {articles.length ? (
                  <ol className="article-list">
                    {articles.map((a) => (
                      <li key={a.id}>
                        <div className="muted small">
                          {a.outlet ?? "Unknown outlet"} ·{" "}
                          <span className="mono">{fmtDateTime(a.publishedAt)}</span>
                          {a.syndicatedOf && " · syndicated"}
                        </div>
                        {a.eventId ? (
                          <Link href={`/events/${a.eventId}`}>{a.title}</Link>
                        ) : (
                          <span>{a.title}</span>
                        )}
                        <p className="excerpt">{a.excerpt}…</p>
                      </li>
                    ))}
                  </ol>
                ) : (
                  <Empty>No article matches “{q}”.</Empty>
                )}
              </section>
            </div>
          )}
        </Show>
      )}
    </div>
  );
}
