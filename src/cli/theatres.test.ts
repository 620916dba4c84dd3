import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUILTIN_THEATRES } from "../classify/theatres.ts";
import { loadConfig } from "../config/load.ts";
import type { TheatreProposal } from "../link/propose-theatres.ts";
import { addTheatreToConfig, renderKnown, renderProposals } from "./theatres.ts";

const dir = mkdtempSync(join(tmpdir(), "sitrep-theatres-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KG_TJ = {
  id: "kyrgyzstan-tajikistan",
  name: "Kyrgyzstan – Tajikistan",
  aliases: [],
  actorPairs: [["KGZ", "TJK"]] as [string, string][],
  places: ["Vorukh"],
};

const proposal: TheatreProposal = {
  ...KG_TJ,
  eventIds: [22, 29, 31],
  firstSeen: "2026-11-08T06:10:00.000Z",
  lastSeen: "2026-11-18T13:00:00.000Z",
  days: 6,
  density: 1,
  forceShare: 0.67,
  meanIntensity: -3.3,
  headlines: [{ id: 47, firstSeen: "2026-11-18T13:00:00.000Z", title: "Delimitation commissions meet" }],
};

describe("addTheatreToConfig", () => {
  it("adds the theatre to a config file's theatres.extra, keeping its other keys, and the loader reads it", () => {
    const file = join(dir, "a.json");
    writeFileSync(file, JSON.stringify({ "api.port": 9090, "theatres.extra": [] }));
    addTheatreToConfig(file, KG_TJ);
    const { config } = loadConfig({ file, env: {} });
    expect(config["api.port"]).toBe(9090);
    expect(config["theatres.extra"]).toEqual([KG_TJ]);
  });

  it("creates the file when missing, and replaces a theatre of the same id rather than adding a second", () => {
    const file = join(dir, "b.json");
    addTheatreToConfig(file, KG_TJ);
    addTheatreToConfig(file, { ...KG_TJ, places: ["Vorukh", "Batken"] });
    const extra = JSON.parse(readFileSync(file, "utf8"))["theatres.extra"];
    expect(extra).toHaveLength(1);
    expect(extra[0].places).toEqual(["Vorukh", "Batken"]);
  });

  it("refuses a file that is not JSON and leaves it as it was", () => {
    const file = join(dir, "c.json");
    writeFileSync(file, "{ not json");
    expect(() => addTheatreToConfig(file, KG_TJ)).toThrow(/c\.json: not JSON/);
    expect(readFileSync(file, "utf8")).toBe("{ not json");
  });
});

describe("rendering", () => {
  it("prints a proposal with its evidence, latest headlines and the command that adopts it", () => {
    const text = renderProposals({ since: "2026-08-22", until: "2026-11-20", proposals: [proposal] });
    expect(text).toContain("Kyrgyzstan – Tajikistan (kyrgyzstan-tajikistan)");
    expect(text).toContain(
      "3 events over 6 days, 2026-11-08 to 2026-11-18; 100% linked to one another, 67% force",
    );
    expect(text).toContain("core pairs: KGZ/TJK");
    expect(text).toContain("#47  Delimitation commissions meet");
    expect(text).toContain("sitrep theatres --adopt kyrgyzstan-tajikistan");
    // The entry printed is the one the config takes.
    const entry = JSON.parse(text.slice(text.indexOf('"theatres.extra": ') + 18, text.lastIndexOf(")")));
    expect(entry).toEqual(KG_TJ);
  });

  it("says when there is nothing to propose, naming the window", () => {
    expect(renderProposals({ since: "2026-08-22", until: "2026-11-20", proposals: [] })).toMatch(
      /^No theatre to propose from 2026-08-22 to 2026-11-20/,
    );
  });

  it("lists known theatres busiest first and those without events on one line", () => {
    const text = renderKnown(BUILTIN_THEATRES, [
      { theatreId: "sudan", events: 1, lastUpdated: "2026-11-13T10:00:00.000Z" },
      { theatreId: "iran-israel", events: 18, lastUpdated: "2026-11-19T10:00:00.000Z" },
    ]);
    const lines = text.split("\n");
    expect(lines[0]).toBe(`${BUILTIN_THEATRES.length} theatres, 2 with events`);
    expect(lines[2]).toMatch(/^iran-israel\s+18 events\s+last 2026-11-19\s+Iran–Israel conflict$/);
    expect(lines[3]).toMatch(/^sudan\s+1 event\s+last 2026-11-13/);
    expect(text).toMatch(/No events yet: .*russia-ukraine/);
  });
});
