import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorCode, SitrepError } from "../model/errors.ts";

/** The one error envelope every API error uses. */
export interface ErrorBody {
  error: { code: string; message: string };
}

const STATUS: Partial<Record<ErrorCode, ContentfulStatusCode>> = {
  "invalid-input": 400,
  unauthorized: 401,
  "not-found": 404,
  conflict: 409,
  "too-large": 413,
  "fetch-refused": 400,
};

/** HTTP status of an error: SitrepError codes map to 4xx, anything else is a 500. */
export function statusOf(err: unknown): ContentfulStatusCode {
  return (err instanceof SitrepError && STATUS[err.code]) || 500;
}

/** Turns any thrown value into the error envelope; a 500 says nothing about internals. */
export function errorResponse(c: Context, err: unknown): Response {
  const status = statusOf(err);
  const body: ErrorBody =
    status === 500 || !(err instanceof SitrepError)
      ? { error: { code: "internal", message: "internal error; the server log has the details" } }
      : { error: { code: err.code, message: err.message } };
  return c.json(body, status);
}
