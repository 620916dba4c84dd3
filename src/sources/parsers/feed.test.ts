import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFeedText } from "./feed.ts";

const fixture = (name: string) => readFileSync(new URL(`../testdata/${name}`, import.meta.url), "utf8");

describe("parseFeedText", () => {
  const cases = [
    {
      name: "RSS 2.0 with content:encoded, dc:creator and a relative link",
      file: "rss2.xml",
      format: "rss",
      outlet: "Harbor Ledger & Courier",
      count: 3,
      first: {
        externalId: "hl-2026-0303-001",
        url: "https://harbor-ledger.example/world/2026/03/03/valdoria-kestran-talks",
        title: "Valdorian and Kestrani envoys meet in Port Amsel for second round of talks",
        author: "Mara Ellison",
        publishedAt: "2026-03-03T08:40:00.000Z",
        language: "en-gb",
      },
    },
    {
      name: "Atom with HTML title, published date and feed-level author",
      file: "atom.xml",
      format: "atom",
      outlet: "Northwind Dispatch",
      count: 2,
      first: {
        externalId: "tag:northwind-dispatch.example,2026:rennet-bridge",
        url: "https://northwind-dispatch.example/2026/03/rennet-bridge-flood",
        title: "Flooding closes Rennet bridge as river rises",
        author: "Ilse Varga",
        publishedAt: "2026-03-04T05:12:00+01:00",
      },
    },
    {
      name: "RDF (RSS 1.0) with dc:date",
      file: "rdf.xml",
      format: "rdf",
      outlet: "Meridian Wire",
      count: 2,
      first: {
        externalId: "https://meridian-wire.example/a/5512",
        title: "Coastguard rescues 14 from stricken ferry off Cape Lind",
        publishedAt: "2026-03-01T22:10:00Z",
        author: "Meridian staff",
      },
    },
    {
      name: "JSON Feed 1.1 with content_html",
      file: "feed.json",
      format: "json",
      outlet: "Lakeside Monitor",
      count: 2,
      first: {
        externalId: "lm-88121",
        author: "Tomas Reyl",
        publishedAt: "2026-03-04T07:30:00+02:00",
        language: "en",
      },
    },
  ];
  it.each(cases)("$name", ({ file, format, outlet, count, first }) => {
    const result = parseFeedText(fixture(file), file);
    expect(result.errors).toEqual([]);
    expect(result.format).toBe(format);
    expect(result.items).toHaveLength(count);
    expect(result.items[0]).toMatchObject({ ...first, outlet, gold: null });
    for (const item of result.items) {
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.text).not.toMatch(/<\/?[a-z]+>/i);
    }
  });

  it("turns HTML content into paragraphs of plain text, dropping scripts and decoding entities", () => {
    const [first, second] = parseFeedText(fixture("rss2.xml"), "rss2.xml").items;
    expect(first.text).toContain("Valdoria and Kestran met");
    expect(first.text).toContain("\u201ckeep the channel open\u201d");
    expect(first.text).toContain("\n\n");
    expect(first.text).not.toContain("track()");
    expect(second.text).toBe(
      "A convoy of 40 lorries carrying grain reached the city of Tessel on Monday, aid officials said.",
    );
    expect(second.url).toBe("https://harbor-ledger.example/world/2026/03/02/grain-convoy-tessel");
  });

  it("gives an untitled RSS item a title from its first sentence", () => {
    const third = parseFeedText(fixture("rss2.xml"), "rss2.xml").items[2];
    expect(third.title).toBe(
      "The Ostrian parliament approved the 2026 defence budget by 212 votes to 98 on Monday evening.",
    );
  });

  it("resolves relative Atom links against the feed's alternate link", () => {
    const second = parseFeedText(fixture("atom.xml"), "atom.xml").items[1];
    expect(second.url).toBe("https://northwind-dispatch.example/2026/03/korvel-strike");
    expect(second.publishedAt).toBe("2026-03-03T18:00:00Z");
  });

  it("keeps the complete items of a truncated feed and reports the break", () => {
    const text = fixture("rss2.xml");
    const cut = text.slice(0, text.indexOf("<pubDate>Mon, 02 Mar 2026 20:30"));
    const result = parseFeedText(cut, "cut.xml");
    expect(result.items.map((i) => i.externalId)).toEqual([
      "hl-2026-0303-001",
      "https://harbor-ledger.example/world/2026/03/02/grain-convoy-tessel",
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ item: "cut.xml", code: "parse-failed" });
    expect(result.errors[0].reason).toMatch(/kept the 2 complete items/);
  });

  it("reports an item with neither title nor text, naming it, and keeps the others", () => {
    const xml = `<rss version="2.0"><channel><title>T</title><item><title>Fine</title></item><item><link>https://x.example/2</link></item></channel></rss>`;
    const result = parseFeedText(xml, "mixed.xml");
    expect(result.items.map((i) => i.title)).toEqual(["Fine"]);
    expect(result.errors).toEqual([
      {
        item: "mixed.xml item 2 (https://x.example/2)",
        code: "invalid-input",
        reason: "item has neither a title nor any text",
      },
    ]);
  });

  it("keeps a future date string as given for the normalizer to clamp", () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>1</id><title>Later</title><published>2031-01-01T00:00:00Z</published></entry></feed>`;
    expect(parseFeedText(xml, "f.xml").items[0].publishedAt).toBe("2031-01-01T00:00:00Z");
  });
});
