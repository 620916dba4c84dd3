import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { Readable } from "node:stream";
import { gunzipSync } from "node:zlib";
import type { ItemError } from "../model/article.ts";
import { SitrepError } from "../model/errors.ts";
import { decodeText } from "./decode.ts";
import { parseCsvText } from "./parsers/csv.ts";
import { parseFeedText } from "./parsers/feed.ts";
import { parseHtmlArticle } from "./parsers/html-article.ts";
import { collectNdjson } from "./parsers/ndjson.ts";
import { parseOpmlText } from "./parsers/opml.ts";
import { itemError, type OpmlFeed, type ParseResult } from "./types.ts";

/** Input formats the dispatcher knows; "feed" covers RSS, Atom, RDF and JSON Feed. */
export type InputFormat = "feed" | "opml" | "html" | "ndjson" | "csv";

/** A parsed document: subscriptions for OPML, articles for everything else. */
export type ParsedDocument =
  | ({ format: "opml" } & ParseResult<OpmlFeed>)
  | ({
      format: Exclude<InputFormat, "opml"> | "unknown" /** Feed title, for feeds. */;
      title?: string | null;
    } & ParseResult);

/** One document to parse: its name (file or URL, used in errors), bytes or text, and optional hints. */
export interface ParseInput {
  name: string;
  body: string | Uint8Array;
  contentType?: string | null;
  url?: string | null;
}

const BY_EXTENSION: Record<string, InputFormat> = {
  ".xml": "feed",
  ".rss": "feed",
  ".atom": "feed",
  ".rdf": "feed",
  ".json": "feed",
  ".opml": "opml",
  ".html": "html",
  ".htm": "html",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
  ".csv": "csv",
  ".tsv": "csv",
};
const BY_TYPE: [RegExp, InputFormat][] = [
  [/opml/, "opml"],
  [/(rss|atom|rdf|feed\+json|xml)/, "feed"],
  [/html/, "html"],
  [/(ndjson|jsonl|json-seq)/, "ndjson"],
  [/(csv|tab-separated)/, "csv"],
  [/json/, "feed"],
];
const FEED_ROOTS = new Set(["rss", "feed", "rdf:rdf", "rdf"]);
const MAX_INFLATED = 256 * 1024 * 1024;

function extensionOf(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[?#].*$/, "")
    .replace(/\.gz$/, "");
  return extname(base);
}

/** Format from the first bytes, then the content type, then the file extension (Miniflux parser.go style). */
export function detectFormat(
  head: string,
  hints: { contentType?: string | null; name?: string | null } = {},
): InputFormat | null {
  const text = head
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 4096)
    .toLowerCase();
  const byHint =
    BY_TYPE.find(([re]) => re.test(hints.contentType?.toLowerCase() ?? ""))?.[1] ??
    BY_EXTENSION[extensionOf(hints.name ?? "")] ??
    null;
  if (text.startsWith("<")) {
    if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!doctype html/.test(text)) return "html";
    const root = /<(?![?!])([a-z][\w:.-]*)/.exec(text)?.[1];
    if (root === "opml") return "opml";
    if (root && FEED_ROOTS.has(root)) return "feed";
    if (root === "html" || byHint === "html") return "html";
    return text.startsWith("<?xml") ? "feed" : "html";
  }
  if (text.startsWith("{")) {
    if (text.includes("jsonfeed.org/version")) return "feed";
    return byHint === "feed" && !/}\s*\n\s*{/.test(text) ? "feed" : "ndjson";
  }
  if (byHint) return byHint;
  const firstLine = text.split("\n", 1)[0];
  return /(^|[,;\t])"?title"?([,;\t]|$)/.test(firstLine) ? "csv" : null;
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return false;
  return true;
}

function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function failed(name: string, code: ItemError["code"], reason: string): ParsedDocument {
  return { format: "unknown", items: [], errors: [itemError(name, code, reason)] };
}

/** An NDJSON input without a single line is reported, not silently accepted. */
function nonEmpty(doc: ParsedDocument, name: string): ParsedDocument {
  if (doc.items.length > 0 || doc.errors.length > 0) return doc;
  return { ...doc, errors: [itemError(name, "invalid-input", "empty input: no lines")] };
}

function inflate(bytes: Uint8Array, name: string): Uint8Array | ParsedDocument {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INFLATED });
  } catch (err) {
    return failed(name, "parse-failed", `bad gzip data: ${(err as Error).message}`);
  }
}

function parseText(format: InputFormat, text: string, input: ParseInput): ParsedDocument {
  switch (format) {
    case "feed":
      return { ...parseFeedText(text, input.name, { baseUrl: input.url }), format };
    case "opml":
      return { format, ...parseOpmlText(text, input.name) };
    case "html":
      return { format, ...parseHtmlArticle(text, input.name, { url: input.url }) };
    case "csv":
      return { format, ...parseCsvText(text, input.name) };
    case "ndjson":
      throw new Error("ndjson is parsed from bytes");
  }
}

/** Detects the format of one document and runs its parser; never throws for bad content. */
export async function parseDocument(input: ParseInput): Promise<ParsedDocument> {
  const text = typeof input.body === "string";
  const bytes = typeof input.body === "string" ? Buffer.from(input.body) : inflate(input.body, input.name);
  if (!(bytes instanceof Uint8Array)) return bytes;
  if (isBlank(bytes)) return failed(input.name, "invalid-input", "empty input");
  if (isBinary(bytes)) return failed(input.name, "invalid-input", "binary data, not a text format");
  // A string body is already decoded (e.g. by safeFetch): its bytes are UTF-8 whatever the header says.
  const decoded = decodeText(bytes, text ? "text/plain; charset=utf-8" : input.contentType);
  const format = detectFormat(decoded.text.slice(0, 4096), input);
  if (!format) {
    const start = JSON.stringify(decoded.text.slice(0, 40));
    return failed(
      input.name,
      "invalid-input",
      `unrecognized format (content-type ${input.contentType ?? "none"}, starts ${start})`,
    );
  }
  if (format === "ndjson")
    return nonEmpty(
      { format, ...(await collectNdjson(Readable.from([bytes]), { name: input.name })) },
      input.name,
    );
  const result = parseText(format, decoded.text, input);
  if (decoded.invalid) {
    const where = decoded.firstInvalidLine ? ` (first at line ${decoded.firstInvalidLine})` : "";
    result.errors.unshift(
      itemError(input.name, "invalid-input", `invalid UTF-8${where}; bad bytes replaced with U+FFFD`),
    );
  }
  return result;
}

/** Parses a file by path; NDJSON (also .gz) is streamed, other files are read whole up to `maxBytes`. */
export async function parseFile(
  path: string,
  options: { maxBytes?: number; name?: string } = {},
): Promise<ParsedDocument> {
  const name = options.name ?? basename(path);
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  if (BY_EXTENSION[extensionOf(path)] === "ndjson")
    return nonEmpty({ format: "ndjson", ...(await collectNdjson(path, { name })) }, name);
  const size = await stat(path).then(
    (st) => st.size,
    (err: unknown) => {
      throw new SitrepError("not-found", `${name}: cannot read file (${(err as Error).message})`, {
        cause: err,
      });
    },
  );
  if (size > maxBytes)
    return failed(name, "too-large", `file is ${size} bytes, over the ${maxBytes}-byte limit`);
  return parseDocument({ name, body: await readFile(path) });
}
