// Worker thread entry: the ingest's pipeline thread (see pipeline-thread.ts).
import { parentPort } from "node:worker_threads";
import { errorMessage } from "../model/errors.ts";
import { languageOf } from "../normalize/normalize-article.ts";
import { linkerService } from "./link-thread.ts";
import type { ThreadReply, ThreadRequest } from "./pipeline-thread.ts";
import { prepareJob } from "./prepare-thread.ts";

const linker = linkerService();
// Requests are answered in the order they were posted: the main thread posts each a batch or two before it
// needs the answer (a batch's languages, a link pass's outcome).
const queue: ThreadRequest[] = [];
let draining = false;
let closing = false;

parentPort?.on("message", (r: ThreadRequest) => {
  if (r.op === "exit") {
    // Asked to stop: the request under way ends, the rest is dropped (their callers were answered with a
    // failure), and the thread exits once its port is closed.
    closing = true;
    queue.length = 0;
    if (!draining) parentPort?.close();
    return;
  }
  queue.push(r);
  if (!draining) void drain();
});

const turn = () => new Promise((resolve) => setImmediate(resolve));

async function drain(): Promise<void> {
  draining = true;
  for (let r = queue.shift(); r && !closing; r = queue.shift()) {
    await answer(r);
    await turn();
  }
  draining = false;
  if (closing) parentPort?.close();
}

async function answer(r: ThreadRequest): Promise<void> {
  let reply: ThreadReply;
  try {
    reply = { id: r.id, ok: true, value: await work(r) };
  } catch (err) {
    reply = { id: r.id, ok: false, error: errorMessage(err) };
  }
  parentPort?.postMessage(reply);
}

async function work(r: ThreadRequest): Promise<unknown> {
  if (r.op === "exit") return null;
  if (r.op === "prepare") return prepareJob(r.job);
  if (r.op !== "languages") return linker(r);
  return r.items.map(languageOf);
}
