import { describe, expect, it } from "vitest";
import type { Actor } from "../model/actor.ts";
import type { SourceSentence, SynthesisEngine, SynthesisInput, SynthesisOutput } from "./engine.ts";

function actor(
  id: string,
  name: string,
  kind: Actor["kind"],
  country: string | null,
  role: string | null = null,
): Actor {
  const organization = role ? "Foreign Ministry" : null;
  return { id, name, kind, country, code: country, sector: null, role, organization, stateMedia: false };
}

function sentences(
  rows: [articleId: string, sentence: number, outlet: string, actors: string[], text: string][],
) {
  return rows.map(
    ([articleId, sentence, outlet, actors, text], i): SourceSentence => ({
      ref: `S${i + 1}`,
      articleId,
      sentence,
      text,
      outlet,
      publishedAt: articleId === "demo-036" ? "2026-11-04T10:20:00Z" : "2026-11-04T12:05:00Z",
      actors,
    }),
  );
}

const BAGHAEI = "person:esmail-baghaei";

/** Inputs every engine is run on: a multi-source diplomatic event, a one-sentence event without actors, a strike. */
export const CONTRACT_INPUTS: { name: string; input: SynthesisInput }[] = [
  {
    name: "two sources, four actors",
    input: {
      eventId: 36,
      articles: [
        {
          id: "demo-036",
          title:
            "Baghaei: exchange of messages with US continues through mediator; Pakistani representative to visit Tehran",
          outlet: "Islamic Republic News Service",
          publishedAt: "2026-11-04T10:20:00Z",
          url: null,
          syndicated: false,
        },
        {
          id: "demo-037",
          title: "Iran confirms backchannel with US via Pakistan, envoy due in Tehran",
          outlet: "Meridian Press Agency",
          publishedAt: "2026-11-04T12:05:00Z",
          url: null,
          syndicated: false,
        },
      ],
      sentences: sentences([
        [
          "demo-037",
          0,
          "Meridian Press Agency",
          ["IRN", "USA", "PAK"],
          "DUBAI (MPA) — Iran confirmed on Wednesday that it is exchanging messages with the United States through a mediator and said a Pakistani representative would arrive in Tehran shortly, the clearest sign yet that a backchannel between the two countries remains active despite a US military buildup in the region.",
        ],
        [
          "demo-036",
          0,
          "Islamic Republic News Service",
          [BAGHAEI, "IRN", "USA", "PAK"],
          "TEHRAN (IRNS) — Foreign Ministry spokesman Esmail Baghaei confirmed on Wednesday that communications between the Islamic Republic of Iran and the United States are continuing through a mediator, and said that a representative of Pakistan will arrive in Tehran in the coming days.",
        ],
        [
          "demo-037",
          1,
          "Meridian Press Agency",
          [BAGHAEI, "IRN"],
          '"The exchange of messages through the mediator has continued," Iranian Foreign Ministry spokesman Esmail Baghaei told his weekly news conference, according to Iranian state media.',
        ],
        [
          "demo-037",
          3,
          "Meridian Press Agency",
          ["PAK", "IRN", "USA"],
          "Pakistan, which shares a 900-km border with Iran and has close ties with the United States, has carried messages between the two sides since the ceasefire took effect on 12 October, according to diplomats in Islamabad.",
        ],
        [
          "demo-037",
          4,
          "Meridian Press Agency",
          ["USA"],
          "The confirmation follows the Pentagon's announcement on Sunday that it would send 10,000 additional troops and a second carrier strike group to the Middle East.",
        ],
        [
          "demo-036",
          2,
          "Islamic Republic News Service",
          [BAGHAEI],
          'Asked whether the contacts amounted to negotiations, the spokesman said that "there are no direct negotiations" and that the messages concerned "the ceasefire and the obligations of the other side."',
        ],
      ]),
      actors: [
        actor("IRN", "Iran", "country", "IRN"),
        actor("USA", "United States", "country", "USA"),
        actor("PAK", "Pakistan", "country", "PAK"),
        actor(BAGHAEI, "Esmail Baghaei", "official", "IRN", "Foreign Ministry spokesman"),
      ],
      actorSentences: { [BAGHAEI]: ["S2", "S3", "S6"], IRN: ["S1"], PAK: ["S4"], USA: [] },
      type: "CONSULT",
      intensity: 1,
      direction: "de-escalating",
      theatres: [{ id: "iran-us", name: "Iran–US confrontation" }],
      location: "Tehran",
    },
  },
  {
    name: "one sentence, no actors",
    input: {
      eventId: 7,
      articles: [
        {
          id: "demo-001",
          title: "Russian drones and missiles hit power facilities in Kharkiv, Poltava",
          outlet: "Continental Wire Service",
          publishedAt: "2026-10-27T07:25:00Z",
          url: null,
          syndicated: false,
        },
      ],
      sentences: sentences([
        [
          "demo-001",
          4,
          "Continental Wire Service",
          [],
          "Ukrenergo, the national grid operator, said emergency outages had been introduced in the Kharkiv, Sumy and Poltava regions.",
        ],
      ]),
      actors: [],
      actorSentences: {},
      type: null,
      intensity: null,
      direction: "unknown",
      theatres: [],
      location: null,
    },
  },
  {
    name: "strike with numbers, a syndicated copy",
    input: {
      eventId: 1,
      articles: [
        {
          id: "demo-001",
          title: "Russian drones and missiles hit power facilities in Kharkiv, Poltava",
          outlet: "Continental Wire Service",
          publishedAt: "2026-10-27T07:25:00Z",
          url: null,
          syndicated: false,
        },
        {
          id: "demo-001b",
          title: "Russian drones and missiles hit power facilities in Kharkiv, Poltava",
          outlet: "Reprint Daily",
          publishedAt: "2026-10-27T08:00:00Z",
          url: null,
          syndicated: true,
        },
      ],
      sentences: sentences([
        [
          "demo-001",
          0,
          "Continental Wire Service",
          ["RUS", "UKR"],
          "KYIV (CWS) — Russia launched 61 drones and eight missiles at Ukraine overnight, striking energy facilities in the Kharkiv and Poltava regions and leaving about 200,000 households without power, Ukrainian officials said on Tuesday.",
        ],
        [
          "demo-001",
          1,
          "Continental Wire Service",
          ["UKR"],
          "Ukraine's Air Force said air defences shot down or electronically suppressed 52 drones and five cruise missiles.",
        ],
        [
          "demo-001",
          2,
          "Continental Wire Service",
          [],
          "Three ballistic missiles and nine drones hit targets in the two regions, it said.",
        ],
      ]),
      actors: [actor("RUS", "Russia", "country", "RUS"), actor("UKR", "Ukraine", "country", "UKR")],
      actorSentences: { RUS: ["S1"], UKR: ["S2"] },
      type: "ASSAULT",
      intensity: -9,
      direction: "escalating",
      theatres: [{ id: "russia-ukraine", name: "Russo-Ukrainian war" }],
      location: "Kharkiv",
    },
  },
];

/** Every way an output breaks the engine contract for its input; empty when it holds. */
export function contractViolations(input: SynthesisInput, out: SynthesisOutput): string[] {
  const problems: string[] = [];
  const known = new Set(input.sentences.map((s) => `${s.articleId}#${s.sentence}`));
  const grounded = (field: string, text: string, support: { articleId: string; sentence: number }[]) => {
    if (!text.trim()) problems.push(`${field}: empty text`);
    if (support.length === 0) problems.push(`${field}: no support`);
    for (const ref of support) {
      if (!known.has(`${ref.articleId}#${ref.sentence}`))
        problems.push(`${field}: support ${ref.articleId}#${ref.sentence} is not an input sentence`);
    }
  };
  if (!out.title.trim() || out.title.includes("\n")) problems.push("title: empty or multi-line");
  if (out.summary.length < 1 || out.summary.length > 2)
    problems.push(`summary: ${out.summary.length} sentences, want 1-2`);
  for (const [i, s] of out.summary.entries()) grounded(`summary[${i}]`, s.text, s.support);
  grounded("significance", out.significance.text, out.significance.support);
  const actors = new Map(input.actors.map((a) => [a.id, a]));
  const seen = new Set<string>();
  for (const r of out.responses) {
    const a = actors.get(r.actorId);
    if (!a) problems.push(`responses: ${r.actorId} is not an input actor`);
    else if (a.name !== r.actorName)
      problems.push(`responses.${r.actorId}: name "${r.actorName}", want "${a.name}"`);
    if (seen.has(r.actorId)) problems.push(`responses.${r.actorId}: more than one line`);
    seen.add(r.actorId);
    grounded(`responses.${r.actorId}`, r.text, r.support);
  }
  if (!out.engine) problems.push("engine: empty");
  if (!Array.isArray(out.fallbacks) || out.fallbacks.some((f) => typeof f !== "string"))
    problems.push("fallbacks: not a string list");
  return problems;
}

/** Registers the shared contract tests for one engine; makeEngine runs inside each test (after beforeAll). */
export function engineContract(
  name: string,
  makeEngine: () => SynthesisEngine | Promise<SynthesisEngine>,
): void {
  describe(`${name}: synthesis engine contract`, () => {
    for (const c of CONTRACT_INPUTS) {
      it(`${c.name}: every sentence is supported by input sentences, responses only for input actors`, async () => {
        const engine = await makeEngine();
        const before = structuredClone(c.input);
        const out = await engine.synthesize(c.input);
        expect(contractViolations(c.input, out)).toEqual([]);
        expect(c.input).toEqual(before);
      });
    }
    it("has a name", async () => {
      expect((await makeEngine()).name).toMatch(/\S/);
    });
  });
}
