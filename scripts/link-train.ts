// Fits the learned link score (src/link/link-model.ts) on labelled CEP stories.
//
//   npx node scripts/link-train.ts dump INPUT OUT.ndjson [--from DATE] [--to DATE]
//       runs the real pipeline over INPUT with linking in-process and writes every candidate pair the linker
//       scored: its model inputs and whether the two events (as finally clustered) share a story label.
//   npx node scripts/link-train.ts fit MODEL.json "what it was fitted on" PAIRS.ndjson … [--threshold P] [--label]
//       fits an L2-regularized logistic regression (Newton's method) on every pair: target, both events hold an
//       entry of one story (`story`; with --label, share any label). Links are kept at probability ≥ P (0.5).
//       Then fits the gate: a logistic on the cheap measures that passes 99% of the pairs the model keeps.
//   npx node scripts/link-train.ts eval MODEL.json INPUT [--from DATE] [--to DATE]
//       `sitrep eval links` with that model in place of the shipped one.
import { createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { ingestForEval } from "../src/eval/eval-store.ts";
import { evalLinks } from "../src/eval/links.ts";
import { fitLogistic, type Logistic, predict } from "../src/link/fit-logistic.ts";
import { setLinkModel, type TappedPair, tapCandidates } from "../src/link/link-event.ts";
import { FEATURE_NAMES, GATE_FEATURES, type LinkModel } from "../src/link/link-model.ts";
import { installLinking } from "../src/pipeline/link-events.ts";
import { installSynthesis } from "../src/pipeline/synthesize-events.ts";

const [verb, ...args] = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

if (verb === "dump") await dump(args[0], args[1]);
else if (verb === "fit")
  fitModel(
    args[0],
    args[1],
    args.slice(2).filter((a) => a.endsWith(".ndjson")),
  );
else if (verb === "eval") await evaluate(args[0], args[1]);
else {
  console.error("usage: link-train.ts dump|fit|eval … (see the file's head)");
  process.exit(2);
}

async function dump(input: string, out: string): Promise<void> {
  const pairs = new Map<string, TappedPair>();
  tapCandidates((p) => pairs.set(`${p.from}:${p.to}`, p));
  const run = await ingestForEval(input, {
    from: flag("--from"),
    to: flag("--to"),
    overrides: { "ingest.linkThread": false },
    setup: (ctx) => {
      installSynthesis(ctx);
      installLinking(ctx);
    },
  });
  tapCandidates(null);
  const labels = new Map<number, Set<string>>();
  const stories = new Map<number, Set<string>>();
  const add = (m: Map<number, Set<string>>, id: number, l: string) =>
    m.set(id, (m.get(id) ?? new Set<string>()).add(l.toLowerCase()));
  const eventIds = new Set<number>();
  for (const r of await run.ctx.store.articles.assignments()) {
    if (r.eventId !== null) eventIds.add(r.eventId);
    if (r.eventId === null || !r.gold) continue;
    for (const l of [...r.gold.storyPath, ...r.gold.labels]) add(labels, r.eventId, l);
    if (r.gold.story) add(stories, r.eventId, r.gold.story);
  }
  const eventsOut = flag("--events");
  if (eventsOut) {
    const byEvent = await run.ctx.store.articles.articlesOfEvents([...eventIds]);
    const rows = [...byEvent].map(([id, list]) =>
      JSON.stringify({
        id,
        titles: list.map((a) => `${a.publishedAt?.slice(0, 10)} ${a.title}`),
        stories: [...(stories.get(id) ?? [])],
      }),
    );
    writeFileSync(eventsOut, rows.join("\n"));
  }
  await run.dispose();
  const w = createWriteStream(out);
  let n = 0;
  let pos = 0;
  for (const p of pairs.values()) {
    const a = labels.get(p.from);
    const b = labels.get(p.to);
    if (!a?.size || !b?.size) continue; // merged away since, or unlabelled
    const y = [...a].some((l) => b.has(l)) ? 1 : 0;
    const leaf = [...(stories.get(p.from) ?? [])].some((l) => stories.get(p.to)?.has(l)) ? 1 : 0;
    w.write(`${JSON.stringify({ from: p.from, to: p.to, x: p.x, y, leaf, kept: p.kept })}\n`);
    n++;
    pos += y;
  }
  await new Promise((r) => w.end(r));
  console.log(JSON.stringify({ pairs: n, positive: pos, out }));
}

function fitModel(out: string, trainedOn: string, files: string[]): void {
  const X: number[][] = [];
  const Y: number[] = [];
  for (const f of files)
    for (const line of readFileSync(f, "utf8").split("\n")) {
      if (!line) continue;
      const r = JSON.parse(line) as { x: number[]; y: number; leaf: number };
      X.push(r.x);
      Y.push(args.includes("--label") ? r.y : r.leaf);
    }
  const threshold = Number(flag("--threshold") ?? 0.5);
  const full = fitLogistic(X, Y);
  const p = X.map((x) => predict(full, x));
  // The gate learns which candidates the full model keeps, and passes 99% of them.
  const columns = GATE_FEATURES.map((f) => FEATURE_NAMES.indexOf(f));
  const G = X.map((x) => columns.map((j) => x[j]));
  const keep: number[] = p.map((v) => (v >= threshold ? 1 : 0));
  const gate = fitLogistic(G, keep);
  const g = G.map((x) => predict(gate, x));
  const kept = g.filter((_, i) => keep[i]).sort((a, b) => a - b);
  const gateThreshold = kept[Math.floor(kept.length * 0.01)] ?? 0;
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  const rounded = (m: Logistic) => ({
    mean: m.mean.map(round),
    scale: m.scale.map(round),
    weights: m.weights.map(round),
    bias: round(m.bias),
  });
  const model: LinkModel = {
    trainedOn,
    features: [...FEATURE_NAMES],
    ...rounded(full),
    threshold,
    gate: { features: [...GATE_FEATURES], ...rounded(gate), threshold: round(gateThreshold) },
  };
  writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  let ll = 0;
  for (let i = 0; i < p.length; i++) ll += Y[i] ? Math.log(p[i]) : Math.log(1 - p[i]);
  const passed = g.filter((v) => v >= gateThreshold).length;
  console.log(
    JSON.stringify({
      pairs: X.length,
      positive: Y.reduce((a, b) => a + b, 0),
      logLoss: round(-ll / X.length),
      kept: keep.reduce((a, b) => a + b, 0),
      gatePasses: round(passed / X.length),
      out,
    }),
  );
  for (let j = 0; j < FEATURE_NAMES.length; j++)
    console.log(`${FEATURE_NAMES[j].padEnd(22)} ${model.weights[j]}`);
}

async function evaluate(modelFile: string, input: string): Promise<void> {
  const model = modelFile === "none" ? null : (JSON.parse(readFileSync(modelFile, "utf8")) as LinkModel);
  if (model && flag("--threshold")) model.threshold = Number(flag("--threshold"));
  setLinkModel(model);
  const result = await evalLinks(input, {
    from: flag("--from"),
    to: flag("--to"),
    overrides: { "ingest.linkThread": false },
    onStorylines: (m) => console.error(`storylines ${JSON.stringify(m)}`),
  });
  console.log(JSON.stringify(result));
}
