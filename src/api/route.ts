import type { Context } from "hono";
import type { z } from "zod";
import { SitrepError } from "../model/errors.ts";
import type { ApiDeps } from "./deps.ts";

/** Validated inputs of a route, typed by its schemas. */
export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

/** One row of the route table: method, OpenAPI-style path, docs, schemas, auth and handler. */
export interface Route {
  method: "get" | "post" | "delete";
  /** OpenAPI path, e.g. `/api/events/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** Needs `Authorization: Bearer <api.token>`. */
  auth: boolean;
  params: z.ZodObject | null;
  query: z.ZodObject | null;
  body: z.ZodType | null;
  /** Media type of a successful response. */
  produces: string;
  /** Status of a successful response. */
  status: number;
  run: (c: Context, deps: ApiDeps) => Promise<Response>;
}

/** Defines a route whose handler receives inputs already validated by its zod schemas. */
export function route<
  P extends z.ZodObject = z.ZodObject<Record<string, never>>,
  Q extends z.ZodObject = z.ZodObject<Record<string, never>>,
  B extends z.ZodType = z.ZodUndefined,
>(def: {
  method: Route["method"];
  path: string;
  summary: string;
  tag: string;
  auth?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  produces?: string;
  status?: number;
  handler: (
    c: Context,
    input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
    deps: ApiDeps,
  ) => Promise<Response>;
}): Route {
  return {
    method: def.method,
    path: def.path,
    summary: def.summary,
    tag: def.tag,
    auth: def.auth ?? false,
    params: def.params ?? null,
    query: def.query ?? null,
    body: def.body ?? null,
    produces: def.produces ?? "application/json",
    status: def.status ?? 200,
    run: async (c, deps) => {
      const params = validate("path parameter", def.params, c.req.param());
      const query = validate("query parameter", def.query, c.req.query());
      const body = def.body ? validate("body field", def.body, await readJson(c)) : undefined;
      return def.handler(
        c,
        { params, query, body } as RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
        deps,
      );
    },
  };
}

function validate(where: string, schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) return {};
  const res = schema.safeParse(value);
  if (res.success) return res.data;
  const issue = res.error.issues[0];
  const name = issue.path.join(".");
  const what = name ? `${where} "${name}"` : where.replace(/ (parameter|field)$/, "");
  const got = issue.path.reduce<unknown>(
    (v, k) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    value,
  );
  const message =
    issue.code === "invalid_type" && got !== undefined
      ? `expected ${issue.expected}, got ${JSON.stringify(got)}`
      : issue.code === "invalid_type"
        ? `required (${issue.expected})`
        : issue.message;
  throw new SitrepError("invalid-input", `${what}: ${message}`);
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.length > 100_000) throw new SitrepError("too-large", "request body larger than 100 kB");
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new SitrepError("invalid-input", "request body: not valid JSON");
  }
}

/** Hono path (`/api/events/:id`) of an OpenAPI path (`/api/events/{id}`). */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}
