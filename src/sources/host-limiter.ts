/** Serializes requests per host and keeps a minimum interval between their starts. */
export interface HostLimiter {
  /** Runs `task` once the URL's host is free and its interval has passed; other hosts are not held up. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
  /** Sets one host's interval (e.g. robots.txt Crawl-delay), never below the default nor above the cap. */
  setInterval(host: string, ms: number): void;
}

/** Options for createHostLimiter; `now` and `sleep` are injectable for tests. */
export interface HostLimiterOptions {
  minIntervalMs: number;
  /** Upper bound for per-host intervals set via setInterval (default 60 s). */
  maxIntervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface HostState {
  tail: Promise<void>;
  nextStart: number;
  pending: number;
}

/** Per-host politeness: one request per host at a time (a promise chain), `minIntervalMs` between starts. */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const max = options.maxIntervalMs ?? 60_000;
  const hosts = new Map<string, HostState>();
  const intervals = new Map<string, number>();

  async function run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = new URL(url).host.toLowerCase();
    let s = hosts.get(host);
    if (!s) {
      s = { tail: Promise.resolve(), nextStart: 0, pending: 0 };
      hosts.set(host, s);
    }
    const previous = s.tail;
    let release = () => {};
    s.tail = new Promise<void>((r) => {
      release = r;
    });
    s.pending++;
    try {
      await previous;
      const wait = s.nextStart - now();
      if (wait > 0) await sleep(wait);
      s.nextStart = now() + (intervals.get(host) ?? options.minIntervalMs);
      return await task();
    } finally {
      s.pending--;
      release();
      if (s.pending === 0 && s.nextStart <= now()) hosts.delete(host);
    }
  }

  return {
    run,
    setInterval(host, ms) {
      intervals.set(host.toLowerCase(), Math.min(max, Math.max(options.minIntervalMs, ms)));
    },
  };
}
