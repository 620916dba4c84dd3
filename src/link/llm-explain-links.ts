import { z } from "zod";
import type { EventDigest } from "../model/digest.ts";
import type { EventLink } from "../model/link.ts";
import { findUngrounded } from "../synthesize/grounding.ts";
import type { Prompt } from "../synthesize/llm/build-prompt.ts";
import { createLlmClient, type LlmClientOptions } from "../synthesize/llm/llm-client.ts";
import { eventRef, type NameOf } from "./explain-link.ts";

/** One link to explain, with both events' digests. */
export interface LinkToExplain {
  link: EventLink;
  older: EventDigest;
}

/**
 * Rewrites the template explanations of an event's new links. Whatever it cannot ground keeps the template,
 * with the reason in `evidence.explanationFallback`.
 */
export interface LinkExplainer {
  name: string;
  explain(newer: EventDigest, links: LinkToExplain[], nameOf: NameOf): Promise<void>;
}

/** Settings of the LLM explainer (config keys llm.*): one request per newer event counts against the budget. */
export type LlmExplainerOptions = LlmClientOptions;

const TASK = "link_explanations";
const MAX_CHARS = 450;
const MIN_CHARS = 20;
const SENTENCES_PER_EVENT = 4;

const replySchema = z.object({
  explanations: z.array(z.object({ link: z.string(), text: z.string() })),
});

const JSON_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["explanations"],
  properties: {
    explanations: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["link", "text"],
        properties: { link: { type: "string" }, text: { type: "string" } },
      },
    },
  },
};

const SYSTEM = `You explain how a news event relates to earlier events, for analysts who check every claim against the reports.
For each link (L1, L2, ...) write one or two sentences from the point of view of the NEWER event:
- Include the earlier event's reference exactly as given, e.g. "(#412, 'Turkey mediates US-Iran ceasefire extension', 3 Apr)".
- Say what relates the two events and how, following the relation type (update, parallel, response, escalation, de-escalation, contradicts, context), e.g. "The Pakistani mediation runs in parallel with Turkey's effort (#412, 'Turkey mediates US-Iran ceasefire extension', 3 Apr): different mediators, the same objective of extending the ceasefire."
- Name only people, places, organisations, dates and numbers that appear in the reports or the actor list given; add no outside knowledge.
- At most ${MAX_CHARS} characters each. Answer with the JSON object only: {"explanations": [{"link": "L1", "text": "..."}]}.`;

/** The LLM explainer: one request per newer event for all its new links, each answer checked before use. */
export function createLlmLinkExplainer(options: LlmExplainerOptions): LinkExplainer {
  const ask = createLlmClient(options);
  const name = `llm:${options.model}`;
  return {
    name,
    async explain(newer, links, nameOf) {
      if (!links.length) return;
      const reply = await ask(buildLinkPrompt(newer, links, nameOf), JSON_SCHEMA, TASK);
      const parsed = reply.ok ? replySchema.safeParse(reply.value) : null;
      const texts = new Map<string, string>();
      if (parsed?.success) for (const e of parsed.data.explanations) texts.set(e.link, e.text);
      links.forEach(({ link, older }, i) => {
        const reason = !reply.ok
          ? reply.reason
          : !parsed?.success
            ? "reply does not match the schema"
            : checkExplanation(texts.get(`L${i + 1}`), newer, older, link, nameOf);
        if (reason) link.evidence.explanationFallback = reason;
        else {
          link.explanation = oneLine(texts.get(`L${i + 1}`) ?? "");
          link.evidence.explainedBy = name;
          delete link.evidence.explanationFallback;
        }
      });
    },
  };
}

/** The prompt: the newer event, then each link with its type, reference, evidence and the earlier event's report. */
export function buildLinkPrompt(newer: EventDigest, links: LinkToExplain[], nameOf: NameOf): Prompt {
  const lines = [`Newer event #${newer.id} (${day(newer)}): ${oneLine(newer.title)}`];
  lines.push(...reportLines(newer));
  lines.push("", "Links to explain:");
  links.forEach(({ link, older }, i) => {
    const e = link.evidence;
    lines.push("", `L${i + 1} | type: ${link.type} | earlier event reference: ${eventRef(older, newer)}`);
    if (e.sharedActors.length) lines.push(`Shared actors: ${e.sharedActors.map(nameOf).join("; ")}`);
    if (e.sharedPlaces.length) lines.push(`Shared places: ${e.sharedPlaces.map(nameOf).join("; ")}`);
    if (e.cues.length) lines.push(`Cue phrases in the newer reports: ${e.cues.join("; ")}`);
    if (e.intensityChange !== null)
      lines.push(
        `Intensity change (Goldstein scale): ${e.intensityChange > 0 ? "+" : ""}${e.intensityChange}`,
      );
    lines.push(`Earlier event #${older.id} (${day(older)}): ${oneLine(older.title)}`);
    lines.push(...reportLines(older));
    lines.push(`Draft explanation: ${link.explanation}`);
  });
  return { system: SYSTEM, user: lines.join("\n") };
}

/**
 * Why a model's explanation cannot be used, or null: it must exist, stay short, carry the earlier event's
 * reference verbatim, and name nothing and no number absent from the two events' reports and actors.
 */
export function checkExplanation(
  text: string | undefined,
  newer: EventDigest,
  older: EventDigest,
  link: EventLink,
  nameOf: NameOf,
): string | null {
  if (!text?.trim()) return "no explanation for this link";
  const t = oneLine(text);
  if (t.length < MIN_CHARS) return "explanation too short";
  if (t.length > MAX_CHARS) return `explanation longer than ${MAX_CHARS} characters`;
  const ref = eventRef(older, newer);
  if (!t.includes(ref)) return `does not name the earlier event as ${ref}`;
  const evidence = [newer, older].flatMap((d) => [d.title, d.text, ...d.sentences]);
  const names = [
    ...[...newer.actors, ...older.actors, ...newer.countries, ...older.countries].map(nameOf),
    ...newer.places,
    ...older.places,
    ...link.evidence.sharedActors.map(nameOf),
  ];
  const bad = findUngrounded(t.replace(ref, " "), [...evidence, link.explanation], names);
  return bad;
}

function reportLines(d: EventDigest): string[] {
  return d.sentences.slice(0, SENTENCES_PER_EVENT).map((s) => `  - ${oneLine(s)}`);
}

function day(d: EventDigest): string {
  return new Date(d.time).toISOString().slice(0, 10);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
