import { describe, expect, it } from "vitest";
import { resolvePublishedAt, resolveRelativeDate } from "./dates.ts";

const REF = new Date("2026-11-20T12:00:00Z");

describe("resolvePublishedAt", () => {
  const cases = [
    { name: "ISO", in: "2026-11-18T09:30:00+01:00", iso: "2026-11-18T08:30:00.000Z", warn: false },
    {
      name: "RFC 822 from RSS",
      in: "Wed, 18 Nov 2026 09:30:00 GMT",
      iso: "2026-11-18T09:30:00.000Z",
      warn: false,
    },
    {
      name: "future date is clamped and reported",
      in: "2031-01-01T00:00:00Z",
      iso: REF.toISOString(),
      warn: true,
    },
    { name: "missing date falls back to reference", in: null, iso: REF.toISOString(), warn: false },
    { name: "garbage is reported", in: "sometime soonish, maybe", iso: REF.toISOString(), warn: true },
  ];
  for (const c of cases)
    it(c.name, () => {
      const r = resolvePublishedAt(c.in, REF);
      expect(r.iso).toBe(c.iso);
      expect(r.warning !== null).toBe(c.warn);
    });

  it("reads weekday names backwards from the article time", () => {
    const d = resolveRelativeDate("on Friday", new Date("2026-11-18T12:00:00Z"));
    expect(d?.toISOString().slice(0, 10)).toBe("2026-11-13");
  });
});
