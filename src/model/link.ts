/** Relation types between events (product.md §2). */
export const RELATION_TYPES = [
  "update",
  "parallel",
  "response",
  "escalation",
  "de-escalation",
  "contradicts",
  "context",
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** A typed, explained link from a newer event to an earlier one. */
export interface EventLink {
  fromEvent: number;
  toEvent: number;
  type: RelationType;
  confidence: number;
  explanation: string;
  evidence: {
    sharedActors: string[];
    sharedPlaces: string[];
    cues: string[];
    intensityChange: number | null;
    textSimilarity: number;
    /** Who wrote the explanation: "template" (default when absent) or "llm:<model>". */
    explainedBy?: string;
    /** Why the LLM's explanation was not used (the template's is shown instead). */
    explanationFallback?: string;
  };
}
