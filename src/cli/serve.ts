import type { Command } from "commander";
import { createApi } from "../api/app.ts";
import { startServer } from "../api/server.ts";
import { SitrepError } from "../model/errors.ts";
import { type GlobalOptions, openApp } from "./app.ts";

/** `sitrep serve [--host] [--port]`: the HTTP API and the web app, until interrupted. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the HTTP API and the web app (binds 127.0.0.1:8080 by default)")
    .option("--host <host>", "address to bind (default api.host)")
    .option("--port <port>", "port (default api.port; 0 = any free port)")
    .action(async (opts: { host?: string; port?: string }, cmd: Command) => {
      if (opts.port !== undefined && !/^\d{1,5}$/.test(opts.port))
        throw new SitrepError("invalid-input", `--port ${opts.port}: not a port number`);
      const app = await openApp(cmd.optsWithGlobals<GlobalOptions>());
      const host = opts.host ?? app.config["api.host"];
      const port = opts.port !== undefined ? Number(opts.port) : app.config["api.port"];
      const server = await startServer(createApi(app.ctx), { host, port });
      app.log.info({ url: server.url, token_configured: app.config["api.token"] !== "" }, "serving");
      console.log(`sitrep: serving on ${server.url}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await server.close();
      await app.close();
    });
}
