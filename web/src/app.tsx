import { lazy, type ReactNode, Suspense, useEffect } from "react";
import { Loading } from "./components/states.tsx";
import { ActorPage } from "./pages/actor-page.tsx";
import { ActorsPage } from "./pages/actors-page.tsx";
import { AlertsPage } from "./pages/alerts-page.tsx";
import { EventPage } from "./pages/event-page.tsx";
import { FeedPage } from "./pages/feed-page.tsx";
import { SearchPage } from "./pages/search-page.tsx";
import { SourcesPage } from "./pages/sources-page.tsx";
import { TheatresPage } from "./pages/theatres-page.tsx";
import { Link, navigate, useLocation } from "./router.tsx";

// The graph (cytoscape), charts (ECharts) and map (world atlas) load only when their page opens.
const GraphPage = lazy(() => import("./pages/graph-page.tsx").then((m) => ({ default: m.GraphPage })));
const TheatrePage = lazy(() => import("./pages/theatre-page.tsx").then((m) => ({ default: m.TheatrePage })));
const MapPage = lazy(() => import("./pages/map-page.tsx").then((m) => ({ default: m.MapPage })));

const NAV: [href: string, label: string][] = [
  ["/", "Feed"],
  ["/alerts", "Alerts"],
  ["/map", "Map"],
  ["/theatres", "Theatres"],
  ["/actors", "Actors"],
  ["/search", "Search"],
  ["/sources", "Sources"],
];

type Page = { page: ReactNode; title: string; section: string };

const PATTERNS: [RegExp, (m: RegExpMatchArray) => Page][] = [
  [
    /^\/events\/(\d+)\/graph$/,
    (m) => ({ page: <GraphPage id={Number(m[1])} />, title: `Event ${m[1]} graph`, section: "/" }),
  ],
  [
    /^\/events\/(\d+)$/,
    (m) => ({ page: <EventPage id={Number(m[1])} />, title: `Event ${m[1]}`, section: "/" }),
  ],
  [
    /^\/theatres\/([^/]+)$/,
    (m) => ({ page: <TheatrePage id={decodeURIComponent(m[1])} />, title: "Theatre", section: "/theatres" }),
  ],
  [
    /^\/actors\/([^/]+)$/,
    (m) => ({ page: <ActorPage id={decodeURIComponent(m[1])} />, title: "Actor", section: "/actors" }),
  ],
];

function route(path: string, search: URLSearchParams): Page {
  for (const [re, make] of PATTERNS) {
    const m = path.match(re);
    if (m) return make(m);
  }
  if (path === "/theatres") return { page: <TheatresPage />, title: "Theatres", section: path };
  if (path === "/actors") return { page: <ActorsPage />, title: "Actors", section: path };
  if (path === "/alerts")
    return { page: <AlertsPage rule={search.get("rule") ?? ""} />, title: "Alerts", section: path };
  if (path === "/map") return { page: <MapPage />, title: "Map", section: path };
  if (path === "/sources") return { page: <SourcesPage />, title: "Sources", section: path };
  if (path === "/search")
    return { page: <SearchPage q={search.get("q") ?? ""} />, title: "Search", section: path };
  if (path === "/") return { page: <FeedPage search={search} />, title: "Live feed", section: "/" };
  return {
    page: (
      <div className="state state-empty">
        <h1>Not found</h1>
        <p>
          There is no page at <code>{path}</code>. <Link href="/">Back to the feed</Link>.
        </p>
      </div>
    ),
    title: "Not found",
    section: "",
  };
}

/** The app shell: header with navigation and quick search, then the page for the current URL. */
export function App() {
  const { path, search } = useLocation();
  const { page, title, section } = route(path, search);
  useEffect(() => {
    document.title = `${title} · Sitrep`;
  }, [title]);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand" aria-label="Sitrep home">
          <span className="brand-mark" aria-hidden="true" />
          SITREP
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([href, label]) => (
              <li key={href}>
                <Link href={href} aria-current={section === href ? "page" : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form
          className="quick-search"
          aria-label="Search"
          onSubmit={(e) => {
            e.preventDefault();
            const q = new FormData(e.currentTarget).get("q");
            if (typeof q === "string" && q.trim()) navigate(`/search?q=${encodeURIComponent(q.trim())}`);
          }}
        >
          <label className="sr-only" htmlFor="quick-q">
            Search events and articles
          </label>
          <input
            id="quick-q"
            name="q"
            type="search"
            placeholder="Search events, articles…"
            defaultValue={section === "/search" ? (search.get("q") ?? "") : ""}
            key={path}
          />
        </form>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{page}</Suspense>
      </main>
      <footer className="footer">
        Sitrep · situation reports from news streams · <a href="/openapi.json">API</a>
      </footer>
    </>
  );
}
