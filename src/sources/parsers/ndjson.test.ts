import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { SitrepError } from "../../model/errors.ts";
import { collectNdjson, type NdjsonEntry, readNdjson, readNdjsonBatches } from "./ndjson.ts";

const dir = mkdtempSync(join(tmpdir(), "sitrep-ndjson-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = new URL("../testdata/articles.ndjson", import.meta.url).pathname;

function line(i: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `a-${i}`,
    title: `Headline number ${i}`,
    text: `Body text ${i}.`,
    url: null,
    source: "Wire",
    published_at: "2026-01-01T00:00:00Z",
    ...extra,
  });
}

async function all(gen: AsyncIterable<NdjsonEntry>): Promise<NdjsonEntry[]> {
  const out: NdjsonEntry[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

describe("readNdjson", () => {
  it("reads the shared article format and maps gold fields", async () => {
    const { items, errors } = await collectNdjson(fixture, { name: "articles.ndjson" });
    expect(errors).toEqual([]);
    expect(items.map((i) => i.externalId)).toEqual(["demo-1", "2", "demo-3"]);
    expect(items[0]).toMatchObject({ outlet: "Harbor Ledger", publishedAt: "2026-03-03T08:40:00Z" });
    expect(items[0].gold).toEqual({
      label: "ev-7",
      story: "Valdoria-Kestran talks",
      theater: "Amsel Sound dispute",
      storyPath: ["Amsel Sound dispute", "Valdoria-Kestran talks"],
      labels: ["Diplomacy"],
    });
    expect(items[2].gold).toBeNull();
  });

  it("gives the same result whatever the chunking (1-byte chunks, CRLF, no final newline)", async () => {
    const text = `${line(1)}\r\n\r\n${line(2, { title: "Caf\u00e9 \u2014 \u65e5\u672c" })}\r\n${line(3)}`;
    const bytes = Buffer.from(text);
    const oneByte = Readable.from(
      (function* () {
        for (const b of bytes) yield Buffer.from([b]);
      })(),
    );
    const entries = await all(readNdjson(oneByte, { name: "chunks" }));
    expect(entries.map((e) => [e.line, e.article?.title])).toEqual([
      [1, "Headline number 1"],
      [3, "Caf\u00e9 \u2014 \u65e5\u672c"],
      [4, "Headline number 3"],
    ]);
  });

  it("reads gzip transparently from a path and from a stream", async () => {
    const path = join(dir, "a.ndjson.gz");
    writeFileSync(path, gzipSync(readFileSync(fixture)));
    expect((await collectNdjson(path)).items).toHaveLength(3);
    expect((await collectNdjson(Readable.from([gzipSync(`${line(1)}\n`)]))).items).toHaveLength(1);
  });

  it("keeps the lines before a truncated gzip stream and reports where it broke", async () => {
    const gz = gzipSync(Array.from({ length: 2000 }, (_, i) => line(i)).join("\n"));
    const { items, errors } = await collectNdjson(Readable.from([gz.subarray(0, gz.length - 200)]), {
      name: "cut.gz",
    });
    expect(items.length).toBeGreaterThan(1000);
    expect(errors.at(-1)?.item).toMatch(/^cut\.gz:\d+$/);
    expect(errors.at(-1)?.reason).toMatch(/ends abruptly/);
  });

  const bad = [
    {
      name: "truncated JSON",
      text: '{"id": "x", "title": "Cut',
      code: "parse-failed",
      reason: /truncated JSON/,
    },
    { name: "not an object", text: "[1, 2]", code: "invalid-input", reason: /JSON array, not an object/ },
    {
      name: "missing title",
      text: '{"id": "m", "text": "body"}',
      code: "invalid-input",
      reason: /missing "title"/,
    },
    { name: "empty title", text: '{"title": "  "}', code: "invalid-input", reason: /empty "title"/ },
    {
      name: "title of wrong type",
      text: '{"title": 42}',
      code: "invalid-input",
      reason: /"title" must be a string or null, got number/,
    },
    {
      name: "published_at of wrong type",
      text: '{"title": "t", "published_at": 1700000000}',
      code: "invalid-input",
      reason: /"published_at" must be a string/,
    },
  ];
  it.each(bad)(
    "reports $name with file:line and keeps the good lines around it",
    async ({ text, code, reason }) => {
      const input = Readable.from([Buffer.from(`${line(1)}\n${text}\n${line(3)}\n`)]);
      const entries = await all(readNdjson(input, { name: "bad.ndjson" }));
      expect(entries.filter((e) => e.article).map((e) => e.line)).toEqual([1, 3]);
      const errors = entries.flatMap((e) => (e.error ? [e.error] : []));
      expect(errors).toHaveLength(1);
      expect(errors[0].item).toMatch(/^bad\.ndjson:2( \(id \w+\))?$/);
      expect(errors[0].code).toBe(code);
      expect(errors[0].reason).toMatch(reason);
    },
  );

  it("reports invalid UTF-8 per line", async () => {
    const input = Readable.from([
      Buffer.concat([
        Buffer.from(`${line(1)}\n{"title": "bad `),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(`"}\n`),
      ]),
    ]);
    const { items, errors } = await collectNdjson(input, { name: "u.ndjson" });
    expect(items).toHaveLength(1);
    expect(errors).toEqual([
      { item: "u.ndjson:2", code: "invalid-input", reason: "invalid UTF-8 byte sequence" },
    ]);
  });

  it("skips an over-long line as too-large without buffering it", async () => {
    const huge = `{"title": "${"x".repeat(3000)}"}`;
    const chunks = [`${line(1)}\n`, huge.slice(0, 1000), huge.slice(1000), `\n${line(3)}\n`].map((s) =>
      Buffer.from(s),
    );
    const { items, errors } = await collectNdjson(Readable.from(chunks), {
      name: "long",
      maxLineBytes: 2048,
    });
    expect(items.map((i) => i.externalId)).toEqual(["a-1", "a-3"]);
    expect(errors).toMatchObject([{ item: "long:2", code: "too-large" }]);
  });

  it("lenient mode derives a title from the text and ignores mistyped optional fields", async () => {
    const input = Readable.from([
      Buffer.from(
        '{"id": "p1", "text": "Officials agreed to a truce on Monday. More later.", "source": [{"code": "IGO"}]}\n',
      ),
    ]);
    const { items, errors } = await collectNdjson(input, { lenient: true });
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ title: "Officials agreed to a truce on Monday.", outlet: null });
  });

  it("throws not-found for a missing file", async () => {
    await expect(collectNdjson(join(dir, "nope.ndjson"))).rejects.toBeInstanceOf(SitrepError);
  });

  it("batches with the last line number read", async () => {
    const input = Readable.from([Buffer.from(Array.from({ length: 25 }, (_, i) => line(i)).join("\n"))]);
    const batches = [];
    for await (const b of readNdjsonBatches(input, { batchSize: 10 }))
      batches.push([b.items.length, b.lastLine]);
    expect(batches).toEqual([
      [10, 10],
      [10, 20],
      [5, 25],
    ]);
  });

  it("streams a 70,000-line file, every line read once", async () => {
    const path = join(dir, "big.ndjson");
    const lines = Array.from({ length: 70_000 }, (_, i) =>
      line(i, { text: "Some article text that is a sentence or two long. ".repeat(6) }),
    );
    writeFileSync(path, `${lines.join("\n")}\n`);
    let n = 0;
    let last = 0;
    for await (const e of readNdjson(path)) {
      if (e.article) n++;
      last = e.line;
    }
    expect(n).toBe(70_000);
    expect(last).toBe(70_000);
  });
});
