import { describe, expect, it } from "vitest";
import { analyzeText } from "./analyze-text.ts";

const keys = (title: string, text = ""): string[] => [...analyzeText(title, text, 1).tf.keys()];

describe("analyzeText", () => {
  it.each([
    {
      name: "names in running text become @ features, one per word",
      title: "Rescuers search rubble after the quake",
      text: "Interior Minister Lucia Ferrada visited Valparaiso on Monday.",
      has: ["@lucia", "@ferrada", "@valparaiso", "rescuer", "rubbl"],
      lacks: ["@rescuers", "@monday"],
    },
    {
      name: "numbers and dates are kept apart",
      title: "Quake of magnitude 6.8 kills 12",
      text: "It struck on March 3, 2025 at 2:41 a.m., and 1,200 homes lost power in May 2024.",
      has: ["#6.8", "#12", "#1200", "^2025", "^m3", "^2024", "^m5"],
      lacks: ["#2025"],
    },
    {
      name: "Headline Case says nothing about names",
      title: "Stocks Slip As Investors Weigh Weak China Data",
      text: "",
      has: ["stock", "investor", "china"],
      lacks: ["@stocks", "@china"],
    },
    {
      name: "stopwords and possessives are dropped",
      title: "The navy's ship was said to be near the coast",
      text: "",
      has: ["navy", "ship", "coast"],
      lacks: ["the", "said", "navy's"],
    },
  ])("$name", ({ title, text, has, lacks }) => {
    const k = keys(title, text);
    for (const h of has) expect(k).toContain(h);
    for (const l of lacks) expect(k).not.toContain(l);
  });

  it("weights title words by the title weight", () => {
    const f = analyzeText("Ferry sinks", "A ferry sank.", 2);
    expect(f.tf.get("ferry")).toBe(3);
  });

  it("keeps whole names for display", () => {
    const f = analyzeText("x", "Officials said Interior Minister Lucia Ferrada would visit.", 1);
    expect([...f.entityLabels.values()]).toContain("Interior Minister Lucia Ferrada");
  });
});
