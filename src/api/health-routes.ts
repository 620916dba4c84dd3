import { type Route, route } from "./route.ts";

/** Liveness and readiness probes. */
export const healthRoutes: Route[] = [
  route({
    method: "get",
    path: "/healthz",
    summary: "The process is up",
    tag: "health",
    handler: async (c) => c.json({ ok: true }),
  }),
  route({
    method: "get",
    path: "/readyz",
    summary: "The store answers queries (503 when it does not)",
    tag: "health",
    handler: async (c, _input, deps) => {
      try {
        const events = await deps.store.events.countEvents();
        return c.json({ ok: true, events });
      } catch (err) {
        deps.ctx.log.error({ err }, "readiness check failed");
        return c.json({ error: { code: "unavailable", message: "store not reachable" } }, 503);
      }
    },
  }),
];
