import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILTIN_THEATRES, theatreList } from "../classify/theatres.ts";
import { testConfig } from "../config/load.ts";
import type { Theatre } from "../model/theatre.ts";
import { openStore, type Store } from "../store/store.ts";
import { createContext, type PipelineContext } from "./context.ts";
import { ingestFile } from "./ingest-file.ts";
import { installLinking } from "./link-events.ts";
import { installSynthesis } from "./synthesize-events.ts";
import { isCalendarDay, placeInTheatre, theatreProposals, unlistedPlaces } from "./theatre-proposals.ts";

// Real Current Events entries: the summer of 2021 in Afghanistan is a war no built-in theatre names.
const CEP = fileURLToPath(new URL("../../../shared/data/cep/dev-2019-2022.ndjson", import.meta.url));
const WINDOW = { since: "2021-06-01", until: "2021-09-30" };
const dir = mkdtempSync(join(tmpdir(), "sitrep-proposals-"));
let store: Store;

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function context(extra: unknown[] = []): Promise<PipelineContext> {
  const config = testConfig({
    "database.url": join(dir, "t.db"),
    "log.level": "silent",
    "theatres.extra": extra,
  });
  store ??= await openStore(config["database.url"]);
  const ctx = await createContext(config, store, { log: pino({ level: "silent" }) });
  installSynthesis(ctx);
  installLinking(ctx);
  return ctx;
}

// Entries and the gold theatre of each, by the text the store keeps.
const gold = new Map<string, string>();

beforeAll(async () => {
  if (!existsSync(CEP)) return;
  const lines = readFileSync(CEP, "utf8")
    .split("\n")
    .filter((l) => /"published_at": "2021-0[6-9]/.test(l));
  for (const l of lines) {
    const e = JSON.parse(l) as {
      title: string;
      story_path: string[];
      labels: string[];
      theater: string | null;
    };
    gold.set(e.title, [...e.story_path, ...e.labels, e.theater ?? ""].join(" | ").toLowerCase());
  }
  const file = join(dir, "summer-2021.ndjson");
  writeFileSync(file, `${lines.join("\n")}\n`);
  await ingestFile(await context(), file);
}, 120_000);

describe.skipIf(!existsSync(CEP))("theatre proposals on CEP, June to September 2021", () => {
  it("proposes the war in Afghanistan, with its places, and its events are the war's", async () => {
    const { proposals } = await theatreProposals(store, BUILTIN_THEATRES, WINDOW);
    const afghan = proposals.find((p) => p.actorPairs.some(([a, b]) => a === "AFG" && b === "org:taliban"));
    expect(afghan?.name).toBe("Afghanistan – Taliban");
    expect(afghan?.places).toEqual(expect.arrayContaining(["Kabul", "Panjshir"]));
    const events = await store.events.getEvents(afghan?.eventIds ?? []);
    expect(events.length).toBeGreaterThanOrEqual(30);
    // Checked against the editors' labels of the entries: the war, under any of its names.
    const titles = (await store.articles.articlesOfEvents(events.map((e) => e.id))).values();
    const labelled = [...titles].filter((members) =>
      members.some((a) => /afghan|taliban|kabul/.test(gold.get(a.title) ?? "")),
    );
    expect(labelled.length / events.length).toBeGreaterThan(0.85);
    // Not a topic: no proposal is a pandemic's travel rules between two countries.
    for (const p of proposals) expect(p.forceShare).toBeGreaterThanOrEqual(0.35);
  });

  it("adopting a proposal places the window's events in it and stops proposing it", async () => {
    const { proposals } = await theatreProposals(store, BUILTIN_THEATRES, WINDOW);
    const p = proposals.find((x) => x.id === "afghanistan-taliban");
    expect(p).toBeDefined();
    const entry: Theatre = {
      id: "afghanistan-taliban",
      name: "Afghanistan – Taliban",
      aliases: [],
      actorPairs: p?.actorPairs ?? [],
      places: p?.places ?? [],
    };
    const ctx = await context([entry]);
    const placed = await placeInTheatre(ctx, entry, WINDOW);
    expect(placed.rewritten).toBeGreaterThanOrEqual(p?.eventIds.length ?? 0);
    expect(placed.inTheatre).toBeGreaterThanOrEqual(30);
    // The theatre's timeline and escalation index now hold them.
    expect((await store.links.theatreDays("afghanistan-taliban")).length).toBeGreaterThan(10);
    const again = await theatreProposals(store, theatreList([entry]), WINDOW);
    expect(again.proposals.map((x) => x.id)).not.toContain("afghanistan-taliban");
    expect(again.proposals.map((x) => x.id)).not.toContain("afghanistan-taliban-2");
  });
});

describe("unlistedPlaces", () => {
  it.each([
    { title: "Border guards exchange fire near Vorukh exclave", places: ["Vorukh"] },
    {
      title: "Kyrgyz army deploys reinforcements to Batken as armour gathers near Isfara",
      places: ["Batken", "Isfara"],
    },
    { title: "A suicide bomber attacks a checkpoint in Ghazni Province", places: ["Ghazni Province"] },
    { title: "Crowds gather outside Kabul's Hamid Karzai airport", places: [] },
    { title: "Talks resume in Doha on Monday", places: [] },
    { title: "Refugees arrive in Europe from Syria", places: [] },
  ])("$title", ({ title, places }) => {
    expect(unlistedPlaces(title)).toEqual(places);
  });
});

describe("isCalendarDay", () => {
  it.each([
    ["2021-06-01", true],
    ["2026-02-30", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["yesterday", false],
  ])("%s → %s", (d, ok) => {
    expect(isCalendarDay(d as string)).toBe(ok);
  });
});
