import type { Command } from "commander";
import { z } from "zod";
import { SitrepError } from "../model/errors.ts";
import { type GlobalOptions, openApp } from "./app.ts";

const optsSchema = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(20),
  source: z.string().optional(),
  event: z.coerce.number().int().optional(),
  q: z.string().optional(),
  json: z.boolean().optional(),
});

/** `sitrep articles`: lists stored articles, newest first, with filters. */
export function registerArticles(program: Command): void {
  program
    .command("articles")
    .description("list stored articles, newest first")
    .option("-n, --limit <n>", "how many", "20")
    .option("--source <id>", "only from this source id")
    .option("--event <id>", "only members of this event")
    .option("-q, --q <text>", "full-text search")
    .option("--json", "print NDJSON")
    .action(async (raw: unknown, cmd: Command) => {
      const parsed = optsSchema.safeParse(raw);
      if (!parsed.success)
        throw new SitrepError("invalid-input", `articles: ${parsed.error.issues[0].message}`);
      const o = parsed.data;
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      try {
        const total = await app.store.articles.countArticles();
        const list = await app.store.articles.listArticles({
          limit: o.limit,
          sourceId: o.source,
          eventId: o.event,
          q: o.q,
        });
        if (o.json) {
          for (const a of list) console.log(JSON.stringify({ ...a, sentences: undefined }));
          return;
        }
        console.log(`${total} articles stored; showing ${list.length}`);
        for (const a of list) {
          const flags = [a.syndicatedOf ? "syndicated" : "", a.dateEstimated ? "date estimated" : ""]
            .filter(Boolean)
            .join(", ");
          console.log(
            `${a.publishedAt.slice(0, 16).replace("T", " ")}  event #${a.eventId ?? "-"}  ${a.outlet ?? "?"} — ${a.title}${flags ? `  [${flags}]` : ""}`,
          );
        }
      } finally {
        await app.close();
      }
    });
}
