// Whether two statements that one outlet credits to a source and the other states as fact (or credits to another
// source, or hedges) say THE SAME claim. Sharing a topic is not enough: "Senator Roe accused the mayor of hiding the
// audit" and "The council will vote on the audit next week" share a topic and a word, and are two claims. Two
// statements tell one claim when they tell who did what to whom alike: the same predicate (a verb, or its noun:
// "sued" / "lawsuit", "appeared" / "appearance") with a participant in common beside it in both (a name, a figure, or
// a content word such as the predicate's object: "expand its headquarters"), found in what the source is credited
// with (the attribution's content, not the words about the speaker) and in what the other statement asserts.
//
// What a source asserts is the main clause of its content: a reason, a time or a description hung on it ("because
// the governor failed to explain the law during an appearance on television", "the committee, which is conducting
// its own inquiry") is background the source takes as given, not its claim.
import { PERSON_TITLES } from '../engine/lexicon';
import { type Token, tokenize } from '../engine/text';

/** A span of a statement: offsets into the statement's own text. */
export interface ClaimSpan {
  from: number;
  to: number;
}

/** Words that open a clause hung on the main one (a reason, a time, a condition, a description), or punctuation doing so. */
/**
 * "After", "before", "since" and "until" open a clause ("after he resigned", "after learning") or a phrase about an
 * event ("after the release of the report"), which hang on the main clause, or a date ("since early February"),
 * which is part of it: they open a clause before a subject, an article or a verb in -ing.
 */
const TEMPORAL = new Set(['after', 'before', 'since', 'until']);
const OPENS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'he', 'she', 'they', 'it', 'we', 'i', 'you']);
const SUBORDINATE = new Set([
  'because',
  'when',
  'while',
  'although',
  'though',
  'unless',
  'whereas',
  'if',
  'which',
  'who',
  'whom',
  'whose',
  'where',
  'without',
]);
/** Words before a verb: "to", an auxiliary, a modal, a subject pronoun. */
const BEFORE_VERB = new Set([
  'to',
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'should',
  'must',
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'not',
  'he',
  'she',
  'they',
  'we',
  'i',
  'who',
]);
const BREAK = new Set([';', '(']);
/** Words opening a description of what stands before them (", which …,", ", who …,"). */
const DESCRIBES = new Set(['which', 'who', 'whose']);
const DASH = new Set(['—', '–']);

/** Words too light to tell a claim by themselves (they stand in any sentence of a story). */
const LIGHT = new Set([
  'make',
  'mak',
  'made',
  'take',
  'tak',
  'took',
  'get',
  'gett',
  'got',
  'give',
  'giv',
  'gave',
  'need',
  'want',
  'come',
  'com',
  'came',
  'go',
  'went',
  'way',
  'time',
  'thing',
  'part',
  'lot',
  'number',
  'day',
  'former',
  'first',
  'last',
  'next',
  'many',
  'much',
  'well',
  'even',
  'back',
  'like',
  'would',
  'could',
  'should',
  'will',
  'can',
  'may',
  'might',
  'must',
  'been',
  'being',
  'did',
  'does',
  'done',
]);

/** Nouns told by their verb's stem ("lawsuit" is "sue"), beside the suffixes claimKey strips. */
const NOUN_VERB = new Map<string, string>([
  ['lawsuit', 'sue'],
  ['lawsuits', 'sue'],
  ['suit', 'sue'],
  ['suits', 'sue'],
  ['sued', 'sue'],
  ['suing', 'sue'],
  ['sues', 'sue'],
  // Short and irregular forms the stemmer leaves apart from their verb.
  ['lied', 'lie'],
  ['lying', 'lie'],
  ['died', 'die'],
  ['dying', 'die'],
  ['used', 'use'],
  ['using', 'use'],
  ['paid', 'pay'],
  ['withdrawn', 'withdraw'],
  ['withdrew', 'withdraw'],
  ['drawn', 'draw'],
  ['drew', 'draw'],
  ['taken', 'take'],
  ['given', 'give'],
  ['shown', 'show'],
  ['known', 'know'],
  ['knew', 'know'],
  ['thrown', 'throw'],
  ['threw', 'throw'],
  ['grown', 'grow'],
  ['grew', 'grow'],
  ['written', 'write'],
  ['wrote', 'write'],
  ['driven', 'drive'],
  ['drove', 'drive'],
  ['broken', 'break'],
  ['broke', 'break'],
  ['chosen', 'choose'],
  ['chose', 'choose'],
  ['stolen', 'steal'],
  ['stole', 'steal'],
  ['hidden', 'hide'],
  ['hid', 'hide'],
  ['fallen', 'fall'],
  ['fell', 'fall'],
  ['sworn', 'swear'],
  ['swore', 'swear'],
  ['sent', 'send'],
  ['spent', 'spend'],
  ['lost', 'lose'],
  ['won', 'win'],
  ['sold', 'sell'],
  ['bought', 'buy'],
  ['brought', 'bring'],
  ['fought', 'fight'],
  ['caught', 'catch'],
  ['sought', 'seek'],
  ['thought', 'think'],
  ['held', 'hold'],
  ['left', 'leave'],
  ['met', 'meet'],
  ['led', 'lead'],
  ['fled', 'flee'],
  ['struck', 'strike'],
  ['began', 'begin'],
  ['begun', 'begin'],
  ['ran', 'run'],
  ['shot', 'shoot'],
]);

/** One word of a claim: its key and its place among the words. */
interface ClaimWord {
  key: string;
  /** A name (a capitalised word inside the sentence) or a figure: a participant only, never a predicate. */
  anchor: boolean;
  /** The first word (a capital there may be a name or a common word: either part). */
  initial: boolean;
  /** Told as a verb or a verb's noun: inflected ("sued", "using"), after "to" or an auxiliary, or "lawsuit", "appearance". */
  verb: boolean;
  /**
   * A title or a relation naming a person beside the name ("spokeswoman Victoria Nuland", "Jackson's father"): how
   * the sentence names someone, never the act of its claim.
   */
  title: boolean;
  /**
   * A noun set before a noun naming a case ("a harassment lawsuit", "the bribery inquiry", "fraud charges"): it names
   * what the case is about, not an act the sentence tells.
   */
  kindOfCase: boolean;
  /**
   * A plural noun naming people by what they do ("supporters", "voters", "protesters", "economists"): who took part,
   * never the act ("told supporters" / "before hundreds of supporters" tell two things).
   */
  people: boolean;
  /** A figure written as a year ("the 2016 election"). */
  year?: boolean;
  at: number;
}

export interface ClaimWords {
  words: ClaimWord[];
  /**
   * Its article's topic nouns ("the committee" in a story about a committee's inquiry: in many of its statements): a
   * noun the story keeps naming tells its topic, not the act of one claim.
   */
  topic?: Set<string>;
}

/**
 * The key of a content word: its stem, with a noun made from a verb told by the verb ("appearance" / "appeared",
 * "investigation" / "investigated", "agreement" / "agreed").
 */
function claimKey(f: string, stem: (w: string) => string): string {
  const v = NOUN_VERB.get(f);
  if (v) return stem(v);
  return stem(nominal(f) ?? f);
}

/** The verb a noun is made from by its suffix ("investigation", "appearance", "agreement"), or null. */
function nominal(f: string): string | null {
  if (f.length > 8 && f.endsWith('ation')) return f.slice(0, -3) + 'e';
  if (f.length > 7 && (f.endsWith('ance') || f.endsWith('ence') || f.endsWith('ment'))) return f.slice(0, -4);
  return null;
}

/** Whether a word is told as a verb (or a verb's noun) where it stands, after the word before it. */
function verbal(f: string, prev: string): boolean {
  return (
    (f.length > 4 && f.endsWith('ed')) ||
    (f.length > 5 && f.endsWith('ing')) ||
    NOUN_VERB.has(f) ||
    nominal(f) !== null ||
    BEFORE_VERB.has(prev)
  );
}

/**
 * The words of a span of a statement that tell its claim. `main`: only the main clause (up to the first clause hung
 * on it); otherwise every clause but descriptions set off by commas (", which …", ", who …").
 */
export function claimWords(
  text: string,
  span: ClaimSpan,
  main: boolean,
  stop: Set<string>,
  stem: (w: string) => string,
): ClaimWords {
  return wordsOf(tokenize(text, span.from, span.to), main, stop, stem);
}

/**
 * The words of the clause of a statement that holds an offset (a hedge: "Abedin reportedly forwarded the emails"),
 * from the clause's start to the next clause hung on it.
 */
export function clauseWords(text: string, at: number, stop: Set<string>, stem: (w: string) => string): ClaimWords {
  const toks = tokenize(text);
  let from = 0;
  for (let k = 1; k < toks.length && toks[k].start < at; k++) {
    // A description set off by commas and closed before the offset (“The video, which a rival group posted, apparently
    // shows …”) hangs on the subject: the clause is the sentence's own, the description left out (see wordsOf).
    if (DESCRIBES.has(toks[k].f) && toks[k - 1].text === ',') {
      let close = k + 1;
      while (close < toks.length && toks[close].start < at && !BREAK.has(toks[close].text) && toks[close].text !== ',')
        close++;
      if (close < toks.length && toks[close].text === ',' && toks[close].start < at) {
        k = close;
        continue;
      }
    }
    if (BREAK.has(toks[k].text) || DASH.has(toks[k].text) || opensClause(toks, k)) from = k;
    // A second predicate joined by "and" or "but" and hedged by its modal ("he had erred about the audit and may
    // have erred elsewhere") is a clause of its own: the hedge is of it, and the first predicate is told as fact.
    else if (JOINS.has(toks[k].f) && MODALS.has(toks[k + 1]?.f ?? '')) from = k;
  }
  return wordsOf(toks.slice(from), true, stop, stem);
}

const JOINS = new Set(['and', 'but']);
const MODALS = new Set(['may', 'might', 'could']);

/** Whether a token opens a clause hung on the main one (see SUBORDINATE, TEMPORAL). */
function opensClause(toks: Token[], k: number): boolean {
  const f = toks[k].f;
  if (SUBORDINATE.has(f)) return true;
  if (!TEMPORAL.has(f)) return false;
  const next = toks.slice(k + 1, k + 4).find(n => n.word)?.f ?? '';
  return OPENS.has(next) || (next.length > 5 && next.endsWith('ing'));
}

function wordsOf(toks: Token[], main: boolean, stop: Set<string>, stem: (w: string) => string): ClaimWords {
  const words: ClaimWord[] = [];
  let at = 0;
  let skipping = false;
  let prev = '';
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (!t.word && !/^\d/.test(t.text)) {
      const dash = DASH.has(t.text) || (t.text === '-' && toks[k + 1]?.text === '-');
      if (dash && main && at > 0) {
        // A pair of dashes sets off an aside ("Cohen -- the president's lawyer -- said"): the clause goes on after it.
        let close = -1;
        for (let j = k + 2; j < toks.length; j++)
          if (DASH.has(toks[j].text) || (toks[j].text === '-' && toks[j + 1]?.text === '-')) {
            close = j;
            break;
          }
        if (close < 0) break;
        k = toks[close].text === '-' ? close + 1 : close;
        continue;
      }
      if (BREAK.has(t.text) || dash) {
        if (main && at > 0) break;
        skipping = false;
      } else if (t.text === ',' && skipping) skipping = false;
      continue;
    }
    const f = t.f;
    // (What a credited source says another says, "the bylaws say that …", is that clause: see REPORTS.)
    if (main && words.length && REPORTS.has(f) && toks[k + 1]?.f === 'that') {
      words.length = 0;
      continue;
    }
    // (A possessive's "s" is no word: "Jackson’s father" sets the two side by side.)
    if (f === 's' && (toks[k - 1]?.text === '’' || toks[k - 1]?.text === "'")) continue;
    const before = prev;
    prev = f;
    if (at > 0 && opensClause(toks, k)) {
      // A description set off by a comma (", which is conducting its own inquiry,", "Jackson, who resigned in
      // November, used …") is skipped to its closing comma; any other clause hung on the main one ends it.
      if ((f === 'which' || f === 'who' || f === 'whose') && toks[k - 1]?.text === ',') skipping = true;
      else if (main) break;
    }
    at++;
    if (skipping) continue;
    if (/^\d/.test(t.text)) {
      const v = Number(t.text.replace(/,/g, ''));
      if (Number.isFinite(v))
        words.push({
          key: `#${v}`,
          anchor: true,
          initial: false,
          verb: false,
          title: false,
          kindOfCase: false,
          people: false,
          year: YEAR.test(t.text) && !/^[$€£]$/.test(toks[k - 1]?.text ?? ''),
          at,
        });
      continue;
    }
    if (stop.has(f) || f.length < 3 || LIGHT.has(f)) continue;
    const key = claimKey(f, stem);
    if (LIGHT.has(key)) continue;
    // (A capitalised word is a name, also at the start of the sentence, where it may be a common word too.
    // "President" in one and "president" in the other meet.)
    words.push({
      key,
      anchor: t.cap,
      initial: at === 1,
      verb: verbal(f, before),
      title: namesPerson(toks, k),
      kindOfCase: beforeCase(toks, k, stop),
      people: PEOPLE.test(f),
      at,
    });
  }
  return { words };
}

/**
 * Whether the word at k is a title or relation that names a person beside it: before a name ("spokeswoman Victoria
 * Nuland", "director, Lauren Greene"), after a name's possessive ("Jackson's father"), or a word of the title's phrase
 * ("harbour spokeswoman Lena Odd", "civil rights leader Jesse Jackson"; not a verb: "sued spokeswoman Lena Odd").
 */
function namesPerson(toks: Token[], k: number): boolean {
  for (let j = k; j < k + 3 && j < toks.length; j++) {
    const t = toks[j];
    if (!t.word || t.cap || (j > k && verbal(t.f, ''))) return false;
    if (j === k && verbal(t.f, toks[k - 1]?.f ?? '')) return false;
    if (titleBeside(toks, j)) return true;
  }
  return false;
}

/** Whether the word at k is a title or relation right beside a name (see namesPerson). */
function titleBeside(toks: Token[], k: number): boolean {
  const t = toks[k];
  if (!PERSON_TITLES.has(t.f)) return false;
  const next = toks[k + 1]?.text === ',' ? toks[k + 2] : toks[k + 1];
  if (next?.word && next.cap) return true;
  const s = toks[k - 1];
  const mark = toks[k - 2];
  return s?.f === 's' && (mark?.text === '’' || mark?.text === "'") && !!toks[k - 3]?.cap;
}

/** A plural noun naming people by what they do: "supporters", "voters", "economists", "politicians". */
const PEOPLE = /^[a-z]{3,}(?:er|or|ist|ian)s$/;

/** Nouns naming a case, a charge or an inquiry: a noun before one tells its kind ("a harassment lawsuit"). */
const CASE_NOUNS = new Set([
  'lawsuit',
  'lawsuits',
  'suit',
  'suits',
  'case',
  'cases',
  'claim',
  'claims',
  'charge',
  'charges',
  'complaint',
  'complaints',
  'allegation',
  'allegations',
  'investigation',
  'inquiry',
  'probe',
  'scandal',
  'trial',
  'settlement',
]);

/**
 * Whether the word at k opens a noun naming a case ("harassment lawsuit", "sexual harassment claim", "fraud charges"):
 * it and the words after it, up to the case noun, are plain lower-case words (no article, no preposition, no verb in -ed or -ing).
 */
function beforeCase(toks: Token[], k: number, stop: Set<string>): boolean {
  if (CASE_NOUNS.has(toks[k].f)) return false;
  for (let j = k; j < k + 3 && j < toks.length; j++) {
    const t = toks[j];
    if (!t.word || t.cap || stop.has(t.f) || PREPOSITION.has(t.f) || /(?:ed|ing)$/.test(t.f)) return false;
    const next = toks[j + 1];
    if (next?.word && !next.cap && CASE_NOUNS.has(next.f)) return true;
  }
  return false;
}

/**
 * Prepositions the stop words leave out: a case's kind stands right before its noun, and "holding leaders without
 * charge" names no case.
 */
const PREPOSITION = new Set(
  'without within against through despite toward towards among across behind beyond near upon amid versus'.split(' '),
);

/**
 * Verbs that pass on what someone or something said, before "that": a source credited with "the bylaws say that
 * members must vote" or "the audit found that the money was spent" is credited with the clause after "that". The
 * record or person passed on is where the claim comes from, not its participants: "the bylaws" and "members" in
 * one, "a club whose bylaws bind its members" in the other share no claim.
 */
const REPORTS = new Set(
  'say says said state states stated note notes noted report reports reported write writes wrote claim claims claimed find finds found show shows showed argue argues argued'.split(
    ' ',
  ),
);

/** A figure written as a year: four digits, no comma, no currency ("2016", not "2,000" or "$2016"). */
const YEAR = /^(?:1[89]|20)\d\d$/;

/** How near (in words) a participant stands to its predicate: a name or a figure may stand further off. */
const NEAR = 6;
const NEAR_ANCHOR = 10;

/**
 * Whether two statements' claim words tell one claim: a predicate in both (a verb, or a verb's noun, told so in one
 * of them at least) with a participant beside it in both (a name, a figure, or another content word: "expand its
 * headquarters"). A participant next to the predicate in the same order in both is one term with it ("talking
 * points", "held accountable"), not a second thing they share. Two figures side by side in both ("between 12 and 16")
 * tell one claim too.
 */
export function sameClaim(x: ClaimWords, y: ClaimWords): boolean {
  return sharedClaim(x, y) !== null;
}

/** The predicate and participant two claims share (see sameClaim), or null. */
export function sharedClaim(x: ClaimWords, y: ClaimWords): [string, string] | null {
  return shared(x, y) ?? shared(y, x);
}

function shared(x: ClaimWords, y: ClaimWords): [string, string] | null {
  for (let n = 0; n < x.words.length; n++) {
    const p = x.words[n];
    const figure = p.key[0] === '#';
    if (p.anchor && !p.initial && !figure) continue;
    if (p.title) continue;
    // (A word naming a case's kind in either is no act of its claim: "settled a harassment lawsuit" / "accused of
    // harassment" tell two things.)
    if (p.kindOfCase) continue;
    let py = y.words.filter(w => w.key === p.key);
    // (Nor a title in the other: "director, Lauren Greene" / "Lauren Greene, his former communications director".)
    if (!py.length || py.every(w => w.kindOfCase || w.title)) continue;
    // (People named by what they do are who took part, not the act: "told supporters" / "before hundreds of
    // supporters" tell two things. Unless both name the group alike, a word before it in both: "security advisers
    // have returned" / "security advisers have flown back" tell one.)
    if (p.people || py.some(w => w.people)) {
      const prev = x.words[n - 1];
      py = py.filter(w => {
        const k = y.words.indexOf(w);
        const before = y.words[k - 1];
        return !!prev && !!before && prev.at === p.at - 1 && before.at === w.at - 1 && prev.key === before.key;
      });
      if (!py.length) continue;
    }
    // (A topic noun with a figure beside it is still one claim: "$3.6 billion … for the wall".)
    const topic = !p.verb && !py.some(w => w.verb) && (x.topic?.has(p.key) || y.topic?.has(p.key));
    // (A capital opening the sentence is a common word only when the other has it in lower case.)
    if (p.anchor && !py.some(w => !w.anchor)) continue;
    for (const q of x.words) {
      if ((figure || topic) && q.key[0] !== '#') continue;
      // (What a case is about is no participant either.)
      if (q.kindOfCase) continue;
      const near = q.anchor ? NEAR_ANCHOR : NEAR;
      if (q.key === p.key || Math.abs(q.at - p.at) > near) continue;
      for (const i of py)
        for (const j of y.words) {
          if (j.key !== q.key || j.kindOfCase || Math.abs(i.at - j.at) > near) continue;
          // (One term: side by side, in the same order, in both.)
          if (!figure && Math.abs(q.at - p.at) === 1 && j.at - i.at === q.at - p.at) continue;
          // (A year just before a noun says which one it is, "the 2016 election", "the 2016 presidential
          // election": one thing named in both.)
          if (q.year && j.year && q.at < p.at && p.at - q.at <= 2 && j.at < i.at && i.at - j.at <= 2) continue;
          return [p.key, q.key];
        }
    }
  }
  return null;
}
