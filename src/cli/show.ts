import type { Command } from "commander";
import { z } from "zod";
import { SitrepError } from "../model/errors.ts";
import { type GlobalOptions, openApp } from "./app.ts";
import { loadEventView } from "./event-view.ts";
import { renderEvent } from "./render-event.ts";

const args = z.object({ id: z.coerce.number().int().positive(), format: z.enum(["text", "md", "json"]) });

/** `sitrep show <event-id>`: one event record in the seeds' layout, as text, Markdown or JSON. */
export function registerShow(program: Command): void {
  program
    .command("show")
    .description("show one event record: title, summary, content, sources, actor responses, related events")
    .argument("<event-id>")
    .option("--format <format>", "text, md or json", "text")
    .action(async (id: string, opts: { format: string }, cmd: Command) => {
      const parsed = args.safeParse({ id, format: opts.format });
      if (!parsed.success)
        throw new SitrepError(
          "invalid-input",
          `show: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
        );
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      try {
        const view = await loadEventView(app.store, parsed.data.id);
        if (!view) throw new SitrepError("not-found", `no event #${parsed.data.id}`);
        if (parsed.data.format === "json")
          console.log(JSON.stringify({ ...view, actorInfo: Object.fromEntries(view.actorInfo) }, null, 2));
        else console.log(renderEvent(view, parsed.data.format === "md"));
      } finally {
        await app.close();
      }
    });
}
