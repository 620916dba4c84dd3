import type { Article } from "../model/article.ts";

/** The member articles' text without repeats: independent reports first, each sentence kept once, with its outlet. */
export function fullContent(articles: Article[], maxChars = 20_000): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  let size = 0;
  const ordered = [...articles].sort(
    (a, b) =>
      Number(!!a.syndicatedOf) - Number(!!b.syndicatedOf) || a.publishedAt.localeCompare(b.publishedAt),
  );
  for (const a of ordered) {
    const fresh = a.sentences.filter((s) => {
      const key = s
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (!fresh.length) continue;
    const block = `${a.outlet ?? "Unknown outlet"} (${a.publishedAt.slice(0, 10)}): ${fresh.join(" ")}`;
    if (size + block.length > maxChars) {
      parts.push(`${block.slice(0, Math.max(0, maxChars - size))}…`);
      break;
    }
    parts.push(block);
    size += block.length;
  }
  return parts.join("\n\n");
}
