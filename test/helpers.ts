import { mkdtempSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { testConfig } from "../src/config/load.ts";
import type { ConfigKey } from "../src/config/schema.ts";
import { createContext, type PipelineContext } from "../src/pipeline/context.ts";
import { openStore } from "../src/store/store.ts";

/** A pipeline context over a fresh temporary SQLite store; loopback 127.0.0.1 allowed, no host spacing. */
export async function tempContext(
  overrides: Partial<Record<ConfigKey, unknown>> = {},
): Promise<PipelineContext & { dbPath: string }> {
  const dbPath = join(mkdtempSync(join(tmpdir(), "sitrep-test-")), "t.db");
  const config = testConfig({
    "database.url": dbPath,
    "fetch.allow": ["127.0.0.1"],
    "poll.hostIntervalMs": 0,
    "fetch.timeoutMs": 3000,
    "log.level": "silent",
    ...overrides,
  });
  const store = await openStore(dbPath);
  const ctx = await createContext(config, store, {
    log: pino({ level: "silent" }),
    now: () => new Date("2026-11-21T12:00:00Z"),
  });
  return Object.assign(ctx, { dbPath });
}

/** A real HTTP server on 127.0.0.1 with a handler; `url(path)` builds addresses, `close()` stops it. */
export async function loopbackServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{
  server: Server;
  url: (path: string) => string;
  close: () => Promise<void>;
}> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
