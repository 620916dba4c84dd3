import type { Direction } from "../model/event.ts";

/** Options for the escalation direction. */
export interface DirectionOptions {
  /** How many of the most recent intensities form the baseline. */
  window?: number;
  /** Goldstein points below (above) the baseline that count as escalating (de-escalating). */
  threshold?: number;
}

// 2 Goldstein points is about one step between CAMEO root categories (demand −5, threaten −4.4, coerce −7),
// so smaller moves read as steady; the baseline is the mean of the theatre's last 5 events.
const DEFAULTS = { window: 5, threshold: 2 };

/**
 * Direction of an event against its theatre's recent trajectory; `recent` holds the theatre's previous
 * intensities (Goldstein −10..+10), oldest first. Lower (more conflictual) than the recent mean by the
 * threshold is escalating, higher is de-escalating, else steady; unknown without an intensity or history.
 */
export function directionOf(
  intensity: number | null,
  recent: readonly number[],
  options: DirectionOptions = {},
): Direction {
  const { window, threshold } = { ...DEFAULTS, ...options };
  const last = recent.filter((x) => Number.isFinite(x)).slice(-window);
  if (intensity === null || !Number.isFinite(intensity) || last.length === 0) return "unknown";
  const baseline = last.reduce((s, x) => s + x, 0) / last.length;
  const delta = intensity - baseline;
  if (delta <= -threshold) return "escalating";
  if (delta >= threshold) return "de-escalating";
  return "steady";
}

/** Escalation index of a theatre over time: minus the running mean intensity of the last `window` events. */
export function escalationIndex(intensities: readonly number[], window = DEFAULTS.window): number[] {
  return intensities.map((_, i) => {
    const slice = intensities.slice(Math.max(0, i - window + 1), i + 1);
    return -(slice.reduce((s, x) => s + x, 0) / slice.length);
  });
}
