import robotsParser from "robots-parser";
import { errorCode } from "../model/errors.ts";
import { type FetchPolicy, type FetchResult, safeFetch } from "./fetcher.ts";

/** Options for createRobotsChecker; `fetch` and `now` are injectable for tests. */
export interface RobotsOptions {
  fetch?: (url: string, policy: FetchPolicy) => Promise<FetchResult>;
  /** How long an answer is cached (default 24 h, RFC 9309 §2.4). */
  ttlMs?: number;
  /** Cache time after a 5xx or unreachable robots.txt (default 10 min). */
  errorTtlMs?: number;
  now?: () => number;
}

interface Rules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
interface Entry {
  expires: number;
  rules: Promise<Rules>;
}

const ALLOW_ALL: Rules = { isAllowed: () => true, getCrawlDelay: () => undefined };
const DISALLOW_ALL: Rules = { isAllowed: () => false, getCrawlDelay: () => undefined };
// RFC 9309 §2.5: crawlers must parse at least 500 KiB.
const ROBOTS_MAX_BYTES = 512 * 1024;
const parseRobots = robotsParser as unknown as (url: string, body: string) => Rules;

/** Answers robots.txt questions for any URL. */
export interface RobotsChecker {
  /** True when robots.txt lets `userAgent` (default: the policy's) fetch the URL. */
  isAllowed(url: string, userAgent?: string): Promise<boolean>;
  /** Crawl-delay for `userAgent` in ms, or null when robots.txt sets none. */
  crawlDelayMs(url: string, userAgent?: string): Promise<number | null>;
}

/**
 * robots.txt per origin, fetched with safeFetch and cached: 2xx is parsed, 4xx (missing) allows
 * everything, 5xx or unreachable disallows everything until errorTtlMs passes (RFC 9309 §2.3.1).
 */
export function createRobotsChecker(policy: FetchPolicy, options: RobotsOptions = {}): RobotsChecker {
  const robotsPolicy = { ...policy, maxBytes: Math.min(policy.maxBytes, ROBOTS_MAX_BYTES) };
  const fetcher = options.fetch ?? ((url: string, p: FetchPolicy) => safeFetch(url, p));
  const ttl = options.ttlMs ?? 24 * 3600_000;
  const errorTtl = options.errorTtlMs ?? 600_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Entry>();

  async function load(robotsUrl: string, entry: Entry): Promise<Rules> {
    try {
      const res = await fetcher(robotsUrl, robotsPolicy);
      if (res.status >= 200 && res.status < 300) return parseRobots(res.url, res.body);
      if (res.status >= 400 && res.status < 500) return ALLOW_ALL;
    } catch (err) {
      // An oversized robots.txt is no refusal; RFC 9309 would read its head, we cannot after aborting.
      if (errorCode(err) === "too-large") return ALLOW_ALL;
      // A refused address is refused for the page too: say so instead of "disallowed by robots.txt".
      if (errorCode(err) === "fetch-refused") throw err;
    }
    entry.expires = now() + errorTtl;
    return DISALLOW_ALL;
  }

  function rules(url: string): Promise<Rules> {
    const origin = new URL(url).origin;
    const cached = cache.get(origin);
    if (cached && cached.expires > now()) return cached.rules;
    const entry: Entry = { expires: now() + ttl, rules: Promise.resolve(ALLOW_ALL) };
    entry.rules = load(`${origin}/robots.txt`, entry);
    cache.set(origin, entry);
    return entry.rules;
  }

  return {
    async isAllowed(url, userAgent = policy.userAgent) {
      return (await rules(url)).isAllowed(url, productToken(userAgent)) !== false;
    },
    async crawlDelayMs(url, userAgent = policy.userAgent) {
      const delay = (await rules(url)).getCrawlDelay(productToken(userAgent));
      return delay === undefined ? null : delay * 1000;
    },
  };
}

/** "Sitrep/0.1 (+https://…)" → "Sitrep": robots.txt groups match the product token. */
function productToken(userAgent: string): string {
  return userAgent.split(/[/\s]/, 1)[0] || userAgent;
}
