import type { Alert } from "../model/alert.ts";
import type { EventSummary } from "./event-view.ts";

/** Escapes text for XML content and attributes. */
export function xmlEscape(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (ch) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[ch]};`,
  );
}

/** An Atom 1.0 document of events; `base` is the site origin used for links and ids. */
export function atomFeed(opts: {
  title: string;
  selfUrl: string;
  base: string;
  events: EventSummary[];
}): string {
  const updated =
    opts.events
      .map((e) => e.lastUpdated)
      .sort()
      .at(-1) ?? "1970-01-01T00:00:00.000Z";
  const entries = opts.events.map((e) => {
    const link = `${opts.base}/events/${e.id}`;
    const text = [e.summary, e.significance].filter(Boolean).join(" ");
    const cats = [e.type, ...e.theatres.map((t) => t.id)].filter((x): x is string => !!x);
    return [
      "  <entry>",
      `    <id>${xmlEscape(link)}</id>`,
      `    <title>${xmlEscape(e.title)}${e.pending ? " (record pending)" : ""}</title>`,
      `    <link rel="alternate" href="${xmlEscape(link)}"/>`,
      `    <published>${e.firstSeen}</published>`,
      `    <updated>${e.lastUpdated}</updated>`,
      ...cats.map((t) => `    <category term="${xmlEscape(t)}"/>`),
      `    <summary type="text">${xmlEscape(text)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return envelope(opts.title, opts.selfUrl, updated, entries);
}

/** An Atom 1.0 document of alerts, newest first: each names its rule and why, and links to its event. */
export function alertsFeed(opts: { title: string; selfUrl: string; base: string; alerts: Alert[] }): string {
  const updated = opts.alerts[0]?.createdAt ?? "1970-01-01T00:00:00.000Z";
  const entries = opts.alerts.map((a) => {
    const link = `${opts.base}/events/${a.eventId}`;
    return [
      "  <entry>",
      `    <id>${xmlEscape(`${opts.base}/api/alerts#${a.id}`)}</id>`,
      `    <title>${xmlEscape(`${a.title} (#${a.eventId})`)}</title>`,
      `    <link rel="alternate" href="${xmlEscape(link)}"/>`,
      `    <updated>${a.createdAt}</updated>`,
      `    <category term="${xmlEscape(a.ruleId)}"/>`,
      `    <summary type="text">${xmlEscape(a.reason)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return envelope(opts.title, opts.selfUrl, updated, entries);
}

// The feed element around the entries.
function envelope(title: string, selfUrl: string, updated: string, entries: string[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlEscape(selfUrl)}</id>`,
    `  <title>${xmlEscape(title)}</title>`,
    `  <link rel="self" href="${xmlEscape(selfUrl)}"/>`,
    `  <updated>${updated}</updated>`,
    "  <author><name>Sitrep</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
