import { composeMentions } from "./compose-mentions.ts";
import { matchEntries } from "./match-entries.ts";
import type { SpanMention } from "./mention.ts";
import { resolveContext } from "./resolve-context.ts";
import { type Token, tokenize } from "./tokenize.ts";
import { findUnknownOrgs } from "./unknown-orgs.ts";

// Places whose name is shared: the default first, then the alternative chosen when its country is also mentioned.
const SHARED_PLACES: Record<string, string[]> = { Tripoli: ["LBY", "LBN"] };

function disambiguatePlaces(mentions: SpanMention[]): void {
  for (const m of mentions) {
    const alts = m.placeName ? SHARED_PLACES[m.placeName] : undefined;
    if (!alts) continue;
    const other = alts.find((c) => c !== m.code && mentions.some((o) => o !== m && o.code === c));
    if (other) {
      m.code = other;
      m.actor = { ...m.actor, id: other, country: other, code: other };
    }
  }
}

/** A sentence's tokens and the actor and place mentions found in it. */
export interface SentenceAnalysis {
  text: string;
  tokens: Token[];
  mentions: SpanMention[];
}

/** Tokenizes a sentence and finds its actor and place mentions; `fallback` is the article's main country. */
export function analyzeSentence(text: string, fallback: string | null = null): SentenceAnalysis {
  const tokens = tokenize(text);
  const mentions = findUnknownOrgs(text, tokens, composeMentions(text, tokens, matchEntries(tokens)));
  disambiguatePlaces(mentions);
  resolveContext(tokens, mentions, fallback);
  return { text, tokens, mentions };
}
