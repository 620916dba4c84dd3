import { fmtIntensity } from "../format.ts";

/** PLOVER event type as a small caps badge. */
export function TypeBadge({ type }: { type: string | null }) {
  if (!type) return <span className="badge badge-type badge-muted">untyped</span>;
  return <span className={`badge badge-type type-${type.toLowerCase()}`}>{type}</span>;
}

/** Relation type between two events, colour-coded. */
export function RelationBadge({ type }: { type: string }) {
  return <span className={`badge badge-rel rel-${type}`}>{type}</span>;
}

/** Goldstein intensity as a signed number and a centred bar (−10..+10). */
export function Intensity({ value }: { value: number | null }) {
  if (value === null) return <span className="intensity intensity-none">—</span>;
  const pct = (Math.min(10, Math.abs(value)) / 10) * 50;
  const side = value >= 0 ? "pos" : "neg";
  return (
    <span
      className={`intensity intensity-${side}`}
      title={`Goldstein intensity ${fmtIntensity(value)} (−10 conflict … +10 cooperation)`}
    >
      <span className="intensity-track" aria-hidden="true">
        <span
          className="intensity-bar"
          style={{ width: `${pct}%`, [value >= 0 ? "left" : "right"]: "50%" }}
        />
      </span>
      <span className="intensity-num">{fmtIntensity(value)}</span>
    </span>
  );
}

const ARROWS: Record<string, string> = { escalating: "▲", "de-escalating": "▼", steady: "▶", unknown: "·" };

/** Escalation direction with an arrow. */
export function DirectionTag({ direction }: { direction: string }) {
  return (
    <span className={`direction dir-${direction}`}>
      <span aria-hidden="true">{ARROWS[direction] ?? "·"}</span> {direction}
    </span>
  );
}

/** The "(record pending)" label for events whose record synthesis has not run yet. */
export function PendingTag() {
  return (
    <span
      className="pending"
      title="Synthesis has not produced this event's record yet: title and summary come from its first article."
    >
      (record pending)
    </span>
  );
}
