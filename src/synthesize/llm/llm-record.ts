import { z } from "zod";

// Bounds go in .meta(): they reach the JSON schema the model is constrained by, but zod does not enforce
// them, so an empty cite list or a third summary sentence fails only its own field in ground-record.ts.
const cites = z
  .array(z.string())
  .meta({ minItems: 1, description: 'Refs of the source sentences that support it, e.g. ["S1","S3"].' });

const cited = z.object({ text: z.string().describe("One sentence."), cites });

/** The JSON an LLM must return for one event record. */
export const llmRecordSchema = z.object({
  title: z.string().describe("Headline in sentence case, at most 12 words."),
  summary: z.array(cited).meta({ minItems: 1, maxItems: 2, description: "What happened: 1-2 sentences." }),
  significance: cited.describe("One sentence: what the event indicates and for whom."),
  responses: z
    .array(
      z.object({
        actorId: z.string().describe("Id of one of the listed actors."),
        text: z.string().describe("What the actor did or said, starting with a verb."),
        cites,
      }),
    )
    .describe("One line per listed actor that acted or spoke."),
});

/** A record as the LLM wrote it, before grounding. */
export type LlmRecord = z.infer<typeof llmRecordSchema>;

/** JSON schema of the record for structured-output APIs (no "$schema" key: some servers reject it). */
export function llmRecordJsonSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(llmRecordSchema) as Record<string, unknown>;
  return schema;
}
