import cytoscape from "cytoscape";
import { useEffect, useRef } from "react";
import type { EventGraph } from "../api.ts";
import { RelationBadge } from "../components/badges.tsx";
import { Empty, Show } from "../components/states.tsx";
import { fmtDate } from "../format.ts";
import { Link, navigate } from "../router.tsx";
import { useApi } from "../use-api.ts";

const REL_COLORS: Record<string, string> = {
  update: "#4a6fa5",
  parallel: "#3d8f7c",
  response: "#8a6bb8",
  escalation: "#c2453d",
  "de-escalation": "#3f8f4f",
  contradicts: "#c98a1c",
  context: "#7b8794",
};

/** The related-events graph around one event; click (or Enter on) a node to open its page. */
export function GraphPage({ id }: { id: number }) {
  const loaded = useApi<EventGraph>(`/api/events/${id}/graph?hops=3`);
  return (
    <div className="graph-page">
      <p className="crumbs">
        <Link href={`/events/${id}`}>← Event #{id}</Link>
      </p>
      <h1 className="page-title">Related events</h1>
      <Show loaded={loaded} what="Walking links">
        {(g) => (g.edges.length ? <Graph g={g} /> : <Empty>This event has no linked events yet.</Empty>)}
      </Show>
    </div>
  );
}

// Staggered rows, chosen so that an edge between non-neighbours does not pass through the node between them.
const ROWS = [0, -140, 90, -60, 140, -110];

/** Small graphs read best as a time line (left = earlier, rows staggered so labels do not collide); big ones use a force layout. */
function layoutFor(g: EventGraph): cytoscape.LayoutOptions {
  if (g.nodes.length > 40)
    return {
      name: "cose",
      animate: false,
      padding: 40,
      nodeRepulsion: () => 60000,
      idealEdgeLength: () => 180,
    };
  const order = [...g.nodes].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen)).map((n) => String(n.id));
  return {
    name: "preset",
    padding: 60,
    positions: (node: cytoscape.NodeSingular) => {
      const i = order.indexOf(node.id());
      return { x: i * 230, y: ROWS[i % ROWS.length] };
    },
  } as cytoscape.LayoutOptions;
}

function Graph({ g }: { g: EventGraph }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...g.nodes.map((n) => ({
          data: {
            id: String(n.id),
            label: `#${n.id} ${n.title.length > 48 ? `${n.title.slice(0, 46)}…` : n.title}`,
            root: n.id === g.root ? 1 : 0,
          },
        })),
        ...g.edges.map((e) => ({
          data: {
            id: `${e.from}-${e.to}`,
            source: String(e.from),
            target: String(e.to),
            label: e.type,
            color: REL_COLORS[e.type] ?? "#7b8794",
          },
        })),
      ],
      style: [
        {
          selector: "node",
          style: {
            "background-color": "#dfe6ee",
            "border-color": "#5b6b7c",
            "border-width": 1,
            label: "data(label)",
            "font-size": 11,
            "font-family": "system-ui, sans-serif",
            color: "#1b2733",
            "text-wrap": "wrap",
            "text-max-width": "180px",
            "text-valign": "bottom",
            "text-margin-y": 6,
            width: 22,
            height: 22,
          },
        },
        {
          selector: "node[root = 1]",
          style: { "background-color": "#f2a93b", "border-color": "#9a5d00", width: 30, height: 30 },
        },
        {
          selector: "edge",
          style: {
            width: 2,
            "line-color": "data(color)",
            "target-arrow-color": "data(color)",
            "target-arrow-shape": "triangle",
            "curve-style": "bezier",
            label: "data(label)",
            "font-size": 10,
            color: "#3b4754",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.85,
            "text-background-padding": "2px",
          },
        },
      ],
      layout: layoutFor(g),
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 1.3,
    });
    cy.on("tap", "node", (ev) => navigate(`/events/${ev.target.id()}`));
    return () => cy.destroy();
  }, [g]);
  const sorted = [...g.nodes].sort((a, b) => a.firstSeen.localeCompare(b.firstSeen));
  return (
    <>
      <div
        ref={box}
        className="graph-canvas"
        role="img"
        aria-label={`Graph of ${g.nodes.length} related events; the list below has the same links`}
      />
      <div className="legend">
        {Object.keys(REL_COLORS).map((t) => (
          <RelationBadge key={t} type={t} />
        ))}
      </div>
      <h2 className="side-h">Events in this graph</h2>
      <ol className="graph-list">
        {sorted.map((n) => (
          <li key={n.id}>
            <time className="mono">{fmtDate(n.firstSeen)}</time>{" "}
            <Link href={`/events/${n.id}`}>
              #{n.id} {n.title}
            </Link>
            {n.id === g.root && <span className="badge badge-new">this event</span>}
          </li>
        ))}
      </ol>
    </>
  );
}
