import type { EventSummary } from "../api.ts";
import { fmtDateTime, plural } from "../format.ts";
import { Link } from "../router.tsx";
import { DirectionTag, Intensity, PendingTag, TypeBadge } from "./badges.tsx";

/** One event in a list: time, type, intensity, title, summary, theatres, source count. */
export function EventRow({ e, flash }: { e: EventSummary; flash?: "new" | "updated" }) {
  return (
    <li className={`event-row${flash ? ` flash-${flash}` : ""}`}>
      <div className="er-meta">
        <time className="mono" dateTime={e.lastUpdated}>
          {fmtDateTime(e.lastUpdated)}
        </time>
        {e.type && <TypeBadge type={e.type} />}
        {e.intensity !== null && <Intensity value={e.intensity} />}
        {e.direction !== "unknown" && <DirectionTag direction={e.direction} />}
        {flash && <span className={`badge badge-${flash}`}>{flash}</span>}
      </div>
      <h3 className="er-title">
        <Link href={`/events/${e.id}`}>{e.title}</Link> {e.pending && <PendingTag />}
      </h3>
      {e.summary && <p className="er-summary">{e.summary}</p>}
      <div className="er-foot">
        {e.theatres.map((t) => (
          <Link key={t.id} className="chip" href={`/theatres/${encodeURIComponent(t.id)}`}>
            {t.name}
          </Link>
        ))}
        <span className="muted">
          {plural(e.sourceCount, "source")} · {plural(e.articleCount, "article")}
          {e.location ? ` · ${e.location}` : ""}
        </span>
      </div>
    </li>
  );
}
