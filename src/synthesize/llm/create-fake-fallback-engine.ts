import type { SynthesisEngine } from "../engine.ts";

/** A stand-in for the extractive engine in tests: copies the first sentences, counts its calls. */
export function createFakeFallbackEngine(): SynthesisEngine & { calls: number } {
  const engine = {
    name: "extractive",
    calls: 0,
    async synthesize(input: Parameters<SynthesisEngine["synthesize"]>[0]) {
      engine.calls++;
      const ref = (i: number) => {
        const s = input.sentences[Math.min(i, input.sentences.length - 1)];
        return { articleId: s.articleId, sentence: s.sentence };
      };
      return {
        title: `Fallback title ${input.eventId}`,
        summary: [{ text: `Fallback summary: ${input.sentences[0].text}`, support: [ref(0)] }],
        significance: { text: "Fallback significance.", support: [ref(0)] },
        responses: input.actors
          .filter((a) => (input.actorSentences[a.id] ?? []).length > 0)
          .map((a) => {
            const s =
              input.sentences.find((x) => x.ref === input.actorSentences[a.id][0]) ?? input.sentences[0];
            return {
              actorId: a.id,
              actorName: a.name,
              text: `Fallback line for ${a.name}.`,
              support: [{ articleId: s.articleId, sentence: s.sentence }],
            };
          }),
        fallbacks: [],
        engine: "extractive",
      };
    },
  };
  return engine;
}
