import type { Sector } from "../model/actor.ts";
import { slugify } from "./gazetteer/index.ts";
import { kindForSector, makeActor, type SpanMention } from "./mention.ts";
import type { Token } from "./tokenize.ts";

// The last word of a name tells what kind of organisation an unknown name is ("Homeland Union", "Third World
// Water Forum"); political and armed bodies take their country from the context, think tanks and charities are NGOs.
const SUFFIX_SECTOR: Record<string, Sector> = {
  union: "OPP",
  party: "OPP",
  movement: "OPP",
  front: "OPP",
  alliance: "OPP",
  association: "OPP",
  council: "OPP",
  congress: "OPP",
  league: "OPP",
  federation: "OPP",
  coalition: "OPP",
  committee: "OPP",
  bloc: "OPP",
  army: "REB",
  brigade: "REB",
  brigades: "REB",
  militia: "REB",
  company: "BUS",
  corporation: "BUS",
  forum: "NGO",
  institute: "NGO",
  foundation: "NGO",
  society: "NGO",
  watch: "NGO",
  observatory: "NGO",
  centre: "NGO",
  center: "NGO",
};
const INNER = new Set(["of", "for", "the", "and", "de", "al"]);
const NOT_START = new Set(
  (
    "the a an in on at but and for of monday tuesday wednesday thursday friday saturday sunday january february " +
    "march april may june july august september october november december"
  ).split(" "),
);
const ALPHA_RE = /^\p{L}/u;

/** Adds mentions for capitalized names that end like an organisation and are not in the gazetteer. */
export function findUnknownOrgs(sentence: string, tokens: Token[], mentions: SpanMention[]): SpanMention[] {
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) for (let k = m.start; k < m.end; k++) covered[k] = 1;
  const found: SpanMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (covered[i] || !t.cap || !ALPHA_RE.test(t.text) || NOT_START.has(t.lower)) {
      i++;
      continue;
    }
    let j = i;
    let last = -1;
    while (j < tokens.length && !covered[j]) {
      const w = tokens[j];
      if (w.cap && ALPHA_RE.test(w.text)) {
        if (SUFFIX_SECTOR[w.lower]) last = j;
        j++;
      } else if (INNER.has(w.lower) && tokens[j + 1]?.cap) j++;
      else break;
    }
    if (last > i) {
      const name = sentence.slice(t.start, tokens[last].end);
      const sector = SUFFIX_SECTOR[tokens[last].lower];
      const code = sector === "NGO" ? "NGO" : null;
      const actor = makeActor({
        id: `org:${slugify(name)}`,
        name,
        kind: kindForSector(sector),
        sector,
        code,
      });
      found.push({
        start: i,
        end: last + 1,
        actor,
        code,
        place: false,
        needsContext: code === null,
        weak: false,
        compound: false,
      });
    }
    i = Math.max(j, i + 1);
  }
  if (found.length === 0) return mentions;
  return [...mentions, ...found].sort((a, b) => a.start - b.start);
}
