import type WinkNLP from "wink-nlp";
import { lazyRequire } from "./lazy-require.ts";

type Nlp = ReturnType<typeof WinkNLP>;
const winkNLP = lazyRequire<typeof WinkNLP>("wink-nlp");
const model = lazyRequire<Parameters<typeof WinkNLP>[0]>("wink-eng-lite-web-model");
let sbd: Nlp | undefined;
const nlp = (): Nlp => {
  sbd ??= winkNLP()(model(), ["sbd"]);
  return sbd;
};

// A sentence can end inside a paragraph only where a stop (maybe closed by a quote or bracket) meets a space.
// Paragraphs without one are one sentence and skip wink: 64% of the paragraphs of the dev sets (CEP, ECB+, UCI,
// Wikinews, demo), and wink's only splits of them were wrong ("Musical." | "ly.", "RM322." | "5 billion",
// "Jeopardy!" | ", concluding").
const MAY_END = /[.!?…]["'”’)\]]*\s+\S/;

/** Splits text into sentences (wink-nlp), paragraph breaks always ending a sentence. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n|\r?\n/)) {
    const p = para.trim();
    if (!p) continue;
    if (!MAY_END.test(p)) {
      out.push(p);
      continue;
    }
    for (const s of nlp().readDoc(p).sentences().out()) {
      const t = s.trim();
      if (t) out.push(t);
    }
  }
  return out;
}

/** Lowercased word tokens (letters and digits), for similarity and search. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}
