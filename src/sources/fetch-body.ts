import type { IncomingMessage } from "node:http";
import { Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";
import { SitrepError } from "../model/errors.ts";

/** Caps for reading one response body. */
export interface BodyLimits {
  maxBytes: number;
  maxDecompressedBytes: number;
  signal: AbortSignal;
  url: string;
}

function counter(limit: number, what: string, url: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > limit) done(new SitrepError("too-large", `${url}: ${what} exceeds ${limit} bytes`));
      else done(null, chunk);
    },
  });
}

/** Picks zlib inflate or raw deflate by the first byte: servers send both under "deflate". */
function deflate(): Transform {
  let inner: Transform | null = null;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!inner) {
        inner = (chunk[0] & 0x0f) === 8 ? createInflate() : createInflateRaw();
        inner.on("data", (d: Buffer) => this.push(d));
        inner.on("error", (e) => this.destroy(e));
      }
      inner.write(chunk, done);
    },
    flush(done) {
      if (!inner) return done();
      inner.once("end", () => done());
      inner.end();
    },
  });
}

function decoderFor(encoding: string, url: string): Transform[] {
  const steps = encoding
    .toLowerCase()
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s && s !== "identity");
  return steps.reverse().map((step) => {
    if (step === "gzip" || step === "x-gzip") return createGunzip();
    if (step === "deflate") return deflate();
    if (step === "br") return createBrotliDecompress();
    throw new SitrepError(
      "source-unreachable",
      `${url}: unsupported content-encoding ${JSON.stringify(step)}`,
    );
  });
}

/** Reads a response body with a wire-byte cap and a decompressed-byte cap (gzip bombs end as "too-large"). */
export async function readBody(res: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const { url, maxBytes, maxDecompressedBytes } = limits;
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new SitrepError("too-large", `${url}: content-length ${declared} exceeds ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const decoders = decoderFor(String(res.headers["content-encoding"] ?? ""), url);
  const stages = [
    counter(maxBytes, "body", url),
    ...decoders,
    ...(decoders.length ? [counter(maxDecompressedBytes, "decompressed body", url)] : []),
  ];
  try {
    await pipeline([res, ...stages, sink], { signal: limits.signal });
  } catch (err) {
    if (err instanceof SitrepError) throw err;
    if (limits.signal.aborted) throw limits.signal.reason;
    const message = err instanceof Error ? err.message : String(err);
    throw new SitrepError("source-unreachable", `${url}: reading body failed: ${message}`, { cause: err });
  }
  return Buffer.concat(chunks);
}
