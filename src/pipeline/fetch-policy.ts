import type { Config } from "../config/schema.ts";

/** The fetch policy (address allow-list, size and time caps) from config. */
export function fetchPolicy(config: Config) {
  return {
    allow: config["fetch.allow"],
    maxBytes: config["fetch.maxBytes"],
    maxDecompressedBytes: config["fetch.maxDecompressedBytes"],
    timeoutMs: config["fetch.timeoutMs"],
    maxRedirects: config["fetch.maxRedirects"],
    userAgent: config["fetch.userAgent"],
  };
}
