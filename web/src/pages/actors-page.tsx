import { useState } from "react";
import { type ActorListed, qs } from "../api.ts";
import { Empty, Show } from "../components/states.tsx";
import { Link } from "../router.tsx";
import { useApi } from "../use-api.ts";

/** Actors by number of events, with a name filter. */
export function ActorsPage() {
  const [q, setQ] = useState("");
  const loaded = useApi<{ items: ActorListed[] }>(`/api/actors${qs({ q, limit: 300 })}`);
  return (
    <div>
      <h1 className="page-title">Actors</h1>
      <label className="inline-filter">
        Name contains{" "}
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. Iran" />
      </label>
      <Show loaded={loaded} what="Loading actors">
        {({ items }) =>
          items.length ? (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Actor</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Country</th>
                  <th scope="col" className="num">
                    Events
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link href={`/actors/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                      {a.role && <span className="muted"> · {a.role}</span>}
                      {a.stateMedia && <span className="badge badge-muted">state media</span>}
                    </td>
                    <td>{a.kind}</td>
                    <td className="mono">{a.country ?? "—"}</td>
                    <td className="num">{a.events}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <Empty>
              {q ? "No actor matches." : "No actors yet; they appear once records are synthesized."}
            </Empty>
          )
        }
      </Show>
    </div>
  );
}
