import { describe, expect, it } from "vitest";
import type { Actor } from "../model/actor.ts";
import { BUILTIN_THEATRES } from "./theatre-list.ts";
import { assignTheatres, TheatreSchema, theatreList } from "./theatres.ts";

const country = (c: string): Actor => ({
  id: c,
  name: c,
  kind: "country",
  country: c,
  code: c,
  sector: null,
  role: null,
  organization: null,
  stateMedia: false,
});

describe("theatres", () => {
  it("has at least 25 built-in theatres with unique kebab-case ids, each valid for the schema", () => {
    expect(BUILTIN_THEATRES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(BUILTIN_THEATRES.map((t) => t.id)).size).toBe(BUILTIN_THEATRES.length);
    for (const t of BUILTIN_THEATRES) expect(TheatreSchema.safeParse(t).success).toBe(true);
  });

  const list = theatreList();
  const cases = [
    {
      name: "core actor pair",
      actors: ["IRN", "USA"],
      text: "Iran and the United States held indirect talks.",
      want: ["iran-israel"],
    },
    {
      name: "place with one of its actors",
      actors: ["RUS"],
      text: "Russian drones struck Kharkiv overnight.",
      want: ["russia-ukraine"],
    },
    {
      name: "armed-group alias alone",
      actors: [],
      text: "The RSF shelled El Obeid on Monday.",
      want: ["sudan"],
    },
    {
      name: "several theatres at once",
      actors: ["ISR", "LBN", "IRN", "USA"],
      text: "The Lebanon truce is tied to the US-Iran talks; Hezbollah said it would comply.",
      want: ["iran-israel", "israel-lebanon"],
    },
    {
      name: "a place decides between theatres sharing a pair",
      actors: ["ISR", "PSE"],
      text: "An Israeli strike in Rafah killed 12 Palestinians.",
      want: ["israel-gaza"],
    },
    {
      name: "a single country is not enough",
      actors: ["SDN"],
      text: "Sudan's central bank raised interest rates.",
      want: [],
    },
    {
      name: "a breakaway authority coded to its parent state",
      actors: ["AZE"],
      text: "Ganja is shelled by Artsakh forces, destroying several buildings.",
      want: ["armenia-azerbaijan"],
    },
    { name: "no conflict", actors: ["FRA"], text: "France won the match in Paris.", want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = assignTheatres(c.actors.map(country), [], c.text, list);
      expect([...got].sort()).toEqual([...c.want].sort());
    });
  }

  it("returns theatres, best first, when called with one input object", () => {
    const got = assignTheatres(
      { actors: ["RUS", "UKR"], places: ["Kharkiv"], text: "Shelling of Kharkiv." },
      list,
    );
    expect(got[0].id).toBe("russia-ukraine");
    expect(got[0].name).toBe("Russo-Ukrainian war");
  });

  it("takes extra theatres from config, matched by alias or by place alone when they have no actor pairs", () => {
    const extra = theatreList([{ id: "arctic", name: "Arctic tensions", places: ["Svalbard"] }]);
    expect(assignTheatres([], [], "Patrols near Svalbard increased this week.", extra)).toEqual(["arctic"]);
    expect(assignTheatres([], ["Svalbard"], "Patrols increased.", extra)).toEqual(["arctic"]);
  });

  it("lets a user theatre replace a built-in one with the same id", () => {
    const extra = theatreList([{ id: "sudan", name: "War in Sudan", aliases: ["Sudan crisis"] }]);
    expect(extra.filter((t) => t.id === "sudan")).toHaveLength(1);
    expect(assignTheatres([], [], "The Sudan crisis deepened.", extra)).toEqual(["sudan"]);
  });

  it("names the bad entry of the config", () => {
    expect(() =>
      theatreList([
        { id: "ok", name: "Fine" },
        { id: "Bad Id", name: "" },
      ]),
    ).toThrow(/theatres\.extra\[1\]/);
  });
});
