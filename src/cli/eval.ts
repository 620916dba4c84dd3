import { existsSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { evalCluster } from "../eval/cluster.ts";
import { evalAllMarkdown } from "../eval/eval-all.ts";
import { SitrepError } from "../model/errors.ts";

/** `sitrep eval cluster|links|actors|all`: quality on labeled data; the last stdout line is one JSON object. */
export function registerEval(program: Command): void {
  const ev = program.command("eval").description("measure quality on labeled data (../shared/data)");
  ev.command("cluster")
    .description("event clustering, B-cubed against the gold label")
    .requiredOption("--input <file>", "NDJSON with gold `label`")
    .action(async (o: { input: string }) => {
      requireFile(o.input);
      console.log(JSON.stringify(await evalCluster(o.input)));
    });
  ev.command("links")
    .description("event links on the CEP format: label precision, leaf precision, story recall")
    .requiredOption("--input <file>", "CEP NDJSON")
    .option("--from <date>", "first day (YYYY-MM-DD)")
    .option("--to <date>", "last day (YYYY-MM-DD)")
    .action(async (o: { input: string; from?: string; to?: string }) => {
      requireFile(o.input);
      const { evalLinks } = await import("../eval/links.ts");
      const onAudit = (a: unknown) => console.error(`gold audit (docs/evaluation.md): ${JSON.stringify(a)}`);
      const onStorylines = (m: unknown) =>
        console.error(`storylines against the gold stories: ${JSON.stringify(m)}`);
      console.log(
        JSON.stringify(await evalLinks(o.input, { from: o.from, to: o.to, onAudit, onStorylines })),
      );
    });
  ev.command("actors")
    .description("actor extraction and event type on the PLOVER format")
    .requiredOption("--input <file>", "PLOVER NDJSON")
    .action(async (o: { input: string }) => {
      requireFile(o.input);
      const { evalActors } = await import("../eval/actors.ts");
      console.log(JSON.stringify(await evalActors(o.input)));
    });
  ev.command("all")
    .description(
      "run every evaluation on every labeled set in ../shared/data and write docs/evaluation.md's table",
    )
    .option("--data <dir>", "shared data folder", "../shared/data")
    .option("--write <file>", "markdown file to update", "docs/evaluation.md")
    .action(async (o: { data: string; write: string }) => {
      const table = await evalAllMarkdown(o.data, (line) => console.error(line));
      const marker = /<!-- eval:begin -->[\s\S]*<!-- eval:end -->/;
      const block = `<!-- eval:begin -->\n${table}\n<!-- eval:end -->`;
      const current = existsSync(o.write)
        ? (await import("node:fs")).readFileSync(o.write, "utf8")
        : "# Evaluation\n\n";
      writeFileSync(
        o.write,
        marker.test(current) ? current.replace(marker, block) : `${current}\n${block}\n`,
      );
      console.log(table);
    });
}

function requireFile(path: string): void {
  if (!existsSync(path)) throw new SitrepError("invalid-input", `--input ${path}: no such file`);
}
