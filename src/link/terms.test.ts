import { describe, expect, it } from "vitest";
import { surfacesOf } from "./terms.ts";

const text =
  "Iran's foreign ministry spokesman Esmail Baghaei said talks with Washington would resume in Islamabad; COVID-19 rules apply. Baghaei's talks";

describe("surfacesOf", () => {
  it("gives each stem its first spelling, reading on where the last call on the same text stopped", () => {
    expect(surfacesOf(["baghaei"], text)).toEqual(["Baghaei"]);
    // The next call on the same text finds words before and after where the first one stopped.
    expect(surfacesOf(["iran", "islamabad", "covid", "talk"], text)).toEqual([
      "Iran",
      "Islamabad",
      "COVID-19",
      "talks",
    ]);
    expect(surfacesOf(["missing", "spokesman"], text)).toEqual(["missing", "spokesman"]);
  });

  it("starts over on another text", () => {
    expect(surfacesOf(["talk"], "TALKS collapse")).toEqual(["TALKS"]);
    expect(surfacesOf(["talk", "baghaei"], text)).toEqual(["talks", "Baghaei"]);
  });
});
