import { readFile } from "node:fs/promises";
import { z } from "zod";
import { codeSentence } from "../classify/code-sentence.ts";
import { SitrepError } from "../model/errors.ts";

/** Result of the PLOVER actors evaluation. */
export interface ActorsEval {
  task: "actors";
  sentences: number;
  actor_precision: number;
  actor_recall: number;
  actor_f1: number;
  event_accuracy: number;
}

const actorList = z.union([
  z.array(z.object({ code: z.string().nullable().optional() }).loose()),
  z.string(),
  z.null(),
]);
const goldLine = z
  .object({
    text: z.string(),
    event: z.string().nullable(),
    source: actorList.optional(),
    target: actorList.optional(),
  })
  .loose();

/** One gold sentence: text, PLOVER type, and its (role, code) pairs. */
export type GoldSentence = { text: string; event: string | null; pairs: Set<string> };

// CAMEO's legacy country codes that differ from ISO-3 (data/README: "JAP → JPN").
const LEGACY: Record<string, string> = { JAP: "JPN" };

function normalizeCode(code: string): string {
  const c = code.trim().toUpperCase();
  return LEGACY[c] ?? c;
}

function pairsOf(
  role: "source" | "target",
  list: z.infer<typeof actorList> | undefined,
  out: Set<string>,
): void {
  if (!Array.isArray(list)) return;
  for (const a of list) if (a.code) out.add(`${role}:${normalizeCode(a.code)}`);
}

/** Parses PLOVER gold NDJSON (lines with text, event, source, target). */
export function parseGold(ndjson: string): GoldSentence[] {
  const out: GoldSentence[] = [];
  ndjson.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      throw new SitrepError("parse-failed", `line ${i + 1}: invalid JSON`, { cause: err });
    }
    const parsed = goldLine.safeParse(json);
    if (!parsed.success) throw new SitrepError("invalid-input", `line ${i + 1}: ${parsed.error.message}`);
    const pairs = new Set<string>();
    pairsOf("source", parsed.data.source, pairs);
    pairsOf("target", parsed.data.target, pairs);
    out.push({ text: parsed.data.text, event: parsed.data.event, pairs });
  });
  return out;
}

/** Predicted (role, code) pairs and PLOVER type of one sentence. */
export function predictSentence(text: string): { pairs: Set<string>; event: string | null } {
  const coded = codeSentence(text);
  const pairs = new Set<string>();
  for (const c of coded.source) pairs.add(`source:${normalizeCode(c)}`);
  for (const c of coded.target) pairs.add(`target:${normalizeCode(c)}`);
  return { pairs, event: coded.event };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Scores gold sentences: micro P/R/F1 over (role, code) pairs per sentence, and event-type accuracy. */
export function scoreActors(gold: GoldSentence[]): ActorsEval {
  let tp = 0;
  let predicted = 0;
  let expected = 0;
  let correct = 0;
  for (const g of gold) {
    const p = predictSentence(g.text);
    for (const pair of p.pairs) if (g.pairs.has(pair)) tp++;
    predicted += p.pairs.size;
    expected += g.pairs.size;
    if (p.event !== null && p.event === g.event) correct++;
  }
  const precision = predicted ? tp / predicted : 0;
  const recall = expected ? tp / expected : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    task: "actors",
    sentences: gold.length,
    actor_precision: round(precision),
    actor_recall: round(recall),
    actor_f1: round(f1),
    event_accuracy: round(gold.length ? correct / gold.length : 0),
  };
}

/** Evaluates actor coding and event typing on a PLOVER-format NDJSON file. */
export async function evalActors(path: string): Promise<ActorsEval> {
  return scoreActors(parseGold(await readFile(path, "utf8")));
}
