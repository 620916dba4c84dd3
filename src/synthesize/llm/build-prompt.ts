import type { SynthesisInput } from "../engine.ts";

/** The two messages sent to the model: fixed instructions and the event's sources. */
export interface Prompt {
  system: string;
  user: string;
}

/** Sentences shown to the model (the input lists the most central first), plus any where an actor acts. */
const MAX_SENTENCES = 60;

const SYSTEM = `You write one record of a situation report about a single news event, for analysts who check every sentence against the sources.
Use only the numbered source sentences you are given; add no outside knowledge.
Rules:
- Every sentence cites, in "cites", the refs (S1, S2, ...) of the source sentences that support it. Do not put refs in the text.
- Name only people, places, organisations, dates and numbers that appear in the sentences you cite, or in the actor list.
- title: a factual headline in sentence case, at most 12 words, e.g. "Iran-US backchannel talks continue via Pakistani mediator".
- summary: 1-2 sentences on what happened, who did it, where and when, e.g. "Iranian Foreign Ministry spokesman Esmail Baghaei confirmed ongoing communications between Iran and the United States through a mediator, with a Pakistani representative due to arrive in Tehran."
- significance: one sentence on what the event indicates and for whom, using the event type, direction and theatre given, e.g. "This indicates a sustained diplomatic effort to manage tensions between the two states."
- responses: for each actor with refs under "acts in", one line on what that actor did or said, starting with a verb and without the actor's name, e.g. "Confirmed continuation of discussions with the US through a mediator and noted the upcoming arrival of a Pakistani representative." Use the actor's id; cite sentences where the actor acts or speaks.
Answer with the JSON object only.`;

/** Builds the prompt for one event: numbered sentences (ref, outlet, date, actors, text), actors and classification. */
export function buildPrompt(input: SynthesisInput): Prompt {
  const lines: string[] = [];
  lines.push(`Event type (PLOVER): ${input.type ?? "unknown"}`);
  if (input.intensity !== null) lines.push(`Intensity (Goldstein scale, -10..+10): ${input.intensity}`);
  lines.push(`Direction relative to the theatre's recent events: ${input.direction}`);
  if (input.theatres.length) lines.push(`Theatres: ${input.theatres.map((t) => t.name).join("; ")}`);
  if (input.location) lines.push(`Location: ${input.location}`);
  lines.push("", "Actors (id | name | kind | acts in):");
  for (const a of input.actors) {
    const kind = [a.kind, a.role, a.organization].filter(Boolean).join(", ");
    const acts = input.actorSentences[a.id] ?? [];
    lines.push(`${a.id} | ${a.name} | ${kind} | ${acts.length ? acts.join(", ") : "-"}`);
  }
  if (input.actors.length === 0) lines.push("(none)");
  lines.push("", "Headlines:");
  for (const a of input.articles.filter((x) => !x.syndicated)) lines.push(`- ${oneLine(a.title)}`);
  lines.push("", "Source sentences (ref | outlet | date | actors | text):");
  const acting = new Set(Object.values(input.actorSentences).flat());
  const shown = input.sentences.filter((s, i) => i < MAX_SENTENCES || acting.has(s.ref));
  for (const s of shown) {
    const actors = s.actors.length ? s.actors.join(", ") : "-";
    lines.push(
      `${s.ref} | ${oneLine(s.outlet ?? "unknown")} | ${s.publishedAt.slice(0, 10)} | ${actors} | ${oneLine(s.text)}`,
    );
  }
  return { system: SYSTEM, user: lines.join("\n") };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
