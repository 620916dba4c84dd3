import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describeConfig, loadConfig } from "./load.ts";
import { envName } from "./schema.ts";

describe("config", () => {
  it("derives env names from keys", () => {
    expect(envName("fetch.maxBytes")).toBe("SITREP_FETCH_MAX_BYTES");
    expect(envName("database.url")).toBe("SITREP_DATABASE_URL");
  });

  it("layers defaults, file and env, and masks secrets", () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-cfg-"));
    const file = join(dir, "c.json");
    writeFileSync(file, JSON.stringify({ fetch: { maxBytes: 1234 }, "api.port": 9000 }));
    const { config, origins } = loadConfig({
      file,
      env: { SITREP_API_PORT: "9100", SITREP_FETCH_ALLOW: "127.0.0.1, ::1", SITREP_API_TOKEN: "s3cret" },
    });
    expect(config["fetch.maxBytes"]).toBe(1234);
    expect(origins["fetch.maxBytes"]).toBe("file");
    expect(config["api.port"]).toBe(9100);
    expect(config["fetch.allow"]).toEqual(["127.0.0.1", "::1"]);
    const token = describeConfig(config).find((r) => r.key === "api.token");
    expect(token?.value).toBe("********");
    expect(JSON.stringify(describeConfig(config))).not.toContain("s3cret");
  });

  it("names the key and the reason for a bad value", () => {
    expect(() => loadConfig({ file: null, env: { SITREP_API_PORT: "abc" } })).toThrow(
      /api\.port.*SITREP_API_PORT/,
    );
    expect(() => loadConfig({ file: null, env: { SITREP_SYNTH_ENGINE: "magic" } })).toThrow(/synth\.engine/);
  });
});

describe("clustering parameters", () => {
  it("are config keys with the clusterer's defaults, settable from env", () => {
    const { config } = loadConfig({ file: null, env: { SITREP_CLUSTER_THRESHOLD: "0.4" } });
    expect(config["cluster.threshold"]).toBe(0.4);
    expect(typeof config["cluster.bodyThreshold"]).toBe("number");
    expect(() => loadConfig({ file: null, env: { SITREP_CLUSTER_THRESHOLD: "2" } })).toThrow(
      /cluster\.threshold/,
    );
  });

  it("refuses unknown keys instead of ignoring them", () => {
    expect(() => loadConfig({ file: null, env: {}, overrides: { "cluster.params": {} } as never })).toThrow(
      /unknown keys: cluster\.params/,
    );
  });
});
