/** Stable error codes shared by CLI, API and per-item reports. */
export type ErrorCode =
  | "invalid-input"
  | "not-found"
  | "unauthorized"
  | "source-unreachable"
  | "fetch-refused"
  | "too-large"
  | "timeout"
  | "parse-failed"
  | "no-article"
  | "conflict"
  | "llm-failed"
  | "internal";

/** The one error class of Sitrep: a stable code, a human message, an optional cause. */
export class SitrepError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = "SitrepError";
  }
}

/** Code of any thrown value: a SitrepError's own, else "internal". */
export function errorCode(err: unknown): ErrorCode {
  return err instanceof SitrepError ? err.code : "internal";
}

/** Message of any thrown value, without stack. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
