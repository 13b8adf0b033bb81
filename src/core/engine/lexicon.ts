// Word lists the engine uses. Written for news text in English; keep entries general, not
// tuned to any one story. Lookups are by folded key (lower case, accents removed).

import { fold } from './text';
import { COUNTRY_NAMES, GIVEN_NAMES_B, GIVEN_NAMES_F, GIVEN_NAMES_M, US_STATES } from './wordlists';

// Country | demonym (adjective, singular) | other names that mean the country.
const COUNTRIES = `
Afghanistan|Afghan;Albania|Albanian;Algeria|Algerian;Angola|Angolan;Argentina|Argentine,Argentinian;
Armenia|Armenian;Australia|Australian;Austria|Austrian;Azerbaijan|Azerbaijani;Bahrain|Bahraini;
Bangladesh|Bangladeshi;Belarus|Belarusian;Belgium|Belgian;Bolivia|Bolivian;Bosnia|Bosnian;Brazil|Brazilian;
Bulgaria|Bulgarian;Burkina Faso|Burkinabe;Cambodia|Cambodian;Cameroon|Cameroonian;Canada|Canadian;Chad|Chadian;
Chile|Chilean;China|Chinese;Colombia|Colombian;Congo|Congolese;Costa Rica|Costa Rican;Croatia|Croatian;Cuba|Cuban;
Cyprus|Cypriot;Czech Republic|Czech=Czechia;Denmark|Danish,Dane;Dominican Republic|Dominican;Ecuador|Ecuadorian;
Egypt|Egyptian;El Salvador|Salvadoran,Salvadorean;Eritrea|Eritrean;Estonia|Estonian;Ethiopia|Ethiopian;
Finland|Finnish,Finn;France|French;Georgia|Georgian;Germany|German;Ghana|Ghanaian;Greece|Greek;
Guatemala|Guatemalan;Guinea|Guinean;Guyana|Guyanese;Haiti|Haitian;Honduras|Honduran;Hungary|Hungarian;
Iceland|Icelandic,Icelander;India|Indian;Indonesia|Indonesian;Iran|Iranian;Iraq|Iraqi;Ireland|Irish;
Israel|Israeli;Italy|Italian;Jamaica|Jamaican;Japan|Japanese;Jordan|Jordanian;Kazakhstan|Kazakh;Kenya|Kenyan;
Kosovo|Kosovar;Kuwait|Kuwaiti;Kyrgyzstan|Kyrgyz;Laos|Laotian;Latvia|Latvian;Lebanon|Lebanese;Libya|Libyan;
Lithuania|Lithuanian;Luxembourg|Luxembourgish;Madagascar|Malagasy;Malaysia|Malaysian;Mali|Malian;Malta|Maltese;
Mexico|Mexican;Moldova|Moldovan;Mongolia|Mongolian;Montenegro|Montenegrin;Morocco|Moroccan;
Mozambique|Mozambican;Myanmar|Burmese=Burma;Namibia|Namibian;Nepal|Nepali,Nepalese;Netherlands|Dutch=Holland;
New Zealand|New Zealander;Nicaragua|Nicaraguan;Niger|Nigerien;Nigeria|Nigerian;North Korea|North Korean;
North Macedonia|Macedonian;Norway|Norwegian;Oman|Omani;Pakistan|Pakistani;Palestine|Palestinian;Panama|Panamanian;
Paraguay|Paraguayan;Peru|Peruvian;Philippines|Filipino,Philippine;Poland|Polish,Pole;Portugal|Portuguese;
Qatar|Qatari;Romania|Romanian;Russia|Russian;Rwanda|Rwandan;Saudi Arabia|Saudi;Senegal|Senegalese;Serbia|Serbian,Serb;
Singapore|Singaporean;Slovakia|Slovak;Slovenia|Slovenian,Slovene;Somalia|Somali;South Africa|South African;
South Korea|South Korean;South Sudan|South Sudanese;Spain|Spanish,Spaniard;Sri Lanka|Sri Lankan;Sudan|Sudanese;
Sweden|Swedish,Swede;Switzerland|Swiss;Syria|Syrian;Taiwan|Taiwanese;Tajikistan|Tajik;Tanzania|Tanzanian;
Thailand|Thai;Tunisia|Tunisian;Turkey|Turkish,Turk=Türkiye;Turkmenistan|Turkmen;Uganda|Ugandan;Ukraine|Ukrainian;
United Arab Emirates|Emirati=UAE;United Kingdom|British,Briton=UK,U.K.,Britain,Great Britain;
United States|American=US,U.S.,USA,U.S.A.,America,United States of America;Uruguay|Uruguayan;Uzbekistan|Uzbek;
Venezuela|Venezuelan;Vietnam|Vietnamese;Yemen|Yemeni;Zambia|Zambian;Zimbabwe|Zimbabwean;
England|English;Scotland|Scottish,Scot;Wales|Welsh;Puerto Rico|Puerto Rican;Greenland|Greenlandic;Crimea|Crimean;
Gaza|Gazan;Europe|European;Africa|African;Asia|Asian;Latin America|Latin American;Arabia|Arab;
Central America|Central American;South America|South American;North America|North American`;

const CITIES = `Washington|Washington, D.C.;Washington D.C.|Washington, D.C.;New York;New York City;
Los Angeles;Chicago;Houston;Miami;Boston;San Francisco;Seattle;Atlanta;Dallas;Philadelphia;Detroit;Denver;
Accra;Kumasi;Dakar;Abidjan;Bamako;Niamey;Ouagadougou;Conakry;Freetown;Monrovia;Lome|Lomé;Lomé;Cotonou;Kampala;Kigali;
Dar es Salaam;Dodoma;Mogadishu;Juba;Asmara;Djibouti;Luanda;Lusaka;Harare;Maputo;Gaborone;Windhoek;Antananarivo;
Yaounde|Yaoundé;Yaoundé;Libreville;Brazzaville;Bangui;N'Djamena;Nouakchott;Addis Ababa;Muscat;Manama;Kuwait City;
Sanaa;Aden;Amman;Ramallah;Baku;Yerevan;Tbilisi;Tashkent;Astana;Almaty;Bishkek;Dushanbe;Ashgabat;Ulaanbaatar;
Kathmandu;Colombo;Male;Thimphu;Naypyidaw;Yangon;Phnom Penh;Vientiane;Ho Chi Minh City;Hanoi;Bandar Seri Begawan;
Dili;Port Moresby;Suva;Reykjavik;Tallinn;Riga;Vilnius;Bratislava;Ljubljana;Zagreb;Belgrade;Sarajevo;Podgorica;
Skopje;Tirana;Pristina;Sofia;Bucharest;Chisinau;Valletta;Nicosia;Luxembourg City;Bern;Zurich;Munich;Hamburg;
Frankfurt;Milan;Naples;Barcelona;Seville;Porto;Marseille;Lyon;Rotterdam;Antwerp;Gothenburg;Bergen;Tromso|Tromsø;
Tromsø;Bodø;Trondheim;Stavanger;St Petersburg;Saint Petersburg;Odesa;Kharkiv;Lviv;Mariupol;Gdansk;Krakow;
Havana;Caracas;Bogota|Bogotá;Bogotá;Lima;Quito;La Paz;Santiago;Buenos Aires;Montevideo;Asuncion|Asunción;Brasilia|Brasília;
Rio de Janeiro;Sao Paulo|São Paulo;São Paulo;Mexico City;Managua;Panama City;San Jose;Tegucigalpa;Guatemala City;
San Salvador;Kingston;Port-au-Prince;Santo Domingo;Ottawa;Toronto;Montreal;Vancouver;London;Paris;Berlin;Madrid;
Rome;Lisbon;Brussels;Amsterdam;The Hague;Geneva;Vienna;Warsaw;Prague;Budapest;Athens;Stockholm;Oslo;Copenhagen;
Helsinki;Dublin;Edinburgh;Moscow;Kyiv|Kyiv;Kiev|Kyiv;Minsk;Istanbul;Ankara;Tehran;Baghdad;Damascus;Beirut;
Jerusalem;Tel Aviv;Riyadh;Doha;Dubai;Abu Dhabi;Cairo;Tripoli;Tunis;Algiers;Rabat;Khartoum;Addis Ababa;Nairobi;
Lagos;Abuja;Johannesburg;Cape Town;Pretoria;Kinshasa;Kabul;Islamabad;Karachi;New Delhi;Delhi;Mumbai;Dhaka;
Beijing;Shanghai;Hong Kong;Taipei;Tokyo;Seoul;Pyongyang;Hanoi;Bangkok;Manila;Jakarta;Singapore;Kuala Lumpur;
Sydney;Melbourne;Canberra;Wellington;Maracaibo;Valencia;Miraflores;Guantanamo|Guantánamo;Guantánamo;Caribbean;
Gulf of Mexico;Middle East;Western Hemisphere;Balkans;Sahel;Patagonia;Amazon;Andes;Scandinavia;Siberia;
West Bank;Gaza Strip;Kremlin|Kremlin;Pacific;Atlantic;Mediterranean;Persian Gulf;Red Sea;Black Sea;Baltic;
Central America;South America;North America;Southeast Asia;East Asia;Central Asia;West Africa;East Africa;
Eastern Europe;Western Europe;Florida;California;Texas;Arizona;Nevada;Georgia;Virginia;New Jersey;Ohio;Michigan;
Pennsylvania;Illinois;Massachusetts;Colorado;Oregon;Alaska;Hawaii;Louisiana;Alabama;Mississippi;Tennessee;
Kentucky;Carolina;Capitol|United States Capitol;North Carolina;South Carolina;Minnesota;Wisconsin;Iowa;Missouri;Kansas;Nebraska;Oklahoma;
Utah;Idaho;Montana;Wyoming;Maine;Vermont;Connecticut;Maryland;Delaware;Indiana;Arkansas;New Mexico;Quebec;
Ontario;Catalonia;Bavaria;Kurdistan;Donbas;Kashmir;Tibet;Xinjiang;Hokkaido;Zulia;Miranda;Tachira|Táchira;Táchira`;

// Known organisations (canonical;alias,alias). Outlets first: they are often cited as sources.
const ORGS = `Reuters;Associated Press=AP;HuffPost=Huffington Post,The Huffington Post;Agence France-Presse=AFP;Bloomberg;BBC;CNN;Fox News;NBC;CBS;ABC News;NPR;
Al Jazeera;The New York Times=New York Times;The Washington Post=Washington Post;The Wall Street Journal=Wall Street Journal;
The Guardian=Guardian;Financial Times;The Economist=Economist;Politico;Axios;El Pais=El País;El País;Le Monde;
Der Spiegel;EFE;TASS;Xinhua;Granma;Telesur;White House;Pentagon;Kremlin;Congress;Senate;Parliament;
Supreme Court;State Department;Treasury;Defense Department;Justice Department;Homeland Security;CIA;FBI;NSA;DEA;
NATO=North Atlantic Treaty Organization;United Nations=UN,U.N.;European Union=EU;World Bank;International Monetary Fund=IMF;OPEC;World Health Organization=WHO;
Organization of American States=OAS;African Union;Red Cross;Amnesty International;Human Rights Watch;Interpol;
Hamas;Hezbollah;Taliban;Truth Social;Facebook;Twitter;Instagram;YouTube;TikTok;Telegram;WhatsApp;Google;Apple;
Microsoft;Amazon.com;Meta;Chevron;ExxonMobil;PDVSA;Gazprom;Tesla;SpaceX;Harvard;Stanford;MIT;Oxford;Cambridge;
House of Representatives=House;Republican Party=GOP,G.O.P.;Democratic Party;Islamic State=ISIS,ISIL;Al Qaeda=Al-Qaeda,al-Qaeda,al Qaeda;Boko Haram;Al Shabab`;

/** Words that end an organisation's name ("New York University", "Socialist Party"). */
export const ORG_HEADS = new Set(
  `university college school institute institution academy party ministry department agency bureau office council
  committee commission court tribunal parliament assembly congress senate army navy force forces guard police
  corporation corp inc ltd llc plc company co group bank fund foundation association federation union league
  organization organisation alliance coalition movement front network service services authority administration
  government cabinet directorate command center centre church mosque hospital clinic times post news journal herald
  tribune gazette press media radio television tv channel airlines airways telecom petroleum oil energy holdings
  trust board society club team network unit brigade battalion division daily weekly chronicle telegraph courier
  magazine dispatch bulletin wire project foods industries motors pharmaceuticals technologies systems laboratories
  labs partners enterprises studios brands presidency campaign`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that end the name of a place ("Rose Garden", "Nationals Park", "Deuel County", "Capitol Hill"). Capitalised after
 * another name word, they make the whole a place.
 */
export const PLACE_HEADS = new Set(
  `hill hills garden gardens park stadium square street avenue boulevard road bridge county
  parish plaza arena tower towers building mall memorial cemetery heights valley river lake island islands beach bay
  canyon falls springs mountain mountains coast harbor harbour`
    .split(/\s+/)
    .filter(Boolean),
);
/** Place heads that are also common surnames: after a given name ("Anita Hill") they end a person's name. */
export const SURNAME_PLACE_HEADS = new Set(['hill', 'park', 'street', 'river', 'lake', 'bay', 'beach', 'field']);

/**
 * Words that end the name of a law, a document, a prize or an event ("Controlled Substances Act", "Second Amendment",
 * "Nobel Peace Prize", "Congressional Baseball Game", "World War II"): such names are not people, organisations or places.
 */
export const NON_ENTITY_HEADS = new Set(
  `act acts clause amendment amendments game games prize prizes award awards war wars
  day strategy bill treaty accord accords doctrine code constitution tournament cup championship championships
  olympics festival protocol agreement lecture`
    .split(/\s+/)
    .filter(Boolean),
);

/** Departments that follow a title and "of" as part of the title ("Secretary of Defense", "Chief of Staff"). */
export const TITLE_DEPARTMENTS = new Set(
  `state defense defence homeland security treasury commerce labor labour agriculture
  education energy transportation interior health human services housing urban development veterans affairs justice
  staff police war navy army`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words before a name that are not part of it but say it is a person. */
export const PERSON_TITLES = new Set(
  `president vice-president minister prime secretary chancellor premier king queen prince princess sheikh emir
  governor mayor senator congressman congresswoman representative rep sen gov ambassador envoy general gen admiral
  colonel col major maj captain capt lieutenant lt sergeant commander chief director deputy spokesman spokeswoman
  spokesperson judge justice attorney prosecutor mr mrs ms miss dr prof professor pope cardinal bishop archbishop
  rabbi imam father sister brother lord lady sir dame pm ceo chairman chairwoman chair leader opposition dictator
  strongman lawmaker legislator official analyst economist historian interim acting former late then foreign
  defense defence interior finance health justice economy trade energy oil transport foreign-affairs president-elect
  commissioner coach striker activist dissident journalist reporter editor author writer executive speaker whip
  sheriff agent officer detective vice special pres agents officers senators representatives reps
  detectives troopers sheriffs congressmen congresswomen trooper counsel aide adviser advisor lawyer host anchor pastor reverend rev`
    .split(/\s+/)
    .filter(Boolean),
);

/** Title words that only modify another title ("former president"): alone they say nothing about a name. */
export const TITLE_MODIFIERS = new Set(
  `interim acting former late then foreign defense defence interior finance health justice economy trade energy oil
  transport deputy vice special chief senior opposition prime general chair leader official analyst economist historian
  coach striker activist dissident journalist reporter editor author writer executive`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case words before a name that say it is a place ("near Tromsø") or an organisation ("the firm Acme"). */
export const PLACE_PREPOSITIONS = new Set([
  'in',
  'near',
  'outside',
  'at',
  'from',
  'across',
  'around',
  'into',
  'towards',
  'toward',
  'throughout',
  'via',
  'inside',
  'between',
]);
export const PLACE_NOUNS_AFTER = new Set(
  `island islands river valley mountains mountain region province coast sea
  bay peninsula desert lake strait county district archipelago fjord gulf basin delta plateau airport port harbour
  harbor`
    .split(/\s+/)
    .filter(Boolean),
);
export const ORG_NOUNS_BEFORE = new Set(
  `company firm operator carrier group airline bank insurer manufacturer
  retailer broadcaster newspaper startup start-up conglomerate giant maker producer supplier developer chain outlet
  agency union club brand platform app network lender miner refiner shipper automaker publisher broadcaster charity`
    .split(/\s+/)
    .filter(Boolean),
);
export const ORG_ROLES_AFTER = new Set(
  `chief spokesman spokeswoman spokesperson shares board employees staff
  executives executive ceo chairman founder owner lawyers shareholders investors workers subsidiary`
    .split(/\s+/)
    .filter(Boolean),
);

/** Political, religious and ideological groups, capitalised (NORP). */
const GROUPS = `Chavista|Chavista;Chavistas|Chavista;Marxist;Marxists|Marxist;Leninist;Maoist;Communist;Communists|Communist;
Socialist;Socialists|Socialist;Democrat;Democrats|Democrat;Democratic|Democrat;Republican;Republicans|Republican;
Conservative;Conservatives|Conservative;Labour;Liberal;Liberals|Liberal;Peronist;Peronists|Peronist;
Bolivarian;Sandinista;Sandinistas|Sandinista;Zionist;Islamist;Islamists|Islamist;Jihadist;Jihadists|Jihadist;
Muslim;Muslims|Muslim;Christian;Christians|Christian;Catholic;Catholics|Catholic;Protestant;Protestants|Protestant;
Evangelical;Evangelicals|Evangelical;Jewish;Jew;Jews|Jew;Hindu;Hindus|Hindu;Buddhist;Buddhists|Buddhist;Sikh;
Sunni;Sunnis|Sunni;Shia;Shiite;Shiites|Shiite;Kurdish;Kurds|Kurd;Kurd;Arab;Arabs|Arab;Latino;Latinos|Latino;
Hispanic;Hispanics|Hispanic;Indigenous;Western;Westerners|Westerner;Soviet;Soviets|Soviet;Nazi;Nazis|Nazi;
Fascist;Fascists|Fascist;Bolshevik;Castroist;Fidelista`;

export interface GazEntry {
  type: 'PLACE' | 'NORP' | 'ORG';
  canonical: string;
}

/** Folded country name → its demonym ("cuba" → "Cuban"). */
export const DEMONYM_OF = new Map<string, string>();

/** Multi- and single-word names with a known type, by folded key. */
export const GAZETTEER = new Map<string, GazEntry>();
/** Longest gazetteer name, in words, so lookups know how far to look ahead. */
export let GAZ_MAX_WORDS = 1;

function add(name: string, entry: GazEntry): void {
  const key = fold(name.trim());
  if (!key || GAZETTEER.has(key)) return;
  GAZETTEER.set(key, entry);
  GAZ_MAX_WORDS = Math.max(GAZ_MAX_WORDS, key.split(' ').length);
}

function plural(demonym: string): string[] {
  if (/(ese|ss|sh|ch|Swiss|Thai|Malagasy)$/.test(demonym)) return [];
  if (/y$/.test(demonym)) return [];
  return [demonym + 's'];
}

for (const item of COUNTRIES.split(';')) {
  const [country, rest = ''] = item.trim().split('|');
  const [demonyms = '', aliases = ''] = rest.split('=');
  add(country, { type: 'PLACE', canonical: country });
  for (const a of aliases.split(',').filter(Boolean)) add(a, { type: 'PLACE', canonical: country });
  const ds = demonyms.split(',').filter(Boolean);
  if (ds[0]) DEMONYM_OF.set(fold(country), ds[0]);
  for (const d of ds) {
    add(d, { type: 'NORP', canonical: ds[0] });
    for (const p of plural(d)) add(p, { type: 'NORP', canonical: ds[0] });
  }
}
for (const item of CITIES.split(';')) {
  const [name, canonical] = item.trim().split('|');
  add(name, { type: 'PLACE', canonical: (canonical || name).trim() });
}
for (const item of ORGS.split(';')) {
  const [name, aliases = ''] = item.trim().split('=');
  add(name, { type: 'ORG', canonical: name });
  for (const a of aliases.split(',').filter(Boolean)) add(a, { type: 'ORG', canonical: name });
}
for (const item of GROUPS.split(';')) {
  const [name, canonical] = item.trim().split('|');
  add(name, { type: 'NORP', canonical: (canonical || name).trim() });
}
// The Kremlin is the institution; listed with the places above only to keep one list of capitals.
GAZETTEER.set('kremlin', { type: 'ORG', canonical: 'Kremlin' });
// Countries the list above leaves out (from countries-list), as places.
for (const item of COUNTRY_NAMES.split(';')) {
  const [name, ...aliases] = item.split('=');
  add(name, { type: 'PLACE', canonical: name });
  for (const a of aliases) add(a, { type: 'PLACE', canonical: name });
}

/** A US state by its AP-style abbreviation ("neb.", "n.y.") or postal code ("NE"), to its name. */
export const US_STATE_ABBREV = new Map<string, string>();
/** Folded names of US states. */
export const US_STATE_NAMES = new Set<string>();
for (const row of US_STATES.split(';')) {
  const [code, name, ap] = row.split('|');
  const canonical = code === 'DC' ? 'Washington, D.C.' : name;
  US_STATE_NAMES.add(fold(name));
  US_STATE_ABBREV.set(code, canonical);
  US_STATE_ABBREV.set(code[0] + '.' + code[1] + '.', canonical); // "K.Y."
  if (ap) US_STATE_ABBREV.set(fold(ap), canonical);
  add(name, { type: 'PLACE', canonical });
  // Abbreviations made of initials ("N.Y.", "D.C.") are read as one word and name nothing else.
  if (/^(?:[A-Z]\.){2,}$/.test(ap) || ap === 'W.Va.') add(ap, { type: 'PLACE', canonical });
}

function unFrontCode(coded: string, into: Map<string, 'm' | 'f' | null>, gender: 'm' | 'f' | null): void {
  let prev = '';
  for (const item of coded.split(' ')) {
    const name = prev.slice(0, parseInt(item[0], 36)) + item.slice(1);
    into.set(name.toLowerCase(), gender);
    prev = name;
  }
}
let givenNames: Map<string, 'm' | 'f' | null> | undefined;
function givenNameMap(): Map<string, 'm' | 'f' | null> {
  if (!givenNames) {
    givenNames = new Map();
    unFrontCode(GIVEN_NAMES_M, givenNames, 'm');
    unFrontCode(GIVEN_NAMES_F, givenNames, 'f');
    unFrontCode(GIVEN_NAMES_B, givenNames, null);
  }
  return givenNames;
}
/** Whether a word is a common English given name ("Nancy", "Paul"). */
export function isGivenName(name: string): boolean {
  return givenNameMap().has(fold(name));
}
/** The gender a given name usually has: 'm', 'f', or null when it is used for both or is not a known given name. */
export function givenNameGender(name: string): 'm' | 'f' | null {
  return givenNameMap().get(fold(name)) ?? null;
}

/** First words of gazetteer names of more than one word ("white" for "White House"). */
export const GAZ_FIRST_WORDS = new Set<string>();
for (const key of GAZETTEER.keys()) {
  const first = /^[^\s-]+(?=[\s-])/.exec(key);
  if (first) GAZ_FIRST_WORDS.add(first[0]);
}

/** Acronyms and all-caps words that are not names of anything. */
export const NON_ENTITY_CAPS = new Set(
  `ceo cfo cto gdp tv pm am id ok usd eur phd mp mps ai ii iii iv vi faq pdf url covid hiv aids dna rna ngo ngos
  vip mvp rip diy hq vs etc et est edt pt pst pdt ct cst cdt gmt utc ie eg nb ps usb led lng oil war usd eur gbp nok sek dkk jpy cny rub chf inr brl mxn ars
  ves cad aud`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Frequent English words. A capitalised word that is one of these is a name only with other evidence
 * (it begins a sentence or a heading, or is shouted in capitals: "BUT NOT ANYMORE").
 */
export const COMMON_WORDS = new Set(
  `a about above across after afterwards again against ago ahead all almost alone along already also although always
  am among an and another any anyone anything anyway are around as at away back be became because become been before
  beforehand behind being below beside besides between beyond both but by can cannot could did do does doing done
  down during each either else elsewhere enough even ever every everyone everything except few first for former
  formerly from further had has have having he hence her here hers herself him himself his how however i if in
  indeed instead into is it its itself just last later latter least less like many may me meanwhile might mine more
  moreover most mostly much must my myself neither never nevertheless next no nobody none nor not nothing now
  nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps
  please rather same several she should since so some someone something sometimes still such than that the their
  theirs them themselves then there thereafter therefore these they this those though through throughout thus to
  together too toward towards under unless unlike until up upon us very via was we well were what whatever when
  whenever where whereas wherever whether which while who whoever whole whom whose why will with within without
  would yet you your yours yourself yourselves
  plus likewise similarly furthermore additionally consequently accordingly nonetheless finally overall ultimately
  separately notably afterward
  advertisement also read comments here news desk breaking update updated live watch video photo photos opinion
  analysis editorial exclusive report reports reported reporting sources source officials official experts expert
  analysts analyst critics supporters residents witnesses people government governments state states historical
  history role background context balancing loyalty pressure ties money security services dictators
  anymore advisers personnel staff forces military troops president minister leader leaders
  said says say told tells according amid following despite given including regarding meanwhile asked
  new old big small high low good bad great best worst many much more most few less least long short early late
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
  north south east west northern southern eastern western central national international federal local
  interim acting chief deputy senior top key major minor general special public private official
  part parts day days week weeks month months year years time times world country countries city cities
  home house office party parties group groups team company companies market markets economy oil gas
  plan plans deal deals talks law laws court courts police army navy war wars peace crisis power`
    .split(/\s+/)
    .filter(Boolean),
);

/** Cardinal numbers written as words (the one list; the engine and the cross-article check take what they need). */
export const CARDINALS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

/** Numbers written as words, for counts of sources ("four sources"): up to fifty, and "a"/"an". */
export const NUMBER_WORDS: Record<string, number> = {
  ...Object.fromEntries(Object.entries(CARDINALS).filter(([, n]) => n <= 50)),
  a: 1,
  an: 1,
};
