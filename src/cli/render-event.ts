import { explanationOn } from "../model/link.ts";
import type { EventView } from "./event-view.ts";
import { quote, refLabel } from "./event-view.ts";

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
const time = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
const signed = (x: number) => (x > 0 ? `+${x.toFixed(1)}` : x.toFixed(1));

/** The record in the seeds' layout as plain text (md = true gives Markdown headings and links). */
export function renderEvent(view: EventView, md = false): string {
  const { event } = view;
  const r = event.record;
  const h = (s: string) => (md ? `\n### ${s}\n` : `\n${s}\n${"-".repeat(s.length)}`);
  const out: string[] = [];
  const title = r?.title ?? view.articles[0]?.title ?? `Event ${event.id}`;
  out.push(md ? `## #${event.id} ${title}` : `#${event.id}  ${title}`);
  if (view.redirectedFrom) out.push(`(event #${view.redirectedFrom} was merged into this one)`);
  const facts = [
    r?.theatres.length ? `Theatre: ${r.theatres.join(", ")}` : "Theatre: none",
    `Type: ${r?.type ?? "unclassified"}`,
    r?.intensity !== null && r?.intensity !== undefined
      ? `Intensity: ${signed(r.intensity)} (${r.direction})`
      : "Intensity: n/a",
    r?.location ? `Location: ${r.location}` : null,
  ].filter(Boolean);
  out.push(facts.join(" · "));
  out.push(
    `First seen ${time(event.firstSeen)} · updated ${time(event.lastUpdated)} · ${event.articleCount} articles, ${event.sourceCount} independent sources${r ? ` · written by ${r.engine}` : ""}`,
  );
  out.push(h("Summary"));
  if (!r) out.push("(record pending)");
  for (const s of r?.summary ?? []) out.push(`${s.text}${refLabel(view, s.support)}`);
  if (r) out.push(`${r.significance.text}${refLabel(view, r.significance.support)}`);
  if (r?.fallbacks.length) out.push(`(fell back to extractive: ${r.fallbacks.join("; ")})`);
  out.push(h("Full Content"));
  out.push(r?.content ?? view.articles.map((a) => a.text).join("\n\n"));
  out.push(h(`Sources (${view.articles.length})`));
  view.articles.forEach((a, i) => {
    const copy = a.syndicatedOf
      ? `  (syndicated copy of [${view.articles.findIndex((x) => x.id === a.syndicatedOf) + 1}])`
      : "";
    const link = a.url ? (md ? ` — <${a.url}>` : ` — ${a.url}`) : "";
    out.push(
      `[${i + 1}] ${a.outlet ?? "Unknown outlet"} — "${a.title}" — ${time(a.publishedAt)}${link}${copy}`,
    );
  });
  out.push(h("Actor Responses"));
  if (!r?.responses.length) out.push("(none found in the sources)");
  for (const resp of r?.responses ?? []) {
    const info = view.actorInfo.get(resp.actorId);
    // A movement's leader is placed by the movement ("President, South Ossetian de facto authorities"), a state's
    // official by the state.
    const movement = info?.sector === "REB" && info.organization && info.organization !== resp.actorName;
    const where = movement ? info.organization : info?.country;
    const who = [info?.role, where, info?.stateMedia ? "state media" : null].filter(Boolean).join(", ");
    out.push(
      `${md ? "- **" : "• "}${resp.actorName}${who ? ` (${who})` : ""}${md ? "**" : ""}: ${resp.text}${refLabel(view, resp.support)}`,
    );
    const q = resp.support[0] ? quote(view, resp.support[0]) : null;
    if (q) out.push(`${md ? "  > " : "    “"}${q.text}${md ? "" : "”"} — ${q.outlet ?? "source"}`);
  }
  out.push(h(`Related Events (${view.links.length})`));
  if (!view.links.length) out.push("(none yet)");
  for (const l of view.links) {
    const dirn = l.fromEvent === event.id ? "" : " (from the later event)";
    const ref = md
      ? `[#${l.other.id} "${l.other.title}" (${day(l.other.firstSeen)})](#event-${l.other.id})`
      : `#${l.other.id} "${l.other.title}" (${day(l.other.firstSeen)})`;
    const by = l.evidence.explainedBy ? ` [${l.evidence.explainedBy}]` : "";
    out.push(`${md ? "- " : "• "}${ref} · ${l.type}${dirn} · ${explanationOn(l, event.id)}${by}`);
  }
  if (view.changes.length) {
    out.push(h("Changelog"));
    for (const c of view.changes.slice(-12)) out.push(`${time(c.at)}  ${c.kind}: ${c.detail}`);
  }
  return out.join("\n");
}
