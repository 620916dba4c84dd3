import { actorRoutes } from "./actor-routes.ts";
import { alertRoutes } from "./alert-routes.ts";
import { articleRoutes } from "./article-routes.ts";
import { eventRoutes } from "./event-routes.ts";
import { exportRoutes } from "./export-routes.ts";
import { feedRoutes } from "./feed-routes.ts";
import { healthRoutes } from "./health-routes.ts";
import { buildOpenApi } from "./openapi.ts";
import { type Route, route } from "./route.ts";
import { sourceRoutes } from "./source-routes.ts";
import { streamRoutes } from "./stream-route.ts";
import { theatreRoutes } from "./theatre-routes.ts";

let document: Record<string, unknown> | null = null;

/** Every route of the API, in one table; the OpenAPI document is generated from it. */
export const apiRoutes: Route[] = [
  ...eventRoutes,
  ...streamRoutes,
  ...actorRoutes,
  ...theatreRoutes,
  ...sourceRoutes,
  ...articleRoutes,
  ...exportRoutes,
  ...feedRoutes,
  ...alertRoutes,
  ...healthRoutes,
  route({
    method: "get",
    path: "/openapi.json",
    summary: "This API's OpenAPI 3.1 document",
    tag: "meta",
    handler: async (c) => {
      document ??= buildOpenApi(apiRoutes, { title: "Sitrep API", version: "0.1.0" });
      return c.json(document);
    },
  }),
];
