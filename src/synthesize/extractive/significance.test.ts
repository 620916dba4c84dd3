import { describe, expect, it } from "vitest";
import { findActors } from "../../actors/find-actors.ts";
import { composeSignificance } from "./significance.ts";

describe("composeSignificance", () => {
  it("names a breakaway authority's leader by the authority, not the parent state", () => {
    const actors = findActors([
      "Outgoing South Ossetian President Anatoly Bibilov announces that a referendum on joining Russia will be held.",
    ]).map((m) => m.actor);
    const bibilov = actors.find((a) => a.id === "person:anatoly-bibilov");
    expect(bibilov).toBeDefined();
    const line = composeSignificance({
      type: "THREATEN",
      actors,
      roles: { sources: [bibilov!.id], targets: [] },
      direction: "unknown",
      theatres: [],
    });
    expect(line).toContain("by South Ossetian de facto authorities");
    expect(line).not.toContain("Georgia");
  });

  it("names whom a one-sided act is aimed at with the preposition its type takes", () => {
    // CEP 2022: backing is *for* Russia, not against it; pressure is *on* its target; force is *against* it.
    const actors = findActors([
      'The President of South Ossetia, Anatoly Bibilov, declares that the partially recognised state will undertake "legal steps" in the near future for accession to become part of Russia.',
    ]).map((m) => m.actor);
    const ossetia = actors.find((a) => a.id === "org:south-ossetia");
    const russia = actors.find((a) => a.id === "RUS");
    expect(ossetia && russia).toBeTruthy();
    const line = (type: "SUPPORT" | "SANCTION" | "ASSAULT") =>
      composeSignificance({
        type,
        actors,
        roles: { sources: [ossetia!.id], targets: [russia!.id] },
        direction: "unknown",
        theatres: [],
      });
    expect(line("SUPPORT")).toContain("political backing by South Ossetian de facto authorities for Russia");
    expect(line("SANCTION")).toContain("pressure by South Ossetian de facto authorities on Russia");
    expect(line("ASSAULT")).toContain("a use of force by South Ossetian de facto authorities against Russia");
  });

  it("words a truce and a release as what they are, and puts 'the' where English does", () => {
    const actors = findActors([
      "Pakistan and Qatar said the United States and Iran had agreed to extend their ceasefire.",
      "Russia and Ukraine exchanged prisoners.",
    ]).map((m) => m.actor);
    const line = (cameo: string, sources: string[], targets: string[]) =>
      composeSignificance({
        type: "RETREAT",
        cameo,
        actors,
        roles: { sources, targets },
        direction: "unknown",
        theatres: [],
      });
    expect(line("0871", ["PAK", "QAT", "IRN", "USA"], ["IRN", "USA"])).toContain(
      "a ceasefire between Iran and the United States, brokered by Pakistan and Qatar,",
    );
    expect(line("0841", ["RUS", "UKR"], [])).toContain("a prisoner exchange between Russia and Ukraine");
    expect(line("0841", ["RUS"], [])).toContain("a release of prisoners by Russia");
    expect(line("087", ["RUS"], [])).toContain("a pull-back by Russia");
  });
});

describe("composeSignificance: the trend clause", () => {
  const actors = findActors([
    "The Sudanese army sent reinforcements to El Obeid to face the Rapid Support Forces.",
  ]).map((m) => m.actor);
  const line = (intensity: number, direction: "escalating" | "de-escalating") =>
    composeSignificance({
      type: intensity < 0 ? "MOBILIZE" : "CONSULT",
      actors,
      direction,
      intensity,
      theatres: [{ name: "Sudanese civil war" }],
    });

  it("does not call a build-up after a deadly strike a de-escalating trend", () => {
    const text = line(-7.2, "de-escalating");
    expect(text).toContain("raises the stakes");
    expect(text).not.toContain("de-escalating");
    expect(text).toContain("though milder than the theatre's recent events");
  });

  it("keeps the trend where the act goes its way", () => {
    expect(line(-7.2, "escalating")).toContain("continues an escalating trajectory");
    expect(line(5, "de-escalating")).toContain("fits a de-escalating trend");
    expect(line(1, "escalating")).toContain("though less conciliatory than the theatre's recent events");
  });
});

describe("composeSignificance: acts aimed at one's own side", () => {
  it("words a demand aimed at the doer's own government as domestic pressure, about the other side", () => {
    // Demo: "Ministers press Netanyahu to act against Iran" read "demands by Israel on Iran".
    const actors = findActors([
      "Israeli ministers press Netanyahu to act against Iran before a US-Iran deal.",
    ]).map((m) => m.actor);
    const id = (name: string) => actors.find((a) => a.name === name)?.id ?? "";
    const line = (type: "DEMAND" | "DISAPPROVE", targets: string[]) =>
      composeSignificance({
        type,
        actors,
        roles: { sources: [id("Israeli ministers")], targets },
        direction: "unknown",
        theatres: [],
      });
    expect(line("DEMAND", [id("Benjamin Netanyahu")])).toBe(
      "This indicates domestic pressure in Israel over Iran.",
    );
    expect(line("DISAPPROVE", [id("Benjamin Netanyahu")])).toContain(
      "domestic criticism in Israel over Iran",
    );
    expect(line("DEMAND", [id("Iran")])).toContain("demands by Israel on Iran");
    // Two sides each pressing their own government (Israeli ministers, US senators) over the third.
    const both = findActors([
      "Israeli ministers press Netanyahu and US senators urge Trump to act against Iran before a deal.",
    ]).map((m) => m.actor);
    const of = (name: string) => both.find((a) => a.name === name)?.id ?? "";
    expect(
      composeSignificance({
        type: "DEMAND",
        actors: both,
        roles: {
          sources: [of("Israeli ministers"), of("American senators")],
          targets: [of("Donald Trump"), of("Benjamin Netanyahu")],
        },
        direction: "unknown",
        theatres: [],
      }),
    ).toBe("This indicates domestic pressure in Israel and the United States over Iran.");
  });

  it("writes a group named by common nouns in lower case, whatever its sentence began with", () => {
    // Demo: "political backing by Aid agencies for the Rapid Support Forces".
    const actors = findActors([
      "Aid agencies welcomed the Rapid Support Forces' announcement of a truce.",
    ]).map((m) => m.actor);
    const agencies = actors.find((a) => a.name === "Aid agencies");
    const rsf = actors.find((a) => a.name === "Rapid Support Forces");
    expect(agencies && rsf).toBeTruthy();
    const line = composeSignificance({
      type: "SUPPORT",
      actors,
      roles: { sources: [agencies!.id], targets: [rsf!.id] },
      direction: "unknown",
      theatres: [],
    });
    expect(line).toBe("This indicates political backing by aid agencies for the Rapid Support Forces.");
  });
});
