// Test fixture: the demo corpus run through the real pipeline, plus hand-written records and links for a few
// Iran–US events so the record sections have content before synthesis and linking land. Events that already
// have a record (synthesis ran) are left alone, and no links are added when the linker already wrote some.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { testConfig } from "../../config/load.ts";
import type { ConfigKey } from "../../config/schema.ts";
import type { Actor, SentenceRef } from "../../model/actor.ts";
import type { Article } from "../../model/article.ts";
import type { EventRecord } from "../../model/event.ts";
import type { EventLink } from "../../model/link.ts";
import { createContext, type PipelineContext } from "../../pipeline/context.ts";
import { ingestFile } from "../../pipeline/ingest-file.ts";
import { installSynthesis } from "../../pipeline/synthesize-events.ts";
import { openStore } from "../../store/store.ts";

/** The demo corpus file. */
export const DEMO_FILE = resolve(import.meta.dirname, "../../../demo/articles.ndjson");
/** Fixed clock of the fixture (just after the demo corpus ends). */
export const DEMO_NOW = new Date("2026-11-21T00:00:00.000Z");

const actor = (id: string, name: string, kind: Actor["kind"], country: string | null, more: Partial<Actor> = {}): Actor => ({
  id,
  name,
  kind,
  country,
  code: country,
  sector: null,
  role: null,
  organization: null,
  stateMedia: false,
  ...more,
});
const A = {
  IRN: actor("IRN", "Iran", "country", "IRN"),
  USA: actor("USA", "United States", "country", "USA"),
  PAK: actor("PAK", "Pakistan", "country", "PAK"),
  TUR: actor("TUR", "Turkey", "country", "TUR"),
  QAT: actor("QAT", "Qatar", "country", "QAT"),
  BAGHAEI: actor("person:esmail-baghaei", "Esmail Baghaei", "official", "IRN", {
    role: "Foreign Ministry spokesman",
    sector: "GOV",
  }),
  IRNS: actor("media:irns", "Islamic Republic News Service", "media", "IRN", { stateMedia: true, sector: "MED" }),
};

interface Spec {
  articles: string[];
  title: string;
  significance: string;
  type: EventRecord["type"];
  intensity: number;
  direction: EventRecord["direction"];
  location: string;
  responses: { actor: Actor; text: string; cue: RegExp }[];
}

const SPECS: Record<string, Spec> = {
  turkey: {
    articles: ["demo-002", "demo-006", "demo-007"],
    title: "Turkey steps up mediation to extend the US–Iran ceasefire",
    significance: "Indicates a regional mediator taking a lead role in keeping the US–Iran truce alive.",
    type: "CONSULT",
    intensity: 1,
    direction: "de-escalating",
    location: "Ankara",
    responses: [{ actor: A.TUR, text: "Hosted an Iranian envoy and floated a truce extension.", cue: /Fidan|Ankara|Turk/ }],
  },
  deploy: {
    articles: ["demo-020", "demo-021", "demo-022", "demo-023", "demo-024"],
    title: "US deploys 10,000 troops and a carrier strike group to the Middle East",
    significance: "Raises military pressure on Iran as the truce deadline approaches.",
    type: "MOBILIZE",
    intensity: -6,
    direction: "escalating",
    location: "Middle East",
    responses: [{ actor: A.USA, text: "Ordered 10,000 more troops and a second carrier group to the region.", cue: /troops/ }],
  },
  pakistan: {
    articles: ["demo-036", "demo-037", "demo-038"],
    title: "Iran–US backchannel talks continue via Pakistani mediator",
    significance:
      "Indicates a sustained diplomatic effort to manage US–Iran tensions despite the US military buildup.",
    type: "CONSULT",
    intensity: 1.5,
    direction: "de-escalating",
    location: "Tehran",
    responses: [
      {
        actor: A.BAGHAEI,
        text: "Confirmed the exchange of messages with the US through a mediator and a Pakistani envoy's visit.",
        cue: /exchange of messages/,
      },
      { actor: A.PAK, text: "Sending a representative to Tehran to carry messages.", cue: /Pakistan/ },
      { actor: A.USA, text: "Taking part in mediated communications with Iran.", cue: /United States|US/ },
      { actor: A.IRNS, text: "Reported the development on Iranian state media.", cue: /IRNS|Baghaei/ },
    ],
  },
  denial: {
    articles: ["demo-082", "demo-083", "demo-084", "demo-085"],
    title: "Iran denies a formal agreement with the US; talks continue",
    significance: "Signals that the backchannel stays open while Tehran avoids public commitments.",
    type: "REJECT",
    intensity: -2,
    direction: "steady",
    location: "Tehran",
    responses: [{ actor: A.IRN, text: "Denied that a formal agreement had been reached.", cue: /agreement/ }],
  },
};

const LINKS: [from: string, to: string, type: EventLink["type"], explanation: string][] = [
  ["pakistan", "turkey", "parallel", "Pakistan's channel runs alongside Turkey's earlier mediation toward the same aim: extending the US–Iran ceasefire."],
  ["pakistan", "deploy", "de-escalation", "The talks continue in the context of the US troop and carrier deployment, an attempt to manage the tension it raised."],
  ["denial", "pakistan", "update", "Iran's denial of a formal deal comes with confirmation that the talks mediated via Pakistan are continuing."],
];

/**
 * A fresh SQLite store holding the demo corpus run through the pipeline, with its context. With `synthesis`,
 * records are written by the real synthesis step (as `sitrep ingest` does); without it, only the fixture's
 * hand-written records exist, which keeps API tests independent of synthesis changes.
 */
export async function openDemoContext(
  overrides: Partial<Record<ConfigKey, unknown>> = {},
  options: { synthesis?: boolean } = {},
): Promise<PipelineContext> {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-api-"));
  const config = testConfig({ "database.url": join(dir, "demo.db"), "log.level": "silent", ...overrides });
  const store = await openStore(config["database.url"]);
  const ctx = await createContext(config, store, { now: () => DEMO_NOW });
  if (options.synthesis) installSynthesis(ctx);
  await ingestFile(ctx, DEMO_FILE);
  await fillFixtureRecords(ctx);
  return ctx;
}

/** Writes the hand-written records, links, storyline and escalation days; returns the fixture's event ids. */
export async function fillFixtureRecords(ctx: PipelineContext): Promise<Record<string, number>> {
  const { store } = ctx;
  const byExternal = new Map<string, Article>();
  for (const a of await store.articles.listArticles({ limit: 500 })) if (a.externalId) byExternal.set(a.externalId, a);
  const ids: Record<string, number> = {};
  for (const [key, spec] of Object.entries(SPECS)) {
    const members = spec.articles.flatMap((id) => byExternal.get(id) ?? []);
    const eventId = members[0]?.eventId;
    if (!eventId) continue;
    ids[key] = eventId;
    const found = await store.events.getEvent(eventId);
    if (!found || found.event.record) continue;
    const lead = members[0];
    const record: EventRecord = {
      title: spec.title,
      summary: lead.sentences.slice(0, 2).map((text, i) => ({ text, support: [{ articleId: lead.id, sentence: i }] })),
      significance: { text: spec.significance, support: [{ articleId: lead.id, sentence: 0 }] },
      content: members.map((a) => a.text).join("\n\n"),
      responses: spec.responses.map((r) => ({
        actorId: r.actor.id,
        actorName: r.actor.name,
        text: r.text,
        support: findSupport(members, r.cue),
      })),
      type: spec.type,
      intensity: spec.intensity,
      direction: spec.direction,
      location: spec.location,
      theatres: ["iran-israel"],
      engine: "fixture",
      fallbacks: [],
    };
    await store.events.saveRecord(eventId, record, [A.IRN, A.USA, ...spec.responses.map((r) => r.actor)]);
  }
  if ((await store.links.countLinks()) === 0) {
    for (const [from, to, type, explanation] of LINKS) {
      if (!ids[from] || !ids[to] || ids[from] === ids[to]) continue;
      const evidence = { sharedActors: ["IRN", "USA"], sharedPlaces: [], cues: [], intensityChange: null, textSimilarity: 0.3 };
      const existing = (await store.links.linksOf(ids[from])).filter((l) => l.fromEvent === ids[from]);
      await store.links.replaceLinksFrom(
        ids[from],
        [...existing, { fromEvent: ids[from], toEvent: ids[to], type, confidence: 0.8, explanation, evidence }],
        DEMO_NOW.toISOString(),
      );
    }
    const chain = ["turkey", "deploy", "pakistan", "denial"].flatMap((k) => ids[k] ?? []);
    await store.links.saveStorylines([
      { id: "us-iran-backchannel", name: "US–Iran backchannel", theatreId: "iran-israel", eventIds: chain, updatedAt: DEMO_NOW.toISOString() },
    ]);
    const days = await store.events.listEvents({ theatre: "iran-israel", limit: 100 });
    await store.links.saveTheatreDays(
      days.map((e) => ({
        theatreId: "iran-israel",
        day: e.firstSeen.slice(0, 10),
        escalation: -(e.record?.intensity ?? 0),
        events: 1,
      })),
    );
  }
  return ids;
}

function findSupport(members: Article[], cue: RegExp): SentenceRef[] {
  for (const a of members) {
    const i = a.sentences.findIndex((s) => cue.test(s));
    if (i >= 0) return [{ articleId: a.id, sentence: i }];
  }
  return [];
}
