/** B-cubed precision, recall and F1 of a clustering. */
export interface BCubedScore {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * B-cubed over items that have both a predicted and a gold cluster: P_i = |pred(i) ∩ gold(i)| / |pred(i)|,
 * R_i = |pred(i) ∩ gold(i)| / |gold(i)|, P and R are means over items, F1 = 2PR / (P + R).
 */
export function bcubed(
  pred: ReadonlyMap<string, string | number>,
  gold: ReadonlyMap<string, string | number>,
): BCubedScore {
  const items = [...gold.keys()].filter((k) => pred.has(k));
  if (items.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const predSize = new Map<string | number, number>();
  const goldSize = new Map<string | number, number>();
  const both = new Map<string, number>();
  for (const i of items) {
    const p = pred.get(i)!;
    const g = gold.get(i)!;
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    const key = JSON.stringify([p, g]);
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const i of items) {
    const p = pred.get(i)!;
    const g = gold.get(i)!;
    const common = both.get(JSON.stringify([p, g]))!;
    precision += common / predSize.get(p)!;
    recall += common / goldSize.get(g)!;
  }
  precision /= items.length;
  recall /= items.length;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
