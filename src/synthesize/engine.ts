import type { Actor, ActorResponse } from "../model/actor.ts";
import type { Direction, GroundedText, PloverType } from "../model/event.ts";

/** One source sentence the engines may use, with its stable reference. */
export interface SourceSentence {
  /** Reference id shown to engines and cited back: "S1", "S2", ... (unique within one input). */
  ref: string;
  articleId: string;
  /** Index in the article's sentence list. */
  sentence: number;
  text: string;
  outlet: string | null;
  publishedAt: string;
  /** Actor ids mentioned in this sentence. */
  actors: string[];
}

/** Everything an engine gets to write one event record. */
export interface SynthesisInput {
  eventId: number;
  articles: {
    id: string;
    title: string;
    outlet: string | null;
    publishedAt: string;
    url: string | null;
    syndicated: boolean;
  }[];
  /** Candidate sentences, most central first (lead sentences of independent articles). */
  sentences: SourceSentence[];
  actors: Actor[];
  /** Per actor id: sentences where the actor acts or speaks (source role), best first. */
  actorSentences: Record<string, string[]>;
  /** Optional: where each actor is named, per sentence ref (character offsets), for condensing. */
  mentions?: Record<
    string,
    { actorId: string; start: number; end: number; source: boolean; name?: string }[]
  >;
  /** Optional: actor ids that act (sources) and that are acted upon (targets), strongest first. */
  roles?: { sources: string[]; targets: string[] };
  type: PloverType | null;
  /** Optional: the CAMEO code behind the type ("0871": a truce), for wording what the event indicates. */
  cameo?: string | null;
  intensity: number | null;
  direction: Direction;
  theatres: { id: string; name: string }[];
  location: string | null;
}

/** The text fields an engine writes; classification fields come from classify/. */
export interface SynthesisOutput {
  title: string;
  summary: GroundedText[];
  significance: GroundedText;
  responses: ActorResponse[];
  /** Fields that fell back to the extractive engine, each with the reason. */
  fallbacks: string[];
  engine: string;
}

/** A record writer: the offline extractive engine or an LLM behind the same contract. */
export interface SynthesisEngine {
  readonly name: string;
  synthesize(input: SynthesisInput): Promise<SynthesisOutput>;
}
