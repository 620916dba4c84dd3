import type { EventDigest } from "../model/digest.ts";
import type { EventChange } from "../model/event.ts";
import type { EventLink } from "../model/link.ts";
import { EscalationDays, type TheatreDay } from "./escalation-days.ts";
import { defaultNameOf, type NameOf } from "./explain-link.ts";
import { linkEvent } from "./link-event.ts";
import { LinkGraph } from "./link-graph.ts";
import { LinkIndex } from "./link-index.ts";
import { StorylineBook, type StorylineDraft } from "./storyline-book.ts";
import { UnitIndex } from "./unit-index.ts";

/** An event's digest and the texts of its member reports (the unit index's units; null: as indexed). */
export interface Digested {
  digest: EventDigest;
  units: string[] | null;
}

/** What a linking pass is given: digests oldest first, and what was learned while making them. */
export interface LinkPass {
  /** Events of the pass that turned out to be merged away: they leave the window first. */
  gone: number[];
  digests: Digested[];
  /** Display names of actors found while digesting (for explanations and storyline names). */
  names: [string, string][];
  /** Time stamp of the pass's changelog entries. */
  at: string;
}

/** A pass given in one call: the events merged into the pass's events (see Linker.begin) and the pass. */
export interface WholePass {
  redirected: number[];
  pass: LinkPass;
}

/** What a linking pass decided, for the store. */
export interface LinkOutcome {
  /** The complete outgoing links of each linked event. */
  linksByEvent: [number, EventLink[]][];
  /** "linked" changelog entries for links that are new. */
  changes: { eventId: number; change: EventChange }[];
  removedLines: string[];
  /** Storylines changed by the pass (single-event ones included: the store keeps only longer ones). */
  drafts: StorylineDraft[];
  days: TheatreDay[];
  /** Events that linked to a merged one but had left the window: for the caller to link again (see linkWhole). */
  unindexed?: number[];
}

/** Gives new links an explainer's wording before they are kept (the LLM engine), see pipeline/link-events.ts. */
export type ExplainHook = (linker: Linker, digest: EventDigest, links: EventLink[]) => Promise<void>;

/**
 * The linking state of a stream, in memory and bounded by the window: the event and member-report indexes,
 * current links, storylines and theatre days. A pass forgets events merged away (`begin`), then indexes and
 * links each new or changed event one at a time in time order (`link`): a batch longer than the window must not
 * evict its own early events' candidates before they are linked. Pure computation: the caller reads the store
 * and writes the outcome, so the same state can live on another thread (pipeline/link-thread.ts).
 */
export class Linker {
  readonly index: LinkIndex;
  readonly units: UnitIndex;
  readonly graph = new LinkGraph();
  readonly storylines: StorylineBook;
  readonly days = new EscalationDays();
  readonly names = new Map<string, string>();
  readonly nameOf: NameOf = (id) => this.names.get(id) ?? defaultNameOf(id);
  /** What the current pass changed so far (from `begin` to `link`). */
  private pass = newPass();

  constructor(windowDays: number) {
    this.index = new LinkIndex({ windowDays });
    this.units = new UnitIndex({ windowDays });
    this.storylines = new StorylineBook(this.nameOf);
  }

  /** Starts a pass: events merged into the pass's events leave the window; returns the events that linked to them. */
  begin(redirected: number[]): number[] {
    this.pass = newPass();
    const relink = new Set<number>();
    for (const id of redirected)
      if (this.index.get(id) || this.graph.outOf(id).length || this.graph.linkersOf(id).length)
        for (const f of this.forget(id)) relink.add(f);
    return [...relink];
  }

  /**
   * A whole pass in one call, so that the caller need not wait for `begin`: the events that linked to a merged one
   * are linked again with the digests they were indexed with (they did not change, or the pass would hold
   * them), in time order among the pass's own. Those that had left the window are returned as `unindexed`.
   */
  async linkWhole(w: WholePass, explain?: ExplainHook): Promise<LinkOutcome> {
    const given = new Set(w.pass.digests.map((d) => d.digest.id));
    const again: Digested[] = [];
    const unindexed: number[] = [];
    for (const id of this.begin(w.redirected)) {
      if (given.has(id)) continue;
      const doc = this.index.get(id);
      if (doc) again.push({ digest: doc.digest, units: null });
      else unindexed.push(id);
    }
    const digests = again.length
      ? [...w.pass.digests, ...again].sort(
          (a, b) => a.digest.time - b.digest.time || a.digest.id - b.digest.id,
        )
      : w.pass.digests;
    const outcome = await this.link({ ...w.pass, digests }, explain);
    return unindexed.length ? { ...outcome, unindexed } : outcome;
  }

  /** Indexes and links the pass's events; the state then drops what left the window. */
  async link(p: LinkPass, explain?: ExplainHook): Promise<LinkOutcome> {
    const s = this.pass;
    for (const id of p.gone) this.forget(id);
    for (const [id, name] of p.names) this.names.set(id, name);
    const linksByEvent = new Map<number, EventLink[]>();
    const changes: LinkOutcome["changes"] = [];
    for (const { digest: d, units } of p.digests) {
      if (units) this.units.set(d, units);
      this.index.upsert(d);
      const doc = this.index.get(d.id);
      const links = doc ? linkEvent(this.index, doc, {}, this.nameOf, this.units) : [];
      if (explain) await explain(this, d, links);
      linksByEvent.set(d.id, links);
      // Stamped like the "created" and "source-added" entries, with the time of the event's latest report (never
      // later than the pass): a replayed corpus shows a link when its reports made it, not the day it was replayed.
      const at = linkedAt(d.lastUpdated, p.at);
      for (const l of this.graph.set(d.id, links))
        changes.push({
          eventId: d.id,
          change: { at, kind: "linked", detail: `${l.type} link to event #${l.toEvent}` },
        });
      const placed = this.storylines.apply(d.id, links, (id) => this.index.get(id)?.digest);
      for (const line of placed.changed) s.storyChanges.add(line);
      for (const id of placed.removed) s.removedLines.add(id);
      for (const k of this.days.record(d, links)) s.dayKeys.add(k);
    }
    for (const id of s.removedLines) s.storyChanges.delete(id);
    const drafts = [...s.storyChanges]
      .filter((id) => this.storylines.has(id))
      .map((id) => this.storylines.draft(id));
    // A storyline an event left with one event or none is no longer stored.
    for (const d of drafts) if (d.eventIds.length < 2) s.removedLines.add(d.id);
    const outcome: LinkOutcome = {
      linksByEvent: [...linksByEvent],
      changes,
      removedLines: [...s.removedLines],
      drafts,
      days: this.days.values([...s.dayKeys]),
    };
    this.pass = newPass();
    this.prune();
    return outcome;
  }

  /** Rebuilds the state from stored events of the window (digests oldest first), their links and storylines. */
  load(digests: Digested[], links: EventLink[], lines: StorylineDraft[], names: [string, string][]): void {
    for (const [id, name] of names) this.names.set(id, name);
    for (const { digest, units } of digests) {
      if (units) this.units.set(digest, units);
      this.index.upsert(digest);
    }
    const out = new Map<number, EventLink[]>();
    for (const l of links) out.set(l.fromEvent, [...(out.get(l.fromEvent) ?? []), l]);
    for (const { digest: d } of digests) {
      const mine = out.get(d.id) ?? [];
      this.graph.set(d.id, mine);
      this.days.record(d, mine);
    }
    const inWindow = new Set(digests.map((d) => d.digest.id));
    for (const line of lines)
      if (line.eventIds.some((id) => inWindow.has(id)))
        this.storylines.load(line, (id) => this.index.get(id)?.digest);
  }

  private forget(id: number): number[] {
    const s = this.pass;
    this.index.remove(id);
    this.units.remove(id);
    const linkers = this.graph.drop(id);
    const line = this.storylines.drop(id);
    if (line) s.storyChanges.add(line);
    for (const k of this.days.forget(id)) s.dayKeys.add(k);
    return linkers;
  }

  // Memory stays bounded by the window: what left it is final and stored.
  private prune(): void {
    const inWindow = (id: number) => this.index.get(id) !== undefined;
    const bound = 2 * this.index.size + 1000;
    if (this.graph.size > bound) this.graph.prune(inWindow);
    if (this.storylines.size > bound) this.storylines.prune(inWindow);
    if (this.days.size > bound) this.days.prune(inWindow);
    if (this.units.size > bound) this.units.prune(inWindow);
  }
}

function newPass() {
  return { storyChanges: new Set<string>(), removedLines: new Set<string>(), dayKeys: new Set<string>() };
}

/** When a link was made: at the event's latest report, or at the pass when that time is unknown or after it. */
function linkedAt(lastUpdated: number, passAt: string): string {
  const pass = Date.parse(passAt);
  if (!Number.isFinite(lastUpdated) || !Number.isFinite(pass) || lastUpdated > pass) return passAt;
  return new Date(lastUpdated).toISOString();
}
