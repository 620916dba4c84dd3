import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const MAIN = new URL("../src/main.ts", import.meta.url).pathname;
const DEMO = new URL("../demo/articles.ndjson", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "sitrep-theatres-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sitrep(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args, "--db", join(dir, "demo.db")], {
      cwd: dir,
      env: { ...process.env, SITREP_LOG_LEVEL: "silent" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => resolve({ code, out }));
  });
}

describe("sitrep theatres, as a newcomer runs it on the demo", () => {
  it("proposes the Kyrgyz–Tajik border conflict, adopts it into the config, and its timeline holds its events", async () => {
    expect((await sitrep(["ingest", DEMO])).code).toBe(0);
    const proposed = await sitrep(["theatres", "--proposed"]);
    expect(proposed.out).toContain("Kyrgyzstan – Tajikistan (kyrgyzstan-tajikistan)");
    expect(proposed.out).toContain("adopt: sitrep theatres --adopt kyrgyzstan-tajikistan");

    const adopted = await sitrep(["theatres", "--adopt", "kyrgyzstan-tajikistan"]);
    expect(adopted.code).toBe(0);
    expect(adopted.out).toMatch(
      /Adopted Kyrgyzstan – Tajikistan \(kyrgyzstan-tajikistan\): added to "theatres.extra" in sitrep.config.json/,
    );
    const config = JSON.parse(readFileSync(join(dir, "sitrep.config.json"), "utf8"));
    expect(config["theatres.extra"][0]).toMatchObject({
      id: "kyrgyzstan-tajikistan",
      actorPairs: [["KGZ", "TJK"]],
    });

    // The config file in the working directory is read by every later command.
    const timeline = await sitrep(["timeline", "--theatre", "kyrgyzstan-tajikistan"]);
    const placed = Number(/: (\d+) events/.exec(timeline.out)?.[1]);
    expect(placed).toBeGreaterThanOrEqual(5);
    expect(timeline.out).toContain("Shots fired near Vorukh despite ceasefire; Kyrgyz guard wounded");
    expect(timeline.out).toContain("Escalation index");
    const listed = await sitrep(["theatres"]);
    expect(listed.out).toMatch(/kyrgyzstan-tajikistan\s+\d+ events/);
    // Adopted, it is no longer proposed.
    expect((await sitrep(["theatres", "--proposed"])).out).not.toContain("(kyrgyzstan-tajikistan)");
    const unknown = await sitrep(["theatres", "--adopt", "atlantis"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.out).toMatch(/no proposed theatre "atlantis"/);
  }, 120_000);
});
