import type { ActorResponse, SentenceRef } from "../../model/actor.ts";
import type { GroundedText } from "../../model/event.ts";
import { stripDateline } from "../../normalize/dateline.ts";
import { tokenize } from "../../normalize/sentences.ts";
import { OPINION } from "../analyze-members.ts";
import type { SourceSentence, SynthesisEngine, SynthesisInput, SynthesisOutput } from "../engine.ts";
import { capitalize, cleanHeadline, terminate } from "./condense.ts";
import { responseLine } from "./response-line.ts";
import { shortenTitle } from "./shorten-title.ts";
import { composeSignificance } from "./significance.ts";

const MAX_RESPONSES = 8;
// A headline whose first verb is a reaction names someone's response to the event, not the event: "Ankara welcomes
// US-Iran truce extension, says 21 days 'not enough'" beside "US-Iran ceasefire extended by 21 days, mediators say".
const REACTION =
  /^[^,:;]{0,50}?\b(?:welcom|hail|prais|applaud|condemn|denounc|slam|criticis|criticiz|react|decr(?:y|ie))(?:e|es|ed|s|ing)?\b/i;

/** The default engine: offline and deterministic; every sentence is taken or condensed from source sentences. */
export function createExtractiveEngine(): SynthesisEngine {
  return {
    name: "extractive",
    synthesize: async (input) => synthesizeExtractive(input),
  };
}

/** Synchronous core of the extractive engine. */
export function synthesizeExtractive(input: SynthesisInput): SynthesisOutput {
  const byRef = new Map(input.sentences.map((s) => [s.ref, s]));
  const summary = pickSummary(input.sentences);
  const lead = summary[0]?.support ?? [];
  return {
    title: pickTitle(input),
    summary,
    significance: {
      text: composeSignificance({
        type: input.type,
        cameo: input.cameo ?? null,
        actors: input.actors,
        roles: input.roles,
        direction: input.direction,
        intensity: input.intensity,
        theatres: input.theatres,
      }),
      support: lead.length ? lead : refsOf(input.sentences.slice(0, 1)),
    },
    responses: pickResponses(input, byRef),
    fallbacks: [],
    engine: "extractive",
  };
}

/** The most representative member headline, cleaned; a sentence-long headline is shortened at a clause. */
function pickTitle(input: SynthesisInput): string {
  const independent = input.articles.filter((a) => !a.syndicated);
  const pool = (independent.length ? independent : input.articles).map((a) => cleanHeadline(a.title));
  if (!pool.length) return "Untitled event";
  // Every outlet's headline votes, syndicated copies too: an outlet that reran a wire report chose its own words
  // for it ("Israel and Lebanon begin 10-day ceasefire" over the wire's "… agree 10-day ceasefire").
  const vocab = new Map<string, number>();
  for (const a of input.articles)
    for (const w of new Set(tokenize(cleanHeadline(a.title)))) vocab.set(w, (vocab.get(w) ?? 0) + 1);
  let best = pool[0];
  let bestScore = -1;
  for (const t of pool) {
    const words = [...new Set(tokenize(t))];
    // Shared words with the other headlines, normalized by length, with a mild preference for 6–14 words.
    const shared = words.reduce((s, w) => s + ((vocab.get(w) ?? 1) - 1), 0) / Math.max(4, words.length);
    const shape = words.length >= 6 && words.length <= 16 ? 0.2 : 0;
    // "Analysis: Burhan's 'no' leaves Sudan's truce stillborn" comments on the event; a report's headline names it.
    const aside = pool.length > 1 ? (OPINION.test(t) ? 1 : REACTION.test(t) ? 0.5 : 0) : 0;
    const score = shared + shape - aside;
    if (score > bestScore) [best, bestScore] = [t, score];
  }
  return shortenTitle(best);
}

/** One or two summary sentences: the most central lead, then the best sentence that adds new facts. */
function pickSummary(sentences: SourceSentence[]): GroundedText[] {
  const usable = sentences.filter((s) => s.text.length >= 40 && !/^[“"]/.test(s.text));
  const first = usable[0] ?? sentences[0];
  if (!first) return [];
  const out: GroundedText[] = [
    { text: terminate(capitalize(stripDateline(first.text))), support: refsOf([first]) },
  ];
  const seen = new Set(tokenize(first.text));
  for (const s of usable.slice(1, 8)) {
    const words = tokenize(s.text);
    const novel = words.filter((w) => w.length > 3 && !seen.has(w)).length / Math.max(1, words.length);
    if (novel >= 0.35 && s.text.length <= 320) {
      out.push({ text: terminate(capitalize(stripDateline(s.text))), support: refsOf([s]) });
      break;
    }
  }
  return out;
}

/** One line per actor: what the sources say it did or said, condensed; state media get a reporting line. */
function pickResponses(input: SynthesisInput, byRef: Map<string, SourceSentence>): ActorResponse[] {
  const out: ActorResponse[] = [];
  const byId = new Map(input.actors.map((a) => [a.id, a]));
  const done = new Set<string>();
  for (const actor of input.actors) {
    if (out.length >= MAX_RESPONSES) break;
    if (done.has(actor.id)) continue;
    if (actor.kind === "media") {
      const s = input.sentences.find((x) => x.outlet && sameOutlet(x.outlet, actor.name));
      if (s && actor.stateMedia)
        out.push({
          actorId: actor.id,
          actorName: actor.name,
          text: "Reported the development via state media.",
          support: refsOf([s]),
        });
      continue;
    }
    for (const ref of input.actorSentences[actor.id] ?? []) {
      const s = byRef.get(ref);
      if (!s) continue;
      const mentions = input.mentions?.[ref] ?? [];
      const m = mentions.find((x) => x.actorId === actor.id && x.source);
      const line = m ? responseLine(s.text, m.start, m.end) : null;
      if (!m || !line) continue;
      // "The President of South Ossetia, Anatoly Bibilov, declares …": the office speaks through the person
      // named beside it, and the response is theirs.
      const named = mentions.find((x) => x.start > m.end && x.start <= m.end + 2 && s.text[m.end] === ",");
      const person = named ? byId.get(named.actorId) : undefined;
      const who = person?.kind === "person" && actor.role && person.role ? person : actor;
      if (done.has(who.id)) break;
      done.add(who.id);
      // A country's sector is met under many words ("Israeli government", "Israeli senior coalition ministers"):
      // the response names it as the sentence it quotes does.
      const name = who === actor && m.name && /^[A-Z]{3}-/.test(actor.id) ? m.name : who.name;
      out.push({ actorId: who.id, actorName: name, text: line, support: refsOf([s]) });
      break;
    }
  }
  return out;
}

function sameOutlet(outlet: string, name: string): boolean {
  return (
    outlet.toLowerCase().includes(name.toLowerCase()) || name.toLowerCase().includes(outlet.toLowerCase())
  );
}

function refsOf(sentences: SourceSentence[]): SentenceRef[] {
  return sentences.map((s) => ({ articleId: s.articleId, sentence: s.sentence }));
}
