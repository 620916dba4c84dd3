import { describe, expect, it } from "vitest";
import { canonicalUrl } from "./canonical-url.ts";

describe("canonicalUrl", () => {
  const cases = [
    {
      name: "strips tracking parameters and fragment",
      in: "HTTPS://WWW.Gulfcourier.example/2026/11/talks/?utm_source=rss&utm_medium=feed&id=7#comments",
      out: "https://www.gulfcourier.example/2026/11/talks/?id=7",
    },
    {
      name: "drops default port and trailing slash",
      in: "http://a.example:80/x/",
      out: "http://a.example/x",
    },
    {
      name: "sorts remaining params",
      in: "https://a.example/p?b=2&a=1&fbclid=zz",
      out: "https://a.example/p?a=1&b=2",
    },
    { name: "keeps the root slash", in: "https://a.example/", out: "https://a.example/" },
    { name: "refuses other schemes", in: "javascript:alert(1)", out: null },
    { name: "refuses garbage", in: "not a url", out: null },
    { name: "null stays null", in: null, out: null },
  ];
  for (const c of cases) it(c.name, () => expect(canonicalUrl(c.in)).toBe(c.out));
});
