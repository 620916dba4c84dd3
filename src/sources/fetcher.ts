import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { SitrepError } from "../model/errors.ts";
import { createAddressGuard } from "./address-guard.ts";
import { decodeText } from "./decode.ts";
import { readBody } from "./fetch-body.ts";

/** Limits and allow-list for fetching untrusted URLs. */
export interface FetchPolicy {
  /** IPs or CIDRs that may be fetched although private/loopback (tests: ["127.0.0.1"]). */
  allow: string[];
  /** Cap on body bytes as sent on the wire. */
  maxBytes: number;
  /** Overall deadline for DNS, connect, redirects and body. */
  timeoutMs: number;
  maxRedirects: number;
  /** Cap on body bytes after gzip/deflate/br decoding. */
  maxDecompressedBytes: number;
  userAgent: string;
}

/** Validators from the previous fetch, sent as If-None-Match / If-Modified-Since. */
export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

/** A completed fetch (any HTTP status; see ensureOk). 304 answers have notModified and an empty body. */
export interface FetchResult {
  status: number;
  notModified: boolean;
  /** Final URL after redirects. */
  url: string;
  contentType: string | null;
  /** Body decoded by its charset; invalid bytes become U+FFFD (see invalidText). */
  body: string;
  /** Raw (decompressed) body bytes, for parsers that sniff or stream them. */
  bytes: Uint8Array;
  invalidText: boolean;
  etag: string | null;
  lastModified: string | null;
  /** Retry-After header as sent (seconds or HTTP date), for backoff. */
  retryAfter: string | null;
}

/** Resolves a host name to all its addresses. */
export type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function parseTarget(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new SitrepError("invalid-input", `not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SitrepError("fetch-refused", `${url.href}: only http and https may be fetched`);
  }
  return url;
}

async function resolveChecked(url: URL, policy: FetchPolicy, lookup: Lookup, signal: AbortSignal) {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await abortable(lookup(host), signal);
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      throw new SitrepError("source-unreachable", `${url.href}: cannot resolve ${host}`, { cause: err });
    }
  }
  if (addresses.length === 0)
    throw new SitrepError("source-unreachable", `${url.href}: ${host} has no address`);
  const guard = createAddressGuard(policy.allow);
  for (const { address } of addresses) {
    const verdict = guard.check(address);
    if (!verdict.allowed) throw new SitrepError("fetch-refused", `${url.href}: refused, ${verdict.reason}`);
  }
  return addresses;
}

function send(
  url: URL,
  address: { address: string; family: number },
  headers: OutgoingHttpHeaders,
  signal: AbortSignal,
) {
  const secure = url.protocol === "https:";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = (secure ? https : http).request({
      host: address.address,
      family: address.family,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: { ...headers, host: url.host },
      servername: secure && !isIP(host) ? host : undefined,
      agent: false,
      signal,
    });
    req.on("response", resolve);
    req.on("error", reject);
    req.end();
  });
}

async function connect(
  url: URL,
  addresses: { address: string; family: number }[],
  headers: OutgoingHttpHeaders,
  signal: AbortSignal,
) {
  let last: unknown;
  for (const address of addresses) {
    try {
      return await send(url, address, headers, signal);
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      last = err;
    }
  }
  const reason = last instanceof Error ? last.message : String(last);
  throw new SitrepError("source-unreachable", `${url.href}: ${reason}`, { cause: last });
}

function header(res: IncomingMessage, name: string): string | null {
  const v = res.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

async function fetchHops(
  start: URL,
  policy: FetchPolicy,
  headers: OutgoingHttpHeaders,
  lookup: Lookup,
  signal: AbortSignal,
) {
  let url = start;
  for (let hop = 0; ; hop++) {
    const addresses = await resolveChecked(url, policy, lookup, signal);
    const res = await connect(url, addresses, headers, signal);
    const location = header(res, "location");
    if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return { url, res };
    res.resume();
    if (hop >= policy.maxRedirects) {
      throw new SitrepError(
        "source-unreachable",
        `${start.href}: more than ${policy.maxRedirects} redirects`,
      );
    }
    url = parseTarget(location, url);
  }
}

/** Fetches an untrusted http(s) URL: every DNS answer and redirect hop is checked, size and time are capped. */
export async function safeFetch(
  url: string,
  policy: FetchPolicy,
  conditional: Conditional = {},
  deps: { lookup?: Lookup } = {},
): Promise<FetchResult> {
  const lookup = deps.lookup ?? ((host: string) => dnsLookup(host, { all: true, order: "verbatim" }));
  const controller = new AbortController();
  const { signal } = controller;
  const timeout = new SitrepError("timeout", `${url}: no complete response within ${policy.timeoutMs} ms`);
  const timer = setTimeout(() => controller.abort(timeout), policy.timeoutMs);
  const headers: OutgoingHttpHeaders = {
    "user-agent": policy.userAgent,
    accept: ACCEPT,
    "accept-encoding": "gzip, deflate, br",
  };
  if (conditional.etag) headers["if-none-match"] = conditional.etag;
  if (conditional.lastModified) headers["if-modified-since"] = conditional.lastModified;
  try {
    const { url: final, res } = await fetchHops(parseTarget(url), policy, headers, lookup, signal);
    const status = res.statusCode ?? 0;
    const meta = {
      status,
      url: final.href,
      contentType: header(res, "content-type"),
      etag: header(res, "etag") ?? conditional.etag ?? null,
      lastModified: header(res, "last-modified") ?? conditional.lastModified ?? null,
      retryAfter: header(res, "retry-after"),
    };
    if (status === 304) {
      res.resume();
      return { ...meta, notModified: true, body: "", bytes: new Uint8Array(0), invalidText: false };
    }
    const bytes = await readBody(res, { ...policy, signal, url: final.href });
    const decoded = decodeText(bytes, meta.contentType);
    return { ...meta, notModified: false, body: decoded.text, bytes, invalidText: decoded.invalid };
  } catch (err) {
    if (signal.aborted && signal.reason instanceof SitrepError) throw signal.reason;
    if (err instanceof SitrepError) throw err;
    throw new SitrepError(
      "source-unreachable",
      `${url}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Throws source-unreachable (not-found for 404/410) unless the fetch was 2xx or 304. */
export function ensureOk(result: FetchResult): FetchResult {
  if (result.notModified || (result.status >= 200 && result.status < 300)) return result;
  const code = result.status === 404 || result.status === 410 ? "not-found" : "source-unreachable";
  throw new SitrepError(code, `${result.url}: HTTP ${result.status}`);
}
