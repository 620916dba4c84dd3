// Worker thread entry: the ingest's pipeline thread (see pipeline-thread.ts).
import { parentPort } from "node:worker_threads";
import { errorMessage } from "../model/errors.ts";
import { languageOf } from "../normalize/normalize-article.ts";
import { linkerService } from "./link-thread.ts";
import type { ThreadReply, ThreadRequest } from "./pipeline-thread.ts";
import { prepareJob } from "./prepare-thread.ts";

const linker = linkerService();
// Requests are answered in the order they were posted, except the start of a link pass: the main thread
// waits on it, so it goes before requests waiting their turn, and between the steps of a batch's languages.
// A pass itself waits its turn: the main thread posts it just before it needs what it posted ahead.
const queue: ThreadRequest[] = [];
const urgent: ThreadRequest[] = [];
let draining = false;
let closing = false;

parentPort?.on("message", (r: ThreadRequest) => {
  if (r.op === "exit") {
    // Asked to stop: the request under way ends, the rest is dropped (their callers were answered with a
    // failure), and the thread exits once its port is closed.
    closing = true;
    queue.length = 0;
    urgent.length = 0;
    if (!draining) parentPort?.close();
    return;
  }
  (r.op === "link-begin" || r.op === "link-open" ? urgent : queue).push(r);
  if (!draining) void drain();
});

const turn = () => new Promise((resolve) => setImmediate(resolve));

async function drain(): Promise<void> {
  draining = true;
  for (let r = urgent.shift() ?? queue.shift(); r && !closing; r = urgent.shift() ?? queue.shift()) {
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
  // In steps: the start of a link pass posted meanwhile is answered between them.
  const out: (string | null)[] = [];
  for (let i = 0; i < r.items.length; i += LANGUAGE_STEP) {
    if (i > 0) {
      await turn();
      for (let u = urgent.shift(); u; u = urgent.shift()) await answer(u);
    }
    for (const raw of r.items.slice(i, i + LANGUAGE_STEP)) out.push(languageOf(raw));
  }
  return out;
}

const LANGUAGE_STEP = 100;
