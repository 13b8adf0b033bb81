// Attributed claims: who (source) says (cue) what (content), PARC style.
//
// Shapes handled: “…,” said X / “…,” X said / X said: “…” / a quote that continues the previous speaker's;
// X said (that) …; X told Reuters (that) …; X vowed to …; According to X, …; …, according to X; …, as reported
// by X; …, X said; …, reported Reuters; X, a professor at Y, said …. The content of a paraphrase that holds a
// quoted fragment is `mixed`.

import type { Attribution, AttributionKind, Entity, Span } from './types';
import { DEMONYM_OF, givenNameGender, NUMBER_WORDS, PERSON_TITLES, TITLE_MODIFIERS, US_STATE_ABBREV } from './lexicon';
import { WEEKDAYS } from './dates';
import { fold, type Range, type Token, tokenize } from './text';

/** Verbs that attribute a claim even with a bare clause after them ("said the talks failed"). */
const STRONG = new Set(
  `said says say told tells tell added adds wrote writes stated states noted notes note
  reported reports explained explains argued argues insisted insists warned warns claimed claims asserted asserts
  acknowledged acknowledges emphasized emphasised emphasizes emphasises stressed stresses contended contends
  maintained maintains testified tweeted conceded concedes admitted admits argue`
    .split(/\s+/)
    .filter(Boolean),
);
/** Verbs that attribute only before "that", "to", a colon or a quote ("confirmed that …", "vowed to …"). */
const WEAK = new Set(
  `confirmed confirms denied denies announced announces vowed vows vow pledged pledges pledge
  promised promises threatened threatens alleged alleges declared declares predicted predicts estimated estimates
  observed recalled urged urges agreed agrees disclosed discloses revealed reveals assured assures signalled
  signaled hinted hints cautioned cautions posted replied responded countered complained complains suggested suggests
  suggest indicates indicated indicate contend insist maintain acknowledge provided`
    .split(/\s+/)
    .filter(Boolean),
);
/**
 * What a document found: cues only with "that" after them and a document as their subject ("The audit found that …",
 * "a study by the council concluded that …"); "police found that the door was open" is what they saw.
 */
const FINDINGS = new Set(['found', 'finds', 'concluded', 'concludes', 'showed', 'shows']);
const DOCUMENT_NOUNS = new Set(
  `report study poll survey audit review investigation analysis inquiry research probe memo assessment census
  reports studies polls surveys audits reviews investigations analyses`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a document noun heads the clause before token i ("The audit by the state found"), within a few words. */
function documentBefore(toks: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    if (!toks[k].word) return false;
    if (DOCUMENT_NOUNS.has(toks[k].f)) return true;
  }
  return false;
}

/** Cue words that are also plural nouns ("four states", "news reports"): cues only before "that", a colon or a quote. */
const NOUNISH = new Set(['states', 'reports', 'claims', 'notes']);
/**
 * Participles that attribute a claim to the subject of the clause they hang on ("…, saying the drug flows
 * freely"); the first group also with a bare clause, the others only before "that", "to", a colon or a quote.
 */
const PARTICIPLES = new Set(
  `saying adding noting claiming insisting arguing asserting stating explaining contending
  maintaining writing tweeting`
    .split(/\s+/)
    .filter(Boolean),
);
const WEAK_PARTICIPLES = new Set(
  `telling reminding warning acknowledging suggesting declaring confirming predicting
  announcing vowing pledging promising revealing complaining`
    .split(/\s+/)
    .filter(Boolean),
);
/** Directives with an object and an infinitive ("asked the court to strike it down", "urged him not to go"). */
const DIRECTIVES = new Set([
  'asked',
  'asks',
  'ask',
  'asking',
  'urged',
  'urges',
  'urge',
  'urging',
  'called',
  'calls',
  'calling',
  'call',
]);
/** "accused X of Y-ing". */
const ACCUSE = new Set(['accused', 'accuses', 'accuse', 'accusing']);
/** Small clauses: "called X Y"; "identified X as Y" and the like. */
const CALL = new Set(['called', 'calls', 'call', 'calling']);
const AS_VERBS = new Set(
  `identified identifies described describes characterized characterizes characterised condemned
  condemns portrayed portrays labeled labelled branded`
    .split(/\s+/)
    .filter(Boolean),
);
/** Cues only beside a quotation: “…,” he continued; “…?” asked X. */
const QUOTE_ONLY = new Set(['continued', 'continues', 'asked', 'asks']);
const FINITE = new Set([
  'is',
  'are',
  'was',
  'were',
  'am',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'must',
  'may',
  'might',
  'do',
  'does',
  'did',
  "isn't",
  "wasn't",
  "won't",
]);
const AUX = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am']);
const SKIP_BEFORE_CUE = new Set(
  `has have had is was were will would also has already publicly privately repeatedly
  previously later earlier recently then again once further reportedly allegedly separately similarly reiterated
  officially openly long likewise jointly himself herself themselves itself`
    .split(/\s+/)
    .filter(Boolean),
);
/** Last words that end organisations' and programmes' names, never a person's. */
const NOT_A_PERSON_END =
  /\s(?:Conference|Committee|Commission|Council|Department|Agency|Bureau|Administration|Association|Institute|University|College|Hospital|Center|Foundation|Party|Caucus|Security|Act|Court|Service|Office|Network)$/;
/** Words before a noun that do not say which one it is ("the", "his", "new"). */
const NOT_A_MODIFIER =
  /^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|new|first|last|same|other|such|any|each|every|no|whose|which|what|one|own|entire|whole|latest|second|final|for|of|to|in|on|at|by|with|from|and|or|but|as|is|was|were|be|been|said|says|than|about|into|after|before)$/;

/** A capitalised name around a word, back from its start and on after its end (tested only where the word stands). */
const NAME_BEFORE = /(?:\p{Lu}[\p{L}'’.-]*\s+(?:(?:and|of|for)\s+)?){1,4}$/u;
const NAME_AFTER = /^(?:\s+(?:of\s+)?\p{Lu}[\p{L}'’.-]*){0,3}/u;

/**
 * What "the <noun>" stands for in the 2,000 characters before it: the last capitalised name with that word outside
 * a headline ("the Constitution's Supremacy Clause" → "Supremacy Clause"), else the last "<word> <noun>" ("Mr.
 * Trump’s emergency declaration" → "emergency declaration"); null when neither is there. Looks only where the noun is.
 */
function thingNamed(text: string, at: number, noun: string): string | null {
  const from = Math.max(0, at - 2000);
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  for (let i = text.lastIndexOf(Noun, at - 1), n = 0; i >= from && n < 8; i = text.lastIndexOf(Noun, i - 1), n++) {
    const end = i + Noun.length;
    if (/[\p{L}]/u.test(text[end] ?? '') || !/\s/.test(text[i - 1] ?? '')) continue;
    const lead = NAME_BEFORE.exec(text.slice(Math.max(from, i - 80), i));
    if (!lead || inHeadline(text, i)) continue;
    const tail = NAME_AFTER.exec(text.slice(end, Math.min(at, end + 60)))![0];
    // Within its sentence ("… Center. In" is not a name), past an owner and an article.
    const name = (lead[0] + Noun + tail).split(/(?<=\p{Ll}{2}\.)\s+/u).find(part => part.includes(Noun));
    if (name)
      return name
        .split(/['’]s\s+/)
        .pop()!
        .replace(/^(?:The|A|An)\s+/, '')
        .replace(/(?<=\p{Ll}{2})\.$/u, '');
  }
  for (
    let i = text.lastIndexOf(` ${noun}`, at - 1), n = 0;
    i >= from && n < 8;
    i = text.lastIndexOf(` ${noun}`, i - 1), n++
  ) {
    const end = i + 1 + noun.length;
    if (/[\p{L}]/u.test(text[end] ?? '')) continue;
    const m = /(?:^|[^\p{L}-])(\p{Ll}[\p{Ll}-]+)$/u.exec(text.slice(Math.max(from, i - 30), i));
    if (m && !NOT_A_MODIFIER.test(m[1]) && !/ly$/.test(m[1])) return `${m[1]} ${noun}`;
  }
  return null;
}

/** Whether the line around an offset reads as a headline: short, nearly every word capitalised. */
function inHeadline(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  if (end - start > 160) return false;
  const words = text.slice(start, end).match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
  return words.length > 0 && words.filter(w => /^\p{Lu}/u.test(w)).length / words.length > 0.6;
}
/** Nouns ending in -ly, not adverbs: "members of the assembly said". */
const LY_NOUNS = new Set(
  'assembly family ally supply rally monopoly anomaly reply bully italy july homily panoply oligopoly'.split(' '),
);
const NEGATION = new Set(['not', "n't", 'never', 'neither', 'nor', 'no']);
const BLOCK_BEFORE_CUE = new Set([
  'the',
  'a',
  'an',
  'to',
  'of',
  'its',
  'their',
  'his',
  'her',
  'this',
  'that',
  'these',
  'own',
  'those',
  'in',
  'on',
  'for',
  'with',
  'by',
  'as',
  'our',
  'my',
  'your',
]);
const CLAUSE_CONJ = new Set([
  'though',
  'although',
  'while',
  'but',
  'and',
  'whereas',
  'as',
  'because',
  'since',
  'however',
  'yet',
  'so',
  'even',
]);
/** Words that open a clause of their own inside a sentence ("… for an hour while she insisted …"). */
const SUBORDINATORS = new Set(['while', 'because', 'although', 'though', 'whereas', 'when']);
const TAIL_STARTS = new Set([
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'last',
  'this',
  'earlier',
  'later',
  'by',
  'from',
  'via',
  'when',
  'while',
  'in',
  'late',
  'early',
  'yesterday',
  'today',
  'recently',
  'adding',
  'citing',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const TOLD_OBJECTS = new Set([
  'reporters',
  'journalists',
  'lawmakers',
  'me',
  'us',
  'him',
  'her',
  'them',
  'parliament',
  'congress',
  'supporters',
  'the',
]);
/** Nouns that can head a source ("a senior official", "two sources", "Cuba’s government"). */
const SOURCE_HEADS = new Set(
  `source sources official officials spokesman spokeswoman spokesperson analyst analysts
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
  party company firm bank insiders insider executive executives director chief figures data study survey poll
  office campaign team letter memo complaint lawsuit suit filing document documents declaration proclamation guidance
  clause article book tweet release indictment ruling editor editors advocates supporters opponents proponents sheriffs
  agencies allies voters`
    .split(/\s+/)
    .filter(Boolean),
);

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
    if (toks[mid].start < at) lo = mid + 1;
    else hi = mid;
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
  if (b - a > max) {
    if (fromEnd) a = b - max;
    else b = a + max;
  }
  work += b - a;
  return all.slice(a, b);
}

/** A paragraph without any of these cannot hold an attribution. */
/** Every word that can start a cue. */
const CUE_WORDS = new Set([
  ...STRONG,
  ...WEAK,
  ...PARTICIPLES,
  ...WEAK_PARTICIPLES,
  ...DIRECTIVES,
  ...ACCUSE,
  ...AS_VERBS,
  ...QUOTE_ONLY,
  ...FINDINGS,
  'expressed',
  'according',
  'as',
  'reported',
  'went',
]);
/** A sentence without one of these has no cue ("as reported by" has "reported"; "as quoted by", "as cited by" theirs). */
const SENTENCE_CUES = new Set([...CUE_WORDS, 'quoted', 'cited'].filter(w => w !== 'as'));
const MAY_ATTRIBUTE = new RegExp(`["“”]|\\b(?:${[...SENTENCE_CUES].join('|')})\\b`, 'i');

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
  // A quotation that began in the paragraph before closes in this one: “…, Trump tweeted.” It runs from the
  // paragraph's start (the mark one before it) when its first mark closes and a cue follows.
  let first = true;
  const orphan = (i: number) => {
    if (ORPHAN_CUE.test(text.slice(i + 1, Math.min(para.end, i + 80)))) all.push({ open: para.start - 1, close: i });
  };
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
      if (top) {
        all.push({ open: top.at, close: i });
        stack.pop();
      } else if (first) orphan(i);
    } else if (top && !top.curly) {
      all.push({ open: top.at, close: i });
      stack.pop();
    } else {
      const before = i > para.start ? text[i - 1] : ' ';
      const after = i + 1 < para.end ? text[i + 1] : ' ';
      const closing = !/[\s([—–]/.test(before) && /[\s,.;:!?)\]—–-]/.test(after);
      if (top && closing) {
        all.push({ open: top.at, close: i });
        stack.pop();
      } else if (!top && closing && first) orphan(i);
      else if (stack.length < MAX_QUOTE_DEPTH) stack.push({ at: i, curly: false });
    }
    first = false;
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

const ORPHAN_CUE =
  /^[,.!?]?\s+(?:[\w.'’-]+\s+){0,5}(?:said|says|tweeted|wrote|writes|added|adds|told|tells|continued|explained|insisted|argued|noted|posted)\b/;

const NO_QUOTES: Quotes = { all: [], outer: [] };

/** Is the offset inside a quotation (between its marks)? */
function inQuote(qs: Quotes, at: number): boolean {
  const o = qs.outer;
  if (o.length === 0) return false;
  let lo = 0;
  let hi = o.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (o[mid].open < at) lo = mid + 1;
    else hi = mid;
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
  /** How the content hangs on the cue (see buildParaphrase). */
  shape: 'plain' | 'participle' | 'directive' | 'accuse' | 'call' | 'as' | 'quote';
  /** A participle hanging on a clause ("…, urging X to …"): the source is that clause's. */
  ing?: boolean;
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
    if (!t.word || !CUE_WORDS.has(t.f)) continue;
    const f = t.f;
    if (f === 'according' && toks[i + 1] && toks[i + 1].f === 'to' && !inQuote(quotes, t.start)) {
      out.push({
        start: t.start,
        end: toks[i + 1].end,
        after: i + 2,
        at: i,
        phrase: 'according',
        strong: true,
        shape: 'plain',
      });
      i++;
      continue;
    }
    if (
      f === 'as' &&
      toks[i + 2] &&
      /^(reported|quoted|cited|stated)$/.test(toks[i + 1].f) &&
      toks[i + 2].f === 'by' &&
      !inQuote(quotes, t.start)
    ) {
      out.push({
        start: t.start,
        end: toks[i + 2].end,
        after: i + 3,
        at: i,
        phrase: 'reportedby',
        strong: true,
        shape: 'plain',
      });
      i += 2;
      continue;
    }
    const prev = toks[i - 1];
    const participle =
      (PARTICIPLES.has(f) ||
        WEAK_PARTICIPLES.has(f) ||
        f === 'accusing' ||
        f === 'urging' ||
        f === 'calling' ||
        f === 'asking') &&
      !(prev && prev.word && (AUX.has(prev.f) || SKIP_BEFORE_CUE.has(prev.f)));
    const special =
      DIRECTIVES.has(f) || ACCUSE.has(f) || AS_VERBS.has(f) || QUOTE_ONLY.has(f) || f === 'expressed' || f === 'went';
    let strong = STRONG.has(f) || PARTICIPLES.has(f);
    const finding = FINDINGS.has(f) && toks[i + 1]?.f === 'that' && documentBefore(toks, i);
    if (!strong && !WEAK.has(f) && !finding && !special && !participle && !WEAK_PARTICIPLES.has(f)) continue;
    if (inQuote(quotes, t.start)) continue;
    if (t.cap && insideName(names, t)) continue; // part of a name: "United States"
    if (prev && prev.word && BLOCK_BEFORE_CUE.has(prev.f)) continue;
    if (prev && prev.word && NEGATION.has(prev.f)) continue;
    // A passive ("he was told to lie", "were asked", "is accused of") makes the subject the addressee, not the source.
    if (prev && prev.word && AUX.has(prev.f) && prev.f !== 'being' && (/ed$/.test(f) || f === 'told' || f === 'said'))
      continue;
    const nx = toks[i + 1];
    // "states"/"reports" after a count or an adjective are nouns; as verbs they want "that", a colon or a quote.
    // After a name or a pronoun, with a clause after it, the word is a verb: "the firm claims its books are sound".
    if (f === 'provided' && nx?.f !== 'that') continue; // "provided “useful information”"
    if (
      NOUNISH.has(f) &&
      !(nx && (nx.f === 'that' || nx.text === ':' || nx.text === '“' || nx.text === '"')) &&
      !(
        prev &&
        (PRONOUNS.has(prev.f) || (prev.cap && NUMBER_WORDS[prev.f] === undefined)) &&
        nx &&
        nx.word &&
        !FINITE.has(nx.f) &&
        nx.f !== 'to' &&
        !/ed$/.test(nx.f)
      )
    )
      continue;
    // "adds more confusion", "added a caveat": add with a nominal object is not speech.
    if (
      /^add(?:s|ed|ing)?$/.test(f) &&
      nx &&
      /^(?:more|less|a|an|another|new|fuel|weight|insult|up|nothing|little|to)$/.test(nx.f)
    )
      continue;
    let shape: Cue['shape'] = participle ? 'participle' : 'plain';
    let end = t.end;
    let after = i + 1;
    if (
      f === 'went' &&
      nx?.f === 'on' &&
      toks[i + 2]?.f === 'to' &&
      /^(?:say|add|note|tell)$/.test(toks[i + 3]?.f ?? '')
    ) {
      // “…,” he went on to say.
      out.push({
        start: t.start,
        end: toks[i + 3].end,
        after: i + 4,
        at: i,
        phrase: 'verb',
        strong: true,
        shape: 'plain',
      });
      i += 3;
      continue;
    }
    if (f === 'went') continue;
    if (f === 'expressed') {
      // "expressed concern that …": the noun is part of the cue.
      if (!(
        nx &&
        /^(?:concern|fear|hope|confidence|worry|doubt|doubts|fears|concerns)$/.test(nx.f) &&
        toks[i + 2]?.f === 'that'
      ))
        continue;
      out.push({ start: t.start, end: nx.end, after: i + 2, at: i, phrase: 'verb', strong: false, shape: 'plain' });
      continue;
    }
    const objectTo = (from: number) => {
      // An object of up to eight tokens, then "(not) to" and a verb: the directive's content.
      for (let k = from + 1; k < Math.min(toks.length - 1, from + 10); k++) {
        if (!toks[k].word && !/^(?:['’]s?|-)$/.test(toks[k].text)) return -1;
        if (toks[k].f === 'to' && toks[k + 1]?.word && !toks[k + 1].cap) return k;
        if (
          toks[k].f === 'that' ||
          toks[k].f === 'for' ||
          toks[k].f === 'about' ||
          toks[k].f === 'if' ||
          toks[k].f === 'whether'
        )
          return -1;
      }
      return -1;
    };
    if (DIRECTIVES.has(f) || ACCUSE.has(f) || CALL.has(f) || AS_VERBS.has(f) || QUOTE_ONLY.has(f)) {
      if (prev && prev.word && AUX.has(prev.f)) continue; // "was asked", "is called"
      if (nx && (nx.f === 'for' || nx.f === 'off' || nx.f === 'up')) continue; // "called for", "called off"
      if (
        (f === 'called' || f === 'calls' || f === 'calling' || f === 'call') &&
        nx?.f === 'on' &&
        objectTo(i + 1) > 0
      ) {
        out.push({
          start: t.start,
          end: nx.end,
          after: i + 2,
          at: i,
          phrase: 'verb',
          strong: false,
          shape: 'directive',
        });
        i++;
        continue;
      }
      if (DIRECTIVES.has(f) && nx && nx.word && !CALL.has(f) && objectTo(i) > i + 1) shape = 'directive';
      else if (ACCUSE.has(f) && accusedOf(toks, i)) shape = 'accuse';
      else if (CALL.has(f) && calledXY(toks, i, quotes)) shape = 'call';
      else if (AS_VERBS.has(f) && asComplement(toks, i) > 0) shape = 'as';
      else if (/^describ/.test(f) && nx && /^(?:how|what|why)$/.test(nx.f))
        shape = 'as'; // "described how …"
      else if (QUOTE_ONLY.has(f)) shape = 'quote';
      else if (WEAK.has(f) && !CALL.has(f) && !ACCUSE.has(f)) shape = participle ? 'participle' : 'plain';
      else continue;
      strong = false;
    }
    const to =
      nx?.f === 'to' ? (toks[i + 2]?.f === 'the' && toks[i + 3]?.cap ? i + 3 : toks[i + 2]?.cap ? i + 2 : -1) : -1;
    if (/^(?:said|says|say|confirmed|confirms|saying|confirming|explained|explains)$/.test(f) && to > 0) {
      // "said to HuffPost", "confirmed to the Herald": the addressee is part of the cue.
      let j = to;
      while (toks[j + 1] && toks[j + 1].cap && toks[j + 1].start === toks[j].end + 1) j++;
      end = toks[j].end;
      after = j + 1;
    }
    if (
      (f === 'told' || f === 'tells' || f === 'tell' || f === 'telling' || f === 'reminding') &&
      (nx?.text === '"' || nx?.text === '“') &&
      toks[i + 2]?.cap
    ) {
      // told "Fox & Friends.": the programme, quotation marks and all, is the addressee.
      for (let k = i + 2; k < Math.min(toks.length, i + 10); k++) {
        if (toks[k].text === '"' || toks[k].text === '”') {
          end = toks[k].end;
          after = k + 1;
          break;
        }
      }
    } else if (
      (f === 'told' || f === 'tells' || f === 'tell' || f === 'telling' || f === 'reminding') &&
      toks[i + 1]?.word
    ) {
      // "told Reuters", "told reporters", "told the BBC": the object is part of the cue.
      let j = i + 1;
      if (toks[j].f === 'the' && toks[j + 1]?.cap) j++;
      if (toks[j].cap || TOLD_OBJECTS.has(toks[j].f)) {
        while (toks[j + 1] && toks[j + 1].cap && toks[j + 1].start === toks[j].end + 1) j++;
        end = toks[j].end;
        after = j + 1;
      } else {
        // "told a press conference in Accra that …": the content starts after "that".
        for (let k = j; k < Math.min(toks.length, j + 9) && toks[k].word; k++)
          if (toks[k].f === 'that') {
            after = k;
            break;
          }
      }
    }
    // "said anecdotally that …": an adverb between the cue and "that".
    if (after === i + 1 && nx && /ly$/.test(nx.f) && !nx.cap && toks[i + 2]?.f === 'that') after = i + 2;
    // "said in a joint statement that …", "wrote on Monday that …": the content starts after "that".
    // "told NBC News in an interview that …", "said on CNN’s “Morning Show” that …", "told The Times afterward that …".
    if (
      /^(?:in|on|at|during|after|before|to|through|via|from|with|late|early|last|this|earlier|later|afterward|afterwards|privately|publicly|once|again|today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(
        toks[after]?.f ?? '',
      )
    ) {
      for (
        let k = after + 1;
        k < Math.min(toks.length, after + 12) && (toks[k].word || /^(?:\d.*|['’“”"])$/.test(toks[k].text));
        k++
      )
        if (toks[k].f === 'that') {
          after = k;
          break;
        }
    }
    out.push({ start: t.start, end, after, at: i, phrase: 'verb', strong, shape, ing: participle });
  }
  return out;
}

/** "accused [Colorado officials of participating …]": an object of up to eight tokens, "of" and a gerund. */
function accusedOf(toks: Token[], i: number): boolean {
  for (let k = i + 2; k < Math.min(toks.length - 1, i + 11); k++) {
    if (toks[k].f === 'of') return /ing$/.test(toks[k + 1].f);
    if (!toks[k].word && !/^(?:['’]s?|-)$/.test(toks[k].text)) return false;
  }
  return false;
}

/**
 * "called [it “the easy route”]", "called [the plan a gross abuse]": an object, then a quotation or a
 * determiner opening the second noun phrase.
 */
function calledXY(toks: Token[], i: number, quotes: Quotes): boolean {
  const o = toks[i + 1];
  if (!o || !o.word || /^(?:for|on|off|up|out|in|back|to|that|a|an)$/.test(o.f)) return false;
  const pron = /^(?:it|this|that|him|her|them|themselves|himself|herself)$/.test(o.f);
  for (let k = i + 2; k < Math.min(toks.length, i + 9); k++) {
    const t = toks[k];
    if (t.text === '“' || t.text === '"') return k > i + 1 && !inQuote(quotes, t.start);
    if (pron && k === i + 2) return /^(?:a|an|the)$/.test(t.f) || t.cap;
    if (!t.word && !/^['’]s?$/.test(t.text)) return false;
    if (k > i + 2 && /^(?:a|an)$/.test(t.f)) return true;
  }
  return false;
}

/** "identified [various pundits as supporters]", "identified [as …]": the index of "as", or -1. */
function asComplement(toks: Token[], i: number): number {
  for (let k = i + 1; k < Math.min(toks.length, i + 12); k++) {
    if (toks[k].f === 'as') return k + 1 < toks.length ? k : -1;
    if (!toks[k].word && !/^(?:['’]s?|-)$/.test(toks[k].text)) return -1;
  }
  return -1;
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
  /** A person's canonical name → 'm' or 'f', where a title in the text tells it. */
  gender: Map<string, 'm' | 'f'>;
  /** Canonical names of people. */
  personNames: Set<string>;
}

/** Genders told by titles: "Mr. Mattis" → m, "Ms. Pelosi" → f (the first title seen wins). */
function gendersOf(text: string, people: Entity[]): Map<string, 'm' | 'f'> {
  const out = new Map<string, 'm' | 'f'>();
  for (const p of people) {
    if (out.has(p.canonical)) continue;
    const before = text.slice(Math.max(0, p.start - 8), p.start);
    if (/\b(?:Mr|Mister|Sir)\.?\s+$/.test(before)) out.set(p.canonical, 'm');
    else if (/\b(?:Mrs|Ms|Miss|Madam|Dame)\.?\s+$/.test(before)) out.set(p.canonical, 'f');
  }
  // A person named in full without a title: the given name's usual gender, when the word list knows it.
  for (const p of people) {
    if (out.has(p.canonical)) continue;
    const first = /^(\p{L}+)\s+\p{L}/u.exec(p.canonical);
    const g = first ? givenNameGender(first[1]) : null;
    if (g) out.set(p.canonical, g);
  }
  return out;
}

/** Index of the first item whose start is at or after `at` (items sorted by start). */
function lowerBound(xs: { start: number }[], at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].start < at) lo = mid + 1;
    else hi = mid;
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
  while (start < end && /[\s,;:—–―-]/.test(text[start])) start++;
  while (end > start && /[\s,;:—–―-]/.test(text[end - 1])) end--;
  if (!keepFinal) while (end > start && /[.!?]/.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * Is tokens[a..b] (inclusive) a plausible source noun phrase? With `loose` (before "said", "told"), any short
 * noun phrase that opens with a determiner or a count is one ("a senior engineer said").
 */
function sourceLike(ctx: Ctx, toks: Token[], a: number, b: number, loose = false): boolean {
  // Up to 15 tokens; 21 for "a person familiar with …", whose second half says what the person knows.
  if (b < a || (b - a > 14 && (b - a > 20 || aboutIn(ctx.text.slice(toks[a].start, toks[b].end)) < 0))) return false;
  // "Two officials who asked not to be named said": the noun phrase before the relative clause decides.
  for (let i = a + 1; i <= b; i++)
    if (toks[i].word && (toks[i].f === 'who' || toks[i].f === 'whom')) return sourceLike(ctx, toks, a, i - 1, loose);
  const words = toks.slice(a, b + 1).filter(t => t.word);
  if (words.length === 0) return false;
  // A prepositional phrase is not a source: "In a statement issued by his lawyers …".
  if (
    /^(?:in|on|at|after|before|during|for|from|with|by|of|under|over|since|until)$/.test(words[0].f) &&
    words.length > 1 &&
    !/^(?:least|most)$/.test(words[1].f)
  )
    return false; // "At least one insider" is a count
  if (
    loose &&
    words.length <= 6 &&
    /^(?:a|an|the|one|two|three|four|five|six|several|some|many|other|his|her|its|their)$/.test(words[0].f) &&
    !toks.slice(a, b + 1).some(t => t.text === ',') &&
    !words.some(t => NEGATION.has(t.f))
  )
    return true;
  if (words.length === 1 && PRONOUNS.has(words[0].f)) return true;
  // A finite verb makes a clause, not a noun phrase: "Colorado marijuana is extra potent".
  if (words.some((t, i) => i > 0 && FINITE.has(t.f))) return false;
  if (words.some(t => NEGATION.has(t.f))) return false;
  if (words.some(t => STRONG.has(t.f) && !t.cap && t !== words[0])) return false;
  if (words.some(t => SOURCE_HEADS.has(t.f) || (PERSON_TITLES.has(t.f) && !TITLE_MODIFIERS.has(t.f)))) return true;
  if (/^(?:the|a|an)$/i.test(toks[a].text)) return determinedSource(ctx, toks, a, b);
  return toks[a].cap && entitiesIn(ctx, toks[a].start, toks[b].end).length > 0;
}

/**
 * A noun phrase with a determiner whose head is a medium or a recording, placed by a name ("the footage on YouTube",
 * "a video from Fox News"), names what was shown, not who speaks: the name is where it was shown. ("A blogger on the
 * site X", "the committee founded by X" still speak.)
 */
function determinedSource(ctx: Ctx, toks: Token[], a: number, b: number): boolean {
  const found = entitiesIn(ctx, toks[a].start, toks[b].end);
  if (found.length === 0) return false;
  let p = a + 1;
  while (p <= b && !(toks[p].word && !toks[p].cap && PLACING.test(toks[p].f))) p++;
  if (p > b || !MEDIUM.test(toks[p - 1].f)) return true;
  return found.some(e => e.start < toks[p].start);
}
const MEDIUM =
  /^(?:footage|video|videos|clip|clips|tape|tapes|recording|recordings|photo|photos|photograph|photographs|image|images|picture|pictures|broadcast|segment|livestream|stream|podcast|ad|ads|advertisement)$/;
const PLACING = /^(?:on|in|at|from|by|via|through|during|about|over|under|near|inside|outside)$/;

/**
 * The source before a cue: the noun phrase between the clause start and the cue, without auxiliaries and
 * adverbs; past an appositive ("X, a professor at Y, said") to the name.
 */
function sourceBefore(
  ctx: Ctx,
  toks: Token[],
  cueAt: number,
  quotes: Quotes,
  loose = false,
): { a: number; b: number; clauseStart: number } | null {
  let b = cueAt - 1;
  // "X, a professor at Y, said"; an appositive's last word stays its own ("X, who … to speak publicly, said").
  const commaAtCue = b > 0 && toks[b].text === ',';
  if (commaAtCue) b--;
  while (
    !commaAtCue &&
    b >= 0 &&
    toks[b].word &&
    (SKIP_BEFORE_CUE.has(toks[b].f) || (/ly$/.test(toks[b].f) && !toks[b].cap && !LY_NOUNS.has(toks[b].f)))
  )
    b--;
  if (b > 0 && toks[b].text === ',' && b < cueAt - 1) b--; // "Mattis, 68, had said"
  b = skipBracket(toks, b);
  // A comma between the noun phrase and the cue: what stands before it may be an appositive ("X, a professor, said").
  const commaBeforeCue = toks[b + 1]?.text === ',';
  // "it continues to condemn … and vows to …": a coordinated verb shares the clause's subject.
  if (b >= 0 && (toks[b].f === 'and' || toks[b].f === 'but')) {
    let s = b;
    const stop = Math.max(0, b - SEGMENT_REACH);
    while (s > stop && !/^[,;:—–―]$/.test(toks[s - 1].text)) s--;
    while (s < b && toks[s].word && CLAUSE_CONJ.has(toks[s].f)) s++;
    // The coordinated verb's clause starts at "and": an attribution before it ends there.
    if (toks[s] && PRONOUNS.has(toks[s].f)) return { a: s, b: s, clauseStart: b + 1 };
    // "Jay Roberts, 60, lives nearby and said …": the subject of the sentence.
    const subj = subjectOf(ctx, toks, b);
    if (subj && toks[subj[0]].cap) return { a: subj[0], b: subj[1], clauseStart: b + 1 };
    return null;
  }
  const segment = (end: number) => {
    // A source is a short noun phrase: look back no further than a long one could reach.
    let s = end;
    const stop = Math.max(-1, end - SEGMENT_REACH);
    // A dash set off by spaces ("WASHINGTON -- The agency …", "… $1 million -- supporters noted") ends a segment too.
    while (
      s > stop &&
      !/^[,;:—–―(|]$/.test(toks[s].text) &&
      !(toks[s].text === '”' || toks[s].text === '"') &&
      !inQuote(quotes, toks[s].start) &&
      !(
        toks[s].text === '-' &&
        ((s > 0 && toks[s - 1].end < toks[s].start) || (s + 1 < toks.length && toks[s + 1].start > toks[s].end))
      )
    )
      s--;
    work += end - s;
    while (s + 1 <= end && toks[s + 1].text === '-') s++; // the rest of a "--"
    return s + 1;
  };
  // A relative pronoun: ", who said" credits "who" (the speaker is its antecedent); "officials who said" credits
  // the noun phrase before it.
  if (b >= 0 && (toks[b].f === 'who' || toks[b].f === 'which')) {
    if (b > 0 && toks[b - 1].text === ',') return { a: b, b, clauseStart: b };
    let a = segment(b - 1);
    while (a < b - 1 && toks[a].word && !toks[a].cap && (/ing$/.test(toks[a].f) || CLAUSE_CONJ.has(toks[a].f))) a++;
    // The noun phrase starts at its determiner or count: "the paper cited [two police officials] who said".
    // or right after a preposition: "reactions by [senior members of Congress] who said".
    for (let k = b - 1; k > a && k >= b - 7; k--) {
      // ("members of [the council]": a determiner after "of" is inside the noun phrase.)
      if ((DETERMINERS.test(toks[k].f) || /^\d/.test(toks[k].text)) && toks[k - 1]?.f !== 'of') {
        a = k;
        break;
      }
      if (k < b - 1 && /^(?:by|from|among|to|for|at)$/.test(toks[k].f)) {
        a = k + 1;
        break;
      }
    }
    if (!sourceLike(ctx, toks, a, b - 1, true)) return null;
    return { a, b: b - 1, clauseStart: a };
  }
  let a = segment(b);
  while (a <= b && toks[a].word && CLAUSE_CONJ.has(toks[a].f)) a++;
  // "She spoke for an hour while she insisted …": the subject of the clause the cue is in.
  // (Not inside an appositive between commas: "X, who spoke … because he was not authorized to, said".)
  for (let k = b - 1; !commaAtCue && k > a; k--)
    if (toks[k].word && !toks[k].cap && SUBORDINATORS.has(toks[k].f)) {
      a = k + 1;
      break;
    }
  // "who police identified as …": the relative pronoun is the object; the source comes after it.
  if (a < b && toks[a].word && /^(?:who|whom|which|that)$/.test(toks[a].f) && toks[cueAt - 1]?.text !== ',') a++;
  // "X, along with Y, argued": both are the source.
  if (
    commaBeforeCue &&
    a > 1 &&
    a < b &&
    toks[a - 1].text === ',' &&
    (toks[a].f === 'along' || toks[a].f === 'together') &&
    toks[a + 1].f === 'with'
  ) {
    let s0 = segment(a - 2);
    while (s0 < a - 2 && toks[s0].word && CLAUSE_CONJ.has(toks[s0].f)) s0++;
    if (s0 <= a - 2 && sourceLike(ctx, toks, s0, a - 2, true)) return { a: s0, b, clauseStart: s0 };
  }
  const nameEndsAt = (end: number, types: string[]) => {
    const start = segment(end);
    return (
      end >= start &&
      entitiesIn(ctx, toks[start].start, toks[end].end).some(
        e => types.includes(e.type) && e.end === toks[end].end && !isTag(ctx.text, e.start, e.end),
      )
    );
  };
  // A person's name before a chain of appositives: "X, the director of Y, a trade group, said", "X, R-Ky., said".
  // "Senator X of Virginia": a name, then where the person is from.
  const personOfPlace = (end: number) => {
    const start = segment(end);
    if (end < start) return false;
    const people = entitiesIn(ctx, toks[start].start, toks[end].end).filter(
      e => e.type === 'PERSON' && !isTag(ctx.text, e.start, e.end),
    );
    return people.some(p => /^\s+(?:of|from)\s+(?:[A-Z][\p{L}.'’-]*\s*)+$/u.test(ctx.text.slice(p.end, toks[end].end)));
  };
  const hasName =
    commaBeforeCue &&
    a <= b &&
    entitiesIn(ctx, toks[a].start, toks[b].end).some(e => e.type === 'PERSON' && !isTag(ctx.text, e.start, e.end));
  for (
    let x = a, y = b, hop = 0;
    !hasName &&
    commaBeforeCue &&
    hop < 3 &&
    x > 0 &&
    toks[x - 1].text === ',' &&
    x <= y &&
    appositiveLike(ctx, toks, x, y);
    hop++
  ) {
    const nameEnd = skipBracket(toks, x - 2);
    if (nameEnd < 0) break;
    if (nameEndsAt(nameEnd, ['PERSON']) || personOfPlace(nameEnd)) {
      a = segment(nameEnd);
      b = nameEnd;
      break;
    }
    x = segment(nameEnd);
    y = nameEnd;
  }
  // An appositive after a name: step back over it to the name.
  for (
    let hop = 0;
    commaBeforeCue &&
    !PRONOUNS.has(toks[a]?.f ?? '') &&
    hop < 2 &&
    a > 0 &&
    toks[a - 1].text === ',' &&
    a <= b &&
    appositiveLike(ctx, toks, a, b);
    hop++
  ) {
    const nameEnd = a - 2;
    const nameStart = segment(nameEnd);
    if (nameEnd >= nameStart && nameEndsAt(nameEnd, ['PERSON', 'ORG'])) {
      a = nameStart;
      b = nameEnd;
      break;
    }
    if (isTag(ctx.text, toks[a].start, toks[b].end) || !sourceLike(ctx, toks, a, b)) {
      a = nameStart;
      b = nameEnd;
    } else break;
  }
  while (a <= b && toks[a].word && CLAUSE_CONJ.has(toks[a].f)) a++;
  // "Port officials on Thursday said": the time between the source and its cue dates the saying; it is no part of
  // the source.
  // (Not the time of a participle inside the noun phrase: "the rules issued Thursday", "the report released Friday".)
  const timeAt = timeBefore(toks, a, b);
  if (
    timeAt > a &&
    !(toks[timeAt - 1].word && !toks[timeAt - 1].cap && /ed$/.test(toks[timeAt - 1].f)) &&
    sourceLike(ctx, toks, a, timeAt - 1, loose)
  )
    b = timeAt - 1;
  if (!sourceLike(ctx, toks, a, b, loose)) return null;
  // "…, its editor, Ben Smith, said": the role before the name belongs to the source's clause, not to the content.
  let clauseStart = a;
  if (
    commaBeforeCue &&
    a > 1 &&
    toks[a - 1].text === ',' &&
    entitiesIn(ctx, toks[a].start, toks[b].end).some(e => e.type === 'PERSON')
  ) {
    const r = segment(a - 2);
    if (
      r <= a - 2 &&
      a - 2 - r <= 5 &&
      /^(?:its|his|her|their|the|a|an|our)$/.test(toks[r].f) &&
      sourceLike(ctx, toks, r, a - 2, true)
    )
      clauseStart = r;
  }
  return { a, b, clauseStart };
}

/** Days a saying is dated by: the weekdays (see dates.ts), and today, yesterday, tonight. */
const SAYING_DAYS = new Set([...WEEKDAYS, 'yesterday', 'today', 'tonight']);
const DAY_PART = /^(?:morning|afternoon|evening|night)$/;

/**
 * Where a time at the end of tokens a..b starts ("on Thursday", "Thursday afternoon", "late Friday", "this week",
 * "earlier this month"), or b + 1 when they end in none.
 */
function timeBefore(toks: Token[], a: number, b: number): number {
  let e = b;
  if (e > a && toks[e].word && DAY_PART.test(toks[e].f)) e--;
  if (e > a && toks[e].word && SAYING_DAYS.has(toks[e].f) && (e === b || toks[e].f !== 'tonight')) {
    e--;
    if (e >= a && toks[e].word && /^(?:on|late|early|earlier|last|this)$/.test(toks[e].f)) e--;
    return e + 1;
  }
  if (
    e === b &&
    e - 1 > a &&
    toks[e].word &&
    /^(?:week|month|weekend)$/.test(toks[e].f) &&
    /^(?:this|last)$/.test(toks[e - 1].f)
  ) {
    e -= 2;
    if (e >= a && toks[e].word && /^(?:earlier|later)$/.test(toks[e].f)) e--;
    return e + 1;
  }
  return b + 1;
}

/**
 * Past a day after a cue ("Tuesday", "on Tuesday", "Tuesday night", "last week"): where what was said starts, when a
 * clause follows; else `k`. ("said Monday's vote …": a day owned by a noun is what was said.)
 */
function timeAfter(toks: Token[], k: number): number {
  let e = k;
  if (toks[e]?.word && toks[e].f === 'on' && toks[e + 1]?.word && SAYING_DAYS.has(toks[e + 1].f)) e++;
  if (toks[e]?.word && SAYING_DAYS.has(toks[e].f)) e++;
  else if (
    toks[e]?.word &&
    /^(?:last|this)$/.test(toks[e].f) &&
    toks[e + 1]?.word &&
    /^(?:week|month)$/.test(toks[e + 1].f)
  )
    e += 2;
  else return k;
  if (toks[e]?.word && DAY_PART.test(toks[e].f)) e++;
  // ("said Monday's …", "said Tuesday, …": no clause after the day.)
  if (!toks[e] || /^['’]/.test(toks[e].text) || toks[e].text === ',' || toks[e].start === toks[e - 1].end) return k;
  return e;
}

const DETERMINERS =
  /^(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|other|multiple|most|few|these|those)$/;

/** Before a closing bracket at `b` ("Paul (R-Ky.) said"), the token before its opening one; else `b`. */
function skipBracket(toks: Token[], b: number): number {
  if (b < 0 || toks[b].text !== ')') return b;
  for (let k = b - 1; k >= Math.max(0, b - 8); k--) if (toks[k].text === '(') return k - 1;
  return b;
}

/**
 * A party-and-state tag ("R-Ky.", "D-N.Y.", "I-Vt"), a state's postal abbreviation ("Neb.", "Calif.") or a
 * party with its state ("Republican of Kentucky", "Democrat of California and chairman of …"): words that follow
 * a politician's name and never name a source themselves.
 */
function isTag(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (end - start > 6 && c !== 82 && c !== 68 && c !== 73) return false; // only R…, D…, I… tags are longer than "Calif."
  const t = text.slice(start, end).replace(/\.$/, '');
  return (
    /^[RDI]-[A-Z][A-Za-z.]{0,5}$/.test(t) ||
    (/^[A-Z][a-z]{1,4}$/.test(t) && text[end - 1] === '.') ||
    /^(?:[A-Z]\.){2}$/.test(t + '.') ||
    /^(?:Republican|Democrat|Independent|Democratic-Farmer-Labor)s? (?:of|from) [A-Z]/.test(t)
  );
}

/** Can tokens[a..b] be an appositive after a name (a description, a tag), rather than a name of its own? */
function appositiveLike(ctx: Ctx, toks: Token[], a: number, b: number): boolean {
  return !toks[a].cap || /^(a|an|the)$/i.test(toks[a].text) || isTag(ctx.text, toks[a].start, toks[b].end);
}

/** Source after an inverted cue ("said Frank Mora, former …", "according to multiple sources."). */
function sourceAfter(toks: Token[], from: number, stopAt: number): [number, number] | null {
  let b = from;
  const stop = Math.min(toks.length, from + SEGMENT_REACH);
  while (b < stop && toks[b].start < stopAt && !/^[,;:.!?—–―(]$/.test(toks[b].text)) b++;
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
/** A role before the organisation it speaks for: "a spokeswoman for", "an official at the". */
const ROLE_FOR =
  /^(?:an?|the)\s+(spokes(?:man|woman|person)|representative|official|lawyer|attorney)\s+(?:for|of|at|with)\s+(?:the\s+)?$/i;
/** Nouns of documents that speak for their authors. */
const DOCUMENT =
  /^(letter|book|memo|memoir|report|statement|lawsuit|suit|complaint|filing|study|op-ed|tweet|email|speech|brief|motion)$/;

/**
 * An entity as a source: its canonical name, an organisation with its country as written, and a group by the number
 * the text gives it ("Republicans said" is said by Republicans, not by "Republican").
 */
function entityLabel(e: Entity): string {
  if (e.type === 'ORG') return orgName(e);
  if (e.type === 'NORP' && /\p{Ll}s$/u.test(e.text) && !/s$/.test(e.canonical) && e.text.startsWith(e.canonical))
    return e.text;
  return e.canonical;
}

/**
 * A surname with "Mr." or "Ms." is the person of that surname and that sex: "Mr. Conway" after "George T. Conway III,
 * the husband of Kellyanne Conway" is George Conway, whichever Conway the name was first given to.
 */
function titled(ctx: DocCtx, e: Entity): string {
  const t = /\b(Mr|Ms|Mrs)\.?\s+$/.exec(ctx.text.slice(Math.max(0, e.start - 5), e.start));
  if (!t) return e.canonical;
  const sex = t[1] === 'Mr' ? 'm' : 'f';
  if (ctx.gender.get(e.canonical) === sex && ctx.gender.size > 0) {
    // The usual case ("Mr. Mattis" and a Mattis the text calls Mr.): nothing to choose, unless another person has
    // the surname.
    const surname = e.canonical.slice(e.canonical.lastIndexOf(' ') + 1);
    let others = 0;
    for (const p of ctx.personNames) if (p !== e.canonical && p.endsWith(` ${surname}`)) others++;
    if (others === 0) return e.canonical;
  }
  // By the given name: the title itself may have given the wrong Conway its sex.
  const given = (c: string) => {
    const first = /^(\p{L}+)\s/u.exec(c);
    return first ? givenNameGender(first[1]) : null;
  };
  if (given(e.canonical) === sex) return e.canonical;
  const surname = fold(
    e.text
      .replace(/['’]s?$/, '')
      .split(/\s+/)
      .pop() ?? '',
  );
  for (let i = lowerBound(ctx.people, e.start) - 1, n = 0; i >= 0 && n < 60; i--, n++) {
    const p = ctx.people[i];
    const words = fold(p.text)
      .split(/\s+/)
      .filter(w => !/^(?:jr\.?|sr\.?|ii|iii|iv)$/.test(w));
    if (
      words.length > 1 &&
      words[words.length - 1] === surname &&
      p.canonical !== e.canonical &&
      given(p.canonical) === sex
    )
      return p.canonical;
  }
  return e.canonical;
}

/** Two people said jointly, the source being the two names with their titles and home states and nothing else. */
function jointPair(text: string, source: Span, people: Entity[]): boolean {
  return (
    people.length === 2 &&
    people[0].canonical !== people[1].canonical &&
    JOINT_GAP.test(text.slice(people[0].end, people[1].start)) &&
    /^(?:(?:the|a|an)\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u.test(text.slice(source.start, people[0].start)) &&
    /^(?:\s+of\s+(?:\p{Lu}[\p{L}.]*\s*){1,3})?$/u.test(text.slice(people[1].end, source.end))
  );
}

/** An organisation as the source names it: with the country before it where the text gives one ("U.S. Justice Department"). */
function orgName(e: Entity): string {
  const t = e.text.replace(/['’]s$/, '');
  return t !== e.canonical && t.endsWith(e.canonical) && /^(?:U\.S\.|US|U\.K\.|UK|E\.U\.|EU)\s/.test(t)
    ? t
    : e.canonical;
}

/**
 * A person's document as a source, by the name as written and the document's words: "Lind’s resignation letter
 * addressed to the board" → "Lind resignation letter"; "Ann Roe's new book" → "Ann Roe new book". Null for anything else.
 */
function documentOf(ctx: DocCtx, source: Span): string | null {
  const i = lowerBound(ctx.entities, source.start);
  const e = ctx.entities[i];
  if (!e || e.type !== 'PERSON' || e.end > source.end) return null;
  if (!/^(?:(?:the|a|an|Mr\.|Mrs\.|Ms\.|Dr\.)\s+)?$/i.test(ctx.text.slice(source.start, e.start))) return null;
  const m =
    /^['’]s?\s+((?:[a-z-]+\s+){0,2}?([a-z-]+))(?=$|\s+(?:addressed|sent|published|released|issued|obtained|filed|written|dated|to|on)\b)/.exec(
      ctx.text.slice(e.end, source.end),
    );
  return m && DOCUMENT.test(m[2]) ? `${e.text.replace(/^(?:Mr|Mrs|Ms|Dr)\.\s+/, '')} ${m[1]}` : null;
}
/** Between two names said jointly: "and", after a home state ("of Ohio") or before a title ("and Senate Leader"). */
const JOINT_GAP = /^(?:\s+of\s+(?:\p{Lu}[\p{L}.]*\s*){1,3})?,?\s+and\s+(?:\p{Lu}[\p{L}.]*\s+){0,4}$/u;

/** A canonical speaker for a source span. */
function speakerOf(
  ctx: DocCtx,
  source: Span | null,
  prior: Attribution[],
  addressee: string | null = null,
): string | null {
  if (!source) return null;
  const f = fold(source.text);
  if (f === 'who' || f === 'which') {
    // ", who said": the speaker is the name the clause hangs on, past any "of Deuel County, Neb." after it.
    const i = lowerBound(ctx.entities, source.start) - 1;
    let e = i >= 0 ? ctx.entities[i] : undefined;
    if (!e || source.start - e.end > 120 || /[.!?]\s/.test(ctx.text.slice(e.end, source.start))) return null;
    // "a book by journalist Ann Roe, which reported …": "which" is the document, not its author.
    const doc =
      f === 'which' && e.type === 'PERSON' && /^\s*,\s*$/.test(ctx.text.slice(e.end, source.start))
        ? /\b(book|report|memoir|letter|memo|study|article|column|op-ed)\s+(?:by|from)\s+(?:[\p{L}-]+\s+){0,4}$/u.exec(
            ctx.text.slice(Math.max(0, e.start - 80), e.start),
          )
        : null;
    if (doc) return `${e.canonical} ${doc[1]}`;
    // "from Democrats, who called it …": a group named just before the comma.
    if (e.type === 'NORP' && /^\s*,\s*$/.test(ctx.text.slice(e.end, source.start))) return e.text.replace(/['’]s$/, '');
    let j = i;
    while (
      j > 0 &&
      ((e.type !== 'PERSON' && e.type !== 'ORG') ||
        /^\s+(?:of|from|in)\s+$/.test(ctx.text.slice(ctx.entities[j - 1].end, e.start))) &&
      source.start - ctx.entities[j - 1].end < 120 &&
      !/[.!?]\s/.test(ctx.text.slice(ctx.entities[j - 1].end, source.start))
    )
      e = ctx.entities[--j];
    return e.type === 'PERSON' || e.type === 'ORG' ? e.canonical : null;
  }
  // "the president said": the person the text last gave that title ("President Ines Moreau … the president").
  const role =
    f.startsWith('the ') &&
    /^the\s+(vice president|president|senator|governor|congressman|congresswoman|sheriff|mayor|chairman|chairwoman|speaker|secretary|minister|prime minister|attorney general|judge|justice)$/i.exec(
      source.text.trim(),
    );
  // A description the text gave a person before: "the former FBI director" after "former FBI Director Ana Roe",
  // "the South Carolina Republican" after "Rep. Ted Hale, R-S.C.".
  const described = !role && f.startsWith('the ') ? describedPerson(ctx, source) : null;
  if (described) return described;
  if (role) {
    // The title right before the name ("President X", "Sen. X" is not "the senator"), not "Vice President X".
    const title = new RegExp(`(?<!\\b(?:vice|deputy|former|assistant|ex-|acting)\\s)\\b${role[1]}\\s+$`, 'i');
    for (
      let i = lowerBound(ctx.people, source.start) - 1, n = 0;
      i >= 0 && n < 40 && source.start - ctx.people[i].end < 5000;
      i--, n++
    ) {
      const p = ctx.people[i];
      if (title.test(ctx.text.slice(Math.max(0, p.start - 40), p.start))) return p.canonical;
    }
  }
  // "his office said": the office of the person "his" stands for.
  const poss =
    f.startsWith('h') || f.startsWith('t')
      ? /^(his|her|their)\s+(office|campaign|spokesman|spokeswoman|spokesperson|lawyer|lawyers|attorney|team|aides|family)$/i.exec(
          source.text,
        )
      : null;
  if (poss) {
    let i = lowerBound(ctx.people, source.start) - 1;
    while (i >= 0 && ctx.people[i].end > source.start) i--;
    if (i >= 0 && source.start - ctx.people[i].end < 600)
      return `${ctx.people[i].canonical}'s ${poss[2].toLowerCase()}`;
  }
  if (PRONOUNS.has(f)) {
    if (f === 'he' || f === 'she') {
      // The nearest person before, of the pronoun's gender where a title tells it ("Mr. X", "Ms. Y"), never the
      // person spoken to ("he told the vice president").
      const other = f === 'he' ? 'f' : 'm';
      let i = lowerBound(ctx.people, source.start) - 1;
      while (
        i >= 0 &&
        (ctx.people[i].end > source.start ||
          ctx.gender.get(ctx.people[i].canonical) === other ||
          ctx.people[i].canonical === addressee)
      )
        i--;
      const nearest = i >= 0 ? ctx.people[i] : null;
      // A person named inside the last speaker's words is what was spoken about: "X said that Y had not answered.
      // He said …" goes on with X.
      const last = prior[prior.length - 1];
      if (
        nearest &&
        last?.speaker &&
        last.speaker !== nearest.canonical &&
        last.speaker !== addressee &&
        ctx.personNames.has(last.speaker) &&
        ctx.gender.get(last.speaker) !== other &&
        last.content.start <= nearest.start &&
        nearest.end <= last.content.end &&
        source.start - last.content.end < 300 &&
        !/[“"]/.test(ctx.text.slice(last.content.end, source.start))
      )
        return last.speaker;
      return nearest ? nearest.canonical : null;
    }
    if (f === 'it') {
      // "it said": an organisation or a document, never a person.
      const last = findLast(
        prior,
        p =>
          !!p.speaker &&
          !ctx.personNames.has(p.speaker) &&
          (p.content.end <= source.start || (!!p.source && p.source.end <= source.start)),
      );
      if (last && source.start - (last.source?.end ?? last.content.end) < 600) return last.speaker;
    }
    const last = findLast(
      prior,
      p => !!p.speaker && (p.content.end <= source.start || (!!p.source && p.source.end <= source.start)),
    );
    if (last && source.start - (last.source?.end ?? last.content.end) < 400) return last.speaker;
    const before = ctx.text.slice(Math.max(0, source.start - 200), source.start);
    const m = /(?:the\s+)?([A-Z][\p{L}]+)\s+(government|administration|ministry|authorities|military)\b[^.]*$/u.exec(
      before,
    );
    if (m) return `${demonym(ctx, m[1])} ${m[2]}`;
    return null;
  }
  // "X, along with Y, argued", "He, along with several other members of Congress, said": both speak, as one source.
  const along = /^(.+?),?\s+(?:along|together)\s+with\s+(.+?),?$/i.exec(source.text);
  if (along) {
    const second = source.start + source.text.length - along[2].length;
    const x = speakerOf(ctx, span(ctx.text, source.start, source.start + along[1].length), prior);
    // The others as a group, not counted: "several other members" → "other members".
    const group = /^(?:several|some|many|numerous|various|a few|a number of)\s+(other\s+\p{Ll}.*)$/u.exec(along[2]);
    const y = group ? group[1] : speakerOf(ctx, span(ctx.text, second, second + along[2].length), prior);
    if (x && y) return `${x} and ${y}`;
  }
  const rel = relativeIn(source.text);
  const ents = entitiesIn(ctx, source.start, rel ? source.start + rel.index : source.end);
  // "a person familiar with Mr. Cohen’s testimony": who the description is about is not the speaker.
  const about = aboutIn(source.text);
  const people = ents.filter(e => e.type === 'PERSON' && (about < 0 || e.start < source.start + about));
  // Two people named jointly, each with a title or home state: "Nancy Ruiz and Senate Minority Leader Tom Hale",
  // "Jo Ash of Ohio and Senator Al Brook". Both are the source.
  if (jointPair(ctx.text, source, people)) return `${people[0].canonical} and ${people[1].canonical}`;
  // "Republicans led by Senator Ada Quell of Ohio" → "Republicans led by Ada Quell": the group speaks.
  const led = /^(?:the\s+)?([\p{L}-]+(?:\s+[\p{L}-]+)?)\s+led\s+by\s/iu.exec(source.text);
  if (led && people.length && people[0].start >= source.start + led[0].length)
    return `${led[1]} led by ${people[0].canonical}`;
  // A person's document: "Lind’s resignation letter addressed to the board" → "Lind resignation letter".
  const doc = documentOf(ctx, source);
  if (doc) return doc;
  if (people.length) return titled(ctx, people[people.length - 1]);
  // "a spokeswoman for Riverside General Hospital" → "Riverside General Hospital spokeswoman".
  const org = ents[ents.length - 1];
  if (org && org.type === 'ORG' && org.end === source.end) {
    const role = ROLE_FOR.exec(ctx.text.slice(source.start, org.start));
    if (role) return `${orgName(org)} ${role[1].toLowerCase()}`;
  }
  // "an article published by BuzzFeed News on Thursday": the organisation behind the document.
  const by = ents.find(
    e =>
      e.type === 'ORG' &&
      /\b(?:article|report|story|statement|book|study|poll|survey|letter|memo|analysis|piece|column|editorial)\b[^,]*\b(?:by|from)\s+(?:the\s+)?$/i.test(
        ctx.text.slice(source.start, e.start),
      ),
  );
  if (by) return by.canonical;
  let words = (rel ? source.text.slice(0, rel.index) : source.text).replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
  // A document and who filed it: "the lawsuit from Ohio and Iowa" → "Ohio and Iowa lawsuit"; "a memo by federal
  // prosecutors in Ohio" → "federal prosecutors in Ohio" (people speak through their memo).
  const filed = /^(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\s+(?:from|by)\s+(?:the\s+)?(.+)$/i.exec(source.text);
  if (filed && DOCUMENT.test(filed[1])) {
    const at = source.end - filed[2].length;
    const named = ents.filter(e => e.start >= at);
    const names = named.map(e => e.canonical).join(' and ');
    if (
      named.length &&
      named.every(e => e.type === 'PLACE' || e.type === 'PERSON') &&
      fold(filed[2]) === fold(named.map(e => e.text).join(' and '))
    )
      return `${names} ${filed[1]}`;
    if (/^\p{Ll}[\p{Ll}-]*\s+(?:\p{Ll}[\p{Ll}-]*\s+)?\p{Ll}+s\b/u.test(filed[2])) return filed[2];
  }
  // Names joined by "and": "The United States and the European Union".
  const rest = (from: number, to: number) => ctx.text.slice(from, to).replace(/\s+/g, ' ').trim().toLowerCase();
  if (
    ents.length >= 2 &&
    ents.every(
      (e, i) =>
        (i === 0 &&
          rest(source.start, e.start)
            .replace(/^(?:and |, ?)/, '')
            .replace(/^the$/, '') === '') ||
        /^(?:,|and)(?: the)?$/.test(rest(i === 0 ? source.start : ents[i - 1].end, e.start)) ||
        (i === 0 &&
          /^(?:(?:the )?(?:states|countries|nations|cities|provinces|governments) of|the)?$/.test(
            rest(source.start, e.start),
          )),
    ) &&
    rest(ents[ents.length - 1].end, source.end) === ''
  ) {
    return ents.map(e => e.canonical).join(' and ');
  }
  // An organisation or place with only a determiner and lower-case words before it: "the opposition Green Party".
  const lastEnt = ents[ents.length - 1];
  if (
    lastEnt &&
    lastEnt.end === source.end &&
    /^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[a-z][\w-]*\s+){0,2}$/.test(ctx.text.slice(source.start, lastEnt.start))
  ) {
    return entityLabel(lastEnt);
  }
  // "The clause states" after "the Constitution's Supremacy Clause"; "the hospital said" after "the Riverside General
  // Hospital Center": the name the text gave the thing, the last one with that word, in the text just before.
  const thing = /^the\s+([a-z]{4,})$/i.exec(source.text);
  if (thing && !/s$/.test(thing[1])) {
    const named = thingNamed(ctx.text, source.start, thing[1].toLowerCase());
    if (named) return named;
  }
  // A definite back-reference to an earlier source: "The observers said" after "two election observers …".
  const back = /^the\s+([a-z]+s)$/i.exec(words);
  if (back) {
    const head = back[1].toLowerCase();
    const headOf = new RegExp(`\\b${head}\\b`, 'i');
    const earlier = findLast(
      prior,
      p => !!p.source && !!p.speaker && headOf.test(p.source.text.split(/\s+(?:from|of|at|in|close|with|cited)\s+/)[0]),
    );
    if (earlier) return earlier.speaker;
  }
  // Counted anonymous sources: "four sources", "at least 11 sources cited in a Reuters report", "multiple sources".
  // Unnamed counted groups ("three crew members", "two US officials") are labelled the same way.
  const count =
    /^(?:(?:at least|more than|some|about|nearly|over)\s+)?(\d+|[a-z]+)(?:\s+of\s+(?:the|these|those))?\s+(?:[\w.-]+\s+){0,2}(sources|people|officials|members|employees|workers|residents|witnesses|diplomats|officers|aides|insiders|persons|individuals|observers|monitors|engineers|doctors|soldiers|staff|experts|analysts|investigators|lawmakers|executives|activists)\b/i.exec(
      words,
    );
  if (count) {
    const c = count[1].toLowerCase();
    const n = /^(?:a|an)$/.test(c)
      ? null
      : /^\d+$/.test(c)
        ? c
        : NUMBER_WORDS[c] !== undefined
          ? String(NUMBER_WORDS[c])
          : COUNT_WORDS.test(c)
            ? c
            : null;
    // Counted, but of a named organisation: "two Defense Department officials" → "Defense Department officials (2)".
    const org = ents.find(e => e.type === 'ORG' && e.end <= source.start + count.index + count[0].length);
    if (
      n &&
      org &&
      /^\d+$/.test(n) &&
      fold(ctx.text.slice(org.end, source.start + count[0].length).trim()) === fold(count[2])
    )
      return `${orgName(org)} ${count[2].toLowerCase()} (${n})`;
    if (n) return `anonymous sources (${n})`;
  }
  if (/^sources$/i.test(words)) return 'anonymous sources';
  // "Cuba's government", "the Cuban government" → "Cuban government".
  const gov =
    /^(?:[Tt]he\s+)?([A-Z][\p{L}.]+(?:\s[A-Z][\p{L}]+)?)(?:'s)?\s+(government|administration|ministry|authorities|military)$/u.exec(
      words,
    );
  if (gov && !/^(?:The|A|An)$/.test(gov[1])) return `${demonym(ctx, gov[1])} ${gov[2]}`;
  if (ents.length === 1 && ents[0].start === source.start && ents[0].end === source.end) return entityLabel(ents[0]);
  // Without its article, and a share of a group is the group: "some sheriffs in border towns" → "sheriffs in …".
  const lead = /^(?:(?:a|an|the|one(?!\s+of\b))\s+)?(?:(?:some|several|many|most|numerous|various)\s+(?!of\b)(?=\S))?/i;
  const cut = lead.exec(source.text)![0].length;
  words = words.replace(lead, '');
  if (!words) return null;
  words = shortDescription(words);
  // An office is "of" its state: "attorneys general in Utah" → "attorneys general of Utah".
  words = words.replace(
    /^((?:attorneys?|secretar(?:y|ies) of state|governors?|lieutenant governors?|mayors?)(?:\s+general)?)\s+in\s+(?=\p{Lu})/iu,
    '$1 of ',
  );
  // Lower-case a leading common noun ("Analysts" → "analysts"), not a name ("White House official", "GOP senators").
  const first = ents.find(e => e.start === source.start + cut);
  if (!first && !/^\p{Lu}{2}/u.test(words)) words = words[0].toLowerCase() + words.slice(1);
  return words;
}

const PARTY_OF: Record<string, string> = { r: 'republican', d: 'democrat', i: 'independent' };

/**
 * The person a definite description stands for, when the text gave that person the same description as a title
 * ("former F.B.I. Director Ana Roe" … "the former F.B.I. director") or a party-and-state tag ("Rep. Ted Hale (R-S.C.)"
 * … "the South Carolina Republican"); the last such person within the text before, else null.
 */
function describedPerson(ctx: DocCtx, source: Span): string | null {
  const d = source.text
    .replace(/^the\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  const words = d.split(' ');
  if (words.length < 2 || words.length > 5 || !/^[\p{L}.'’ -]+$/u.test(d)) return null;
  const party = /^((?:\p{Lu}\p{L}+ ){1,2})(Republican|Democrat)$/u.exec(d);
  const last = fold(words[words.length - 1]);
  if (!party && !PERSON_TITLES.has(last) && !/^(?:director|chairman|chairwoman|secretary|chief|official)$/.test(last))
    return null;
  // The title as the text gives it right before a name, compared without case: "former F.B.I. Director ".
  const title = party ? null : d.toLowerCase();
  const titled = (p: Entity) => {
    const before = ctx.text.slice(Math.max(0, p.start - title!.length - 3), p.start).replace(/\s+$/, '');
    return (
      before.length >= title!.length &&
      before.slice(-title!.length).toLowerCase() === title &&
      !/\p{L}/u.test(before[before.length - title!.length - 1] ?? '')
    );
  };
  for (
    let i = lowerBound(ctx.people, source.start) - 1, n = 0;
    i >= 0 && n < 40 && source.start - ctx.people[i].end < 5000;
    i--, n++
  ) {
    const p = ctx.people[i];
    if (title) {
      if (titled(p)) return p.canonical;
      continue;
    }
    const tag = /^\s*[,(]\s*([RDI])-([A-Z][A-Za-z.]{0,5})/.exec(ctx.text.slice(p.end, p.end + 14));
    if (
      tag &&
      PARTY_OF[tag[1].toLowerCase()] === fold(party![2]) &&
      fold(
        US_STATE_ABBREV.get(fold(tag[2].replace(/\.?$/, '.'))) ??
          US_STATE_ABBREV.get(fold(tag[2])) ??
          US_STATE_ABBREV.get(tag[2]) ??
          tag[2],
      ) === fold(party![1].trim())
    )
      return p.canonical;
  }
  return null;
}

/** "told the vice president", "asked Ms. Roe", "said to Quell": who was spoken to, as a speaker label (or null). */
function addresseeOf(ctx: DocCtx, cue: Span, prior: Attribution[]): string | null {
  if (!/^(?:told|tells|telling|asked|asks|asking|said|says|wrote|writes|replied|responded)\b/.test(cue.text))
    return null;
  const after = ctx.text.slice(cue.start, Math.min(ctx.text.length, cue.start + 80));
  const m =
    /^(?:told|tells|telling|asked|asks|asking|(?:said|says|wrote|writes|replied|responded)\s+to)\s+((?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4}?[\p{L}.'’-]+?)(?=\s*[,.;:”"]|\s+(?:that|on|in|at|during|after|before|about|he|she|they|it|and|during|last|this|earlier)\b)/u.exec(
      after,
    );
  if (!m) return null;
  const at = cue.start + m[0].length - m[1].length;
  const named = ctx.people[lowerBound(ctx.people, at)];
  if (named && named.end <= at + m[1].length) return named.canonical;
  if (/^the\s/i.test(m[1])) return speakerOf(ctx, span(ctx.text, at, at + m[1].length), prior);
  return null;
}

const PREPOSITION = /^(?:of|to|in|at|on|for|from|with|about|during|near|over|under|along|across|inside|outside)$/i;

/**
 * A description as a short label: titles off the names in it ("familiar with Mr. Cohen’s testimony" → "familiar with
 * Cohen’s testimony"), and past six words, no second prepositional phrase ("lawmakers at the scene of the shooting at
 * the ballpark" → "lawmakers at the scene").
 */
function shortDescription(words: string): string {
  const plain = words.includes('.') ? words.replace(/\b(?:Mr|Mrs|Ms|Dr)\.\s+(?=\p{Lu})/gu, '') : words;
  let spaces = 0;
  for (let i = plain.indexOf(' '); i >= 0 && spaces < 6; i = plain.indexOf(' ', i + 1)) spaces++;
  if (spaces < 6) return plain;
  const w = plain.split(' ');
  if (w.length > 6) {
    let preps = 0;
    for (let i = 1; i < w.length; i++)
      if (
        PREPOSITION.test(w[i]) &&
        !(w[i - 1].toLowerCase() === 'knowledge' && w[i].toLowerCase() === 'of') &&
        ++preps === 2
      )
        return w.slice(0, i).join(' ');
  }
  return w.join(' ');
}

/** Where "familiar with", "close to", "with knowledge of" starts in a description of a source (-1 when none). */
function aboutIn(text: string): number {
  const m =
    /\s(?:familiar\s+with|close\s+to|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|knowledgeable\s+about)\s/i.exec(
      text,
    );
  return m ? m.index : -1;
}

/** Where a relative clause starts in a source's text ("one insider [who met X]"), not after a preposition ("To which"). */
function relativeIn(text: string): RegExpExecArray | null {
  const m = /\s(?:who|whom|which|that)\s/i.exec(text);
  return m && !/(?:^|\s)(?:to|of|in|for|with|by|from|on|at|about)$/i.test(text.slice(0, m.index)) ? m : null;
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
    if (d) {
      out.set(fold(e.text), d);
      out.set(fold(e.canonical), d);
    }
  }
  return out;
}

/** Entities sorted by start (a stable sort), without a copy when they already are (a paragraph's names are). */
function byStart(entities: Entity[]): Entity[] {
  for (let i = 1; i < entities.length; i++)
    if (entities[i].start < entities[i - 1].start) return [...entities].sort((a, b) => a.start - b.start);
  return entities;
}

/**
 * Attributions of one paragraph (its own string, with its entities, offsets into it), speakers not yet named:
 * `resolveSpeakers` does that over the whole text.
 */
export function paragraphAttributions(ptext: string, sents: Range[], entities: Entity[]): Attribution[] {
  if (!MAY_ATTRIBUTE.test(ptext)) return []; // no quotation mark and no cue word: nothing to find
  const text = ptext;
  const para: Range = { start: 0, end: ptext.length };
  const ctx: Ctx = { text, entities: byStart(entities) };
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
      if (!atLeastWords(text, q.open + 1, Math.min(q.close, q.open + 200), 3) && !/[,.!?]/.test(text[q.close - 1]))
        continue; // a scare-quoted phrase
      // A programme or paper named in quotation marks after "on", "to", "told" ("Speaking on “Fox News Sunday,” …").
      if (
        q.close - q.open < 40 &&
        /(?:^|\s)(?:on|to|told|tells|in)\s*$/i.test(text.slice(Math.max(para.start, q.open - 8), q.open)) &&
        /^[A-Z0-9&][\w&'’.-]*[,!?]?(?:\s+[A-Z0-9&][\w&'’.-]*[,!?]?)*$/.test(text.slice(q.open + 1, q.close))
      )
        continue;
      const endSent = sentOf(q.close);
      const after = tokensBetween(text, endSent, q.close + 1, endSent.end, QUOTE_REACH);
      let k = 0;
      if (after[k]?.text === ',') k++;
      let found: Attribution | null = null;
      const cues = findCues(after, NO_QUOTES, ctx.entities);
      const first = cues[0];
      if (first && first.at === k && first.phrase === 'verb') {
        const src = sourceAfter(after, first.after, endSent.end);
        if (src)
          found = make(text, sourceSpan(ctx, after[src[0]].start, after[src[1]].end), first, q.open, q.close + 1);
      } else if (first && first.at > k && first.at - k <= 24) {
        const sb = sourceBefore(ctx, after, first.at, NO_QUOTES, first.strong);
        if (sb && (sb.a === k || sb.clauseStart === k))
          found = make(text, sourceSpan(ctx, after[sb.a].start, after[sb.b].end), first, q.open, q.close + 1);
      }
      if (!found) {
        // X said: “…”
        const startSent = sentOf(q.open);
        const before = tokensBetween(text, startSent, startSent.start, q.open, QUOTE_REACH, true);
        // "told “Morning Desk.”": a quotation right after "told" is the addressee, not what was said.
        const bc = findCues(before, quotes).filter(
          c =>
            c.after >= before.length - 1 &&
            (c.after === before.length || /^[,:]$/.test(before[c.after].text)) &&
            !(c.after === before.length && /^(?:told|tells|tell|telling)$/.test(before[c.at].f)),
        );
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
        if (
          prev &&
          prev.kind === 'direct' &&
          q.open === sStart &&
          endsSentence(text, q.close + 1, endSent.end) &&
          prev.content.end < q.open
        ) {
          const k2 = quoted(text, q.open, q.close + 1);
          found = {
            source: prev.source,
            cue: null,
            content: span(text, k2.start, k2.end),
            kind: 'direct',
            speaker: null,
          };
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
      // A sentence without a cue word or a quotation mark is not tokenized here at all.
      if (!MAY_ATTRIBUTE.test(text.slice(s.start, s.end))) continue;
      const toks = tokenize(text, s.start, s.end);
      const cues = findCues(toks, quotes, ctx.entities).filter(c => !usedCue.has(c.start));
      for (let ci = 0; ci < cues.length; ci++) {
        const c = cues[ci];
        const next = cues[ci + 1];
        const before = findLast(local, x => !!x.cue && !!x.source && x.cue.start >= s.start && x.cue.start < c.start);
        const a = buildParaphrase(ctx, toks, s, c, next, quotes, before);
        if (a) {
          local.push(a);
          usedCue.add(c.start);
        }
      }
    }
    local.sort((x, y) => x.content.start - y.content.start);
    return local;
  }
}

const SPEECH_NEAR =
  /\b(?:spoke|speaking|addressed|told|said|says|added|wrote|insisted|replied|responded|answered|explained|argued|warned|vowed|was asked|recalled|declared)\b/;

/**
 * Names the speaker of every attribution of a text (offsets into the text, in order), and gives quotations
 * that stand alone the source of the quotation just before them or of the sentence before them ("X spoke to
 * reporters. “…”"); those that have neither are dropped. Returns the attributions kept.
 */
export function resolveSpeakers(text: string, attributions: Attribution[], entities: Entity[]): Attribution[] {
  const sorted = byStart(entities);
  // Party-and-state tags ("R-Ky.") are read as names by some taggers: never a person here.
  // Nor is a name ending like an organisation's ("Political Action Conference"), whatever it was typed as.
  const people = sorted.filter(
    e => e.type === 'PERSON' && !isTag(text, e.start, e.end) && !NOT_A_PERSON_END.test(e.canonical),
  );
  const ctx: DocCtx = {
    text,
    entities: sorted,
    people,
    demonyms: demonymsOf(sorted),
    gender: gendersOf(text, people),
    personNames: new Set(people.map(p => p.canonical)),
  };
  const prior: Attribution[] = [];
  for (const a of attributions) {
    if (!a.cue && !a.source) {
      const q = a.content.start - 1;
      const prev = prior[prior.length - 1];
      // What stands between the two quotations, past the first one's closing mark: “…,” Trump tweeted. “…”
      const gap = prev ? text.slice(prev.content.end, q).replace(/^[,.!?]?[”"’]?/, '') : '';
      if (
        prev?.source &&
        gap.length < 200 &&
        !/[“"]/.test(gap) &&
        (gap.match(/\n\s*\n|\n/g) ?? []).length <= 2 &&
        !/[.!?]\s+\S+[^.!?]*[.!?]\s/.test(gap.slice(2))
      ) {
        a.source = prev.source;
      } else {
        // The sentence before: a person with a verb of speech.
        const before = text.slice(Math.max(0, q - 300), q);
        const sentStart =
          Math.max(before.lastIndexOf('. ', before.length - 3), before.lastIndexOf('\n', before.length - 2)) + 1;
        const offset = q - before.length + sentStart;
        let person: Entity | undefined;
        for (let i = lowerBound(ctx.people, offset); i < ctx.people.length && ctx.people[i].end <= q; i++) {
          work++;
          if (SPEECH_NEAR.test(text.slice(ctx.people[i].end, Math.min(q, ctx.people[i].end + 60)))) {
            person = ctx.people[i];
            break;
          }
        }
        if (person) a.source = span(text, person.start, person.end);
      }
      if (!a.source) continue;
    }
    // "The Associated Press reported that McGurk said …": the one whose words these are comes after "that".
    const nested = a.source ? /^.+?\s(?:reported|said|wrote)\s+that\s+(?=\S)/.exec(a.source.text) : null;
    if (a.source && nested) a.source = span(text, a.source.start + nested[0].length, a.source.end);
    // A named person is the source by name only, without title or appositive ("US President [Donald Trump]").
    // Names inside a relative clause of the source ("one insider who met X") are not the source.
    const rel = a.source ? relativeIn(a.source.text) : null;
    const about = a.source ? aboutIn(a.source.text) : -1;
    const srcEnd = a.source
      ? rel
        ? a.source.start + rel.index
        : about >= 0
          ? a.source.start + about
          : a.source.end
      : 0;
    const people = a.source
      ? entitiesIn(ctx, a.source.start, srcEnd).filter(e => e.type === 'PERSON' && !isTag(text, e.start, e.end))
      : [];
    // The last name, unless an earlier one is described by what follows it ("Sheriff X of Y County").
    let p = people[people.length - 1];
    for (let i = people.length - 1; i > 0; i--)
      if (/^\s+(?:of|from)\s/.test(text.slice(people[i - 1].end, people[i].start))) p = people[i - 1];
    // Two people said jointly stay one source, the whole noun phrase ("X and Senator Y", "X, along with Y").
    const joint =
      a.source &&
      (jointPair(text, a.source, people) ||
        /,?\s+(?:along|together)\s+with\s|\sled\s+by\s/i.test(a.source.text) ||
        documentOf(ctx, a.source) !== null);
    if (p && !joint) a.source = span(text, p.start, p.end);
    a.speaker = speakerOf(ctx, a.source, prior, a.cue ? addresseeOf(ctx, a.cue, prior) : null);
    if (!a.speaker && a.source && /^(?:who|which)$/i.test(a.source.text)) continue; // a relative clause on no name
    prior.push(a);
  }
  return prior;
}

/** An attribution whose content is the quotation from the mark at cStart to the mark before cEnd. */
function make(text: string, source: Span, cue: Cue, cStart: number, cEnd: number): Attribution {
  const k = quoted(text, cStart, cEnd);
  return {
    source,
    cue: span(text, cue.start, cue.end),
    content: span(text, k.start, k.end),
    kind: k.kind,
    speaker: null,
  };
}

function buildParaphrase(
  ctx: Ctx,
  toks: Token[],
  s: Range,
  c: Cue,
  next: Cue | undefined,
  quotes: Quotes,
  earlier?: Attribution,
): Attribution | null {
  const { text } = ctx;
  if (c.shape === 'quote') return null;
  const prevTok = toks[c.at - 1];
  const afterCue = toks[c.after];
  // The end of this clause's content: the sentence end, or where the next attribution's clause begins.
  let limit = s.end;
  if (next && next.phrase !== 'verb' && next.at > c.at + 1) {
    // "X said …, according to Y": the clause ends before the comma.
    const k = next.at - 1;
    if (toks[k].text === ',' || (/^[”"]$/.test(toks[k].text) && text[toks[k].start - 1] === ','))
      limit = Math.min(limit, toks[k].text === ',' ? toks[k].start : toks[k].end);
  }
  if (next && next.shape === 'participle') {
    // "…, adding that …": the participle's clause is the next attribution's.
    let k = next.at - 1;
    while (k > c.at && (toks[k].text === ',' || (toks[k].word && CLAUSE_CONJ.has(toks[k].f)))) k--;
    limit = Math.min(limit, toks[k].end);
  } else if (next && next.phrase === 'verb') {
    const sb = sourceBefore(ctx, toks, next.at, quotes);
    if (sb) {
      let k = sb.clauseStart - 1;
      while (k >= 0 && toks[k].word && (CLAUSE_CONJ.has(toks[k].f) || SUBORDINATORS.has(toks[k].f))) k--;
      limit = Math.min(limit, k >= 0 ? toks[k].end : s.start);
    }
  }
  // No reported clause runs on for pages: however long a sentence, a content is at most MAX_CONTENT long.
  limit = Math.min(limit, (afterCue?.start ?? c.end) + MAX_CONTENT);
  if (c.phrase === 'according' || c.phrase === 'reportedby') {
    // "According to X, …", "But according to X, …", "In fact, according to X, …".
    const atStart =
      c.at === 0 ||
      (c.at <= 2 && toks.slice(0, c.at).every(t => t.word && CLAUSE_CONJ.has(t.f))) ||
      (c.at <= 4 &&
        toks[c.at - 1].text === ',' &&
        toks.slice(0, c.at - 1).every(t => t.word && !FINITE.has(t.f) && !PRONOUNS.has(t.f)));
    if (atStart) {
      // According to X, …
      const src = sourceAfter(toks, c.after, s.end);
      if (!src) return null;
      const comma = toks[src[1] + 1];
      if (!comma || comma.text !== ',') return null;
      const [cs, ce] = trim(text, comma.end, limit, endsInQuote(text, limit));
      return finish(ctx, span(text, toks[src[0]].start, toks[src[1]].end), c, cs, ce);
    }
    // …, according to X. (The comma may stand inside a closing quotation mark: "… right,” according to X.)
    if (!prevTok || !(prevTok.text === ',' || (/^[”"]$/.test(prevTok.text) && text[prevTok.start - 1] === ',')))
      return null;
    const src = sourceAfter(toks, c.after, s.end);
    if (!src) return null;
    const [cs, ce] = trim(text, clampStart(text, s.start, prevTok.start), prevTok.start, true);
    return finish(ctx, span(text, toks[src[0]].start, toks[src[1]].end), c, cs, ce);
  }
  if (c.shape === 'participle' || c.ing) return participleClaim(ctx, toks, c, limit, earlier);
  // Inverted: "…, said X." / "…, reported Reuters."
  if (prevTok && prevTok.text === ',' && c.shape === 'plain') {
    const src = sourceAfter(toks, c.after, s.end);
    const srcOk = src && src[1] - src[0] < 8 && (toks[src[0]].cap || /^(?:a|an|the|\d+)$/i.test(toks[src[0]].text));
    if (
      src &&
      srcOk &&
      sourceLike(ctx, toks, src[0], src[1]) &&
      (src[1] + 2 >= toks.length || toks[src[1] + 1].text === ',')
    ) {
      const [cs, ce] = trim(text, clampStart(text, s.start, prevTok.start), prevTok.start, true);
      if (ce - cs > 10) return finish(ctx, sourceSpan(ctx, toks[src[0]].start, toks[src[1]].end), c, cs, ce);
    }
  }
  // A determiner's noun phrase is a source before a strong cue, a cue with "that", or a directive ("The council asked …").
  const loose = c.phrase === 'verb' && (c.strong || c.shape !== 'plain' || afterCue?.f === 'that');
  // "X called it a disgrace and vowed to …": a verb coordinated with an attribution's shares its source.
  let j = c.at - 1;
  while (j >= 0 && toks[j].word && (SKIP_BEFORE_CUE.has(toks[j].f) || (/ly$/.test(toks[j].f) && !toks[j].cap))) j--;
  if (earlier?.source && j >= 0 && (toks[j].f === 'and' || toks[j].f === 'but') && afterCue) {
    const from = /^(?:that|:)$/.test(afterCue.f) ? c.after + 1 : c.after;
    if (!toks[from] || (!c.strong && c.shape === 'plain' && !/^(?:that|:|to|“|")$/.test(afterCue.text.toLowerCase())))
      return null;
    const [cs, ce] = trim(text, toks[from].start, limit, endsInQuote(text, limit));
    if (ce - cs < 6) return null;
    return finish(ctx, earlier.source, c, cs, ce);
  }
  const sb = sourceBefore(ctx, toks, c.at, quotes, loose);
  if (!sb) return null;
  if (c.shape !== 'plain') {
    // Directives, accusations and small clauses: the content is everything after the cue, object included.
    const [cs, ce] = trim(text, toks[c.after].start, relativeEnd(toks, sb.a, c.after, limit), endsInQuote(text, limit));
    if (ce - cs < 6) return null;
    return finish(ctx, sourceSpan(ctx, toks[sb.a].start, toks[sb.b].end), c, cs, ce);
  }
  // After a postposed cue only circumstances may follow ("…, he said on Monday."), not a complement.
  const tail = toks.slice(c.after, c.after + 12).filter(t => t.word);
  const tailIsShort = tail.length === 0 || (tail.length <= 7 && TAIL_STARTS.has(tail[0].f));
  // Postposed: "…, X told Reuters." (the content is before the source).
  if (tailIsShort && sb.clauseStart > 0 && toks[sb.clauseStart - 1].text === ',') {
    const [cs, ce] = trim(
      text,
      clampStart(text, s.start, toks[sb.clauseStart - 1].start),
      toks[sb.clauseStart - 1].start,
      true,
    );
    if (ce - cs > 10) return finish(ctx, sourceSpan(ctx, toks[sb.a].start, toks[sb.b].end), c, cs, ce);
  }
  // Preposed: "X said (that) …", "X vowed to …"; past the day it was said ("said Thursday he …", "said on Monday
  // that …"): the time of the saying is not what was said.
  const at = timeAfter(toks, c.after);
  const afterWhen = toks[at];
  if (!afterCue || !afterWhen) return null;
  let from = at;
  const af = afterWhen.f;
  const introduced =
    af === 'that' || af === ':' || af === 'to' || afterWhen.text === '“' || afterWhen.text === '"' || af === ',';
  if (!c.strong && !introduced && !bareClause(toks, at, limit)) return null;
  if (af === 'that' || af === ':' || af === ',') from++;
  if (!toks[from]) return null;
  // "said at the Capitol before …", "said in a statement": a place or time after the cue is not what was said.
  if (
    !introduced &&
    /^(?:at|in|on|during|before|after|from|with|outside|inside|near|since|until|by|via|through|soon|later|earlier|afterward|afterwards|shortly)$/.test(
      af,
    )
  ) {
    // …unless a comma closes the adjunct and what was said follows: "added later, “That is …”", "said in an interview, “…”".
    let k = from + 1;
    while (k < Math.min(toks.length, from + 9) && toks[k].word) k++;
    if (!(toks[k]?.text === ',' && toks[k + 1] && (toks[k + 1].text === '“' || toks[k + 1].text === '"'))) return null;
    from = k + 1;
  }
  const [cs, ce] = trim(text, toks[from].start, relativeEnd(toks, sb.a, from, limit), endsInQuote(text, limit));
  if (ce - cs < 8) return null;
  // "which he tweeted Wednesday evening": a time alone is not what was said.
  if (TIME_ONLY.test(text.slice(cs, ce))) return null;
  return finish(ctx, sourceSpan(ctx, toks[sb.a].start, toks[sb.b].end), c, cs, ce);
}

/**
 * Where a content inside a relative clause ends ("The man, who police identified as X of Y, Illinois, was shot"):
 * at the comma before the main clause's verb. Elsewhere `limit`.
 */
function relativeEnd(toks: Token[], srcAt: number, from: number, limit: number): number {
  const rel =
    toks[srcAt - 1]?.word && /^(?:who|which|that)$/.test(toks[srcAt - 1].f)
      ? srcAt - 1
      : toks[srcAt]?.word && /^(?:who|which)$/.test(toks[srcAt].f)
        ? srcAt
        : -1;
  if (rel < 1 || toks[rel - 1].text !== ',') return limit;
  for (let k = from; k < toks.length - 1 && toks[k].start < limit; k++) {
    if (
      toks[k].text === ',' &&
      toks[k + 1].word &&
      (AUX.has(toks[k + 1].f) || /^(?:has|had|have|will|would|can|could|died|said)$/.test(toks[k + 1].f))
    )
      return toks[k].start;
  }
  return limit;
}

/**
 * A participle's claim ("…, saying the drug flows freely"; "issued a statement saying …"): the source is that of an
 * attribution just before it in the sentence, else the subject of the sentence.
 */
function participleClaim(ctx: Ctx, toks: Token[], c: Cue, limit: number, earlier?: Attribution): Attribution | null {
  const { text } = ctx;
  const afterCue = toks[c.after];
  if (!afterCue) return null;
  const af = afterCue.f;
  const introduced = af === 'that' || af === ':' || af === 'to' || afterCue.text === '“' || afterCue.text === '"';
  if (!c.strong && !introduced && c.shape === 'participle') return null;
  // Directives, accusations and small clauses keep their object: "urging [prosecutors to refrain …]".
  const from = c.shape === 'participle' && (af === 'that' || af === ':') ? c.after + 1 : c.after;
  if (!toks[from]) return null;
  let source: Span | null = earlier?.source ?? null;
  const prev = toks[c.at - 1];
  if (!source && prev && prev.word && !CLAUSE_CONJ.has(prev.f) && !/^(?:statement|statements)$/.test(prev.f)) {
    // "an article published by the Post on Thursday saying …", "federal guidance urging …": the noun phrase before.
    const prep = (t: Token | undefined) => !!t && /^(?:of|because|for|with|from|to|in|on|by|at|about)$/.test(t.f);
    const lo = Math.max(0, c.at - 12);
    let k = c.at - 1;
    while (k >= lo && toks[k].word && !(DETERMINERS.test(toks[k].f) && !prep(toks[k - 1]))) k--;
    if (k < lo || !toks[k].word) {
      // No determiner: the bare noun phrase back to a preposition ("because of [federal guidance] urging …").
      k = c.at - 1;
      // … and back to a conjunction: "with crossings already down and [critics] accusing him …".
      while (k > lo && toks[k - 1].word && !prep(toks[k - 1]) && !CLAUSE_CONJ.has(toks[k - 1].f)) k--;
    }
    if (k < c.at && (sourceLike(ctx, toks, k, c.at - 1, true) || SOURCE_HEADS.has(prev.f)))
      source = sourceSpan(ctx, toks[k].start, prev.end);
  }
  if (!source) {
    const subj = subjectOf(ctx, toks, c.at);
    if (!subj) return null;
    source = sourceSpan(ctx, toks[subj[0]].start, toks[subj[1]].end);
  }
  const [cs, ce] = trim(text, toks[from].start, limit, endsInQuote(text, limit));
  if (ce - cs < 8) return null;
  return finish(ctx, source, c, cs, ce);
}

/** The subject of a sentence, before token `upTo`: past a fronted adverbial ("In January, …"), a short noun phrase. */
function subjectOf(ctx: Ctx, toks: Token[], upTo: number): [number, number] | null {
  let a = 0;
  // "In January, …", "Earlier this week, …", "But …".
  if (
    toks[0]?.word &&
    (/^(?:in|on|at|during|after|before|earlier|later|last|since|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|meanwhile|separately|for|from|with|by|as|when|while|despite|under|over|prior|following|amid|unlike|like|throughout|within|without|among|ahead|because|although|though|if|once|until|upon|returning|speaking|asked)$/.test(
      toks[0].f,
    ) ||
      (/ly$/.test(toks[0].f) && toks[1]?.text === ','))
  ) {
    let k = 1;
    while (k < Math.min(upTo, 12) && toks[k].text !== ',') k++;
    if (k >= upTo || toks[k].text !== ',') return null;
    a = k + 1;
  }
  while (a < upTo && toks[a].word && CLAUSE_CONJ.has(toks[a].f)) a++;
  // A dateline ("WASHINGTON — …") is not the subject.
  // "WASHINGTON ―", "AUSTIN, Texas —", "NEW YORK (AP) --": up to a dash within a few tokens of an all-caps word.
  if (toks[a]?.upper && toks[a].text.length > 2)
    for (let k = a + 1; k < Math.min(upTo, a + 8); k++) {
      if (/^[—–―-]$/.test(toks[k].text)) {
        a = k + 1;
        while (a < upTo && /^[—–―-]$/.test(toks[a].text)) a++;
        break;
      }
      if (toks[k].word && !toks[k].cap) break;
    }
  if (a >= upTo || /ing$/.test(toks[a].f)) return null;
  let b = a;
  const det = DETERMINERS.test(toks[a].f);
  while (b + 1 < upTo && b - a < 8) {
    const t = toks[b + 1];
    if (t.text === ',' || t.text === '(') break;
    // A lower-case word followed by a preposition or a determiner is the verb: "The union [struck] on Monday".
    if (
      (t.word &&
        !t.cap &&
        b + 1 > a + 1 &&
        /^(?:on|in|at|to|the|a|an|his|her|their|its|that|with|for|from|by|up|down|out|back|off|over)$/.test(
          toks[b + 2]?.f ?? '',
        )) ||
      toks[b + 2]?.text === ','
    ) {
      if (t.word && !t.cap) break;
    }
    const title = t.word && !t.cap && toks[b + 2]?.cap && toks[b].cap && !FINITE.has(t.f) && !/ed$/.test(t.f); // "Trump lawyer Rudy Giuliani"
    if (
      t.word &&
      !t.cap &&
      !title &&
      !/^(?:and|of|the|a|an)$/.test(t.f) &&
      !(det && !AUX.has(t.f) && !/ed$/.test(t.f) && !SKIP_BEFORE_CUE.has(t.f))
    )
      break;
    if (!t.word && !/^['’]s$/.test(t.text) && t.text !== '-' && t.text !== '.') break;
    b++;
  }
  while (b > a && toks[b].word && /^(?:and|of|the|a|an)$/.test(toks[b].f)) b--;
  if (!sourceLike(ctx, toks, a, b, true)) return null;
  return [a, b];
}

/**
 * Does a clause without "that" start at token `from` ("suggested [he would feel safer]", "contended [the
 * situation amounted to …]"), rather than a noun phrase ("suggested a possible job")? A finite verb within eight
 * words, before any relative pronoun, tells it.
 */
function bareClause(toks: Token[], from: number, limit: number): boolean {
  const t0 = toks[from];
  if (
    !t0 ||
    !t0.word ||
    /^(?:a|an|to|in|on|at|for|with|by|from|about|of|more|no|when|where|how|why|what|whether|if)$/.test(t0.f)
  )
    return false;
  // "indicates his last day will be May 2" is a clause; "confirmed his departure" is not: a possessive start needs a
  // verb that is surely finite.
  const owned = /^(?:his|her|its|their)$/.test(t0.f);
  for (let k = from + 1; k < Math.min(toks.length, from + 9) && toks[k].start < limit; k++) {
    const t = toks[k];
    if (!t.word) {
      if (t.text === ',' || t.text === '“' || t.text === '"') return false;
      continue;
    }
    if (/^(?:that|which|who|whom|whose)$/.test(t.f)) return false;
    if (FINITE.has(t.f) || /^(?:will|would|may|might|must|shall|should|can|could)$/.test(t.f)) return true;
    if (
      !owned &&
      /ed$/.test(t.f) &&
      toks[k - 1].word &&
      !toks[k - 1].cap &&
      !/^(?:the|a|an|to|of|and|be|been|was|were|is|are|has|have|had)$/.test(toks[k - 1].f)
    )
      return true;
  }
  return false;
}

const TIME_ONLY =
  /^(?:(?:on|late|early|last|this|that)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|later|earlier)(?:\s+(?:morning|afternoon|evening|night))?(?:\s*[,—–-][\s\S]*)?$/i;

/** The longest content: longer sentences are not prose (lists, run-ons without stops) and would cost quadratic work. */
const MAX_CONTENT = 3000;

/** `start`, or, if that is more than MAX_CONTENT before `end`, the first white space after end - MAX_CONTENT. */
function clampStart(text: string, start: number, end: number): number {
  if (end - start <= MAX_CONTENT) return start;
  let i = end - MAX_CONTENT;
  while (i < end && !/\s/.test(text[i])) i++;
  return i;
}

/** Are there at least `n` words (runs of non-space) in text[from, to)? */
function atLeastWords(text: string, from: number, to: number, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord && ++words >= n) return true;
    inWord = !space;
  }
  return false;
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
