import to3 from "countries-list/minimal/countries.2to3.min.json";
import to2 from "countries-list/minimal/countries.3to2.min.json";
// The small name table (the same English names as the full one), so pages that name countries stay small.
import names from "countries-list/minimal/countries.en.min.json";

// world-atlas abbreviates some names; these are its spellings mapped to ISO-3.
const ATLAS: Record<string, string> = {
  "W. Sahara": "ESH",
  "United States of America": "USA",
  "Dem. Rep. Congo": "COD",
  "Dominican Rep.": "DOM",
  "Falkland Is.": "FLK",
  "Fr. S. Antarctic Lands": "ATF",
  "Timor-Leste": "TLS",
  "Côte d'Ivoire": "CIV",
  "Central African Rep.": "CAF",
  Congo: "COG",
  "Eq. Guinea": "GNQ",
  eSwatini: "SWZ",
  Turkey: "TUR",
  "Solomon Is.": "SLB",
  "Bosnia and Herz.": "BIH",
  Macedonia: "MKD",
  "S. Sudan": "SSD",
  "N. Cyprus": "CYP",
  Somaliland: "SOM",
};

let byName: Map<string, string> | null = null;

/** ISO-3 code of a world-atlas country name, or null. */
export function iso3OfAtlasName(name: string): string | null {
  if (!byName) {
    byName = new Map(Object.entries(ATLAS));
    const codes = to3 as Record<string, string>;
    for (const [iso2, name] of Object.entries(names as Record<string, string>))
      if (codes[iso2] && !byName.has(name)) byName.set(name, codes[iso2]);
  }
  return byName.get(name) ?? null;
}

/** English name of an ISO-3 country code, or the code itself. */
export function countryName(iso3: string): string {
  const iso2 = (to2 as Record<string, string>)[iso3];
  return (iso2 && (names as Record<string, string>)[iso2]) || iso3;
}
