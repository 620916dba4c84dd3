import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ItemError } from "../model/article.ts";
import { parseDocument, parseFile } from "./parse.ts";

interface Expectation {
  file: string;
  format: string;
  code: string | string[] | null;
  errors: number;
  good: number;
  lines?: number[];
  publishedAt?: (string | null)[];
  why: string;
}

const badDir = new URL("./testdata/bad/", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(badDir, "MANIFEST.json"), "utf8")) as { files: Expectation[] };
const tmp = mkdtempSync(join(tmpdir(), "sitrep-bad-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every error must say which item (file name, with line for line formats) and why. */
function expectNamed(errors: ItemError[], file: string, lines?: number[]): void {
  for (const e of errors) {
    expect(e.item, JSON.stringify(e)).toContain(file);
    expect(e.reason.length, JSON.stringify(e)).toBeGreaterThan(8);
    expect(e.reason).not.toBe(e.code);
  }
  if (lines) {
    const named = errors.map((e) =>
      Number(new RegExp(`${file.replace(/\./g, "\\.")}:(\\d+)`).exec(e.item)?.[1]),
    );
    expect(named).toEqual(lines);
  }
}

describe("bad-input corpus", () => {
  it("lists every file in testdata/bad in MANIFEST.json, at least 30", () => {
    const onDisk = readdirSync(badDir)
      .filter((f) => f !== "MANIFEST.json")
      .sort();
    expect(manifest.files.map((f) => f.file).sort()).toEqual(onDisk);
    expect(onDisk.length).toBeGreaterThanOrEqual(30);
  });

  it.each(manifest.files)("$file: $why", async (x) => {
    const doc = await parseFile(join(badDir, x.file));
    expect(doc.format).toBe(x.format);
    expect(doc.errors.map((e) => `${e.code}: ${e.item}: ${e.reason}`)).toHaveLength(x.errors);
    expect(doc.items).toHaveLength(x.good);
    const codes = x.code === null ? [] : [x.code].flat();
    for (const e of doc.errors) expect(codes).toContain(e.code);
    expectNamed(doc.errors, x.file, x.lines);
    for (const item of doc.items) expect(item.title.trim().length).toBeGreaterThan(0);
    if (x.publishedAt) {
      expect(doc.items.map((i) => ("publishedAt" in i ? i.publishedAt : undefined))).toEqual(x.publishedAt);
    }
  });
});

describe("generated huge inputs", () => {
  it("reports an NDJSON line over 16 MiB as too-large and keeps its neighbours", async () => {
    const path = join(tmp, "huge-line.ndjson");
    const good = JSON.stringify({ title: "Neighbour", text: "fine" });
    writeFileSync(path, `${good}\n{"title": "big", "text": "${"x".repeat(17 * 1024 * 1024)}"}\n${good}\n`);
    const doc = await parseFile(path);
    expect(doc.items).toHaveLength(2);
    expect(doc.errors).toEqual([
      {
        item: "huge-line.ndjson:2",
        code: "too-large",
        reason: expect.stringContaining("over 16777216 bytes"),
      },
    ]);
  });

  it("refuses a file over the size cap before reading it", async () => {
    const path = join(tmp, "huge-page.html");
    writeFileSync(
      path,
      `<html><body><article>${"<p>Lorem ipsum dolor sit amet.</p>".repeat(100_000)}</article></body></html>`,
    );
    const doc = await parseFile(path, { maxBytes: 1024 * 1024 });
    expect(doc.items).toEqual([]);
    expect(doc.errors).toEqual([
      {
        item: "huge-page.html",
        code: "too-large",
        reason: expect.stringMatching(/over the 1048576-byte limit/),
      },
    ]);
  });

  it("parses a 5,000-item feed body in one go", async () => {
    const items = Array.from(
      { length: 5000 },
      (_, i) =>
        `<item><title>Item ${i}</title><link>https://big.example/${i}</link><description>Text ${i}</description></item>`,
    );
    const body = `<rss version="2.0"><channel><title>Big</title>${items.join("")}</channel></rss>`;
    const doc = await parseDocument({ name: "big.xml", body });
    expect(doc.errors).toEqual([]);
    expect(doc.items).toHaveLength(5000);
  });
});
