import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsvText } from "./csv.ts";

describe("parseCsvText", () => {
  it("maps the header columns to articles", () => {
    const text = readFileSync(new URL("../testdata/articles.csv", import.meta.url), "utf8");
    const { items, errors } = parseCsvText(text, "articles.csv");
    expect(errors).toEqual([]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      title: "Border crossing at Velm reopens",
      text: "The crossing reopened on Wednesday, officials said.",
      url: "https://lakeside-monitor.example/news/88121",
      outlet: "Lakeside Monitor",
      publishedAt: "2026-03-04T07:30:00+02:00",
    });
    expect(items[1]).toMatchObject({ url: null, publishedAt: null });
  });

  it("accepts aliases (headline, outlet, date) and tab separators", () => {
    const { items } = parseCsvText("headline\tbody\toutlet\tdate\nA\tB\tC\t2026-01-01\n", "a.tsv");
    expect(items[0]).toMatchObject({ title: "A", text: "B", outlet: "C", publishedAt: "2026-01-01" });
  });

  it("reports rows with the wrong column count or no title by line and keeps good rows", () => {
    const text =
      "title,text,url\nGood one,text,\nShort row,only\n,no title,https://x.example/\nAlso good,t,\n";
    const { items, errors } = parseCsvText(text, "rows.csv");
    expect(items.map((i) => i.title)).toEqual(["Good one", "Also good"]);
    expect(errors).toEqual([
      { item: "rows.csv:3", code: "invalid-input", reason: "expected 3 columns, got 2" },
      { item: "rows.csv:4", code: "invalid-input", reason: 'missing "title"' },
    ]);
  });

  it("rejects a header without a title column", () => {
    const { items, errors } = parseCsvText("name,body\nA,B\n", "wrong.csv");
    expect(items).toEqual([]);
    expect(errors[0]).toMatchObject({ item: "wrong.csv", code: "invalid-input" });
  });
});
