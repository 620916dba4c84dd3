import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { Context } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Default location of the built web app. */
export const DEFAULT_WEB_DIR = resolve(import.meta.dirname, "../../web/dist");

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Sitrep</title>
<p>The web app is not built. Run <code>npm run build:web</code>, then reload. The API is at <a href="/openapi.json">/openapi.json</a>.</p>`;

/**
 * Serves files of the built web app; unknown paths without an extension get index.html (SPA fallback).
 * Hashed assets are cached for a year, index.html never.
 */
export function createStaticHandler(dir: string = DEFAULT_WEB_DIR): (c: Context) => Promise<Response> {
  const root = resolve(dir);
  return async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return c.text("not found", 404);
    if (extname(path) && (await isFile(file))) {
      const immutable = path.startsWith("/assets/");
      return c.body(await readFile(file), 200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      });
    }
    if (extname(path) && path !== "/index.html") return c.text("not found", 404);
    const index = join(root, "index.html");
    if (!existsSync(index)) return c.html(NOT_BUILT, 200, { "cache-control": "no-store" });
    return c.body(await readFile(index), 200, {
      "content-type": TYPES[".html"],
      "cache-control": "no-cache",
    });
  };
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
