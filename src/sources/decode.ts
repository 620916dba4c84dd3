/** Result of turning bytes into text. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding label actually used. */
  charset: string;
  /** True when the bytes were not valid in that charset and U+FFFD replaced them. */
  invalid: boolean;
  /** 1-based line of the first replaced sequence, when invalid. */
  firstInvalidLine: number | null;
}

const CHARSET_PARAM = /charset\s*=\s*["']?([\w.:-]+)/i;
const XML_DECL = /^<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i;
const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Charset named by a Content-Type header, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = contentType ? CHARSET_PARAM.exec(contentType) : null;
  return m ? m[1].toLowerCase() : null;
}

/** Charset declared inside the document (BOM, XML declaration, HTML meta), or null. */
export function sniffCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString(
    "latin1",
  );
  const m = XML_DECL.exec(head.trimStart()) ?? META_CHARSET.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder("utf-8");
  }
}

/** Decodes bytes by the header charset, else the document's own declaration, else UTF-8; never throws. */
export function decodeText(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const decoder = decoderFor(charsetFromContentType(contentType) ?? sniffCharset(bytes) ?? "utf-8");
  if (decoder.encoding !== "utf-8") {
    return { text: decoder.decode(bytes), charset: decoder.encoding, invalid: false, firstInvalidLine: null };
  }
  try {
    return { text: fatalUtf8.decode(bytes), charset: "utf-8", invalid: false, firstInvalidLine: null };
  } catch {
    const text = decoder.decode(bytes);
    const at = text.indexOf("\uFFFD");
    const line = at < 0 ? null : text.slice(0, at).split("\n").length;
    return { text, charset: "utf-8", invalid: true, firstInvalidLine: line };
  }
}
