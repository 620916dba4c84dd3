import type { TextFeatures } from "./analyze-text.ts";
import type { ClusterParams } from "./cluster-params.ts";
import type { DocFrequency } from "./doc-frequency.ts";
import { type SparseVector, topUnitVector } from "./sparse-vector.ts";

/** TF-IDF unit vector of an article: sublinear tf × idf over words, names, numbers and dates, strongest first. */
export function docVector(features: TextFeatures, df: DocFrequency, params: ClusterParams): SparseVector {
  const weights = new Map<string, number>();
  for (const [key, tf] of features.tf) weights.set(key, (1 + Math.log(tf)) * df.idf(key));
  return topUnitVector(weights, params.docFeatures);
}
