import type { ActorDetail, TheatreListed, TheatreProposal, TheatreProposals } from "../api.ts";
import { Empty, Show } from "../components/states.tsx";
import { countryName } from "../country-codes.ts";
import { fmtDate, fmtDateTime, fmtIntensity, plural } from "../format.ts";
import { Link } from "../router.tsx";
import { useApi } from "../use-api.ts";

/** Theatres with their event counts and latest activity, then the theatres proposed from linked events. */
export function TheatresPage() {
  const loaded = useApi<{ items: TheatreListed[] }>("/api/theatres");
  return (
    <div>
      <h1 className="page-title">Theatres</h1>
      <Show loaded={loaded} what="Loading theatres">
        {({ items }) =>
          items.length ? (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Theatre</th>
                  <th scope="col" className="num">
                    Events
                  </th>
                  <th scope="col">Latest activity</th>
                  <th scope="col">Feed</th>
                </tr>
              </thead>
              <tbody>
                {items.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <Link href={`/theatres/${encodeURIComponent(t.id)}`}>{t.name}</Link>
                    </td>
                    <td className="num">{t.events}</td>
                    <td className="mono">{fmtDateTime(t.lastUpdated)}</td>
                    <td>
                      <a href={`/feeds/theatres/${encodeURIComponent(t.id)}`}>Atom</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Empty>
              No event has been assigned to a theatre yet; theatres appear once records are classified.
            </Empty>
          )
        }
      </Show>
      <Proposed />
    </div>
  );
}

/** Theatres Sitrep proposes from dense clusters of linked conflict events that no known theatre holds. */
function Proposed() {
  const loaded = useApi<TheatreProposals>("/api/theatres/proposed");
  return (
    <section className="section" aria-labelledby="h-proposed">
      <h2 id="h-proposed">
        Proposed theatres
        {loaded.state === "ok" && (
          <span className="h-note">
            from events of {fmtDate(loaded.data.since)} to {fmtDate(loaded.data.until)} that no known theatre
            holds
          </span>
        )}
      </h2>
      <Show loaded={loaded} what="Looking for proposed theatres">
        {({ since, until, proposals }) =>
          proposals.length ? (
            <ul className="proposals">
              {proposals.map((p) => (
                <Proposal key={p.id} p={p} />
              ))}
            </ul>
          ) : (
            <Empty>
              No theatre proposed from {fmtDate(since)} to {fmtDate(until)}: no dense cluster of linked
              conflict events lies outside the known theatres.
            </Empty>
          )
        }
      </Show>
    </section>
  );
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

function Proposal({ p }: { p: TheatreProposal }) {
  const entry = { id: p.id, name: p.name, aliases: p.aliases, actorPairs: p.actorPairs, places: p.places };
  const heading = `h-proposal-${p.id}`;
  const span =
    p.firstSeen.slice(0, 10) === p.lastSeen.slice(0, 10)
      ? fmtDate(p.firstSeen)
      : `${fmtDate(p.firstSeen)} – ${fmtDate(p.lastSeen)}`;
  return (
    <li>
      <article className="panel proposal" aria-labelledby={heading}>
        <h3 id={heading}>
          {p.name} <span className="mono muted">{p.id}</span>
        </h3>
        <p className="byline">
          {plural(p.eventIds.length, "event")} on {plural(p.days, "day")}, {span} · {pct(p.density)} linked to
          one another · {pct(p.forceShare)} force or threats · mean intensity {fmtIntensity(p.meanIntensity)}
        </p>
        <div className="two-col">
          <div>
            <dl className="facts">
              <dt>Core pairs</dt>
              <dd>
                <ul className="pair-list">
                  {p.actorPairs.map(([a, b]) => (
                    <li key={`${a} ${b}`}>
                      <Side id={a} /> – <Side id={b} />
                    </li>
                  ))}
                </ul>
              </dd>
              <dt>Places</dt>
              <dd>
                {p.places.length ? p.places.join(", ") : <span className="muted">none named twice</span>}
              </dd>
            </dl>
            <h4 className="side-h">
              Latest headlines
              {p.headlines.length < p.eventIds.length && (
                <span className="h-note">
                  {" "}
                  ({p.headlines.length} of {p.eventIds.length})
                </span>
              )}
            </h4>
            <ol className="timeline-list">
              {p.headlines.map((h) => (
                <li key={h.id}>
                  <time className="mono muted" dateTime={h.firstSeen}>
                    {fmtDate(h.firstSeen)}
                  </time>
                  <Link href={`/events/${h.id}`}>
                    <span className="mono">#{h.id}</span> {h.title}
                  </Link>
                </li>
              ))}
            </ol>
          </div>
          <div>
            <h4 className="side-h">Adopt it</h4>
            <pre className="code-block adopt-command">
              <code>sitrep theatres --adopt {p.id}</code>
            </pre>
            <p className="small muted">
              adds this entry to <code>"theatres.extra"</code> in the config file and places the window's
              events that fit it in the new theatre:
            </p>
            <pre className="code-block adopt-entry">
              <code>{configEntry(entry)}</code>
            </pre>
          </div>
        </div>
      </article>
    </li>
  );
}

/** A side of a core pair: a country's name from its ISO-3 code, or an organisation's name from its actor page. */
function Side({ id }: { id: string }) {
  const org = id.startsWith("org:");
  const actor = useApi<ActorDetail>(org ? `/api/actors/${encodeURIComponent(id)}?limit=1` : null);
  const country = org ? id : countryName(id);
  const name = org ? (actor.state === "ok" ? actor.data.actor.name : null) : country === id ? null : country;
  return (
    <span className="side">
      <Link href={`/actors/${encodeURIComponent(id)}`}>{name ?? id}</Link>
      {name && <span className="mono muted"> {id}</span>}
    </span>
  );
}

/** A `theatres.extra` entry as JSON, one key a line. */
function configEntry(entry: Record<string, unknown>): string {
  const lines = Object.entries(entry).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(",\n")}\n}`;
}
