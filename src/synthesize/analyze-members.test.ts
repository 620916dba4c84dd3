import { describe, expect, it } from "vitest";
import type { Article } from "../model/article.ts";
import { analyzeMembers } from "./analyze-members.ts";

function article(id: string, sentences: string[]): Article {
  return {
    id,
    sourceId: "test",
    externalId: id,
    url: null,
    canonicalUrl: null,
    title: sentences[0],
    text: sentences.join(" "),
    outlet: "Test Wire",
    language: "en",
    publishedAt: "2026-11-10T10:00:00.000Z",
    dateEstimated: false,
    fetchedAt: "2026-11-10T10:00:00.000Z",
    contentHash: id,
    syndicatedOf: null,
    sentences,
    eventId: 1,
    seq: 1,
    gold: null,
  };
}

describe("analyzeMembers", () => {
  it("credits what 'the President' does to the president the report named earlier", () => {
    const a = analyzeMembers([
      article("a1", [
        "President Masoud Pezeshkian said on Tuesday that Iran seeks peace and stability in the region.",
        "The President also called on the governors to focus on reconstruction in Khuzestan and Bushehr provinces.",
      ]),
    ]);
    const ids = a.actors.map((x) => x.id);
    expect(ids).toContain("person:masoud-pezeshkian");
    expect(ids).not.toContain("IRN-GOV");
    const second = a.sentences.find((s) => s.text.startsWith("The President"));
    expect(a.actorSentences["person:masoud-pezeshkian"]).toContain(second?.ref);
  });

  it("credits a bare surname in one report to the person another report names in full", () => {
    const a = analyzeMembers([
      article("p1", [
        "Major General Mohammad Pakpour, commander of the Revolutionary Guards, said any attack on Iran would be met with a crushing response.",
      ]),
      article("p2", [
        "Speaking at a ceremony in Tehran, Major General Pakpour said the deployment of American forces changes nothing in Iran's calculations.",
      ]),
    ]);
    const ids = a.actors.map((x) => x.id);
    expect(ids).toContain("person:mohammad-pakpour");
    expect(ids).not.toContain("person:pakpour");
    expect(a.actorSentences["person:mohammad-pakpour"]).toHaveLength(2);
  });

  it("places an event where its towns are, not at the countries it names as actors", () => {
    const speech = analyzeMembers([
      article("k1", [
        "Leader of the Revolution says talks with the United States under threat are not talks.",
        "Speaking in Tehran, he said the United States could not be trusted and that the United States must lift sanctions.",
      ]),
    ]);
    expect(speech.location).toBe("IRN");
    expect(speech.places).toContain("USA");
    const aid = analyzeMembers([
      article("s1", [
        "Aid reaches Kadugli, but residents say it is far from enough.",
        "Trucks arrived on Monday.",
      ]),
    ]);
    expect(aid.location).toBe("SDN");
    // Towns spread over three capitals: the denier's country decides (demo #34).
    const denial = analyzeMembers([
      article("d1", [
        "Iran denied on Saturday that it had reached a formal agreement with the United States.",
        "Iranian Foreign Ministry spokesman Esmail Baghaei told a news conference in Tehran that talks continue.",
        "A US outlet had reported that a framework was initialled in Islamabad, and officials in Lahore confirmed it.",
      ]),
    ]);
    expect(denial.location).toBe("IRN");
  });

  it("places talks where their headlines put them, though the reports' towns are in the warring country", () => {
    // Demo #37: the bodies name the Congolese towns the fighting was about; the headlines name where the talks sit.
    const talks = {
      ...article("q1", [
        "Negotiators for Kinshasa and the rebels agreed in Doha on Tuesday on a mechanism for exchanging detainees.",
        "Government spokesman Patrick Muyaya said no peace is possible without a withdrawal from Sange.",
      ]),
      title: "Doha talks agree prisoner-exchange mechanism, but no ceasefire map",
    };
    const swap = {
      ...article("q2", [
        "Congo and the M23 rebel group agreed on Tuesday on a mechanism to exchange prisoners.",
        "The rebels took the town of Sange near Uvira this month, and thousands of people fled.",
      ]),
      title: "Congo and M23 agree on prisoner swap mechanism in Qatar talks",
    };
    expect(analyzeMembers([talks, swap]).location).toBe("QAT");
  });

  it("reads an explainer's headline as its topics, and who acted from the sentences coded with the event's type", () => {
    // Demo: "Talks and strike talk: why the pressure for a military option is rising now" was a consultation
    // ("Talks") between Iran and Israel, though its reports tell of ministers pressing for military action.
    const a = analyzeMembers([
      {
        ...article("x1", [
          "Two parallel conversations are now under way about Iran.",
          "On Monday, Israeli ministers Bezalel Smotrich and Itamar Ben-Gvir called for Israel to prepare to act, despite the talks.",
          "On Tuesday, Israeli ministers urged Prime Minister Benjamin Netanyahu to order strikes before a deal.",
        ]),
        title: "Talks and strike talk: why the pressure for a military option is rising now",
      },
    ]);
    expect(a.type).toBe("DEMAND");
    expect(a.actSources.length).toBeGreaterThan(0);
    expect(a.actSources.every((id) => id.startsWith("ISR") || id.startsWith("person:"))).toBe(true);
  });

  it("finds whom the act is aimed at in later sentences of its type when the opening names none", () => {
    // Demo, "Iran's Pezeshkian says country wants peace": the opening backs "efforts to extend the ceasefire with the
    // United States" (no one backed); a later sentence welcomes the truce in Lebanon.
    const a = analyzeMembers([
      article("p1", [
        "Iranian President Masoud Pezeshkian said on Tuesday that Iran does not want war and backed efforts to extend the ceasefire with the United States.",
        "Pezeshkian said his government supported every effort to consolidate the ceasefire and welcomed the truce in Lebanon.",
      ]),
    ]);
    expect(a.type).toBe("SUPPORT");
    expect(a.actTargets).toContain("LBN");
    expect(a.actTargets).not.toContain("USA");
  });
});
