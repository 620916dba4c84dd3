// Worker thread entry: the ingest's pipeline thread (see pipeline-thread.ts). Requests are answered one at a time, in order.
import { parentPort } from "node:worker_threads";
import { errorMessage } from "../model/errors.ts";
import { linkerService } from "./link-thread.ts";
import type { ThreadReply, ThreadRequest } from "./pipeline-thread.ts";
import { prepareJob } from "./prepare-thread.ts";

const linker = linkerService();
let queue: Promise<void> = Promise.resolve();

parentPort?.on("message", (r: ThreadRequest) => {
  queue = queue.then(async () => {
    let reply: ThreadReply;
    try {
      reply = { id: r.id, ok: true, value: await (r.op === "prepare" ? prepareJob(r.job) : linker(r)) };
    } catch (err) {
      reply = { id: r.id, ok: false, error: errorMessage(err) };
    }
    parentPort?.postMessage(reply);
  });
});
