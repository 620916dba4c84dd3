// Worker thread entry: the ingest's pipeline thread (see pipeline-thread.ts).
import { parentPort } from "node:worker_threads";
import { errorMessage } from "../model/errors.ts";
import { linkerService } from "./link-thread.ts";
import type { ThreadReply, ThreadRequest } from "./pipeline-thread.ts";
import { prepareJob } from "./prepare-thread.ts";

const linker = linkerService();
// Link calls go before batches waiting to be prepared: the main thread is blocked on a link call
// (the start of a pass), while it needs a prepared batch only after it has posted the pass. Each kind is
// answered in the order it was posted.
const links: ThreadRequest[] = [];
const batches: ThreadRequest[] = [];
let draining = false;

parentPort?.on("message", (r: ThreadRequest) => {
  (r.op === "prepare" ? batches : links).push(r);
  if (!draining) void drain();
});

async function drain(): Promise<void> {
  draining = true;
  for (let r = links.shift() ?? batches.shift(); r; r = links.shift() ?? batches.shift()) {
    let reply: ThreadReply;
    try {
      reply = { id: r.id, ok: true, value: await (r.op === "prepare" ? prepareJob(r.job) : linker(r)) };
    } catch (err) {
      reply = { id: r.id, ok: false, error: errorMessage(err) };
    }
    parentPort?.postMessage(reply);
    // Lets calls posted meanwhile in, so a link call does not wait behind the next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
  draining = false;
}
