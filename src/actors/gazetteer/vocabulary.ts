/** Organs of a state or organisation: "phrases|sector|organ key|canonical name". */
export const ORGAN_ROWS: string[] = [
  "foreign ministry;ministry of foreign affairs;foreign affairs ministry;foreign office;foreign service|GOV|MFA|Foreign Ministry",
  "defence ministry;defense ministry;ministry of defence;ministry of defense;defence department;defense department|MIL|MOD|Defence Ministry",
  "interior ministry;ministry of interior;ministry of the interior;home office|GOV|MOI|Interior Ministry",
  "finance ministry;ministry of finance;treasury|GOV|MOF|Finance Ministry",
  "justice ministry;ministry of justice|JUD|MOJ|Justice Ministry",
  "ministry;ministries|GOV||Ministry",
  "embassy;consulate|GOV|EMB|Embassy",
  "presidency;presidential office;president's office;prime minister's office;palace|GOV|EXE|Presidency",
  "government;governments;administration;cabinet;regime;authorities;leadership;junta;rulers|GOV||Government",
  "intelligence;intelligence services;intelligence agency;secret service;spy agency|GOV|INT|Intelligence",
  "parliament;national assembly;assembly;congress;senate;legislature;house of representatives;lower house;upper house;duma;state duma;knesset;majlis;lawmakers;legislators;deputies;mps;parliamentarians|LEG||Parliament",
  "constitutional court;supreme court;high court;court;courts;tribunal;war crimes court;judiciary;prosecutors;prosecution|JUD||Court",
  "army;military;armed forces;troops;soldiers;forces;navy;air force;marines;commandos;paratroopers;warplanes;jets;fighter jets;aircraft;helicopters;gunships;tanks;artillery;drones;warships;bulldozers;predator;predators;reservists;units;garrison;battalion;brigade;servicemen;peacekeepers;peacekeeping troops;peacekeeping force;coalition forces;militaries|MIL||Military",
  "general staff;joint staff;joint chiefs of staff;joint chiefs|MIL|GS|General Staff",
  "police;policemen;riot police;border police;border guards;gendarmerie;gendarmes;security forces;security services;secret police;coast guard|COP||Police",
  "state media;state television;state tv;state radio;state broadcaster;state news agency;official news agency;state-run media;state-run television;state-run news agency|MED|STATE|State media",
  "radio;television;newspaper;news agency;press agency;broadcaster|MED||Media",
];

/** Titles of officials: "phrases|sector|canonical role". */
export const TITLE_ROWS: string[] = [
  "president;presidents|GOV|President",
  "vice president;vice-president|GOV|Vice President",
  "prime minister;premier|GOV|Prime Minister",
  "deputy prime minister;vice premier|GOV|Deputy Prime Minister",
  "chancellor|GOV|Chancellor",
  "king|GOV|King",
  "queen|GOV|Queen",
  "emir;amir|GOV|Emir",
  "sultan|GOV|Sultan",
  "crown prince|GOV|Crown Prince",
  "supreme leader|GOV|Supreme Leader",
  "foreign minister;foreign ministers|GOV|Foreign Minister",
  "deputy foreign minister;vice foreign minister;junior foreign minister|GOV|Deputy Foreign Minister",
  "defence minister;defense minister;defence ministers;defense ministers|MIL|Defence Minister",
  "interior minister|GOV|Interior Minister",
  "finance minister;finance ministers|GOV|Finance Minister",
  "justice minister|GOV|Justice Minister",
  "minister;ministers|GOV|Minister",
  "secretary of state|GOV|Secretary of State",
  "foreign secretary|GOV|Foreign Secretary",
  "defence secretary;defense secretary|MIL|Defence Secretary",
  "home secretary|GOV|Home Secretary",
  "secretary-general;secretary general|GOV|Secretary-General",
  "director-general;director general|GOV|Director-General",
  "spokesman;spokeswoman;spokesperson;spokespeople;spokesmen|GOV|Spokesperson",
  "ambassador;ambassadors|GOV|Ambassador",
  "envoy;special envoy;envoys|GOV|Envoy",
  "diplomat;diplomats|GOV|Diplomat",
  "negotiator;negotiators;chief negotiator|GOV|Negotiator",
  "mediator;mediators|GOV|Mediator",
  "official;officials;senior official;senior officials|GOV|Official",
  "counterpart;counterparts|GOV|Counterpart",
  "officer;officers|MIL|Officer",
  "General;Lieutenant General;Major General;Brigadier General;Brigadier;Colonel;Lieutenant Colonel;Admiral;Marshal;Field Marshal|MIL|General",
  "commander;commanders;army chief;military chief;chief of staff;chief of general staff|MIL|Commander",
  "leader;leaders|GOV|Leader",
  "chairman;chairwoman|GOV|Chairman",
  "governor|GOV|Governor",
  "mayor|GOV|Mayor",
  "senator;senators|LEG|Senator",
  "lawmaker;legislator;MP;member of parliament|LEG|Lawmaker",
  "speaker|LEG|Speaker",
  "judge;judges|JUD|Judge",
  "prosecutor;chief prosecutor;attorney general|JUD|Prosecutor",
  "ayatollah;grand ayatollah;cleric|GOV|Cleric",
];

/** Nouns for groups of people whose country comes from a modifier or the context: "phrases|sector". */
export const GENERIC_ROWS: string[] = [
  "bomber;bombers;suicide bomber;suicide bombers;rebels;rebel;guerrillas;guerrilla;insurgents;insurgent;militants;militant;militiamen;militia;militias;fighters;gunmen;gunman;separatists;jihadists;extremists;terrorists;terror network;hijackers;kidnappers;hostage-takers;armed groups;armed group;armed men;assailants;attackers;bandits;gangs;gang;paramilitaries;paramilitary|REB",
  "demonstrators;protesters;protestors;marchers;rioters;strikers;students;workers;civilians;refugees;villagers;residents;citizens;youths;crowds;crowd;mob;farmers;settlers;prisoners;prisoner;detainees;inmates;hackers;pilgrims;worshippers;tribesmen;migrants;asylum seekers;population;journalist;journalists;missionary;national;nationals;activist;activists;elders;sides|CVL",
  "opposition;opposition party;opposition parties;opposition coalition;dissidents;party;candidates|OPP",
  // A governing or military coalition acts for states: "coalition ministers", "the Saudi-led coalition struck".
  "coalition;ruling coalition;governing coalition;ruling party|GOV",
  "company;companies;firm;firms;businessmen|BUS",
  "international community;international observers;international monitors;international mediators;international inspectors;international peacekeepers;international force|IGO",
  "human rights group;human rights groups;rights group;rights groups;human rights organization;human rights organisation;aid agencies;aid agency;aid groups;aid group;aid workers;charity;charities;relief agency;relief agencies;humanitarian groups;humanitarian organizations|NGO",
];

/** Ethnic and religious group words: "phrases|home ISO-3 or empty when the residence decides". */
export const ETHNIC_ROWS: string[] = [
  "kurds;kurd;kurdish|",
  "arabs;arab|",
  "moslem;moslems;muslim;muslims;islamic|",
  "christian;christians|",
  "shiite;shiites;shia;shi'ite;shi'ites;sunni;sunnis|",
  "jews;jewish|",
  "druze|",
  "hutu;hutus;tutsi;tutsis|",
  "pashtun;pashtuns|",
  "berber;berbers;tuareg;tuaregs|",
  "hindu;hindus|",
  "islamist;islamists;fundamentalist;fundamentalists;maoist;maoists|",
  "jewish settlers;israeli settlers|ISR",
  "alawite;alawites|SYR",
  "tamil;tamils|LKA",
  "karen;kachin;rohingya|MMR",
  "hausa;ibo;igbo;yoruba|NGA",
  "uighur;uighurs;uyghur;uyghurs;tibetan;tibetans|CHN",
  "chechen;chechens|RUS",
  "baloch;baluch|PAK",
  "sikh;sikhs|IND",
  "oromo;tigrayan;tigrayans|ETH",
  "masalit;zaghawa|SDN",
  "nuer;dinka|SSD",
  "zulu;zulus|ZAF",
];

/** Adjectives that may stand between a country word and the noun it modifies. */
export const NP_FILLERS: ReadonlySet<string> = new Set(
  (
    "new former senior top deputy junior vice chief interim transitional acting ousted exiled military civilian ethnic " +
    "main radical hardline moderate leading local regional national federal provincial central human rights paper " +
    "border riot elite special armed ruling governing breakaway separatist islamist militant rebel opposition " +
    "traditional foreign defence defense intelligence security peacekeeping naval air ground navy army police " +
    "university state government official young angry retired outgoing incoming newly elected appointed " +
    "sandinista communist socialist conservative nationalist democratic republican royal imperial " +
    "first second third one two three several some many few thousands hundreds dozens"
  ).split(" "),
);

/** Particles that may appear inside personal names ("Hans van den Broek", "Osama bin Laden"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  "bin ibn al el van den der de da du von la le abu abd".split(" "),
);
