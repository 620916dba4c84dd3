import { geoCentroid, geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { useMemo, useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-110m.json";
import { qs, type TheatreListed } from "../api.ts";
import { Empty, Show } from "../components/states.tsx";
import { countryName, iso3OfAtlasName } from "../country-codes.ts";
import { Link, navigate } from "../router.tsx";
import { useApi } from "../use-api.ts";

type Country = Feature<Geometry, { name: string }>;
const WIDTH = 960;
const HEIGHT = 500;

function shade(n: number, max: number): string {
  if (!n) return "#eef1f4";
  const t = Math.sqrt(n / max);
  const l = 88 - t * 50;
  return `hsl(208 45% ${l}%)`;
}

/** World map of where events happen: countries shaded and circled by number of events (their actors' countries). */
export function MapPage() {
  const [theatre, setTheatre] = useState("");
  const theatres = useApi<{ items: TheatreListed[] }>("/api/theatres");
  const loaded = useApi<{ items: { country: string; events: number }[]; basis: string }>(
    `/api/map${qs({ theatre })}`,
  );
  const shapes = useMemo(() => {
    const topo = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], fc);
    const path = geoPath(projection);
    return fc.features.map((f: Country) => ({
      name: f.properties.name,
      iso3: iso3OfAtlasName(f.properties.name),
      d: path(f) ?? "",
      c: projection(geoCentroid(f)) ?? [0, 0],
    }));
  }, []);
  return (
    <div>
      <h1 className="page-title">Where events happen</h1>
      <label className="inline-filter">
        Theatre{" "}
        <select value={theatre} onChange={(e) => setTheatre(e.target.value)}>
          <option value="">All theatres</option>
          {theatres.state === "ok" &&
            theatres.data.items.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </select>
      </label>
      <Show loaded={loaded} what="Loading map">
        {({ items, basis }) => {
          const counts = new Map(items.map((i) => [i.country, i.events]));
          const max = Math.max(1, ...items.map((i) => i.events));
          const ranked = [...items].sort((a, b) => b.events - a.events);
          return (
            <div className="map-layout">
              <figure className="map-figure">
                <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="map">
                  <title>World map of event counts by country</title>
                  <rect width={WIDTH} height={HEIGHT} className="map-sea" />
                  {shapes.map((s) => {
                    const n = s.iso3 ? (counts.get(s.iso3) ?? 0) : 0;
                    const shape = <path key="p" d={s.d} fill={shade(n, max)} className="map-country" />;
                    return n ? (
                      <a
                        key={s.name}
                        href={`/actors/${s.iso3}`}
                        aria-label={`${s.name}: ${n} events`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate(`/actors/${s.iso3}`);
                        }}
                      >
                        <title>{`${s.name}: ${n} events`}</title>
                        {shape}
                      </a>
                    ) : (
                      <g key={s.name}>{shape}</g>
                    );
                  })}
                  {shapes.map((s) => {
                    const n = s.iso3 ? (counts.get(s.iso3) ?? 0) : 0;
                    return n ? (
                      <circle
                        key={`c-${s.name}`}
                        cx={s.c[0]}
                        cy={s.c[1]}
                        r={3 + Math.sqrt(n / max) * 14}
                        className="map-dot"
                      />
                    ) : null;
                  })}
                </svg>
                <figcaption className="muted small">
                  Countries of the actors involved in each event
                  {basis === "entities" ? " (estimated from named places until actor extraction runs)" : ""}.
                  Circle area grows with the number of events.
                </figcaption>
              </figure>
              <section aria-labelledby="h-countries">
                <h2 id="h-countries" className="side-h">
                  Countries
                </h2>
                {ranked.length ? (
                  <div className="scroll-box">
                    <table className="table compact">
                      <tbody>
                        {ranked.map((i) => (
                          <tr key={i.country}>
                            <td>
                              <Link href={`/actors/${i.country}`}>{countryName(i.country)}</Link>
                            </td>
                            <td className="num">{i.events}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                ) : (
                  <Empty>No located events yet.</Empty>
                )}
              </section>
            </div>
          );
        }}
      </Show>
    </div>
  );
}
