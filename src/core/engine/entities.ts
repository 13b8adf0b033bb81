// Entities: people, organisations, places, nationalities and groups.
//
// Pass 1 reads each sentence: it groups capitalised words into name chunks, strips titles, and types each
// chunk by known names (gazetteer), organisation head words ("… University", "… Party"), acronyms and the
// shape of a person's name. Single unknown words wait for pass 2, which links them to people named in full
// elsewhere in the article ("Rodriguez" → "Delcy Rodríguez") and picks one canonical name per person.

import type { Entity, EntityType } from './types';
import {
  COMMON_WORDS,
  NUMBER_WORDS,
  GAZETTEER,
  GAZ_FIRST_WORDS,
  GAZ_MAX_WORDS,
  givenNameGender,
  isGivenName,
  NON_ENTITY_CAPS,
  NON_ENTITY_HEADS,
  ORG_HEADS,
  ORG_NOUNS_BEFORE,
  ORG_ROLES_AFTER,
  PERSON_TITLES,
  PLACE_HEADS,
  PLACE_NOUNS_AFTER,
  PLACE_PREPOSITIONS,
  SURNAME_PLACE_HEADS,
  TITLE_DEPARTMENTS,
  TITLE_MODIFIERS,
  US_STATE_ABBREV,
  US_STATE_NAMES,
} from './lexicon';
import { fold, hasAccent, type Range, type Token, tokenize } from './text';

/** Nouns that own a place through "of" ("residents of X", "the mayor of X"). */
const PLACE_OWNERS = new Set(
  `residents people city town village mayor governor province region port capital outskirts
  centre center streets citizens inhabitants suburbs municipality district county state island coast`
    .split(/\s+/)
    .filter(Boolean),
);
const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan.',
  'feb.',
  'mar.',
  'apr.',
  'jun.',
  'jul.',
  'aug.',
  'sep.',
  'sept.',
  'oct.',
  'nov.',
  'dec.',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);
const CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'da',
  'do',
  'dos',
  'la',
  'las',
  'los',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'al',
  'el',
  'di',
  'du',
  'y',
  'for',
  'on',
]);
const NAME_PARTICLES = new Set([
  'de',
  'del',
  'da',
  'dos',
  'van',
  'von',
  'der',
  'bin',
  'al',
  'el',
  'di',
  'du',
  'la',
  'y',
]);
const DETERMINERS = new Set(['the', 'a', 'an']);
const PRONOUN_LIKE = new Set(['i', 'we', 'he', 'she', 'it', 'they', 'you']);
const SPEECH_AFTER = /^\s*(?:said|says|told|tells|added|wrote|writes|stated|noted|argued|insisted|warned|claimed)\b/;

/** A name found in pass 1, before canonical names are chosen. */
export interface Candidate {
  start: number;
  end: number;
  type: EntityType | null; // null: a single unknown word, kept only if pass 2 links it to a person
  canonical?: string;
  /** Evidence that this is a person: a title before it, or a speech verb after it. */
  personCue?: boolean;
  /** Typed by the words around it ("near Tromsø"), so its other mentions take the same type. */
  evidence?: boolean;
  /**
   * Capitalised words of a title-case headline ("Senator Says Border Deal Will Pass"): names there only where the
   * article names them elsewhere; pass 2 keeps the parts that are known people or names.
   */
  weak?: boolean;
  /** A single word taken for a person only because a speech verb follows it ("Doctors said"). */
  speechOnly?: boolean;
  /** An organisation named for a person ("Harlow Administration"): the length of that name at its start. */
  namedFor?: number;
  /** Introduced by a kinship noun ("his daughter Anna Harlow"): a relative, not whom the bare surname means. */
  relative?: boolean;
  /**
   * The gender an honorific before the name gives ("Mrs. Clinton"), or a kinship noun ("his wife Jane Roe"): which of
   * two people with one surname it is.
   */
  gender?: 'm' | 'f';
}

/** First words of place names ("Fort Worth", "Mount Vernon", "Port Arthur", "Lake Tahoe", "Cape Cod", "Camp David"). */
const PLACE_PREFIXES = new Set(['fort', 'ft', 'mount', 'mt', 'port', 'lake', 'cape', 'camp']);

/** Heads of organisations named for their leader ("the Harlow Administration", "the Harlow Presidency"). */
const NAMED_FOR_HEADS = new Set(['administration', 'presidency', 'campaign']);
/** Title words that only name a department or a time: "Defense" alone does not make the next word a person. */
const WEAK_TITLES = new Set([
  'defense',
  'defence',
  'interior',
  'finance',
  'health',
  'justice',
  'economy',
  'trade',
  'energy',
  'oil',
  'transport',
  'foreign',
  'former',
  'late',
  'then',
  'acting',
  'interim',
  'senior',
  'deputy',
  'vice',
  'special',
]);

/** Kinship nouns before a name: "first lady Jane Roe", "his son John Roe". */
const KIN = new Set([
  'wife',
  'husband',
  'daughter',
  'son',
  'brother',
  'sister',
  'mother',
  'father',
  'lady',
  'law',
  'widow',
  'widower',
  'niece',
  'nephew',
  'cousin',
  'grandson',
  'granddaughter',
  'grandmother',
  'grandfather',
  'stepson',
  'stepdaughter',
]);

/**
 * Kinship nouns that say the relative's gender ("his wife Jane Roe"); after "of", a spouse's ("the husband of Jane
 * Roe": she is his wife).
 */
const KIN_GENDER: Record<string, 'm' | 'f'> = {
  wife: 'f',
  husband: 'm',
  daughter: 'f',
  son: 'm',
  brother: 'm',
  sister: 'f',
  mother: 'f',
  father: 'm',
  lady: 'f',
  widow: 'f',
  widower: 'm',
  niece: 'f',
  nephew: 'm',
  grandson: 'm',
  granddaughter: 'f',
  grandmother: 'f',
  grandfather: 'm',
  stepson: 'm',
  stepdaughter: 'f',
};
const SPOUSE_OF: Record<string, 'm' | 'f'> = { husband: 'f', wife: 'm', widow: 'm', widower: 'f' };

/** Honorifics that say a person's gender. */
const HONORIFIC_GENDER: Record<string, 'm' | 'f'> = {
  mr: 'm',
  'mr.': 'm',
  mrs: 'f',
  'mrs.': 'f',
  ms: 'f',
  'ms.': 'f',
  miss: 'f',
};

const isCapWord = (t: Token) => t.word && t.cap;

/** A candidate with every field in one order, so that all candidates share one shape (faster property access). */
function mk(start: number, end: number, type: EntityType | null, o?: Partial<Candidate>): Candidate {
  return {
    start,
    end,
    type,
    canonical: o?.canonical,
    personCue: o?.personCue,
    evidence: o?.evidence,
    weak: o?.weak,
    speechOnly: o?.speechOnly,
    namedFor: o?.namedFor,
    relative: o?.relative,
    gender: o?.gender,
  };
}
/** A folded word without the dot of an abbreviation ("sen." → "sen"). */
const noDot = (f: string) => (f.charCodeAt(f.length - 1) === 46 ? f.slice(0, -1) : f);

/** Folded key of tokens[i..j] inclusive, as the text joins them (space or nothing). */
function keyOf(toks: Token[], i: number, j: number): string {
  let k = '';
  for (let x = i; x <= j; x++) {
    if (x > i) k += toks[x].start > toks[x - 1].end ? ' ' : '';
    k += toks[x].f;
  }
  return k;
}

/** Longest gazetteer name starting at token i and ending by token limit (inclusive). */
function gazMatch(toks: Token[], i: number, limit: number, anyCase: boolean): number {
  if (!anyCase && !isCapWord(toks[i])) return -1;
  const max = Math.min(limit, i + GAZ_MAX_WORDS * 2 + 2);
  // The key grows one token at a time; the last (longest) hit wins.
  let found = -1;
  let key = '';
  for (let j = i; j <= max; j++) {
    if (j > i) key += toks[j].start > toks[j - 1].end ? ' ' : '';
    key += toks[j].f;
    if ((toks[j].word || toks[j].text === '.') && GAZETTEER.has(key)) found = j;
  }
  return found;
}

/** Mostly capital letters: a shouted headline, where case says nothing about names. */
function isShouted(toks: Token[]): boolean {
  let words = 0;
  let upper = 0;
  for (const t of toks) {
    if (
      !t.word ||
      t.text.length < 2 ||
      (t.text.length < 4 && t.text.includes('.') && t.text.replace(/\./g, '').length < 2)
    )
      continue;
    words++;
    if (t.upper) upper++;
  }
  return words >= 3 && upper / words > 0.7;
}

function isAcronym(t: Token): boolean {
  const letters = t.text.replace(/\./g, '');
  return (
    t.upper &&
    letters.length >= 2 &&
    letters.length <= 6 &&
    !NON_ENTITY_CAPS.has(fold(letters)) &&
    !COMMON_WORDS.has(fold(letters))
  );
}

/** Pass 1 over one sentence. */
function sentenceCandidates(text: string, sent: Range, out: Candidate[]): void {
  const toks = tokenize(text, sent.start, sent.end);
  const shouted = isShouted(toks);
  const weak = !shouted && isTitleCase(text, sent, toks);
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    // A party-and-state tag ("R-Ky.", "D-N.Y.", "I-Vt.", "R-Texas"): the state is a place, the party letter no name.
    if (
      t.word &&
      t.upper &&
      t.text.length === 1 &&
      toks[i + 1]?.text === '-' &&
      toks[i + 1].start === t.end &&
      toks[i + 2]?.start === toks[i + 1].end
    ) {
      const st = stateAt(toks, i + 2, true);
      if (st) {
        out.push(mk(toks[i + 2].start, toks[st.end].end, 'PLACE', { canonical: st.canonical }));
        i = st.end + 1;
        continue;
      }
    }
    // A state's abbreviation after a place and a comma ("Deuel County, Neb.", "Austin, Tex."); "Washington, D.C." is
    // one name.
    if (isCapWord(t) && toks[i - 1]?.text === ',' && toks[i - 2] && isCapWord(toks[i - 2])) {
      const st = stateAt(toks, i, false);
      const last = out[out.length - 1];
      if (
        st &&
        t.text === 'D.C.' &&
        last?.type === 'PLACE' &&
        last.end === toks[i - 2].end &&
        fold(text.slice(last.start, last.end)) === 'washington'
      ) {
        last.end = t.end;
        last.canonical = st.canonical;
        i++;
        continue;
      }
      if (st) {
        out.push(mk(t.start, toks[st.end].end, 'PLACE', { canonical: st.canonical }));
        i = st.end + 1;
        continue;
      }
    }
    if (shouted) {
      const g = t.word ? gazMatch(toks, i, toks.length - 1, true) : -1;
      if (g >= 0) {
        const e = GAZETTEER.get(keyOf(toks, i, g))!;
        out.push(mk(t.start, toks[g].end, e.type, { canonical: e.canonical }));
        i = g + 1;
      } else {
        if (t.word && !COMMON_WORDS.has(t.f) && !MONTHS.has(t.f) && t.text.length > 2) {
          out.push(mk(t.start, t.end, null));
        }
        i++;
      }
      continue;
    }
    if (!isCapWord(t)) {
      i++;
      continue;
    }
    // Words of a handle ("@Evening_News") are no names.
    if (toks[i - 1]?.text === '_' && toks[i - 1].start === toks[i - 2]?.end) {
      i++;
      continue;
    }
    // A chunk: capitalised words, with connectors between them and hyphens inside names.
    let j = i;
    while (j + 1 < toks.length) {
      const n = toks[j + 1];
      if (isCapWord(n) && n.start === toks[j].end + 1 && text[toks[j].end] === ' ' && !MONTHS.has(n.f)) {
        j++;
        continue;
      }
      if (isCapWord(n) && n.start === toks[j].end + 1 && text[toks[j].end] !== ' ' && !/\s/.test(text[toks[j].end]))
        break;
      if (
        isCapWord(n) &&
        n.start > toks[j].end + 1 &&
        /^\s+$/.test(text.slice(toks[j].end, n.start)) &&
        !/[\r\n]/.test(text.slice(toks[j].end, n.start)) &&
        !MONTHS.has(n.f)
      ) {
        j++;
        continue;
      }
      // Hyphen inside a name ("Marie-Claire"), but not between two known names ("Cuba-Venezuela").
      if (
        n.text === '-' &&
        n.start === toks[j].end &&
        j + 2 < toks.length &&
        isCapWord(toks[j + 2]) &&
        toks[j + 2].start === n.end
      ) {
        const left = GAZETTEER.has(toks[j].f);
        const right = GAZETTEER.has(toks[j + 2].f);
        if (left || right) break;
        j += 2;
        continue;
      }
      if (
        n.word &&
        CONNECTORS.has(n.text) &&
        j + 2 < toks.length &&
        isCapWord(toks[j + 2]) &&
        !MONTHS.has(toks[j + 2].f)
      ) {
        j += 2;
        continue;
      }
      break;
    }
    if (MONTHS.has(t.f) && j === i) {
      i++;
      continue;
    }
    classifyChunk(text, toks, i, j, sent, out, weak);
    i = j + 1;
  }
}

/** A title just before token i, lower-case ones included ("former president"), but not a bare modifier ("former"). */
function titleBefore(toks: Token[], i: number): boolean {
  const p = toks[i - 1];
  if (!p || !p.word) return false;
  const f = noDot(p.f);
  return PERSON_TITLES.has(f) && !TITLE_MODIFIERS.has(f);
}

/** Words that end the head noun phrase of an appositive ("a union for ferry crews", "the group that …"). */
const APPOSITIVE_STOPS = new Set([
  'of',
  'for',
  'in',
  'at',
  'on',
  'with',
  'from',
  'by',
  'that',
  'which',
  'who',
  'whose',
  'and',
  'or',
]);

/** What the words around a single unknown name say it is. */
function contextType(toks: Token[], p: number, r: number, multi: boolean, lastTyped?: Candidate): EntityType | null {
  const prev = toks[p - 1];
  const pf = prev?.word ? prev.f : '';
  let n = r + 1;
  if (toks[n]?.text === '’' || toks[n]?.text === "'") n += 2; // possessive
  const next = toks[n]?.word && !toks[n].cap ? toks[n].f : '';
  if (PLACE_NOUNS_AFTER.has(next)) return 'PLACE';
  // "Belleville, Illinois", "Fort Lee, N.J.": a town before its state (not "Jane Roe, Maryland", a lawmaker and her state).
  if (
    toks[r + 1]?.text === ',' &&
    (!multi || PLACE_PREPOSITIONS.has(pf) || DETERMINERS.has(pf) || pf === 'of') &&
    !isGivenName(toks[p].text)
  ) {
    const st = stateAt(toks, r + 2, true);
    if (st && US_STATE_NAMES.has(fold(st.canonical))) return 'PLACE';
  }
  if (
    multi
      ? ['in', 'near', 'outside', 'across', 'throughout', 'inside', 'into'].includes(pf)
      : PLACE_PREPOSITIONS.has(pf)
  )
    return 'PLACE';
  // "residents of Tromsø", "the mayor of Bergen"
  if (pf === 'of' && PLACE_OWNERS.has(toks[p - 2]?.f ?? '')) return 'PLACE';
  if (ORG_NOUNS_BEFORE.has(pf) || ORG_ROLES_AFTER.has(next)) return 'ORG';
  // "Kumasi and Tamale", "Oslo, Bergen and Tromsø": a name listed with a place is a place.
  if (
    (pf === 'and' || pf === 'or' || prev?.text === ',') &&
    lastTyped?.type === 'PLACE' &&
    !isGivenName(toks[p].text) &&
    toks[p - 2] &&
    lastTyped.end === toks[p - 2].end
  )
    return 'PLACE';
  // "told the Ledger": an outlet.
  if (pf === 'the' && toks[p - 2]?.f === 'told') return 'ORG';
  // A wire dateline: "OSLO, March 4 (Nordwire) -"
  if (prev?.text === '(' && toks[r + 1]?.text === ')' && /^[-–—]$/.test(toks[r + 2]?.text ?? '')) return 'ORG';
  // "Polarlinje was founded in …", "Polarlinje, the ferry operator, …"
  if (next === 'was' && toks[n + 1]?.f === 'founded') return 'ORG';
  if (toks[r + 1]?.text === ',' && (toks[r + 2]?.f === 'the' || toks[r + 2]?.f === 'a' || toks[r + 2]?.f === 'an')) {
    // The appositive's head noun says what the name is: "an advocacy group" (ORG), but not "the union's regional
    // secretary", whose head is "secretary" (a possessive's noun only modifies the head that follows).
    let head = '';
    for (let k = r + 3; k < Math.min(toks.length, r + 9); k++) {
      const t = toks[k];
      // A participle after the head starts its modifier: "a group founded by …", "a firm representing …".
      if (t.word && !APPOSITIVE_STOPS.has(t.f) && !(head && /(?:ed|ing)$/.test(t.f))) {
        head = t.f;
        continue;
      }
      if ((t.text === '’' || t.text === "'") && toks[k + 1]?.f === 's') {
        head = '';
        k++;
        continue;
      }
      break;
    }
    if (ORG_NOUNS_BEFORE.has(head)) return 'ORG';
  }
  return null;
}

/** Head words of outlets' names: "the Post" after "The Washington Post" is the outlet, whatever else "post" means. */
const MEDIA_HEADS = new Set([
  'times',
  'post',
  'news',
  'journal',
  'herald',
  'tribune',
  'gazette',
  'press',
  'daily',
  'chronicle',
  'telegraph',
  'courier',
  'magazine',
  'wire',
  'dispatch',
  'bulletin',
  'weekly',
]);

/** Initials inside a name: "D." in "Paul D. Ryan", "H.W." in "George H.W. Bush". */
const isInitial = (t: Token | undefined) =>
  !!t && t.word && t.cap && t.text.charCodeAt(t.text.length - 1) === 46 && /^(?:\p{Lu}\.)+$/u.test(t.text);
/** Suffixes that end a person's name ("Martin Luther King Jr.", "Robert Smith III"). */
const NAME_SUFFIXES = new Set(['jr.', 'sr.', 'jr', 'sr', 'ii', 'iii', 'iv']);
/** Verbs of going somewhere: "went to the White House" is the building. */
const MOTION_VERBS = new Set(
  `went go goes going gone came come comes coming returned return returning returns arrived
  arrive arriving drove walked headed rushed invited moved brought summoned flew traveled travelled`
    .split(/\s+/)
    .filter(Boolean),
);
/** Nouns for people placed at an institution: "aides at the White House" are its staff. */
const PEOPLE_AT = new Set(
  `officials official aides aide staff staffers advisers adviser advisors lawyers people those
  someone many some others insiders sources colleagues allies members spokesman spokeswoman`
    .split(/\s+/)
    .filter(Boolean),
);
const BUILDING_PARTS = new Set([
  'residence',
  'lawn',
  'grounds',
  'gates',
  'gate',
  'fence',
  'driveway',
  'lobby',
  'basement',
  'roof',
  'building',
]);
const DIRECTIONS = new Set([
  'north',
  'south',
  'east',
  'west',
  'miles',
  'mile',
  'blocks',
  'block',
  'front',
  'outside',
  'steps',
  'gates',
]);

/** "White House" or "Pentagon" standing for the building, not the institution ("went to the White House"). */
function buildingUse(toks: Token[], s: number, e: number): boolean {
  const next = toks[e + 1];
  if (next?.word && BUILDING_PARTS.has(next.f)) return true;
  if (toks[s - 1]?.f !== 'the') return false;
  const prep = toks[s - 2]?.f ?? '';
  const before = toks[s - 3]?.f ?? '';
  if (prep === 'at' || prep === 'inside' || prep === 'outside' || prep === 'near') return !PEOPLE_AT.has(before);
  if (prep === 'to' || prep === 'into') return MOTION_VERBS.has(before);
  if (prep === 'of') return DIRECTIONS.has(before);
  return false;
}

/**
 * A US state written as a party-and-state tag or after a place ("R-Ky.", "D-N.Y.", "Deuel County, Neb."): its last
 * token (a closing dot included) and its name, or null.
 */
function stateAt(toks: Token[], k: number, allowNames: boolean): { end: number; canonical: string } | null {
  const t = toks[k];
  if (!t?.word || !t.cap) return null;
  const dot = toks[k + 1]?.text === '.' && toks[k + 1].start === t.end;
  let name: string | undefined;
  if (/\./.test(t.text)) name = US_STATE_ABBREV.get(t.text) ?? US_STATE_ABBREV.get(t.f);
  else if (dot) name = US_STATE_ABBREV.get(t.f + '.');
  else if (allowNames && t.upper && t.text.length === 2) name = US_STATE_ABBREV.get(t.text);
  if (name) return { end: dot && !/\.$/.test(t.text) ? k + 1 : k, canonical: name };
  if (!allowNames) return null;
  for (let j = Math.min(k + 1, toks.length - 1); j >= k; j--) {
    const g = GAZETTEER.get(keyOf(toks, k, j));
    if (g?.type === 'PLACE' && toks[j].word) return { end: j, canonical: g.canonical };
  }
  return null;
}

/** Small words a title-case headline leaves in lower case. */
const HEADLINE_SMALL = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'but',
  'nor',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'with',
  'as',
  'vs',
  'from',
  'into',
  'over',
  'up',
  'is',
  'are',
  'its',
  's',
  't',
]);

/**
 * A headline in title case: a paragraph of one sentence, not closed by a full stop, whose words are capitalised but for
 * the small ones ("Senator Says Border Deal Will Pass", "Floods Close Ports, and Ferries Wait"). Bylines are not.
 */
function isTitleCase(text: string, sent: Range, toks: Token[]): boolean {
  if (sent.start !== 0 || sent.end !== text.length) return false;
  // A full stop ends a sentence, not a headline; the dot of a final abbreviation ("… From U.S.") does not count.
  let lastWord: Token | undefined;
  for (let x = toks.length - 1; x >= 0 && !lastWord; x--) if (toks[x].word) lastWord = toks[x];
  let e = sent.end - 1;
  while (e > sent.start && '"”’\')]'.includes(text[e])) e--;
  if (text[e] === '.' && !(lastWord && lastWord.text.endsWith('.') && lastWord.end === e + 1)) return false;
  if (toks.find(t => t.word)?.f === 'by') return false;
  let words = 0;
  let caps = 0;
  for (const t of toks) {
    if (!t.word || HEADLINE_SMALL.has(t.f)) continue;
    words++;
    if (t.cap) caps++;
  }
  return words >= 4 && caps >= words * 0.8;
}

/** A word with a capital inside it, as brand names are written ("NewsWire", "StreamBox"), not "McCarthy" or "DeVos". */
const CAMEL = /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u;
const CAMEL_SURNAME = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O')/;

function classifyChunk(
  text: string,
  toks: Token[],
  a: number,
  b: number,
  sent: Range,
  out: Candidate[],
  weak: boolean,
): void {
  let p = a;
  let titled = !weak && titleBefore(toks, a);
  const atStart = (x: number) => x === 0 || /^["“‘'(—–―:|*_#>-]$/.test(toks[x - 1].text);
  while (p <= b) {
    const t = toks[p];
    const f = noDot(t.f);
    if (!t.word || CONNECTORS.has(t.text)) {
      p++;
      continue;
    }
    // An organisation ending in a head word: "New York University", "Socialist Party", "Organization of American States".
    let head = -1;
    for (let q = b; q >= p; q--)
      if (toks[q].word && ORG_HEADS.has(toks[q].f)) {
        head = q;
        break;
      }
    if (head >= 0 && ORG_HEADS.has(f) && head === p && p < b && CONNECTORS.has(toks[p + 1].text)) head = b;
    if (head > p || (head === p && p < b && CONNECTORS.has(toks[p + 1]?.text))) {
      let s = p;
      while (
        s < head &&
        (DETERMINERS.has(toks[s].f) ||
          PERSON_TITLES.has(toks[s].f) ||
          ((COMMON_WORDS.has(toks[s].f) || NUMBER_WORDS[toks[s].f] !== undefined) &&
            atStart(s) &&
            !GAZETTEER.has(toks[s].f)))
      )
        s++;
      // A title word is the whole name before the head ("Vice News", "Interior Ministry").
      if (s === head && head > p && PERSON_TITLES.has(toks[head - 1].f) && !GAZETTEER.has(keyOf(toks, head - 1, head)))
        s = head - 1;
      if (s > p && CONNECTORS.has(toks[s].text)) {
        p = s;
        continue;
      } // "News of Harlow": no name before the head
      if (head > s || (head === s && toks[head + 1] && CONNECTORS.has(toks[head + 1].text))) {
        // "U.S. Department of Justice": an "of" after the head carries the name on to the end of the chunk.
        let end = head === s || (head < b - 1 && toks[head + 1].f === 'of') ? b : head;
        // … but not over a title and the name after it ("Department of Energy Secretary Jane Roe").
        for (let q = head + 3; q <= end; q++)
          if (toks[q].word && PERSON_TITLES.has(noDot(toks[q].f)) && !TITLE_DEPARTMENTS.has(toks[q].f)) {
            end = q - 1;
            break;
          }
        const g = GAZETTEER.get(keyOf(toks, s, end));
        if (weak && !g) {
          // In a title-case headline a head word may be a verb ("… to Fund"): kept where the article names it.
          out.push(mk(toks[s].start, toks[end].end, null, { weak: true }));
          p = end + 1;
          continue;
        }
        // "the Harlow administration": a president's name, if the article names that person.
        if (end === s + 1 && NAMED_FOR_HEADS.has(toks[end].f) && !GAZETTEER.has(toks[s].f)) {
          out.push(mk(toks[s].start, toks[end].end, 'ORG', { namedFor: toks[s].end - toks[s].start }));
          p = end + 1;
          continue;
        }
        out.push(mk(toks[s].start, toks[end].end, g?.type ?? 'ORG', { canonical: g?.canonical }));
        p = end + 1;
        continue;
      }
    }
    // The name of a law, a prize or an event ("Controlled Substances Act", "World War II") is no entity.
    const nh = nonEntityHead(toks, p, b);
    if (nh >= 0) {
      // Known places and bodies inside it stay ("the Vietnam War", "Senate Bill 12").
      for (let q = p; q < nh; q++) {
        const g = toks[q].word ? gazMatch(toks, q, nh - 1, false) : -1;
        if (g < 0) continue;
        const e = GAZETTEER.get(keyOf(toks, q, g))!;
        out.push(mk(toks[q].start, toks[g].end, e.type, { canonical: e.canonical }));
        q = g;
      }
      p = nh + 1;
      while (p <= b && toks[p].word && /^(?:i{1,3}|iv|v|vi{1,3})$/.test(toks[p].f)) p++;
      continue;
    }
    // A place ending in a head word: "Rose Garden", "Nationals Park", "Deuel County", "Capitol Hill".
    const ph = placeHead(toks, p, b);
    if (ph >= 0) {
      let s = p;
      while (
        s < ph &&
        (DETERMINERS.has(toks[s].f) || (COMMON_WORDS.has(toks[s].f) && atStart(s) && !GAZETTEER.has(toks[s].f)))
      )
        s++;
      if (ph > s) {
        const g = GAZETTEER.get(keyOf(toks, s, ph));
        out.push(
          weak && !g
            ? mk(toks[s].start, toks[ph].end, null, { weak: true })
            : mk(toks[s].start, toks[ph].end, g?.type ?? 'PLACE', { canonical: g?.canonical }),
        );
        p = ph + 1;
        continue;
      }
    }
    // A known name, longest first.
    const g = gazMatch(toks, p, b, false);
    if (g >= 0) {
      const key = keyOf(toks, p, g);
      const e = GAZETTEER.get(key)!;
      // "The Hague" keeps its article; "the United States" does not (the chunk never holds a lower-case "the").
      const building = (e.canonical === 'White House' || e.canonical === 'Pentagon') && buildingUse(toks, p, g);
      // "Washington state" is the state, not the capital.
      const state = US_STATE_NAMES.has(key) && toks[g + 1]?.f === 'state' && !toks[g + 1].cap;
      out.push(
        mk(t.start, toks[g].end, building ? 'PLACE' : e.type, { canonical: state ? `${t.text} (state)` : e.canonical }),
      );
      p = g + 1;
      continue;
    }
    if (PERSON_TITLES.has(f)) {
      // A title is never a name itself ("Defense Secretary", "Deputy Secretary of Defense"); "of" and a department
      // after it belong to it ("Secretary of State Jane Roe"). Alone, it may still be the surname of someone named.
      let q = p + 1;
      if (toks[q]?.f === 'of' && q + 1 <= b && TITLE_DEPARTMENTS.has(toks[q + 1].f)) {
        q += 2;
        while (q <= b && (TITLE_DEPARTMENTS.has(toks[q].f) || toks[q].f === 'and')) q++;
      }
      if (p === b && !TITLE_MODIFIERS.has(f) && !weak) out.push(mk(t.start, t.end, null));
      titled = !weak && (titled || !WEAK_TITLES.has(f));
      p = q;
      continue;
    }
    if (DETERMINERS.has(f) || PRONOUN_LIKE.has(f)) {
      p++;
      continue;
    }
    if (COMMON_WORDS.has(f) && (atStart(p) || t.upper || p === b || PERSON_TITLES.has(f))) {
      p++;
      continue;
    }
    if (t.upper && t.text.replace(/\./g, '').length >= 2) {
      // A wire dateline opens with the city in capitals: "ACCRA, Dec 9 (Coastline News) -", "SPRINGFIELD, Ill. —",
      // "AUSTIN, Texas —".
      const dashAfter = /^[-–—―]$/.test(toks[p + 1]?.text ?? '');
      if (
        p === 0 &&
        ((toks[p + 1]?.text === ',' && (MONTHS.has(toks[p + 2]?.f ?? '') || stateAt(toks, p + 2, true))) || dashAfter)
      ) {
        out.push(mk(t.start, t.end, 'PLACE', { canonical: t.text[0] + t.text.slice(1).toLowerCase(), evidence: true }));
      } else if (isAcronym(t) && !shoutedRun(toks, p)) {
        // "F.B.I." is "FBI".
        const g = t.text.includes('.') ? GAZETTEER.get(t.f.replace(/\./g, '')) : undefined;
        out.push(mk(t.start, t.end, g?.type ?? 'ORG', { canonical: g?.canonical }));
      }
      p++;
      continue;
    }
    // A run of unknown capitalised words: a person's name, or one word to resolve later. Initials and a suffix
    // belong to the name ("Paul D. Ryan", "George H.W. Bush", "Martin Luther King Jr.").
    let r = p;
    while (r + 1 <= b) {
      const n = toks[r + 1];
      if (n.text === '-' || (n.word && NAME_PARTICLES.has(n.text) && r + 2 <= b)) {
        r++;
        continue;
      }
      if (
        isInitial(n) &&
        n.text.length <= 4 &&
        !GAZETTEER.has(n.f) &&
        r + 2 <= b &&
        isCapWord(toks[r + 2]) &&
        !toks[r + 2].upper
      ) {
        r++;
        continue;
      }
      // A suffix ends the name; a numeral after one word only after a given name ("Elizabeth II", not "Article II").
      if (
        n.word &&
        NAME_SUFFIXES.has(n.f) &&
        toks[r].word &&
        !isInitial(toks[r]) &&
        (r > p || /^jr|^sr/.test(n.f) || isGivenName(toks[r].text))
      ) {
        r++;
        break;
      }
      if (!n.word || !isCapWord(n)) break;
      const nf = n.f;
      // A title word after a name ends it when nothing follows: "Martin Luther King", "Carole King".
      if (
        PERSON_TITLES.has(nf) &&
        !TITLE_MODIFIERS.has(nf) &&
        (isInitial(toks[r]) || (r + 2 > b ? isGivenName(toks[r].text) : NAME_SUFFIXES.has(toks[r + 2].f)))
      ) {
        r++;
        continue;
      }
      if (GAZETTEER.has(nf) || ORG_HEADS.has(nf) || PERSON_TITLES.has(nf) || n.upper) break;
      if (r + 2 <= b && GAZ_FIRST_WORDS.has(nf) && gazMatch(toks, r + 1, b, false) > r + 1) break; // "the Obama White House"

      r++;
    }
    while (r > p && !toks[r].word) r--;
    let words = 0;
    for (let x = p; x <= r; x++) if (toks[x].word && !NAME_PARTICLES.has(toks[x].text)) words++;
    // "Students for Fair Courts": names joined by "for" are a body or a programme, not two people.
    if (
      !weak &&
      !titled &&
      toks[r + 1]?.f === 'for' &&
      r + 2 <= b &&
      !GAZETTEER.has(toks[r + 2].f) &&
      !PERSON_TITLES.has(noDot(toks[r + 2].f))
    ) {
      out.push(mk(t.start, toks[b].end, 'ORG'));
      p = b + 1;
      continue;
    }
    if (weak) {
      out.push(mk(t.start, toks[r].end, null, { weak: true }));
      p = r + 1;
      continue;
    }
    const speech = SPEECH_AFTER.test(text.slice(toks[r].end, Math.min(sent.end, toks[r].end + 12)));
    // "the Obama administration": the president it is named after.
    const nextWord = toks[r + 1]?.word
      ? toks[r + 1]
      : toks[r + 1]?.text === '’' || toks[r + 1]?.text === "'"
        ? toks[r + 3]
        : undefined;
    const admin = !!nextWord && !nextWord.cap && (nextWord.f === 'administration' || nextWord.f === 'presidency');
    const around = titled || speech || admin ? null : contextType(toks, p, r, words >= 2, out[out.length - 1]);
    if (around) {
      out.push(mk(t.start, toks[r].end, around, { evidence: true }));
    } else if (words >= 2) {
      // Names of people take no article: "the Harbour Safety Review Board" is a body, whatever its last word.
      // "Fort Lauderdale", "Mount Vernon": a place by its first word.
      if (PLACE_PREFIXES.has(f) && !titled && !speech) {
        out.push(mk(t.start, toks[r].end, 'PLACE'));
        titled = false;
        p = r + 1;
        continue;
      }
      const the =
        toks[p - 1]?.f === 'the' &&
        !titled &&
        (words >= 4 || !isGivenName(t.text)) &&
        !toks.slice(p, r + 1).some(isInitial);
      // A relative: introduced by a kinship noun ("his wife Jane Roe", "the husband of Jane Roe"), which may say
      // the relative's gender.
      // ("his sister, Jane Roe": the comma of an apposition between.)
      const before = toks[p - 1]?.f === ',' ? p - 2 : p - 1;
      const of = toks[before]?.f === 'of';
      const kinAt = of ? before - 1 : before;
      const kin = !the && !!toks[kinAt]?.word && !toks[kinAt].cap && KIN.has(toks[kinAt].f);
      out.push(
        mk(t.start, toks[r].end, the ? 'ORG' : 'PERSON', {
          personCue: titled || speech || admin,
          relative: kin || undefined,
          gender: kin ? (of ? SPOUSE_OF : KIN_GENDER)[toks[kinAt].f] : undefined,
        }),
      );
    } else if (/(?:ist|ista|istas|ists|ite|ites)$/.test(f) && toks[r + 1]?.word && !toks[r + 1].cap) {
      out.push(mk(t.start, t.end, 'NORP', { canonical: t.text.replace(/s$/, '') }));
    } else if (
      CAMEL.test(t.text) &&
      !CAMEL_SURNAME.test(t.text) &&
      t.text.replace(/\P{Lu}/gu, '').length === 2 &&
      !/^[#@]$/.test(toks[p - 1]?.text ?? '')
    ) {
      out.push(mk(t.start, t.end, 'ORG', { evidence: true }));
    } else if (titled || admin) {
      out.push(mk(t.start, t.end, 'PERSON', { personCue: true, gender: HONORIFIC_GENDER[toks[p - 1]?.f ?? ''] }));
    } else if (speech) {
      out.push(mk(t.start, t.end, 'PERSON', { personCue: true, speechOnly: true }));
    } else if (!(atStart(p) && COMMON_WORDS.has(f))) {
      const norp = demonymOfPlace(t.text);
      out.push(mk(t.start, t.end, norp ? 'NORP' : null, { canonical: norp ?? undefined }));
    }
    titled = false;
    p = r + 1;
  }
}

/** The index of the place head word that ends a name starting at p ("Deuel County", "Eugene Simpson Stadium Park"), or -1. */
function placeHead(toks: Token[], p: number, b: number): number {
  if (PERSON_TITLES.has(noDot(toks[p].f))) return -1;
  for (let q = p + 1; q <= b; q++) {
    // A place's name holds no connector: "Jane Roe of Deuel County" is a person and a place.
    if (CONNECTORS.has(toks[q].text)) return -1;
    if (!toks[q].word || !PLACE_HEADS.has(toks[q].f)) continue;
    while (q + 1 <= b && toks[q + 1].word && PLACE_HEADS.has(toks[q + 1].f)) q++;
    // The head ends the name, or a title or a known place follows it ("Deuel County Sheriff", "Trump Tower Moscow").
    const after = toks[q + 1];
    if (q < b && after?.word && !PERSON_TITLES.has(noDot(after.f)) && GAZETTEER.get(after.f)?.type !== 'PLACE')
      continue;
    // "Anita Hill": a given name before a head that is also a surname is a person.
    const words = toks.slice(p, q + 1).filter(x => x.word).length;
    if (words === 2 && SURNAME_PLACE_HEADS.has(toks[q].f) && isGivenName(toks[p].text)) return -1;
    if (words === 2 && (PERSON_TITLES.has(noDot(toks[p].f)) || COMMON_WORDS.has(toks[p].f))) return -1;
    return q;
  }
  return -1;
}

/** The index of the word that ends a law's, prize's or event's name starting at p ("Second Amendment"), or -1. */
function nonEntityHead(toks: Token[], p: number, b: number): number {
  for (let q = p + 1; q <= b; q++) {
    if (CONNECTORS.has(toks[q].text)) return -1;
    if (toks[q].word && NON_ENTITY_HEADS.has(toks[q].f)) return q;
  }
  return -1;
}

/** A capitalised word for the people of a place the word lists know ("Coloradans", "Texan"): that demonym. */
function demonymOfPlace(word: string): string | null {
  const w = word.replace(/s$/, '');
  if (!/[a-z]an$/.test(w)) return null;
  const base = w.slice(0, -2);
  for (const stem of [base + 'a', base + 'o', base + 'as', base, base.replace(/i$/, ''), base.replace(/i$/, 'a')]) {
    const g = GAZETTEER.get(fold(stem));
    if (g?.type === 'PLACE' && !stem.includes(' ') && stem.length >= 4) return w;
  }
  return null;
}

/** Part of a run of shouted words ("BUT NOT ANYMORE"), where capitals are emphasis, not an acronym. */
function shoutedRun(toks: Token[], i: number): boolean {
  const near = [toks[i - 1], toks[i + 1], toks[i - 2], toks[i + 2]];
  if (near.some(n => n && n.word && n.upper && n.text.length > 1 && COMMON_WORDS.has(n.f))) return true;
  // Two long capitalised words side by side are shouted words ("WITCH HUNT"), not acronyms.
  const long = (n: Token | undefined) =>
    !!n && n.word && n.upper && !n.text.includes('.') && n.text.length >= 4 && !GAZETTEER.has(n.f);
  return long(toks[i]) && (long(toks[i - 1]) || long(toks[i + 1]));
}

interface Person {
  key: string; // folded full name
  gender: 'm' | 'f' | null; // by the given name
  relative: boolean; // every full mention introduces a relative ("his wife Jane Roe")
  names: string[]; // surface forms
  last: string; // folded last word
  first: number; // offset of first mention
}

/** Pass 1 over one paragraph (its own string): candidates with offsets into it. */
export function paragraphCandidates(ptext: string, sents: Range[]): Candidate[] {
  const cands: Candidate[] = [];
  for (const s of sents) sentenceCandidates(ptext, s, cands);
  return cands;
}

/** Initials ("d.", "h.w.") and suffixes ("jr.", "iii") of a folded name: left out when names are compared. */
const isInitialWord = (w: string) => /^(?:\p{L}\.)+$/u.test(w);
const isSuffixWord = (w: string) => NAME_SUFFIXES.has(w);

/** Whether a lower-case word occurs in a text as a whole word (one native search, no allocation per word of the text). */
/** The words of a text written wholly in lower case (ASCII letters between non-letters), in one pass. */
function lowerCaseWords(text: string): Set<string> {
  const out = new Set<string>();
  let start = -1; // start of the current run of ASCII letters
  let upper = false; // the run has a capital
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 97 && c <= 122) {
      if (start < 0) {
        start = i;
        upper = false;
      }
      continue;
    }
    if (c >= 65 && c <= 90) {
      if (start < 0) start = i;
      upper = true;
      continue;
    }
    if (start >= 0 && !upper) out.add(text.slice(start, i));
    start = -1;
    upper = false;
  }
  return out;
}

/** Pass 2: entities of the whole text from its candidates (offsets into the text, in order). */
export function resolveEntities(text: string, cands: Candidate[]): Entity[] {
  const surfaces = cands.map(c => text.slice(c.start, c.end));

  // People named with two or more words, by folded name without initials or suffix ("Paul D. Ryan" is "paul ryan"),
  // unless two people differ only by them ("George W. Bush", "George H.W. Bush").
  const initialsOf = new Map<string, Set<string>>();
  const splits = new Map<string, { core: string[]; initials: string }>(); // names repeat: split each once
  const split = (surface: string) => {
    let r = splits.get(surface);
    if (!r) {
      const parts = fold(surface).split(/\s+/);
      const core = parts.length === 1 ? parts : parts.filter(w => !isInitialWord(w) && !isSuffixWord(w));
      r = { core, initials: parts.length === 1 ? '' : parts.filter(isInitialWord).join(' ') };
      splits.set(surface, r);
    }
    return r;
  };
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    if (c.type !== 'PERSON') continue;
    const { core, initials } = split(surfaces[ci]);
    if (core.length < 2) continue;
    const k = core.join(' ');
    const set = initialsOf.get(k) ?? new Set();
    if (initials) set.add(initials);
    initialsOf.set(k, set);
  }
  const personKey = (surface: string): string => {
    const { core, initials } = split(surface);
    const k = core.join(' ');
    return initials && (initialsOf.get(k)?.size ?? 0) > 1 ? `${k} ${initials}` : k;
  };
  const people = new Map<string, Person>();
  const byLast = new Map<string, Person[]>();
  const byFirst = new Map<string, Person[]>();
  const addPerson = (key: string, last: string, first: string | null, at: number): Person => {
    let p = people.get(key);
    if (!p) {
      p = { key, names: [], last, first: at, gender: first ? givenNameGender(first) : null, relative: true };
      people.set(key, p);
      const list = byLast.get(last) ?? [];
      list.push(p);
      byLast.set(last, list);
      if (first) {
        const fl = byFirst.get(first) ?? [];
        fl.push(p);
        byFirst.set(first, fl);
      }
    }
    return p;
  };
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    if (c.type !== 'PERSON') continue;
    const surface = surfaces[ci];
    const { core } = split(surface);
    if (core.length < 2) continue;
    const p = addPerson(personKey(surface), core[core.length - 1], core[0], c.start);
    p.names.push(surface);
    if (!c.relative) p.relative = false;
    // (A given name used for both, or none known: the gender the kinship noun gives.)
    if (!p.gender && c.gender) p.gender = c.gender;
  }
  // Words the article also writes in lower case are common nouns ("Doctors said", "the Committee"): looked up in one
  // pass over the text, and only when some doubtful word needs it.
  const doubtful = new Set<string>();
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    if (!c.speechOnly) continue;
    const f = fold(surfaces[ci]);
    if (!byLast.has(f)) {
      doubtful.add(f);
      if (f.endsWith('s')) doubtful.add(f.slice(0, -1)); // "Doctors said" beside "a doctor"
    }
  }
  const lowerSeen = new Set<string>();
  let lowerWords: Set<string> | undefined; // every word the text writes in lower case, read once when needed
  const inLowerCase = (w: string) => (lowerWords ??= lowerCaseWords(text)).has(w);
  for (const w of doubtful) if (inLowerCase(w)) lowerSeen.add(w);

  const lowerWord = (f: string) => lowerSeen.has(f) || (f.endsWith('s') && lowerSeen.has(f.slice(0, -1)));

  // A person the article names by one word only, with a title or a speech verb ("President Trump", "Rogers said"),
  // is the one its other bare mentions of that word refer to.
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    if (c.type !== 'PERSON' || !c.personCue || (c.speechOnly && lowerWord(fold(surfaces[ci])))) continue;
    const surface = surfaces[ci];
    const key = fold(surface);
    // "Mr. Harlow" beside "Anna Harlow" is another Harlow.
    const others = byLast.get(key);
    // "President Harlow" beside "his daughter Anna Harlow" is the president.
    if (
      /\s/.test(surface) ||
      (others && !(c.gender && others.every(p => p.gender && p.gender !== c.gender)) && !others.every(p => p.relative))
    )
      continue;
    const p = addPerson(key, key, null, c.start);
    p.names.push(surface);
    p.relative = false;
  }
  const canonicals = new Map<Person, string>();
  const canonicalOf = (p: Person) => {
    let c = canonicals.get(p);
    if (c === undefined) {
      // The name as written, without initials and suffixes ("Paul D. Ryan" is Paul Ryan), so that articles which
      // write them differently agree; kept where they tell two people apart ("George W. Bush").
      const plain = (n: string) =>
        p.key.includes('.')
          ? n
          : n
              .split(/\s+/)
              .filter(w => !isInitialWord(fold(w)) && !isSuffixWord(fold(w)))
              .join(' ');
      c = plain(p.names.find(hasAccent) ?? p.names[0]);
      canonicals.set(p, c);
    }
    return c;
  };
  // The person a surname refers to at an offset: the latest full mention before it, else the first after.
  // With an honorific, only people of that gender if the article has one ("Mrs. Clinton" beside Bill and Hillary).
  const personFor = (last: string, at: number, gender?: 'm' | 'f'): Person | undefined => {
    let list = byLast.get(last);
    if (!list) return undefined;
    if (gender && list.length > 1) {
      // Those of that gender; else those not known to be of the other ("Mrs. Roe" beside Bill Roe and Kim Roe).
      const same = list.filter(p => p.gender === gender);
      const notOther = list.filter(p => p.gender !== (gender === 'm' ? 'f' : 'm'));
      if (same.length) list = same;
      else if (notOther.length) list = notOther;
    }
    if (list.length > 1) {
      // A bare surname is not a relative introduced as one ("first lady Jane Roe"), with an honorific too when the
      // given names do not tell ("Mr. Roe" after "Sam Roe, the husband of Kellyanne Roe": neither name's gender known).
      const principal = list.filter(p => !p.relative);
      if (principal.length) list = principal;
    }
    let best: Person | undefined;
    for (const p of list) if (p.first <= at && (!best || p.first > best.first)) best = p;
    return best ?? list[0];
  };
  // A given name alone for the one person of the article who has it ("Patrick" after "Patrick Shanahan").
  const personByFirst = (word: string, surface: string): Person | undefined => {
    const list = byFirst.get(word);
    return list && list.length === 1 && isGivenName(surface) ? list[0] : undefined;
  };

  // Single words typed by their context elsewhere ("near Tromsø"), and short forms of organisations
  // ("the Gazette" after "the Coastal Gazette", "Fox" after "Fox News").
  const singles = new Map<string, { type: EntityType; canonical: string; generic?: boolean }>();
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    const surface = surfaces[ci];
    if (c.evidence && c.type && !/\s/.test(surface)) singles.set(fold(surface), { type: c.type, canonical: surface });
  }
  const shortForms = new Map<string, string>();
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    if (c.type !== 'ORG') continue;
    const surface = surfaces[ci];
    const words = surface.split(/\s+/);
    if (words.length >= 2) {
      const last = fold(words[words.length - 1]);
      if (!singles.has(last))
        singles.set(last, {
          type: 'ORG',
          canonical: c.canonical ?? surface,
          generic: ORG_HEADS.has(last) && !MEDIA_HEADS.has(last),
        });
      const first = fold(words[0]);
      if (words.length === 2 && last === 'news' && !GAZETTEER.has(first) && !COMMON_WORDS.has(first)) {
        shortForms.set(first, c.canonical ?? surface);
        const known = singles.get(first);
        if (!known || known.type === 'ORG') singles.set(first, { type: 'ORG', canonical: c.canonical ?? surface });
      }
    }
  }

  // Short forms that are also common nouns ("the Committee" after "the Intelligence Committee") need the same check.
  const doubtfulShort: string[] = [];
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    if (c.type !== null) continue;
    const f = fold(surfaces[ci]);
    if (singles.get(f)?.generic && !lowerSeen.has(f)) doubtfulShort.push(f);
  }
  for (const w of doubtfulShort) if (inLowerCase(w)) lowerSeen.add(w);

  // Organisations: "U.S. Supreme Court" is the Supreme Court; an acronym of an organisation the article names in full
  // ("Harbour Safety Board" … "HSB") is that organisation.
  const orgCanonical = new Map<string, string>();
  // "Department of Defense" is the "Defense Department".
  const orgNames = new Map<string, string>(); // names repeat: rewritten once each
  const orgName = (c: string) => {
    let n = orgNames.get(c);
    if (n === undefined) {
      n = c
        .replace(/^(?:U\.S\.|US|United States)\s+(?=\p{Lu})/u, '')
        .replace(/^(Department|Ministry) of (?:the )?(\p{Lu}[\p{L} ]*)$/u, '$2 $1');
      orgNames.set(c, n);
    }
    return n;
  };
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    if (c.type !== 'ORG' || c.weak) continue;
    const surface = surfaces[ci];
    const words = surface.split(/\s+/).filter(w => /^\p{Lu}/u.test(w));
    if (words.length >= 2) {
      const acronym = words.map(w => w[0]).join('');
      if (!orgCanonical.has(acronym)) orgCanonical.set(acronym, orgName(c.canonical ?? surface));
    }
  }
  const orgCanon = (surface: string, canonical: string) =>
    orgCanonical.get(surface.replace(/\./g, '')) ?? orgName(canonical);

  const out: Entity[] = [];
  const push = (start: number, end: number, type: EntityType, canonical: string) =>
    out.push({ text: text.slice(start, end), start, end, type, canonical });
  // A single word: a person named elsewhere, or a word typed elsewhere.
  const single = (start: number, end: number): boolean => {
    const surface = text.slice(start, end);
    const f = fold(surface);
    const p = personFor(f, start) ?? (singles.has(f) ? undefined : personByFirst(f, surface));
    const known = singles.get(f);
    if (p) push(start, end, 'PERSON', canonicalOf(p));
    else if (known && !(known.generic && lowerSeen.has(f))) push(start, end, known.type, known.canonical);
    else return false;
    return true;
  };
  // Names of more than one word the article's running text types, for its headlines.
  const knownMulti = new Map<string, { type: EntityType; canonical: string }>();
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    if (c.weak || !c.type || c.type === 'PERSON') continue;
    const surface = surfaces[ci];
    if (/\s/.test(surface)) knownMulti.set(fold(surface), { type: c.type, canonical: c.canonical ?? surface });
  }
  const splitCompound = (start: number, surface: string): boolean => {
    const parts = surface.split('-');
    if (!parts.every(x => byLast.has(fold(x)))) return false;
    let at = start;
    for (const x of parts) {
      push(at, at + x.length, 'PERSON', canonicalOf(personFor(fold(x), at)!));
      at += x.length + 1;
    }
    return true;
  };
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci];
    const surface = surfaces[ci];
    if (c.weak) {
      // A headline's capitalised words: the longest runs that are people named in the article, and single words
      // the article names or types elsewhere.
      const words: [number, number][] = [];
      const re = /\S+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(surface))) words.push([c.start + m.index, c.start + m.index + m[0].length]);
      for (let i = 0; i < words.length;) {
        let j = words.length - 1;
        for (; j > i; j--) {
          const sub = text.slice(words[i][0], words[j][1]);
          const p = people.get(personKey(sub));
          if (p) {
            push(words[i][0], words[j][1], 'PERSON', canonicalOf(p));
            break;
          }
          const known = knownMulti.get(fold(sub)) ?? GAZETTEER.get(fold(sub));
          if (known) {
            push(words[i][0], words[j][1], known.type, known.canonical);
            break;
          }
        }
        if (j === i && !single(words[i][0], words[i][1])) {
          const g = GAZETTEER.get(fold(surface.slice(words[i][0] - c.start, words[i][1] - c.start)));
          if (g) push(words[i][0], words[i][1], g.type, g.canonical);
        }
        i = j + 1;
      }
    } else if (
      c.type !== 'PLACE' &&
      c.type !== 'NORP' &&
      surface.includes('-') &&
      /^[^\s-]+(?:-[^\s-]+)+$/.test(surface) &&
      splitCompound(c.start, surface)
    ) {
      // A compound of two people named elsewhere ("the Harlow-Mendes plan"): each is a mention.
    } else if (c.type === 'PERSON') {
      const { core } = split(surface);
      const p =
        core.length >= 2 ? people.get(personKey(surface)) : personFor(core[0] ?? fold(surface), c.start, c.gender);
      if (!p && c.speechOnly && lowerWord(fold(surface))) continue;
      out.push({ text: surface, start: c.start, end: c.end, type: 'PERSON', canonical: p ? canonicalOf(p) : surface });
    } else if (c.type === null) {
      single(c.start, c.end);
    } else if (c.namedFor) {
      // "the Harlow Administration": the person, when the article names one so; else the organisation.
      const p = personFor(fold(text.slice(c.start, c.start + c.namedFor)), c.start);
      if (p) push(c.start, c.start + c.namedFor, 'PERSON', canonicalOf(p));
      else push(c.start, c.end, 'ORG', c.canonical ?? surface);
    } else if (c.evidence && !/\s/.test(surface) && byLast.has(fold(surface))) {
      // Typed by the words around it ("between Harlow and Mendes"), but the article names that person.
      push(c.start, c.end, 'PERSON', canonicalOf(personFor(fold(surface), c.start)!));
    } else {
      const canonical =
        c.type === 'ORG' ? (shortForms.get(fold(surface)) ?? orgCanon(surface, c.canonical ?? surface)) : c.canonical;
      out.push({ text: surface, start: c.start, end: c.end, type: c.type, canonical: canonical ?? surface });
    }
  }
  return out;
}
