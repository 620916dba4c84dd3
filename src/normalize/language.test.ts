import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLanguage, plainEnglish } from "./language.ts";

const cep = readFileSync(new URL("../../../shared/data/cep/dev-2019-2022.ndjson", import.meta.url), "utf8")
  .split("\n")
  .filter(Boolean)
  .slice(0, 400)
  .map((l) => JSON.parse(l) as { title: string });

describe("detectLanguage", () => {
  it("takes most one-line English summaries as English without the model", () => {
    const fast = cep.filter((e) => plainEnglish(e.title.slice(0, 100)));
    expect(fast.length / cep.length).toBeGreaterThan(0.6);
    for (const e of fast) expect(detectLanguage(e.title), e.title).toBe("en");
  });

  it("reads English that the n-gram model alone called Tagalog", () => {
    expect(
      detectLanguage(
        "Militants kill five Indian paramilitary police in Anantnag district, and two are wounded.",
      ),
    ).toBe("en");
  });

  it("sends text in other languages to the model", () => {
    const foreign: [string, string][] = [
      [
        "fr",
        "Le gouvernement a annoncé mardi une nouvelle série de mesures pour les agriculteurs touchés par la sécheresse.",
      ],
      [
        "de",
        "Die Regierung hat am Dienstag neue Hilfen für die Landwirte angekündigt, die unter der Dürre leiden.",
      ],
      [
        "es",
        "El gobierno anunció el martes un nuevo paquete de ayudas para los agricultores afectados por la sequía.",
      ],
      [
        "it",
        "Il governo ha annunciato martedì un nuovo pacchetto di aiuti per gli agricoltori colpiti dalla siccità.",
      ],
      [
        "nl",
        "De regering heeft dinsdag een nieuw steunpakket aangekondigd voor boeren die door de droogte zijn getroffen.",
      ],
      [
        "pt",
        "O governo anunciou na terça-feira um novo pacote de ajuda para os agricultores afetados pela seca.",
      ],
      ["sv", "Regeringen presenterade på tisdagen ett nytt stödpaket för bönder som drabbats av torkan."],
      [
        "id",
        "Pemerintah mengumumkan paket bantuan baru untuk para petani yang terdampak kekeringan pada hari Selasa.",
      ],
    ];
    for (const [lang, text] of foreign) {
      expect(plainEnglish(text.slice(0, 100)), text).toBe(false);
      // eld tells Indonesian from Malay poorly: either is right here, English is not.
      expect(detectLanguage(text), text).toBe(lang === "id" && detectLanguage(text) === "ms" ? "ms" : lang);
    }
    expect(plainEnglish("Правительство объявило о новых мерах, and the talks will resume")).toBe(false);
  });
});
