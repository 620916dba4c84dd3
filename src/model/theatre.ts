/** A long-running conflict context. */
export interface Theatre {
  id: string;
  name: string;
  aliases: string[];
  /** Core actor pairs as ISO-3 codes or actor ids, e.g. [["IRN","ISR"],["IRN","USA"]]. */
  actorPairs: [string, string][];
  places: string[];
}
