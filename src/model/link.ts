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

/**
 * A link's explanation as read on an event's page, under a heading that already names the other event: the full
 * reference "(#22, 'Israeli officials briefed …', 8 Nov)" is shortened there. On the page of the event it points to,
 * it reads "this event" ("Escalates against this event: demands after talks …"); on the page of the event it comes
 * from, the id ("Continues the storyline of #21: …"). Explanations that name it otherwise (an LLM's) are as written.
 */
export function explanationOn(link: Pick<EventLink, "toEvent" | "explanation">, eventId: number): string {
  const id = link.toEvent;
  const ref = new RegExp(`\\(#${id}, '.*?', \\d{1,2} [A-Z][a-z]{2}(?: \\d{4})?\\)`);
  if (id !== eventId) return link.explanation.replace(ref, `#${id}`);
  const here = link.explanation.replace(ref, "this event");
  return here.startsWith("Background: this event")
    ? here.replace("Background: this event", "Has this event as background")
    : here;
}
