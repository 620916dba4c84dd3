import { describe, expect, it } from "vitest";
import { errorCode, SitrepError } from "./errors.ts";

describe("errors", () => {
  it("keeps a stable code", () => {
    expect(errorCode(new SitrepError("parse-failed", "x"))).toBe("parse-failed");
    expect(errorCode(new Error("x"))).toBe("internal");
  });
});
