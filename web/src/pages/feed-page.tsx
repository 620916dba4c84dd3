import { useCallback, useEffect, useRef, useState } from "react";
import { PLOVER_TYPES } from "../../../src/model/event.ts";
import { api, type EventPage, type EventSummary, qs, type TheatreListed } from "../api.ts";
import { EventRow } from "../components/event-row.tsx";
import { Empty, ErrorView, Loading } from "../components/states.tsx";
import { navigate } from "../router.tsx";
import { useApi } from "../use-api.ts";
import { useEventStream } from "../use-event-stream.ts";

const PAGE = 50;

type Filters = { theatre: string; type: string; minIntensity: string; maxIntensity: string; q: string };

function matches(e: EventSummary, f: Filters): boolean {
  if (f.q) return false;
  if (f.theatre && !e.theatres.some((t) => t.id === f.theatre)) return false;
  if (f.type && e.type !== f.type) return false;
  if (f.minIntensity && (e.intensity === null || e.intensity < Number(f.minIntensity))) return false;
  if (f.maxIntensity && (e.intensity === null || e.intensity > Number(f.maxIntensity))) return false;
  return true;
}

/** The live feed: filters in the URL, newest activity first, new events pushed in over SSE. */
export function FeedPage({ search }: { search: URLSearchParams }) {
  const f: Filters = {
    theatre: search.get("theatre") ?? "",
    type: search.get("type") ?? "",
    minIntensity: search.get("minIntensity") ?? "",
    maxIntensity: search.get("maxIntensity") ?? "",
    q: search.get("q") ?? "",
  };
  const key = qs(f);
  const theatres = useApi<{ items: TheatreListed[] }>("/api/theatres");
  const [items, setItems] = useState<EventSummary[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [flash, setFlash] = useState<Map<number, "new" | "updated">>(new Map());
  const [missed, setMissed] = useState(0);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const load = useCallback(
    (offset: number) => {
      setError(null);
      api<EventPage>(`/api/events${key}${key ? "&" : "?"}limit=${PAGE}&offset=${offset}`).then(
        (page) => {
          setItems((prev) => (offset === 0 || !prev ? page.items : [...prev, ...page.items]));
          setNext(page.nextOffset);
        },
        (err: Error) => setError(err),
      );
    },
    [key],
  );
  useEffect(() => {
    setItems(null);
    setMissed(0);
    load(0);
  }, [load]);

  const live = useEventStream((e) => {
    if (!matches(e, f)) {
      if (f.q) setMissed((n) => n + 1);
      return;
    }
    if (!itemsRef.current) return;
    const known = itemsRef.current.some((x) => x.id === e.id);
    setFlash((m) => new Map(m).set(e.id, known ? "updated" : "new"));
    setItems((prev) => (prev ? [e, ...prev.filter((x) => x.id !== e.id)] : prev));
  });

  const set = (patch: Partial<Filters>) => navigate(`/${qs({ ...f, ...patch })}`, true);

  return (
    <div className="feed-layout">
      <aside className="filters" aria-label="Filters">
        <h1 className="page-title">Live feed</h1>
        <p className={`live live-${live}`} role="status">
          <span className="live-dot" aria-hidden="true" />
          {live === "live"
            ? "Live — new events appear here"
            : live === "connecting"
              ? "Connecting…"
              : "Reconnecting…"}
        </p>
        <form
          className="filter-form"
          onSubmit={(e) => {
            e.preventDefault();
            const q = new FormData(e.currentTarget).get("q");
            set({ q: typeof q === "string" ? q.trim() : "" });
          }}
        >
          <label>
            Text
            <span className="input-row">
              <input
                name="q"
                type="search"
                defaultValue={f.q}
                key={f.q}
                placeholder="words in title or text"
              />
              <button type="submit" className="btn btn-small">
                Apply
              </button>
            </span>
          </label>
          <label>
            Theatre
            <select value={f.theatre} onChange={(e) => set({ theatre: e.target.value })}>
              <option value="">All theatres</option>
              {theatres.state === "ok" &&
                theatres.data.items.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.events})
                  </option>
                ))}
            </select>
          </label>
          <label>
            Type
            <select value={f.type} onChange={(e) => set({ type: e.target.value })}>
              <option value="">All types</option>
              {PLOVER_TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Intensity (−10 … +10)</legend>
            <span className="input-row">
              <input
                aria-label="Minimum intensity"
                type="number"
                min={-10}
                max={10}
                step={0.5}
                value={f.minIntensity}
                onChange={(e) => set({ minIntensity: e.target.value })}
                placeholder="min"
              />
              <span aria-hidden="true">to</span>
              <input
                aria-label="Maximum intensity"
                type="number"
                min={-10}
                max={10}
                step={0.5}
                value={f.maxIntensity}
                onChange={(e) => set({ maxIntensity: e.target.value })}
                placeholder="max"
              />
            </span>
          </fieldset>
          {key && (
            <button type="button" className="btn btn-ghost" onClick={() => navigate("/", true)}>
              Clear filters
            </button>
          )}
        </form>
      </aside>
      <section className="feed" aria-label="Events">
        {missed > 0 && (
          <p className="notice">
            {missed} events changed since this search ran.{" "}
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                setMissed(0);
                load(0);
              }}
            >
              Refresh
            </button>
          </p>
        )}
        {error && <ErrorView error={error} retry={() => load(0)} />}
        {!items && !error && <Loading what="Loading events" />}
        {items && !items.length && (
          <Empty>
            {key
              ? "No events match these filters."
              : "No events yet. Ingest the demo corpus with `sitrep ingest demo/articles.ndjson`, or add feeds on the Sources page."}
          </Empty>
        )}
        {items && items.length > 0 && (
          <ol className="event-list">
            {items.map((e) => (
              <EventRow key={e.id} e={e} flash={flash.get(e.id)} />
            ))}
          </ol>
        )}
        {items && next !== null && (
          <button type="button" className="btn load-more" onClick={() => load(next)}>
            Load more
          </button>
        )}
      </section>
    </div>
  );
}
