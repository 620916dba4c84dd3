import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseHtmlArticle } from "./html-article.ts";

const page = readFileSync(new URL("../testdata/article.html", import.meta.url), "utf8");
const body = `<article><h1>Headline here</h1>${"<p>The committee met on Thursday to review the harbour budget and the dredging contract for the coming year.</p>".repeat(4)}</article>`;

describe("parseHtmlArticle", () => {
  it("extracts title, text, date, outlet, author, language and canonical URL", () => {
    const { items, errors } = parseHtmlArticle(page, "article.html", {
      url: "https://coastal-observer.example/x?utm=1",
    });
    expect(errors).toEqual([]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: "Ostria and Valdoria sign fishing accord after two years of talks",
      url: "https://coastal-observer.example/world/ostria-valdoria-fishing-accord",
      outlet: "The Coastal Observer",
      publishedAt: "2026-02-27T14:20:00+01:00",
      author: "Petra Lund",
      language: "en-GB",
    });
    expect(items[0].text).toMatch(/^By Petra Lund/);
    expect(items[0].text).toContain("caps the herring catch at 40,000 tonnes");
    expect(items[0].text).not.toMatch(/Most read|Weather warning|font-family/);
  });

  it("resolves a relative canonical link against og:url when the page has no URL", () => {
    expect(parseHtmlArticle(page, "article.html").items[0].url).toBe(
      "https://coastal-observer.example/world/ostria-valdoria-fishing-accord",
    );
  });

  const dates = [
    {
      name: "JSON-LD datePublished",
      head: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-01-05T10:00:00Z"}</script>`,
      want: "2026-01-05T10:00:00Z",
    },
    {
      name: "article:published_time",
      head: `<meta property="article:published_time" content="2026-01-06T11:00:00+02:00">`,
      want: "2026-01-06T11:00:00+02:00",
    },
    {
      name: "meta name=date in RFC 822",
      head: `<meta name="date" content="Wed, 07 Jan 2026 12:00:00 GMT">`,
      want: "2026-01-07T12:00:00.000Z",
    },
    {
      name: "<time datetime> in the body",
      head: "",
      extra: `<time datetime="2026-01-08">8 Jan</time>`,
      want: "2026-01-08",
    },
    {
      name: "broken JSON-LD falls back to meta",
      head: `<script type="application/ld+json">{oops</script><meta itemprop="datePublished" content="2026-01-09">`,
      want: "2026-01-09",
    },
    { name: "no date at all", head: "", want: null },
  ];
  it.each(dates)("finds the date from $name", ({ head, extra, want }) => {
    const html = `<html><head><title>T</title>${head}</head><body>${extra ?? ""}${body}</body></html>`;
    expect(parseHtmlArticle(html, "p.html").items[0].publishedAt).toBe(want);
  });

  it("reports no-article for a page without an article, naming the URL", () => {
    const html = `<html><head><title>Index</title></head><body><nav><a href="/a">A</a></nav><p>Welcome.</p></body></html>`;
    const result = parseHtmlArticle(html, "https://x.example/", { url: "https://x.example/" });
    expect(result.items).toEqual([]);
    expect(result.errors).toEqual([
      {
        item: "https://x.example/",
        code: "no-article",
        reason: expect.stringMatching(/characters|no article/),
      },
    ]);
  });
});
