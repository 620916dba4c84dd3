import type { ActorResponse, SentenceRef } from "../../model/actor.ts";
import type { GroundedText } from "../../model/event.ts";
import type { SourceSentence, SynthesisInput, SynthesisOutput } from "../engine.ts";
import { findUngrounded } from "../grounding.ts";
import type { LlmReply } from "./llm-protocol.ts";
import { type LlmRecord, llmRecordSchema } from "./llm-record.ts";

const MAX_TITLE_CHARS = 160;

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };
type Cited = { text: string; cites: string[] };

/** What the checks need: input sentences by ref and the names any sentence may use. */
interface Evidence {
  byRef: Map<string, SourceSentence>;
  names: string[];
}

/**
 * Validates a model reply field by field (schema, citations, grounded names and numbers, known actors)
 * and takes each failing field from the fallback engine, listing "field: reason" in fallbacks.
 */
export async function groundRecord(
  input: SynthesisInput,
  reply: LlmReply,
  fallback: () => Promise<SynthesisOutput>,
  names: { engine: string; fallback: string },
): Promise<SynthesisOutput> {
  const record = reply.ok ? parseRecord(reply.value) : reply;
  const fallbacks: string[] = [];
  const take = async <T>(
    field: string,
    checked: Checked<T>,
    pick: (out: SynthesisOutput) => T,
  ): Promise<T> => {
    if (checked.ok) return checked.value;
    fallbacks.push(`${field}: ${checked.reason}`);
    return pick(await fallback());
  };
  if (!record.ok) {
    const out = await fallback();
    const fields = ["title", "summary", "significance", "responses"];
    return {
      ...out,
      fallbacks: fields.map((f) => `${f}: ${record.reason}`),
      engine: `${names.engine}+${names.fallback}`,
    };
  }
  const evidence: Evidence = {
    byRef: new Map(input.sentences.map((s) => [s.ref, s])),
    names: [
      ...input.actors.map((a) => a.name),
      ...input.theatres.map((t) => t.name),
      ...(input.location ? [input.location] : []),
    ],
  };
  const title = await take("title", checkTitle(record.value.title, input, evidence), (o) => o.title);
  const summary = await take("summary", checkAll(record.value.summary, evidence), (o) => o.summary);
  const significance = await take(
    "significance",
    checkCited(record.value.significance, evidence),
    (o) => o.significance,
  );
  const responses = await mergeResponses(input, record.value.responses, evidence, fallbacks, fallback);
  const engine = fallbacks.length ? `${names.engine}+${names.fallback}` : names.engine;
  return { title, summary, significance, responses, fallbacks, engine };
}

function parseRecord(value: unknown): Checked<LlmRecord> {
  const parsed = llmRecordSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `schema mismatch at ${issue.path.join(".") || "root"}: ${issue.message}` };
}

function checkTitle(raw: string, input: SynthesisInput, evidence: Evidence): Checked<string> {
  const title = clean(raw).replace(/[.\s]+$/, "");
  if (!title) return { ok: false, reason: "empty" };
  if (title.length > MAX_TITLE_CHARS)
    return { ok: false, reason: `longer than ${MAX_TITLE_CHARS} characters` };
  const texts = [...input.sentences.map((s) => s.text), ...input.articles.map((a) => a.title)];
  const why = findUngrounded(title, texts, evidence.names);
  return why ? { ok: false, reason: why } : { ok: true, value: title };
}

function checkAll(items: Cited[], evidence: Evidence): Checked<GroundedText[]> {
  if (items.length < 1 || items.length > 2)
    return { ok: false, reason: `${items.length} sentences, want 1-2` };
  const out: GroundedText[] = [];
  for (const [i, item] of items.entries()) {
    const checked = checkCited(item, evidence);
    if (!checked.ok)
      return { ok: false, reason: items.length > 1 ? `sentence ${i + 1} ${checked.reason}` : checked.reason };
    out.push(checked.value);
  }
  return { ok: true, value: out };
}

/** One generated sentence: non-empty, citing known refs, naming only what its cited sentences name. */
function checkCited(item: Cited, evidence: Evidence, actorRefs?: Set<string>): Checked<GroundedText> {
  const text = sentence(item.text);
  if (!text) return { ok: false, reason: "empty" };
  const refs = [...new Set(item.cites.map((c) => c.replace(/[[\]()\s]/g, "").toUpperCase()))];
  const unknown = refs.find((r) => !evidence.byRef.has(r));
  if (unknown !== undefined) return { ok: false, reason: `cites unknown ref "${unknown}"` };
  if (refs.length === 0) return { ok: false, reason: "uncited" };
  const cited = refs.map((r) => evidence.byRef.get(r)!);
  if (actorRefs && !refs.some((r) => actorRefs.has(r))) {
    return { ok: false, reason: "cites no sentence naming the actor" };
  }
  const why = findUngrounded(
    text,
    cited.map((s) => s.text),
    evidence.names,
  );
  if (why) return { ok: false, reason: why };
  const support: SentenceRef[] = cited.map((s) => ({ articleId: s.articleId, sentence: s.sentence }));
  return { ok: true, value: { text, support } };
}

/** Model lines for known actors; failing or missing lines come from the fallback when it has one. */
async function mergeResponses(
  input: SynthesisInput,
  lines: LlmRecord["responses"],
  evidence: Evidence,
  fallbacks: string[],
  fallback: () => Promise<SynthesisOutput>,
): Promise<ActorResponse[]> {
  const actors = new Map(input.actors.map((a) => [a.id, a]));
  const out: ActorResponse[] = [];
  const done = new Set<string>();
  const failed: string[] = [];
  for (const line of lines) {
    const actor = actors.get(line.actorId);
    if (!actor) {
      fallbacks.push(`responses.${line.actorId}: unknown actor`);
      continue;
    }
    if (done.has(actor.id)) continue;
    done.add(actor.id);
    const checked = checkCited(line, evidence, actorRefs(input, actor.id));
    if (checked.ok) out.push({ actorId: actor.id, actorName: actor.name, ...checked.value });
    else {
      fallbacks.push(`responses.${actor.id}: ${checked.reason}`);
      failed.push(actor.id);
    }
  }
  const acting = input.actors.filter((a) => !done.has(a.id) && (input.actorSentences[a.id] ?? []).length > 0);
  if (failed.length === 0 && acting.length === 0) return out;
  const backup = (await fallback()).responses;
  for (const r of backup) {
    if (failed.includes(r.actorId)) out.push(r);
    else if (!done.has(r.actorId) && acting.some((a) => a.id === r.actorId)) {
      fallbacks.push(`responses.${r.actorId}: not written by the model`);
      out.push(r);
    }
  }
  return out;
}

/** Refs of the sentences that name an actor or where it acts; undefined when there are none to require. */
function actorRefs(input: SynthesisInput, actorId: string): Set<string> | undefined {
  const refs = new Set(input.sentences.filter((s) => s.actors.includes(actorId)).map((s) => s.ref));
  for (const r of input.actorSentences[actorId] ?? []) refs.add(r);
  return refs.size ? refs : undefined;
}

/** Collapses whitespace and drops inline ref markers such as "[S1]" or "(S2, S3)". */
function clean(text: string): string {
  return text
    .replace(/\s*[[(]\s*S\d+(?:\s*[,;]\s*S\d+)*\s*[\])]/gi, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A cleaned sentence ending in terminal punctuation. */
function sentence(text: string): string {
  const t = clean(text);
  return t && !/[.!?]["”’)]*$/u.test(t) ? `${t}.` : t;
}
