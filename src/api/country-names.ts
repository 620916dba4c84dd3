import { countries } from "countries-list";
import to3 from "countries-list/minimal/countries.2to3.min.json" with { type: "json" };

const EXTRA: Record<string, string> = {
  "United States": "USA",
  US: "USA",
  America: "USA",
  Britain: "GBR",
  "United Kingdom": "GBR",
  UK: "GBR",
  Russia: "RUS",
  Iran: "IRN",
  Syria: "SYR",
  Congo: "COD",
  "DR Congo": "COD",
  "South Korea": "KOR",
  "North Korea": "PRK",
  Gaza: "PSE",
  "West Bank": "PSE",
  Palestine: "PSE",
};

let byName: Map<string, string> | null = null;

/** ISO-3 code of a country name ("Iran", "United States"), or null. */
export function iso3OfName(name: string): string | null {
  if (!byName) {
    byName = new Map(Object.entries(EXTRA).map(([k, v]) => [k.toLowerCase(), v]));
    const codes = to3 as Record<string, string>;
    for (const [iso2, c] of Object.entries(countries)) {
      const iso3 = codes[iso2];
      if (iso3 && !byName.has(c.name.toLowerCase())) byName.set(c.name.toLowerCase(), iso3);
    }
  }
  return byName.get(name.toLowerCase()) ?? null;
}
