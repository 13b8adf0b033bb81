// Rules of news writing that keep the cross-article check from listing what is no disagreement (precision on real
// news). Each is a small test on a statement's text or on two figures, used by crossdoc's judging of a pair:
//
// - A question the outlet asks (a rhetorical question, a teaser) claims nothing: who states or credits it, whether
//   it is hedged or negated, is no disagreement.
// - A source known only by a pronoun ("He testified", "They note") is the engine's guess of whom it stands for, not
//   the article's words: two articles are not shown crediting a claim to two people on that guess.
// - A sentence whose subject is a pronoun or a description of a person ("The South Carolina Republican set a
//   deadline", "They're hoping to get …") tells what someone the article named before did: against a claim the other
//   credits to a person, it is that person's act, not the outlet stating it as fact.
// - A claim hedged in one ("allegedly", "reportedly") against the other passing it on from someone ("The Times
//   reported that …", "officials said …") or naming it as a possibility ("for any role in", "if they are found to")
//   is told by neither as fact.
// - Figures that count different things: two shares that make up one whole (23 percent cut / 77 percent paid), a
//   count of a loss against a count of a gain (lost 60 seats / picked up six), an amount proposed or supposed ("if
//   he wants to raise it by $2 trillion", "should press for …") against an amount of fact.
// - A round figure stands for the figures near it: "$700 billion" is "$716 billion" rounded (a figure written with
//   two zeros or more at its end, within 5% of the other). "30 pages" against "32 pages" is no rounding.
// - A quotation runs on over paragraphs: a paragraph that closes a quotation it never opens ("… in a court of law. If
//   you do wrong, you should be held accountable.”") is someone's words throughout, not the outlet's statements.
// - A doubt someone is reported to have voiced ("Assange said he could not confirm whether …") is that source's
//   doubt, not the outlet's hedge: no hedge conflict with an outlet stating it.
// - "The White House" and "the Obama administration" speak for one executive: crediting a claim to each is no
//   disagreement about who said it.
// - Inside quotation marks a reporter never turns "you" into "he": a quotation speaking to someone ("your budget
//   reflects …", a letter sent to him) and one speaking of him ("the chairman's budget reflects …", remarks to the
//   press) at the same words are two utterances, however much they share, not one quotation in other words.
// - News of different days is of different events unless the statements say otherwise: two statements of articles
//   published days apart, each about a different person first ("Cantor was defeated on Tuesday" / "Labrador jumped
//   into the race on Friday"), tell two events, however much else they share.

/** Whether a sentence asks rather than tells: it ends with a question mark (before closing quotes or an ellipsis). */
export function asks(text: string): boolean {
  return /\?\s*(?:[”"’']\s*)*(?:(?:\.\s*){3}|…)?\s*$/.test(text);
}

const PRONOUN_SOURCE = /^(?:he|she|they|it|we|him|her|them)$/i;

/** Whether an attribution's source is a bare pronoun ("He testified", "They note"). */
export function pronounSource(source: { text: string } | null | undefined): boolean {
  return !!source && PRONOUN_SOURCE.test(source.text.trim());
}

/** Nouns that describe a person by party, office or trade ("the South Carolina Republican", "the senator"). */
const PERSON_NOUN =
  'Republican|Democrat|Independent|senator|congressman|congresswoman|lawmaker|governor|mayor|candidate|nominee|lawyer|attorney|official|spokesman|spokeswoman|chairman|chairwoman|leader|speaker|president|secretary|minister|judge|justice|billionaire|businessman|businesswoman|executive|commentator|host|activist|congressional\\s+leader';
const DESCRIBED = new RegExp(
  `^[\\s“"‘]*(?:(?:He|She|They)\\b(?![’'\\s]*s\\s)|The\\s+(?:(?:\\p{Lu}[\\p{L}.'’-]*|former|longtime|veteran|embattled|outgoing|incoming|retiring|freshman|\\d+-year-old|two-term|three-term)\\s+){1,4}(?:${PERSON_NOUN})(?=\\s+\\p{Ll}|,))`,
  'u',
);

/**
 * Whether a sentence's subject is a pronoun or a description of a person that stands for someone named before
 * ("He left the campaign in 2015", "The South Carolina Republican set a deadline", "They're hoping to …"). A bare
 * title ("The president opted not to …") is not: it names whoever holds it, and is compared as a title elsewhere.
 */
export function standsForSomeone(text: string): 'person' | 'people' | null {
  const m = DESCRIBED.exec(text);
  return m ? (/^[\s“"‘]*They\b/.test(m[0]) ? 'people' : 'person') : null;
}

/** Words that pass on what someone said or reported: what follows is theirs, not the outlet's. */
const PASSED_ON =
  /\b(?:reported|reports|said|says|wrote|claimed|alleged|testified|stated|announced|confirmed|acknowledged)\b(?:\s+(?:on|last|this|early|late)\s+\p{L}+)?\s+that\s/iu;

/** Words that name a possibility, not a fact: "any role in", "if they are found to", "whether". */
const POSSIBILITY = /\b(?:any|if|whether|unless|should they|would be)\b/i;

/**
 * Whether a statement that does not hedge still tells a claim as no fact of its own: most words it shares with the
 * hedged statement stand after a word passing them on ("The Times reported that he had corresponded …") or just after
 * a word naming a possibility ("to sue for any role in the plot", "if they are found to have played a role").
 * `shared` are the shared content words (lower-case stems or words), `fold` lowers a word as they are.
 */
export function notAsFact(text: string, shared: (word: string) => boolean): boolean {
  const plain = /[“"]/.test(text) ? text.replace(/“[^”]*”?|"[^"]*"?/g, m => ' '.repeat(m.length)) : text;
  const passed = PASSED_ON.exec(plain);
  if (!passed && !POSSIBILITY.test(plain)) return false;
  const words = [...plain.matchAll(/[\p{L}\p{N}'’-]+/gu)];
  if (passed) {
    // Most of the shared words after the words passing them on.
    const after = words.filter(w => shared(w[0]) && w.index! > passed.index).length;
    const before = words.filter(w => shared(w[0]) && w.index! < passed.index).length;
    if (after > before) return true;
  }
  // A possibility word within three words before a shared word.
  for (let k = 0; k < words.length; k++) {
    if (!shared(words[k][0])) continue;
    for (let back = Math.max(0, k - 3); back < k; back++) if (POSSIBILITY.test(words[back][0])) return true;
  }
  return false;
}

/** Words before a figure that count a loss, and words that count a gain. */
const LOSS =
  /\b(?:lost|lose|loses|losing|fell|fall|falls|dropped|drop|declined|shed|sheds|cut|cuts|decreased|shrank|lowered)\b/i;
const GAIN =
  /\b(?:gained|gain|gains|won|win|wins|picked\s+up|pick\s+up|added|adds|rose|rise|rises|increased|grew|grow|raised|flipped)\b/i;
/** A figure proposed or supposed, not of fact: in an "if" clause or after a word of wanting or urging. */
const PROPOSED =
  /\b(?:if|should|wants?\s+to|want(?:s|ed)?|press(?:es|ed)?\s+for|push(?:es|ed)?\s+for|seek(?:s|ing)?|sought|demand(?:s|ed)?|propos(?:e|es|ed|ing)|calls?\s+for|asked\s+for|requested)\b/i;

/** The words before a figure in its clause (back to a comma, a semicolon or the sentence's start), at most 60 characters. */
function before(text: string, at: number): string {
  let from = Math.max(0, at - 60);
  for (let k = at - 1; k >= from; k--)
    if (',;:—–'.includes(text[k])) {
      from = k + 1;
      break;
    }
  return text.slice(from, at);
}

/**
 * Whether two figures, each at a position in its statement's text, count different things: shares that make up one
 * whole, a loss against a gain, a figure proposed against one of fact.
 */
export function countsOtherThings(
  x: { text: string; at: number; value: number; percent: boolean },
  y: { text: string; at: number; value: number; percent: boolean },
): boolean {
  if (x.percent && y.percent && Math.abs(x.value + y.value - 100) <= 1) return true;
  const bx = before(x.text, x.at);
  const by = before(y.text, y.at);
  if ((LOSS.test(bx) && GAIN.test(by) && !LOSS.test(by)) || (GAIN.test(bx) && LOSS.test(by) && !LOSS.test(bx)))
    return true;
  if (PROPOSED.test(bx) !== PROPOSED.test(by)) return true;
  return false;
}

/** Each article's publication day (NaN: none), kept with the list of dates of a check (pairs ask over and over). */
const DAYS = new WeakMap<readonly (string | null)[], Float64Array>();
export function publicationDays(published: readonly (string | null)[]): Float64Array {
  let days = DAYS.get(published);
  if (!days) {
    days = Float64Array.from(published, p => (p ? Date.parse(p.slice(0, 10)) / 864e5 : NaN));
    DAYS.set(published, days);
  }
  return days;
}

/** Publication days apart from which two articles are news of different days (a day's lag is one story told late). */
export const OTHER_DAYS = 2;

/**
 * Whether two statements, each with the people it names in order (by surname), are about different main participants:
 * each names a different person first, and one does not name the other's at all.
 */
export function otherParticipants(x: string[], y: string[]): boolean {
  if (x.length === 0 || y.length === 0 || x[0] === y[0]) return false;
  return !y.includes(x[0]) || !x.includes(y[0]);
}

/**
 * Whether an attribution's source is the executive: "the White House", "the administration", or a name followed by
 * "administration" ("the Obama administration said"). `after` is the text right after the source.
 */
export function executive(source: string, after: string): boolean {
  return /\b(?:White House|administration)\b/i.test(source) || /^(?:['’]s)?\s+administration\b/i.test(after);
}

/**
 * Where a paragraph closes a quotation opened in a paragraph before (its first quotation mark closes one: a curly
 * closing mark, or a straight one after a word or a stop and before a space or the end): the mark's offset, or -1.
 */
export function carriedQuote(paragraph: string): number {
  const m = /[“”"]/.exec(paragraph);
  if (!m) return -1;
  if (m[0] === '”') return m.index;
  if (
    m[0] === '"' &&
    m.index > 0 &&
    /[\p{L}\p{N}.,!?;:’'—–-]/u.test(paragraph[m.index - 1]) &&
    /^(?:\s|$)/.test(paragraph.slice(m.index + 1, m.index + 2))
  )
    return m.index;
  return -1;
}

/** Whether a figure as written ("$700 billion", "1,500") ends in two zeros or more: a round figure. */
function round(text: string): boolean {
  const digits = /(\d[\d,]*)(?:\.\d+)?/.exec(text)?.[0] ?? '';
  return !digits.includes('.') && /[1-9]0{2,}$/.test(digits.replace(/,/g, ''));
}

/** Whether one of two exact figures is a round figure within 5% of the other: the other rounded, no disagreement. */
export function roundedAlike(x: { text: string; value: number }, y: { text: string; value: number }): boolean {
  if (!(x.value > 0 && y.value > 0)) return false;
  const near = Math.abs(x.value - y.value) <= 0.05 * Math.max(x.value, y.value);
  return near && (round(x.text) || round(y.text));
}

/** Words of a record showing what it holds: "the returns, showing that …", "records show", "the filing revealed". */
const SHOWING =
  /^(?:show|shows|showed|shown|showing|reveal|reveals|revealed|revealing|indicate|indicates|indicated|indicating)$/;

/**
 * Whether a statement names, as what shows its claim, the record another credits it to: "tax returns released
 * Friday" credited in one, "released her tax returns, showing that she earned …" in the other. Both take it from one
 * record; who tells it is no difference. `source` is the other's source as written (a record, not a person: lower
 * case), `text` the statement's words without its quotations.
 */
export function showsSource(text: string, source: string): boolean {
  if (/^\p{Lu}/u.test(source)) return false;
  const names = new Set(
    (source.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter(
      w => !/^(?:released?|issued|from|that|this|with)$/.test(w),
    ),
  );
  if (names.size === 0) return false;
  const words = text.toLowerCase().match(/\p{L}+|[.;:!?]/gu) ?? [];
  for (let k = 0; k < words.length; k++) {
    if (!names.has(words[k])) continue;
    // A word of reporting within four words after the record's name ("tax returns, showing", "the records show").
    for (let j = k + 1; j <= k + 4 && j < words.length && !/^[.;:!?]$/.test(words[j]); j++)
      if (SHOWING.test(words[j])) return true;
  }
  return false;
}

/**
 * Whether what a source is credited with is a stance on a claim, not the claim: "he is skeptical that the committee
 * would grant immunity", "she was hopeful that the talks would resume". Their doubt or hope is theirs; another outlet
 * stating a fact about the same people does not state what they are credited with.
 */
export function stance(content: string): boolean {
  return STANCE.test(content);
}
const STANCE =
  /^[\s“"‘]*(?:[\p{L}’']+\s+){0,3}?(?:is|was|are|were|am|remains?|remained|seemed|seems)\s+(?:(?:still|not|very|deeply|increasingly)\s+)?[“"‘]?(?:skeptical|sceptical|doubtful|hopeful|optimistic|pessimistic|worried|concerned|afraid|unsure|uncertain)[”"’]?\s+(?:that|about|whether|of)\b/iu;

/** Words speaking to someone, and words speaking of someone (a possessive's "s" stands alone among quoted words). */
const TO_YOU = new Set(['you', 'your', 'yours', 'yourself']);
const OF_THEM = new Set(['he', 'she', 'they', 'him', 'them', 'his', 'her', 'their', 's']);

/**
 * Whether two quotations (their words, lower case) say the same words of someone in another grammatical person: one
 * speaks to him ("your budget", "you have") where the other speaks of him ("his budget", "the chairman's budget",
 * "he has") before one word (by its stem). Two utterances, never one quotation worded differently.
 */
export function otherPerson(x: readonly string[], y: readonly string[], stem: (w: string) => string): boolean {
  return addressedWhereTold(x, y, stem) || addressedWhereTold(y, x, stem);
}

function addressedWhereTold(x: readonly string[], y: readonly string[], stem: (w: string) => string): boolean {
  for (let i = 0; i + 1 < x.length; i++) {
    if (!TO_YOU.has(x[i])) continue;
    const next = stem(x[i + 1]);
    for (let j = 0; j + 1 < y.length; j++) if (OF_THEM.has(y[j]) && stem(y[j + 1]) === next) return true;
  }
  return false;
}
