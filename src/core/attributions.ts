// Attributed claims: who (source) says (cue) what (content), PARC style.
//
// Shapes handled: “…,” said X / “…,” X said / X said: “…” / a quote that continues the previous speaker's;
// X said (that) …; X told Reuters (that) …; X vowed to …; According to X, …; …, according to X; …, as reported
// by X; …, X said; …, reported Reuters; X, a professor at Y, said …. The content of a paraphrase that holds a
// quoted fragment is `mixed`.

import type { Attribution, AttributionKind, Entity, Span } from './types';
import { DEMONYM_OF, NUMBER_WORDS, PERSON_TITLES, TITLE_MODIFIERS } from './lexicon';
import { fold, type Range, type Token, tokenize } from './text';

/** Verbs that attribute a claim even with a bare clause after them ("said the talks failed"). */
const STRONG = new Set(`said says say told tells tell added adds wrote writes stated states noted notes note
  reported reports explained explains argued argues insisted insists warned warns claimed claims asserted asserts
  acknowledged acknowledges emphasized emphasised emphasizes emphasises stressed stresses contended contends
  maintained maintains testified tweeted posted replied responded countered conceded concedes admitted admits`
  .split(/\s+/).filter(Boolean));
/** Verbs that attribute only before "that", "to", a colon or a quote ("confirmed that …", "vowed to …"). */
const WEAK = new Set(`confirmed confirms denied denies announced announces vowed vows vow pledged pledges pledge
  promised promises threatened threatens alleged alleges declared declares predicted predicts estimated estimates
  observed recalled urged urges agreed agrees disclosed discloses revealed reveals assured assures signalled
  signaled hinted hints cautioned cautions`.split(/\s+/).filter(Boolean));
const SKIP_BEFORE_CUE = new Set(`has have had is was were will would also has already publicly privately repeatedly
  previously later earlier recently then again once further reportedly allegedly separately similarly reiterated
  officially openly`.split(/\s+/).filter(Boolean));
const NEGATION = new Set(['not', "n't", 'never', 'neither', 'nor', 'no']);
const BLOCK_BEFORE_CUE = new Set(['the', 'a', 'an', 'to', 'of', 'its', 'their', 'his', 'her', 'this', 'that', 'these',
  'those', 'in', 'on', 'for', 'with', 'by', 'as', 'our', 'my', 'your']);
const CLAUSE_CONJ = new Set(['though', 'although', 'while', 'but', 'and', 'whereas', 'as', 'because', 'since', 'however', 'yet', 'so']);
const TAIL_STARTS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'last', 'this', 'earlier', 'later', 'by',
  'from', 'via', 'when', 'while', 'in', 'late', 'early', 'yesterday', 'today', 'recently', 'adding', 'citing']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const TOLD_OBJECTS = new Set(['reporters', 'journalists', 'lawmakers', 'me', 'us', 'him', 'her', 'them', 'parliament',
  'congress', 'supporters', 'the']);
/** Nouns that can head a source ("a senior official", "two sources", "Cuba’s government"). */
const SOURCE_HEADS = new Set(`source sources official officials spokesman spokeswoman spokesperson analyst analysts
  expert experts diplomat diplomats government governments ministry administration media outlet outlet newspaper
  agency report reports statement witness witnesses resident residents people person aide aides adviser advisers
  advisor advisors minister ministers president leader leaders lawmaker lawmakers critic critics observer observers
  authorities police military army prosecutor prosecutors investigators researcher researchers scientist
  scientists economist economists professor historian officer officers commander general ambassador envoy
  engineer engineers doctor doctors nurse nurses teacher teachers lawyer lawyers attorney attorneys judge judges
  worker workers employee employees official's survivor survivors victim victims relative relatives neighbour
  neighbours neighbor neighbors farmer farmers fisherman fishermen pilot pilots soldier soldiers captain crew
  student students parent parents mother father resident user users customer customers investor investors trader
  traders banker bankers campaigner campaigners protester protesters organiser organisers organizer organizers
  representative representatives member members activist activists group groups organization organisation
  party company firm bank insiders insider executive executives director chief figures data study survey poll`
  .split(/\s+/).filter(Boolean));

/**
 * Work done by the attribution scan (tokens and quotation marks looked at), summed over every call: it grows
 * linearly with the text, however the text's quotation marks are arranged. Read by tests and the bench.
 */
let work = 0;
export function attributionWork(): number {
  return work;
}

/** Index of the first token that starts at or after `at` (tokens sorted by start). */
function tokenAt(toks: Token[], at: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < at) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/**
 * The tokens of a sentence that lie in [from, to): a slice of the sentence's own tokens, not a new reading. At
 * most `max` of them, the first ones (or the last ones with `fromEnd`): a cue and its source sit close to a quotation.
 */
function tokensBetween(text: string, sent: Range, from: number, to: number, max = Infinity, fromEnd = false): Token[] {
  const all = tokenize(text, sent.start, sent.end);
  let a = tokenAt(all, from);
  let b = tokenAt(all, to);
  while (b > a && all[b - 1].end > to) b--;
  if (b - a > max) { if (fromEnd) a = b - max; else b = a + max; }
  work += b - a;
  return all.slice(a, b);
}

/** A paragraph without any of these cannot hold an attribution. */
const MAY_ATTRIBUTE = new RegExp(`["“”]|\\b(?:${[...STRONG, ...WEAK, 'according', 'reported'].join('|')})\\b`, 'i');

interface Quote {
  open: number; // index of the opening mark
  close: number; // index of the closing mark
}

/** Quotations of a paragraph, sorted by start, with the outermost ones for "is this offset quoted?" lookups. */
interface Quotes {
  all: Quote[];
  /** Quotations not inside another, sorted and disjoint. */
  outer: Quote[];
}

const QUOTE_MARKS = /[“”"]/g;
/** Deeper nesting than this is not news writing: further opening marks are read as plain text. */
const MAX_QUOTE_DEPTH = 4;

/**
 * Quotations of a paragraph, in one pass over its marks: “…”, "…", and pairs whose marks differ (“…" or "…”).
 * A straight mark closes an open straight quotation; otherwise it closes an open curly one when it stands where
 * a closing mark stands (after a word, before a space or punctuation), and opens a quotation elsewhere. A curly
 * opening mark while a curly quotation is open replaces it (the first was never closed). Unmatched marks are
 * left out.
 */
function findQuotes(text: string, para: Range): Quotes {
  const all: Quote[] = [];
  const stack: { at: number; curly: boolean }[] = [];
  QUOTE_MARKS.lastIndex = para.start;
  for (let m = QUOTE_MARKS.exec(text); m && m.index < para.end; m = QUOTE_MARKS.exec(text)) {
    work++;
    const i = m.index;
    const c = m[0];
    const top = stack[stack.length - 1];
    if (c === '“') {
      if (top && top.curly) top.at = i;
      else if (stack.length < MAX_QUOTE_DEPTH) stack.push({ at: i, curly: true });
    } else if (c === '”') {
      if (top) { all.push({ open: top.at, close: i }); stack.pop(); }
    } else if (top && !top.curly) {
      all.push({ open: top.at, close: i });
      stack.pop();
    } else {
      const before = i > para.start ? text[i - 1] : ' ';
      const after = i + 1 < para.end ? text[i + 1] : ' ';
      const closing = !/[\s(\[—–]/.test(before) && /[\s,.;:!?)\]—–-]/.test(after);
      if (top && closing) { all.push({ open: top.at, close: i }); stack.pop(); }
      else if (stack.length < MAX_QUOTE_DEPTH) stack.push({ at: i, curly: false });
    }
  }
  all.sort((a, b) => a.open - b.open);
  const outer: Quote[] = [];
  for (const q of all) {
    const last = outer[outer.length - 1];
    if (last && q.open < last.close) continue; // nested in the last one
    outer.push(q);
  }
  return { all, outer };
}

const NO_QUOTES: Quotes = { all: [], outer: [] };

/** Is the offset inside a quotation (between its marks)? */
function inQuote(qs: Quotes, at: number): boolean {
  const o = qs.outer;
  if (o.length === 0) return false;
  let lo = 0;
  let hi = o.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (o[mid].open < at) lo = mid + 1; else hi = mid;
  }
  return lo > 0 && at < o[lo - 1].close;
}

/** The last item that passes, among the last `reach` items (speakers are looked for near, not over the text). */
function findLast<T>(xs: T[], ok: (x: T) => boolean, reach = 50): T | undefined {
  for (let i = xs.length - 1; i >= Math.max(0, xs.length - reach); i--) if (ok(xs[i])) return xs[i];
  return undefined;
}

interface Cue {
  start: number;
  end: number;
  /** First token index after the cue (its object included for "told X"). */
  after: number;
  /** Index of the cue's first token. */
  at: number;
  phrase: 'verb' | 'according' | 'reportedby';
  strong: boolean;
}

/** Is the token inside one of the names (sorted by start)? */
function insideName(names: Entity[], t: Token): boolean {
  const i = lowerBound(names, t.start + 1) - 1;
  return i >= 0 && t.start >= names[i].start && t.end <= names[i].end;
}

/** Tokens a source's noun phrase may span before its cue (sourceLike allows 15; an appositive adds more). */
const SEGMENT_REACH = 40;
/** Tokens on each side of a quotation where its cue and source are looked for. */
const QUOTE_REACH = 60;

function findCues(toks: Token[], quotes: Quotes, names: Entity[] = []): Cue[] {
  const out: Cue[] = [];
  work += toks.length;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.word) continue;
    const f = t.f;
    if (f === 'according' && toks[i + 1] && toks[i + 1].f === 'to' && !inQuote(quotes, t.start)) {
      out.push({ start: t.start, end: toks[i + 1].end, after: i + 2, at: i, phrase: 'according', strong: true });
      i++;
      continue;
    }
    if (f === 'as' && toks[i + 2] && /^(reported|quoted|cited|stated)$/.test(toks[i + 1].f) && toks[i + 2].f === 'by' && !inQuote(quotes, t.start)) {
      out.push({ start: t.start, end: toks[i + 2].end, after: i + 3, at: i, phrase: 'reportedby', strong: true });
      i += 2;
      continue;
    }
    const strong = STRONG.has(f);
    if (!strong && !WEAK.has(f)) continue;
    if (inQuote(quotes, t.start)) continue;
    if (t.cap && insideName(names, t)) continue; // part of a name: "United States"
    const prev = toks[i - 1];
    if (prev && prev.word && BLOCK_BEFORE_CUE.has(prev.f)) continue;
    if (prev && prev.word && NEGATION.has(prev.f)) continue;
    let end = t.end;
    let after = i + 1;
    if ((f === 'told' || f === 'tells' || f === 'tell') && toks[i + 1]?.word) {
      // "told Reuters", "told reporters", "told the BBC": the object is part of the cue.
      let j = i + 1;
      if (toks[j].f === 'the' && toks[j + 1]?.cap) j++;
      if (toks[j].cap || TOLD_OBJECTS.has(toks[j].f)) {
        while (toks[j + 1] && toks[j + 1].cap && toks[j + 1].start === toks[j].end + 1) j++;
        end = toks[j].end;
        after = j + 1;
      } else {
        // "told a press conference in Accra that …": the content starts after "that".
        for (let k = j; k < Math.min(toks.length, j + 9) && toks[k].word; k++) if (toks[k].f === 'that') { after = k; break; }
      }
    }
    // "said in a joint statement that …", "wrote on Monday that …": the content starts after "that".
    if (after === i + 1 && /^(?:in|on|at|during|after|before|to|through|via|from|with|late|early|last|this|earlier|later)$/.test(toks[i + 1]?.f ?? '')) {
      for (let k = i + 2; k < Math.min(toks.length, i + 10) && (toks[k].word || /^\d/.test(toks[k].text)); k++) if (toks[k].f === 'that') { after = k; break; }
    }
    out.push({ start: t.start, end, after, at: i, phrase: 'verb', strong });
  }
  return out;
}

interface Ctx {
  text: string;
  /** Sorted by start. */
  entities: Entity[];
}

/** The whole text, for naming speakers. */
interface DocCtx extends Ctx {
  /** People only, sorted by start. */
  people: Entity[];
  /** Folded place canonical or surface → the demonym used in the text ("cuba" → "Cuban"). */
  demonyms: Map<string, string>;
}

/** Index of the first item whose start is at or after `at` (items sorted by start). */
function lowerBound(xs: { start: number }[], at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].start < at) lo = mid + 1; else hi = mid;
  }
  return lo;
}

const span = (text: string, start: number, end: number): Span => ({ text: text.slice(start, end), start, end });

function entitiesIn(ctx: Ctx, start: number, end: number): Entity[] {
  const out: Entity[] = [];
  for (let i = lowerBound(ctx.entities, start); i < ctx.entities.length && ctx.entities[i].start < end; i++) {
    if (ctx.entities[i].end <= end) out.push(ctx.entities[i]);
  }
  return out;
}

/** Trim white space and edge punctuation (commas, dashes) from a range. */
function trim(text: string, start: number, end: number, keepFinal = false): [number, number] {
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1])) end--;
  if (!keepFinal) while (end > start && /[.!?]/.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * Is tokens[a..b] (inclusive) a plausible source noun phrase? With `loose` (before "said", "told"), any short
 * noun phrase that opens with a determiner or a count is one ("a senior engineer said").
 */
function sourceLike(ctx: Ctx, toks: Token[], a: number, b: number, loose = false): boolean {
  if (b < a || b - a > 14) return false;
  // "Two officials who asked not to be named said": the noun phrase before the relative clause decides.
  for (let i = a + 1; i <= b; i++) if (toks[i].word && (toks[i].f === 'who' || toks[i].f === 'whom')) return sourceLike(ctx, toks, a, i - 1, loose);
  const words = toks.slice(a, b + 1).filter(t => t.word);
  if (words.length === 0) return false;
  if (loose && words.length <= 6 && /^(?:a|an|the|one|two|three|four|five|six|several|some|many|other)$/.test(words[0].f)
    && !toks.slice(a, b + 1).some(t => t.text === ',') && !words.some(t => NEGATION.has(t.f))) return true;
  if (words.length === 1 && PRONOUNS.has(words[0].f)) return true;
  if (words.some(t => NEGATION.has(t.f))) return false;
  if (words.some(t => STRONG.has(t.f) && !t.cap && t !== words[0])) return false;
  if (words.some(t => SOURCE_HEADS.has(t.f) || (PERSON_TITLES.has(t.f) && !TITLE_MODIFIERS.has(t.f)))) return true;
  return entitiesIn(ctx, toks[a].start, toks[b].end).length > 0 && (toks[a].cap || /^(?:the|a|an)$/.test(toks[a].text));
}

/**
 * The source before a cue: the noun phrase between the clause start and the cue, without auxiliaries and
 * adverbs; past an appositive ("X, a professor at Y, said") to the name.
 */
function sourceBefore(ctx: Ctx, toks: Token[], cueAt: number, quotes: Quotes, loose = false): { a: number; b: number; clauseStart: number } | null {
  let b = cueAt - 1;
  if (b > 0 && toks[b].text === ',') b--; // "X, a professor at Y, said"
  while (b >= 0 && toks[b].word && (SKIP_BEFORE_CUE.has(toks[b].f) || /ly$/.test(toks[b].f) && !toks[b].cap)) b--;
  // "it continues to condemn … and vows to …": a coordinated verb shares the clause's subject.
  if (b >= 0 && toks[b].f === 'and') {
    let s = b;
    const stop = Math.max(0, b - SEGMENT_REACH);
    while (s > stop && !/^[,;:—–]$/.test(toks[s - 1].text)) s--;
    while (s < b && toks[s].word && CLAUSE_CONJ.has(toks[s].f)) s++;
    if (toks[s] && PRONOUNS.has(toks[s].f)) return { a: s, b: s, clauseStart: s };
    return null;
  }
  const segment = (end: number) => {
    // A source is a short noun phrase: look back no further than a long one could reach.
    let s = end;
    const stop = Math.max(-1, end - SEGMENT_REACH);
    while (s > stop && !/^[,;:—–(|]$/.test(toks[s].text) && !(toks[s].text === '”' || toks[s].text === '"') && !inQuote(quotes, toks[s].start)) s--;
    work += end - s;
    return s + 1;
  };
  let a = segment(b);
  while (a <= b && toks[a].word && CLAUSE_CONJ.has(toks[a].f)) a++;
  // An appositive after a name: step back over it to the name.
  for (let hop = 0; hop < 2 && a > 0 && toks[a - 1].text === ',' && a <= b && (!toks[a].cap || /^(a|an|the)$/i.test(toks[a].text)); hop++) {
    const nameEnd = a - 2;
    const nameStart = segment(nameEnd);
    const ents = entitiesIn(ctx, toks[nameStart]?.start ?? 0, toks[nameEnd]?.end ?? 0);
    if (nameEnd >= nameStart && ents.some(e => (e.type === 'PERSON' || e.type === 'ORG') && e.end === toks[nameEnd].end)) { a = nameStart; b = nameEnd; break; }
    if (!sourceLike(ctx, toks, a, b)) { a = nameStart; b = nameEnd; } else break;
  }
  while (a <= b && toks[a].word && CLAUSE_CONJ.has(toks[a].f)) a++;
  if (!sourceLike(ctx, toks, a, b, loose)) return null;
  return { a, b, clauseStart: a };
}

/** Source after an inverted cue ("said Frank Mora, former …", "according to multiple sources."). */
function sourceAfter(toks: Token[], from: number, stopAt: number): [number, number] | null {
  let b = from;
  const stop = Math.min(toks.length, from + SEGMENT_REACH);
  while (b < stop && toks[b].start < stopAt && !/^[,;:.!?—–(]$/.test(toks[b].text)) b++;
  if (b === from) return null;
  return [from, b - 1];
}

/** The source's span: the whole noun phrase; `resolveSpeakers` narrows it to a person's name in it. */
function sourceSpan(ctx: Ctx, start: number, end: number): Span {
  return span(ctx.text, start, end);
}

function kindOf(text: string, start: number, end: number): { kind: AttributionKind; start: number; end: number } {
  const inner = text.slice(start, end);
  const open = inner[0];
  if ((open === '“' || open === '"') && /^[“"][^“”"]*[”"]$/.test(inner)) {
    let e = end - 1;
    if (text[e - 1] === ',') e--;
    return { kind: 'direct', start: start + 1, end: e };
  }
  return { kind: /[“”"]/.test(inner) ? 'mixed' : 'indirect', start, end };
}

/** A whole quotation, marks at its edges: `direct`, whatever quotation it holds inside. */
function quoted(text: string, start: number, end: number): { kind: AttributionKind; start: number; end: number } {
  let e = end - 1;
  if (text[e - 1] === ',') e--;
  return { kind: 'direct', start: start + 1, end: e };
}

const COUNT_WORDS = /^(multiple|several|many|some|numerous|various|other|few)$/;

/** A canonical speaker for a source span. */
function speakerOf(ctx: DocCtx, source: Span | null, prior: Attribution[]): string | null {
  if (!source) return null;
  const f = fold(source.text);
  if (PRONOUNS.has(f)) {
    if (f === 'he' || f === 'she') {
      let i = lowerBound(ctx.people, source.start) - 1;
      while (i >= 0 && ctx.people[i].end > source.start) i--;
      return i >= 0 ? ctx.people[i].canonical : null;
    }
    const last = findLast(prior, p => !!p.speaker && (p.content.end <= source.start || !!p.source && p.source.end <= source.start));
    if (last && source.start - (last.source?.end ?? last.content.end) < 400) return last.speaker;
    const before = ctx.text.slice(Math.max(0, source.start - 200), source.start);
    const m = /(?:the\s+)?([A-Z][\p{L}]+)\s+(government|administration|ministry|authorities|military)\b[^.]*$/u.exec(before);
    if (m) return `${demonym(ctx, m[1])} ${m[2]}`;
    return null;
  }
  const ents = entitiesIn(ctx, source.start, source.end);
  const people = ents.filter(e => e.type === 'PERSON');
  if (people.length) return people[people.length - 1].canonical;
  let words = source.text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  // Names joined by "and": "The United States and the European Union".
  const rest = (from: number, to: number) => ctx.text.slice(from, to).replace(/\s+/g, ' ').trim().toLowerCase();
  if (ents.length >= 2 && ents.every((e, i) => rest(i === 0 ? source.start : ents[i - 1].end, e.start).replace(/^(?:and |, ?)/, '').replace(/^the$/, '') === '' || /^(?:,|and)(?: the)?$/.test(rest(i === 0 ? source.start : ents[i - 1].end, e.start)) || (i === 0 && /^(?:the)?$/.test(rest(source.start, e.start))))
    && rest(ents[ents.length - 1].end, source.end) === '') {
    return ents.map(e => e.canonical).join(' and ');
  }
  // An organisation or place with only a determiner and lower-case words before it: "the opposition Green Party".
  const lastEnt = ents[ents.length - 1];
  if (lastEnt && lastEnt.end === source.end && /^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[a-z][\w-]*\s+){0,2}$/.test(ctx.text.slice(source.start, lastEnt.start))) {
    return lastEnt.canonical;
  }
  // A definite back-reference to an earlier source: "The observers said" after "two election observers …".
  const back = /^the\s+([a-z]+s)$/i.exec(words);
  if (back) {
    const head = back[1].toLowerCase();
    const headOf = new RegExp(`\\b${head}\\b`, 'i');
    const earlier = findLast(prior, p => !!p.source && !!p.speaker && headOf.test(p.source.text.split(/\s+(?:from|of|at|in|close|with|cited)\s+/)[0]));
    if (earlier) return earlier.speaker;
  }
  // Counted anonymous sources: "four sources", "at least 11 sources cited in a Reuters report", "multiple sources".
  // Unnamed counted groups ("three crew members", "two US officials") are labelled the same way.
  const count = /^(?:(?:at least|more than|some|about|nearly|over)\s+)?(\d+|[a-z]+)(?:\s+of\s+(?:the|these|those))?\s+(?:[\w.-]+\s+){0,2}(?:sources|people|officials|members|employees|workers|residents|witnesses|diplomats|officers|aides|insiders|persons|individuals|observers|monitors|engineers|doctors|soldiers|staff|experts|analysts|investigators|lawmakers|executives|activists)\b/i.exec(words);
  if (count) {
    const c = count[1].toLowerCase();
    const n = /^\d+$/.test(c) ? c : NUMBER_WORDS[c] !== undefined ? String(NUMBER_WORDS[c]) : COUNT_WORDS.test(c) ? c : null;
    if (n) return `anonymous sources (${n})`;
  }
  // "Cuba's government", "the Cuban government" → "Cuban government".
  const gov = /^(?:[Tt]he\s+)?([A-Z][\p{L}.]+(?:\s[A-Z][\p{L}]+)?)(?:'s)?\s+(government|administration|ministry|authorities|military)$/u.exec(words);
  if (gov && !/^(?:The|A|An)$/.test(gov[1])) return `${demonym(ctx, gov[1])} ${gov[2]}`;
  if (ents.length === 1 && ents[0].start === source.start && ents[0].end === source.end) return ents[0].canonical;
  words = words.replace(/^(?:a|an|the)\s+/i, '');
  // Lower-case a leading common noun ("Analysts" → "analysts"), not a name ("White House official").
  const first = ents.find(e => e.start === source.start + (source.text.length - source.text.replace(/^(?:a|an|the)\s+/i, '').length));
  if (!first) words = words[0].toLowerCase() + words.slice(1);
  return words;
}

/** "Cuba" → "Cuban" where the engine knows the demonym; other words unchanged. */
function demonym(ctx: DocCtx, name: string): string {
  return ctx.demonyms.get(fold(name)) ?? DEMONYM_OF.get(fold(name)) ?? name;
}

function demonymsOf(entities: Entity[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entities) {
    if (e.type !== 'PLACE') continue;
    const d = DEMONYM_OF.get(fold(e.canonical));
    if (d) { out.set(fold(e.text), d); out.set(fold(e.canonical), d); }
  }
  return out;
}


/**
 * Attributions of one paragraph (its own string, with its entities, offsets into it), speakers not yet named:
 * `resolveSpeakers` does that over the whole text.
 */
export function paragraphAttributions(ptext: string, sents: Range[], entities: Entity[]): Attribution[] {
  if (!MAY_ATTRIBUTE.test(ptext)) return []; // no quotation mark and no cue word: nothing to find
  const text = ptext;
  const para: Range = { start: 0, end: ptext.length };
  const ctx: Ctx = { text, entities: [...entities].sort((a, b) => a.start - b.start) };
  {
    const quotes = findQuotes(text, para);
    const local: Attribution[] = [];
    const usedCue = new Set<number>();
    const sentOf = (at: number) => {
      const i = lowerBound(sents, at + 1) - 1;
      return i >= 0 && at < sents[i].end ? sents[i] : sents[Math.min(lowerBound(sents, at), sents.length - 1)];
    };

    // 1. Quotations with the speaker beside them.
    for (const q of quotes.all) {
      if (!/\S+\s+\S+\s+\S/.test(text.slice(q.open + 1, Math.min(q.close, q.open + 200))) && !/[,.!?]$/.test(text.slice(q.open + 1, q.close))) continue; // a scare-quoted phrase
      const endSent = sentOf(q.close);
      const after = tokensBetween(text, endSent, q.close + 1, endSent.end, QUOTE_REACH);
      let k = 0;
      if (after[k]?.text === ',') k++;
      let found: Attribution | null = null;
      const cues = findCues(after, NO_QUOTES, ctx.entities);
      const first = cues[0];
      if (first && first.at === k && first.phrase === 'verb') {
        const src = sourceAfter(after, first.after, endSent.end);
        if (src) found = make(text, sourceSpan(ctx, after[src[0]].start, after[src[1]].end), first, q.open, q.close + 1);
      } else if (first && first.at > k && first.at - k <= 14) {
        const sb = sourceBefore(ctx, after, first.at, NO_QUOTES, first.strong);
        if (sb && sb.a === k) found = make(text, sourceSpan(ctx, after[sb.a].start, after[sb.b].end), first, q.open, q.close + 1);
      }
      if (!found) {
        // X said: “…”
        const startSent = sentOf(q.open);
        const before = tokensBetween(text, startSent, startSent.start, q.open, QUOTE_REACH, true);
        const bc = findCues(before, quotes).filter(c => c.after >= before.length - 1 && (c.after === before.length || /^[,:]$/.test(before[c.after].text)));
        const c = bc[bc.length - 1];
        if (c) {
          const sb = sourceBefore(ctx, before, c.at, quotes);
          if (sb) found = make(text, sourceSpan(ctx, before[sb.a].start, before[sb.b].end), c, q.open, q.close + 1);
        }
      }
      if (!found) {
        // A quotation on its own right after the same speaker's: “…,” said X. “…”
        const prev = local[local.length - 1];
        const sStart = sentOf(q.open).start;
        if (prev && prev.kind === 'direct' && q.open === sStart && endsSentence(text, q.close + 1, endSent.end) && prev.content.end < q.open) {
          const k2 = quoted(text, q.open, q.close + 1);
          found = { source: prev.source, cue: null, content: span(text, k2.start, k2.end), kind: 'direct', speaker: null };
        }
      }
      if (!found) {
        // A quotation that is a sentence of its own, with no speaker beside it: named over the whole text.
        if (q.open === sentOf(q.open).start && endsSentence(text, q.close + 1, endSent.end)) {
          const k2 = quoted(text, q.open, q.close + 1);
          found = { source: null, cue: null, content: span(text, k2.start, k2.end), kind: 'direct', speaker: null };
        }
      }
      if (found) {
        local.push(found);
        if (found.cue) usedCue.add(found.cue.start);
      }
    }

    // 2. Paraphrases, sentence by sentence.
    for (const s of sents) {
      MAY_ATTRIBUTE.lastIndex = 0;
      if (!MAY_ATTRIBUTE.test(text.slice(s.start, s.end))) continue;
      const toks = tokenize(text, s.start, s.end);
      const cues = findCues(toks, quotes, ctx.entities).filter(c => !usedCue.has(c.start));
      for (let ci = 0; ci < cues.length; ci++) {
        const c = cues[ci];
        const next = cues[ci + 1];
        const a = buildParaphrase(ctx, toks, s, c, next, quotes);
        if (a) { local.push(a); usedCue.add(c.start); }
      }
    }
    local.sort((x, y) => x.content.start - y.content.start);
    return local;
  }
}

const SPEECH_NEAR = /\b(?:spoke|speaking|addressed|told|said|says|added|wrote|insisted|replied|responded|answered|explained|argued|warned|vowed|was asked|recalled|declared)\b/;

/**
 * Names the speaker of every attribution of a text (offsets into the text, in order), and gives quotations
 * that stand alone the source of the quotation just before them or of the sentence before them ("X spoke to
 * reporters. “…”"); those that have neither are dropped. Returns the attributions kept.
 */
export function resolveSpeakers(text: string, attributions: Attribution[], entities: Entity[]): Attribution[] {
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const ctx: DocCtx = { text, entities: sorted, people: sorted.filter(e => e.type === 'PERSON'), demonyms: demonymsOf(sorted) };
  const prior: Attribution[] = [];
  for (const a of attributions) {
    if (!a.cue && !a.source) {
      const q = a.content.start - 1;
      const prev = prior[prior.length - 1];
      const gap = prev ? text.slice(prev.content.end, q) : '';
      if (prev?.source && gap.length < 200 && !/[“"]/.test(gap.slice(1)) && (gap.match(/\n\s*\n|\n/g) ?? []).length <= 2 && !/[.!?]\s+\S+[^.!?]*[.!?]\s/.test(gap.slice(2))) {
        a.source = prev.source;
      } else {
        // The sentence before: a person with a verb of speech.
        const before = text.slice(Math.max(0, q - 300), q);
        const sentStart = Math.max(before.lastIndexOf('. ', before.length - 3), before.lastIndexOf('\n', before.length - 2)) + 1;
        const offset = q - before.length + sentStart;
        let person: Entity | undefined;
        for (let i = lowerBound(ctx.people, offset); i < ctx.people.length && ctx.people[i].end <= q; i++) {
          work++;
          if (SPEECH_NEAR.test(text.slice(ctx.people[i].end, Math.min(q, ctx.people[i].end + 60)))) { person = ctx.people[i]; break; }
        }
        if (person) a.source = span(text, person.start, person.end);
      }
      if (!a.source) continue;
    }
    // A named person is the source by name only, without title or appositive ("US President [Donald Trump]").
    const people = a.source ? entitiesIn(ctx, a.source.start, a.source.end).filter(e => e.type === 'PERSON') : [];
    const p = people[people.length - 1];
    if (p) a.source = span(text, p.start, p.end);
    a.speaker = speakerOf(ctx, a.source, prior);
    prior.push(a);
  }
  return prior;
}

/** An attribution whose content is the quotation from the mark at cStart to the mark before cEnd. */
function make(text: string, source: Span, cue: Cue, cStart: number, cEnd: number): Attribution {
  const k = quoted(text, cStart, cEnd);
  return { source, cue: span(text, cue.start, cue.end), content: span(text, k.start, k.end), kind: k.kind, speaker: null };
}

function buildParaphrase(ctx: Ctx, toks: Token[], s: Range, c: Cue, next: Cue | undefined, quotes: Quotes): Attribution | null {
  const { text } = ctx;
  const prevTok = toks[c.at - 1];
  const afterCue = toks[c.after];
  // The end of this clause's content: the sentence end, or where the next attribution's clause begins.
  let limit = s.end;
  if (next && next.phrase === 'verb') {
    const sb = sourceBefore(ctx, toks, next.at, quotes);
    if (sb) {
      let k = sb.clauseStart - 1;
      while (k >= 0 && toks[k].word && CLAUSE_CONJ.has(toks[k].f)) k--;
      limit = Math.min(limit, toks[Math.max(0, k)].start);
    }
  }
  // No reported clause runs on for pages: however long a sentence, a content is at most MAX_CONTENT long.
  limit = Math.min(limit, (afterCue?.start ?? c.end) + MAX_CONTENT);
  if (c.phrase === 'according' || c.phrase === 'reportedby') {
    const atStart = c.at === 0 || (c.at <= 2 && toks.slice(0, c.at).every(t => t.word && CLAUSE_CONJ.has(t.f)));
    if (atStart) {
      // According to X, …
      const src = sourceAfter(toks, c.after, s.end);
      if (!src) return null;
      const comma = toks[src[1] + 1];
      if (!comma || comma.text !== ',') return null;
      const [cs, ce] = trim(text, comma.end, limit, endsInQuote(text, limit));
      return finish(ctx, span(text, toks[src[0]].start, toks[src[1]].end), c, cs, ce);
    }
    // …, according to X.
    if (!prevTok || prevTok.text !== ',') return null;
    const src = sourceAfter(toks, c.after, s.end);
    if (!src) return null;
    const [cs, ce] = trim(text, clampStart(text, s.start, prevTok.start), prevTok.start, true);
    return finish(ctx, span(text, toks[src[0]].start, toks[src[1]].end), c, cs, ce);
  }
  // Inverted: "…, said X." / "…, reported Reuters."
  if (prevTok && prevTok.text === ',') {
    const src = sourceAfter(toks, c.after, s.end);
    const srcOk = src && src[1] - src[0] < 8 && (toks[src[0]].cap || /^(?:a|an|the|\d+)$/i.test(toks[src[0]].text));
    if (src && srcOk && sourceLike(ctx, toks, src[0], src[1]) && (src[1] + 2 >= toks.length || toks[src[1] + 1].text === ',')) {
      const [cs, ce] = trim(text, clampStart(text, s.start, prevTok.start), prevTok.start, true);
      if (ce - cs > 10) return finish(ctx, sourceSpan(ctx, toks[src[0]].start, toks[src[1]].end), c, cs, ce);
    }
  }
  const sb = sourceBefore(ctx, toks, c.at, quotes, c.strong && c.phrase === 'verb');
  if (!sb) return null;
  // After a postposed cue only circumstances may follow ("…, he said on Monday."), not a complement.
  const tail = toks.slice(c.after, c.after + 12).filter(t => t.word);
  const tailIsShort = tail.length === 0 || (tail.length <= 7 && TAIL_STARTS.has(tail[0].f));
  // Postposed: "…, X told Reuters." (the content is before the source).
  if (tailIsShort && sb.a > 0 && toks[sb.a - 1].text === ',') {
    const [cs, ce] = trim(text, clampStart(text, s.start, toks[sb.a - 1].start), toks[sb.a - 1].start, true);
    if (ce - cs > 10) return finish(ctx, sourceSpan(ctx, toks[sb.a].start, toks[sb.b].end), c, cs, ce);
  }
  // Preposed: "X said (that) …", "X vowed to …".
  if (!afterCue) return null;
  let from = c.after;
  const af = afterCue.f;
  const introduced = af === 'that' || af === ':' || af === 'to' || afterCue.text === '“' || afterCue.text === '"' || af === ',';
  if (!c.strong && !introduced) return null;
  if (af === 'that' || af === ':' || af === ',') from++;
  if (!toks[from]) return null;
  const [cs, ce] = trim(text, toks[from].start, limit, endsInQuote(text, limit));
  if (ce - cs < 8) return null;
  return finish(ctx, sourceSpan(ctx, toks[sb.a].start, toks[sb.b].end), c, cs, ce);
}

/** The longest content: longer sentences are not prose (lists, run-ons without stops) and would cost quadratic work. */
const MAX_CONTENT = 3000;

/** `start`, or, if that is more than MAX_CONTENT before `end`, the first white space after end - MAX_CONTENT. */
function clampStart(text: string, start: number, end: number): number {
  if (end - start <= MAX_CONTENT) return start;
  let i = end - MAX_CONTENT;
  while (i < end && !/\s/.test(text[i])) i++;
  return i;
}

/** Is there nothing but white space and one . ! ? between `from` and the sentence end `end`? */
function endsSentence(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end && /\s/.test(text[i])) i++;
  if (i < end && /[.!?]/.test(text[i])) i++;
  while (i < end && /\s/.test(text[i])) i++;
  return i >= end;
}

function endsInQuote(text: string, end: number): boolean {
  return /[.!?][”"]$/.test(text.slice(Math.max(0, end - 2), end));
}

function finish(ctx: Ctx, source: Span, c: Cue, cs: number, ce: number): Attribution | null {
  if (ce <= cs) return null;
  const k = kindOf(ctx.text, cs, ce);
  return {
    source,
    cue: span(ctx.text, c.start, c.end),
    content: span(ctx.text, k.start, k.end),
    kind: k.kind,
    speaker: null,
  };
}
