/** What a cue phrase says about the event's relation to earlier events. */
export type CueKind =
  | "denial"
  | "rejection"
  | "response"
  | "contrast"
  | "context"
  | "parallel"
  | "continuation";

/** A cue phrase found in an event's text, with the words that follow it (what it points at). */
export interface CueMatch {
  kind: CueKind;
  phrase: string;
  /** Up to 12 words after the phrase: usually names the earlier event ("in response to the deployment"). */
  after: string;
  /** The rest of the sentence after the phrase (at most 30 words): where the clause's places and names are. */
  rest: string;
  /** True for phrases that state the relation outright ("in response to") rather than hint at it ("after"). */
  strong: boolean;
}

const CUES: { kind: CueKind; re: RegExp; strong: boolean }[] = [
  {
    kind: "denial",
    re: /\b(?:den(?:y|ies|ied|ying|ial of)|refut(?:e|es|ed|ing)|dismiss(?:es|ed)? (?:the )?(?:reports?|claims?)|(?:no|not a) formal agreement|rejects? (?:the )?(?:claims?|reports?|accusations?|allegations?))\b/i,
    strong: true,
  },
  {
    kind: "rejection",
    re: /\b(?:reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|rul(?:es|ed) out)\b/i,
    strong: true,
  },
  {
    kind: "response",
    re: /\b(?:in (?:response|reaction|retaliation) (?:to|for)|respond(?:s|ed|ing)? to|retaliat(?:e|es|ed|ing|ion)|react(?:s|ed|ing)? to|tied to|linked to|as a result of|prompted by|triggered by|because of)\b/i,
    strong: true,
  },
  {
    kind: "response",
    re: /\b(?:following|after|welcom(?:es|ed|ing)|endors(?:es|ed|ing)|condemn(?:s|ed|ing)|support(?:s|ed)|prais(?:es|ed)|hail(?:s|ed))\b/i,
    strong: false,
  },
  { kind: "contrast", re: /\b(?:despite|in spite of|even as|regardless of)\b/i, strong: true },
  { kind: "context", re: /\b(?:amid|against the backdrop of|in the context of|ahead of)\b/i, strong: false },
  {
    kind: "parallel",
    re: /\b(?:in parallel (?:with|to)?|separately|a separate|parallel track|alongside)\b/i,
    strong: false,
  },
  {
    kind: "continuation",
    re: /\b(?:continu(?:e|es|ed|ing)|resum(?:e|es|ed|ing)|extend(?:s|ed|ing)?|extension|again|second round|latest|further)\b/i,
    strong: false,
  },
];

/** Finds cue phrases in an event's sentences (each phrase kind once per sentence). */
export function findCues(sentences: readonly string[]): CueMatch[] {
  const out: CueMatch[] = [];
  for (const s of sentences) {
    for (const c of CUES) {
      const m = c.re.exec(s);
      if (!m) continue;
      const words = s
        .slice(m.index + m[0].length)
        .split(/\s+/)
        .filter(Boolean);
      // What the phrase names ends with its clause: "in response to the efforts of the Quad and out of our
      // responsibility towards …" names the Quad's efforts, not whatever else "responsibility" recalls.
      const after = words
        .slice(0, 12)
        .join(" ")
        .split(/[,;:]\s|\s[—–]\s|\s(?:and|but) (?=(?:out|in|as|because|with|for|to|at)\b)/)[0];
      const rest = words.slice(0, 30).join(" ");
      out.push({ kind: c.kind, phrase: m[0].toLowerCase(), after, rest, strong: c.strong });
    }
  }
  return out;
}
