import { errorMessage } from "../model/errors.ts";
import type { Store } from "../store/store.ts";
import type { PipelineContext } from "./context.ts";

/**
 * The events whose records and links are still owed: written in the clustering transaction that changed them,
 * settled when their links are written (or their records, when nothing links). A process killed in between
 * (Ctrl-C, SIGKILL, a crash, or a link pass still on the pipeline thread) leaves them here, and the next run
 * synthesizes and links them before anything else: the articles were stored, so a re-run would not touch
 * them again. Per event, the number of batches still owing it.
 */
const KEY = "derive.pending.v1";

type Journal = Record<string, number>;

async function read(store: Store): Promise<Journal> {
  const raw = await store.state.getState(KEY);
  return raw ? (JSON.parse(raw) as Journal) : {};
}

/** Adds a batch's changed events (inside its clustering transaction). */
export async function owe(tx: Store, ids: Iterable<number>): Promise<void> {
  const j = await read(tx);
  for (const id of new Set(ids)) j[id] = (j[id] ?? 0) + 1;
  await tx.state.setState(KEY, JSON.stringify(j));
}

/** Settles one batch's events (inside the transaction that wrote what they were owed). */
export async function settle(tx: Store, ids: Iterable<number>): Promise<void> {
  const j = await read(tx);
  let changed = false;
  for (const id of new Set(ids)) {
    const n = j[id];
    if (n === undefined) continue;
    if (n > 1) j[id] = n - 1;
    else delete j[id];
    changed = true;
  }
  if (changed) await tx.state.setState(KEY, JSON.stringify(j));
}

/** Events still owed records or links, oldest id first. */
export async function owed(store: Store): Promise<number[]> {
  return Object.keys(await read(store))
    .map(Number)
    .sort((a, b) => a - b);
}

const resumed = new WeakSet<PipelineContext>();

/**
 * Once per context, before its first batch: synthesizes and links the events an earlier run left owed. Each is
 * owed once more from here (however many batches owed it), so that the pass that writes its links settles it;
 * without linking (`linked` false) they are settled once their records are written.
 */
export async function resumeOwed(ctx: PipelineContext, linked: boolean): Promise<void> {
  if (resumed.has(ctx) || !ctx.onEventsChanged) return;
  resumed.add(ctx);
  const ids = await owed(ctx.store);
  if (!ids.length) return;
  await ctx.store.transaction(async (tx) => {
    await tx.state.setState(KEY, JSON.stringify(Object.fromEntries(ids.map((id) => [id, 1]))));
  });
  ctx.log.info({ events: ids.length }, "writing the records and links an interrupted run left owed");
  try {
    await ctx.onEventsChanged(ctx, ids, []);
    if (!linked) await ctx.store.transaction((tx) => settle(tx, ids));
  } catch (err) {
    ctx.log.error({ err: errorMessage(err), events: ids.length }, "owed records or links not written");
  }
}
