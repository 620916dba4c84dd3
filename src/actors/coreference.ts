import type { Actor } from "../model/actor.ts";
import type { SentenceAnalysis } from "./analyze-sentence.ts";
import { NAME_PARTICLES } from "./gazetteer/vocabulary.ts";

const ALPHA_RE = /^\p{L}/u;

/** Remembers the surname of every named person in the sentence ("Esmail Baghaei" → "baghaei"). */
export function learnSurnames(a: SentenceAnalysis, surnames: Map<string, Actor | null>): void {
  for (const m of a.mentions) {
    if (m.actor.kind !== "person") continue;
    const words = m.actor.name.split(/\s+/).filter((w) => !NAME_PARTICLES.has(w.toLowerCase()));
    if (words.length < 2) continue;
    const key = words[words.length - 1].toLowerCase();
    const known = surnames.get(key);
    // Two people with one surname in an article: a bare surname is then ambiguous.
    if (known === undefined) surnames.set(key, m.actor);
    else if (known && known.id !== m.actor.id) surnames.set(key, null);
  }
}

/** Adds a mention for each bare surname of a person met earlier in the article ("Baghaei said …"). */
export function addSurnameMentions(a: SentenceAnalysis, surnames: Map<string, Actor | null>): void {
  if (surnames.size === 0) return;
  const covered = new Uint8Array(a.tokens.length);
  for (const m of a.mentions) for (let k = m.start; k < m.end; k++) covered[k] = 1;
  let added = false;
  a.tokens.forEach((t, k) => {
    if (covered[k] || !t.cap || !ALPHA_RE.test(t.text)) return;
    const actor = surnames.get(t.lower);
    if (!actor) return;
    const code = actor.code;
    a.mentions.push({
      start: k,
      end: k + 1,
      actor,
      code,
      place: false,
      needsContext: false,
      weak: false,
      compound: false,
    });
    added = true;
  });
  if (added) a.mentions.sort((x, y) => x.start - y.start);
}

/** Remembers each named person's title ("President Masoud Pezeshkian" → "president"); two people, no title. */
export function learnTitles(a: SentenceAnalysis, titled: Map<string, Actor | null>): void {
  for (const m of a.mentions) {
    const role = m.actor.kind === "person" ? m.actor.role?.toLowerCase() : undefined;
    if (!role) continue;
    const known = titled.get(role);
    if (known === undefined) titled.set(role, m.actor);
    else if (known && known.id !== m.actor.id) titled.set(role, null);
  }
}

/**
 * "The President also called on …" after "President Masoud Pezeshkian": a bare title names the one person met
 * earlier in the article with that title, unless it names another country ("the US President").
 */
export function resolveTitles(a: SentenceAnalysis, titled: Map<string, Actor | null>): void {
  if (titled.size === 0) return;
  for (const m of a.mentions) {
    if (m.actor.kind !== "official" || !m.actor.role) continue;
    const person = titled.get(m.actor.role.toLowerCase());
    if (!person) continue;
    if (m.actor.country && person.country && m.actor.country !== person.country) continue;
    m.actor = person;
    m.code = person.code;
    m.needsContext = false;
    m.weak = false;
  }
}
