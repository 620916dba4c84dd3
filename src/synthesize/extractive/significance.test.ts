import { describe, expect, it } from "vitest";
import { findActors } from "../../actors/find-actors.ts";
import { composeSignificance } from "./significance.ts";

describe("composeSignificance", () => {
  it("names a breakaway authority's leader by the authority, not the parent state", () => {
    const actors = findActors([
      "Outgoing South Ossetian President Anatoly Bibilov announces that a referendum on joining Russia will be held.",
    ]).map((m) => m.actor);
    const bibilov = actors.find((a) => a.id === "person:anatoly-bibilov");
    expect(bibilov).toBeDefined();
    const line = composeSignificance({
      type: "THREATEN",
      actors,
      roles: { sources: [bibilov!.id], targets: [] },
      direction: "unknown",
      theatres: [],
    });
    expect(line).toContain("by South Ossetian de facto authorities");
    expect(line).not.toContain("Georgia");
  });
});
