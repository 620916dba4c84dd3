import type { SentenceRef } from "../model/actor.ts";
import type { Article } from "../model/article.ts";
import type { EventChange, SitrepEvent } from "../model/event.ts";
import type { EventLink } from "../model/link.ts";
import type { Store } from "../store/store.ts";

/** What a record's actor responses show beside an actor's name. */
export interface ActorInfo {
  name: string;
  role: string | null;
  country: string | null;
  organization: string | null;
  sector: string | null;
  stateMedia: boolean;
}

/** Everything `show` prints about one event, gathered from the store. */
export interface EventView {
  event: SitrepEvent;
  redirectedFrom: number | null;
  articles: Article[];
  links: (EventLink & { other: { id: number; title: string; firstSeen: string } })[];
  changes: EventChange[];
  actorInfo: Map<string, ActorInfo>;
}

/** Loads an event (following a merge redirect) with its sources, links (both ends), changelog and actors. */
export async function loadEventView(store: Store, id: number): Promise<EventView | null> {
  const got = await store.events.getEvent(id);
  if (!got) return null;
  const { event } = got;
  const articles = await store.articles.articlesOfEvent(event.id);
  const rawLinks = await store.links.linksOf(event.id);
  const others = await store.events.getEvents(
    rawLinks.map((l) => (l.fromEvent === event.id ? l.toEvent : l.fromEvent)),
  );
  const byId = new Map(others.map((e) => [e.id, e]));
  const links = rawLinks.flatMap((l) => {
    const o = byId.get(l.fromEvent === event.id ? l.toEvent : l.fromEvent);
    return o
      ? [{ ...l, other: { id: o.id, title: o.record?.title ?? `Event ${o.id}`, firstSeen: o.firstSeen } }]
      : [];
  });
  const actorInfo = new Map<string, ActorInfo>();
  for (const r of event.record?.responses ?? []) {
    const a = await store.events.getActor(r.actorId);
    if (a)
      actorInfo.set(a.id, {
        name: a.name,
        role: a.role,
        country: a.country,
        organization: a.organization,
        sector: a.sector,
        stateMedia: a.stateMedia,
      });
  }
  return {
    event,
    redirectedFrom: got.redirectedFrom,
    articles,
    links,
    changes: await store.events.changesOf(event.id),
    actorInfo,
  };
}

/** Source numbers [1], [2] … for sentence references, in the order of the Sources list. */
export function refLabel(view: EventView, refs: SentenceRef[]): string {
  const idx = new Map(view.articles.map((a, i) => [a.id, i + 1]));
  const labels = [
    ...new Set(refs.map((r) => idx.get(r.articleId)).filter((n): n is number => n !== undefined)),
  ];
  return labels.length ? ` [${labels.join(", ")}]` : "";
}

/** The text of a referenced source sentence. */
export function quote(view: EventView, ref: SentenceRef): { text: string; outlet: string | null } | null {
  const a = view.articles.find((x) => x.id === ref.articleId);
  const text = a?.sentences[ref.sentence];
  return a && text ? { text, outlet: a.outlet } : null;
}
