import { describe, expect, it } from "vitest";
import { analyzeArticle, findActors, normalizeActor } from "./find-actors.ts";

describe("findActors", () => {
  it("resolves an official with role, organ and country", () => {
    const [m] = findActors([
      "Iranian Foreign Ministry spokesman Esmail Baghaei said the talks would continue.",
    ]);
    expect(m.text).toBe("Iranian Foreign Ministry spokesman Esmail Baghaei");
    expect(m.actor).toMatchObject({
      id: "person:esmail-baghaei",
      kind: "person",
      role: "Foreign Ministry spokesman",
      organization: "Foreign Ministry",
      country: "IRN",
      sector: "GOV",
    });
    expect(m.start).toBe(0);
  });

  it("links a bare surname to the person named earlier in the article", () => {
    const got = findActors([
      "Sudanese army spokesman Nabil Abdallah said the city had been retaken.",
      "Abdallah added that civilians were leaving the area.",
    ]);
    const later = got.filter((m) => m.sentence === 1);
    expect(later.map((m) => [m.text, m.actor.id])).toContainEqual(["Abdallah", "person:nabil-abdallah"]);
    expect(later.find((m) => m.text === "Abdallah")?.actor.country).toBe("SDN");
  });

  const cases = [
    { name: "state media", text: "The strike was reported by IRNA.", id: "media:irna", state: true },
    { name: "state media (Russia)", text: "TASS quoted a ministry source.", id: "media:tass", state: true },
    {
      name: "state media (China)",
      text: "Xinhua said the talks were constructive.",
      id: "media:xinhua",
      state: true,
    },
    {
      name: "independent media",
      text: "Reuters could not verify the claim.",
      id: "media:reuters",
      state: false,
    },
    {
      name: "unnamed state media",
      text: "Iranian state media said the talks went well.",
      id: "IRN-MED-STATE",
      state: true,
    },
  ];
  for (const c of cases) {
    it(`marks ${c.name}`, () => {
      const m = findActors([c.text]).find((x) => x.actor.kind === "media");
      expect(m?.actor.id).toBe(c.id);
      expect(m?.actor.stateMedia).toBe(c.state);
    });
  }

  it("links a bare title to the one person named earlier with it, not to another country's", () => {
    const got = findActors([
      "President Masoud Pezeshkian said on Tuesday that Iran seeks peace.",
      "The President also called on the governors to focus on the economy.",
      "The US President said talks would continue.",
    ]);
    expect(got.filter((m) => m.sentence === 1).map((m) => m.actor.id)).toContain("person:masoud-pezeshkian");
    expect(got.filter((m) => m.sentence === 2).map((m) => m.actor.id)).not.toContain(
      "person:masoud-pezeshkian",
    );
  });

  it("names a country's bodies with its demonym", () => {
    const names = findActors([
      "Saudi Arabia's Foreign Ministry welcomed the statements.",
      "Iranian students protested in Tehran.",
      "The Lebanese army said no rockets were fired.",
    ]).map((m) => m.actor.name);
    expect(names).toEqual(
      expect.arrayContaining(["Saudi Foreign Ministry", "Iranian students", "Lebanese army"]),
    );
  });

  it("codes militaries, armed groups and international organisations", () => {
    const got = findActors(["Israeli troops clashed with Hezbollah fighters near a UNIFIL post, NATO said."]);
    const ids = got.map((m) => [m.actor.id, m.actor.sector]);
    expect(ids).toContainEqual(["ISR-MIL", "MIL"]);
    expect(ids).toContainEqual(["org:hezbollah", "REB"]);
    expect(ids).toContainEqual(["org:unifil", "IGO"]);
    expect(ids).toContainEqual(["org:nato", "IGO"]);
  });

  it("takes an unnamed body's country from the article and marks it inferred", () => {
    const got = findActors([
      "Fighting resumed in Khartoum on Monday.",
      "The army said it had repelled an attack.",
    ]);
    const army = got.find((m) => m.text === "army");
    expect(army?.actor.id).toBe("SDN-MIL");
    expect(army?.inferred).toBe(true);
  });

  it("does not take an official's country from where the official travels (demo-038)", () => {
    const got = findActors([
      "Interior Minister Mohsin Naqvi is expected to travel to Tehran this week as Pakistan's representative in the exchange of messages.",
    ]);
    const naqvi = got.find((m) => m.text.includes("Naqvi"));
    expect(naqvi?.actor.country).toBe("PAK");
    const visit = findActors([
      "The foreign minister visited Moscow on Monday, days after Ankara hosted the talks.",
    ]);
    expect(visit.find((m) => m.text.includes("foreign minister"))?.actor.country).not.toBe("RUS");
  });

  it("does not take an official's country from whom the official meets (demo #29)", () => {
    const got = findActors([
      "Interior Minister Mohsin Naqvi, who travelled to Tehran last week to deliver messages, met Iranian Foreign Minister Abbas Araghchi twice during his visit, a Pakistani official said.",
    ]);
    expect(got.find((m) => m.text.includes("Naqvi"))?.actor.country).toBe("PAK");
    expect(got.find((m) => m.text.includes("Araghchi"))?.actor.country).toBe("IRN");
  });

  it("names bodies and people as a reader would (demo #9, #10, #32, #35, #36)", () => {
    const named = (sentence: string, text: string) =>
      findActors([sentence]).find((m) => m.text.includes(text))?.actor;
    expect(
      named("Ukraine's General Staff said on Monday that drones struck the refinery.", "General Staff"),
    ).toMatchObject({
      id: "UKR-MIL-GS",
      name: "Ukrainian General Staff",
      kind: "military",
    });
    expect(
      named("Twenty-two Republican senators urged President Donald Trump to order strikes.", "senators")
        ?.name,
    ).toBe("American Republican senators");
    expect(named("The Trump administration said Iran must not enrich uranium.", "administration")?.name).toBe(
      "Donald Trump administration",
    );
    expect(named("Iran's Revolutionary Guards commander warned on Monday.", "commander")?.name).toBe(
      "Islamic Revolutionary Guard Corps commander",
    );
    // A diplomat accredited to an international body is the official of the country that owns the phrase.
    expect(
      named(
        "Sudan's UN ambassador told the Security Council that the UAE had supplied drones.",
        "UN ambassador",
      ),
    ).toMatchObject({
      id: "SDN-GOV",
      name: "Sudanese UN ambassador",
      country: "SDN",
    });
    expect(named("The UN envoy said talks would resume.", "UN envoy")?.id).toBe("org:un");
    // A title shared by a list of people: each holds it in the singular, or by the title the gazetteer knows.
    const ministers = findActors([
      "Israeli ministers Bezalel Smotrich and Itamar Ben-Gvir called for action.",
    ]);
    expect(ministers.find((m) => m.text.includes("Smotrich"))?.actor.role).toBe("Finance Minister");
    const envoys = findActors(["Foreign Ministers Ahmet Yilmazer and Omar Haddadi met in Doha."]);
    expect(envoys.find((m) => m.text.includes("Yilmazer"))?.actor.role).toBe("Foreign Minister");
  });

  it("reads a capital or seat of power before a verb as the government", () => {
    const got = findActors(["Moscow rejected the proposal, and the Kremlin said talks were over."]);
    expect(got.map((m) => m.actor.id)).toEqual(["RUS-GOV", "RUS-GOV"]);
  });

  it("does not take pro-/anti- qualifiers or languages for actors", () => {
    const got = findActors(["A pro-Iranian militia banned the Russian language in schools."]);
    expect(got.map((m) => m.actor.country)).not.toContain("IRN");
    expect(got.map((m) => m.actor.country)).not.toContain("RUS");
  });

  it("lists places with their countries", () => {
    const { places } = analyzeArticle(["Drones hit Kharkiv and Belgorod overnight."]);
    expect(places.map((p) => [p.name, p.country])).toEqual([
      ["Kharkiv", "UKR"],
      ["Belgorod", "RUS"],
    ]);
  });
});

describe("normalizeActor", () => {
  const cases = [
    { text: "Iranian Foreign Ministry", id: "IRN-GOV-MFA" },
    { text: "the Kremlin", id: "RUS-GOV" },
    { text: "Hezbollah", id: "org:hezbollah" },
    { text: "Houthi rebels", id: "org:houthis" },
    { text: "Israeli army", id: "ISR-MIL" },
    { text: "UN Secretary-General Antonio Guterres", id: "person:antonio-guterres" },
    { text: "Japan", id: "JPN" },
  ];
  for (const c of cases) it(c.text, () => expect(normalizeActor(c.text)?.id).toBe(c.id));

  it("returns null when no actor is named", () => expect(normalizeActor("the weather was fine")).toBeNull());
});

describe("breakaway authorities", () => {
  // CAMEO codes a separatist authority to its parent state with the rebel sector: the code stays the parent's,
  // the actor is never the parent's government.
  const cases = [
    {
      name: "title of the territory",
      text: "The President of South Ossetia, Anatoly Bibilov, declares that the region will hold a referendum on joining Russia.",
      phrase: "President of South Ossetia",
      id: "org:south-ossetia",
      parent: "GEO",
    },
    {
      name: "known leader",
      text: "The President of South Ossetia, Anatoly Bibilov, declares that the region will hold a referendum on joining Russia.",
      phrase: "Anatoly Bibilov",
      id: "person:anatoly-bibilov",
      parent: "GEO",
    },
    {
      name: "adjective and body",
      text: "South Ossetian authorities closed the crossing points.",
      phrase: "South Ossetian authorities",
      id: "org:south-ossetia",
      parent: "GEO",
    },
    {
      name: "adjective, title and a new name",
      text: "Abkhaz leader Aslan Bzhania met Putin in Moscow.",
      phrase: "Abkhaz leader Aslan Bzhania",
      id: "person:aslan-bzhania",
      parent: "GEO",
    },
    {
      name: "officials",
      text: "Transnistrian officials reported explosions in Tiraspol.",
      phrase: "Transnistrian officials",
      id: "org:transnistria",
      parent: "MDA",
    },
    {
      name: "abbreviation and forces",
      text: "DPR forces shelled Avdiivka overnight.",
      phrase: "DPR forces",
      id: "org:dpr",
      parent: "UKR",
    },
    {
      name: "place and body",
      text: "Nagorno-Karabakh authorities said Azerbaijani troops fired on villages.",
      phrase: "Nagorno-Karabakh authorities",
      id: "org:artsakh",
      parent: "AZE",
    },
    {
      name: "territory name before a verb",
      text: "Tiraspol said the attack was a provocation.",
      phrase: "Tiraspol",
      id: "org:transnistria",
      parent: "MDA",
    },
    {
      name: "body placed in the territory",
      text: "Officials in Sukhumi said the vote was fair.",
      phrase: "Officials",
      id: "org:abkhazia",
      parent: "GEO",
    },
    {
      name: "possessive",
      text: "Somaliland's president Muse Bihi Abdi visited Taiwan.",
      phrase: "Somaliland's president Muse Bihi Abdi",
      id: "person:muse-bihi-abdi",
      parent: "SOM",
    },
    {
      name: "Turkish Cypriot leader",
      text: "Turkish Cypriot leader Ersin Tatar rejected the UN plan.",
      phrase: "Turkish Cypriot leader Ersin Tatar",
      id: "person:ersin-tatar",
      parent: "CYP",
    },
  ];
  for (const c of cases) {
    it(`codes the authority, not the parent's government: ${c.name}`, () => {
      const got = findActors([c.text]);
      const m = got.find((x) => x.text === c.phrase);
      expect(m?.actor).toMatchObject({ id: c.id, country: c.parent, code: c.parent, sector: "REB" });
      expect(got.map((x) => x.actor.id)).not.toContain(`${c.parent}-GOV`);
    });
  }

  it("names the authority readably in records", () => {
    const [m] = findActors(["South Ossetian authorities closed the crossing points."]);
    expect(m.actor.name).toBe("South Ossetian de facto authorities");
    expect(m.actor.kind).toBe("armed-group");
  });

  it("keeps the territory's places as places of the parent state", () => {
    const shelling = analyzeArticle(["Shelling in Tskhinvali killed two people."]);
    expect(shelling.places.map((p) => [p.name, p.country])).toEqual([["Tskhinvali", "GEO"]]);
    expect(shelling.actors).toEqual([]);
    const troops = analyzeArticle(["Russian troops in Abkhazia held exercises near Sukhumi."]);
    expect(troops.places.map((p) => [p.name, p.country])).toEqual([
      ["Abkhazia", "GEO"],
      ["Sukhumi", "GEO"],
    ]);
    expect(troops.actors.map((m) => m.actor.id)).toEqual(["RUS-MIL"]);
  });

  it("leaves the parent state's own government as it was", () => {
    const got = findActors(["The Georgian government condemned the vote in South Ossetia."]);
    expect(got.map((m) => m.actor.id)).toEqual(["GEO-GOV"]);
  });
});
