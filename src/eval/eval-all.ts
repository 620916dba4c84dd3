import { existsSync } from "node:fs";
import { join } from "node:path";
import { evalCluster } from "./cluster.ts";

/** Runs every evaluation whose data exists under `dataDir` and returns a markdown table of the results. */
export async function evalAllMarkdown(dataDir: string, progress: (line: string) => void): Promise<string> {
  const rows: string[] = ["| task | input | result | command |", "|---|---|---|---|"];
  const at = (p: string) => join(dataDir, p);
  for (const set of ["uci-stories/dev.ndjson", "ecbplus/dev.ndjson"]) {
    if (!existsSync(at(set))) continue;
    progress(`eval cluster ${set}`);
    const r = await evalCluster(at(set));
    rows.push(
      `| cluster | ${set} | B³ P ${r.bcubed.precision} R ${r.bcubed.recall} **F1 ${r.bcubed.f1}**; ${r.articles} articles → ${r.events} events; ${r.articles_per_second} articles/s | \`npx sitrep eval cluster --input ../shared/data/${set}\` |`,
    );
  }
  if (existsSync(at("plover-gsr/dev.ndjson"))) {
    progress("eval actors plover-gsr/dev.ndjson");
    const { evalActors } = await import("./actors.ts");
    const r = await evalActors(at("plover-gsr/dev.ndjson"));
    rows.push(
      `| actors | plover-gsr/dev.ndjson | actor P ${r.actor_precision} R ${r.actor_recall} **F1 ${r.actor_f1}**; **event accuracy ${r.event_accuracy}** over ${r.sentences} sentences | \`npx sitrep eval actors --input ../shared/data/plover-gsr/dev.ndjson\` |`,
    );
  }
  const cep = "cep/dev-2019-2022.ndjson";
  if (existsSync(at(cep)) && existsSync(new URL("./links.ts", import.meta.url))) {
    const { evalLinks } = await import("./links.ts");
    for (const [label, range] of [
      ["2019–2022", {}],
      ["2022", { from: "2022-01-01", to: "2022-12-31" }],
    ] as const) {
      progress(`eval links ${cep} ${label}`);
      let audit: import("./link-metrics.ts").GoldAudit | undefined;
      let lines: import("./link-metrics.ts").StorylineMetrics | undefined;
      const r = await evalLinks(at(cep), {
        ...range,
        onAudit: (a) => (audit = a),
        onStorylines: (m) => (lines = m),
      });
      const flags = "from" in range ? ` --from ${range.from} --to ${range.to}` : "";
      rows.push(
        `| links | ${cep} (${label}) | **label precision ${r.label_precision}**, leaf precision ${r.leaf_precision}, **story recall ${r.story_recall}**; ${r.entries} entries, ${r.events} events, ${r.links} links, ${r.seconds} s | \`npx sitrep eval links --input ../shared/data/${cep}${flags}\` |`,
      );
      if (audit)
        rows.push(
          `| links, gold audit | ${cep} (${label}) | entries naming their story ${audit.corroborated_entries}; recall over ${audit.corroborated_targets} corroborated targets **${audit.corroborated_recall}**, over ${audit.other_targets} others ${audit.other_recall}; label precision over ${audit.corroborated_links} corroborated links **${audit.corroborated_precision}**; ${audit.near_identical_pairs} near-identical entry pairs share a label **${audit.near_identical_agreement}** of the time; with the ${audit.joined_labels} labels that join two or more headings split, label precision **${audit.split_precision}**; the ${audit.same_theatre_links} links between two events of one theatre share a label **${audit.same_theatre_precision}** of the time | same command (stderr) |`,
        );
      if (lines)
        rows.push(
          `| storylines | ${cep} (${label}) | ${lines.storylines} storylines holding ${lines.events_in_storylines} labelled events (largest ${lines.largest}); against the gold stories, B³ **purity ${lines.purity}**, recall ${lines.recall} | same command (stderr) |`,
        );
    }
  }
  return rows.join("\n");
}
