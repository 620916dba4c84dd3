import { type Opml, parseOpml } from "feedsmith";
import { itemError, type OpmlFeed, type ParseResult } from "../types.ts";

type Outline = Opml.Outline<string>;

function httpUrl(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function walk(outlines: Outline[], path: string[], name: string, out: ParseResult<OpmlFeed>): void {
  for (const o of outlines) {
    const label = o.title || o.text || "(untitled)";
    if (o.xmlUrl !== undefined) {
      const url = httpUrl(o.xmlUrl);
      if (url) {
        const siteUrl = o.htmlUrl ? httpUrl(o.htmlUrl) : null;
        out.items.push({ title: label, url, siteUrl, categories: path });
      } else {
        out.errors.push(
          itemError(`${name} outline "${label}"`, "invalid-input", `bad xmlUrl ${JSON.stringify(o.xmlUrl)}`),
        );
      }
    } else if (o.type === "rss") {
      out.errors.push(
        itemError(`${name} outline "${label}"`, "invalid-input", 'type="rss" outline has no xmlUrl'),
      );
    }
    if (o.outlines?.length) walk(o.outlines, o.xmlUrl ? path : [...path, label], name, out);
  }
}

/** Feed subscriptions ({title, url}) listed in an OPML document, folders kept as categories. */
export function parseOpmlText(text: string, name: string): ParseResult<OpmlFeed> {
  const out: ParseResult<OpmlFeed> = { items: [], errors: [] };
  let doc: Opml.Document<string>;
  try {
    doc = parseOpml(text);
  } catch (err) {
    out.errors.push(itemError(name, "parse-failed", `malformed OPML: ${(err as Error).message}`));
    return out;
  }
  const outlines = doc.body?.outlines ?? [];
  if (outlines.length === 0) out.errors.push(itemError(name, "invalid-input", "OPML body lists no outlines"));
  walk(outlines, [], name, out);
  return out;
}
