import { existsSync, readFileSync } from "node:fs";
import { SitrepError } from "../model/errors.ts";
import { ALL_KEYS, type Config, type ConfigKey, envName } from "./schema.ts";

/** Where each value came from, for `sitrep config`. */
export type ConfigOrigin = "default" | "file" | "env" | "override";

/** Inputs to config resolution; `env` defaults to process.env (the only place it is read). */
export interface LoadOptions {
  file?: string | null;
  env?: Record<string, string | undefined>;
  overrides?: Partial<Record<ConfigKey, unknown>>;
}

/** Resolves every key from defaults, an optional JSON config file, env and overrides, in that order. */
export function loadConfig(options: LoadOptions = {}): {
  config: Config;
  origins: Record<ConfigKey, ConfigOrigin>;
} {
  const env = options.env ?? process.env;
  const filePath =
    options.file ?? env.SITREP_CONFIG ?? (existsSync("sitrep.config.json") ? "sitrep.config.json" : null);
  const fromFile = filePath ? readConfigFile(filePath) : {};
  const values: Record<string, unknown> = {};
  const origins = {} as Record<ConfigKey, ConfigOrigin>;
  const problems: string[] = [];
  for (const key of Object.keys(ALL_KEYS) as ConfigKey[]) {
    let raw: unknown;
    let origin: ConfigOrigin = "default";
    if (key in fromFile) [raw, origin] = [fromFile[key], "file"];
    const e = env[envName(key)];
    if (e !== undefined && e !== "") [raw, origin] = [parseEnvValue(e), "env"];
    if (options.overrides && key in options.overrides) [raw, origin] = [options.overrides[key], "override"];
    const parsed = ALL_KEYS[key].schema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`${key} (${envName(key)}): ${parsed.error.issues.map((i) => i.message).join("; ")}`);
      continue;
    }
    values[key] = parsed.data;
    origins[key] = origin;
  }
  const unknown = [...Object.keys(fromFile), ...Object.keys(options.overrides ?? {})].filter(
    (k) => !(k in ALL_KEYS),
  );
  if (unknown.length) problems.push(`unknown keys: ${unknown.join(", ")} (see \`sitrep config\`)`);
  if (problems.length)
    throw new SitrepError("invalid-input", `invalid configuration: ${problems.join(" | ")}`);
  return { config: Object.freeze(values) as Config, origins };
}

/** Default configuration with some keys replaced; for tests and library use. */
export function testConfig(overrides: Partial<Record<ConfigKey, unknown>> = {}): Config {
  return loadConfig({ env: {}, file: null, overrides }).config;
}

/** Flat key/value view with secrets masked. */
export function describeConfig(config: Config): { key: string; env: string; value: unknown; doc: string }[] {
  return (Object.keys(ALL_KEYS) as ConfigKey[]).map((key) => {
    const def = ALL_KEYS[key] as { secret?: boolean; doc: string };
    const value = config[key];
    const masked = def.secret && value !== "" ? "********" : value;
    return { key, env: envName(key), value: masked, doc: def.doc };
  });
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new SitrepError("invalid-input", `config file ${path}: cannot read`, { cause: err });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    return flatten(parsed as Record<string, unknown>);
  } catch (err) {
    throw new SitrepError(
      "invalid-input",
      `config file ${path}: not a JSON object (${(err as Error).message})`,
    );
  }
}

/** Accepts both {"fetch": {"maxBytes": 1}} and {"fetch.maxBytes": 1}. */
function flatten(obj: Record<string, unknown>, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (key in ALL_KEYS || !v || typeof v !== "object" || Array.isArray(v)) out[key] = v;
    else Object.assign(out, flatten(v as Record<string, unknown>, key));
  }
  return out;
}

function parseEnvValue(v: string): unknown {
  const t = v.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return JSON.parse(t);
    } catch {
      return v;
    }
  }
  return v;
}
