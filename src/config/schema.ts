import { z } from "zod";
import { type ClusterParams, clusterParamsSchema } from "../cluster/cluster-params.ts";

/** Declaration of one configuration key: validator with default, whether it is secret, what it does. */
export interface KeyDef {
  schema: z.ZodType;
  secret?: boolean;
  doc: string;
}

const num = (def: number, min = 0) => z.coerce.number().min(min).default(def);
const bool = (def: boolean) =>
  z
    .union([z.boolean(), z.enum(["true", "false", "1", "0", "yes", "no"])])
    .transform((v) => v === true || v === "true" || v === "1" || v === "yes")
    .default(def);
const list = (def: string[]) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) =>
      Array.isArray(v)
        ? v
        : v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
    )
    .default(def);

/**
 * Every configuration key of Sitrep. The env name is derived from the key:
 * `fetch.maxBytes` → `SITREP_FETCH_MAX_BYTES`.
 */
export const CONFIG_KEYS = {
  "database.url": {
    schema: z.string().min(1).default("./sitrep.db"),
    doc: "SQLite file path (embedded default) or postgres:// URL (scale-out).",
    secret: false,
  },
  "fetch.allow": {
    schema: list([]),
    doc: "IPs or CIDRs that may be fetched although private/loopback (e.g. 127.0.0.1 in tests).",
  },
  "fetch.maxBytes": { schema: num(10_000_000, 1), doc: "Largest response body read, in bytes." },
  "fetch.maxDecompressedBytes": {
    schema: num(30_000_000, 1),
    doc: "Largest decompressed body, in bytes (gzip bomb guard).",
  },
  "fetch.timeoutMs": { schema: num(20_000, 1), doc: "Whole-request time limit per fetch, in ms." },
  "fetch.maxRedirects": { schema: num(5), doc: "Redirects followed, each re-checked by the address guard." },
  "fetch.userAgent": {
    schema: z.string().default("SitrepBot/0.1 (+https://sitrep.example/bot)"),
    doc: "User-Agent header and robots.txt agent.",
  },
  "fetch.respectRobots": { schema: bool(true), doc: "Obey robots.txt when fetching pages and feeds." },
  "poll.intervalMinutes": { schema: num(15, 1), doc: "Normal interval between polls of one source." },
  "poll.hostIntervalMs": { schema: num(1_000), doc: "Minimum time between two requests to one host." },
  "poll.maxBackoffMinutes": { schema: num(24 * 60, 1), doc: "Longest back-off after repeated failures." },
  "poll.concurrency": { schema: num(4, 1), doc: "Sources polled at once." },
  "cluster.refineEvery": {
    schema: num(500, 1),
    doc: "Ingest sequence interval at which the clusterer merges fragments and splits drifted events (also at each batch end).",
  },
  "ingest.batchSize": { schema: num(2000, 1), doc: "Articles per transaction during ingest." },
  "ingest.prepareThread": {
    schema: bool(true),
    doc: "Prepare the next batch of an NDJSON ingest on the pipeline thread while the current one is processed (syndication signatures and member-report features; normalization and sentence readings too when linking is not on the thread).",
  },
  "ingest.linkThread": {
    schema: bool(true),
    doc: "Link the events of an NDJSON ingest on the pipeline thread, each batch while the next is clustered and synthesized (not with the LLM link engine).",
  },
  "dedup.nearDuplicateJaccard": {
    schema: num(0.7),
    doc: "MinHash Jaccard at or above which an article is a syndicated copy of an earlier one.",
  },
  "dedup.windowDays": { schema: num(7, 1), doc: "How far back syndicated copies are looked for." },
  "synth.engine": {
    schema: z.enum(["extractive", "llm"]).default("extractive"),
    doc: "Record synthesis engine.",
  },
  "llm.provider": {
    schema: z.enum(["openai", "anthropic"]).default("openai"),
    doc: "LLM protocol: any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp) or Anthropic.",
  },
  "llm.baseUrl": { schema: z.string().default("http://127.0.0.1:11434/v1"), doc: "LLM endpoint base URL." },
  "llm.model": { schema: z.string().default("llama3.1"), doc: "Model name sent to the endpoint." },
  "llm.apiKey": { schema: z.string().default(""), secret: true, doc: "API key for the LLM endpoint." },
  "llm.timeoutMs": { schema: num(60_000, 1), doc: "Time limit per LLM request, in ms." },
  "llm.maxRetries": { schema: num(3), doc: "Retries on 429/5xx/timeouts, with exponential back-off." },
  "llm.budget": {
    schema: num(500),
    doc: "Most LLM requests per run; beyond it records use the extractive engine.",
  },
  "link.windowDays": { schema: num(30, 1), doc: "How far back related events are searched." },
  "link.engine": {
    schema: z.enum(["auto", "template", "llm"]).default("auto"),
    doc: "Who writes link explanations: templates, or the LLM (llm.*) with templates where its text is not grounded; auto follows synth.engine.",
  },
  "alerts.rules": {
    schema: z.array(z.record(z.string(), z.unknown())).default([]),
    doc: "Alert rules (id, name, and any of theatre, actors, types, maxIntensity, escalating, relations, words): an event meeting every condition of a rule raises an alert, once.",
  },
  "alerts.webhook": {
    schema: z.union([z.literal(""), z.url({ protocol: /^https?$/ })]).default(""),
    doc: "URL each new alert is POSTed to as JSON; empty = alerts are only stored (sitrep alerts, /api/alerts, /feeds/alerts).",
  },
  "theatres.extra": {
    schema: z.array(z.record(z.string(), z.unknown())).default([]),
    doc: "Extra theatres (id, name, aliases, actorPairs, places) added to the built-in list.",
  },
  "api.host": { schema: z.string().default("127.0.0.1"), doc: "Address the HTTP server binds to." },
  "api.port": { schema: num(8080), doc: "Port of the HTTP server." },
  "api.token": {
    schema: z.string().default(""),
    secret: true,
    doc: "Bearer token required by routes that write or trigger work; empty = those routes are refused.",
  },
  "log.level": {
    schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    doc: "Log level.",
  },
} satisfies Record<string, KeyDef>;

/** Config keys of the event clusterer: one per parameter (`cluster.threshold`, …), defaults from its schema. */
type ClusterKey = `cluster.${keyof ClusterParams & string}`;
const CLUSTER_KEYS = Object.fromEntries(
  Object.entries(clusterParamsSchema.shape).map(([name, schema]) => [
    `cluster.${name}`,
    {
      schema: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), schema),
      doc: schema.description ?? "",
    },
  ]),
) as unknown as Record<ClusterKey, KeyDef>;

/** Every key: the table above plus the clusterer's parameters. */
export const ALL_KEYS: Record<string, KeyDef> = { ...CONFIG_KEYS, ...CLUSTER_KEYS };

/** A configuration key name. */
export type ConfigKey = keyof typeof CONFIG_KEYS | ClusterKey;

/** The resolved, frozen configuration: one typed value per key. */
export type Config = {
  readonly [K in keyof typeof CONFIG_KEYS]: z.output<(typeof CONFIG_KEYS)[K]["schema"]>;
} & {
  readonly [K in ClusterKey]: number;
};

/** The clusterer's parameters as configured. */
export function clusterParamsOf(config: Config): ClusterParams {
  const out: Record<string, number> = {};
  for (const name of Object.keys(clusterParamsSchema.shape))
    out[name] = config[`cluster.${name}` as ClusterKey];
  return clusterParamsSchema.parse(out);
}

/** Env variable name of a key: `fetch.maxBytes` → `SITREP_FETCH_MAX_BYTES`. */
export function envName(key: string): string {
  return `SITREP_${key
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .replace(/\./g, "_")
    .toUpperCase()}`;
}
