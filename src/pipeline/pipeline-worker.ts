// Worker thread entry: the ingest's pipeline thread (see pipeline-thread.ts).
import { parentPort } from "node:worker_threads";
import { errorMessage } from "../model/errors.ts";
import { languageOf } from "../normalize/normalize-article.ts";
import { linkerService } from "./link-thread.ts";
import type { ThreadReply, ThreadRequest } from "./pipeline-thread.ts";
import { prepareJob } from "./prepare-thread.ts";

const linker = linkerService();
// Requests are answered in the order they were posted, except the start of a link pass: the main thread
// waits on it, so it goes before requests waiting their turn. A pass itself waits its turn: the main thread
// posts it just before it needs what it posted ahead.
const queue: ThreadRequest[] = [];
const urgent: ThreadRequest[] = [];
let draining = false;

parentPort?.on("message", (r: ThreadRequest) => {
  (r.op === "link-begin" || r.op === "link-open" ? urgent : queue).push(r);
  if (!draining) void drain();
});

const turn = () => new Promise((resolve) => setImmediate(resolve));

async function drain(): Promise<void> {
  draining = true;
  for (let r = urgent.shift() ?? queue.shift(); r; r = urgent.shift() ?? queue.shift()) {
    await answer(r);
    await turn();
  }
  draining = false;
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

function work(r: ThreadRequest): unknown {
  if (r.op === "prepare") return prepareJob(r.job);
  if (r.op === "languages") return r.items.map(languageOf);
  return linker(r);
}
