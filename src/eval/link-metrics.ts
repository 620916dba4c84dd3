import type { GoldLabels } from "../model/article.ts";

/** One member article of an event with its gold labels, in ingest order. */
export interface MemberGold {
  eventId: number;
  gold: GoldLabels | null;
  /** Publication time, ms. */
  time: number;
  /** The entry's text (headline and body), for the gold audit. */
  text?: string;
}

/** The links metrics of ../shared/data/README.md. */
export interface LinkMetrics {
  links: number;
  label_precision: number;
  leaf_precision: number;
  story_recall: number;
  /** Events in the recall denominator. */
  recall_events: number;
}

const WINDOW_MS = 30 * 86_400_000;

/**
 * label_precision: share of links whose two events share a case-folded label of their members'
 * `story_path ∪ labels`; leaf_precision: share whose events share a member `story`; story_recall: over events
 * with a member that has an earlier entry (in ingest order, within 30 days) of the same `story` in another
 * event, the share linked (either way) to at least one event holding such an entry.
 *
 * The README counts "events whose member has an earlier entry with the same story" and asks that they be "linked
 * to at least one event holding such an entry": a link joins two events, so the entry must be held by another
 * event. An event whose only earlier same-story entries are its own members (the clusterer already put them
 * together) has nothing to be linked to; counting it would score clustering, not linking, with misses no link can
 * fix (on CEP 2021, 109 of 2,976 events).
 */
export function linkMetrics(
  members: MemberGold[],
  links: { fromEvent: number; toEvent: number }[],
): LinkMetrics {
  const labels = new Map<number, Set<string>>();
  const stories = new Map<number, Set<string>>();
  for (const m of members) {
    if (!m.gold) continue;
    for (const l of [...m.gold.storyPath, ...m.gold.labels]) add(labels, m.eventId, l);
    if (m.gold.story) add(stories, m.eventId, m.gold.story);
  }
  const shares = (m: Map<number, Set<string>>, a: number, b: number) => {
    const x = m.get(a);
    const y = m.get(b);
    if (!x || !y) return false;
    for (const v of x) if (y.has(v)) return true;
    return false;
  };
  let lp = 0;
  let leaf = 0;
  for (const l of links) {
    if (shares(labels, l.fromEvent, l.toEvent)) lp++;
    if (shares(stories, l.fromEvent, l.toEvent)) leaf++;
  }
  const neighbours = neighboursOf(links);
  const targets = recallTargets(members);
  let hits = 0;
  for (const [eventId, t] of targets) {
    const n = neighbours.get(eventId);
    if (n && [...t].some((x) => n.has(x))) hits++;
  }
  const ratio = (a: number, b: number) => (b ? a / b : 0);
  return {
    links: links.length,
    label_precision: ratio(lp, links.length),
    leaf_precision: ratio(leaf, links.length),
    story_recall: ratio(hits, targets.size),
    recall_events: targets.size,
  };
}

/** Per event, the events linked to it in either direction. */
function neighboursOf(links: { fromEvent: number; toEvent: number }[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  const add = (a: number, b: number) => {
    const s = out.get(a) ?? new Set<number>();
    s.add(b);
    out.set(a, s);
  };
  for (const l of links) {
    add(l.fromEvent, l.toEvent);
    add(l.toEvent, l.fromEvent);
  }
  return out;
}

/** Per event, the other events holding an earlier same-story entry within 30 days of one of its members. */
function recallTargets(members: MemberGold[]): Map<number, Set<number>> {
  const byStory = new Map<string, MemberGold[]>();
  for (const m of members) {
    const s = m.gold?.story?.toLowerCase();
    if (!s) continue;
    const list = byStory.get(s) ?? [];
    list.push(m);
    byStory.set(s, list);
  }
  const out = new Map<number, Set<number>>();
  for (const list of byStory.values()) {
    for (let i = 1; i < list.length; i++) {
      const m = list[i];
      for (let j = i - 1; j >= 0; j--) {
        const e = list[j];
        if (m.time - e.time > WINDOW_MS) break;
        if (e.eventId === m.eventId) continue;
        const t = out.get(m.eventId) ?? new Set<number>();
        t.add(e.eventId);
        out.set(m.eventId, t);
      }
    }
  }
  return out;
}

/**
 * How far the gold can be trusted, and the metrics where it can. On the Current Events Portal an entry listed
 * without a story heading of its own inherits the heading above it, so a plane crash in Johannesburg carries
 * the story "Moro conflict" of the entry before it. An entry's story is *corroborated* when the entry names it:
 * it shares a word (3+ letters, first five compared, not a generic word) with a name of its story path.
 * `corroborated_recall` is story recall over events whose same-story earlier entry and own entry are both
 * corroborated; `corroborated_precision` is label precision over links whose events' entries all are.
 * A proxy, not a relabelling: an entry that says "Almaty" for "2022 Kazakh protests" is not corroborated.
 */
export interface GoldAudit {
  /** Share of labeled entries whose text names their story. */
  corroborated_entries: number;
  /** Recall-denominator events with a corroborated pair, and the recall over them. */
  corroborated_targets: number;
  corroborated_recall: number;
  /** Recall-denominator events with no corroborated pair, and the recall over them. */
  other_targets: number;
  other_recall: number;
  corroborated_links: number;
  corroborated_precision: number;
  /** Pairs of entries within 30 days worded almost alike (word-set Jaccard ≥ 0.7), and the share sharing a label. */
  near_identical_pairs: number;
  near_identical_agreement: number;
  /** Labels that join headings ("COVID-19 pandemic in India, COVID-19 vaccination in India"), and label precision with them split. */
  joined_labels: number;
  split_precision: number;
  /**
   * Links whose two events are placed in one theatre (the same war: "Russian forces strike Kharkiv University" and
   * "Russia takes the North Crimean Canal"), and their label precision: how far the labels agree on reports of one war.
   */
  same_theatre_links: number;
  same_theatre_precision: number;
}

/** How well storylines follow the gold stories (see storylineMetrics). */
export interface StorylineMetrics {
  storylines: number;
  /** Labelled events in a storyline, and the size of the largest storyline. */
  events_in_storylines: number;
  largest: number;
  /** B-cubed precision over events in storylines: the share of an event's storyline that shares its story. */
  purity: number;
  /** B-cubed recall over labelled events: the share of an event's same-story events in its storyline (itself when in none). */
  recall: number;
}

/**
 * Storylines against the gold stories, B-cubed: an event's gold stories are its members' `story`; an event in no
 * storyline is a storyline of its own for recall.
 */
export function storylineMetrics(members: MemberGold[], lines: { eventIds: number[] }[]): StorylineMetrics {
  const story = new Map<number, Set<string>>();
  for (const m of members) if (m.gold?.story) add(story, m.eventId, m.gold.story);
  const lineOf = new Map<number, number>();
  lines.forEach((l, i) => {
    for (const id of l.eventIds) if (story.has(id)) lineOf.set(id, i);
  });
  const inLine = new Map<number, number[]>();
  for (const [id, i] of lineOf) inLine.set(i, [...(inLine.get(i) ?? []), id]);
  const shares = (a: number, b: number) => [...(story.get(a) ?? [])].some((s) => story.get(b)?.has(s));
  let purity = 0;
  for (const ids of inLine.values())
    for (const a of ids) purity += ids.filter((b) => shares(a, b)).length / ids.length;
  const byStory = new Map<string, number[]>();
  for (const [id, set] of story) for (const s of set) byStory.set(s, [...(byStory.get(s) ?? []), id]);
  let recall = 0;
  for (const [id, set] of story) {
    const same = new Set([...set].flatMap((s) => byStory.get(s) ?? []));
    const i = lineOf.get(id);
    const mine = i === undefined ? [id] : (inLine.get(i) ?? [id]);
    recall += mine.filter((x) => same.has(x)).length / same.size;
  }
  const n = lineOf.size;
  return {
    storylines: inLine.size,
    events_in_storylines: n,
    largest: Math.max(0, ...[...inLine.values()].map((x) => x.length)),
    purity: n ? purity / n : 0,
    recall: story.size ? recall / story.size : 0,
  };
}

/** Adds a case-folded label to an event's set. */
function add(m: Map<number, Set<string>>, id: number, v: string): void {
  const s = m.get(id) ?? new Set<string>();
  s.add(v.toLowerCase());
  m.set(id, s);
}

const GENERIC = new Set(
  "the and for with from its his her during crisis relations conflict war pandemic outbreak season election elections protests attack attacks".split(
    " ",
  ),
);

function storyWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !GENERIC.has(w) && !/^\d+$/.test(w))
    .map((w) => w.slice(0, 5));
}

/** True when an entry's text shares a word with a name of its story path. */
export function corroborated(m: MemberGold): boolean {
  if (!m.gold?.story || m.text === undefined) return false;
  const names = new Set(m.gold.storyPath.flatMap(storyWords));
  return storyWords(m.text).some((w) => names.has(w));
}

/** The gold audit of `linkMetrics`' inputs (members need `text`). */
export function goldAudit(
  members: MemberGold[],
  links: { fromEvent: number; toEvent: number }[],
  /** The theatres each event is placed in. */
  theatres: Map<number, Set<string>> = new Map(),
): GoldAudit {
  const ok = new Map<MemberGold, boolean>(members.map((m) => [m, corroborated(m)]));
  const labeled = members.filter((m) => m.gold?.story);
  const clean = new Map<number, boolean>();
  for (const m of members) clean.set(m.eventId, (clean.get(m.eventId) ?? true) && ok.get(m) === true);
  const trusted = members.filter((m) => ok.get(m));
  const all = recallTargets(members);
  const good = recallTargets(trusted);
  const neighbours = neighboursOf(links);
  const recall = (targets: Map<number, Set<number>>, ids: number[]) => {
    let hits = 0;
    for (const id of ids) if ([...(targets.get(id) ?? [])].some((x) => neighbours.get(id)?.has(x))) hits++;
    return ids.length ? hits / ids.length : 0;
  };
  const goodIds = [...good.keys()];
  const otherIds = [...all.keys()].filter((id) => !good.has(id));
  const cleanLinks = links.filter((l) => clean.get(l.fromEvent) && clean.get(l.toEvent));
  const m = linkMetrics(
    trusted.filter((x) => clean.get(x.eventId)),
    cleanLinks,
  );
  const twins = nearIdenticalAgreement(members);
  const inOneTheatre = links.filter((l) => {
    const a = theatres.get(l.fromEvent);
    const b = theatres.get(l.toEvent);
    return a !== undefined && b !== undefined && [...a].some((t) => b.has(t));
  });
  const split = splitJoinedLabels(members);
  return {
    corroborated_entries: labeled.length ? trusted.length / labeled.length : 0,
    corroborated_targets: goodIds.length,
    corroborated_recall: recall(good, goodIds),
    other_targets: otherIds.length,
    other_recall: recall(all, otherIds),
    corroborated_links: cleanLinks.length,
    corroborated_precision: m.label_precision,
    near_identical_pairs: twins.pairs,
    near_identical_agreement: twins.agreement,
    joined_labels: split.joined,
    split_precision: linkMetrics(split.members, links).label_precision,
    same_theatre_links: inOneTheatre.length,
    same_theatre_precision: linkMetrics(members, inOneTheatre).label_precision,
  };
}

/**
 * The portal sometimes lists two or three story links under one heading, and the data keeps them as one label:
 * "COVID-19 pandemic in India, COVID-19 vaccination in India" matches neither "COVID-19 pandemic in India" nor
 * "COVID-19 vaccination in India". A label is split only when every part is a label of its own elsewhere in the
 * set, so that "George Floyd protests in Portland, Oregon" stays whole.
 */
export function splitJoinedLabels(members: MemberGold[]): { members: MemberGold[]; joined: number } {
  const whole = new Set<string>();
  const all = (g: GoldLabels) => [...g.storyPath, ...g.labels, ...(g.story ? [g.story] : [])];
  for (const m of members) if (m.gold) for (const l of all(m.gold)) whole.add(l.toLowerCase());
  const joined = new Set<string>();
  const split = (labels: string[]) =>
    labels.flatMap((l) => {
      const parts = l.split(", ");
      if (parts.length < 2 || !parts.every((p) => whole.has(p.toLowerCase()))) return [l];
      joined.add(l.toLowerCase());
      return parts;
    });
  const out = members.map((m) =>
    m.gold
      ? { ...m, gold: { ...m.gold, storyPath: split(m.gold.storyPath), labels: split(m.gold.labels) } }
      : m,
  );
  return { members: out, joined: joined.size };
}

// The ceiling the labels put on label precision: how often two entries that say nearly the same thing carry a
// common label. Candidates come from each entry's two rarest words, so the cost stays linear.
function nearIdenticalAgreement(members: MemberGold[]): { pairs: number; agreement: number } {
  const entries = members
    .filter((m) => m.gold?.story && m.text !== undefined)
    .map((m) => ({
      m,
      words: new Set(
        m
          .text!.toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter((w) => w.length >= 3),
      ),
      labels: new Set([...m.gold!.storyPath, ...m.gold!.labels].map((l) => l.toLowerCase())),
    }))
    .sort((a, b) => a.m.time - b.m.time);
  const df = new Map<string, number>();
  for (const e of entries) for (const w of e.words) df.set(w, (df.get(w) ?? 0) + 1);
  const postings = new Map<string, number[]>();
  let pairs = 0;
  let agree = 0;
  entries.forEach((e, i) => {
    const rare = [...e.words].sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1)).slice(0, 2);
    const seen = new Set<number>();
    for (const w of rare)
      for (const j of postings.get(w) ?? []) {
        const o = entries[j];
        if (seen.has(j) || e.m.time - o.m.time > WINDOW_MS) continue;
        seen.add(j);
        let both = 0;
        for (const x of e.words) if (o.words.has(x)) both++;
        if (both / (e.words.size + o.words.size - both) < 0.7) continue;
        pairs++;
        if ([...e.labels].some((l) => o.labels.has(l))) agree++;
      }
    for (const w of rare) {
      const list = postings.get(w) ?? [];
      list.push(i);
      postings.set(w, list);
    }
  });
  return { pairs, agreement: pairs ? agree / pairs : 0 };
}
