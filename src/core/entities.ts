// Entities: people, organisations, places, nationalities and groups.
//
// Pass 1 reads each sentence: it groups capitalised words into name chunks, strips titles, and types each
// chunk by known names (gazetteer), organisation head words ("… University", "… Party"), acronyms and the
// shape of a person's name. Single unknown words wait for pass 2, which links them to people named in full
// elsewhere in the article ("Rodriguez" → "Delcy Rodríguez") and picks one canonical name per person.

import type { Entity, EntityType } from './types';
import { COMMON_WORDS, GAZETTEER, GAZ_MAX_WORDS, NON_ENTITY_CAPS, ORG_HEADS, ORG_NOUNS_BEFORE, ORG_ROLES_AFTER,
  PERSON_TITLES, PLACE_NOUNS_AFTER, PLACE_PREPOSITIONS, TITLE_MODIFIERS } from './lexicon';
import { fold, hasAccent, type Range, type Token, tokenize } from './text';

/** Nouns that own a place through "of" ("residents of X", "the mayor of X"). */
const PLACE_OWNERS = new Set(`residents people city town village mayor governor province region port capital outskirts
  centre center streets citizens inhabitants suburbs municipality district county state island coast`.split(/\s+/).filter(Boolean));
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.',
  'nov.', 'dec.', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const CONNECTORS = new Set(['of', 'de', 'del', 'da', 'do', 'dos', 'la', 'las', 'los', 'van', 'von', 'der', 'den',
  'bin', 'al', 'el', 'di', 'du', 'y', 'for', 'on']);
const NAME_PARTICLES = new Set(['de', 'del', 'da', 'dos', 'van', 'von', 'der', 'bin', 'al', 'el', 'di', 'du', 'la', 'y']);
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
}

const isCapWord = (t: Token) => t.word && t.cap;

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
  const max = Math.min(limit, i + GAZ_MAX_WORDS * 2 + 2);
  for (let j = max; j >= i; j--) {
    if (!toks[j].word && toks[j].text !== '.') continue;
    const key = keyOf(toks, i, j);
    if (GAZETTEER.has(key) && (anyCase || isCapWord(toks[i]))) return j;
  }
  return -1;
}

/** Mostly capital letters: a shouted headline, where case says nothing about names. */
function isShouted(toks: Token[]): boolean {
  let words = 0;
  let upper = 0;
  for (const t of toks) {
    if (!t.word || t.text.length < 2 || (t.text.length < 4 && t.text.includes('.') && t.text.replace(/\./g, '').length < 2)) continue;
    words++;
    if (t.upper) upper++;
  }
  return words >= 3 && upper / words > 0.7;
}

function isAcronym(t: Token): boolean {
  const letters = t.text.replace(/\./g, '');
  return t.upper && letters.length >= 2 && letters.length <= 6 && !NON_ENTITY_CAPS.has(fold(letters))
    && !COMMON_WORDS.has(fold(letters));
}

/** Pass 1 over one sentence. */
function sentenceCandidates(text: string, sent: Range, out: Candidate[]): void {
  const toks = tokenize(text, sent.start, sent.end);
  const shouted = isShouted(toks);
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (shouted) {
      const g = t.word ? gazMatch(toks, i, toks.length - 1, true) : -1;
      if (g >= 0) {
        const e = GAZETTEER.get(keyOf(toks, i, g))!;
        out.push({ start: t.start, end: toks[g].end, type: e.type, canonical: e.canonical });
        i = g + 1;
      } else {
        if (t.word && !COMMON_WORDS.has(t.f) && !MONTHS.has(t.f) && t.text.length > 2) {
          out.push({ start: t.start, end: t.end, type: null });
        }
        i++;
      }
      continue;
    }
    if (!isCapWord(t)) { i++; continue; }
    // A chunk: capitalised words, with connectors between them and hyphens inside names.
    let j = i;
    while (j + 1 < toks.length) {
      const n = toks[j + 1];
      if (isCapWord(n) && n.start === toks[j].end + 1 && text[toks[j].end] === ' ' && !MONTHS.has(n.f)) { j++; continue; }
      if (isCapWord(n) && n.start === toks[j].end + 1 && text[toks[j].end] !== ' ' && !/\s/.test(text[toks[j].end])) break;
      if (isCapWord(n) && n.start > toks[j].end + 1 && /^\s+$/.test(text.slice(toks[j].end, n.start)) && !/[\r\n]/.test(text.slice(toks[j].end, n.start)) && !MONTHS.has(n.f)) { j++; continue; }
      // Hyphen inside a name ("Marie-Claire"), but not between two known names ("Cuba-Venezuela").
      if (n.text === '-' && n.start === toks[j].end && j + 2 < toks.length && isCapWord(toks[j + 2]) && toks[j + 2].start === n.end) {
        const left = GAZETTEER.has(toks[j].f);
        const right = GAZETTEER.has(toks[j + 2].f);
        if (left || right) break;
        j += 2;
        continue;
      }
      if (n.word && CONNECTORS.has(n.text) && j + 2 < toks.length && isCapWord(toks[j + 2]) && !MONTHS.has(toks[j + 2].f)) { j += 2; continue; }
      break;
    }
    if (MONTHS.has(t.f) && j === i) { i++; continue; }
    classifyChunk(text, toks, i, j, sent, out);
    i = j + 1;
  }
}

/** A title just before token i, lower-case ones included ("former president"), but not a bare modifier ("former"). */
function titleBefore(toks: Token[], i: number): boolean {
  const p = toks[i - 1];
  if (!p || !p.word) return false;
  const f = p.f.replace(/\.$/, '');
  return PERSON_TITLES.has(f) && !TITLE_MODIFIERS.has(f);
}

/** What the words around a single unknown name say it is. */
function contextType(toks: Token[], p: number, r: number, multi: boolean, lastTyped?: Candidate): EntityType | null {
  const prev = toks[p - 1];
  const pf = prev?.word ? prev.f : '';
  let n = r + 1;
  if (toks[n]?.text === '’' || toks[n]?.text === "'") n += 2; // possessive
  const next = toks[n]?.word && !toks[n].cap ? toks[n].f : '';
  if (PLACE_NOUNS_AFTER.has(next)) return 'PLACE';
  if (multi ? ['in', 'near', 'outside', 'across', 'throughout', 'inside', 'into'].includes(pf) : PLACE_PREPOSITIONS.has(pf)) return 'PLACE';
  // "residents of Tromsø", "the mayor of Bergen"
  if (pf === 'of' && PLACE_OWNERS.has(toks[p - 2]?.f ?? '')) return 'PLACE';
  if (ORG_NOUNS_BEFORE.has(pf) || ORG_ROLES_AFTER.has(next)) return 'ORG';
  // "Kumasi and Tamale", "Oslo, Bergen and Tromsø": a name listed with a place is a place.
  if ((pf === 'and' || pf === 'or' || prev?.text === ',') && lastTyped?.type === 'PLACE' && toks[p - 2] && lastTyped.end === toks[p - 2].end) return 'PLACE';
  // "told the Ledger": an outlet.
  if (pf === 'the' && toks[p - 2]?.f === 'told') return 'ORG';
  // A wire dateline: "OSLO, March 4 (Nordwire) -"
  if (prev?.text === '(' && toks[r + 1]?.text === ')' && /^[-–—]$/.test(toks[r + 2]?.text ?? '')) return 'ORG';
  // "Polarlinje was founded in …", "Polarlinje, the ferry operator, …"
  if (next === 'was' && toks[n + 1]?.f === 'founded') return 'ORG';
  if (toks[r + 1]?.text === ',' && (toks[r + 2]?.f === 'the' || toks[r + 2]?.f === 'a')) {
    for (let k = r + 3; k < Math.min(toks.length, r + 9) && toks[k].word; k++) if (ORG_NOUNS_BEFORE.has(toks[k].f)) return 'ORG';
  }
  return null;
}

function classifyChunk(text: string, toks: Token[], a: number, b: number, sent: Range, out: Candidate[]): void {
  let p = a;
  let titled = titleBefore(toks, a);
  const atStart = (x: number) => x === 0 || /^["“‘'(—–:|*_#>-]$/.test(toks[x - 1].text);
  while (p <= b) {
    const t = toks[p];
    const f = t.f.replace(/\.$/, '');
    if (!t.word || CONNECTORS.has(t.text)) { p++; continue; }
    // An organisation ending in a head word: "New York University", "Socialist Party", "Organization of American States".
    let head = -1;
    for (let q = b; q >= p; q--) if (toks[q].word && ORG_HEADS.has(toks[q].f)) { head = q; break; }
    if (head >= 0 && ORG_HEADS.has(f) && head === p && p < b && CONNECTORS.has(toks[p + 1].text)) head = b;
    if (head > p || (head === p && p < b && CONNECTORS.has(toks[p + 1]?.text))) {
      let s = p;
      while (s < head && (DETERMINERS.has(toks[s].f) || PERSON_TITLES.has(toks[s].f) || (COMMON_WORDS.has(toks[s].f) && atStart(s) && !GAZETTEER.has(toks[s].f)))) s++;
      if (head > s || (head === s && toks[head + 1] && CONNECTORS.has(toks[head + 1].text))) {
        const end = head === s ? b : head;
        const g = GAZETTEER.get(keyOf(toks, s, end));
        out.push({ start: toks[s].start, end: toks[end].end, type: g?.type ?? 'ORG', canonical: g?.canonical });
        p = end + 1;
        continue;
      }
    }
    // A known name, longest first.
    const g = gazMatch(toks, p, b, false);
    if (g >= 0) {
      const key = keyOf(toks, p, g);
      const e = GAZETTEER.get(key)!;
      // "The Hague" keeps its article; "the United States" does not (the chunk never holds a lower-case "the").
      out.push({ start: t.start, end: toks[g].end, type: e.type, canonical: e.canonical });
      p = g + 1;
      continue;
    }
    if (PERSON_TITLES.has(f) && p < b) { titled = true; p++; continue; }
    if (DETERMINERS.has(f) || PRONOUN_LIKE.has(f)) { p++; continue; }
    if (COMMON_WORDS.has(f) && (atStart(p) || t.upper || p === b || PERSON_TITLES.has(f))) { p++; continue; }
    if (t.upper && t.text.replace(/\./g, '').length >= 2) {
      // A wire dateline opens with the city in capitals: "ACCRA, Dec 9 (Coastline News) -".
      if (p === 0 && toks[p + 1]?.text === ',' && MONTHS.has(toks[p + 2]?.f ?? '')) {
        out.push({ start: t.start, end: t.end, type: 'PLACE', canonical: t.text[0] + t.text.slice(1).toLowerCase(), evidence: true });
      } else if (isAcronym(t) && !shoutedRun(toks, p)) out.push({ start: t.start, end: t.end, type: 'ORG' });
      p++;
      continue;
    }
    // A run of unknown capitalised words: a person's name, or one word to resolve later.
    let r = p;
    while (r + 1 <= b) {
      const n = toks[r + 1];
      if (n.text === '-' || (n.word && NAME_PARTICLES.has(n.text) && r + 2 <= b)) { r++; continue; }
      if (!n.word || !isCapWord(n)) break;
      const nf = n.f;
      if (GAZETTEER.has(nf) || ORG_HEADS.has(nf) || PERSON_TITLES.has(nf) || n.upper) break;
      r++;
    }
    while (r > p && !toks[r].word) r--;
    const words = toks.slice(p, r + 1).filter(x => x.word && !NAME_PARTICLES.has(x.text)).length;
    const speech = SPEECH_AFTER.test(text.slice(toks[r].end, Math.min(sent.end, toks[r].end + 12)));
    const around = titled || speech ? null : contextType(toks, p, r, words >= 2, out[out.length - 1]);
    if (around) {
      out.push({ start: t.start, end: toks[r].end, type: around, evidence: true });
    } else if (words >= 2) {
      out.push({ start: t.start, end: toks[r].end, type: 'PERSON', personCue: titled || speech });
    } else if (/(?:ist|ista|istas|ists|ite|ites)$/.test(f) && toks[r + 1]?.word && !toks[r + 1].cap) {
      out.push({ start: t.start, end: t.end, type: 'NORP', canonical: t.text.replace(/s$/, '') });
    } else if (titled || speech) {
      out.push({ start: t.start, end: t.end, type: 'PERSON', personCue: true });
    } else if (!(atStart(p) && COMMON_WORDS.has(f))) {
      out.push({ start: t.start, end: t.end, type: null });
    }
    titled = false;
    p = r + 1;
  }
}

/** Part of a run of shouted words ("BUT NOT ANYMORE"), where capitals are emphasis, not an acronym. */
function shoutedRun(toks: Token[], i: number): boolean {
  const near = [toks[i - 1], toks[i + 1], toks[i - 2], toks[i + 2]];
  return near.some(n => n && n.word && n.upper && n.text.length > 1 && COMMON_WORDS.has(n.f));
}

interface Person {
  key: string; // folded full name
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

/** Pass 2: entities of the whole text from its candidates (offsets into the text, in order). */
export function resolveEntities(text: string, cands: Candidate[]): Entity[] {

  // People named with two or more words, by folded full name.
  const people = new Map<string, Person>();
  const byLast = new Map<string, Person[]>();
  for (const c of cands) {
    if (c.type !== 'PERSON') continue;
    const surface = text.slice(c.start, c.end);
    const parts = surface.split(/\s+/);
    if (parts.length < 2) continue;
    const key = fold(surface);
    let p = people.get(key);
    if (!p) {
      p = { key, names: [], last: fold(parts[parts.length - 1]), first: c.start };
      people.set(key, p);
      const list = byLast.get(p.last) ?? [];
      list.push(p);
      byLast.set(p.last, list);
    }
    p.names.push(surface);
  }
  const canonicals = new Map<Person, string>();
  const canonicalOf = (p: Person) => {
    let c = canonicals.get(p);
    if (c === undefined) canonicals.set(p, (c = p.names.find(hasAccent) ?? p.names[0]));
    return c;
  };
  // The person a surname refers to at an offset: the latest full mention before it, else the first after.
  const personFor = (last: string, at: number): Person | undefined => {
    const list = byLast.get(last);
    if (!list) return undefined;
    let best: Person | undefined;
    for (const p of list) if (p.first <= at && (!best || p.first > best.first)) best = p;
    return best ?? list[0];
  };

  // Single words typed by their context elsewhere ("near Tromsø"), and short forms of organisations
  // ("the Gazette" after "the Coastal Gazette").
  const singles = new Map<string, { type: EntityType; canonical: string }>();
  for (const c of cands) {
    const surface = text.slice(c.start, c.end);
    if (c.evidence && c.type && !/\s/.test(surface)) singles.set(fold(surface), { type: c.type, canonical: surface });
  }
  for (const c of cands) {
    const surface = text.slice(c.start, c.end);
    const words = surface.split(/\s+/);
    if (c.type === 'ORG' && words.length >= 2) {
      const last = fold(words[words.length - 1]);
      if (!singles.has(last)) singles.set(last, { type: 'ORG', canonical: c.canonical ?? surface });
    }
  }

  const out: Entity[] = [];
  for (const c of cands) {
    const surface = text.slice(c.start, c.end);
    if (c.type === 'PERSON') {
      const parts = surface.split(/\s+/);
      const key = fold(surface);
      const p = parts.length >= 2 ? people.get(key) : personFor(key, c.start);
      out.push({ text: surface, start: c.start, end: c.end, type: 'PERSON', canonical: p ? canonicalOf(p) : surface });
    } else if (c.type === null) {
      const p = personFor(fold(surface), c.start);
      const known = singles.get(fold(surface));
      if (p) out.push({ text: surface, start: c.start, end: c.end, type: 'PERSON', canonical: canonicalOf(p) });
      else if (known) out.push({ text: surface, start: c.start, end: c.end, type: known.type, canonical: known.canonical });
    } else {
      out.push({ text: surface, start: c.start, end: c.end, type: c.type, canonical: c.canonical ?? surface });
    }
  }
  return out;
}
