import { createHash, timingSafeEqual } from "node:crypto";
import { SitrepError } from "../model/errors.ts";

/** Checks an Authorization header against the configured token; throws `unauthorized` otherwise. */
export function requireToken(header: string | undefined, token: string): void {
  if (!token)
    throw new SitrepError(
      "unauthorized",
      "this route writes or triggers work and needs a token, but none is configured: set api.token (env SITREP_API_TOKEN)",
    );
  const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
  if (!m) throw new SitrepError("unauthorized", "missing Authorization: Bearer <token> header");
  const digest = (s: string) => createHash("sha256").update(s).digest();
  if (!timingSafeEqual(digest(m[1].trim()), digest(token)))
    throw new SitrepError("unauthorized", "wrong token");
}
