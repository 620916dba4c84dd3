import { lazyRequire } from "./lazy-require.ts";

const eld = lazyRequire<{ eld: { detect(text: string): { language: string } } }>(
  "eld",
  "src/entries/static.medium.js",
);

/** ISO 639-1 language of a text from its first 100 characters (enough for eld), or null when unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 100);
  if (sample.trim().length < 3) return null;
  const lang = eld().eld.detect(sample).language;
  return lang && lang.length === 2 ? lang : null;
}
