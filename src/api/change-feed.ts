import type { Store } from "../store/store.ts";

/** Listener of changed event ids. */
export type ChangeListener = (eventIds: number[]) => void;

/**
 * Tells subscribers which events were created or updated: from the in-process pipeline hook at once,
 * and by polling the store (new ids, newer `last_updated`) for work done by other processes.
 */
export class ChangeFeed {
  private readonly store: Store;
  private readonly intervalMs: number;
  private readonly listeners = new Set<ChangeListener>();
  private timer: NodeJS.Timeout | null = null;
  private maxId = -1;
  private lastUpdated = "";
  private polling = false;

  constructor(store: Store, intervalMs = 2000) {
    this.store = store;
    this.intervalMs = intervalMs;
  }

  /** Adds a listener; returns the function that removes it. Polling runs while anyone listens. */
  subscribe(fn: ChangeListener): () => void {
    this.listeners.add(fn);
    if (!this.timer) {
      this.timer = setInterval(() => void this.poll(), this.intervalMs);
      this.timer.unref();
      void this.poll();
    }
    return () => {
      this.listeners.delete(fn);
      if (!this.listeners.size && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
        this.maxId = -1;
      }
    };
  }

  /** Number of current listeners. */
  get size(): number {
    return this.listeners.size;
  }

  /** Announces changed events to every listener. */
  notify(eventIds: number[]): void {
    if (!eventIds.length) return;
    for (const l of this.listeners) l(eventIds);
  }

  /** Stops polling and drops listeners. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      const maxId = await this.store.events.maxEventId();
      const [latest] = await this.store.events.listEvents({ limit: 1 });
      const newest = latest?.lastUpdated ?? "";
      if (this.maxId < 0) {
        this.maxId = maxId;
        this.lastUpdated = newest;
        return;
      }
      const ids = new Set<number>();
      for (let id = Math.max(this.maxId + 1, maxId - 499); id <= maxId; id++) ids.add(id);
      if (newest > this.lastUpdated)
        for (const e of await this.store.events.listEvents({ updatedAfter: this.lastUpdated, limit: 200 }))
          ids.add(e.id);
      this.maxId = maxId;
      if (newest > this.lastUpdated) this.lastUpdated = newest;
      this.notify([...ids]);
    } catch {
      // The store may be briefly busy; the next tick retries.
    } finally {
      this.polling = false;
    }
  }
}
