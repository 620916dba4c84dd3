import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { ApiDeps } from "./deps.ts";
import { summarize } from "./event-view.ts";
import { type Route, route } from "./route.ts";

const HEARTBEAT_MS = 15_000;

/** Server-sent events: one `event` message per created or updated event (its summary as JSON). */
export const streamRoutes: Route[] = [
  route({
    method: "get",
    path: "/api/stream",
    summary: "Server-sent events stream of new and updated events (`event: event`, data = event summary)",
    tag: "events",
    produces: "text/event-stream",
    query: z.object({
      theatre: z.string().min(1).max(100).optional().describe("only events of this theatre"),
    }),
    handler: async (c, { query }, deps) =>
      streamSSE(c, async (stream) => {
        const pending = new Set<number>();
        let wake: (() => void) | null = null;
        const unsubscribe = deps.changes.subscribe((ids) => {
          for (const id of ids) pending.add(id);
          wake?.();
        });
        stream.onAbort(() => {
          unsubscribe();
          wake?.();
        });
        await stream.writeSSE({ event: "ready", data: JSON.stringify({ at: new Date().toISOString() }) });
        try {
          while (!stream.aborted) {
            if (!pending.size) {
              const timer = await waitForChange((w) => {
                wake = w;
              });
              wake = null;
              if (timer === "timeout" && !stream.aborted) await stream.write(": keep-alive\n\n");
              continue;
            }
            const ids = [...pending];
            pending.clear();
            for (const e of await changedSummaries(deps, ids, query.theatre))
              await stream.writeSSE({ event: "event", id: String(e.id), data: JSON.stringify(e) });
          }
        } finally {
          unsubscribe();
        }
      }),
  }),
];

function waitForChange(register: (wake: () => void) => void): Promise<"change" | "timeout"> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve("timeout"), HEARTBEAT_MS);
    register(() => {
      clearTimeout(t);
      resolve("change");
    });
  });
}

async function changedSummaries(deps: ApiDeps, ids: number[], theatre?: string) {
  const events = (await deps.store.events.getEvents(ids)).filter((e) => e.redirectTo === null);
  const out = await summarize(deps, events);
  return theatre ? out.filter((e) => e.theatres.some((t) => t.id === theatre)) : out;
}
