import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { detectFormat, parseDocument, parseFile } from "./parse.ts";

const testdata = (name: string) => new URL(`./testdata/${name}`, import.meta.url).pathname;

describe("detectFormat", () => {
  const cases = [
    { name: "RSS root", head: '<?xml version="1.0"?>\n<rss version="2.0">', want: "feed" },
    {
      name: "Atom root after a comment",
      head: "<?xml version='1.0'?><!-- generator --><feed xmlns=\"http://www.w3.org/2005/Atom\">",
      want: "feed",
    },
    {
      name: "RDF root",
      head: '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
      want: "feed",
    },
    { name: "OPML root", head: '<?xml version="1.0"?><opml version="2.0">', want: "opml" },
    { name: "HTML doctype", head: "<!DOCTYPE html><html><head>", want: "html" },
    {
      name: "HTML served as application/rss+xml is still HTML",
      head: "<html><body>",
      contentType: "application/rss+xml",
      want: "html",
    },
    {
      name: "feed served as text/html is still a feed",
      head: '<rss version="2.0">',
      contentType: "text/html",
      want: "feed",
    },
    { name: "BOM and whitespace before XML", head: "\uFEFF  \n<rss>", want: "feed" },
    {
      name: "JSON Feed by version URL",
      head: '{\n  "version": "https://jsonfeed.org/version/1.1",',
      want: "feed",
    },
    { name: "NDJSON by shape", head: '{"title": "a"}\n{"title": "b"}\n', want: "ndjson" },
    {
      name: "JSON by content type",
      head: '{"title": "x", "items": []}',
      contentType: "application/feed+json",
      want: "feed",
    },
    { name: "CSV by extension", head: "headline;body\nA;B", name_: "x.csv", want: "csv" },
    { name: "CSV by header line", head: "title,text,url\nA,B,", want: "csv" },
    { name: "CSV by content type", head: "a,b\n1,2", contentType: "text/csv; charset=utf-8", want: "csv" },
    { name: "plain prose", head: "Hello there, this is a letter.", want: null },
  ];
  it.each(cases)("$name", ({ head, contentType, name_, want }) => {
    expect(detectFormat(head, { contentType, name: name_ })).toBe(want);
  });
});

describe("parseDocument / parseFile", () => {
  const files = [
    { file: "rss2.xml", format: "feed", items: 3 },
    { file: "atom.xml", format: "feed", items: 2 },
    { file: "rdf.xml", format: "feed", items: 2 },
    { file: "feed.json", format: "feed", items: 2 },
    { file: "subscriptions.opml", format: "opml", items: 4 },
    { file: "article.html", format: "html", items: 1 },
    { file: "articles.ndjson", format: "ndjson", items: 3 },
    { file: "articles.csv", format: "csv", items: 2 },
  ];
  it.each(files)("routes $file to the $format parser", async ({ file, format, items }) => {
    const doc = await parseFile(testdata(file));
    expect(doc.errors).toEqual([]);
    expect(doc.format).toBe(format);
    expect(doc.items).toHaveLength(items);
  });

  it("decodes a Latin-1 feed by its XML declaration", async () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>T</title><item><title>Caf\u00e9 in Mal\u00e9</title></item></channel></rss>';
    const doc = await parseDocument({ name: "latin1.xml", body: Buffer.from(xml, "latin1") });
    expect(doc.errors).toEqual([]);
    expect(doc.items[0]).toMatchObject({ title: "Caf\u00e9 in Mal\u00e9" });
  });

  it("trusts an already-decoded string body over the charset in its content type", async () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>T</title><item><title>Caf\u00e9</title></item></channel></rss>';
    const doc = await parseDocument({
      name: "s.xml",
      body: xml,
      contentType: "application/rss+xml; charset=iso-8859-1",
    });
    expect(doc.items[0]).toMatchObject({ title: "Caf\u00e9" });
  });

  it("inflates gzip bodies before detecting the format", async () => {
    const doc = await parseDocument({ name: "f.gz", body: gzipSync(readFileSync(testdata("atom.xml"))) });
    expect(doc.format).toBe("feed");
    expect(doc.items).toHaveLength(2);
  });

  it("passes the fetch URL to HTML parsing", async () => {
    const body = readFileSync(testdata("article.html"), "utf8");
    const doc = await parseDocument({
      name: "https://c.example/a",
      body,
      contentType: "text/html",
      url: "https://c.example/a",
    });
    expect(doc.items[0]).toMatchObject({ url: "https://c.example/world/ostria-valdoria-fishing-accord" });
  });
});
