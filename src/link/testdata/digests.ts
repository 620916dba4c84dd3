import type { EventDigest } from "../../model/digest.ts";

const day = (d: string) => Date.parse(`${d}T09:00:00Z`);

/** An invented event digest with sensible defaults. */
export function digest(over: Partial<EventDigest> & Pick<EventDigest, "id" | "title">): EventDigest {
  const time = over.time ?? day("2026-03-01");
  return {
    time,
    lastUpdated: time,
    text: over.title,
    sentences: [],
    actors: [],
    countries: [],
    places: [],
    theatres: [],
    type: null,
    intensity: null,
    ...over,
  };
}

/** An invented storyline around a Caspian ceasefire between Azerbaijan and Armenia (fictional events, real places). */
export const STORY = {
  deployment: digest({
    id: 101,
    time: day("2026-03-01"),
    title: "Azerbaijan masses armoured brigades on the Armenian border",
    text: "Azerbaijan masses armoured brigades on the Armenian border near Lachin. Satellite images show tanks and artillery moving toward the frontier.",
    actors: ["AZE", "AZE-MIL", "ARM"],
    countries: ["AZE", "ARM"],
    places: ["Lachin"],
    theatres: ["armenia-azerbaijan"],
    type: "MOBILIZE",
    intensity: -7.2,
  }),
  georgianMediation: digest({
    id: 102,
    time: day("2026-03-02"),
    title: "Georgia offers to mediate Armenia-Azerbaijan border talks",
    text: "Georgia offers to mediate talks between Armenia and Azerbaijan on the border ceasefire. Georgian Foreign Minister Maka Botchorishvili proposed a meeting in Tbilisi.",
    actors: ["GEO", "GEO-GOV-MFA", "ARM", "AZE"],
    countries: ["GEO", "ARM", "AZE"],
    places: ["Tbilisi"],
    theatres: ["armenia-azerbaijan"],
    type: "CONSULT",
    intensity: 1,
  }),
  kazakhMediation: digest({
    id: 103,
    time: day("2026-03-04"),
    title: "Kazakhstan hosts Armenia-Azerbaijan talks on border ceasefire",
    text: "Kazakhstan hosts talks between Armenia and Azerbaijan on the border ceasefire in Astana. Kazakh diplomats shuttle between the delegations.",
    sentences: ["Kazakh diplomats said the Astana round runs separately from the Georgian offer."],
    actors: ["KAZ", "KAZ-GOV", "ARM", "AZE"],
    countries: ["KAZ", "ARM", "AZE"],
    places: ["Astana"],
    theatres: ["armenia-azerbaijan"],
    type: "CONSULT",
    intensity: 1,
  }),
  truce: digest({
    id: 104,
    time: day("2026-03-06"),
    title: "Armenia and Azerbaijan agree 72-hour truce on the border",
    text: "Armenia and Azerbaijan agree a 72-hour truce on the border, in response to the Astana talks hosted by Kazakhstan.",
    sentences: ["The truce was agreed in response to the Astana talks hosted by Kazakhstan."],
    actors: ["ARM", "AZE", "KAZ"],
    countries: ["ARM", "AZE", "KAZ"],
    theatres: ["armenia-azerbaijan"],
    type: "AGREE",
    intensity: 4,
  }),
  denial: digest({
    id: 105,
    time: day("2026-03-07"),
    title: "Baku denies agreeing to a truce with Yerevan",
    text: "Azerbaijan's foreign ministry denied that it had agreed a 72-hour truce on the border with Armenia.",
    sentences: ["Azerbaijan's foreign ministry denied that it had agreed a 72-hour truce on the border."],
    actors: ["AZE", "AZE-GOV-MFA", "ARM"],
    countries: ["AZE", "ARM"],
    theatres: ["armenia-azerbaijan"],
    type: "REJECT",
    intensity: -4,
  }),
  shelling: digest({
    id: 106,
    time: day("2026-03-08"),
    title: "Azerbaijani artillery shells Armenian border villages despite talks",
    text: "Azerbaijani artillery shells Armenian border villages near Jermuk despite the talks in Astana, killing two civilians.",
    sentences: ["Azerbaijani artillery shelled Armenian border villages despite the talks in Astana."],
    actors: ["AZE", "AZE-MIL", "ARM"],
    countries: ["AZE", "ARM"],
    places: ["Jermuk"],
    theatres: ["armenia-azerbaijan"],
    type: "FIGHT",
    intensity: -10,
  }),
};

/** Unrelated invented events that fill the index (other places, other words). */
export function filler(n: number, from = 1000): EventDigest[] {
  const topics = [
    ["Chile", "CHL", "copper mine strike enters second week in Antofagasta"],
    ["Kenya", "KEN", "floods displace families along the Tana river"],
    ["Japan", "JPN", "central bank holds rates as yen weakens"],
    ["Brazil", "BRA", "Amazon fire season starts early in Para"],
    ["Norway", "NOR", "parliament debates North Sea drilling licences"],
  ] as const;
  return Array.from({ length: n }, (_, i) => {
    const [name, iso, what] = topics[i % topics.length];
    return digest({
      id: from + i,
      time: day("2026-02-20") + i * 60_000,
      title: `${name}: ${what} (report ${i})`,
      actors: [iso],
      countries: [iso],
    });
  });
}
