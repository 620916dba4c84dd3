import { useMemo } from "react";
import type { OpenThread, TheatreActor, TheatreDetail } from "../api.ts";
import { DirectionTag, Intensity, TypeBadge } from "../components/badges.tsx";
import { Chart, type ChartOption } from "../components/chart.tsx";
import { EventRow } from "../components/event-row.tsx";
import { Empty, Show } from "../components/states.tsx";
import { fmtDate, fmtIntensity, plural } from "../format.ts";
import { Link, navigate } from "../router.tsx";
import { useApi } from "../use-api.ts";

const AXIS = {
  axisLine: { lineStyle: { color: "#9aa5b1" } },
  axisLabel: { color: "#52606d", fontSize: 11 },
  splitLine: { lineStyle: { color: "#e4e7eb" } },
};

/**
 * A theatre: escalation chart, timeline of events (click a dot to open it), its open threads and actors,
 * storylines, event list.
 */
export function TheatrePage({ id }: { id: string }) {
  const loaded = useApi<TheatreDetail>(`/api/theatres/${encodeURIComponent(id)}`);
  return (
    <Show loaded={loaded} what="Loading theatre">
      {(t) => <Theatre t={t} />}
    </Show>
  );
}

function Theatre({ t }: { t: TheatreDetail }) {
  const escalation = useMemo<ChartOption>(() => {
    const days = [...new Set([...t.escalation.map((d) => d.day), ...t.activity.map((d) => d.day)])].sort();
    const esc = new Map(t.escalation.map((d) => [d.day, d.escalation]));
    const act = new Map(t.activity.map((d) => [d.day, d.events]));
    return {
      animation: false,
      grid: { left: 44, right: 44, top: 40, bottom: 28 },
      tooltip: { trigger: "axis" },
      legend: { top: 0, left: "center", textStyle: { fontSize: 11, color: "#52606d" } },
      xAxis: { type: "category", data: days, ...AXIS },
      yAxis: [
        { type: "value", name: "escalation", nameTextStyle: { fontSize: 10, color: "#7b8794" }, ...AXIS },
        {
          type: "value",
          name: "events",
          minInterval: 1,
          nameTextStyle: { fontSize: 10, color: "#7b8794" },
          ...AXIS,
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: "events",
          type: "bar",
          yAxisIndex: 1,
          data: days.map((d) => act.get(d) ?? 0),
          itemStyle: { color: "#c9d3dd" },
          barMaxWidth: 16,
        },
        {
          name: "escalation index",
          type: "line",
          data: days.map((d) => esc.get(d) ?? null),
          connectNulls: true,
          smooth: false,
          symbolSize: 5,
          lineStyle: { width: 2, color: "#c2453d" },
          itemStyle: { color: "#c2453d" },
          markLine: {
            silent: true,
            symbol: "none",
            data: [{ yAxis: 0 }],
            lineStyle: { color: "#9aa5b1", type: "dashed" },
            label: { show: false },
          },
        },
      ],
    };
  }, [t]);
  const timeline = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 44, right: 20, top: 30, bottom: 50 },
      tooltip: {
        trigger: "item",
        formatter: (p: { data: { name: string; value: [string, number]; pending: boolean } }) =>
          `${escapeHtml(p.data.name)}<br/>${fmtDate(p.data.value[0])} · intensity ${p.data.pending ? "pending" : fmtIntensity(p.data.value[1])}`,
      },
      xAxis: { type: "time", ...AXIS },
      yAxis: {
        type: "value",
        min: -10,
        max: 10,
        name: "intensity",
        nameTextStyle: { fontSize: 10, color: "#7b8794" },
        ...AXIS,
      },
      dataZoom: [{ type: "inside" }, { type: "slider", height: 16, bottom: 6 }],
      series: [
        {
          type: "scatter",
          symbolSize: (_v: unknown, p: { data: { size: number } }) => 7 + Math.min(14, p.data.size * 2),
          data: t.timeline.map((e) => ({
            name: `#${e.id} ${e.title}`,
            id: e.id,
            value: [e.firstSeen, e.intensity ?? 0],
            size: e.sourceCount,
            pending: e.pending,
            itemStyle: {
              color: e.pending ? "#b8c2cc" : (e.intensity ?? 0) < 0 ? "#c2453d" : "#3f7f9f",
              opacity: 0.85,
            },
          })),
        },
      ],
    }),
    [t],
  );
  return (
    <div className="theatre-page">
      <p className="eyebrow">
        <span className="mono">THEATRE</span>{" "}
        <a href={`/feeds/theatres/${encodeURIComponent(t.id)}`}>Atom feed</a>
      </p>
      <h1 className="page-title">{t.name}</h1>
      <p className="byline">
        {plural(t.timeline.length, "event")} ·{" "}
        {t.timeline.length
          ? `${fmtDate(t.timeline[0].firstSeen)} – ${fmtDate(t.timeline[t.timeline.length - 1].firstSeen)}`
          : ""}
      </p>
      <div className="theatre-grid">
        <section className="panel" aria-labelledby="h-esc">
          <h2 id="h-esc">Escalation index and daily events</h2>
          {t.escalation.length || t.activity.length ? (
            <Chart option={escalation} label={`Daily escalation index and number of events in ${t.name}`} />
          ) : (
            <Empty>No series yet.</Empty>
          )}
        </section>
        <section className="panel" aria-labelledby="h-tl">
          <h2 id="h-tl">Timeline</h2>
          <Chart
            option={timeline}
            label={`Events in ${t.name} over time by intensity; the list below has the same events`}
            onPick={(d) => {
              const id = (d as { id?: number } | null)?.id;
              if (id) navigate(`/events/${id}`);
            }}
          />
        </section>
      </div>
      <div className="two-col theatre-overview">
        <OpenThreads threads={t.openThreads} />
        <Actors actors={t.actors} />
      </div>
      <section className="section" aria-labelledby="h-story">
        <h2 id="h-story">Storylines</h2>
        {t.storylines.length ? (
          <ul className="storylines">
            {t.storylines.map((s) => (
              <li key={s.id}>
                <h3>{s.name}</h3>
                <ol className="storyline-chain">
                  {s.events.map((e) => (
                    <li key={e.id}>
                      <Link href={`/events/${e.id}`}>
                        <span className="mono">#{e.id}</span> {e.title ?? "(not in this timeline)"}
                      </Link>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>No storylines yet.</Empty>
        )}
      </section>
      <section className="section" aria-labelledby="h-events">
        <h2 id="h-events">Events</h2>
        <ol className="event-list">
          {[...t.timeline].reverse().map((e) => (
            <EventRow key={e.id} e={e} />
          ))}
        </ol>
      </section>
    </div>
  );
}

const TREND_NOTE =
  "The latest event against the storyline's earlier ones: two Goldstein points or more lower is escalating, higher is de-escalating";

/** Storylines that moved in the theatre's last week, latest first: name, size, span, trend and latest event. */
function OpenThreads({ threads }: { threads: OpenThread[] }) {
  return (
    <section className="section" aria-labelledby="h-threads">
      <h2 id="h-threads">
        Open threads <span className="h-note">storylines that moved in the theatre's last week</span>
      </h2>
      {threads.length ? (
        <ul className="threads">
          {threads.map((s) => (
            <li key={s.id} className="thread" data-id={s.id}>
              <div className="thread-head">
                <h3 className="thread-name">{s.name}</h3>
                <span className="thread-trend" title={TREND_NOTE}>
                  <DirectionTag direction={s.trend} />
                </span>
              </div>
              <p className="thread-span small muted">
                {plural(s.events, "event")} · {span(s.firstSeen, s.lastSeen)}
              </p>
              <p className="thread-latest">
                <span className="thread-label">Latest</span>
                <TypeBadge type={s.latest.type} />
                <Link href={`/events/${s.latest.id}`}>
                  <span className="mono">#{s.latest.id}</span> {s.latest.title}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>No open threads: no storyline of this theatre moved in the week up to its latest event.</Empty>
      )}
    </section>
  );
}

/** The theatre's actors, those in most of its events first: events, mean intensity, their events' main types. */
function Actors({ actors }: { actors: TheatreActor[] }) {
  return (
    <section className="section" aria-labelledby="h-actors">
      <h2 id="h-actors">
        Actors <span className="h-note">in most of the theatre's events first</span>
      </h2>
      {actors.length ? (
        <table className="table compact theatre-actors">
          <thead>
            <tr>
              <th scope="col">Actor</th>
              <th scope="col" className="num">
                Events
              </th>
              <th
                scope="col"
                title="Mean Goldstein intensity of its rated events (−10 conflict … +10 cooperation)"
              >
                Mean intensity
              </th>
              <th scope="col">Main event types</th>
            </tr>
          </thead>
          <tbody>
            {actors.map((a) => (
              <tr key={a.id} data-id={a.id}>
                <td className="actor-cell" title={[a.kind, a.country].filter(Boolean).join(" · ")}>
                  <Link href={`/actors/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                </td>
                <td className="num actor-events">{a.events}</td>
                <td className="actor-intensity">
                  <Intensity value={a.meanIntensity} />
                </td>
                <td className="mono actor-types">
                  {a.eventTypes.length ? a.eventTypes.map((x) => `${x.type} ×${x.events}`).join(", ") : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Empty>No actors yet; they appear once the theatre's records are synthesized.</Empty>
      )}
    </section>
  );
}

/** "16 Nov 2026 – 18 Nov 2026", or one date when both fall on the same day. */
function span(from: string, to: string): string {
  const a = fmtDate(from);
  const b = fmtDate(to);
  return a === b ? a : `${a} – ${b}`;
}

function escapeHtml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
