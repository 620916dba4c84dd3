import { describe, expect, it } from "vitest";
import { codeSentence } from "./code-sentence.ts";

const cases = [
  { text: "US orders 10,000 more troops and carrier strike group to Middle East", event: "MOBILIZE" },
  { text: "Pentagon bolsters Gulf forces as diplomats seek to extend Iran ceasefire", event: "MOBILIZE" },
  { text: "Zelensky secures IRIS-T and Patriot missiles in Berlin", event: "AID" },
  { text: "Baghaei: no formal agreement reached with America; talks continue", event: "REJECT" },
  { text: "Norway will provide 20 million dollars in aid to Yemen.", event: "AGREE" },
  { text: "The two sides agreed on a prisoner swap.", event: "AGREE" },
  { text: "Iraqi and Kuwaiti officials held talks in Baghdad.", event: "CONSULT" },
  { text: "Egypt welcomed the ceasefire announcement.", event: "SUPPORT" },
  // The demo's Iranian endorsement of the Lebanon truce: backing given or embraced is support, not aid or a truce.
  { text: "Iranian state media embrace Lebanon truce in shift of tone", event: "SUPPORT" },
  {
    text: "Iranian state media have given strong backing to the 10-day Israel-Lebanon ceasefire, a change of tone.",
    event: "SUPPORT",
  },
  { text: "Jordan shared intelligence with Saudi Arabia about the plot.", event: "COOPERATE" },
  { text: "The UAE delivered medical supplies to Gaza.", event: "AID" },
  { text: "The junta lifted the curfew in Yangon.", event: "CONCEDE" },
  { text: "Rebels released 30 hostages on Sunday.", event: "RETREAT" },
  { text: "Prosecutors opened an investigation into the bombing.", event: "INVESTIGATE" },
  { text: "Poland demanded that Belarus close the migrant camps.", event: "DEMAND" },
  { text: "China accused the Philippines of provocations.", event: "DISAPPROVE" },
  { text: "Kyiv rejected the Russian proposal.", event: "REJECT" },
  // A limit drawn for talks is a refusal to yield (the demo's Araghchi interview), not talks or fire.
  { text: "Iran's Araghchi publicly restates enrichment red line as talks continue", event: "REJECT" },
  {
    text: "The minister said Iran's defensive missile capabilities were not up for negotiation.",
    event: "REJECT",
  },
  { text: "Zero enrichment is not on any table that Iran sits at, Araghchi said.", event: "REJECT" },
  { text: "Israel crossed a red line, Hezbollah said.", event: "DISAPPROVE" },
  { text: "Israel and Lebanon agree 10-day ceasefire linked to US-Iran talks", event: "AGREE" },
  { text: "The 10-day ceasefire took effect at midnight on Sunday, Beirut time.", event: "RETREAT" },
  {
    text: "Pakistan and Qatar on Wednesday announced a 21-day extension of the ceasefire between the United States and Iran.",
    event: "RETREAT",
  },
  // A denial is the event, not what it denies (the demo's UAE statement, which had read as aid).
  {
    text: "The United Arab Emirates denied on Friday that it supplies the Rapid Support Forces with weapons.",
    event: "REJECT",
  },
  { text: "Abu Dhabi denies arming RSF; Port Sudan says evidence 'speaks for itself'", event: "REJECT" },
  { text: "Iran threatened to close the Strait of Hormuz.", event: "THREATEN" },
  { text: "The government said it was prepared to impose martial law.", event: "THREATEN" },
  { text: "Thousands of Serbians demonstrated in Belgrade.", event: "PROTEST" },
  { text: "Lithuania expelled three Russian diplomats.", event: "SANCTION" },
  { text: "Armenia mobilized reservists after the clashes.", event: "MOBILIZE" },
  { text: "Police arrested 40 opposition supporters in Tbilisi.", event: "COERCE" },
  { text: "Gunmen kidnapped 12 aid workers in Darfur.", event: "ASSAULT" },
  { text: "Militants killed four villagers in a night raid.", event: "ASSAULT" },
  { text: "Israeli forces killed four militants in Jenin.", event: "FIGHT" },
  { text: "Russian artillery shelled Kherson overnight.", event: "FIGHT" },
  { text: "The UN chief called for restraint on both sides.", event: "REQUEST" },
  { text: "Iran must halt enrichment, the envoy said.", event: "DEMAND" },
  { text: "All parties should respect the truce.", event: "DEMAND" },
];

describe("codeSentence event type", () => {
  for (const c of cases) it(`${c.event}: ${c.text}`, () => expect(codeSentence(c.text).event).toBe(c.event));

  it("reads a call for peace as a cooperative appeal, not a demand that raises the pressure", () => {
    const c = codeSentence(
      "Iranian President Masoud Pezeshkian's call for peace was welcomed in Gulf capitals.",
    );
    expect(c.event).toBe("REQUEST");
    expect(c.intensity).toBeGreaterThan(0);
  });

  it("does not take a known event named as the reason for the event reported (CEP 2022 wording)", () => {
    expect(
      codeSentence(
        "Russia is disqualified from competing in the Eurovision Song Contest 2022 due to its invasion of Ukraine.",
      ).event,
    ).toBe("SANCTION");
    expect(codeSentence("Oil prices rise over the invasion of Ukraine.").event).toBeNull();
    // A new incident is still the event: "after an invasion", "following an attack".
    expect(codeSentence("Israeli jets strike Gaza following the attack on a border post.").event).toBe(
      "FIGHT",
    );
  });

  it("does not read 'must' with no actor before it as a demand", () => {
    expect(codeSentence('"Peace must come with dignity," the President said.').event).not.toBe("DEMAND");
  });

  it("codes talks between two parties as both acting (the seed's Baghaei sentence)", () => {
    const c = codeSentence(
      "Iranian Foreign Ministry official Esmail Baghaei confirmed ongoing communications between Iran and the United States facilitated by a mediator.",
    );
    expect(c.event).toBe("CONSULT");
    expect(c.source).toEqual(["IRN", "USA"]);
    expect(c.sourceActors.map((a) => a.id)).toContain("person:esmail-baghaei");
  });

  it("reads a known truce named with 'the' as what the sentence is about, not as a truce declared", () => {
    // The demo's Iranian commentary and statements on the Lebanon truce had every sentence typed RETREAT.
    expect(
      codeSentence("Commentary: the Lebanon ceasefire is a victory for the Resistance").event,
    ).toBeNull();
    expect(
      codeSentence(
        "Iran's Foreign Ministry has not issued a formal statement on the ceasefire, which is due to last 10 days.",
      ).event,
    ).toBeNull();
    // Agreeing to a truce codes the truce (CAMEO 0871), not a generic agreement; the talks it is tied to are no target.
    const agreed = codeSentence("Israel and Lebanon agree 10-day ceasefire linked to US-Iran talks");
    expect([agreed.cameo, agreed.source, agreed.target]).toEqual(["0871", ["ISR", "LBN"], []]);
  });

  it("gives no type to a sentence without an event", () => {
    expect(codeSentence("The weather in Oslo was mild.").event).toBeNull();
  });

  it("scores intensity on the Goldstein scale: cooperation positive, force most negative", () => {
    const aid = codeSentence("The UAE delivered medical supplies to Gaza.").intensity ?? 0;
    const fight = codeSentence("Russian artillery shelled Kherson overnight.").intensity ?? 0;
    expect(aid).toBeGreaterThan(0);
    expect(fight).toBeLessThanOrEqual(-8);
    expect(fight).toBeGreaterThanOrEqual(-10);
  });

  it("names the cue that decided the type", () => {
    expect(codeSentence("Iran threatened to close the Strait of Hormuz.").cue).toBe("threatened");
  });
});

describe("codeSentence armed groups", () => {
  it("reads an armed group's drones or fighters as the group, not as a state's military", () => {
    // The demo's RSF truce record: "RSF drones struck El Obeid" was a Sudanese military named "Drones (Rapid Support
    // Forces)", and the significance line gave the RSF's acceptance of a truce to Sudan.
    const rsf = codeSentence("The announcement came less than two weeks after RSF drones struck El Obeid.");
    expect(rsf.sourceActors.map((a) => [a.id, a.name, a.sector])).toEqual([
      ["org:rsf", "Rapid Support Forces", "REB"],
    ]);
  });

  it("gives a casualty toll with no agent to the attacker of the clause that caused it", () => {
    // The demo's El Obeid headline had the RSF as the target of its own strike.
    const obeid = codeSentence("Eleven killed as RSF drones hit El Obeid");
    expect(obeid.sourceActors.map((a) => a.id)).toEqual(["org:rsf"]);
    expect(obeid.targetActors.map((a) => a.id)).not.toContain("org:rsf");
    expect(obeid.event).toBe("ASSAULT");
    // The Current Events style: the toll first, the attack after "after".
    const kharkiv = codeSentence("At least 20 people are killed after Russian missiles strike Kharkiv.");
    expect([kharkiv.source, kharkiv.target]).toEqual([["RUS"], ["UKR"]]);
    // Named casualties stay the targets; an active killing keeps its own subject.
    const bakhmut = codeSentence(
      "Five Ukrainian soldiers were killed when Russian forces attacked their positions near Bakhmut.",
    );
    expect([bakhmut.source, bakhmut.target]).toEqual([["RUS"], ["UKR"]]);
    const active = codeSentence("Israeli forces killed four militants after Hamas attacked a checkpoint.");
    expect(active.source).toEqual(["ISR"]);
  });

  it("gives an act named by its noun to the agent after 'by', not to the sentence's subject", () => {
    // The demo's El Obeid strike was "a use of military force by Sudan against the Rapid Support Forces".
    const c = codeSentence(
      "Hospitals in El Obeid were running on generators on Wednesday evening after a drone attack by the Rapid Support Forces knocked out the city's main power station, doctors and residents said.",
    );
    expect(c.sourceActors.map((a) => a.id)).toEqual(["org:rsf"]);
    expect(c.targetActors.map((a) => a.id)).not.toContain("org:rsf");
  });
});

describe("codeSentence actors without a country word", () => {
  it("does not give a body the country of those it acts on (the demo's sanctions rounds)", () => {
    const treasury = codeSentence(
      "The Treasury Department on Friday imposed sanctions on three senior commanders of Sudan's Rapid Support Forces.",
    );
    expect(treasury.event).toBe("SANCTION");
    expect(treasury.sourceActors.map((a) => a.country)).not.toContain("SDN");
    expect(treasury.targetActors.map((a) => a.country)).toContain("SDN");
    const ministry = codeSentence(
      "Foreign Ministry condemns new US sanctions as 'contradiction' of diplomacy claims",
    );
    expect(ministry.sourceActors.map((a) => a.country)).not.toContain("USA");
    // A country named before the verb is still the body's own.
    const own = codeSentence("Sudan's Foreign Ministry condemned the attack on the convoy.");
    expect(own.sourceActors.map((a) => a.country)).toContain("SDN");
  });
});

describe("codeSentence aid: who gives and who receives", () => {
  it("reads the subject of 'secures missiles' as the recipient, and the place as the giver", () => {
    const c = codeSentence("Zelensky secures IRIS-T and Patriot missiles in Berlin");
    expect(c.event).toBe("AID");
    expect(c.sourceActors.map((a) => a.country)).toEqual(["DEU"]);
    expect(c.targetActors.map((a) => a.country)).toEqual(["UKR"]);
  });

  it("takes the recipient after 'for', not after a purpose's 'to'", () => {
    const c = codeSentence(
      "German Chancellor Friedrich Merz on Monday announced a €2.1 billion aid package for Ukraine, as Zelensky " +
        "visited Berlin seeking help to protect his country's power grid from Russian strikes.",
    );
    expect(c.event).toBe("AID");
    expect(c.targetActors.map((a) => a.country)).toContain("UKR");
    expect(c.targetActors.map((a) => a.country)).not.toContain("RUS");
  });
});

describe("codeSentence reported acts", () => {
  it("gives the act to the actor of the reported clause, not to the speaker", () => {
    const c = codeSentence(
      "President Volodymyr Zelensky said on Monday that Germany's new €2.1 billion package, which includes two " +
        "IRIS-T systems and Patriot missiles, would cover the most vulnerable energy facilities.",
    );
    expect(c.event).toBe("AID");
    expect(c.sourceActors.map((a) => a.country)).toEqual(["DEU"]);
    // With no actor in the reported clause, the speaker stays the source.
    const own = codeSentence("Iran's foreign minister said on Monday that talks would resume next week.");
    expect(own.sourceActors.map((a) => a.country)).toContain("IRN");
  });

  it("gives an arrival or delivery to whose convoy or aid it is, not to those who tell of it", () => {
    // Demo, "Aid reaches Kadugli": the residents of Kadugli were read as giving aid to the WFP.
    const c = codeSentence(
      "Residents of Kadugli said on Monday that the arrival of a World Food Programme convoy had brought relief.",
    );
    expect(c.event).toBe("AID");
    expect(c.source).toEqual(["IGO"]);
    expect(c.target).not.toContain("IGO");
    const us = codeSentence("The delivery of US aid to Ukraine resumed on Monday.");
    expect([us.source, us.target]).toEqual([["USA"], ["UKR"]]);
  });

  it("reads a briefing as a consultation by whoever briefs, and what it is about as its topic", () => {
    // Demo, "Israeli officials briefed on advanced US-Iran backchannel": the US-Iran negotiations the officials were
    // told of were read as the act, "a sustained diplomatic channel between Iran and Israel".
    const body = codeSentence(
      "Israeli security officials have been briefed by their American counterparts on significant progress in indirect negotiations between Washington and Tehran, according to two Israeli officials.",
    );
    expect([body.event, body.source, body.target]).toEqual(["CONSULT", ["USA"], ["ISR"]]);
    const headline = codeSentence(
      "Israeli officials briefed on advanced US-Iran backchannel, fear 'partial deal'",
    );
    expect([headline.event, headline.source, headline.target]).toEqual(["CONSULT", [], ["ISR"]]);
    const active = codeSentence("Blinken briefed Netanyahu on the talks with Iran.");
    expect([active.source, active.target]).toEqual([["USA"], ["ISR"]]);
  });

  it("reads backing a push or plan as support, and a truce deadline as a date, not a truce", () => {
    // Demo headlines: "Gulf capitals back Turkish push …" was a truce (RETREAT) by Turkey; "… wants peace ahead of
    // truce deadline" a truce by Iran.
    const back = codeSentence("Gulf capitals back Turkish push to prolong US-Iran truce");
    expect([back.event, back.source, back.target]).toEqual(["SUPPORT", ["IGO"], ["TUR"]]);
    expect(
      codeSentence("Iran's Pezeshkian says country wants peace ahead of truce deadline").event,
    ).toBeNull();
    expect(codeSentence("The troops came back to the base on Monday.").event).toBeNull();
  });

  it("reads a country owning a named group or person as where they are from, not a second actor", () => {
    // Demo, "RSF announces acceptance of three-month humanitarian truce": "Sudan's Rapid Support Forces" made Sudan a
    // party to the RSF's acceptance ("an agreement between the RSF, Sudan and the UAE").
    const rsf = codeSentence(
      "Sudan's Rapid Support Forces said on Sunday it had accepted a three-month humanitarian truce proposed by the Quad.",
    );
    expect([rsf.event, rsf.sourceActors.map((a) => a.name), rsf.targetActors.map((a) => a.name)]).toEqual([
      "AGREE",
      ["Rapid Support Forces"],
      ["Quad"],
    ]);
    expect(
      codeSentence("Lebanon's Hezbollah fired rockets at Israel.").sourceActors.map((a) => a.name),
    ).toEqual(["Hezbollah"]);
    // A state organ stays its country's: "Sudan's army".
    expect(codeSentence("Sudan's army said on Sunday it had rejected the truce.").source).toEqual(["SDN"]);
  });

  it("does not make a party to what is backed the one backed", () => {
    // Demo, "Iran's Pezeshkian says country wants peace": "political backing by Iran for the United States".
    const c = codeSentence(
      "Iranian President Masoud Pezeshkian said on Tuesday that Iran does not want war and backed efforts to extend the ceasefire with the United States.",
    );
    expect(c.event).toBe("SUPPORT");
    expect(c.target).not.toContain("USA");
    expect(codeSentence("Germany supported Ukraine with air defence systems.").target).toEqual(["UKR"]);
  });

  it("makes whom a letter or appeal went to the target of what it urges", () => {
    // Demo, "Talks and strike talk": "wrote to President Trump urging strikes on Iran" had Iran as the target.
    const c = codeSentence(
      "On Sunday, 22 Republican senators led by Lindsey Graham and Tom Cotton wrote to President Trump urging strikes on Iran's remaining nuclear infrastructure.",
    );
    expect([c.event, c.source, c.target]).toEqual(["DEMAND", ["USA"], ["USA"]]);
    expect(c.targetActors.map((a) => a.name)).toEqual(["Donald Trump"]);
  });
});
