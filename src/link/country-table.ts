// Fallback gazetteer for when no actor finder is supplied: "ISO3|names|demonyms|capital and main places".
const ROWS = [
  "AFG|Afghanistan|Afghan|Kabul;Kandahar;Helmand",
  "ALB|Albania|Albanian|Tirana",
  "DZA|Algeria|Algerian|Algiers",
  "AGO|Angola|Angolan|Luanda",
  "ARG|Argentina|Argentine;Argentinian|Buenos Aires",
  "ARM|Armenia|Armenian|Yerevan",
  "AUS|Australia|Australian|Canberra;Sydney;Melbourne",
  "AUT|Austria|Austrian|Vienna",
  "AZE|Azerbaijan|Azerbaijani;Azeri|Baku",
  "BHR|Bahrain|Bahraini|Manama",
  "BGD|Bangladesh|Bangladeshi|Dhaka",
  "BLR|Belarus|Belarusian|Minsk",
  "BEL|Belgium|Belgian|Brussels",
  "BOL|Bolivia|Bolivian|La Paz",
  "BIH|Bosnia|Bosnian|Sarajevo",
  "BRA|Brazil|Brazilian|Brasília;Brasilia;Rio de Janeiro;São Paulo",
  "BGR|Bulgaria|Bulgarian|Sofia",
  "BFA|Burkina Faso|Burkinabe|Ouagadougou",
  "MMR|Myanmar;Burma|Burmese;Myanmar|Naypyidaw;Yangon",
  "KHM|Cambodia|Cambodian|Phnom Penh",
  "CMR|Cameroon|Cameroonian|Yaoundé",
  "CAN|Canada|Canadian|Ottawa;Toronto",
  "CAF|Central African Republic||Bangui",
  "TCD|Chad|Chadian|N'Djamena",
  "CHL|Chile|Chilean|Santiago",
  "CHN|China|Chinese|Beijing;Shanghai;Wuhan;Xinjiang;Hong Kong",
  "COL|Colombia|Colombian|Bogotá;Bogota",
  "COD|Democratic Republic of the Congo;DR Congo;DRC|Congolese|Kinshasa;Goma",
  "CRI|Costa Rica|Costa Rican|San José",
  "HRV|Croatia|Croatian|Zagreb",
  "CUB|Cuba|Cuban|Havana",
  "CYP|Cyprus|Cypriot|Nicosia",
  "CZE|Czech Republic;Czechia|Czech|Prague",
  "DNK|Denmark|Danish|Copenhagen",
  "ECU|Ecuador|Ecuadorian|Quito",
  "EGY|Egypt|Egyptian|Cairo",
  "SLV|El Salvador|Salvadoran|San Salvador",
  "ERI|Eritrea|Eritrean|Asmara",
  "EST|Estonia|Estonian|Tallinn",
  "ETH|Ethiopia|Ethiopian|Addis Ababa;Tigray",
  "FIN|Finland|Finnish|Helsinki",
  "FRA|France|French|Paris",
  "GEO|Georgia|Georgian|Tbilisi",
  "DEU|Germany|German|Berlin",
  "GHA|Ghana|Ghanaian|Accra",
  "GRC|Greece|Greek|Athens",
  "GTM|Guatemala|Guatemalan|Guatemala City",
  "GIN|Guinea|Guinean|Conakry",
  "HTI|Haiti|Haitian|Port-au-Prince",
  "HND|Honduras|Honduran|Tegucigalpa",
  "HUN|Hungary|Hungarian|Budapest",
  "ISL|Iceland|Icelandic|Reykjavík",
  "IND|India|Indian|New Delhi;Delhi;Mumbai;Kashmir",
  "IDN|Indonesia|Indonesian|Jakarta",
  "IRN|Iran|Iranian|Tehran",
  "IRQ|Iraq|Iraqi|Baghdad;Mosul;Basra;Erbil",
  "IRL|Ireland|Irish|Dublin",
  "ISR|Israel|Israeli|Jerusalem;Tel Aviv",
  "ITA|Italy|Italian|Rome;Milan",
  "CIV|Ivory Coast;Côte d'Ivoire|Ivorian|Abidjan",
  "JPN|Japan|Japanese|Tokyo",
  "JOR|Jordan|Jordanian|Amman",
  "KAZ|Kazakhstan|Kazakh|Astana;Almaty",
  "KEN|Kenya|Kenyan|Nairobi",
  "XKX|Kosovo|Kosovar|Pristina",
  "KWT|Kuwait|Kuwaiti|Kuwait City",
  "KGZ|Kyrgyzstan|Kyrgyz|Bishkek",
  "LVA|Latvia|Latvian|Riga",
  "LBN|Lebanon|Lebanese|Beirut",
  "LBY|Libya|Libyan|Tripoli;Benghazi",
  "LTU|Lithuania|Lithuanian|Vilnius",
  "MDG|Madagascar|Malagasy|Antananarivo",
  "MWI|Malawi|Malawian|Lilongwe",
  "MYS|Malaysia|Malaysian|Kuala Lumpur",
  "MLI|Mali|Malian|Bamako",
  "MEX|Mexico|Mexican|Mexico City",
  "MDA|Moldova|Moldovan|Chișinău;Chisinau",
  "MNG|Mongolia|Mongolian|Ulaanbaatar",
  "MNE|Montenegro|Montenegrin|Podgorica",
  "MAR|Morocco|Moroccan|Rabat",
  "MOZ|Mozambique|Mozambican|Maputo;Cabo Delgado",
  "NPL|Nepal|Nepalese;Nepali|Kathmandu",
  "NLD|Netherlands;Holland|Dutch|Amsterdam;The Hague",
  "NZL|New Zealand|New Zealander|Wellington;Auckland",
  "NIC|Nicaragua|Nicaraguan|Managua",
  "NER|Niger|Nigerien|Niamey",
  "NGA|Nigeria|Nigerian|Abuja;Lagos;Borno",
  "PRK|North Korea|North Korean|Pyongyang",
  "MKD|North Macedonia|Macedonian|Skopje",
  "NOR|Norway|Norwegian|Oslo",
  "OMN|Oman|Omani|Muscat",
  "PAK|Pakistan|Pakistani|Islamabad;Karachi;Lahore",
  "PSE|Palestine;Gaza;West Bank;Gaza Strip|Palestinian|Ramallah",
  "PAN|Panama|Panamanian|Panama City",
  "PRY|Paraguay|Paraguayan|Asunción",
  "PER|Peru|Peruvian|Lima",
  "PHL|Philippines|Filipino;Philippine|Manila",
  "POL|Poland|Polish|Warsaw",
  "PRT|Portugal|Portuguese|Lisbon",
  "QAT|Qatar|Qatari|Doha",
  "ROU|Romania|Romanian|Bucharest",
  "RUS|Russia;Russian Federation|Russian|Moscow;Kremlin",
  "RWA|Rwanda|Rwandan|Kigali",
  "SAU|Saudi Arabia|Saudi|Riyadh",
  "SEN|Senegal|Senegalese|Dakar",
  "SRB|Serbia|Serbian|Belgrade",
  "SGP|Singapore|Singaporean|",
  "SVK|Slovakia|Slovak|Bratislava",
  "SVN|Slovenia|Slovenian|Ljubljana",
  "SOM|Somalia|Somali|Mogadishu",
  "ZAF|South Africa|South African|Pretoria;Johannesburg;Cape Town",
  "KOR|South Korea|South Korean|Seoul",
  "SSD|South Sudan|South Sudanese|Juba",
  "ESP|Spain|Spanish|Madrid;Barcelona;Catalonia",
  "LKA|Sri Lanka|Sri Lankan|Colombo",
  "SDN|Sudan|Sudanese|Khartoum;Darfur",
  "SWE|Sweden|Swedish|Stockholm",
  "CHE|Switzerland|Swiss|Bern;Geneva;Zurich",
  "SYR|Syria|Syrian|Damascus;Aleppo;Idlib",
  "TWN|Taiwan|Taiwanese|Taipei",
  "TJK|Tajikistan|Tajik|Dushanbe",
  "TZA|Tanzania|Tanzanian|Dodoma;Dar es Salaam",
  "THA|Thailand|Thai|Bangkok",
  "TUN|Tunisia|Tunisian|Tunis",
  "TUR|Turkey;Türkiye|Turkish|Ankara;Istanbul",
  "TKM|Turkmenistan|Turkmen|Ashgabat",
  "UGA|Uganda|Ugandan|Kampala",
  "UKR|Ukraine|Ukrainian|Kyiv;Kiev;Kharkiv;Donbas;Donbass;Crimea;Mariupol;Odesa",
  "ARE|United Arab Emirates;UAE|Emirati|Abu Dhabi;Dubai",
  "GBR|United Kingdom;UK;Britain;Great Britain;England;Scotland;Wales|British;English;Scottish;Welsh|London",
  "USA|United States;US;U.S.;USA;America|American|Washington;White House;Pentagon",
  "URY|Uruguay|Uruguayan|Montevideo",
  "UZB|Uzbekistan|Uzbek|Tashkent",
  "VEN|Venezuela|Venezuelan|Caracas",
  "VNM|Vietnam|Vietnamese|Hanoi",
  "YEM|Yemen|Yemeni|Sanaa;Aden;Hodeidah",
  "ZMB|Zambia|Zambian|Lusaka",
  "ZWE|Zimbabwe|Zimbabwean|Harare",
];

/** One place phrase of the fallback table and the ISO-3 country it points at. */
export interface CountryPhrase {
  words: string[];
  iso3: string;
  /** True for cities and regions (places), false for country names and demonyms. */
  place: boolean;
}

/** Phrases of the fallback table keyed by their first lower-cased word, longest first. */
export const COUNTRY_PHRASES: ReadonlyMap<string, CountryPhrase[]> = buildPhrases();

function buildPhrases(): Map<string, CountryPhrase[]> {
  const out = new Map<string, CountryPhrase[]>();
  const add = (phrase: string, iso3: string, place: boolean) => {
    const words = phrase.toLowerCase().split(/\s+/);
    const list = out.get(words[0]) ?? [];
    list.push({ words, iso3, place });
    out.set(words[0], list);
  };
  for (const row of ROWS) {
    const [iso3, names, demonyms, places] = row.split("|");
    for (const n of names.split(";").filter(Boolean)) add(n, iso3, false);
    for (const d of demonyms.split(";").filter(Boolean)) add(d, iso3, false);
    for (const p of (places ?? "").split(";").filter(Boolean)) add(p, iso3, true);
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
}

/** English short name of an ISO-3 code from the fallback table, or null. */
export function countryName(iso3: string): string | null {
  return COUNTRY_NAMES.get(iso3) ?? null;
}

const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map(
  ROWS.map((r) => {
    const [iso3, names] = r.split("|");
    return [iso3, names.split(";")[0]] as const;
  }),
);
