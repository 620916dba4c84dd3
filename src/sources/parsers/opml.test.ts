import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOpmlText } from "./opml.ts";

describe("parseOpmlText", () => {
  it("lists every feed with its folder path", () => {
    const text = readFileSync(new URL("../testdata/subscriptions.opml", import.meta.url), "utf8");
    const result = parseOpmlText(text, "subscriptions.opml");
    expect(result.errors).toEqual([]);
    expect(result.items.map((f) => [f.title, f.url, f.categories.join("/")])).toEqual([
      ["Harbor Ledger", "https://harbor-ledger.example/feed.xml", "World"],
      ["Meridian Wire", "https://meridian-wire.example/rss", "World"],
      ["Northwind Dispatch", "https://northwind-dispatch.example/atom.xml", "Regional/Northern"],
      ["Lakeside Monitor", "https://lakeside-monitor.example/feed.json", ""],
    ]);
    expect(result.items[0].siteUrl).toBe("https://harbor-ledger.example/");
  });

  it("reports outlines with a bad or missing xmlUrl by name and keeps the rest", () => {
    const text = `<opml version="2.0"><body><outline text="Good" xmlUrl="https://a.example/rss"/><outline text="Bad" xmlUrl="javascript:alert(1)"/><outline text="None" type="rss"/></body></opml>`;
    const result = parseOpmlText(text, "subs.opml");
    expect(result.items.map((f) => f.title)).toEqual(["Good"]);
    expect(result.errors.map((e) => e.item)).toEqual(['subs.opml outline "Bad"', 'subs.opml outline "None"']);
  });
});
