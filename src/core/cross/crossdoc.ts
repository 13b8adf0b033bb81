// Across articles: who is quoted where, which claims several articles report, and where they disagree.
//
// Statements (sentences) are matched through an inverted index of their rarer features (content words, names,
// numbers, dates), never by comparing every sentence with every other. Matched statements in different articles
// form claims. A matched pair disagrees when one hedges what the other states, attributes it differently, gives
// other numbers or dates, negates it, or names other people in it.

import type { Analysis, Attribution, Entity } from '../engine/types';
import { clip, flat, fold, paragraphs, sentences, type Token, tokenize } from '../engine/text';
import { countsOfOneThing, numberWord, PART, type Quantity, quantitiesDiffer, quantitiesOf, ZERO } from './quantity';
import { SpeakerResolver } from './speakers';
import { StoryGuard } from './stories';
import { Vocabulary } from './vocabulary';
import {
  asks,
  carriedQuote,
  countsOtherThings,
  executive,
  notAsFact,
  OTHER_DAYS,
  otherParticipants,
  otherPerson,
  pronounSource,
  publicationDays,
  roundedAlike,
  showsSource,
  stance,
  standsForSomeone,
} from './precision';
import { derivations, originsOf, runsOf } from './provenance';
import {
  type EventMention,
  eventsOf,
  expectedAgainstDone,
  initialsBySurname,
  oneEvent,
  sameActor,
  overtaken,
  overtakeFeature,
} from './events';
import { type ClaimWords, claimWords, clauseWords, sameClaim } from './sameclaim';

export interface ArticleInput {
  /** How the article is named in the results (a path). */
  doc: string;
  /** How the article is named in explanations (its outlet, or its path in the workspace); `doc` when not given. */
  label?: string;
  text: string;
  analysis: Analysis;
}

export interface Mention {
  doc: string;
  start: number;
  end: number;
  text: string;
}

export type SourceKind = 'person' | 'organization' | 'outlet' | 'government' | 'anonymous' | 'document' | 'other';

export interface CrossSource {
  speaker: string;
  kind: SourceKind;
  documents: string[];
  mentions: number;
  /** Where each article quotes or cites it (the attributed content, or the citation). */
  quotes: Mention[];
}

export interface CrossClaim {
  id: string;
  summary: string;
  mentions: Mention[];
  /** Independent reports that carry it: articles that are one report (see CrossResult.derived) count once. */
  independent: number;
  /** Sets of articles that carry it and are one report, by doc. */
  copies: string[][];
}

export type ConflictKind = 'number' | 'entity' | 'date' | 'hedge' | 'attribution' | 'negation' | 'scope' | 'other';

export interface CrossConflict {
  claim: string | null;
  kind: ConflictKind;
  explanation: string;
  a: Mention;
  b: Mention;
  /** How sure the check is that the two statements disagree (0–1). */
  confidence?: number;
}

export interface CrossResult {
  documents: string[];
  sources: CrossSource[];
  claims: CrossClaim[];
  conflicts: CrossConflict[];
  /** How much work the matching did: statements read and pairs scored (found through the index). */
  stats: { statements: number; scored: number };
  /** Articles that are one report: rewrites of one another, or of one outlet's story (`origin`, when they say so). */
  derived?: { documents: string[]; origin?: string }[];
}

export const STOP = new Set(
  `a an the and or but of to in on at by for from with as into onto over under after before
  during since until about than then that this these those which who whom whose what when where while is are was
  were be been being has have had do does did will would shall should can could may might must it its they them
  their he she his her him we our you your i me my not no nor also only just very more most some any all each every
  both either neither other such own same so too there here out up down off again further once said says say told
  tell according reported reports report stated states noted note added wrote now still already previously recent
  weeks week months month years year new one two three`
    .split(/\s+/)
    .filter(Boolean),
);

const HEDGES =
  /\b(?:reportedly|allegedly|(?<!\b(?:he|she|they|it|who|and|which|also|that|has|have|had|been)\s)alleged(?=\s+\p{L})(?!\s+(?:that|the|a|an|his|her|their|its|to|in|by|on|at)\b)|purportedly|apparently|supposedly|could not (?:be )?confirm(?:ed)?|cannot (?:be )?confirm(?:ed)?|unconfirmed|unverified|not (?:been )?(?:independently )?(?:confirmed|verified)|is said to|are said to|was said to|were said to|believed to|thought to|may have|might have|possibly|it is unclear|it was unclear|it remains unclear|(?:it )?(?:is|was) not (?:immediately )?clear)\b/iu;
const NEGATION = /\b(?:not|never|no longer|denied|denies|deny|refused|rejected)\b|n't\b/i;
/** A question left open ("whether he will run"): neither answer is told. */
const OPEN_QUESTION = /\bwhether\b/i;
const PRONOUN = /\b(?:she|he)\b/i;
/** What would have happened but for something ("if not for the guards", "had it not been for"): no denial of anything. */
const COUNTERFACTUAL =
  /\b(?:if not for|if it (?:were|was|had) not been for|had it not been for|were it not for|if it weren[’']t for|if it wasn[’']t for)\b/gi;
/** A text with its counterfactual phrases blanked (same length, so positions hold). */
const factual = (t: string) => t.replace(COUNTERFACTUAL, m => ' '.repeat(m.length));
const ISM_OR_IST = /[^sx]is(?:ms?|ts?)$/;
/** A crude stem, enough to meet "departures"/"departure", "killed"/"kill". */
export function stem(w: string): string {
  // The -ism and the -ist of one root are one word for what a sentence is about ("terrorism suspects" / "terrorist
  // suspects"); not a verb in -sist or "exist" ("insists" / "insisted").
  if (w.length > 6 && ISM_OR_IST.test(w)) return w.replace(ISM_OR_IST, m => m[0] + 'is');
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  // A silent final e goes as it does before -ing and -ed ("leave" / "leaving", "retire" / "retired").
  if (w.length > 4 && w.endsWith('e') && !/[aeiou]e$/.test(w)) return w.slice(0, -1);
  return w;
}

/** A name as one key across articles: accents and case folded ("Rodríguez" = "Rodriguez"). */
const nameKeys = new Map<string, string>();
/** The longest text whose key is kept (names, speakers, descriptions of sources). */
const NAME_LENGTH = 120;
function nameKey(s: string): string {
  let k = nameKeys.get(s);
  if (k === undefined) {
    k = fold(s)
      .replace(/[^a-z0-9 ]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    // (A sentence keyed for its names is not kept: hundreds of thousands would push out the names met again.)
    if (s.length > NAME_LENGTH) return k;
    if (nameKeys.size > 50000) nameKeys.clear();
    nameKeys.set(flat(s), k);
  }
  return k;
}

interface Statement {
  i: number;
  doc: number;
  start: number;
  end: number;
  text: string;
  /** The features (content-word stems, @names, #numbers, ~dates) as sorted numbers: see featureIds. */
  ids: Int32Array;
  people: string[];
  /** The people named by the statement before it in its article (whom a "he" or "she" may stand for). */
  prevPeople: string[];
  /** The quantities given, by the stem of the word they count. */
  numbers: Map<string, Quantity[]>;
  dates: string[];
  /** Each date as written, with its value and the word before it ("since", "on"): what it dates. */
  dateTexts: { value: string; text: string; before: string; near: string[]; telling: boolean; named: boolean }[];
  attributions: Attribution[];
  hedged: boolean;
  negated: boolean;
  pronoun: boolean;
  /** The words of each quotation in it, folded (for telling one quotation printed twice from two statements). */
  quotes: string[][];
  /** Most of its words are quoted. */
  quoted: boolean;
  /** In how many statements of its article each feature (same order as ids) occurs: the article's topic words recur. */
  inArticle?: Int32Array;
  /**
   * Whose voice each feature (same order as ids) is in: the index of the attribution whose quoted content holds it,
   * -1 for the article's own voice, -2 for no vote (a number or date, a word about the speaker, or not found).
   * Only for statements with attributions.
   */
  voices?: Int16Array;
  /** The news events it tells (see events.ts): each also a feature, "%class", and with its doer "!class surname". */
  events: EventMention[];
  /** Filled when first needed by the judging of pairs, and kept with the statement: its text folded, and its words (the text tokenized alone). */
  folded?: string;
  words?: Token[];
  /** The stems of its words (see sentenceStems). */
  stems?: string[];
  /** Its text outside quotations as a key for names, between spaces (see namesSpeaker). */
  nameText?: string;
  /** Where it passes on someone's words (see reportingAt), its text with quotations blanked, and its figures listed with the word each counts: kept like folded. */
  reportAt?: number;
  plain?: string;
  figures?: Figure[];
  /** A stay told as a length in it (see STAY; null: none), and the surnames of the people it names: kept like folded. */
  stay?: RegExpExecArray | null;
  surnames?: string[];
  /** The names that stand in it as an outlet (see conduitIn). */
  conduits?: Map<string, boolean>;
  /** Its clauses that hold a negation (see negationsOf): kept like folded. */
  negations?: Negation[];
}

/**
 * A statement as the pairing of statements and the claims read it: where it is (its text is its article's there), its
 * features, whether it dates, its events and what it counts. A lean article (see prepareArticle) keeps its statements
 * only so; they are made whole again, a story at a time, for judging (see wholePairs).
 */
export type Stub = Pick<Statement, 'i' | 'doc' | 'start' | 'end' | 'ids' | 'dates' | 'numbers' | 'events'> & {
  text?: string;
};

/** A statement's text folded (see Statement.folded). */
const foldedOf = (s: Statement) => (s.folded ??= fold(s.text));
/** The words of a statement's text, tokenized alone (see Statement.words). */
const wordsOf = (s: Statement) => (s.words ??= tokenize(s.text).filter(t => t.word));

/** A description after a name, between commas: ", a retired army general," (no verb, no quotation, within one clause). */
const APPOSITIVE = /^,\s+(?:a|an|the)\s[^,.;:“”"()]{2,90}?,/;

/** Shared empty lists: most statements quote nothing and date nothing (memory at tens of thousands of articles). */
const NO_QUOTES: string[][] = [];
const NO_DATES: Statement['dateTexts'] = [];
const NO_PEOPLE: string[] = [];
const NO_NUMBERS: Statement['numbers'] = new Map();

/** Whether a day (YYYY-MM-DD) falls in an ISO week (YYYY-Www). */
function inWeek(day: string, week: string): boolean {
  const w = /^(\d{4})-W(\d\d)$/.exec(week);
  if (!w || !/^\d{4}-\d\d-\d\d$/.test(day)) return false;
  const t = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
  // The Thursday of the day's week decides its ISO year and week.
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  const thu = new Date(t + (3 - dow) * 864e5);
  const jan1 = Date.UTC(thu.getUTCFullYear(), 0, 1);
  const n = 1 + Math.floor((thu.getTime() - jan1) / (7 * 864e5));
  return thu.getUTCFullYear() === +w[1] && n === +w[2];
}

/** A text with its quotations blanked: a hedge or a name inside someone's words is theirs, not the outlet's. */
const unquoted = (t: string) => t.replace(/“[^”]*”?|"[^"]*"?/g, m => ' '.repeat(m.length));

/**
 * Whether a day of a month names an event rather than dating the statement: "the Sept. 11 attacks", "a July 4
 * parade", "families of Sept. 11 victims" (a day and month, no year, followed by the noun it qualifies).
 */
function namesEvent(text: string, d: { text: string; end: number }): boolean {
  if (!/\d/.test(d.text) || /\d{4}/.test(d.text) || !/\p{L}/u.test(d.text)) return false;
  const next = /^\s+(\p{Ll}+)/u.exec(text.slice(d.end, d.end + 30))?.[1];
  return (
    !!next &&
    !STOP.has(next) &&
    !/^(?:morning|afternoon|evening|night|last|this|next|at|when|while|after|before|that|which|deadline)$/.test(next)
  );
}

const METADATA =
  /^(?:(?:date|published|updated|posted|by)\b|[A-Z][A-Z .'-]+,\s+\w+\.? \d{1,2}\s*\([^)]*\)\s*[-–—]\s*$|\d{1,2} \w+ \d{4}|\w+ \d{1,2}, \d{4})/i;

/** The items of a list sorted by start that lie in [start, end), found from a moving cursor (no quadratic scans). */
class Cursor<T extends { start: number; end: number }> {
  private i = 0;
  constructor(private readonly xs: T[]) {}
  within(start: number, end: number): T[] {
    while (this.i < this.xs.length && this.xs[this.i].start < start) this.i++;
    const out: T[] = [];
    for (let k = this.i; k < this.xs.length && this.xs[k].start < end; k++)
      if (this.xs[k].end <= end) out.push(this.xs[k]);
    return out;
  }
}

function statementsOf(a: ArticleInput, doc: number, first: number): Statement[] {
  const out: Statement[] = [];
  const { text, analysis } = a;
  const firstLine = paragraphs(text)[0]?.start ?? -1;
  const byStart = <T extends { start: number }>(xs: T[]) => [...xs].sort((x, y) => x.start - y.start);
  const entityCursor = new Cursor(byStart(analysis.entities));
  const dateCursor = new Cursor(byStart(analysis.dates));
  const claims = byStart(
    analysis.attributions.map(x => ({
      start: Math.min(x.content.start, x.cue?.start ?? Infinity),
      end: Math.max(x.content.end, x.cue?.end ?? 0),
      x,
    })),
  );
  let claimFrom = 0;
  // Statements inside a quotation carried over from a paragraph before (see carriedQuote).
  const carried = new Set<Statement>();
  for (const p of paragraphs(text)) {
    const closes = carriedQuote(text.slice(p.start, p.end));
    const closedAt = closes < 0 ? -1 : p.start + closes;
    for (const s of sentences(text, p)) {
      const toks = tokenize(text, s.start, s.end);
      const raw = text.slice(s.start, s.end);
      // Not claims: date lines, bylines, datelines on their own, and headlines (a first line without a full stop).
      if (METADATA.test(raw) || (p.start === firstLine && !/[.!?”"]$/.test(raw))) continue;
      const features = new Set<string>();
      const ents: Entity[] = entityCursor.within(s.start, s.end);
      const datesHere = dateCursor.within(s.start, s.end);
      const inDate = (at: number) => datesHere.some(d => at >= d.start && at < d.end);
      // A person's credentials between commas ("Jim Dale, a retired army general, said") describe the person, not
      // what the sentence reports: their words are no part of the claim.
      const credentials: [number, number][] = [];
      for (const x of ents) {
        if (x.type !== 'PERSON') continue;
        const m = APPOSITIVE.exec(text.slice(x.end, Math.min(s.end, x.end + 120)));
        if (m) credentials.push([x.end, x.end + m[0].length]);
      }
      const described = (at: number) => credentials.some(([from, to]) => at >= from && at < to);
      let e = 0;
      for (let k = 0; k < toks.length; k++) {
        const t = toks[k];
        if (credentials.length && described(t.start)) continue;
        while (e < ents.length && ents[e].end <= t.start) e++;
        if (e < ents.length && t.start >= ents[e].start && t.end <= ents[e].end) continue; // a name counts once, as a name
        if (/^\d/.test(t.text)) {
          const v = Number(t.text.replace(/,/g, ''));
          if (Number.isFinite(v) && !inDate(t.start)) features.add(`#${v}`);
          continue;
        }
        if (!t.word || STOP.has(t.f) || t.f.length < 3) continue;
        features.add(stem(t.f));
      }
      const numbers = quantitiesOf(toks, stem, STOP, k => inDate(toks[k].start));
      for (const x of ents) if (!credentials.length || !described(x.start)) features.add(`@${nameKey(x.canonical)}`);
      const dates = [...new Set(datesHere.map(d => d.value).filter((v): v is string => !!v))];
      for (const d of dates) features.add(`~${d}`);
      if (features.size < 3 || toks.filter(t => t.word).length < 5) continue;
      // The events it tells, and who does them: statements telling one event in other words ("quit" / "resigned")
      // share these.
      const prevPeople = out.length ? antecedents(out[out.length - 1]) : NO_PEOPLE;
      const events = eventsOf(
        toks,
        ents.map(x => ({ start: x.start, end: x.end, key: nameKey(x.canonical), person: x.type === 'PERSON' })),
        at => credentials.length > 0 && described(at),
        prevPeople.map(p => nameKey(p)),
      );
      for (const ev of events) {
        features.add(`%${ev.cls}`);
        if (ev.actor) features.add(`!${ev.cls} ${ev.actor}`);
        const over = overtakeFeature(ev);
        if (over) features.add(over);
      }
      const overlapping = () => {
        while (claimFrom < claims.length && claims[claimFrom].end <= s.start && claims[claimFrom].start < s.start)
          claimFrom++;
        const got: Attribution[] = [];
        for (let k = claimFrom; k < claims.length && claims[k].start < s.end; k++)
          if (claims[k].end > s.start) got.push(claims[k].x);
        return got;
      };
      out.push({
        i: first + out.length,
        doc,
        start: s.start,
        end: s.end,
        text: raw,
        ids: featureIds(features),
        prevPeople,
        people: [
          ...new Map(
            ents.filter(e => e.type === 'PERSON').map(e => [nameKey(e.canonical), e.canonical] as const),
          ).values(),
        ],
        numbers,
        dates,
        dateTexts:
          datesHere.length === 0
            ? NO_DATES
            : datesHere
                .filter(d => d.value)
                .map(d => ({
                  value: d.value!,
                  text: d.text,
                  before:
                    /(\p{L}+)\W*$/u.exec(text.slice(Math.max(s.start, d.start - 16), d.start))?.[1]?.toLowerCase() ??
                    '',
                  near: withEvents(nearWords(toks, d), toks, d, events),
                  telling: tells(toks, d),
                  named: namesEvent(text, d),
                })),
        attributions: overlapping(),
        hedged: HEDGES.test(unquoted(raw)),
        negated: NEGATION.test(factual(text.slice(s.start, s.end))),
        pronoun: PRONOUN.test(text.slice(s.start, s.end)),
        quotes: /[“”"]/.test(raw) ? quotesOf(toks) : NO_QUOTES,
        quoted: false,
        // Every field from the start, those filled later too: statements of one shape are read fast.
        inArticle: undefined,
        voices: undefined,
        folded: undefined,
        words: undefined,
        stems: undefined,
        nameText: undefined,
        reportAt: undefined,
        plain: undefined,
        figures: undefined,
        stay: undefined,
        surnames: undefined,
        conduits: undefined,
        negations: undefined,
        events,
      });
      if (s.end <= closedAt) carried.add(out[out.length - 1]);
    }
  }
  for (const st of out) if (st.attributions.length) st.voices = voicesOf(st);
  const count = new Map<number, number>();
  for (const st of out) {
    st.quoted = carried.has(st) || st.quotes.reduce((n, q) => n + q.length, 0) * 2 > st.text.split(/\s+/).length;
    for (const id of st.ids) count.set(id, (count.get(id) ?? 0) + 1);
  }
  compact(out, count);
  return out;
}

/**
 * Whom "he" or "she" in the sentence after a statement may be: the people it names, or, when it names nobody and
 * goes on about someone by a pronoun ("He rejects …"), whom that pronoun was (a profile runs on for sentences).
 */
function antecedents(prev: Statement): string[] {
  if (prev.people.length) return prev.people;
  return prev.pronoun ? prev.prevPeople : NO_PEOPLE;
}

/** The content words (stems, not names) within eight words of a span: what a date in the sentence dates. */
function nearWords(toks: Token[], span: { start: number; end: number }): string[] {
  const words = toks.filter(t => t.word);
  const first = words.findIndex(t => t.end > span.start);
  let last = first;
  while (last + 1 < words.length && words[last + 1].start < span.end) last++;
  if (first < 0) return [];
  return words
    .slice(Math.max(0, first - 8), last + 9)
    .filter(
      t =>
        (t.end <= span.start || t.start >= span.end) && !t.cap && !STOP.has(t.f) && t.f.length >= 3 && !/^\d/.test(t.f),
    )
    .map(t => stem(t.f));
}

/**
 * The words near a date with the events told within eight words of it ("%class", and "!class surname" with its doer):
 * "will be leaving … on January 1" and "would be retiring at the end of February" date one event of one person.
 */
function withEvents(
  near: string[],
  toks: Token[],
  span: { start: number; end: number },
  events: EventMention[],
): string[] {
  if (!events.length) return near;
  const words = toks.filter(t => t.word);
  const at = (pos: number) => words.findIndex(t => t.end > pos);
  const first = at(span.start);
  let last = first;
  while (last + 1 < words.length && words[last + 1].start < span.end) last++;
  const out = [...near];
  for (const e of events) {
    const k = at(e.start);
    if (k < first - 8 || k > last + 8) continue;
    out.push(`%${e.cls}`);
    if (e.actor) out.push(`!${e.cls} ${e.actor}`);
  }
  return out;
}

/** Words of telling: a date beside one dates the telling ("said Friday", "Friday’s statement", "a Thursday report"). */
const TELLING =
  /^(?:said|says|saying|say|told|tells|telling|announced|announcing|tweeted|tweeting|wrote|stated|added|statement|statements|interview|tweet|remarks|briefing|report|reports|reported)$/;

/** Whether a date stands within two words of a word of telling. */
function tells(toks: Token[], span: { start: number; end: number }): boolean {
  const words = toks.filter(t => t.word);
  const first = words.findIndex(t => t.end > span.start);
  if (first < 0) return false;
  let last = first;
  while (last + 1 < words.length && words[last + 1].start < span.end) last++;
  return words
    .slice(Math.max(0, first - 2), last + 3)
    .some(t => (t.end <= span.start || t.start >= span.end) && TELLING.test(t.f));
}

/**
 * The quotations of a sentence as lists of folded words: between “ and ” (or a pair of straight marks); a quotation
 * open at the sentence's end, or closed without opening in it, runs to the end or from the start.
 */
/** Where a quotation's words were left out (an ellipsis): the number of its words before each gap. */
const GAPS = new WeakMap<string[], number[]>();

function quotesOf(toks: Token[]): string[][] {
  const out: string[][] = [];
  let cur: string[] | null = null;
  let opened = false;
  let before: string[] = [];
  let prevEnd = -1;
  let lastDot = false;
  for (const t of toks) {
    const touching = prevEnd === t.start;
    prevEnd = t.end;
    // A straight mark right after a word or a stop closes a quotation (one opened before the sentence).
    if (t.text === '“' || (t.text === '"' && !cur && !(touching && !opened && before.length))) {
      cur = [];
      opened = true;
      continue;
    }
    if (t.text === '”' || t.text === '"') {
      // (The words before a closing mark are the quotation; the words after it are not part of it.)
      if (cur) {
        if (cur.length) out.push(cur);
        cur = null;
      } else if (!opened && before.length) {
        out.push(before);
        before = [];
        opened = true;
      }
      continue;
    }
    // A word printed with letters starred out ("f***ing") stays one word, its stars kept: it stands for any word
    // with its first and last letters (see spellings).
    const into = cur ?? before;
    // An ellipsis ("…", or a stop after a stop) inside a quotation: words left out there (see GAPS).
    if ((t.text === '…' || (t.text === '.' && touching && lastDot)) && into.length) {
      let gaps = GAPS.get(into);
      if (!gaps) GAPS.set(into, (gaps = []));
      if (gaps[gaps.length - 1] !== into.length) gaps.push(into.length);
    }
    lastDot = t.text === '.';
    if (t.text === '*' && touching && into.length && /[\p{L}*]$/u.test(into[into.length - 1])) {
      into[into.length - 1] += '*';
      continue;
    }
    if (!t.word) continue;
    if (touching && into.length && into[into.length - 1].endsWith('*')) into[into.length - 1] += t.f;
    else into.push(t.f);
  }
  if (cur && cur.length) out.push(cur);
  return out;
}

/**
 * Each feature's voice (see Statement.voices): the speaker whose quoted content holds the word, or the article's
 * own voice when no content does. Words in the source and its description ("said X, a professor at Y") are about
 * the speaker, not the claim, and do not vote.
 */
function voicesOf(s: Statement): Int16Array {
  const text = fold(s.text);
  const out = new Int16Array(s.ids.length).fill(-2);
  // ", who pleaded guilty on Friday," inside a quoted person's words is the reporter telling who the person is.
  const relative: [number, number][] = [];
  for (const m of s.text.matchAll(/, (?:who|which) [^,.;:“”"]{3,120}(?=[,.;:]|$)/g))
    relative.push([s.start + m.index!, s.start + m.index! + m[0].length]);
  s.ids.forEach((id, k) => {
    if (featureKind(id) === 1) return; // numbers and dates are not words of the text
    const f = FEATURE_IDS.name(id);
    if (f[0] === '%') return; // an event is no word of the text (and does not vote: see events.ts)
    const at = text.indexOf(f.startsWith('@') ? f.slice(1).split(' ').pop()! : f);
    if (at < 0) return;
    const pos = s.start + at;
    let voice = -1;
    if (relative.some(([a, b]) => pos >= a && pos < b)) {
      out[k] = -1;
      return;
    }
    for (let i = 0; i < s.attributions.length; i++) {
      const x = s.attributions[i];
      if (pos >= x.content.start && pos < x.content.end) {
        voice = i;
        break;
      }
      let src = x.source?.start ?? x.cue?.start;
      // "The company's chief executive, Sofie Dahl, said": the description before the name is about the speaker too.
      if (src !== undefined && /^[^,]{1,60},\s*$/.test(s.text.slice(0, src - s.start))) src = s.start;
      const postposed = x.content.start < (src ?? 0);
      // "Officials cited dozens of cases, insisting that …": what the speaker did before a cue in -ing after a comma
      // is the outlet's account of it, not a word about who speaks.
      if (
        x.source &&
        x.cue &&
        !postposed &&
        pos >= x.source.end &&
        pos < x.cue.start &&
        /ing$/i.test(x.cue.text) &&
        /,\s*$/.test(s.text.slice(Math.max(0, x.source.end - s.start), x.cue.start - s.start))
      )
        continue;
      const about =
        src !== undefined &&
        pos >= Math.min(src, x.cue?.start ?? src) &&
        (postposed ? true : pos < (x.cue?.end ?? src));
      if (about) {
        voice = -2;
        break;
      }
    }
    out[k] = voice;
  });
  return out;
}

/** Speakers as one key across articles ("former intelligence official" ~ "former Venezuelan intelligence official"). */
export class SpeakerMerger {
  private readonly names: string[] = [];
  /** The words of each name, and its first word (same order as names). */
  private readonly wordsOf: Set<string>[] = [];
  private readonly heads: string[] = [];
  /** A speaker's key → the index of the name it is listed under. */
  private readonly map = new Map<string, number>();
  /**
   * Two words of a name → the names that have both. Two speakers merge only when they share two words or more, so
   * a new speaker is compared with the names found here, not with every name (thousands in a large workspace).
   */
  private readonly byPair = new Map<string, number[]>();

  private index(i: number): void {
    const ws = [...this.wordsOf[i]].sort();
    for (let a = 0; a < ws.length; a++)
      for (let b = a + 1; b < ws.length; b++) {
        const k = ws[a] + ' ' + ws[b];
        const list = this.byPair.get(k);
        if (!list) this.byPair.set(k, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
  }

  /** The names that share two words or more with `words`, in the order they were listed. */
  private candidates(words: Set<string>): number[] {
    const ws = [...words].sort();
    const found = new Set<number>();
    for (let a = 0; a < ws.length; a++)
      for (let b = a + 1; b < ws.length; b++) for (const i of this.byPair.get(ws[a] + ' ' + ws[b]) ?? []) found.add(i);
    return [...found].sort((x, y) => x - y);
  }

  /** How often each spelling was added: of two orders of the same words ("B and A"), the more frequent is listed. */
  private readonly seen = new Map<string, number>();

  /** The name a speaker is listed under, merging it with a known one when one's words contain the other's. */
  add(speaker: string): string {
    const key = nameKey(speaker);
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    const known = this.map.get(key);
    if (known !== undefined) {
      const n = this.names[known];
      const nk = nameKey(n);
      if (
        nk !== key &&
        count > (this.seen.get(nk) ?? 0) &&
        key.split(' ').sort().join(' ') === nk.split(' ').sort().join(' ')
      )
        this.names[known] = speaker;
      return this.names[known];
    }
    const words = new Set(key.split(' '));
    const near = words.size >= 2 && !/^anonymous sources/.test(key) ? this.candidates(words) : [];
    const keyHead = key.split(' ')[0];
    for (const i of near) {
      const n = this.names[i];
      const nw = this.wordsOf[i];
      if (nw.size < 2) continue;
      const small = words.size <= nw.size ? words : nw;
      const big = small === words ? nw : words;
      let shared = 0;
      for (const w of small) if (big.has(w)) shared++;
      const head = keyHead === this.heads[i];
      // One inside the other ("former [Venezuelan] intelligence official"), or most words shared with the same head
      // ("source close to [the / Venezuela's] ruling [Socialist] party").
      if (
        !/^anonymous sources/.test(key) &&
        small.size >= 2 &&
        (shared === small.size || (head && shared / small.size >= 0.6 && shared >= 3 && shared / big.size >= 0.5)) &&
        !apart(key, nameKey(n))
      ) {
        // Keep the fuller description, and among two, the one that says which country it is about.
        const score = (x: string) =>
          (/\b(?:[A-Z][a-z]+(?:an|ese|ian|ish|i)|[A-Z][a-z]+['’]s)\b/.test(x) ? 1000 : 0) + nameKey(x).length;
        const canonical = score(speaker) > score(n) ? speaker : n;
        if (canonical !== n) {
          this.names[i] = canonical;
          this.wordsOf[i] = new Set(nameKey(canonical).split(' '));
          this.heads[i] = nameKey(canonical).split(' ')[0];
          this.index(i);
        }
        this.map.set(key, i);
        return canonical;
      }
    }
    this.map.set(key, this.names.length);
    this.names.push(speaker);
    this.wordsOf.push(words);
    this.heads.push(keyHead);
    this.index(this.names.length - 1);
    return speaker;
  }

  get(speaker: string): string {
    const i = this.map.get(nameKey(speaker));
    return i === undefined ? speaker : this.names[i];
  }
}

/**
 * Labels that share words but never name one source: two speakers said jointly and one of them ("A and B" / "A"), and
 * a document and whose it is ("Ohio and Iowa lawsuit" / "Ohio and Iowa").
 */
function apart(x: string, y: string): boolean {
  const joint = (k: string) => / and | led by /.test(k);
  const doc = (k: string) =>
    /\b(?:lawsuit|suit|complaint|letter|book|memo|report|statement|filing|study|poll)$/.test(k);
  return joint(x) !== joint(y) || doc(x) !== doc(y);
}

const OUTLETS =
  /^(?:reuters|associated press|ap|afp|agence francepresse|bloomberg|bbc|cnn|al jazeera|the new york times|the washington post|the guardian|financial times|efe|tass|xinhua|granma|telesur|politico|axios|npr|nbc|cbs|abc news|fox news|le monde|el pais)$/;

const NO_TYPES = new Map<string, string>();
/** kindOf without types, by speaker (asked for the speakers of each pair judged). */
const KIND_OF = new Map<string, SourceKind>();

function kindOf(speaker: string, types: Map<string, string>): SourceKind {
  if (types === NO_TYPES) {
    let kind = KIND_OF.get(speaker);
    if (kind === undefined) {
      kind = kindOfTyped(speaker, types);
      if (KIND_OF.size > 10000) KIND_OF.clear();
      KIND_OF.set(speaker, kind);
    }
    return kind;
  }
  return kindOfTyped(speaker, types);
}

function kindOfTyped(speaker: string, types: Map<string, string>): SourceKind {
  const k = nameKey(speaker);
  if (
    /^anonymous sources/.test(k) ||
    (/\b(?:source|sources|official|officials|insider|insiders|aide|aides|diplomat|diplomats|people familiar)\b/.test(
      k,
    ) &&
      !types.has(k))
  ) {
    if (/\b(?:government|ministry|authorities)\b/.test(k)) return 'government';
    return 'anonymous';
  }
  if (/\b(?:government|ministry|authorities|administration|white house|kremlin|state department|state media)\b/.test(k))
    return 'government';
  if (OUTLETS.test(k) || /\b(?:news|times|post|gazette|daily|wire|ledger|herald|tribune|journal|media)\b/.test(k))
    return 'outlet';
  if (/\b(?:report|statement|study|survey|document|filing|letter)\b/.test(k)) return 'document';
  const type = types.get(k);
  if (type === 'PERSON') return 'person';
  if (type === 'ORG') return 'organization';
  if (type === 'PLACE' || type === 'NORP') return 'government';
  return 'other';
}

/**
 * A source as the list names it: without a reporting verb caught at its end ("Associated Press reported"), and a
 * newspaper by its title, article included ("Denver Post" → "The Denver Post"), as newspapers style themselves.
 */
export function sourceName(name: string): string {
  let r = SOURCE_NAMES.get(name);
  if (r === undefined) {
    r = sourceNameOf(name);
    if (SOURCE_NAMES.size > 10000) SOURCE_NAMES.clear();
    SOURCE_NAMES.set(name, r);
  }
  return r;
}
/** sourceName by name (asked for each attribution of each check). */
const SOURCE_NAMES = new Map<string, string>();
function sourceNameOf(name: string): string {
  const bare = name.replace(/\s+(?:reported|reports|said|says|wrote|writes|noted|added|stated)$/, '');
  const paper =
    /^(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}(?:Times|Post|Journal|Globe|Tribune|Herald|Chronicle|Inquirer|Gazette|Telegraph))$/u.exec(
      bare,
    );
  return paper ? `The ${paper[1]}` : bare;
}

/** The sources of a check, as its articles cite them (in article order), merged by the merger. */
export class Sources {
  private readonly byName = new Map<string, CrossSource>();
  private readonly docsOf = new Map<CrossSource, Set<string>>();

  constructor(
    private readonly merger: SpeakerMerger,
    private readonly types: Map<string, string>,
  ) {}

  private cite(speaker: string, doc: string, m: Mention): void {
    const name = sourceName(this.merger.get(speaker));
    let s = this.byName.get(name);
    if (!s)
      this.byName.set(
        name,
        (s = { speaker: name, kind: kindOf(name, this.types), documents: [], mentions: 0, quotes: [] }),
      );
    let seen = this.docsOf.get(s);
    if (!seen) this.docsOf.set(s, (seen = new Set()));
    if (!seen.has(doc)) {
      seen.add(doc);
      s.documents.push(doc);
    }
    s.mentions++;
    s.quotes.push(m);
  }

  /** An article's attributions, each with its speaker's label and the outlet it cites them through (see conduitsOf). */
  article(a: ArticleInput, labels: readonly (string | null)[], conduits: readonly (string | undefined)[]): void {
    const xs = a.analysis.attributions;
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k];
      const speaker = labels[k];
      if (speaker)
        this.cite(speaker, a.doc, { doc: a.doc, start: x.content.start, end: x.content.end, text: x.content.text });
      const conduit = conduits[k];
      if (conduit && nameKey(conduit) !== nameKey(speaker ?? ''))
        this.cite(conduit, a.doc, { doc: a.doc, start: x.content.start, end: x.content.end, text: x.content.text });
    }
  }

  /** The sources, those in most articles first. */
  list(): CrossSource[] {
    return [...this.byName.values()].sort(
      (x, y) =>
        y.documents.length - x.documents.length || y.mentions - x.mentions || x.speaker.localeCompare(y.speaker),
    );
  }
}

export interface CheckOptions {
  /** Minimum similarity of two statements for one claim (0–1). */
  threshold?: number;
  /**
   * Conflicts less sure than this (0–1) are left out. The default lists those a researcher can rely on; a lower bar
   * lists more, with more that are not real disagreements.
   */
  minConfidence?: number;
}

/** The confidence from which a conflict is listed when no other bar is set. */
export const DEFAULT_MIN_CONFIDENCE = 0.4;

/** The cross-article view of a set of analysed articles. */
export function crossCheck(articles: ArticleInput[], opts: CheckOptions = {}): CrossResult {
  const docs = articles.map(a => a.doc);
  const stmts: Stub[] = [];
  const runs: Uint32Array[] = [];
  const origins: string[][] = [];
  const used = new Set<Stub[]>();
  // Articles prepared lean (their statements stubs, made whole for judging).
  const lean = new Uint8Array(articles.length);
  articles.forEach((a, d) => {
    // An article read before (the same analysis of the same text) keeps its statements: a warm check only matches.
    let prepared = PREPARED.get(a.analysis);
    if (!prepared || prepared.text !== a.text)
      PREPARED.set(
        a.analysis,
        (prepared = {
          text: a.text,
          statements: statementsOf(a, 0, 0),
          runs: runsOf(a.text),
          origins: originsOf(a.text, a.analysis),
        }),
      );
    runs.push(prepared.runs);
    origins.push(prepared.origins);
    if (prepared.lean) lean[d] = 1;
    // Numbered for this check in place (no copy of hundreds of thousands of statements), unless one analysis
    // stands for two articles (two files with the same text): then the second gets copies.
    const own = !used.has(prepared.statements);
    used.add(prepared.statements);
    for (const p of prepared.statements) {
      if (own) {
        p.doc = d;
        p.i = stmts.length;
        stmts.push(p);
      } else stmts.push({ ...p, doc: d, i: stmts.length });
    }
  });

  // Sources, merged across articles.
  const merger = new SpeakerMerger();
  const types = new Map<string, string>();
  for (const a of articles)
    for (const [canonical, type] of typesOf(a.analysis.entities)) if (!types.has(canonical)) types.set(canonical, type);
  const typeByKey = typesByKey(types);
  // Each attribution's speaker as the workspace names it (see SpeakerResolver).
  const resolver = new SpeakerResolver();
  for (const a of articles) resolver.addKeptEntities(a.analysis.entities);
  // Labels found by a resolver that knew the same people hold (a warm re-check): kept by article, and by attribution
  // in one map kept between checks (entered once per article; made anew when it holds many more than are checked).
  if (!LABELS.resolver || !LABELS.resolver.samePeople(resolver)) {
    LABELS.byAttribution = new WeakMap();
    LABELS.map = new Map();
  }
  LABELS.resolver = resolver;
  let attributions = 0;
  for (const a of articles) attributions += a.analysis.attributions.length;
  if (LABELS.map.size > 2 * attributions + 1024) {
    LABELS.map = new Map();
    LABELS.generation++;
  }
  const labels = LABELS.map;
  const known = LABELS.byAttribution;
  // Each article's labels as found for it (read below by position, not looked up by attribution).
  const keptOf: { labels: (string | null)[] }[] = [];
  for (const a of articles) {
    const es = a.analysis.entities;
    let ents = SORTED.get(es);
    if (!ents)
      SORTED.set(
        es,
        (ents = es.every((e, k) => k === 0 || es[k - 1].start <= e.start)
          ? es
          : [...es].sort((x, y) => x.start - y.start)),
      );
    let kept = known.get(a.analysis);
    if (!kept || kept.text !== a.text)
      known.set(
        a.analysis,
        (kept = {
          text: a.text,
          labels: a.analysis.attributions.map(x => resolver.label(x, a.text, ents!)),
          generation: -1,
        }),
      );
    keptOf.push(kept);
    if (kept.generation === LABELS.generation) continue;
    kept.generation = LABELS.generation;
    const xs = a.analysis.attributions;
    for (let k = 0; k < xs.length; k++) labels.set(xs[k], kept.labels[k]);
  }
  // (A label is a string or null, never undefined: one look-up.)
  const labelOf = (x: Attribution) => {
    const l = labels.get(x);
    return l === undefined ? x.speaker : l;
  };
  // An article's labels by position, those in the map unless another text of its analysis was labelled since.
  const labelsOf = (d: number) => (keptOf[d] === known.get(articles[d].analysis) ? keptOf[d].labels : null);
  articles.forEach((a, d) => {
    const own = labelsOf(d);
    const xs = a.analysis.attributions;
    for (let k = 0; k < xs.length; k++) {
      const l = own ? own[k] : labelOf(xs[k]);
      if (l) merger.add(l);
    }
  });
  const sources = new Sources(merger, typeByKey);
  articles.forEach((a, d) => {
    const own = labelsOf(d);
    sources.article(a, own ?? a.analysis.attributions.map(labelOf), conduitsOf(a.analysis));
  });
  return checkGathered(
    {
      docs,
      labels: articles.map(a => a.label),
      published: articles.map(a => a.analysis.published),
      stmts,
      runs,
      origins,
      lean,
      merger,
      labelOf,
      sources: sources.list(),
      article: d => articles[d],
      textAt: (d, start, end) => articles[d].text.slice(start, end),
    },
    opts,
  );
}

/**
 * What the check gathers of its articles before it pairs their statements: their statements (whole, or stubs of
 * lean articles), runs of words and cited outlets, and the sources merged; each article whole on demand.
 */
export interface Gathered {
  docs: string[];
  labels: (string | undefined)[];
  published: (string | null)[];
  stmts: Stub[];
  runs: Uint32Array[];
  origins: string[][];
  /** Articles whose statements are stubs (made whole from `article` for judging, a story at a time). */
  lean: Uint8Array;
  merger: SpeakerMerger;
  /** An attribution's speaker as the workspace names it (of an article made whole by `article`). */
  labelOf: (x: Attribution) => string | null;
  sources: CrossSource[];
  /** Article d whole (a lean article made anew: its statements are made again from it). */
  article: (d: number) => ArticleInput;
  /**
   * The text of article d from start to end (the text of mentions); with `kept` false, a text used at once and let go
   * (a claim given to `claim`), which needs no copy of its own.
   */
  textAt: (d: number, start: number, end: number, kept?: boolean) => string;
  /** When given, each claim is given to it as it is made, and not listed in the result (a batch writes it out). */
  claim?: (c: CrossClaim) => void;
  /**
   * Whether the stubs are checked only this once (a batch that lets its records go): their features, dates, counts and
   * events are then let go once the pairs are chosen (judging makes the statements whole again from their articles).
   */
  once?: boolean;
}

/**
 * The statement pairs of a check: statements paired through the inverted index of their features, and the pairs each
 * chose. The index (tens of millions of numbers at tens of thousands of articles) is let go when this returns, before
 * the pairs are judged and the claims made.
 */
function pairsOf(g: Gathered, threshold: number) {
  const { docs, stmts } = g;
  const count = docs.length;
  // Statement pairs through the inverted index of features; features found in most statements say nothing.
  // Features are numbered, and each statement's numbers kept sorted, so that comparing two is a merge.
  const idOf = FEATURE_IDS;
  // (Each feature's kind in its tags: see featureIds.)
  const tags = FEATURE_IDS.tags;
  const n = stmts.length;
  // All statements' features one after another in one list (statement i's: flat[at[i], at[i + 1])), read in turn
  // and for each candidate pair, not from a list of its own per statement.
  const at = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) at[i + 1] = at[i] + stmts[i].ids.length;
  const flat = new Int32Array(at[n]);
  for (let i = 0; i < n; i++) flat.set(stmts[i].ids, at[i]);
  const docOf = new Int32Array(n);
  for (let i = 0; i < n; i++) docOf[i] = stmts[i].doc;
  // Statements of different stories never pair (see StoryGuard).
  const docFirst = new Int32Array(count + 1);
  for (const st of stmts) docFirst[st.doc + 1]++;
  for (let d = 0; d < count; d++) docFirst[d + 1] += docFirst[d];
  // (The guard and the index are made in functions of their own: what only making them needs, several numbers for
  // each of millions of features at tens of thousands of articles, is let go when each is made.)
  const stories = storyGuardOf(flat, at, docOf, docFirst, g.published);
  // A feature in more articles than this says little and would make every statement a candidate of every other.
  // Counted in articles, not sentences: a story's own words recur in each of its articles.
  const common = Math.max(3, Math.min(count * 0.34, 64));
  const { idf, postFrom, postings, reached } = featureIndex(flat, at, docOf, common);
  // Events ("%class", "!class doer": see events.ts) pair statements only on their own terms, not in the score.
  const eventId = new Uint8Array(idOf.size);
  for (let id = 0; id < eventId.length; id++) {
    const c = idOf.charAt(id, 0);
    eventId[id] = c === BANG ? 2 : c === PERCENT ? (idOf.charAt(id, -1) === GREATER ? 3 : 1) : 0;
  }
  const weightAll = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let w = 0;
    let e = 0;
    for (let k = at[i]; k < at[i + 1]; k++) {
      if (eventId[flat[k]]) e += idf[flat[k]];
      else w += idf[flat[k]];
    }
    weightAll[i] = w + e;
    weight[i] = w;
  }
  // Pairs as three parallel lists of numbers (there can be hundreds of thousands), np of them, grown by doubling.
  let pairA = new Int32Array(1024);
  let pairB = new Int32Array(1024);
  let pairScore = new Float64Array(1024);
  let np = 0;
  const addPair = (a: number, b: number, score: number) => {
    if (np === pairA.length) {
      const grow = <T extends Int32Array | Float64Array>(xs: T, to: T) => (to.set(xs), to);
      pairA = grow(pairA, new Int32Array(2 * np));
      pairB = grow(pairB, new Int32Array(2 * np));
      pairScore = grow(pairScore, new Float64Array(2 * np));
    }
    pairA[np] = a;
    pairB[np] = b;
    pairScore[np++] = score;
  };
  let scored = 0;
  // Pairs telling one event of one person (see below).
  const acted: number[] = [];
  // Pairs judged only for what they tell of that event (when, whether done): alike in little else.
  // Pairs alike in little but one count of one thing (see oneCount), judged only for who gives that count.
  const counted: number[] = [];
  const eventOnly = new Set<number>();
  const acc = new Float64Array(n);
  // The statements reached from the one at hand (each once: its score is then above 0), nt of them, in the order
  // reached: one buffer for all statements, not a list grown again for each.
  const touched = new Int32Array(n);
  let nt = 0;
  const top = new Int32Array(MAX_CANDIDATES);
  // Whether an article is of the story of the one at hand (asked once per pair of articles, not per statement).
  const storyAsked = new Int32Array(count).fill(-1);
  const storySame = new Uint8Array(count);
  // Each posting list is in statement order, and each statement stands in the lists of its features: where each
  // list has reached (`reached`, from featureIndex), so that only the statements after the one at hand are read.
  // The features of the statement at hand, marked (cleared after it): a candidate's list is read once against them.
  const isMine = new Uint8Array(idOf.size);
  for (const s of stmts) {
    // Candidates share rarer features; the best few by those are scored on every shared feature.
    const mineFrom = at[s.i];
    const mineTo = at[s.i + 1];
    for (let x = mineFrom; x < mineTo; x++) {
      const id = flat[x];
      const w = idf[id];
      const end = postFrom[id + 1];
      if (end === postFrom[id]) continue;
      const from = postFrom[id] + ++reached[id]; // past this statement
      for (let k = from; k < end; k++) {
        const j = postings[k];
        if (docOf[j] === s.doc) continue;
        if (acc[j] === 0) touched[nt++] = j;
        acc[j] += w;
      }
    }
    let candidates = touched;
    let nc = nt;
    if (nt > MAX_CANDIDATES) {
      candidates = top;
      nc = firstByScore(touched, nt, acc, top);
    }
    scored += nc;
    // What the statement at hand counts (the words of its numbers), listed once for all its candidates.
    let countWords: string[] | null = null;
    if (nc > 0) for (let x = mineFrom; x < mineTo; x++) isMine[flat[x]] = 1;
    for (let c = 0; c < nc; c++) {
      const j = candidates[c];
      const d = docOf[j];
      if (storyAsked[d] !== s.doc) {
        storyAsked[d] = s.doc;
        storySame[d] = stories.same(s.doc, d) ? 1 : 0;
      }
      if (!storySame[d]) continue;
      // What the two sorted lists share, and of which kinds (in the order of the features, as a merge reads them).

      let w = 0;
      let words = 0;
      let plain = 0;
      let names = 0;
      let acts = 0;
      let over = false; // an event one expects with no doer, and done in the other (see overtakeFeature)
      let we = 0; // the weight of shared events (not counted in the score: see act below)
      for (let y = at[j]; y < at[j + 1]; y++) {
        const id = flat[y];
        if (isMine[id] === 0) continue;
        const kind = tags[id] & KIND_BITS;
        if (eventId[id]) {
          we += idf[id];
          if (eventId[id] === 2) acts++;
          else if (eventId[id] === 3) over = true;
        } else {
          w += idf[id];
          if (kind === 2) names++;
          else {
            words++;
            if (kind === 0) plain++;
          }
        }
      }
      const score = w / Math.sqrt(weight[s.i] * weight[j]);
      // Names alone do not make a claim: it takes at least two shared words (or numbers, dates) beside them.
      // Without a name, number or date in common, it takes three shared words (different stories share words).
      let anchors = words - plain + names;
      const b = stmts[j];
      // Both dated, or both counting the same thing, is a tie too: that is what they may disagree about.
      if (anchors === 0 && s.dates.length && b.dates.length) anchors = 1;
      if (anchors === 0 && s.numbers.size && b.numbers.size)
        for (const k of (countWords ??= [...s.numbers.keys()]))
          if (k && b.numbers.has(k)) {
            anchors = 1;
            break;
          }
      // One event of one person told in both ("Mattis had quit" / "Mattis … resigned"), and a word besides: they
      // pair on less, and are judged whichever partners each statement has (see events.ts).
      const act = acts > 0 && plain >= 1;
      const alike = score >= threshold && words >= 2 && plain >= 1 && (anchors > 0 || plain >= 3 || score >= 0.3);
      if (alike || (act && (w + we) / Math.sqrt(weightAll[s.i] * weightAll[j]) >= threshold / 2)) {
        if (act) acted.push(np);
        if (!alike) eventOnly.add(np);
        addPair(s.i, j, score);
      } else if (over && overtaken(s.events, b.events)) {
        // An event one expects with no doer ("is expected to face a legal challenge") and the other reports done
        // ("filed suit"): judged only for that (see events.ts).
        acted.push(np);
        eventOnly.add(np);
        addPair(s.i, j, score);
      } else if (plain >= 2 && score >= threshold / 3 && (zeroMayMeet(s, b) || zeroMayMeet(b, s))) {
        // No member of a group against a count of it, and two words besides: judged only for that (see zeroAgainstCount).
        counted.push(np);
        addPair(s.i, j, score);
      } else if (plain >= 2 && score >= threshold / 3 && oneCount(s, b)) {
        // One count of one thing, given as figures that meet, and two words besides: judged only for who gives it.
        counted.push(np);
        addPair(s.i, j, score);
      }
    }
    for (let x = mineFrom; x < mineTo; x++) isMine[flat[x]] = 0;
    for (let k = 0; k < nt; k++) acc[touched[k]] = 0;
    nt = 0;
  }
  // Keep, for each statement, its best partner in each other article, and at most a few partners in all.
  const chosen = new Uint8Array(np); // how many of the pair's two statements chose it
  const firstOf = new Int32Array(n + 1); // each statement's pairs, as a slice of byStatement
  for (let p = 0; p < np; p++) {
    firstOf[pairA[p] + 1]++;
    firstOf[pairB[p] + 1]++;
  }
  for (let i = 0; i < n; i++) firstOf[i + 1] += firstOf[i];
  const byStatement = new Int32Array(2 * np);
  const fill = firstOf.slice(0, n);
  for (let p = 0; p < np; p++) {
    byStatement[fill[pairA[p]]++] = p;
    byStatement[fill[pairB[p]]++] = p;
  }
  const seenDoc = new Int32Array(count).fill(-1);
  for (let i = 0; i < n; i++) {
    if (firstOf[i] === firstOf[i + 1]) continue;
    byScore(byStatement, firstOf[i], firstOf[i + 1], pairScore);
    let kept = 0;
    for (let q = firstOf[i]; q < firstOf[i + 1]; q++) {
      const p = byStatement[q];
      const other = stmts[pairA[p] === i ? pairB[p] : pairA[p]].doc;
      if (seenDoc[other] === i) continue;
      seenDoc[other] = i;
      chosen[p]++;
      if (++kept >= MAX_PARTNERS) break;
    }
  }
  for (const p of acted)
    if (!chosen[p]) {
      chosen[p] = 1;
      eventOnly.add(p);
    }
  for (const p of counted) if (!chosen[p]) chosen[p] = 1;
  const countOnly = new Set(counted);
  const matched: number[] = [];
  for (let p = 0; p < np; p++) if (chosen[p]) matched.push(p);
  return { scored, idf, docOf, docFirst, pairA, pairB, pairScore, np, chosen, matched, eventOnly, countOnly };
}

/**
 * The story guard of a check (see StoryGuard) over its statements' features (statement i's: flat[at[i], at[i + 1]),
 * an article's statements in turn from docFirst[d]).
 */
function storyGuardOf(
  flat: Int32Array,
  at: Int32Array,
  docOf: Int32Array,
  docFirst: Int32Array,
  published: (string | null)[],
): StoryGuard {
  const features = FEATURE_IDS.size;
  const n = docOf.length;
  // A name marks a story by its last word ("Majority Whip Steve Scalise", "Steve Scalise", "Mr. Scalise").
  // (Only names share marks: every other feature is its own, numbered in turn without a look-up; a name's by the
  // number of its last word, found when the name was first met: see featureIds.)
  let marksMade = 0;
  const markOf = new Int32Array(features);
  const markOfLast = new Int32Array(LAST_WORDS.size).fill(-1);
  for (let id = 0; id < features; id++) {
    if (featureKind(id) !== 2) {
      markOf[id] = marksMade++;
      continue;
    }
    const last = LAST_WORD_OF[id];
    if (markOfLast[last] < 0) markOfLast[last] = marksMade++;
    markOf[id] = markOfLast[last];
  }
  const markDocs = new Int32Array(marksMade);
  const lastMarkDoc = new Int32Array(marksMade).fill(-1);
  for (let i = 0; i < n; i++)
    for (let x = at[i]; x < at[i + 1]; x++) {
      const k = markOf[flat[x]];
      if (lastMarkDoc[k] !== docOf[i]) {
        lastMarkDoc[k] = docOf[i];
        markDocs[k]++;
      }
    }
  // (An article's marks in one buffer for all articles, grown when one has more: not a list grown for each.)
  let marks = new Int32Array(1024);
  return new StoryGuard(
    docFirst.length - 1,
    d => {
      // (An article's statements are in turn: its features are one run of the list.)
      const m = at[docFirst[d + 1]] - at[docFirst[d]];
      if (m > marks.length) marks = new Int32Array(2 * m);
      for (let k = 0, x = at[docFirst[d]]; k < m; k++, x++) marks[k] = markOf[flat[x]];
      return marks.subarray(0, m);
    },
    k => markDocs[k],
    published,
  );
}

/**
 * The inverted index of a check's statements by feature (statement i's features: flat[at[i], at[i + 1])): each
 * feature's weight (idf: rarer in the statements, heavier), and the statements of each feature found in no more than
 * `common` articles, one posting list after another (feature id's: postings[postFrom[id], postFrom[id + 1])), with
 * `reached`, a number per feature at 0 for the pairing to mark where it has read each list.
 */
function featureIndex(flat: Int32Array, at: Int32Array, docOf: Int32Array, common: number) {
  const features = FEATURE_IDS.size;
  const n = docOf.length;
  // In how many statements and how many articles each feature is. (Two lists of a number per feature serve twice,
  // for tens of millions of features: the statements' counts then hold where each posting list starts, and the
  // last article seen then where each list is filled.)
  const df = new Int32Array(features + 1);
  const docFreq = new Int32Array(features);
  const lastDoc = new Int32Array(features).fill(-1);
  for (let i = 0; i < n; i++)
    for (let k = at[i]; k < at[i + 1]; k++) {
      const id = flat[k];
      df[id]++;
      if (lastDoc[id] !== docOf[i]) {
        lastDoc[id] = docOf[i];
        docFreq[id]++;
      }
    }
  const idf = new Float64Array(features);
  for (let id = 0; id < features; id++) idf[id] = Math.log(1 + n / df[id]);
  const postFrom = df.fill(0);
  for (let k = 0; k < flat.length; k++) if (docFreq[flat[k]] <= common) postFrom[flat[k] + 1]++;
  for (let id = 0; id < features; id++) postFrom[id + 1] += postFrom[id];
  const postings = new Int32Array(postFrom[features]);
  const postFill = lastDoc;
  postFill.set(postFrom.subarray(0, features));
  for (let i = 0; i < n; i++)
    for (let k = at[i]; k < at[i + 1]; k++) if (docFreq[flat[k]] <= common) postings[postFill[flat[k]]++] = i;
  return { idf, postFrom, postings, reached: postFill.fill(0) };
}

/** The check of gathered articles: statements paired through the inverted index, claims and conflicts. */
export function checkGathered(g: Gathered, opts: CheckOptions = {}): CrossResult {
  const threshold = opts.threshold ?? 0.18;
  const minConfidence = opts.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const { docs, stmts, runs, origins, lean, merger, labelOf } = g;
  const count = docs.length;
  const n = stmts.length;
  // (The index the pairing reads is let go once the pairs are chosen: see pairsOf.)
  const { scored, idf, docOf, docFirst, pairA, pairB, pairScore, np, chosen, matched, eventOnly, countOnly } = pairsOf(
    g,
    threshold,
  );
  if (g.once)
    for (const s of stmts)
      if (lean[s.doc]) {
        s.ids = NO_IDS;
        s.dates = NO_PEOPLE;
        s.numbers = NO_NUMBERS;
        s.events = NO_EVENTS;
      }

  // Claims: connected statements across articles.
  const parent = stmts.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  // Disagreements between matched statements.
  const disagreeing = new Map<number, Disagreement>();
  // (The same pairs marked, for reading through all matched pairs without a look-up in the map.)
  const disagrees = new Uint8Array(np);
  // Articles named by their label (an outlet), or by label and path where two share one.
  const labelCount = new Map<string, number>();
  for (let d = 0; d < count; d++) {
    const l = g.labels[d] ?? docs[d];
    labelCount.set(l, (labelCount.get(l) ?? 0) + 1);
  }
  const names = docs.map((doc, d) => {
    const label = g.labels[d];
    return label && labelCount.get(label)! > 1 ? `${label} (${doc})` : (label ?? doc);
  });
  const judge: Judge = {
    minConfidence,
    names,
    merger,
    idf,
    labelOf,
    maxIdf: Math.log(1 + n),
    published: g.published.map(p => p ?? null),
    // (A lean article's, when it is made whole for judging: see wholePairs.)
    initials: docs.map((_, d) => (lean[d] ? NO_INITIALS : initialsOf(g.article(d).analysis.entities))),
  };
  const judgePair = (p: number, a: Statement, b: Statement) => {
    let c = disagreement(a, b, judge);
    if (c && eventOnly.has(p) && !BY_EVENT.has(c)) c = null;
    if (c && countOnly.has(p) && !BY_COUNT.has(c)) c = null;
    if (c) {
      disagreeing.set(p, c);
      disagrees[p] = 1;
    }
  };
  // (Every statement whole, as in a workspace checked in one process: each pair judged as it stands, with no
  // generator between.)
  if (!lean.includes(1))
    for (const p of matched) judgePair(p, stmts[pairA[p]] as Statement, stmts[pairB[p]] as Statement);
  else
    for (const [p, a, b] of wholePairs(matched, pairA, pairB, stmts, docOf, docFirst, lean, g, judge.initials))
      judgePair(p, a, b);
  // Pairs that chose each other join claims (so that chains of loose matches do not merge unrelated ones), and so
  // do pairs that disagree: a contradiction is always about a claim.
  const mutual = matched.filter(p => chosen[p] === 2 || disagrees[p] === 1 || pairScore[p] >= SAME_CLAIM);
  for (const p of mutual) parent[find(pairA[p])] = find(pairB[p]);
  // Each group's statements in statement order, groups in the order of their first statement (read in that order:
  // no set per group, no sort).
  const inGroup = new Uint8Array(n);
  for (const p of mutual) inGroup[pairA[p]] = inGroup[pairB[p]] = 1;
  const groupAt = new Int32Array(n).fill(-1);
  const groups: Stub[][] = [];
  for (let i = 0; i < n; i++) {
    if (!inGroup[i]) continue;
    const r = find(i);
    if (groupAt[r] < 0) groupAt[r] = groups.push([]) - 1;
    groups[groupAt[r]].push(stmts[i]);
  }
  // Provenance: articles that are one report (see derivations).
  const derived = derivations(runs, origins);
  const reportOf = new Map<number, number>();
  derived.forEach((g, k) => {
    for (const d of g.docs) reportOf.set(d, k);
  });
  const groupsIn = (here: Set<number>) => {
    const by = new Map<number, number[]>();
    for (const d of here) {
      const k = reportOf.get(d);
      if (k !== undefined) by.set(k, [...(by.get(k) ?? []), d]);
    }
    return [...by.values()].filter(x => x.length > 1).sort((x, y) => x[0] - y[0]);
  };
  const claims: CrossClaim[] = [];
  const emit = g.claim;
  const claimOf = new Array<string | undefined>(n);
  const textOf = (s: Stub, kept = true) => s.text ?? g.textAt(s.doc, s.start, s.end, kept);
  const mention = (s: Stub, kept = true): Mention => ({
    doc: docs[s.doc],
    start: s.start,
    end: s.end,
    text: textOf(s, kept),
  });
  // (A claim given to `emit` is written out at once: its texts are not kept.)
  const kept = !emit;
  groups
    .filter(g => g.some(s => s.doc !== g[0].doc))
    .forEach((g, k) => {
      const id = `C${String(k + 1).padStart(2, '0')}`;
      g.sort((x, y) => x.i - y.i);
      const here = new Set(g.map(s => s.doc));
      // Articles of one report (rewrites of one another or of one outlet's story) among those that carry the claim.
      const copies = reportOf.size ? groupsIn(here) : [];
      const claim: CrossClaim = {
        id,
        summary: clip(textOf([...g].sort((x, y) => x.end - x.start - (y.end - y.start))[0], kept), 140),
        mentions: g.map(s => mention(s, kept)),
        independent: here.size - copies.reduce((t, c) => t + c.length - 1, 0),
        copies: copies.map(c => c.map(d => docs[d])),
      };
      if (emit) emit(claim);
      else claims.push(claim);
      for (const s of g) claimOf[s.i] = id;
    });

  const conflicts: CrossConflict[] = [...disagreeing]
    .filter(([, c]) => c.confidence >= minConfidence)
    .sort(([x], [y]) => pairA[x] - pairA[y] || pairB[x] - pairB[y])
    .map(([p, c]) => ({
      claim: claimOf[pairA[p]] ?? null,
      ...c,
      a: mention(stmts[pairA[p]]),
      b: mention(stmts[pairB[p]]),
    }));

  return {
    documents: docs,
    sources: g.sources,
    claims,
    conflicts,
    stats: { statements: stmts.length, scored },
    derived: derived.map(g =>
      g.origin ? { documents: g.docs.map(d => docs[d]), origin: g.origin } : { documents: g.docs.map(d => docs[d]) },
    ),
  };
}

/**
 * Sorts pairs xs[from, to) by score, highest first, ties by number: in place, a short list (most are) by insertion,
 * without the copy a sort with a comparator makes.
 */
function byScore(xs: Int32Array, from: number, to: number, score: Float64Array): void {
  if (to - from > 32) {
    let defined = true;
    for (let k = from; k < to && defined; k++) defined = !Number.isNaN(score[xs[k]]);
    if (defined) mergeByScore(xs, from, to, score);
    else xs.subarray(from, to).sort((x, y) => score[y] - score[x] || x - y);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const p = xs[k];
    let q = k;
    for (; q > from && (score[xs[q - 1]] < score[p] || (score[xs[q - 1]] === score[p] && xs[q - 1] > p)); q--)
      xs[q] = xs[q - 1];
    xs[q] = p;
  }
}

/** A buffer for mergeByScore (grown when needed). */
let MERGE = new Int32Array(256);

/**
 * Sorts xs[from, to) by score, highest first, ties by number (scores all numbers: the order is then total, and the
 * same as the comparator's), by merging runs in place of a comparator sort, which copies the list for each call.
 */
function mergeByScore(xs: Int32Array, from: number, to: number, score: Float64Array): void {
  const len = to - from;
  if (MERGE.length < len) MERGE = new Int32Array(2 * len);
  const before = (p: number, q: number) => score[p] > score[q] || (score[p] === score[q] && p < q);
  // Runs of eight by insertion, then merged pairwise through the buffer.
  for (let lo = from; lo < to; lo += 8) {
    const hi = Math.min(lo + 8, to);
    for (let k = lo + 1; k < hi; k++) {
      const p = xs[k];
      let q = k;
      for (; q > lo && before(p, xs[q - 1]); q--) xs[q] = xs[q - 1];
      xs[q] = p;
    }
  }
  let src: Int32Array = xs;
  let dst: Int32Array = MERGE;
  let base = from; // where the list starts in src (from in xs, 0 in the buffer)
  for (let width = 8; width < len; width *= 2) {
    const out = dst === xs ? from : 0;
    for (let lo = 0; lo < len; lo += 2 * width) {
      const mid = Math.min(lo + width, len);
      const hi = Math.min(lo + 2 * width, len);
      let i = lo;
      let j = mid;
      let o = lo;
      while (i < mid && j < hi)
        dst[out + o++] = before(src[base + j], src[base + i]) ? src[base + j++] : src[base + i++];
      while (i < mid) dst[out + o++] = src[base + i++];
      while (j < hi) dst[out + o++] = src[base + j++];
    }
    const t = src;
    src = dst;
    dst = t;
    base = out;
  }
  if (src !== xs) xs.set(src.subarray(0, len), from);
}

/**
 * The first of a list (xs[0, len)) by a score, highest first, ties in the list's order (what a stable sort by score
 * would put first), as many as `out` holds, without sorting the whole list: put in `out`, and how many.
 */
function firstByScore(xs: Int32Array, len: number, score: Float64Array, out: Int32Array): number {
  const k = out.length;
  let m = 0;
  for (let i = 0; i < len; i++) {
    const x = xs[i];
    const v = score[x];
    if (m === k && !(v > score[out[k - 1]])) continue;
    let p = m < k ? m++ : k - 1;
    for (; p > 0 && score[out[p - 1]] < v; p--) out[p] = out[p - 1];
    out[p] = x;
  }
  return m;
}

/** Buffers for voiceIndex: votes by voice, and the voices that voted (cleared after each use). */
let VOTES = new Int32Array(64);
let VOTERS = new Int32Array(64);

/** Which voice a statement's shared part is in: each word it shares with the other statement votes (see voicesOf). -1: the article's own. */
function voiceIndex(s: Statement, other: Statement): number {
  if (!s.voices) return -1; // nothing attributed: the article's own voice
  // Votes by voice (voice + 1: the article's own at 0), and the voices in the order they first voted.
  if (VOTES.length <= s.attributions.length) {
    VOTES = new Int32Array(2 * s.attributions.length + 2);
    VOTERS = new Int32Array(VOTES.length);
  }
  let voters = 0;
  const mine = s.ids;
  const theirs = other.ids;
  for (let x = 0, y = 0; x < mine.length && y < theirs.length;) {
    if (mine[x] < theirs[y]) x++;
    else if (mine[x] > theirs[y]) y++;
    else {
      const k = s.voices[x];
      if (k !== -2 && VOTES[k + 1]++ === 0) VOTERS[voters++] = k;
      x++;
      y++;
    }
  }
  let best = -1;
  let n = -1;
  for (let i = 0; i < voters; i++) {
    const v = VOTERS[i];
    const c = VOTES[v + 1];
    VOTES[v + 1] = 0;
    if (c > n || (c === n && v !== -1)) {
      best = v;
      n = c;
    }
  }
  return best;
}

/** Buffers for contentOf (two statements of a pair at a time): a pair is judged without allocating them. */
const CONTENT = [new Int32Array(256), new Int32Array(256)];
/** Views of each buffer's first n positions, by n (made once per buffer, not for each pair judged). */
const VIEWS: Int32Array[][] = [[], []];

/** The positions (in ids) of a statement's features in one voice (numbers and dates always; NaN: every voice), in buffer k (valid until the next call with k). */
function contentOf(s: Statement, voice: number, k: 0 | 1): Int32Array {
  if (CONTENT[k].length < s.ids.length) {
    CONTENT[k] = new Int32Array(2 * s.ids.length);
    VIEWS[k] = [];
  }
  const out = CONTENT[k];
  let n = 0;
  for (let k = 0; k < s.ids.length; k++) {
    const v = s.voices ? s.voices[k] : -1;
    // Events are compared on their own terms (see sameEvent), not as content.
    if (featureFlags(s.ids[k]) === EVENT_FEATURE) continue;
    if (v === voice || Number.isNaN(voice) || (v === -2 && featureKind(s.ids[k]) === 1)) out[n++] = k;
  }
  return (VIEWS[k][n] ??= out.subarray(0, n));
}

/** How two statements' contents (each in the voice they share) meet. */
interface Overlap {
  /** Shared weight. */
  weight: number;
  /** Shared weight over the smaller content's weight: 1 when one says all the other says. */
  containment: number;
  /** Shared weight over the geometric mean of both. */
  cosine: number;
  /** Shared names, numbers and dates. */
  anchors: number;
  /** Shared numbers (not dates: one story's events mostly fall on the same few days). */
  figures: number;
}

/**
 * The overlap of two contents (positions in each statement's ids). A feature weighs its rarity in the workspace (in
 * units of a word found once, whatever the workspace's size), divided by how often its article repeats it: a word
 * both articles repeat in many statements is the story's topic, not what this statement says.
 */
function overlapOf(
  a: Statement,
  x: Int32Array,
  b: Statement,
  y: Int32Array,
  idf: Float64Array,
  maxIdf: number,
  out: Overlap = { weight: 0, containment: 0, cosine: 0, anchors: 0, figures: 0 },
): Overlap {
  let wx = 0;
  let wy = 0;
  let w = 0;
  let anchors = 0;
  let figures = 0;
  const ca = a.inArticle!;
  const cb = b.inArticle!;
  for (const k of x) wx += idf[a.ids[k]] / ca[k];
  for (const k of y) wy += idf[b.ids[k]] / cb[k];
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    const p = a.ids[x[i]];
    const q = b.ids[y[j]];
    if (p < q) i++;
    else if (p > q) j++;
    else {
      w += idf[p] / Math.sqrt(ca[x[i]] * cb[y[j]]);
      if (featureKind(p) !== 0) anchors++;
      if (featureFlags(p) === FIGURE_FEATURE) figures++;
      i++;
      j++;
    }
  }
  w /= maxIdf;
  wx /= maxIdf;
  wy /= maxIdf;
  out.weight = w;
  out.containment = w / (Math.min(wx, wy) || 1);
  out.cosine = w / (Math.sqrt(wx * wy) || 1);
  out.anchors = anchors;
  out.figures = figures;
  return out;
}
/** The overlap of the pair being judged (see disagreement: one pair at a time, filled in place for each). */
const JUDGED: Overlap = { weight: 0, containment: 0, cosine: 0, anchors: 0, figures: 0 };

/**
 * Whether two statements print one quotation: the same run of at least five quoted words. 'same' when one's quoted
 * words are the other's (or a part of them, in order); 'reworded' when they share the run but differ in their words;
 * 'apart' when they share it as two utterances (one speaking to someone, one of him: see otherPerson).
 */
/** Stems of each quotation's words (by its list, which never changes), and of each statement's words (by its text). */
const STEMMED = new WeakMap<string[], string[]>();
const st = (q: string[]) => {
  let r = STEMMED.get(q);
  if (!r) STEMMED.set(q, (r = q.map(stem)));
  return r;
};
const sentenceStems = (s: Statement): string[] => (s.stems ??= wordsOf(s).map(t => stem(t.f)));

function quotation(a: Statement, b: Statement): 'same' | 'reworded' | 'apart' | null {
  let found: 'same' | 'reworded' | null = null;
  let apart = false;
  for (const qa of a.quotes)
    for (const qb of b.quotes) {
      if (!sharesRun(qa, qb, 5)) continue;
      // Words as the grammar of the sentence needs them ("looks forward" / "I look forward") are the same words.
      if (inOrder(st(qa), st(qb)) || inOrder(st(qb), st(qa))) return 'same';
      // Spelt differently, worded the same: "workforce" / "work force", "same-sex" / "same sex", "we've" / "we have".
      const la = letters(qa);
      const lb = letters(qb);
      if (la.includes(lb) || lb.includes(la)) return 'same';
      if (excerpts(qa, qb)) return 'same';
      // One name spelt two ways ("Qaddafi" / "Gadhafi", "Muammar" / "Moammar"): transliterations, not other words.
      if (namesTransliterated(a, qa, b, qb)) return 'same';
      // Two remarks of one speaker that share a phrase are two quotations, not one quoted differently.
      if (!versionsOfOne(qa, qb)) continue;
      // (One speaking to someone and one speaking of him, "your budget" / "his budget", are two utterances.)
      if (otherPerson(qa, qb, stem)) {
        apart = true;
        continue;
      }
      // Words left out (an ellipsis) and the rest printed alike is one quotation cut, not reworded.
      if (excerptsAlike(qa, qb) || excerptsAlike(qb, qa)) return 'same';
      found = 'reworded';
    }
  if (found) return found;
  if (apart) return 'apart';
  // One prints it between quotation marks, the other sets it off without them (a block quotation, a tweet).
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    if (x.quotes.length === 0) continue;
    const words = sentenceStems(y);
    for (const q of x.quotes) {
      if (q.length >= 6 && sharesRun(st(q), words, 6) && inOrder(st(q), words)) return 'same';
      // The whole of the other sentence is inside the quotation ("Faith made America strong.").
      if (words.length >= 4 && words.length <= q.length && inOrder(words, st(q))) return 'same';
    }
  }
  return null;
}

/**
 * Whether two quotations are excerpts of one utterance, each printed its own way: cut at different places (one begins
 * with a linking word the other leaves out: "However, we would be remiss …" / "We would be remiss in our duty …"),
 * transcribed in casual or formal spelling ("gonna" / "going to"), a word spelt two ways ("Momma" / "Mama"), or with
 * letters starred out ("f***") — then the words of one stand, in order, among the words of the other.
 */
function excerpts(qa: string[], qb: string[]): boolean {
  const x = spoken(qa);
  const y = spoken(qb);
  return within(x, y) || within(y, x) || overlapping(x, y) || overlapping(y, x);
}

/**
 * Two excerpts that overlap: x begins earlier and y ends later ("We have fifty members in tough races, and we have
 * thirty districts with no big race" / "And we have thirty districts with no big race and we call them orphans"):
 * from some word on, x's words are y's from its first word, in order, and the words x has before are not in y. (Not
 * from a word further into y: "we will not raise taxes" / "we will raise taxes" share "raise taxes" from the third
 * word only; nor after words both have: "I have not broken any rules or laws, and I have not lied" / "I have not
 * broken any rules and laws, and I have not lied" differ inside.)
 */
function overlapping(x: string[], y: string[]): boolean {
  for (let i = 1; i < x.length - 2; i++) {
    if (!spellings(x[i], y[0])) continue;
    // (Against the words of y that x's end covers: y may go on with words x has earlier, by chance — "a student of
    // history, has he not understood that … engage in a land war" / "… engage in a land war, because everyone who
    // tried over a thousand years of history has failed".)
    const m = withinTo(x.slice(i), y);
    if (m >= 0) return !sharesRun(x.slice(0, i), y.slice(0, m), 3);
  }
  return false;
}

/** Like within, the number of y's words up to the last one x's words meet (-1: they do not all stand in y). */
function withinTo(x: string[], y: string[]): number {
  let j = 0;
  for (const w of x) {
    while (j < y.length && !spellings(w, y[j])) j++;
    if (j === y.length) return -1;
    j++;
  }
  return j;
}

/** Linking words a writer keeps or leaves out where the quotation starts. */
const LINKING = /^(?:and|but|so|as|however|well|now|yet|or|because|also)$/;
/** Casual spellings of two words said as one. */
const SAID_AS_ONE: Record<string, string[]> = {
  gonna: ['going', 'to'],
  wanna: ['want', 'to'],
  gotta: ['got', 'to'],
  kinda: ['kind', 'of'],
  sorta: ['sort', 'of'],
  lemme: ['let', 'me'],
  gimme: ['give', 'me'],
  outta: ['out', 'of'],
};

const SPOKEN = new WeakMap<string[], string[]>();
function spoken(q: string[]): string[] {
  let r = SPOKEN.get(q);
  if (!r) {
    r = q.flatMap(w => SAID_AS_ONE[w] ?? [w.replace(/[’']/g, "'")]);
    while (r.length > 1 && LINKING.test(r[0])) r = r.slice(1);
    SPOKEN.set(q, r);
  }
  return r;
}

/** Whether the words of x stand in y in order, each as itself or as another spelling of it (greedy: the first fit). */
function within(x: string[], y: string[]): boolean {
  let j = 0;
  for (const w of x) {
    while (j < y.length && !spellings(w, y[j])) j++;
    if (j === y.length) return false;
    j++;
  }
  return true;
}

/** The consonants of a word after its first letter, doubled letters once: "momma" and "mama" both "mm". */
const skeleton = (w: string) =>
  w[0] +
  w
    .slice(1)
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1');

/**
 * Two spellings of one word: equal, alike but for their ending (see stem), letters starred out of one (its first and
 * last letters the other's), or the same consonants and a different length ("momma" / "mama", "colour" / "color").
 * (Words of one length with other vowels are mostly other forms: "win" / "won", "sing" / "sang".)
 */
function spellings(w: string, v: string): boolean {
  if (w === v || stem(w) === stem(v)) return true;
  if (w.includes('*') || v.includes('*')) {
    const [starred, plain] = w.includes('*') ? [w, v] : [v, w];
    const head = starred.slice(0, starred.indexOf('*'));
    const tail = starred.slice(starred.lastIndexOf('*') + 1);
    return plain.length > head.length + tail.length && plain.startsWith(head) && plain.endsWith(tail) && head !== '';
  }
  return w.length >= 4 && v.length >= 4 && w.length !== v.length && w[0] === v[0] && skeleton(w) === skeleton(v);
}

/** Quoted words as one string of letters, contractions written out: how a quotation reads aloud (kept by its list, which never changes). */
const LETTERS = new WeakMap<string[], string>();
function letters(q: string[]): string {
  let r = LETTERS.get(q);
  if (r === undefined) LETTERS.set(q, (r = spelled(q)));
  return r;
}
function spelled(q: string[]): string {
  // The tokenizer gives a contraction's ending as a word of its own ("it" "s", "don" "t").
  const out: string[] = [];
  for (const w of q) {
    const prev = out.length ? out[out.length - 1] : '';
    if (w === 't' && prev.endsWith('n'))
      out[out.length - 1] = prev === 'can' ? 'cannot' : prev === 'won' ? 'willnot' : `${prev.slice(0, -1)}not`;
    else
      out.push(
        CONTRACTED[w] && prev
          ? CONTRACTED[w]
          : w
              .replace(/^can['’]t$/, 'cannot')
              .replace(/^won['’]t$/, 'willnot')
              .replace(/n['’]t$/, 'not')
              .replace(/['’]ve$/, 'have')
              .replace(/['’]re$/, 'are')
              .replace(/['’]ll$/, 'will')
              .replace(/['’]m$/, 'am')
              .replace(/['’]d$/, 'would')
              .replace(/['’]s$/, 'is'),
      );
  }
  return out.join('').replace(/[^\p{L}\p{N}]/gu, '');
}
const CONTRACTED: Record<string, string> = { s: 'is', re: 'are', ve: 'have', ll: 'will', d: 'would', m: 'am' };

/**
 * Whether two quotations that share a phrase are versions of one remark: most of the shorter one's words (three in
 * five) stand in the longer. "If you're determined to prevent Iran from getting nuclear weapons, it means you'll act
 * before they get them" and "he's determined to prevent Iran from getting nuclear weapons and I respect that" share a
 * phrase and are two remarks; a remark quoted with a word or two changed, or its clauses in another order, is one.
 */
function versionsOfOne(x: string[], y: string[]): boolean {
  const [short, long] = x.length <= y.length ? [st(x), st(y)] : [st(y), st(x)];
  const left = new Map<string, number>();
  for (const w of long) left.set(w, (left.get(w) ?? 0) + 1);
  let met = 0;
  for (const w of short) {
    const n = left.get(w);
    if (n) {
      met++;
      left.set(w, n - 1);
    }
  }
  if (met * 5 >= short.length * 3) return true;
  // Or two excerpts of one remark that overlap: their longest common run ends one and opens the other.
  const [i, j, n] = longestRun(st(x), st(y));
  const edge = 2;
  return n >= 4 && ((i <= edge && j + n >= y.length - edge) || (j <= edge && i + n >= x.length - edge));
}

/**
 * Whether a quotation with words left out (an ellipsis: "promises any employment…appointment…provided for") prints
 * the other's words: each of its pieces between gaps that shares words with the other (half of them) shares a run
 * of three, and what it has beyond that run, at most two words at either end, is not what the other has there
 * ("whoever" / "who" where the piece starts, a later clause after a gap). "we will raise taxes …" against "we will
 * not raise taxes" differs inside: "we will" stands just before the run in both.
 */
function excerptsAlike(x: string[], y: string[]): boolean {
  const gaps = GAPS.get(x);
  if (!gaps) return false;
  const sy = st(y);
  const sx = st(x);
  let met = false;
  for (let g = 0; g <= gaps.length; g++) {
    const piece = sx.slice(g === 0 ? 0 : gaps[g - 1], g === gaps.length ? sx.length : gaps[g]);
    if (piece.length === 0) continue;
    const inY = piece.filter(w => sy.includes(w)).length;
    if (piece.length < 3 || inY * 2 < piece.length) continue;
    const [i, j, n] = longestRun(piece, sy);
    if (n < 3) return false;
    const left = piece.slice(0, i);
    const right = piece.slice(i + n);
    if (left.length > 2 || right.length > 2) return false;
    const yLeft = sy.slice(Math.max(0, j - 2), j);
    const yRight = sy.slice(j + n, j + n + 2);
    if (left.some(w => yLeft.includes(w)) || right.some(w => yRight.includes(w))) return false;
    met = true;
  }
  return met;
}

/** The longest run of words two lists have in common: where it starts in each, and its length. */
function longestRun(x: string[], y: string[]): [number, number, number] {
  let best: [number, number, number] = [0, 0, 0];
  // (Row by row over y, one row kept: quotations are short, and only pairs sharing a run get here.)
  let prev = new Int32Array(y.length + 1);
  let row = new Int32Array(y.length + 1);
  for (let a = 1; a <= x.length; a++) {
    for (let b = 1; b <= y.length; b++) {
      row[b] = x[a - 1] === y[b - 1] ? prev[b - 1] + 1 : 0;
      if (row[b] > best[2]) best = [a - row[b], b - row[b], row[b]];
    }
    [prev, row] = [row, prev];
  }
  return best;
}

/**
 * The key of a name as transliterated: without an Arabic article ("al-", "el-"), "dh" as "d", "ph" as "f", q/k/c/g
 * as one sound, no vowels, doubled letters once: "al-Qaddafi", "Gadhafi" and "Kadafi" are one key, as are "Muammar"
 * and "Moammar".
 */
const transliterated = (w: string) =>
  w
    .replace(/^(?:al|el|ul)[-‑’']/, '')
    .replace(/dh/g, 'd')
    .replace(/ph/g, 'f')
    .replace(/[qgkc]/g, 'k')
    .replace(/[aeiouy’'‑-]/g, '')
    .replace(/(.)\1+/g, '$1');

/** The words a statement writes with a capital (folded), kept with the statement. */
const CAPITALISED = new WeakMap<Statement, Set<string>>();
function capitalised(s: Statement): Set<string> {
  let r = CAPITALISED.get(s);
  if (!r) {
    r = new Set((s.text.match(/\p{Lu}[\p{L}’'‑-]*/gu) ?? []).map(w => fold(w)));
    CAPITALISED.set(s, r);
  }
  return r;
}

/**
 * Whether two quotations are one but for names spelt as two transliterations: each quotation's names (words its
 * statement writes with a capital, of four letters or more) put as their transliteration key (an article "al" or
 * "el" before a name left out), the two read the same, or one within the other.
 */
function namesTransliterated(a: Statement, qa: string[], b: Statement, qb: string[]): boolean {
  const keyed = (s: Statement, q: string[]) => {
    const caps = capitalised(s);
    const out: string[] = [];
    let changed = false;
    for (let k = 0; k < q.length; k++) {
      const w = q[k];
      if ((w === 'al' || w === 'el') && k + 1 < q.length && caps.has(q[k + 1])) continue;
      if (w.length >= 4 && caps.has(w)) {
        const key = transliterated(w);
        if (key.length >= 2) {
          out.push(`~${key}`);
          changed = true;
          continue;
        }
      }
      out.push(w);
    }
    return changed ? out : null;
  };
  const x = keyed(a, qa);
  const y = keyed(b, qb);
  if (!x || !y) return false;
  return inOrder(x, y) || inOrder(y, x) || excerpts(x, y);
}

/** Whether two lists of words have a run of n words in common (compared in place: no list or string made per pair). */
function sharesRun(x: string[], y: string[], n: number): boolean {
  if (x.length < n || y.length < n) return false;
  for (let i = 0; i + n <= x.length; i++)
    for (let j = 0; j + n <= y.length; j++) {
      if (x[i] !== y[j]) continue;
      let k = 1;
      while (k < n && x[i + k] === y[j + k]) k++;
      if (k === n) return true;
    }
  return false;
}

/** Whether the words of x occur in y in the same order (a quotation cut short or with words left out). */
function inOrder(x: string[], y: string[]): boolean {
  let j = 0;
  for (const w of x) {
    while (j < y.length && y[j] !== w) j++;
    if (j === y.length) return false;
    j++;
  }
  return true;
}

/** Words that say what a speaker is, not who: a label made only of them names nobody in particular. */
const ROLE =
  /^(?:he|she|they|it|we|i|him|her|himself|herself|themselves|itself|the|a|an|his|her|its|their|president|presidents|mr|mrs|ms|dr|sen|senator|rep|representative|gov|governor|spokesman|spokeswoman|spokesperson|official|officials|aide|aides|source|sources|statement|report|article|story|team|office|people|person|someone|others|other|some|many|one|two|three|four|several|top|senior|former|chief|secretary|leader|director|chairman|member|members|lawmakers|experts|analysts|critics|officers|police|authorities|doctors)$/;

/**
 * Titles of an office, written out or by their initials ("the attorney general", "the A.G.", "the D.A."): a label of
 * them alone names whoever holds the office, who may be the person the other names.
 */
const TITLE =
  /^(?:ag|da|pm|vp|attorney|general|mayor|congressman|congresswoman|congressmember|judge|justice|sheriff|chancellor|premier|ambassador|commissioner|superintendent|treasurer|comptroller|lieutenant|speaker|majority|minority|whip|prime|minister|vice|deputy|assistant)$/;

/** Two labels that may name one speaker: equal, one's name words inside the other's, or one naming nobody in particular. */
export function sameSpeaker(x: string | null, y: string | null): boolean {
  if (x === y) return true;
  if (x === null || y === null) return false;
  // "A and B" said it together; "A" alone is another telling.
  const joint = (s: string) => /^\p{Lu}\S*(?: \S+)* and \p{Lu}/u.test(s);
  if (joint(x) !== joint(y)) return false;
  const words = (s: string) =>
    nameKey(s)
      .split(' ')
      .filter(w => w.length > 1 && !ROLE.test(w));
  const wx = words(x).filter(w => !TITLE.test(w));
  const wy = words(y).filter(w => !TITLE.test(w));
  if (wx.length === 0 || wy.length === 0) return true;
  // The same name leading either label ("BuzzFeed" / "BuzzFeed's Thursday night report").
  const lead = (s: string) => nameKey(/\p{Lu}[\p{L}\p{N}]*/u.exec(s)?.[0] ?? '');
  const lx = lead(x);
  const ly = lead(y);
  if (
    (lx && nameKey(y).replace(/s\b/g, '').split(' ').includes(lx.replace(/s$/, ''))) ||
    (ly && nameKey(x).replace(/s\b/g, '').split(' ').includes(ly.replace(/s$/, '')))
  )
    return true;
  const [small, big] = wx.length <= wy.length ? [wx, wy] : [wy, wx];
  return small.every(w => big.includes(w));
}

/**
 * Whether a name stands in a text as an outlet or a document passing on others' words: "X, citing two officials",
 * "X's report", "X published the story", "told X", "said to X" ("acknowledged to X's office" makes X no outlet).
 */
function conduit(name: string, text: string): boolean {
  // (Both of its forms hold the name itself.)
  if (!/^[a-z][a-z'-]+$/.test(name) || !text.includes(name)) return false;
  let re = CONDUITS.get(name);
  if (!re) {
    re = new RegExp(
      `\\b${name}(?:'s)?\\W+(?:[a-z]+\\W+){0,5}?(?:citing|cited|report|reported|reports|story)\\b|\\b(?:told|tells|telling|(?:said|speaking|spoke|talking|talked|according|confirmed|confirming) to)\\s+(?:the\\s+)?${name}\\b`,
    );
    // (At most a thousand: each is compiled, and a check of thousands of stories meets each name in one story.)
    if (CONDUITS.size > 1000) CONDUITS.clear();
    CONDUITS.set(name, re);
  }
  return re.test(text);
}
/** Whether a name stands in a statement as an outlet (see conduit), kept with the statement by name. */
function conduitIn(name: string, s: Statement): boolean {
  let r = (s.conduits ??= new Map()).get(name);
  if (r === undefined) s.conduits.set(name, (r = conduit(name, foldedOf(s))));
  return r;
}
/** The capitalised words of a speaker label, folded, without a possessive: the names conduit looks for (kept by label). */
const NAMES_OF = new Map<string, string[]>();
function namesOf(v: string): string[] {
  let r = NAMES_OF.get(v);
  if (!r) {
    r = (v.match(/\p{Lu}[\p{L}’'-]{2,}/gu) ?? []).map(w => fold(w).replace(/[’']s$/, ''));
    if (NAMES_OF.size > 10000) NAMES_OF.clear();
    NAMES_OF.set(v, r);
  }
  return r;
}
/** The pattern of conduit for each name (compiled once, not for each pair judged). */
const CONDUITS = new Map<string, RegExp>();

/** Cues of a demand or a plea: what follows is what someone asked for, not a claim of fact. */
const DEMAND =
  /^(?:call(?:s|ed|ing)?\s+(?:on|for|upon)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|pressured?|demand(?:s|ed|ing)?|recommend(?:s|ed|ing)?)\b/i;
/**
 * Cues of a pledge: what follows is what someone bound themselves to ("promised to ensure that workers would be paid"),
 * no claim of fact another outlet could state. (Who pledged it may still differ between two outlets.)
 */
const PLEDGE = /^(?:promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|vow(?:s|ed|ing)?|swor?e|threaten(?:s|ed|ing)?)\b/i;

/** Words that report what someone said: a sentence with one is not the outlet's own voice throughout. */
const REPORTING =
  /\b(?:said|says|say|saying|told|tells|reported|reports|claimed|claims|claiming|according to|tweeted|wrote|writes|stated|states|announced|insisted|insisting|maintained|argued|arguing|alleged|suggested|added|adding|noted|noting|cited|citing|calling|called|warned|warning|described|describing|showed|revealed|has learned|have learned|confirmed|acknowledged|admitted|pointed to|testified|show|shows)\b/i;

/**
 * Words of reporting that are nouns as often as verbs ("23 states", "the United States", "news reports", "these
 * claims"): after a number, a determiner or a quantifier, or before "and" / "of" / "have", they name things and report
 * nobody's words.
 */
const NOUN_OR_VERB = /^(?:states|reports|claims|shows|show)$/i;
const NOUN_BEFORE =
  /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|dozens|the|a|an|these|those|all|other|many|several|some|both|such|its|their|his|her|our|your|no|any|most|each|few|of|and|united|member|neighboring|neighbouring|bordering|border|news|media|press|early|recent|earlier|later|similar|conflicting|unconfirmed|initial|first|false|television|tv|talk|game|road)$/i;
const NOUN_AFTER = /^(?:and|of|have|had|were|are|or|where|which|who|in|on|to|like|such)$/i;

const REPORTING_ALL = new RegExp(REPORTING.source, 'gi');

/** Where a sentence passes on someone's words: the end of its first word of reporting used as a verb, or -1. */
function reportingAt(text: string): number {
  for (const m of text.matchAll(REPORTING_ALL)) {
    const end = m.index! + m[0].length;
    if (!NOUN_OR_VERB.test(m[0])) return end;
    const before = /([\p{L}\d][\p{L}\d,.]*)\W*$/u.exec(text.slice(Math.max(0, m.index! - 30), m.index!))?.[1] ?? '';
    const after = /^\W*(\p{L}+)/u.exec(text.slice(end, end + 20))?.[1] ?? '';
    if (!NOUN_BEFORE.test(before.replace(/[.,]$/, '')) && !NOUN_AFTER.test(after)) return end;
  }
  return -1;
}

/** Whether a sentence passes on someone's words: a word of reporting used as a verb. */
const reporting = (s: Statement) => reportingOf(s) >= 0;
/** reportingAt of a statement's text, kept with the statement. */
const reportingOf = (s: Statement) => (s.reportAt ??= reportingAt(s.text));
/** A statement's text with its quotations blanked (see unquoted), kept with the statement. */
const unquotedOf = (s: Statement) => (s.plain ??= unquoted(s.text));

/** Capitalised words that name a time or start a sentence, not a source. */
const NOT_SOURCE =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|A|An|In|On|At|But|And|Last|This|Earlier|Later|Then|After|Before)$/;

/**
 * Whom a sentence credits with a quotation the engine found no speaker for: "the City Hospital issued a statement
 * saying the mayor "underwent surgery on his knee"" quotes the hospital. The quotation must open after the word of
 * reporting and hold the words shared with the other sentence; the source is the name before that word.
 */
function quotedFrom(s: Statement, other: Statement): string | null {
  if (!s.quoted) return null;
  const at = reportingOf(s);
  if (at < 0) return null;
  const open = s.text.slice(at).search(/[“"]/);
  if (open < 0 || open > 60) return null;
  const quote = fold(s.text.slice(at + open));
  const words = sharedWords(s, other);
  const inside = words.filter(w => quote.includes(w)).length;
  if (inside < 3 || inside * 4 < words.length * 3) return null;
  const runs = s.text.slice(0, at).match(/\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*/gu) ?? [];
  const name = runs
    .map(r =>
      r
        .split(/\s+/)
        .filter(w => !NOT_SOURCE.test(w))
        .join(' '),
    )
    .filter(r => r.length > 1)
    .pop();
  return name ?? null;
}

/**
 * Whether a statement crediting nobody quotes words the other prints as its source's (a run of them, within quotation
 * marks in both): it passes on that source's words too ("The scholars faulted his “rationale for gutting programs”"
 * / "The letter argues that he used it as a “rationale for gutting programs”"), whoever each names beside them.
 */
function quotesToo(x: Statement, y: Statement): boolean {
  // (Quotations of a word or two are mostly names of things, titles of shows: “This Week”.)
  return x.quotes.some(
    q => q.length > QUOTED_RUN && y.quotes.some(r => r.length > QUOTED_RUN && sharesRun(st(q), st(r), QUOTED_RUN)),
  );
}
const QUOTED_RUN = 2;

/**
 * Whether a statement names a person by the title the other gives them ("the president recommended …" against
 * "President Mora called for …"): "the" and the very title, with nothing between ("the former president" is another).
 */
function titlesSpeaker(s: Statement, other: Statement, speaker: string): boolean {
  if (!person(speaker)) return false;
  const surname = nameKey(speaker).split(' ').pop()!;
  const t = TITLED.exec(fold(unquoted(other.text)).replace(new RegExp(`\\b${surname}\\b.*`), ''));
  if (!t) return false;
  const title = TITLE_WORDS[t[1]] ?? t[1];
  return new RegExp(`\\bthe\\s+${title}\\b`).test(fold(unquoted(s.text)));
}
/** A title right before a name (up to two given names between): what ends the text before the surname. */
const TITLED =
  /\b(president|vice president|governor|gov|senator|sen|representative|rep|mayor|secretary|speaker|chairman|chairwoman|judge|justice|attorney general|prime minister|chancellor|sheriff)\.?\s+(?:[\p{L}.'’-]+\s+){0,2}$/u;
const TITLE_WORDS: Record<string, string> = { gov: 'governor', sen: 'senator', rep: 'representative' };

/** First person outside quotation marks: the sentence is someone's words (a quotation going on), not the outlet's. */
const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|we|we're|we’re|my|our|us|me)\b/;
const speaks = (s: Statement) => FIRST_PERSON.test(s.text.replace(/“[^”]*”|"[^"]*"/g, ''));

/** Descriptions of sources without a name that still say who speaks. */
const GROUP =
  /\b(?:anonymous|sources?|officials?|analysts?|experts?|critics?|aides?|people|residents|witnesses|police|doctors|lawmakers|authorities|investigators|prosecutors|researchers|scientists|economists|diplomats|observers|spokes(?:man|woman|person)|advisers?|advocates?|insiders?|unnamed)\b/;

const NUMBER_ONLY =
  /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|both)(?:\s+\p{Ll}+)?$/iu;

/** Whether a speaker label is a name (capitalised words) rather than a description ("Michael Grimm's attorney" is one). */
const named = (v: string) =>
  !/['’]s \p{Ll}/u.test(v) && v.split(' ').filter(w => /^\p{Lu}/u.test(w)).length * 2 > v.split(' ').length;

/** Whether a description names a group of several people ("anonymous sources (2)", "federal prosecutors"). */
const many = (v: string) =>
  /^anonymous sources \((?!1\))/.test(v) ||
  /\b(?:sources|officials|analysts|experts|critics|aides|residents|witnesses|doctors|lawmakers|authorities|investigators|prosecutors|researchers|scientists|economists|diplomats|observers|advisers|advocates|insiders)\b/.test(
    v,
  );

/** Whether a label reads as a person's name (two or three capitalised words, no description). */
const person = (v: string) =>
  /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,2}$/u.test(v) &&
  !/\b(?:News|Times|Post|Press|House|Department|Office|Service|Council|Committee|Court|Party|Government|Ministry|Agency|Police|University|Institute|Group|Reuters|Hospital|Center|Centre|Clinic|Company|Bank|Foundation|Association|Commission|Board|Church|School|College|Museum)\b/.test(
    v,
  );

/** Whether a statement names a speaker, or has "he" or "she" where the statement before it names the person. */
function namesSpeaker(s: Statement, speaker: string): boolean {
  if (!/^\p{Lu}/u.test(speaker) || speaker === 'an unnamed source') return false;
  const words = nameKey(speaker)
    .split(' ')
    .filter(w => w.length > 2 && !ROLE.test(w) && !/^(?:the|of|and|for)$/.test(w));
  if (words.length === 0) return false;
  // A person by the last word of the name; anything else by any of its words that is a name in the statement.
  const keys = person(speaker) ? [words[words.length - 1]] : words;
  const text = (s.nameText ??= ` ${nameKey(unquotedOf(s))} `);
  // (A word of a name in lower case is a common noun there: "the hospital" tells nothing the City Hospital did.)
  const capitalised = (k: string) => /^\p{Lu}/u.test(capitalOf(unquotedOf(s), k));
  if (keys.some(k => (text.includes(` ${k} `) || text.includes(` ${k}s `)) && capitalised(k))) return true;
  return person(speaker) && s.pronoun && s.prevPeople.some(p => nameKey(p).split(' ').pop() === keys[0]);
}

/** Verbs that tell a person's stance, what they are for or against ("opposed", "supports", "has long backed"). */
const STANCE =
  /^(?:oppos(?:e|es|ed)|support(?:s|ed)?|favou?r(?:s|ed)|back(?:s|ed)|reject(?:s|ed)|condemn(?:s|ed)|endors(?:e|es|ed)|objected|objects)$/;
/** Adverbs between a subject and its stance verb ("has long opposed", "also strongly backs"). */
const STANCE_ADVERB = /^(?:has|had|have|long|also|strongly|firmly|publicly|repeatedly|consistently|vehemently|always)$/;

/**
 * Whether a statement tells, in its own voice, a person's stance as a fact: the person by surname as the subject of a
 * stance verb ("Mattis opposed …", "Lind has long backed …"), outside quotation marks. Against a statement crediting
 * the same position to that person's words ("Mattis said he did not believe in …"), one outlet states the stance,
 * the other passes on what the person said of it.
 */
function statesStance(s: Statement, speaker: string): boolean {
  if (!person(speaker)) return false;
  const last = nameKey(speaker).split(' ').pop()!;
  const toks = tokenize(unquotedOf(s)).filter(t => t.word);
  for (let k = 0; k < toks.length - 1; k++) {
    if (nameKey(toks[k].text) !== last || !toks[k].cap) continue;
    let v = k + 1;
    while (v < toks.length && v - k <= 3 && STANCE_ADVERB.test(toks[v].f)) v++;
    if (v < toks.length && STANCE.test(toks[v].f)) return true;
  }
  return false;
}

/** The first word of a text that folds to a key (or its plural), as written; '' when none does. */
function capitalOf(text: string, key: string): string {
  for (const m of text.matchAll(/[\p{L}\p{N}'’.-]+/gu)) {
    const k = nameKey(m[0]);
    if (k === key || k === `${key}s`) return m[0];
  }
  return '';
}

/** Whether a statement's words in a voice are credited outside the sentence (a quotation going on from the one before). */
function creditedElsewhere(s: Statement, voice: number): boolean {
  const x = voice >= 0 ? s.attributions[voice] : undefined;
  if (!x) return false;
  const at = x.cue?.start ?? x.source?.start;
  return at === undefined || at < s.start || at >= s.end;
}

/**
 * Whether two sentences are nearly word for word the same (a passage of someone's words printed by both, one crediting
 * it in the sentence, the other in the sentence before): at least 80% of the shorter one's words in order in the other.
 */
function sameWords(a: Statement, b: Statement): boolean {
  const wa = wordsOf(a).map(t => t.f);
  const wb = wordsOf(b).map(t => t.f);
  const [x, y] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (x.length < 5 || y.length > 4 * x.length) return false;
  // The longest common subsequence, one row at a time.
  let row = new Uint16Array(y.length + 1);
  for (const w of x) {
    const next = new Uint16Array(y.length + 1);
    for (let j = 0; j < y.length; j++) next[j + 1] = w === y[j] ? row[j] + 1 : Math.max(row[j + 1], next[j]);
    row = next;
  }
  return row[y.length] >= 0.8 * x.length;
}

/** Whether each exact figure of a list stands somewhere in the other statement (counting whatever). */
function sameFigures(qs: Quantity[], y: Statement): boolean {
  return qs.every(
    q => q.lo === q.hi && [...y.numbers.values()].some(list => list.some(r => r.lo === q.lo && r.hi === q.hi)),
  );
}

/** Scale words a figure stands before, as the stems its quantity is keyed by. */
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** SCALE[key] ?? 1, kept by key (a word looked up on an object is slow when the word is not one of its keys). */
const SCALES = new Map<string, number>();
function scaleOf(key: string): number {
  let r = SCALES.get(key);
  if (r === undefined) {
    r = SCALE[key] ?? 1;
    if (SCALES.size > 10000) SCALES.clear();
    SCALES.set(key, r);
  }
  return r;
}

/** Whether a statement has a word (a stem) among its features. */
function hasWord(s: Pick<Statement, 'ids'>, w: string): boolean {
  const id = FEATURE_IDS.get(w);
  if (id === undefined) return false;
  let lo = 0;
  let hi = s.ids.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    if (s.ids[m] === id) return true;
    if (s.ids[m] < id) lo = m + 1;
    else hi = m - 1;
  }
  return false;
}

/**
 * Two figures of one thing that differ, found otherwise than by the word after them (see the number check):
 * - the object of one verb ("officials cited dozens of earlier declarations" / "officials cited only two times such
 *   declarations were used"): each statement's only figure after that verb, counting what the other speaks of too;
 * - one series told beside the same figure ("520,000 arrests last year, against 1.6 million in 2000" / "fell to
 *   400,000 last year from 1.6 million in 2000"): both give one exact figure, and one other figure each, of its
 *   order of size, counting the same thing or nothing named.
 */
function otherFigures(a: Statement, b: Statement): [Quantity, Quantity] | null {
  const qa = figuresOf(a);
  const qb = figuresOf(b);
  if (qa.length === 0 || qb.length === 0) return null;
  // The object of one verb.
  for (const x of qa) {
    if (!x.lone) continue;
    let y: Figure | null = null;
    let ys = 0;
    for (const z of qb) if (z.q.verb === x.q.verb && z.key && ys++ === 0) y = z;
    if (ys !== 1 || !y) continue;
    const same = x.thing === y.thing || hasWord(b, x.thing) || hasWord(a, y.thing);
    if (same && quantitiesDiffer([x.q], [y.q])) return [x.q, y.q];
  }
  // One series beside a figure both give, in units ("1.6 million" is 1,600,000, counting what follows the scale word).
  for (const f of qa) {
    const v = f.lo;
    if (!f.exact || v < 10 || !hasExact(qb, v)) continue;
    const x = rest(qa, qb, v);
    const y = x && rest(qb, qa, v);
    if (!x || !y) continue;
    if (x.counts && y.counts && x.counts !== y.counts) continue;
    if (Math.max(x.lo, y.lo) > 10 * Math.min(x.hi, y.hi)) continue;
    if (!(x.lo <= y.hi * 1.0001 && y.lo <= x.hi * 1.0001)) return [x.q, y.q];
  }
  return null;
}

/**
 * A figure of a statement as otherFigures reads it, worked out once per statement (not for each pair): the word it
 * counts (key), its bounds in units (scale words applied), what it counts, whether it is exact, and whether it is its
 * statement's only figure after its verb.
 */
interface Figure {
  key: string;
  q: Quantity;
  lo: number;
  hi: number;
  /** What it counts: its head, or the word it is keyed by. */
  thing: string;
  /** What it counts, a scale word ("million") counting nothing named. */
  counts: string;
  exact: boolean;
  /** It has a verb and a key, and no other figure of its statement has that verb. */
  lone: boolean;
}

/** A statement's figures (see Figure), kept with it. */
function figuresOf(s: Statement): Figure[] {
  if (s.figures) return s.figures;
  const out: Figure[] = [];
  for (const [key, qs] of s.numbers) {
    if (key[0] === PART || key[0] === ZERO) continue;
    for (const q of qs)
      out.push({
        key,
        q,
        lo: q.lo * scaleOf(key),
        hi: q.hi * scaleOf(key),
        thing: q.head ?? key,
        counts: q.head ?? (SCALE[key] ? '' : key),
        exact: q.lo === q.hi,
        lone: false,
      });
  }
  for (const x of out) {
    if (!x.q.verb || !x.key) continue;
    let n = 0;
    for (const z of out) if (z.q.verb === x.q.verb) n++;
    x.lone = n <= 1;
  }
  return (s.figures = out);
}

/**
 * Whether a statement says no member of a group ("none of the X", see quantity.ts) and the other, which speaks of X
 * too, gives a count: asked of two statements' features and counts only, as the pairing has them.
 */
function zeroMayMeet(z: Pick<Statement, 'numbers'>, c: Pick<Statement, 'numbers' | 'ids'>): boolean {
  if (z.numbers.size === 0 || c.numbers.size === 0) return false;
  for (const key of z.numbers.keys()) {
    if (key[0] !== ZERO || c.numbers.has(key) || !speaksOf(c, key.slice(1))) continue;
    for (const [k, qs] of c.numbers) if (k && k[0] !== PART && k[0] !== ZERO && qs.some(q => q.lo >= 1)) return true;
  }
  return false;
}

/** Whether two stems are one noun, its plural in -ies stemmed as the singular is not ("emergenci" / "emergency"). */
const oneNoun = (x: string, y: string) =>
  x === y || (x.endsWith('i') && y === x.slice(0, -1) + 'y') || (y.endsWith('i') && x === y.slice(0, -1) + 'y');
/** Whether a statement has a word, a noun in either number (see oneNoun). */
const speaksOf = (s: Pick<Statement, 'ids'>, w: string) =>
  hasWord(s, w) || (w.endsWith('i') && hasWord(s, w.slice(0, -1) + 'y'));

/** What a count of occasions counts: the times a thing happened ("only two times that such declarations …"). */
const OCCASIONS = new Set(['times', 'occasions', 'instances', 'cases'].map(stem));

/**
 * No member of a group, said in one statement ("none of the emergencies have involved spending money Congress did not
 * approve"), against a count the other gives of the same thing doing the same ("officials cited only two times that
 * such emergency declarations were used to spend money"): a count of that thing, or of the times it happened, in a
 * statement that speaks of it, and at least two words of what the first says of the group (after it) in the other.
 * The zero, the count and the statement giving it; or null.
 */
function zeroAgainstCount(z: Statement, c: Statement): [Quantity, Quantity, Statement] | null {
  if (!zeroMayMeet(z, c) || asks(z.text) || asks(c.text)) return null;
  for (const [key, zs] of z.numbers) {
    if (key[0] !== ZERO) continue;
    const thing = key.slice(1);
    if (!speaksOf(c, thing)) continue;
    // The only exact count in the other, of the thing or of its occasions.
    const counts = figuresOf(c).filter(f => f.exact && f.lo >= 1 && (oneNoun(f.thing, thing) || OCCASIONS.has(f.key)));
    if (counts.length !== 1) continue;
    // What the first says of the group: its words after "none of the X".
    const at = z.text.indexOf(zs[0].text);
    if (at < 0) continue;
    const said = new Set(
      tokenize(z.text.slice(at + zs[0].text.length))
        .filter(t => t.word && !STOP.has(t.f) && t.f.length >= 3)
        .map(t => stem(t.f)),
    );
    const common = sharedWords(z, c).filter(w => !oneNoun(w, thing) && w[0] !== '%' && said.has(w));
    if (common.length >= 2) return [zs[0], counts[0].q, c];
  }
  return null;
}

/** Whether an exact figure of a list is v (in units). */
function hasExact(zs: Figure[], v: number): boolean {
  for (const z of zs) if (z.exact && z.lo === v) return true;
  return false;
}

/**
 * The one figure of xs, other than v, within two orders of size of it, that ys does not give too (null: none, or
 * more than one).
 */
function rest(xs: Figure[], ys: Figure[], v: number): Figure | null {
  let found: Figure | null = null;
  for (const z of xs) {
    if (z.lo === v || !(z.hi >= v / 100) || !(z.lo <= v * 100)) continue;
    let given = false;
    for (const w of ys)
      if (w.lo === z.lo && w.hi === z.hi) {
        given = true;
        break;
      }
    if (given) continue;
    if (found) return null;
    found = z;
  }
  return found;
}

/** A stay told as a length ("would remain in the post for more than three months"): bound, amount, unit. */
const STAY =
  /\b(?:remain|stay|serve|continue|keep|hold)(?:s|ed|ing)?\b[^.;:]{0,40}?\bfor\s+(?:(more than|at least|over|less than|fewer than|under|up to|about|around|roughly|nearly|almost)\s+)?(\d+|[a-z]+)\s+(day|week|month|year)s?\b/i;
const stayOf = (s: Statement) => (s.stay === undefined ? (s.stay = STAY.exec(s.text)) : s.stay);
/** Words that make a date the end of a stay ("his final day will be", "leave on", "until"). */
const END_OF_STAY =
  /\b(?:(?:final|last) day|until|through|leav(?:e|es|ing)|depart(?:s|ing)?|step(?:s|ping)? down|retir(?:e|es|ing)|resign(?:s|ing)?)\b[^.;:]{0,45}$/i;

/**
 * A stay told as a length from a dated event in one statement ("in his letter Thursday he said he would remain for
 * more than three months") against its last day in the other ("his final day will be Feb. 28"): when the end the
 * length gives cannot fall on that day. The length counts from the statement's own date of the event.
 */
function tenure(a: Statement, b: Statement): { a: Statement; says: string; ends: string } | null {
  const m = stayOf(a);
  if (!m) return null;
  const n = /^\d/.test(m[2]) ? Number(m[2]) : numberWord(m[2].toLowerCase());
  const from = a.dateTexts.find(d => /^\d{4}-\d\d-\d\d$/.test(d.value) && !d.named);
  if (!n || !from) return null;
  const end = b.dateTexts.find(
    d =>
      !d.named && /^\d{4}-\d\d(?:-\d\d)?$/.test(d.value) && END_OF_STAY.test(b.text.slice(0, b.text.indexOf(d.text))),
  );
  if (!end || end.value <= from.value) return null;
  const day = (v: string) => Date.parse(v.length === 7 ? `${v}-01` : v) / 864e5;
  const unit = { day: 1, week: 7, month: 30.44, year: 365.25 }[m[3].toLowerCase() as 'day']!;
  const length = n * unit;
  const bound = (m[1] ?? '').toLowerCase();
  const [lo, hi] = /^(?:more than|at least|over)$/.test(bound)
    ? [length, Infinity]
    : /^(?:less than|fewer than|under|up to)$/.test(bound)
      ? [0, length]
      : [length * 0.8 - 7, length * 1.2 + 7];
  // A month without a day ("the end of February") is any of its days.
  const first = day(end.value) - day(from.value);
  const last = end.value.length === 7 ? first + 30 : first;
  if (last >= lo && first <= hi) return null;
  return {
    a,
    says: `has it last ${m[1] ? `${m[1]} ` : ''}${m[2]} ${m[3]}s from “${from.text}” (${from.value})`,
    ends: `ends it “${end.text}” (${end.value})`,
  };
}

/** Whether most of a statement's words are quoted. */
const inQuotes = (s: Statement) => s.quoted;

/** Content words two statements share, as stems. */
function sharedWords(x: Statement, y: Statement): string[] {
  return shared(x.ids, y.ids)
    .filter(id => featureKind(id) === 0)
    .map(id => FEATURE_IDS.name(id));
}

/** Whether a word of a pattern stands within a few words of a word both statements share: it bears on their claim. */
function near(x: Statement, y: Statement, re: RegExp, words = 6, text = x.text): boolean {
  const m = re.exec(text);
  if (!m) return false;
  const toks = wordsOf(x);
  const at = toks.findIndex(t => t.end > m.index);
  const around = toks.slice(Math.max(0, at - words), at + words + 1).map(t => stem(t.f));
  const common = new Set(sharedWords(x, y));
  return around.some(w => common.has(w));
}

/**
 * What a statement's hedge reaches, of the statement alone (kept with it: it is judged against many others): nothing
 * ('none': no hedge, or one that leaves the claim unhedged), the claim around a doubt of confirmation ('near'), or the
 * words it reaches, each as its stem and as written.
 */
type HedgeReach = 'none' | 'near' | { stems: string[]; words: string[] };

function hedgeReachOf(h: Statement): HedgeReach {
  const text = unquotedOf(h);
  const m = HEDGES.exec(text);
  if (!m) return 'none';
  // "could not be confirmed", "unverified": said of a claim before or after it.
  if (/confirm|verif/i.test(m[0])) return 'near';
  // Otherwise the hedge bears on what follows it ("reportedly forwarded", "alleged interference", "allegedly aimed
  // to detain Maduro"), not on the sentence around it ("were reportedly furious that the charges were announced").
  // A hedge on a relation or a reason ("apparently in response to", "reportedly because") leaves the event unhedged.
  const after = tokenize(text.slice(m.index + m[0].length)).filter(t => t.word);
  if (/^(?:in|to|after|for|because|from|over|with|on|at|as|since|amid|due)$/.test(after[0]?.f ?? '')) return 'none';
  // A hedge on what someone meant ("apparently referring to the inquiry into her server") leaves what was meant
  // unhedged: the inquiry is a fact; only the reference is a guess.
  if (/^(?:referring|alluding|responding|reacting|pointing|meaning)$/.test(after[0]?.f ?? '')) return 'none';
  // Its reach is its clause: from the clause's start (its subject: "the radar was reportedly out of service") to where
  // another clause or a reason begins ("were reportedly furious that the charges were announced").
  const BOUND = /^(?:that|because|after|when|while|since|but|although|though|which|who|and)$/;
  const end = after.findIndex(t => BOUND.test(t.f));
  const ahead = after.slice(0, end < 0 ? 6 : Math.min(end, 6));
  const reached = (ts: Token[]) => ({ stems: ts.map(t => stem(t.f)), words: ts.map(t => t.f) });
  // "Alleged" before a noun hedges that noun ("its alleged role in the attacks"), not the clause it stands in.
  if (/^alleged$/i.test(m[0])) return reached(ahead);
  // "Any role that X may have played" names a possibility to rule on, not a claim told with a doubt.
  if (
    /^(?:may|might) have$/i.test(m[0]) &&
    /\bany\s+[\p{L}-]+\s+(?:that|which)\s[^.;:]{0,80}$/iu.test(text.slice(0, m.index))
  )
    return 'none';
  const beforeToks = tokenize(text.slice(0, m.index));
  let from = beforeToks.length;
  while (
    from > 0 &&
    beforeToks.length - from < 8 &&
    !/^[,;:—–(]$/.test(beforeToks[from - 1].text) &&
    !BOUND.test(beforeToks[from - 1].f)
  )
    from--;
  return reached([...beforeToks.slice(from).filter(t => t.word), ...ahead]);
}

/** A hedge that bears on the shared claim ("X reportedly left", not a hedge elsewhere in the sentence). */
function hedgesShared(h: Statement, plain: Statement): boolean {
  let reach = HEDGE_REACHES.get(h);
  if (reach === undefined) HEDGE_REACHES.set(h, (reach = hedgeReachOf(h)));
  if (reach === 'none') return false;
  if (reach === 'near') return near(h, plain, HEDGES, 6, unquotedOf(h));
  const common = new Set(sharedWords(h, plain));
  const names = new Set(
    shared(h.ids, plain.ids)
      .filter(id => featureKind(id) === 2)
      .flatMap(id => FEATURE_IDS.name(id).slice(1).split(' ')),
  );
  for (let k = 0; k < reach.stems.length; k++) if (common.has(reach.stems[k]) || names.has(reach.words[k])) return true;
  return false;
}

/**
 * What a statement claims in a voice (see sameclaim.ts): the main clause of what the attribution credits the source
 * with, or, in the article's own voice, the whole sentence but its descriptions set off by commas.
 */
function claimOf(s: Statement, voice: number): ClaimWords {
  // (Kept with the statement, by voice: a statement is judged against many others.)
  let kept = CLAIMS.get(s);
  if (!kept) CLAIMS.set(s, (kept = []));
  const k = voice + 1;
  let r = kept[k];
  if (r) return r;
  const x = voice >= 0 ? s.attributions[voice] : undefined;
  const from = x ? Math.max(x.content.start, s.start) - s.start : 0;
  const to = x ? Math.min(x.content.end, s.end) - s.start : 0;
  r =
    to > from
      ? claimWords(s.text, { from, to }, true, STOP, stem)
      : claimWords(s.text, { from: 0, to: s.text.length }, false, STOP, stem);
  for (const w of r.words)
    if (!w.verb && !w.anchor && inArticleOf(s, w.key) >= TOPIC) (r.topic ??= new Set()).add(w.key);
  kept[k] = r;
  return r;
}
/** In how many statements of its article a noun stands when it is the story's topic (see ClaimWords.topic). */
const TOPIC = 3;

/** In how many statements of a statement's article a word (a stem) stands, when the statement has it. */
function inArticleOf(s: Statement, w: string): number {
  const id = FEATURE_IDS.get(w);
  if (id === undefined) return 0;
  let lo = 0;
  let hi = s.ids.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    if (s.ids[m] === id) return s.inArticle?.[m] ?? 0;
    if (s.ids[m] < id) lo = m + 1;
    else hi = m - 1;
  }
  return 0;
}
const CLAIMS = new WeakMap<Statement, ClaimWords[]>();

/** Whether a hedge's clause ("Abedin reportedly forwarded the emails") tells the claim the other states. */
function hedgedClaim(h: Statement, plain: Statement): boolean {
  let clause = HEDGED_CLAUSES.get(h);
  if (clause === undefined) {
    // (Of the hedged statement alone: kept for it, as it is judged against many others.)
    const m = HEDGES.exec(unquotedOf(h));
    HEDGED_CLAUSES.set(h, (clause = m ? clauseWords(h.text, m.index, STOP, stem) : null));
  }
  if (!clause) return true;
  return sameClaim(clause, claimOf(plain, -1));
}
/**
 * What each hedged statement's hedge reaches (see hedgeReachOf), and the words of the clause it hedges (see
 * hedgedClaim): kept by statement, outside it (few statements hedge; statements keep one shape, see statementsOf).
 */
const HEDGE_REACHES = new WeakMap<Statement, HedgeReach>();
const HEDGED_CLAUSES = new WeakMap<Statement, ClaimWords | null>();

/** Words telling that a source spoke to an outlet named by its kind ("she told the newspaper"). */
const TOLD_OUTLET =
  /\b(?:told|tells|telling|(?:said|spoke|speaking|talked) to)\s+(?:the|a|that)\s+(?:newspaper|paper|outlet|network|magazine|station|website|publication|broadcaster)\b/i;

/** Hedges that pass on a report ("reportedly", "according to reports"). */
const REPORTED = /\b(?:reportedly|according to (?:news |media |press )?reports)\b/i;
/** A statement naming the report it passes on: "as first reported by X", "the article said", "according to a report". */
const REPORT_NAMED =
  /\b(?:(?:first|originally|earlier) reported by|according to (?:a|an|the) (?:[\p{L}-]+ ){0,2}(?:report|article|story)|the (?:article|report|story) (?:said|says|reported|found))\b/iu;

/**
 * Words that keep a statement short of stating a claim as fact (a possibility, an expectation, an accusation):
 * beside the shared words of a hedged statement, the other hedges too.
 */
const SOFT =
  /\b(?:may|might|could|possibl[ey]|possibility|likely|unlikely|whether|expected|appears?|appeared|seems?|seemed|suggest(?:s|ed|ing)?|accus(?:e|es|ed|ing)|alleg(?:e|es|ed|ing|ation|ations))\b/i;

export interface Disagreement {
  kind: ConflictKind;
  explanation: string;
  confidence: number;
}

/**
 * What a kind of disagreement takes off the confidence: who said it differs for many reasons besides disagreement
 * (a source named in one place and not another), and a quotation is often trimmed or tidied without changing it.
 */
const ATTRIBUTION_DOUBT = 0.05;
const REWORDED_DOUBT = 0.15;
/** What a figure (a number, a date) in the part two statements share adds to an attribution conflict. */
const ATTRIBUTED_FIGURE = 0.15;

/** Rare words (or their weight in commoner ones) two statements share when they surely say the same thing. */
const RARE_WORDS = 2.3;

/** The most any kind of disagreement adds to how surely two statements say the same thing. */
const MAX_BONUS = 0.15;

interface Judge {
  minConfidence: number;
  names: string[];
  maxIdf: number;
  labelOf: (x: Attribution) => string | null;
  merger: SpeakerMerger;
  idf: Float64Array;
  /** Each article's publication date, when known. */
  published: (string | null)[];
  /** Each article's persons: the given-name initials of each surname (see events.ts). */
  initials: Map<string, Set<string>>[];
}

/** Disagreements about what two statements tell of one event (its date, whether it happened): see events.ts. */
const BY_EVENT = new WeakSet<Disagreement>();
const eventMade = (d: Disagreement, yes: boolean) => (yes && BY_EVENT.add(d), d);

/** Attribution conflicts over a count of one thing both give as figures that meet (see oneCount). */
const BY_COUNT = new WeakSet<Disagreement>();

/**
 * Whether two statements give one count of one thing, as figures that meet, at least one of them exact ("at least 30
 * national emergencies" / "31 of those emergencies"): what they count, not the words around it, makes them one claim.
 */
function oneCount(a: Pick<Statement, 'numbers'>, b: Pick<Statement, 'numbers'>): boolean {
  if (a.numbers.size === 0 || b.numbers.size === 0) return false;
  return countsOfOneThing(a.numbers, b.numbers, true, stem) !== null;
}

/** How surely two statements telling one event of one person, about one thing, say the same thing at least. */
const EVENT_LIKENESS = 0.3;
/** How surely two statements giving one count of one thing, in figures that meet, say the same thing at least. */
const COUNT_LIKENESS = 0.35;

/**
 * An event of one person that statement x credits to a source (the event is in the content of one of its
 * attributions) and y tells in its own voice, done, unhedged: x and the source's name, or null. The source named in
 * y too is a chain of reports (y tells where x's source got it), unless the source is the doer telling of their own
 * act ("Trump said he is declaring …" / "Trump declared …").
 */
function creditedEvent(x: Statement, y: Statement, j: Judge): [Statement, string] | null {
  if (!x.attributions.length || y.hedged || !sameEvent(x, y, j)) return null;
  const given = givenNames(x, y, j);
  for (const e of x.events)
    for (const f of y.events) {
      if (e.cls !== f.cls || f.modality !== 'done' || e.modality !== 'done' || !sameActor(e, f, given)) continue;
      if (y.attributions.some(t => f.start >= t.content.start && f.start < t.content.end)) continue;
      // Nor passed on in y by words of reporting just before it that no attribution was found for ("a report that
      // said Mattis had quit"). (Its own verb may be one: "McConnell warned Mr. Trump" tells what he did.)
      const lead = tokenize(y.text.slice(0, f.start - y.start)).filter(w => w.word);
      if (
        reportingAt(
          lead
            .slice(-6)
            .map(w => w.text)
            .join(' '),
        ) >= 0
      )
        continue;
      // What the source says is the event: its verb opens the content ("that Mattis had quit", "he is declaring"),
      // not a clause further on ("… even as he signs a funding package", "the act, which he signed").
      const t = x.attributions.find(
        t =>
          e.start >= t.content.start &&
          e.start < t.content.end &&
          tokenize(t.content.text.slice(0, e.start - t.content.start)).filter(w => w.word).length <= 4,
      );
      if (!t) continue;
      const label = j.labelOf(t);
      const v = label ? j.merger.get(label) : 'an unnamed source';
      if (NUMBER_ONLY.test(v) || (/^\p{Ll}/u.test(v) && v.split(' ').length > 5)) continue;
      const own = !!label && nameKey(v).split(' ').pop() === e.actor;
      if (!own && namesOf(v).some(w => !STOP.has(w) && conduit(w, foldedOf(y)))) continue;
      return [x, v];
    }
  return null;
}

/** How many given names (by initial) the persons of a surname have in two statements' articles. */
const givenNames = (a: Statement, b: Statement, j: Judge) => (surname: string) => {
  const x = j.initials[a.doc].get(surname);
  const y = j.initials[b.doc].get(surname);
  return new Set([...(x ?? []), ...(y ?? [])]).size;
};

/** Whether two statements tell one event of one person ("!class surname") and share a word besides. */
function sameEvent(a: Statement, b: Statement, j: Judge): boolean {
  if (!a.events.length || !b.events.length) return false;
  let word = false;
  for (const id of shared(a.ids, b.ids)) {
    if (featureKind(id) === 0 && FEATURE_IDS.charAt(id, 0) !== PERCENT) word = true;
  }
  return word && oneEvent(a.events, b.events, givenNames(a, b, j));
}

const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** How surely two statements say the same thing, from how their contents overlap (see disagreement). */
const likeness = (o: Overlap) =>
  clamp(
    (0.45 * Math.min(1, o.weight / RARE_WORDS) + 0.45 * o.containment + 0.05 * Math.min(o.anchors, 2)) *
      Math.min(1, o.weight),
  );

/**
 * Whether figures of two statements count different things (see countsOtherThings), or one is the other rounded (see
 * roundedAlike): each pair of them does.
 */
function otherThings(a: Statement, qa: Quantity[], b: Statement, qb: Quantity[]): boolean {
  for (const x of qa)
    for (const y of qb) {
      const fx = figOf(a, x);
      const fy = figOf(b, y);
      if (!(countsOtherThings(fx, fy) || (fx.exact && fy.exact && roundedAlike(fx.written, fy.written)))) return false;
    }
  return true;
}
/** A figure of a statement as countsOtherThings and roundedAlike read it, kept by its quantity (of one statement's text). */
const FIGS = new WeakMap<Quantity, ReturnType<typeof figOfNew>>();
const figOf = (s: Statement, q: Quantity) => {
  let f = FIGS.get(q);
  if (!f || f.text !== s.text) FIGS.set(q, (f = figOfNew(s, q)));
  return f;
};
const figOfNew = (s: Statement, q: Quantity) => ({
  text: s.text,
  at: Math.max(0, s.text.indexOf(q.text)),
  value: (q.lo + q.hi) / 2,
  percent: /%|\bper ?cent/i.test(q.text),
  exact: q.lo === q.hi,
  written: { text: q.text, value: q.lo },
});

/** Whether a statement that does not hedge tells the claim it shares with a hedged one as its own fact (see notAsFact). */
function toldAsFact(plain: Statement, h: Statement, voice: number): boolean {
  // Someone's quoted words, credited in its sentence: passed on, as the hedged one passes it on. (Not any attribution
  // around it: "According to the government, 32 were killed in the raid that captured him" still tells the capture.)
  if (voice >= 0 && plain.quoted) return false;
  const common = new Set(sharedWords(plain, h));
  return !notAsFact(plain.text, w => common.has(stem(fold(w))));
}

/**
 * Whether a statement's hedge is a source's own doubt, told in what the source is reported to have said, after the
 * source and its verb ("Assange said he could not confirm whether …", "officials said it was unclear whether …"): not
 * the outlet's. (An adverb there is mostly the writer's: "the government stated that 32 were killed in a raid that
 * allegedly aimed to …" hedges the raid's aim in the outlet's words.)
 */
function hedgeCredited(h: Statement): boolean {
  const m = HEDGES.exec(unquotedOf(h));
  if (!m || !/confirm|verif|unclear|not (?:immediately )?clear/i.test(m[0])) return false;
  const at = h.start + m.index;
  return h.attributions.some(
    x => !!x.source && !!x.cue && x.cue.end <= at && at >= x.content.start && at < x.content.end,
  );
}

/** Whether the source a statement credits is the executive (see executive): "the White House", "the X administration". */
function speaksForExecutive(s: Statement, i: number): boolean {
  const src = i >= 0 ? s.attributions[i].source : null;
  if (!src) return false;
  const end = src.end - s.start;
  return executive(src.text, s.text.slice(end, end + 20));
}

/**
 * Whether a statement's subject, a pronoun or a description of a person (see standsForSomeone), may stand for the
 * source the other statement credits: "he", "she" or "the senator" for a person, "they" for people (not an outlet or
 * a document: "She sued him" is not Politico's act).
 */
function mayStandFor(s: Statement, v: string): boolean {
  const who = standsForSomeone(s.text);
  if (!who) return false;
  if (who === 'person') return person(v);
  const k = kindOf(v, NO_TYPES);
  return k !== 'outlet' && k !== 'document';
}

/**
 * Whether the source a statement credits is known only by a pronoun (see pronounSource) that the engine could not
 * tie to the subject of the sentence before: a "he" or "she" goes on with whom the sentence before is about (the
 * person it names first: "Strzok exchanged texts that disparaged Trump. He testified …" is Strzok), and a pronoun
 * tied to nobody ("They note …": an unnamed source) tells no source to compare.
 */
function guessed(s: Statement, i: number, v: string | null): boolean {
  if (i < 0 || !pronounSource(s.attributions[i].source)) return false;
  if (v === null || v === 'an unnamed source') return true;
  if (!person(v)) return false;
  const first = s.prevPeople[0];
  return !first || nameKey(first).split(' ').pop() !== nameKey(v).split(' ').pop();
}

// The judging of a pair runs for a hundred thousand pairs and more at each check: disagreement makes no closure and
// no list on its common way (what its steps ask of a statement or of a pair is asked by the functions below), so that
// a check allocates little besides what it reports.

/** The surname of a person's name (its key's last word). */
const surnameKey = (p: string) => nameKey(p).split(' ').pop()!;
/** The surnames of the people a statement names (kept with it). */
const surnamesIn = (s: Statement) => (s.surnames ??= s.people.map(surnameKey));

/** Whether two statements name one person (by surname). */
function sharesSurname(a: Statement, b: Statement): boolean {
  const sa = surnamesIn(a);
  if (!sa.length) return false;
  const sb = surnamesIn(b);
  for (const p of sa) if (sb.includes(p)) return true;
  return false;
}

/** The stay of one person told as a length in one statement and by its last day in the other (see tenure). */
function stayConflict(
  a: Statement,
  b: Statement,
  term: { a: Statement; says: string; ends: string },
  same: number,
  j: Judge,
): Disagreement {
  // Both may tell the stay inside someone's words ("his letter said he would remain"): all their words count; and
  // the stay of one person named in both, told as a length in one and by its last day in the other, is one stay.
  const w = overlapOf(a, contentOf(a, NaN, 0), b, contentOf(b, NaN, 1), j.idf, j.maxIdf);
  return {
    kind: 'date',
    explanation:
      term.a === a
        ? `${j.names[a.doc]} ${term.says}, ${j.names[b.doc]} ${term.ends}`
        : `${j.names[a.doc]} ${term.ends}, ${j.names[b.doc]} ${term.says}`,
    confidence: clamp(Math.max(same, likeness(w)) + 0.45),
  };
}

/** The figures given for one thing, each once ("30 and 32"). */
const figureList = (qs: Quantity[]) => [...new Set(qs.map(q => q.text))].join(' and ');

/** A date within the other's (2009-08-24 in 2009, November 2012 in "last year") is more precise, not different. */
function dateWithin(v: string, ys: string[]): boolean {
  for (const y of ys) if (v.startsWith(y) || y.startsWith(v) || inWeek(v, y) || inWeek(y, v)) return true;
  return false;
}

type DateText = Statement['dateTexts'][number];

/** How many of the words near date e (see withEvents) are near date d too (events only for one event of one person). */
function nearInCommon(e: DateText, d: DateText, ev: boolean): number {
  let n = 0;
  for (const w of e.near) if (d.near.includes(w) && (ev || (w[0] !== '%' && w[0] !== '!'))) n++;
  return n;
}

/** Words before a date that date anything ("on", "in"): the same one before two dates says nothing of what they date. */
const ANY_DATE = /^(?:on|in|at|of|the|a|by)$/;

/**
 * The dates of x that disagree with one of y's about what they date (see disagreement): not a date of the telling,
 * not naming an event, not within one of y's, not written as one of y's, and beside words that one of y's dates has
 * beside it too (two of them, or one when both date it the same way).
 */
function datedAgainst(x: Statement, y: Statement, ev: boolean): DateText[] {
  if (x.dateTexts.length === 0) return NO_DATES;
  let out: DateText[] | null = null;
  for (const d of x.dateTexts) {
    if (d.telling || d.named || dateWithin(d.value, y.dates)) continue;
    let written = false;
    for (const e of y.dateTexts)
      if (e.text === d.text) {
        written = true;
        break;
      }
    if (written) continue;
    for (const e of y.dateTexts) {
      if (e.telling || e.named) continue;
      if (nearInCommon(e, d, ev) >= (d.before && d.before === e.before && !ANY_DATE.test(d.before) ? 1 : 2)) {
        (out ??= []).push(d);
        break;
      }
    }
  }
  return out ?? NO_DATES;
}

/** Whether two statements give one date value in common. */
function sharesDate(a: Statement, b: Statement): boolean {
  for (const d of a.dates) if (b.dates.includes(d)) return true;
  return false;
}

/** Two statements dating what they tell differently (ta, tb: their dates that disagree, see datedAgainst), or null. */
function datesConflict(
  a: Statement,
  b: Statement,
  ta: DateText[],
  tb: DateText[],
  ev: boolean,
  same: number,
  sameAct: number,
  j: Judge,
): Disagreement | null {
  const sameMonth = ta.some(x =>
    tb.some(y => x.value.slice(0, 7) === y.value.slice(0, 7) && (x.value.length < 10 || y.value.length < 10)),
  );
  if (sameMonth) return null;
  const list = (ds: typeof ta) => ds.map(d => `“${d.text}” (${d.value})`).join(', ');
  // Both dating it the same way ("since …", "on …") is a sign they date the same thing.
  // So is dating one event of one person in both ("will be leaving … on January 1" / "would be retiring at the
  // end of February": see withEvents).
  const byEvent = ev && ta.some(x => x.near.some(w => w[0] === '!' && tb.some(y => y.near.includes(w))));
  const alike = byEvent || ta.some(x => x.before && tb.some(y => y.before === x.before));
  // Years apart, the two dates are rarely of one event ("quit this week" / "the first to quit since 1980").
  const years = Math.min(
    ...ta.flatMap(x => tb.map(y => Math.abs(Number(x.value.slice(0, 4)) - Number(y.value.slice(0, 4))))),
  );
  // Days next to each other are mostly two steps of one story ("urged on Wednesday", "passed on Thursday").
  const day = (v: string) => (v.length === 10 ? Date.parse(v) / 864e5 : NaN);
  const adjacent = ta.some(x => tb.some(y => Math.abs(day(x.value) - day(y.value)) === 1));
  // Read on basil (23 listed, none real): two dates in one story's statements are mostly of two events, unless
  // both date it the same way.
  return eventMade(
    {
      kind: 'date',
      explanation: `${j.names[a.doc]} dates it ${list(ta)}, ${j.names[b.doc]} ${list(tb)}`,
      confidence: clamp(
        (byEvent ? sameAct : same) + (alike ? 0.15 : -0.2) - (years > 1 ? 0.3 : 0) - (adjacent ? 0.25 : 0),
      ),
    },
    byEvent,
  );
}

/** Whether the source a statement credits (voice i) is an outlet. */
const creditsOutlet = (x: Statement, i: number, j: Judge) =>
  i >= 0 && kindOf(j.merger.get(j.labelOf(x.attributions[i]) ?? ''), NO_TYPES) === 'outlet';

/**
 * Whether a statement names the report it passes on ("as first reported by the Courier", "the article said"):
 * against "reportedly", both pass on one report.
 */
const namesReport = (x: Statement, i: number, j: Judge) =>
  REPORT_NAMED.test(unquotedOf(x)) ||
  (i >= 0 && /\b(?:article|report|story)\b/i.test(j.labelOf(x.attributions[i]) ?? ''));

/** Whether something done was done in a month before `pub` (the month the expecting article was written). */
function doneBefore(dn: Statement, pub: string): boolean {
  for (const v of dn.dates) if (v.slice(0, 7) < pub.slice(0, v.length)) return true;
  return false;
}

/** Whether two statements quote versions of one remark (see versionsOfOne) with a run of four words in common. */
function quotesShareRun(a: Statement, b: Statement): boolean {
  for (const x of a.quotes) for (const y of b.quotes) if (sharesRun(x, y, 4) && versionsOfOne(x, y)) return true;
  return false;
}

/** Whom a statement credits (voice i): the source as the workspace names it, "an unnamed source", or null (its own voice). */
function creditedTo(s: Statement, i: number, j: Judge): string | null {
  if (i < 0) return null;
  const l = j.labelOf(s.attributions[i]);
  return l ? j.merger.get(l) : 'an unnamed source';
}

/** A speaker label that names nobody (a number, a clause taken for a name) is no attribution to compare. */
const soundSpeaker = (v: string | null) =>
  v === null ||
  (!(NUMBER_ONLY.test(v) || (/^\p{Ll}/u.test(v) && v.split(' ').length > 5)) && (/\p{Lu}/u.test(v) || GROUP.test(v)));

/** Whether a statement tells what a source did: a person by name, anything else by its whole name. */
const tellsOfSource = (x: Statement, v: string) => (person(v) ? namesSpeaker(x, v) : fold(x.text).includes(fold(v)));

/** A quotation nobody is credited with in its sentence is still someone's words, not the outlet's statement. */
const unknownVoice = (v: string | null, x: Statement) => v === null && (inQuotes(x) || speaks(x));

/**
 * Whether a source is named in a statement as its conduit (by its names, not a word like "the" that opens one: "The
 * Post" is no conduit wherever "the report" stands).
 */
const namedAsConduit = (v: string | null, x: Statement) => !!v && namesOf(v).some(w => !STOP.has(w) && conduitIn(w, x));

/** A claim someone "reportedly" made, against an outlet credited by the other: the report one passes on unnamed. */
const reportedByOutlet = (x: Statement, other: string | null) =>
  !!other && REPORTED.test(unquotedOf(x)) && !!other && kindOf(other, NO_TYPES) === 'outlet';

/**
 * Whether a source is the very outlet that printed an article named d ("The Times reported …" against the Times' own
 * article; an article is named "Outlet (path)" where two share an outlet).
 */
const printedBy = (v: string | null, d: string) => !!v && outletKey(v) === outletKey(printerOf(d));
/** An article's name without the path that tells two of one outlet apart, kept for the names met again. */
const PRINTERS = new Map<string, string>();
function printerOf(d: string): string {
  let r = PRINTERS.get(d);
  if (r === undefined) {
    if (PRINTERS.size > 50000) PRINTERS.clear();
    PRINTERS.set(d, (r = d.replace(/ \(.*\)$/, '')));
  }
  return r;
}

/** A name as an outlet's key ("The Times" and "Times" one), kept for the names met again (asked for many pairs). */
const OUTLET_KEYS = new Map<string, string>();
function outletKey(name: string): string {
  let k = OUTLET_KEYS.get(name);
  if (k === undefined) {
    k = nameKey(name).replace(/^the /, '');
    if (OUTLET_KEYS.size > 50000) OUTLET_KEYS.clear();
    OUTLET_KEYS.set(name, k);
  }
  return k;
}

/** A source who "told the newspaper" against an outlet credited with it: the outlet one names by its kind. */
const toldAnOutlet = (x: Statement, other: string | null) =>
  TOLD_OUTLET.test(unquotedOf(x)) && !!other && kindOf(other, NO_TYPES) === 'outlet';

/** How many unnamed sources a label counts ("anonymous sources (two)"), or undefined. */
const sourcesCounted = (v: string | null) => (v ? /^anonymous sources \((\w+)\)$/.exec(v)?.[1] : undefined);

/** Whether a statement's attribution i is a demand ("called on Trump to cancel", "urged lawmakers to"). */
const demandIn = (s: Statement, i: number) => i >= 0 && DEMAND.test(s.attributions[i].cue?.text ?? '');

/** Whether a source is an outlet. */
const anOutlet = (v: string | null) => !!v && kindOf(v, NO_TYPES) === 'outlet';

/** Whether a statement's attribution i is a pledge ("promised", "vowed"). */
const pledgeIn = (s: Statement, i: number) => i >= 0 && PLEDGE.test(s.attributions[i].cue?.text ?? '');

/** Whether a statement names a person (by key). */
function namesPersonOf(x: Statement, p: string): boolean {
  const k = nameKey(p);
  for (const q of x.people) if (nameKey(q) === k) return true;
  return false;
}

/** The people x names that y names too (inside: true) or does not (false). */
function peopleAlso(x: Statement, y: Statement, inside: boolean): string[] {
  return x.people.filter(p => namesPersonOf(y, p) === inside);
}

/**
 * A pronoun in one statement beside a name both give, where the other names someone else beside it ("she and Hugo
 * Chávez" / "Nicolás Maduro and Hugo Chávez"): the two name different people in one role. Or null.
 */
function pronounConflict(
  a: Statement,
  b: Statement,
  onlyA: string[],
  onlyB: string[],
  both: string[],
  same: number,
  j: Judge,
): Disagreement | null {
  const [more, fewer] = onlyA.length ? [a, b] : [b, a];
  const extra = onlyA.length ? onlyA : onlyB;
  const names = extra.join(', ');
  // Surest when the pronoun stands beside a shared name where the other names someone beside it ("she and
  // Hugo Chávez" / "Nicolás Maduro and Hugo Chávez"): the two name different people in one role.
  const last = (p: string) =>
    fold(p)
      .split(' ')
      .pop()!
      .replace(/[^a-z]/g, '');
  const beside = (text: string, x: string, y: string) =>
    new RegExp(
      `\\b${x}\\b[^.;:]{0,40}?\\b(?:and|or)\\s+[^.;:]{0,30}?\\b${y}\\b|\\b${y}\\b[^.;:]{0,40}?\\b(?:and|or)\\s+[^.;:]{0,30}?\\b${x}\\b`,
    ).test(fold(text));
  const coordinated = both.some(
    p => beside(fewer.text, '(?:she|he)', last(p)) && extra.some(q => beside(more.text, last(q), last(p))),
  );
  // Otherwise the pronoun is mostly someone the other names too, in a sentence before (read on basil: none real).
  if (!coordinated) return null;
  return {
    kind: 'entity',
    explanation: `${j.names[more.doc]} names ${names} where ${j.names[fewer.doc]} has someone else (a pronoun)`,
    confidence: clamp(same + 0.05),
  };
}

/**
 * The clause of x that negates words it shares with y, or undefined. The negation must stand next to a shared word
 * ("did not sign the bill"), not elsewhere in the clause.
 */
function negatedClause(x: Statement, y: Statement): string | undefined {
  if (!x.negated) return undefined;
  let common: string[] | null = null;
  for (const n of negationsOf(x)) {
    common ??= sharedWords(x, y);
    let inClause = 0;
    for (const w of common) if (n.folded.includes(w)) inClause++;
    if (inClause < 2) continue;
    // What it negates must be what both tell: "did not apologize for statements" negates no "tried to back up that
    // statement".
    if (n.head !== undefined && common.includes(n.head)) return n.clause;
  }
  return undefined;
}

function disagreement(a: Statement, b: Statement, j: Judge): Disagreement | null {
  const da = j.names[a.doc];
  const db = j.names[b.doc];
  const ia = voiceIndex(a, b);
  const ib = voiceIndex(b, a);
  const o = overlapOf(a, contentOf(a, ia, 0), b, contentOf(b, ib, 1), j.idf, j.maxIdf, JUDGED);
  // How surely the two say the same thing: enough rare words in common (topic words count little), most of the
  // shorter one's content in the other, names, numbers or dates in common.
  // Less than one rare word's weight in common says little however much of the shorter statement it is.
  const same = likeness(o);
  // One event of one person told in both, about one thing, is one claim however much else each sentence says: what
  // they tell of that event (when, whether done) is compared at that likeness. (Not figures: those count other things.)
  const over = a.events.length && b.events.length ? overtaken(a.events, b.events) : null;
  // (Asked once for the pair: what follows asks it again.)
  const eventOfOne = sameEvent(a, b, j);
  const sameAct = Math.max(same, eventOfOne || over ? EVENT_LIKENESS : 0);
  // (Only a statement telling a stay can be one: asked first, as it is kept with the statement.)
  const term = (stayOf(a) || stayOf(b)) && sharesSurname(a, b) ? (tenure(a, b) ?? tenure(b, a)) : null;
  if (term) return stayConflict(a, b, term, same, j);
  // Too unlike to be listed whatever they disagree about (no kind adds more than MAX_BONUS): not worth the reading.
  // (Unless they give one count of one thing, see oneCount, or one says none of a group the other counts, see
  // zeroAgainstCount.)
  let counts: boolean | undefined;
  let zero: ReturnType<typeof zeroAgainstCount> | undefined;
  const zeroOf = () => (zero === undefined ? (zero = zeroAgainstCount(a, b) ?? zeroAgainstCount(b, a)) : zero);
  if (sameAct + MAX_BONUS < j.minConfidence && !(counts = oneCount(a, b)) && !zeroOf()) return null;
  // News of different days about different people first tells different events (see otherParticipants).
  const days = publicationDays(j.published);
  if (Math.abs(days[a.doc] - days[b.doc]) >= OTHER_DAYS && otherParticipants(surnamesIn(a), surnamesIn(b))) return null;
  const quoted = quotation(a, b);
  // One quotation printed by both, word for word: they agree, whoever each names as its speaker.
  if (quoted === 'same') return null;
  // Numbers on the same thing.
  // (By its keys, each looked up: no entry made for each of the figures of each pair.)
  for (const word of a.numbers.keys()) {
    const qa = a.numbers.get(word)!;
    // (A part of a group, "four of the sources", is no count of the group, nor of another part.)
    const qb = word && word[0] !== PART && word[0] !== ZERO ? b.numbers.get(word) : undefined;
    if (!qb || !quantitiesDiffer(qa, qb)) continue;
    // Both give the same figures ("the No. 2 job … No. 3 position" / "the No. 2 position … the No. 3 spot"): they
    // pair them with different words, not different figures.
    if (sameFigures(qa, b) && sameFigures(qb, a)) continue;
    if (otherThings(a, qa, b, qb)) continue;
    return {
      kind: 'number',
      explanation: `${da} gives ${figureList(qa)}, ${db} ${figureList(qb)}`,
      confidence: clamp(same + 0.15),
    };
  }
  if (zeroOf()) {
    const [none, count, c] = zero!;
    const [ta, tb] = c === b ? [none.text, count.text] : [count.text, none.text];
    const d: Disagreement = {
      kind: 'number',
      explanation: `${da} gives ${ta}, ${db} ${tb}`,
      confidence: clamp(Math.max(same, COUNT_LIKENESS) + 0.15),
    };
    BY_COUNT.add(d);
    return d;
  }
  const figures = otherFigures(a, b);
  if (figures && !otherThings(a, [figures[0]], b, [figures[1]]))
    return {
      kind: 'number',
      explanation: `${da} gives ${figures[0].text}, ${db} ${figures[1].text}`,
      confidence: clamp(same + 0.15),
    };
  // Dates of the same event: dates that disagree, each beside words the other's date has beside it too (what they date):
  // two of them at least, or one when both date it the same way ("since …"; read on basil: one word in common was
  // mostly the story's topic, "urged on Wednesday to change the state's bill" / "on Thursday the state's assembly").
  // A date of the telling ("said on Saturday", "a statement issued Friday") is when the news came out, not when the
  // event happened: outlets writing on different days date it differently without disagreeing.
  // The same words ("June 28") resolved to two values by articles published on different days are one date.
  // (Events near the dates count only for one event of one person: see withEvents.)
  const ta = datedAgainst(a, b, eventOfOne);
  const tb = datedAgainst(b, a, eventOfOne);
  if (ta.length && tb.length && !sharesDate(a, b)) {
    const c = datesConflict(a, b, ta, tb, eventOfOne, same, sameAct, j);
    if (c) return c;
  }
  // Hedged in one, stated in the other. (Credited to an outlet in the other is not stated: "X reportedly claimed" /
  // "the Post reported that X".) "Reportedly" is "according to a report": against a statement that names its report
  // ("as first reported by the Courier", "the article said"), both pass on one report.
  if (a.hedged !== b.hedged) {
    const h = a.hedged ? a : b;
    const plain = a.hedged ? b : a;
    const ip = a.hedged ? ib : ia;
    if (
      !creditsOutlet(plain, ip, j) &&
      !(REPORTED.test(unquotedOf(h)) && namesReport(plain, ip, j)) &&
      hedgesShared(h, plain) &&
      !near(plain, h, SOFT) &&
      !asks(a.text) &&
      !asks(b.text) &&
      !hedgeCredited(h) &&
      toldAsFact(plain, h, ip) &&
      hedgedClaim(h, plain)
    ) {
      const word = HEDGES.exec(h.text)?.[0] ?? 'a hedge';
      return {
        kind: 'hedge',
        explanation: `${j.names[h.doc]} hedges it (“${word}”); ${j.names[plain.doc]} states it as fact`,
        confidence: clamp(same),
      };
    }
  }
  // One event of one person that one tells as expected ("is expected to approve the bill") and the other as done
  // ("signed the spending deal"), about one thing (a word in common besides the event).
  const status = expectedAgainstDone(a.events, b.events, givenNames(a, b, j));
  if (status && eventOfOne) {
    const ex = status.first === 'a' ? a : b;
    const dn = status.first === 'a' ? b : a;
    // (Done in a month before the expecting article was written, it is an earlier event: "last month Trump signed a
    // stopgap bill". A day or two before is mostly the news itself, told by an outlet writing a day later.)
    const pub = j.published[ex.doc]?.slice(0, 7);
    if (!(pub && doneBefore(dn, pub)))
      return eventMade(
        {
          kind: 'hedge',
          explanation: `${j.names[ex.doc]} expects it (“${clip(status.expected.text, 30)}”); ${j.names[dn.doc]} reports it done (“${clip(status.done.text, 30)}”)`,
          confidence: clamp(sameAct + MAX_BONUS),
        },
        true,
      );
  }
  // An event one expects with no doer ("the plan is expected to face a legal challenge") and the other reports done
  // by someone ("a rights group filed suit"): the forecast is overtaken.
  if (over && !status) {
    const ex = over.first === 'a' ? a : b;
    const dn = over.first === 'a' ? b : a;
    return eventMade(
      {
        kind: 'hedge',
        explanation: `${j.names[ex.doc]} expects it (“${clip(over.expected.text, 30)}”); ${j.names[dn.doc]} reports it done (“${clip(over.done.text, 30)}”)`,
        confidence: clamp(sameAct + MAX_BONUS),
      },
      true,
    );
  }
  // One event of one person credited to a source in one ("Sources told the paper that Mattis had quit", "he warned
  // Trump, according to the Post", "Trump said he is declaring") and told as fact in the other ("Mattis resigned").
  const credited = creditedEvent(a, b, j) ?? creditedEvent(b, a, j);
  if (credited) {
    const x = credited[0];
    const y = x === a ? b : a;
    return eventMade(
      {
        kind: 'attribution',
        explanation: `${j.names[x.doc]} credits it to ${credited[1]}, ${j.names[y.doc]} states it as fact`,
        // (As sure as one event of one person told in both: who tells it is what differs.)
        confidence: clamp(sameAct + MAX_BONUS),
      },
      true,
    );
  }
  // The same quotation in other words.
  // The same words quoted differently: a long run in common, or two quotations that say much the same.
  if (
    quoted === 'reworded' ||
    (quoted === null && inQuotes(a) && inQuotes(b) && o.containment >= 0.5 && quotesShareRun(a, b))
  ) {
    return {
      kind: 'other',
      explanation: `${da} and ${db} quote it in different words`,
      confidence: clamp(same - REWORDED_DOUBT),
    };
  }
  // Attributed differently: stated as fact against credited to a source, or credited to two different sources.
  let va = creditedTo(a, ia, j);
  let vb = creditedTo(b, ib, j);
  // A quotation passed on from a source the engine found no attribution for, against the same words stated as fact.
  if (va === null && vb === null) {
    const pa = b.quotes.length || reporting(b) ? null : quotedFrom(a, b);
    const pb = a.quotes.length || reporting(a) ? null : quotedFrom(b, a);
    // (Unless the other tells what that source did: a person by name, anything else by its whole name.)
    if (pa && !tellsOfSource(b, pa)) va = pa;
    else if (pb && !tellsOfSource(a, pb)) vb = pb;
  }
  // Each credits someone, and one's source is named in the other's sentence too ("BuzzFeed, citing two officials" /
  // "two officials told BuzzFeed"): one chain of sources, each outlet crediting a link of it. So is a claim someone
  // "reportedly" made against the outlet that reported it, one crediting the very outlet that printed the other, and
  // a source who "told the newspaper" against an outlet credited with it.
  const chain =
    va !== null &&
    vb !== null &&
    (namedAsConduit(va, b) ||
      namedAsConduit(vb, a) ||
      reportedByOutlet(a, vb) ||
      reportedByOutlet(b, va) ||
      printedBy(va, db) ||
      printedBy(vb, da) ||
      toldAnOutlet(a, vb) ||
      toldAnOutlet(b, va));
  // Unnamed sources counted differently ("two sources" / "multiple sources" / "11 sources") are not one set of sources.
  const counted =
    sourcesCounted(va) !== undefined && sourcesCounted(vb) !== undefined && sourcesCounted(va) !== sourcesCounted(vb);
  // A statement naming the very speaker the other credits (by name, or as "he" or "she" after a sentence naming them)
  // tells what that speaker did or said ("Obama urged lawmakers …" / "He tweaked House Republicans …"): it credits
  // the speaker too.
  // "Stated as fact" by a sentence that passes on someone's words ("a report that said …", "Records released showed")
  // is not stated as fact: it credits someone too.
  // A demand credited to someone ("X called on Trump to cancel", "urged lawmakers to") is an act the other reports
  // too ("Democrats pressured Trump to cancel"), not a claim one states as fact and the other credits.
  // A claim hedged ("allegedly", "reportedly") against an outlet credited with it is one report told twice.
  // A pledge credited to someone against a statement of fact: the fact is not what they pledged.
  const about =
    demandIn(a, ia) ||
    demandIn(b, ib) ||
    (vb === null && pledgeIn(a, ia)) ||
    (va === null && pledgeIn(b, ib)) ||
    (va === null && a.hedged && anOutlet(vb)) ||
    (vb === null && b.hedged && anOutlet(va)) ||
    (va === null && reporting(a)) ||
    (vb === null && reporting(b)) ||
    (va === null && vb !== null && quotesToo(a, b)) ||
    (vb === null && va !== null && quotesToo(b, a)) ||
    (va === null && vb !== null && namesSpeaker(a, vb) && !statesStance(a, vb)) ||
    (va === null && vb !== null && titlesSpeaker(a, b, vb)) ||
    (vb === null && va !== null && titlesSpeaker(b, a, va)) ||
    (vb === null && va !== null && namesSpeaker(b, va) && !statesStance(b, va)) ||
    (va === null && creditedElsewhere(b, ib) && sameWords(a, b)) ||
    (vb === null && creditedElsewhere(a, ia) && sameWords(a, b)) ||
    (va === null && vb !== null && mayStandFor(a, vb)) ||
    (vb === null && va !== null && mayStandFor(b, va)) ||
    // (A record one credits it to, named in the other as what shows it, is the other's source too.)
    (va === null && vb !== null && showsSource(unquotedOf(a), vb)) ||
    (vb === null && va !== null && showsSource(unquotedOf(b), va)) ||
    // (A question left open, "announces whether he will run", is no claim stated as fact.)
    (va === null && vb !== null && near(a, b, OPEN_QUESTION)) ||
    (vb === null && va !== null && near(b, a, OPEN_QUESTION)) ||
    // (A doubt or a hope credited to someone is their stance, not the claim of fact the other tells.)
    (vb === null && ia >= 0 && stance(a.attributions[ia].content.text)) ||
    (va === null && ib >= 0 && stance(b.attributions[ib].content.text));
  if (
    !chain &&
    !about &&
    (counted || !sameSpeaker(va, vb)) &&
    soundSpeaker(va) &&
    soundSpeaker(vb) &&
    !unknownVoice(va, a) &&
    !unknownVoice(vb, b) &&
    !(speaksForExecutive(a, ia) && speaksForExecutive(b, ib)) &&
    !guessed(a, ia, va) &&
    !guessed(b, ib, vb) &&
    !asks(a.text) &&
    !asks(b.text)
  ) {
    // One claim told two ways, or one count of one thing (what they count makes them one claim, see oneCount): one
    // outlet's figure credited and the other's not.
    const oneClaim = sameClaim(claimOf(a, va === null ? -1 : ia), claimOf(b, vb === null ? -1 : ib));
    const count = (va === null) !== (vb === null) && o.figures === 0 && (counts ?? oneCount(a, b));
    if (oneClaim || count) return attributionConflict(a, b, va, vb, count, same, o, da, db);
  }
  // Other people named in it: (only where one has a pronoun: without one, nothing below is asked).
  if (a.pronoun || b.pronoun) {
    const onlyA = peopleAlso(a, b, false);
    const onlyB = peopleAlso(b, a, false);
    const both = peopleAlso(a, b, true);
    if (both.length && ((onlyA.length && b.pronoun && !onlyB.length) || (onlyB.length && a.pronoun && !onlyA.length))) {
      const c = pronounConflict(a, b, onlyA, onlyB, both, same, j);
      if (c) return c;
    }
  }
  // Negated in one only.
  const na = negatedClause(a, b);
  const nb = negatedClause(b, a);
  if (!na !== !nb && !(na ? b : a).negated && !asks(a.text) && !asks(b.text)) {
    const neg = na ? a : b;
    const pos = na ? b : a;
    const clause = na ? na : nb!;
    // (One telling that something is still to be decided, "announces whether he will seek a second term", asserts
    // neither way: no denial to set against it.)
    if (near(pos, neg, OPEN_QUESTION)) return null;
    // Read on basil (17 listed, none real): a negation beside shared words is mostly about something else ("did not
    // apologize for statements" / "tried to back up that statement"), so it is listed only when the bar is lowered.
    return {
      kind: 'negation',
      explanation: `${j.names[neg.doc]} negates it (“${clip(clause.trim(), 70)}”), ${j.names[pos.doc]} does not`,
      confidence: clamp(same - 0.35),
    };
  }
  return null;
}

/** Two statements crediting one claim differently (see disagreement): its explanation and confidence. */
function attributionConflict(
  a: Statement,
  b: Statement,
  va: string | null,
  vb: string | null,
  count: boolean,
  same: number,
  o: Overlap,
  da: string,
  db: string,
): Disagreement {
  const say = (d: string, v: string | null) => (v ? `${d} credits it to ${v}` : `${d} states it as fact`);
  // A count of one thing, one outlet's figure credited and the other's not: as sure as one event of one person.
  let confidence = count ? Math.max(same, COUNT_LIKENESS) : same;
  // A description against a name may be one person ("the state's attorney general" / "John Suthers").
  // (Not a group against one person's name: "two officials" are never "Jane Roe".)
  if (va && vb && named(va) !== named(vb) && !(many(named(va) ? vb : va) && person(named(va) ? va : vb)))
    confidence -= 0.3;
  // Two people each saying much the same thing both said it (an opinion voiced twice), and two quoted sources
  // likewise; what they disagree about is not who said it.
  else if (va && vb && ((person(va) && person(vb)) || inQuotes(a) || inQuotes(b))) confidence -= 0.25;
  // A quotation against the outlet's own account: an opinion voiced, against a fact reported, is rarely one claim.
  else if ((va === null) !== (vb === null) && inQuotes(va === null ? b : a) && !inQuotes(va === null ? a : b))
    confidence -= 0.15;
  // The same figure (an amount, a count) in the words both give: one outlet states as fact what the other credits
  // to a source. (Two sources giving one figure agree on it.)
  // So is a count of one thing that both give as figures that meet ("at least 30 emergencies" / "31 of those
  // emergencies").
  if ((va === null) !== (vb === null) && (o.figures > 0 || count)) confidence += ATTRIBUTED_FIGURE;
  const d: Disagreement = {
    kind: 'attribution',
    explanation: `${say(da, va)}, ${say(db, vb)}`,
    confidence: clamp(confidence - ATTRIBUTION_DOUBT),
  };
  if (count) BY_COUNT.add(d);
  return d;
}

/** A clause of a statement that holds a negation: the clause, folded, and the stems of the four words after the negation. */
interface Negation {
  clause: string;
  folded: string;
  after: string[];
  /** What is negated: the first word after the negation but auxiliaries and adverbs ("did not apologize"). */
  head: string | undefined;
}

/** Stems of the words between a negation and what it negates ("has not yet been reported"). */
const NEGATED_AUX = new Set(
  [
    'be',
    'been',
    'being',
    'have',
    'had',
    'do',
    'yet',
    'ever',
    'even',
    'also',
    'previously',
    'always',
    'just',
    'only',
  ].map(w => stem(w)),
);

/**
 * The clauses of a statement (split at commas, semicolons, colons and dashes) that hold a negation, in order, each with
 * what disagreement reads of it: worked out once per statement, not for each pair (see negatedClause).
 */
function negationsOf(x: Statement): Negation[] {
  if (x.negations) return x.negations;
  const out: Negation[] = [];
  for (const clause of x.text.split(/[,;:—–]/)) {
    if (!NEGATION.test(factual(clause))) continue;
    const m = NEGATION.exec(factual(clause))!;
    const after = tokenize(clause.slice(m.index))
      .filter(t => t.word)
      .slice(1, 5)
      .map(t => stem(t.f));
    out.push({ clause, folded: fold(clause), after, head: after.find(w => !NEGATED_AUX.has(w)) });
  }
  return (x.negations = out);
}

/** Similarity from which a matched pair joins a claim even when neither statement chose the other first. */
const SAME_CLAIM = 0.25;
/** Statements scored against each statement at most (copies of a wire story can otherwise be thousands). */
const MAX_CANDIDATES = 40;
/** Feature numbers, kept across checks (the vocabulary of the articles seen), and each one's kind. */
const FEATURE_IDS = new Vocabulary();
/**
 * Each feature's kind, in the low bits of its tags (0: a word, 1: a number or date, 2: a name), and its marks above
 * them, read for every pair judged (not its name's first letter): EVENT_FEATURE, FIGURE_FEATURE.
 */
const KIND_BITS = 3;
const featureKind = (id: number) => FEATURE_IDS.tags[id] & KIND_BITS;
const featureFlags = (id: number) => FEATURE_IDS.tags[id] >> 2;
/** The last words of names ("@scalise"), and each name feature's (by feature number): what marks a story. */
const LAST_WORDS = new Vocabulary();
let LAST_WORD_OF = new Int32Array(1024);
const BANG = 0x21; // !
const PERCENT = 0x25; // %
const GREATER = 0x3e; // >
/** An event ("%class", "!class doer": see events.ts). */
const EVENT_FEATURE = 1;
/** A number ("#…"). */
const FIGURE_FEATURE = 2;

function featureIds(features: Set<string>): Int32Array {
  const out = new Int32Array(features.size);
  let k = 0;
  for (const feature of features) {
    let id = FEATURE_IDS.get(feature);
    if (id === undefined) {
      // (Its characters are copied into the vocabulary: no view of an article's text is kept.)
      const f = feature;
      const flags = f[0] === '%' || f[0] === '!' ? EVENT_FEATURE : f[0] === '#' ? FIGURE_FEATURE : 0;
      const kind = f.startsWith('@') ? 2 : f.startsWith('#') || f.startsWith('~') || f.startsWith('!') ? 1 : 0;
      FEATURE_IDS.set(f, (id = FEATURE_IDS.size), kind | (flags << 2));
      if (kind === 2) {
        const last = '@' + f.split(' ').pop();
        let k = LAST_WORDS.get(last);
        if (k === undefined) LAST_WORDS.set(last, (k = LAST_WORDS.size));
        if (id >= LAST_WORD_OF.length) {
          const more = new Int32Array(2 * (id + 1));
          more.set(LAST_WORD_OF);
          LAST_WORD_OF = more;
        }
        LAST_WORD_OF[id] = k;
      }
    }
    out[k++] = id;
  }
  return out.sort();
}

/** The numbers in both of two sorted lists. */
function shared(x: Int32Array, y: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] < y[j]) i++;
    else if (x[i] > y[j]) j++;
    else {
      out.push(x[i]);
      i++;
      j++;
    }
  }
  return out;
}

/**
 * An article's statements made small (a check holds hundreds of thousands of them at once): their feature numbers
 * and counts (inArticle) are views of one buffer per article, and so are their voices, not two or three buffers of
 * their own each; an empty list of numbers or people is the shared one.
 */
function compact(out: Statement[], count: Map<number, number>): void {
  let total = 0;
  let voiced = 0;
  for (const st of out) {
    total += st.ids.length;
    if (st.voices) voiced += st.voices.length;
  }
  const buf = new Int32Array(2 * total);
  const voices = voiced ? new Int16Array(voiced) : null;
  let o = 0;
  let v = 0;
  for (const st of out) {
    const n = st.ids.length;
    const ids = buf.subarray(o, o + n);
    ids.set(st.ids);
    const inArticle = buf.subarray(o + n, o + 2 * n);
    for (let k = 0; k < n; k++) inArticle[k] = count.get(ids[k])!;
    st.ids = ids;
    st.inArticle = inArticle;
    o += 2 * n;
    if (st.voices && voices) {
      const mine = voices.subarray(v, v + st.voices.length);
      mine.set(st.voices);
      v += st.voices.length;
      st.voices = mine;
    }
    if (st.numbers.size === 0) st.numbers = NO_NUMBERS;
    if (st.people.length === 0) st.people = NO_PEOPLE;
    if (st.prevPeople.length === 0) st.prevPeople = NO_PEOPLE;
  }
}

/**
 * Prepares an article for the check now, as crossCheck does when it first meets it (its statements, sampled runs of
 * words and the outlets it cites), and keeps what was prepared for `as`, an analysis that stands for the article's in a
 * compact record (see checkInput.ts): a check of that record finds it ready. Articles prepared in the order they are
 * checked are prepared exactly as crossCheck would prepare them (features are numbered as first met).
 */
export function prepareArticle(a: ArticleInput, as: Analysis = a.analysis, lean = false): void {
  let prepared = PREPARED.get(a.analysis);
  if (!prepared || prepared.text !== a.text)
    prepared = {
      text: a.text,
      statements: statementsOf(a, 0, 0),
      runs: runsOf(a.text),
      origins: originsOf(a.text, a.analysis),
    };
  if (lean && !prepared.lean) prepared = { ...prepared, statements: stubsOf(prepared.statements), lean: true };
  PREPARED.set(as, prepared);
}

/**
 * The outlet through which each attribution of an article cites someone ("told Reuters", "cited in a Reuters report"),
 * an organisation the article names, or undefined: kept by analysis (read once per article, not at each check).
 */
const CONDUITS_OF = new WeakMap<Analysis, (string | undefined)[]>();
function conduitsOf(analysis: Analysis): (string | undefined)[] {
  let r = CONDUITS_OF.get(analysis);
  if (!r)
    CONDUITS_OF.set(
      analysis,
      (r = analysis.attributions.map(x =>
        [
          x.cue?.text.replace(/^(?:told|tells)\s+(?:the\s+)?/i, ''),
          /\b(?:in|by)\s+an?\s+([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)*)\s+report\b/.exec(x.source?.text ?? '')?.[1],
        ].find(c => c && c !== x.cue?.text && analysis.entities.some(e => e.type === 'ORG' && e.text === c)),
      )),
    );
  return r;
}

/** An article's names with their types, each once with the type first given (kept by its entities). */
const TYPES_OF = new WeakMap<Entity[], [string, string][]>();
function typesOf(entities: Entity[]): [string, string][] {
  let r = TYPES_OF.get(entities);
  if (!r) {
    const types = new Map<string, string>();
    for (const e of entities) if (!types.has(e.canonical)) types.set(e.canonical, e.type);
    TYPES_OF.set(entities, (r = [...types]));
  }
  return r;
}

/** The given-name initials of each surname among an article's persons (see Judge.initials), kept by its entities. */
const INITIALS = new WeakMap<Entity[], Map<string, Set<string>>>();
function initialsOf(entities: Entity[]): Map<string, Set<string>> {
  let r = INITIALS.get(entities);
  if (!r)
    INITIALS.set(
      entities,
      (r = initialsBySurname(entities.filter(e => e.type === 'PERSON').map(e => nameKey(e.canonical)))),
    );
  return r;
}

/**
 * An article's statements as stubs (see Stub): their features in one buffer of their own (not beside their counts in
 * the article), no empty list or map of their own, their events and counts kept (the pairing reads them). A check of
 * tens of thousands of articles holds all their statements at once, so.
 */
function stubsOf(statements: Stub[]): Stub[] {
  let total = 0;
  for (const st of statements) total += st.ids.length;
  const buf = new Int32Array(total);
  let o = 0;
  return statements.map(st => {
    const ids = buf.subarray(o, o + st.ids.length);
    ids.set(st.ids);
    o += st.ids.length;
    return {
      i: st.i,
      doc: st.doc,
      start: st.start,
      end: st.end,
      ids,
      dates: st.dates.length ? st.dates : NO_PEOPLE,
      // (Their quantities too: the pairing asks whether two give one count of one thing, see oneCount.)
      numbers: st.numbers.size ? st.numbers : NO_NUMBERS,
      events: st.events.length ? st.events : NO_EVENTS,
    };
  });
}
const NO_EVENTS: EventMention[] = [];
const NO_IDS = new Int32Array(0);
const NO_INITIALS = new Map<string, Set<string>>();

/**
 * The matched pairs (in their order, or by story) with their two statements whole. A lean article's statements are
 * made again from it (the same, numbered as in this check) for the pairs of its story only, and let go with the story:
 * pairs join statements of one story, so the pairs of the articles that pairs link are judged together.
 */
function* wholePairs(
  matched: number[],
  pairA: Int32Array,
  pairB: Int32Array,
  stmts: Stub[],
  docOf: Int32Array,
  docFirst: Int32Array,
  lean: Uint8Array,
  g: Gathered,
  initials: Map<string, Set<string>>[],
): Generator<[number, Statement, Statement]> {
  if (!lean.includes(1)) {
    // Every statement is whole.
    for (const p of matched) yield [p, stmts[pairA[p]] as Statement, stmts[pairB[p]] as Statement];
    return;
  }
  // The articles linked by pairs, as sets (union-find), and the pairs of each set in their order.
  const count = g.docs.length;
  const root = new Int32Array(count);
  for (let d = 0; d < root.length; d++) root[d] = d;
  const find = (d: number): number => {
    while (root[d] !== d) d = root[d] = root[root[d]];
    return d;
  };
  for (const p of matched) root[find(docOf[pairA[p]])] = find(docOf[pairB[p]]);
  const first = new Int32Array(count + 1);
  for (const p of matched) first[find(docOf[pairA[p]]) + 1]++;
  for (let d = 0; d < count; d++) first[d + 1] += first[d];
  const byStory = new Int32Array(matched.length);
  const fill = first.slice(0, count);
  for (const p of matched) byStory[fill[find(docOf[pairA[p]])]++] = p;
  const whole = new Map<number, Statement[]>();
  const at = (i: number): Statement => {
    const d = docOf[i];
    if (!lean[d]) return stmts[i] as Statement;
    let made = whole.get(d);
    if (!made) {
      const a = g.article(d);
      initials[d] = initialsOf(a.analysis.entities);
      whole.set(d, (made = statementsOf(a, d, docFirst[d])));
    }
    return made[i - docFirst[d]];
  };
  for (let r = 0; r < count; r++) {
    if (first[r] === first[r + 1]) continue;
    for (let q = first[r]; q < first[r + 1]; q++) {
      const p = byStory[q];
      yield [p, at(pairA[p]), at(pairB[p])];
    }
    for (const d of whole.keys()) initials[d] = NO_INITIALS;
    whole.clear();
  }
}

/**
 * What a batch check keeps of an article (see checkInput.ts): its statements as stubs, its sampled runs of words, the
 * outlets it says it comes from, and the outlet through which each attribution cites its speaker. Made in the order
 * the articles are checked (features are numbered as first met).
 */
export function leanParts(a: ArticleInput): {
  statements: Stub[];
  runs: Uint32Array;
  origins: string[];
  conduits: (string | undefined)[];
} {
  return {
    statements: stubsOf(statementsOf(a, 0, 0)),
    runs: runsOf(a.text),
    origins: originsOf(a.text, a.analysis),
    conduits: conduitsOf(a.analysis),
  };
}

/** The type of each name (canonical name → type, the first given) by the name's key, as the check reads them. */
export function typesByKey(types: Map<string, string>): Map<string, string> {
  return new Map([...types].map(([c, t]) => [nameKey(c), t]));
}

/** Statements of articles read before, by their analysis (kept only while the analysis is). */
const PREPARED = new WeakMap<
  Analysis,
  { text: string; statements: Stub[]; runs: Uint32Array; origins: string[]; lean?: boolean }
>();
/** Each article's labels of its attributions (see SpeakerResolver.label), valid while the workspace knows the same people as the resolver. */
const LABELS: {
  resolver?: SpeakerResolver;
  /** By article; `generation`: the map's generation its labels were entered in. */
  byAttribution: WeakMap<Analysis, { text: string; labels: (string | null)[]; generation: number }>;
  /** Each attribution's label, for the articles entered in the current generation (see crossCheck). */
  map: Map<Attribution, string | null>;
  generation: number;
} = { byAttribution: new WeakMap(), map: new Map(), generation: 0 };
/** An article's entities sorted by start (the list itself when it is), kept by its list. */
const SORTED = new WeakMap<Entity[], Entity[]>();
/** Partners kept for each statement (its best one in each of the closest articles). */
const MAX_PARTNERS = 8;
