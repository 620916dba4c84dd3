// Writes docs/records.md: five demo-corpus events as `sitrep show --format md` renders them, beside the seeds.
// Run: npx node scripts/records-doc.ts   (builds a fresh store from demo/articles.ndjson through the real pipeline)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadEventView } from "../src/cli/event-view.ts";
import { renderEvent } from "../src/cli/render-event.ts";
import { ingestForEval } from "../src/eval/eval-store.ts";
import { installLinking } from "../src/pipeline/link-events.ts";
import { installSynthesis } from "../src/pipeline/synthesize-events.ts";

const picks = [
  {
    why: "The seeds' first record: backchannel talks via a Pakistani mediator",
    q: "Pakistani representative Tehran Baghaei",
  },
  {
    why: "The seeds' second record: intelligence on progress toward an agreement",
    q: "intelligence backchannel agreement signed meeting",
  },
  { why: "The Lebanon truce tied to the US–Iran negotiations", q: "10-day ceasefire Lebanon Israel" },
  { why: "A denial: no formal agreement, talks continue", q: "no formal agreement" },
  { why: "Another theatre: a strike in the Russo-Ukrainian war", q: "Odesa port ballistic missiles" },
];

const run = await ingestForEval("demo/articles.ndjson", {
  setup: (ctx) => {
    installSynthesis(ctx);
    installLinking(ctx);
  },
});
const out: string[] = [
  "# Records",
  "",
  "Five events of the bundled demo corpus as `npx sitrep show <id> --format md` prints them, each next to",
  "what the seeds show. Every summary and response sentence ends with the numbers of the sources it comes",
  "from; the quote under each response is the source sentence itself. A related event's explanation is",
  "stored (and served by the API) naming the other event by id, title and date; under a heading that already",
  'names it, the record shortens that to its id, or to "this event" on the page of the event it points to.',
  "Regenerate with",
  "`npx node scripts/records-doc.ts` (fresh store, real pipeline, extractive engine).",
  "",
  "## The seeds",
  "",
];
for (const f of readdirSync("../shared/seeds").sort()) {
  out.push(
    `<details><summary>${f}</summary>\n\n\`\`\`\n${readFileSync(`../shared/seeds/${f}`, "utf8").trim()}\n\`\`\`\n</details>\n`,
  );
}
out.push(
  'What we do differently: related events are named by stable id, title and date instead of "Event 7";',
  "each link carries a relation type and its evidence; every sentence points at its sources; theatre, type,",
  "intensity and direction are explicit; the changelog shows how the record grew.",
  "",
);
for (const p of picks) {
  const [id] = await run.ctx.store.events.searchIds(p.q, 1);
  if (id === undefined) continue;
  const view = await loadEventView(run.ctx.store, id);
  if (!view) continue;
  out.push(`## ${p.why}`, "", `<a id="event-${view.event.id}"></a>`, "", renderEvent(view, true), "");
}
writeFileSync("docs/records.md", `${out.join("\n")}\n`);
await run.dispose();
console.log("wrote docs/records.md");
