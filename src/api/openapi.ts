import { z } from "zod";
import type { Route } from "./route.ts";

type JsonSchema = Record<string, unknown>;

function schemaOf(s: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

function parameters(where: "path" | "query", obj: z.ZodObject | null): JsonSchema[] {
  if (!obj) return [];
  const json = schemaOf(obj) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    schema,
  }));
}

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" } },
    },
  },
};

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
}

/** The OpenAPI 3.1 document generated from the route table. */
export function buildOpenApi(routes: Route[], info: { title: string; version: string }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of routes) {
    const responses: Record<string, JsonSchema> = {
      [String(r.status)]: { description: "success", content: { [r.produces]: {} } },
    };
    if (r.params || r.query || r.body)
      responses["400"] = errorResponse("invalid parameter (named in the message)");
    if (r.params) responses["404"] = errorResponse("unknown id");
    if (r.auth) responses["401"] = errorResponse("missing or wrong bearer token, or no token configured");
    responses["500"] = errorResponse("internal error (no details)");
    paths[r.path] ??= {};
    paths[r.path][r.method] = {
      operationId: `${r.method}${r.path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? "").toUpperCase())}`,
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parameters("path", r.params), ...parameters("query", r.query)],
      ...(r.body
        ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(r.body) } } } }
        : {}),
      ...(r.auth ? { security: [{ bearer: [] }] } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      ...info,
      description: "Sitrep HTTP API: events, actors, theatres, sources, articles, feeds, exports.",
    },
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
  };
}
