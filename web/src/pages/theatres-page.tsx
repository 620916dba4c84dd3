import type { TheatreListed } from "../api.ts";
import { Empty, Show } from "../components/states.tsx";
import { fmtDateTime } from "../format.ts";
import { Link } from "../router.tsx";
import { useApi } from "../use-api.ts";

/** Theatres with their event counts and latest activity. */
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
    </div>
  );
}
