import { describe, expect, it } from "vitest";
import { shortenTitle } from "./shorten-title.ts";

// Real CEP dev headlines (2019–2022) over 110 characters.
describe("shortenTitle", () => {
  const cases = [
    {
      name: "short title unchanged",
      title:
        "A law recognising a third gender that can be administered for intersex people takes effect in Germany.",
      out: "A law recognising a third gender that can be administered for intersex people takes effect in Germany.",
    },
    {
      name: "no dangling preposition before the ellipsis",
      title:
        "Armed men believed to be traditional hunters have killed at least 37 people in an attack on a village in central Mali.",
      out: "Armed men believed to be traditional hunters have killed at least 37 people in an attack on a village…",
    },
    {
      name: "cut at the last clause boundary after the verb",
      title:
        "Turkey reports a new record of 5,532 new cases in the last 24 hours, surpassing the previous record set in April",
      out: "Turkey reports a new record of 5,532 new cases in the last 24 hours",
    },
    {
      name: "a name appositive before the verb is dropped, not the verb",
      title:
        'The President of South Ossetia, Anatoly Bibilov, declares that the partially recognised state will undertake "legal steps" in the near future for accession to become part of Russia.',
      out: 'The President of South Ossetia declares that the partially recognised state will undertake "legal steps"…',
    },
    {
      name: "an article-led appositive before the verb is dropped",
      title:
        'Marks & Spencer, a British retail chain, announces that it is permanently closing all of its 48 stores in Russia, which employ 1,200 people, saying that it is a "values-led business".',
      out: "Marks & Spencer announces that it is permanently closing all of its 48 stores in Russia",
    },
    {
      name: "the subject keeps its relative clause and its verb",
      title:
        "English association football club Bury F.C., who were in EFL League One, are expelled from the English Football League (EFL) after a takeover bid to save the club collapses",
      out: "English association football club Bury F.C., who were in EFL League One, are expelled from the English…",
    },
    {
      name: "a place between commas is kept: ellipsis after the verb",
      title:
        "A bombing at an outdoor market in Ras al-Ayn, al-Hasakah, Syria, kills at least eight people and injures 19 others",
      out: "A bombing at an outdoor market in Ras al-Ayn, al-Hasakah, Syria, kills at least eight people and injures 19…",
    },
    {
      name: "a leading adverbial does not end the title",
      title:
        "In a phone call with French president Emmanuel Macron, Russian president Vladimir Putin says that Russia will no longer attack nuclear power plants and is open to holding a trilateral meeting between Russia, Ukraine, and the International Atomic Energy Agency.",
      out: "In a phone call with French president Emmanuel Macron, Russian president Vladimir Putin says that Russia will…",
    },
    {
      name: "a verb in a later clause does not count: cut at the boundary as before",
      title:
        "In basketball, the Minnesota Timberwolves select Anthony Edwards with the first overall pick in the draft, after the draft was delayed due to COVID-19.",
      out: "In basketball, the Minnesota Timberwolves select Anthony Edwards with the first overall pick in the draft",
    },
    {
      name: "no boundary: word cut with an ellipsis",
      title:
        "Georgia Governor Brian Kemp drops his lawsuit against Atlanta Mayor Keisha Lance Bottoms over the city's mask mandate.",
      out: "Georgia Governor Brian Kemp drops his lawsuit against Atlanta Mayor Keisha Lance Bottoms over the city's mask…",
    },
    {
      name: "no comma left where a clause boundary follows it",
      title:
        "Biden speaks with Macron on diplomacy with and deterrence efforts against Russia, after Macron and Putin agreed to work towards a ceasefire agreement between Russia and Ukraine.",
      out: "Biden speaks with Macron on diplomacy with and deterrence efforts against Russia",
    },
    {
      name: "not cut inside 'as well as'",
      title:
        "An Iranian F-5 jet crashes into a school in Tabriz, East Azerbaijan Province, killing both pilots as well as a person on the ground.",
      out: "An Iranian F-5 jet crashes into a school in Tabriz, East Azerbaijan Province",
    },
    {
      name: "not cut at the 'as' of a role",
      title:
        "President Zelenskyy calls for Israeli Prime Minister Naftali Bennett to serve as a mediator in talks between Ukraine and Russia.",
      out: "President Zelenskyy calls for Israeli Prime Minister Naftali Bennett to serve as a mediator in talks between…",
    },
    {
      name: "not cut inside a place name",
      title:
        "At least 63 people are killed and 40 others injured by an explosion at a gold mine in Gbomblora, Poni, Burkina Faso.",
      out: "At least 63 people are killed and 40 others injured by an explosion at a gold mine in Gbomblora, Poni…",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const out = shortenTitle(c.title);
      expect(out).toBe(c.out);
      expect(out.length).toBeLessThanOrEqual(111);
    });
  }
});
