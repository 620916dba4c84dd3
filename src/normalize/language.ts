import { eld } from "eld/medium";

/** ISO 639-1 language of a text from its first 100 characters (enough for eld), or null when unsure. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 100);
  if (sample.trim().length < 3) return null;
  const lang = eld.detect(sample).language;
  return lang && lang.length === 2 ? lang : null;
}
