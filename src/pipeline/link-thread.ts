import {
  type Digested,
  type ExplainHook,
  Linker,
  type LinkOutcome,
  type LinkPass,
  type WholePass,
} from "../link/linker.ts";
import type { StorylineDraft } from "../link/storyline-book.ts";
import type { EventLink } from "../model/link.ts";
import type { PipelineThread } from "./pipeline-thread.ts";

/** The stored state a linker is rebuilt from: the window's events (digests oldest first), links, storylines. */
export interface LinkLoad {
  digests: Digested[];
  links: EventLink[];
  lines: StorylineDraft[];
  names: [string, string][];
}

/**
 * A Linker here or on the pipeline thread (see link/linker.ts). Here a pass is begun, its digests built from the
 * store, then linked; there it is sent whole and its outcome awaited later.
 */
export type LinkerPort = LocalLinker | LinkThread;

/** A linker on this thread. */
export interface LocalLinker {
  readonly remote: false;
  begin(redirected: number[]): Promise<number[]>;
  link(pass: LinkPass): Promise<LinkOutcome>;
  load(init: LinkLoad): Promise<void>;
}

/** A linker on this thread; `explain` rewrites new links' explanations (the LLM engine). */
export function localLinker(windowDays: number, explain?: ExplainHook): LocalLinker {
  const linker = new Linker(windowDays);
  return {
    remote: false,
    begin: async (redirected) => linker.begin(redirected),
    link: (pass) => linker.link(pass, explain),
    load: async (l) => linker.load(l.digests, l.links, l.lines, l.names),
  };
}

/** A call on the pipeline thread's linker. */
export type LinkRequest =
  | { op: "link-open"; windowDays: number }
  | { op: "link-whole"; whole: WholePass }
  | { op: "link-load"; init: LinkLoad };

/**
 * The linker on the pipeline thread. During a long ingest a batch's events are indexed and linked there while
 * the main thread clusters and synthesizes the next batch; the main thread reads the store, builds the digests
 * and writes the outcome. Opening one starts a new, empty linker on the thread.
 */
export class LinkThread {
  readonly remote = true as const;

  private readonly thread: PipelineThread;

  constructor(thread: PipelineThread, windowDays: number) {
    this.thread = thread;
    // Answered in order: a failure to open shows on the first call that awaits.
    this.thread.call({ op: "link-open", windowDays }).catch(() => {});
  }

  linkWhole(whole: WholePass): Promise<LinkOutcome> {
    return this.thread.call({ op: "link-whole", whole }) as Promise<LinkOutcome>;
  }

  async load(init: LinkLoad): Promise<void> {
    await this.thread.call({ op: "link-load", init });
  }
}

/** The pipeline thread's side: answers link calls with one Linker, replaced on each "link-open". */
export function linkerService(): (r: LinkRequest) => unknown {
  let linker: Linker | null = null;
  const open = () => {
    if (!linker) throw new Error("no linker open");
    return linker;
  };
  return (r) => {
    if (r.op === "link-open") {
      linker = new Linker(r.windowDays);
      return null;
    }
    if (r.op === "link-whole") return open().linkWhole(r.whole);
    const l = r.init;
    return open().load(l.digests, l.links, l.lines, l.names);
  };
}
