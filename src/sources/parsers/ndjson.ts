import { createReadStream } from "node:fs";
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import type { ItemError, RawArticle } from "../../model/article.ts";
import { SitrepError } from "../../model/errors.ts";
import { itemError, type ParseResult } from "../types.ts";
import { isItemError, parseArticleLine } from "./ndjson-line.ts";

/** Options for the NDJSON readers. */
export interface NdjsonOptions {
  /** Names the input in errors (`name:line`); defaults to the path, or "stdin". */
  name?: string;
  /** Derive a missing title from the text and ignore wrong-typed optional fields instead of rejecting the line. */
  lenient?: boolean;
  /** Longest accepted line in bytes (default 16 MiB); longer lines are reported "too-large" and skipped. */
  maxLineBytes?: number;
}

/** One line's outcome: an article or an error, with its 1-based line number. */
export type NdjsonEntry =
  | { line: number; article: RawArticle; error?: undefined }
  | { line: number; error: ItemError; article?: undefined };

/** What the readers accept: a file path (.gz or not), a Node Readable, or any async iterable of bytes. */
export type NdjsonInput = string | Readable | AsyncIterable<Uint8Array | string>;

const utf8 = new TextDecoder("utf-8", { fatal: true });

function toBuffer(chunk: Uint8Array | string): Buffer {
  return typeof chunk === "string"
    ? Buffer.from(chunk)
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Byte chunks of the input, gunzipped when it starts with the gzip magic bytes. */
async function* byteChunks(input: NdjsonInput): AsyncGenerator<Buffer> {
  const source: AsyncIterable<Uint8Array | string> =
    typeof input === "string" ? createReadStream(input) : input;
  const it = source[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  while (head.length < 2) {
    const next = await it.next();
    if (next.done) break;
    head = Buffer.concat([head, toBuffer(next.value)]);
  }
  async function* raw(): AsyncGenerator<Buffer> {
    try {
      if (head.length > 0) yield head;
      for (let next = await it.next(); !next.done; next = await it.next()) yield toBuffer(next.value);
    } finally {
      await it.return?.();
    }
  }
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* raw();
    return;
  }
  const gunzip = createGunzip();
  pipeline(Readable.from(raw()), gunzip, () => {});
  for await (const chunk of gunzip) yield chunk as Buffer;
}

function lineEntry(bytes: Buffer, line: number, name: string, lenient: boolean): NdjsonEntry | null {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
  const item = `${name}:${line}`;
  let text: string;
  try {
    text = utf8.decode(bytes.subarray(0, end));
  } catch {
    return { line, error: itemError(item, "invalid-input", "invalid UTF-8 byte sequence") };
  }
  if (text.trim() === "") return null;
  const parsed = parseArticleLine(text, item, lenient);
  return isItemError(parsed) ? { line, error: parsed } : { line, article: parsed };
}

function overlong(line: number, name: string, bytes: number, max: number): NdjsonEntry {
  return {
    line,
    error: itemError(`${name}:${line}`, "too-large", `line is over ${max} bytes (${bytes}+ read)`),
  };
}

function streamError(err: unknown, name: string, line: number): SitrepError | ItemError {
  const e = err as NodeJS.ErrnoException;
  if (e.code === "ENOENT") return new SitrepError("not-found", `${name}: no such file`, { cause: err });
  if (e.code === "EISDIR" || e.code === "EACCES")
    return new SitrepError("invalid-input", `${name}: ${e.message}`, { cause: err });
  return itemError(
    `${name}:${line + 1}`,
    "parse-failed",
    `input ends abruptly after line ${line}: ${e.message}`,
  );
}

/** Streams an NDJSON article file line by line (gzip handled), yielding an article or an error per line. */
export async function* readNdjson(
  input: NdjsonInput,
  options: NdjsonOptions = {},
): AsyncGenerator<NdjsonEntry> {
  const name = options.name ?? (typeof input === "string" ? input : "stdin");
  const max = options.maxLineBytes ?? 16 * 1024 * 1024;
  const lenient = options.lenient ?? false;
  let line = 0;
  let carry: Buffer[] = [];
  let carried = 0;
  let skipping = false;
  try {
    for await (const chunk of byteChunks(input)) {
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
        line++;
        const part = chunk.subarray(start, nl);
        start = nl + 1;
        if (skipping || carried + part.length > max) {
          yield overlong(line, name, carried + part.length, max);
        } else {
          const entry = lineEntry(carried ? Buffer.concat([...carry, part]) : part, line, name, lenient);
          if (entry) yield entry;
        }
        carry = [];
        carried = 0;
        skipping = false;
      }
      if (start < chunk.length && !skipping) {
        carry.push(chunk.subarray(start));
        carried += chunk.length - start;
        if (carried > max) {
          skipping = true;
          carry = [];
        }
      } else if (skipping) {
        carried += chunk.length - start;
      }
    }
  } catch (err) {
    const failure = streamError(err, name, line);
    if (failure instanceof SitrepError) throw failure;
    yield { line: line + 1, error: failure };
    return;
  }
  if (skipping) yield overlong(line + 1, name, carried, max);
  else if (carried > 0) {
    const entry = lineEntry(Buffer.concat(carry), line + 1, name, lenient);
    if (entry) yield entry;
  }
}

/** readNdjson grouped into batches of `batchSize` lines (default 1000), each with the last line number read. */
export async function* readNdjsonBatches(
  input: NdjsonInput,
  options: NdjsonOptions & { batchSize?: number } = {},
): AsyncGenerator<ParseResult & { lastLine: number }> {
  const size = options.batchSize ?? 1000;
  let batch: ParseResult & { lastLine: number } = { items: [], errors: [], lastLine: 0 };
  for await (const entry of readNdjson(input, options)) {
    if (entry.article) batch.items.push(entry.article);
    else batch.errors.push(entry.error);
    batch.lastLine = entry.line;
    if (batch.items.length + batch.errors.length >= size) {
      yield batch;
      batch = { items: [], errors: [], lastLine: entry.line };
    }
  }
  if (batch.items.length + batch.errors.length > 0) yield batch;
}

/** Reads a whole NDJSON input into one ParseResult (for small inputs; stream big files with readNdjson). */
export async function collectNdjson(input: NdjsonInput, options: NdjsonOptions = {}): Promise<ParseResult> {
  const result: ParseResult = { items: [], errors: [] };
  for await (const entry of readNdjson(input, options)) {
    if (entry.article) result.items.push(entry.article);
    else result.errors.push(entry.error);
  }
  return result;
}
