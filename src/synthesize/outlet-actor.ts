import { analyzeSentence } from "../actors/analyze-sentence.ts";
import { makeActor } from "../actors/mention.ts";
import type { Actor } from "../model/actor.ts";

/** Outlets that name themselves state media ("… State Broadcasting", "Islamic Republic News …"). */
const SELF_DECLARED_STATE =
  /\bstate (?:broadcast|news|media|television|radio|tv)|\bislamic republic news\b|\bstate[- ]run\b/i;

/** The media actor behind an outlet name: a known outlet from the gazetteer, or a self-declared state outlet; else null. */
export function outletActor(outlet: string): Actor | null {
  const found = analyzeSentence(outlet).mentions.find((m) => m.actor.kind === "media");
  if (found) return found.actor;
  if (!SELF_DECLARED_STATE.test(outlet)) return null;
  const country =
    analyzeSentence(outlet.replace(/\bstate\b/gi, "")).mentions.find((m) => m.actor.country)?.actor.country ??
    null;
  const slug = outlet
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return makeActor({
    id: `media:${slug}`,
    name: outlet,
    kind: "media",
    country,
    code: country,
    sector: "MED",
    stateMedia: true,
  });
}
