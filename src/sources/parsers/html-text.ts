import { parseHTML } from "linkedom";

const BLOCK = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TR",
  "UL",
]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "SVG", "HEAD"]);
const ENTITY_OR_TAG = /[<&]/;

interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

function walk(node: TextNodeLike, out: string[]): void {
  for (let i = 0; i < node.childNodes.length; i++) {
    const child = node.childNodes[i];
    if (child.nodeType === 3) {
      out.push(child.textContent ?? "");
    } else if (child.nodeType === 1) {
      const tag = child.nodeName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (tag === "BR") {
        out.push("\n");
        continue;
      }
      const block = BLOCK.has(tag);
      if (block) out.push("\n\n");
      walk(child, out);
      if (block) out.push("\n\n");
    }
  }
}

/** Collapses runs of spaces and keeps paragraph breaks as blank lines. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Plain text of an HTML fragment: tags stripped, entities decoded, paragraphs kept. */
export function htmlToText(html: string): string {
  if (!ENTITY_OR_TAG.test(html)) return tidyText(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  walk(document.body as unknown as TextNodeLike, out);
  return tidyText(out.join(""));
}

/** Text of a DOM node (e.g. Readability's content root) with paragraph breaks kept. */
export function nodeToText(node: unknown): string {
  const out: string[] = [];
  walk(node as TextNodeLike, out);
  return tidyText(out.join(""));
}

/** A stand-in title from the first sentence of a text (at most ~140 chars), for items without one. */
export function titleFromText(text: string): string {
  const firstLine = text.split("\n", 1)[0].trim();
  const sentence = /^(.{20,}?[.!?])(\s|$)/.exec(firstLine)?.[1] ?? firstLine;
  if (sentence.length <= 140) return sentence;
  const cut = sentence.slice(0, 140);
  const space = cut.lastIndexOf(" ");
  return `${space > 60 ? cut.slice(0, space) : cut}…`;
}
