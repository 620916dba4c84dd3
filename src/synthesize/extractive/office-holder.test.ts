import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { testConfig } from "../../config/load.ts";
import { createContext } from "../../pipeline/context.ts";
import { processArticles } from "../../pipeline/process-articles.ts";
import { installSynthesis } from "../../pipeline/synthesize-events.ts";
import { openStore } from "../../store/store.ts";

const dir = mkdtempSync(join(tmpdir(), "sitrep-office-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// CEP 2022 wording: an office named first, its holder beside it.
async function responsesOf(text: string) {
  const config = testConfig({ "database.url": join(dir, `${Math.random()}.db`), "log.level": "silent" });
  const store = await openStore(config["database.url"]);
  const ctx = await createContext(config, store, { log: pino({ level: "silent" }) });
  installSynthesis(ctx);
  await processArticles(ctx, "test", [
    {
      item: "1",
      raw: {
        externalId: null,
        url: null,
        title: text,
        text,
        outlet: "Meduza",
        publishedAt: "2022-03-30T12:00:00Z",
        author: null,
        language: null,
        gold: null,
      },
    },
  ]);
  const [event] = await store.events.listEvents({ limit: 1 });
  const out = (await store.events.getEvents([event.id]))[0].record?.responses ?? [];
  await store.close();
  return out;
}

describe("actor responses of an office and its holder", () => {
  it("give the response to the person named beside the office", async () => {
    const r = await responsesOf(
      'The President of South Ossetia, Anatoly Bibilov, declares that the partially recognised state will undertake "legal steps" in the near future for accession to become part of Russia.',
    );
    expect(r.map((x) => x.actorName)).toEqual(["Anatoly Bibilov"]);
    expect(r[0].text).toMatch(/^Declared that the partially recognised state/);
  });

  it("keep the office when no one is named beside it", async () => {
    const r = await responsesOf(
      "The President of France declares that the country will hold a referendum on the new constitution.",
    );
    expect(r.map((x) => x.actorName)).not.toContain("Emmanuel Macron");
    expect(r.length).toBe(1);
  });
});
