import type { Config } from "../config/schema.ts";

/** Display names of theatres by id. */
export interface TheatreCatalog {
  name: (id: string) => string;
}

/** Names from config `theatres.extra` (and any list passed in), else a readable form of the id. */
export function createTheatreCatalog(
  config: Config,
  known: { id: string; name: string }[] = [],
): TheatreCatalog {
  const names = new Map<string, string>();
  for (const t of [...known, ...config["theatres.extra"]]) {
    if (typeof t.id === "string" && typeof t.name === "string") names.set(t.id, t.name);
  }
  return { name: (id) => names.get(id) ?? humanize(id) };
}

function humanize(id: string): string {
  const words = id.split(/[-_]+/).filter(Boolean);
  return words.map((w) => (w.length <= 3 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1))).join(" ");
}
