import type { EventDigest } from "../model/digest.ts";
import type { EventLink } from "../model/link.ts";

/** One day of a theatre's escalation index: higher is more conflictual. */
export interface TheatreDay {
  theatreId: string;
  day: string;
  escalation: number;
  events: number;
}

interface Entry {
  intensity: number | null;
  escalations: number;
  deescalations: number;
}

// The day's escalation and de-escalation links tilt it by up to 2 Goldstein points: about one step between CAMEO
// root categories, the same step the classifier uses for direction.
const LINK_WEIGHT = 2;

/**
 * Per theatre and day, the events of the window with their intensity and escalation links. The index of a day is
 * minus the mean Goldstein intensity of its events, tilted by the net share of its relation links,
 * (escalations − de-escalations) / (escalations + de-escalations), times LINK_WEIGHT and times the room left on
 * the scale in that direction. The share, not the count: how many links an event has depends on how many earlier
 * events there are to link to, so a count drove most days to ±10. With the room factor a rejection that escalates
 * stays below a battle, and only fighting reaches +10.
 */
export class EscalationDays {
  private readonly days = new Map<string, Map<number, Entry>>();
  private readonly keysOf = new Map<number, string[]>();

  /** Records an event's day, theatres, intensity and links; returns the theatre-day keys touched. */
  record(d: EventDigest, links: EventLink[]): string[] {
    const touched = this.forget(d.id);
    const day = new Date(d.time).toISOString().slice(0, 10);
    const entry: Entry = {
      intensity: d.intensity,
      escalations: links.filter((l) => l.type === "escalation").length,
      deescalations: links.filter((l) => l.type === "de-escalation").length,
    };
    const keys = d.theatres.map((t) => `${t}|${day}`);
    for (const k of keys) {
      const m = this.days.get(k) ?? new Map<number, Entry>();
      m.set(d.id, entry);
      this.days.set(k, m);
    }
    this.keysOf.set(d.id, keys);
    return [...new Set([...touched, ...keys])];
  }

  /** Removes an event (merged away); returns the keys touched. */
  forget(eventId: number): string[] {
    const keys = this.keysOf.get(eventId) ?? [];
    for (const k of keys) this.days.get(k)?.delete(eventId);
    this.keysOf.delete(eventId);
    return keys;
  }

  /** Forgets events for which `keep` is false (their days are final and stored). */
  prune(keep: (eventId: number) => boolean): void {
    for (const id of [...this.keysOf.keys()]) if (!keep(id)) this.forget(id);
    for (const [k, m] of this.days) if (!m.size) this.days.delete(k);
  }

  /** Number of events recorded. */
  get size(): number {
    return this.keysOf.size;
  }

  /** The index of each theatre-day key. */
  values(keys: string[]): TheatreDay[] {
    return keys.map((k) => {
      const [theatreId, day] = k.split("|");
      const entries = [...(this.days.get(k)?.values() ?? [])];
      return { theatreId, day, ...dayIndex(entries) };
    });
  }
}

function dayIndex(entries: Entry[]): { escalation: number; events: number } {
  const n = entries.length;
  if (!n) return { escalation: 0, events: 0 };
  const known = entries.filter((e) => e.intensity !== null).map((e) => e.intensity as number);
  const mean = known.length ? known.reduce((s, x) => s + x, 0) / known.length : 0;
  const up = entries.reduce((s, e) => s + e.escalations, 0);
  const down = entries.reduce((s, e) => s + e.deescalations, 0);
  const base = Math.max(-10, Math.min(10, -mean));
  const net = up + down ? (up - down) / (up + down) : 0;
  const room = net > 0 ? (10 - base) / 10 : (10 + base) / 10;
  const x = base + LINK_WEIGHT * net * room;
  return { escalation: Math.round(Math.max(-10, Math.min(10, x)) * 10) / 10, events: n };
}
