import { useState } from "react";
import { api, type SourceListed } from "../api.ts";
import { Empty, Show } from "../components/states.tsx";
import { fmtDateTime } from "../format.ts";
import { useApi } from "../use-api.ts";

const TOKEN_KEY = "sitrep.token";

/** Sources: health table, add a feed or page, poll now, remove. Writes send the bearer token. */
export function SourcesPage() {
  const loaded = useApi<{ items: SourceListed[] }>("/api/sources");
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? "");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const write = async (label: string, path: string, method: string, body?: unknown) => {
    setBusy(label);
    setMessage(null);
    try {
      const res = await api<Record<string, unknown>>(path, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      loaded.reload();
      return res;
    } catch (err) {
      setMessage({ kind: "error", text: (err as Error).message });
      return null;
    } finally {
      setBusy(null);
    }
  };

  return (
    <div>
      <h1 className="page-title">Sources</h1>
      <div className="sources-grid">
        <form
          className="panel add-source"
          onSubmit={async (e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const data = new FormData(form);
            const res = await write("add", "/api/sources", "POST", {
              url: data.get("url"),
              kind: data.get("kind"),
            });
            if (res) {
              setMessage({ kind: "ok", text: `Added ${String(res.url)}. Use “Poll now” to fetch it.` });
              form.reset();
            }
          }}
        >
          <h2>Add a feed</h2>
          <label>
            URL
            <input name="url" type="url" required placeholder="https://example.org/feed.xml" />
          </label>
          <label>
            Kind
            <select name="kind" defaultValue="feed">
              <option value="feed">Feed (RSS, Atom, RDF, JSON Feed)</option>
              <option value="page">Single article page</option>
            </select>
          </label>
          <label>
            API token
            <input
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => {
                setToken(e.target.value);
                sessionStorage.setItem(TOKEN_KEY, e.target.value);
              }}
              placeholder="api.token of this server"
            />
          </label>
          <p className="muted small">
            Adding, polling and removing need the server's api.token. It is kept in this tab only.
          </p>
          <button type="submit" className="btn" disabled={busy !== null}>
            {busy === "add" ? "Adding…" : "Add source"}
          </button>
          {message && (
            <p
              className={`form-msg form-${message.kind}`}
              role={message.kind === "error" ? "alert" : "status"}
            >
              {message.text}
            </p>
          )}
        </form>
        <section aria-labelledby="h-src">
          <h2 id="h-src" className="sr-only">
            Registered sources
          </h2>
          <Show loaded={loaded} what="Loading sources">
            {({ items }) =>
              items.length ? (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Source</th>
                      <th scope="col">Health</th>
                      <th scope="col" className="num">
                        Articles
                      </th>
                      <th scope="col">Last poll</th>
                      <th scope="col">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((s) => (
                      <tr key={s.id}>
                        <td className="src-cell">
                          <span className="badge badge-muted">{s.kind}</span> {s.title ?? s.url}
                          {s.title && <div className="muted small break">{s.url}</div>}
                          {s.lastError && <div className="error-text small">{s.lastError}</div>}
                        </td>
                        <td>
                          <span className={`health health-${s.health}`}>
                            {s.health === "failing" ? `failing ×${s.errorCount}` : s.health}
                          </span>
                        </td>
                        <td className="num">{s.articleCount}</td>
                        <td className="mono small">
                          {fmtDateTime(s.lastPolledAt)}
                          {s.nextPollAt && <div className="muted">next {fmtDateTime(s.nextPollAt)}</div>}
                        </td>
                        <td className="actions">
                          {(s.kind === "feed" || s.kind === "page") && (
                            <button
                              type="button"
                              className="btn btn-small"
                              disabled={busy !== null}
                              onClick={async () => {
                                const res = await write(`poll-${s.id}`, `/api/sources/${s.id}/poll`, "POST");
                                const r = res?.report as
                                  | { stored: number; status: string; reason: string | null }
                                  | undefined;
                                if (r)
                                  setMessage({
                                    kind: r.status === "failed" ? "error" : "ok",
                                    text: `Polled: ${r.status}, ${r.stored} new articles${r.reason ? ` (${r.reason})` : ""}.`,
                                  });
                              }}
                            >
                              {busy === `poll-${s.id}` ? "Polling…" : "Poll now"}
                            </button>
                          )}
                          <button
                            type="button"
                            className="btn btn-small btn-ghost"
                            disabled={busy !== null}
                            onClick={async () => {
                              if (
                                window.confirm(`Remove ${s.url}? Its articles stay.`) &&
                                (await write(`rm-${s.id}`, `/api/sources/${s.id}`, "DELETE"))
                              )
                                setMessage({ kind: "ok", text: `Removed ${s.url}.` });
                            }}
                          >
                            Remove
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <Empty>No sources yet. Add a feed, or ingest a file with `sitrep ingest`.</Empty>
              )
            }
          </Show>
        </section>
      </div>
    </div>
  );
}
