// News events a statement reports, by what happened rather than by the word used for it: "quit", "resigned" and
// "stepped down" tell one event; "will leave" and "would be retiring" another. Two outlets telling one event in
// different words share few words, so the cross-article check pairs statements also by the events they tell (and
// by who did it), and tells an event one outlet expects ("is expected to sign") from one another reports as done
// ("signed").
import type { Token } from '../engine/text';

/** Whether the event is told as expected or planned, as done, or neither (a noun, a condition, a denial). */
export type Modality = 'forecast' | 'done' | 'other';

export interface EventMention {
  /** The event's class: resign, depart, sign, sue, warn, declare. */
  cls: string;
  /** The word (or words) that tell it, as written. */
  text: string;
  /** Its offset in the article. */
  start: number;
  /** The surname (folded) of the person who does it, when found. */
  actor: string | null;
  /** The first letter of that person's given name, when the name has one ("j" for Jim or James Mattis). */
  initial: string;
  modality: Modality;
  /** Told by a noun ("resignation", "lawsuit"), not a verb. */
  noun: boolean;
  /**
   * Told from the side of what it is done to, with no doer: "is expected to face a legal challenge", "will be sued",
   * "is almost certain to be challenged in court".
   */
  passive?: boolean;
  /**
   * Told as what someone did before, not as the news: in a clause about a person ("Ms. Roe, who has sued the city
   * twice") or as done several times ("sued repeatedly").
   */
  earlier?: boolean;
  /** Told inside a quotation: the speaker's words, not the outlet's. */
  quoted?: boolean;
}

/**
 * Verb and noun forms of a few news events, by class, each with whether the form itself tells a past event. (A form
 * that is both present and past, "quit", is done only after a subject or "had".)
 */
const FORMS = new Map<string, [string, 'past' | 'base' | 'noun' | 'both']>([
  ...(['resign', 'resigns', 'resigning'] as const).map(w => [w, ['resign', 'base']] as [string, [string, 'base']]),
  ['resigned', ['resign', 'past']],
  ['resignation', ['resign', 'noun']],
  ['quit', ['resign', 'both']],
  ['quits', ['resign', 'base']],
  ['quitting', ['resign', 'base']],
  ...(['leave', 'leaves', 'leaving', 'retire', 'retires', 'retiring', 'depart', 'departs', 'departing'] as const).map(
    w => [w, ['depart', 'base']] as [string, [string, 'base']],
  ),
  ['departed', ['depart', 'past']],
  ['retirement', ['depart', 'noun']],
  ['departure', ['depart', 'noun']],
  ...(['sign', 'signs', 'signing', 'approve', 'approves', 'approving'] as const).map(
    w => [w, ['sign', 'base']] as [string, [string, 'base']],
  ),
  ['signed', ['sign', 'past']],
  ['approved', ['sign', 'past']],
  ['sue', ['sue', 'base']],
  ['sues', ['sue', 'base']],
  ['suing', ['sue', 'base']],
  ['sued', ['sue', 'past']],
  ['lawsuit', ['sue', 'noun']],
  ...(['warn', 'warns', 'warning', 'caution', 'cautions', 'cautioning'] as const).map(
    w => [w, ['warn', 'base']] as [string, [string, 'base']],
  ),
  ['warned', ['warn', 'past']],
  ['cautioned', ['warn', 'past']],
  ...(['declare', 'declares', 'declaring'] as const).map(w => [w, ['declare', 'base']] as [string, [string, 'base']]),
  ['declared', ['declare', 'past']],
]);

/**
 * Taking something to court, in other words than "sue": a suit filed or brought ("filed suit", "brought a lawsuit"),
 * a legal challenge or court fight faced or set off ("expected to face a legal challenge", "set off a legal battle"),
 * and "challenge" with "in court" after it ("to be challenged in court").
 */
const LEGAL_NOUN = /^(?:suit|suits|lawsuit|lawsuits|challenge|challenges|battle|battles|fight|fights)$/;
/** What makes "challenge", "battle" or "fight" one in court: "a legal challenge", "a court fight". */
const LEGAL_BEFORE = /^(?:legal|court|courtroom|constitutional|judicial)$/;
/** Verbs that take a suit as their object, done by its plaintiff: "filed suit", "brought a lawsuit". */
const FILE =
  /^(?:file|files|filing|filed|bring|brings|bringing|brought|lodge|lodges|lodging|lodged|launch|launches|launching|launched|mount|mounts|mounting|mounted)$/;
/** Verbs that take a suit as their object from the side of what it is against: "face a legal challenge". */
const FACE =
  /^(?:face|faces|facing|faced|spark|sparks|sparked|trigger|triggers|triggered|invite|invites|invited|prompt|prompts|prompted|off)$/;
/** Words between such a verb and its noun: "faced a swift and forceful legal challenge". */
const BETWEEN =
  /^(?:a|an|the|its|their|his|her|swift|quick|immediate|forceful|major|new|federal|lengthy|long|fresh|and|class-action)$/;
/** The forms of "be": "to be challenged", "was sued". */
const BE = /^(?:be|been|being|is|are|was|were)$/;

/** "Step down", "stepped down": resign, in two words. */
const STEP = new Map<string, 'base' | 'past'>([
  ['step', 'base'],
  ['steps', 'base'],
  ['stepping', 'base'],
  ['stepped', 'past'],
]);

/** Words before a noun that make "sign" or "leave" a noun ("a sign of", "on leave", "sick leave"). */
const NOUN_BEFORE =
  /^(?:a|an|the|no|any|some|every|clear|first|another|other|warning|early|positive|good|bad|on|of|sick|paid|unpaid|maternity|paternity|medical|annual|shore|stop|street|road)$/;
/** Words after "sign" that make it a noun ("signs of", "a sign that"). */
const NOUN_AFTER = /^(?:of|that|language|up)$/;
/** Words that tell an event as expected or planned, a few words before its verb. */
const MODAL = /^(?:will|shall|’ll|'ll)$/;
/** A plan told as past ("had initially said he planned to sign"): what was expected then, not now. */
const PAST_PLAN = /^(?:had|initially|originally|previously|once|earlier|first)$/;
/** Words before "to" that make what follows expected or planned: "expected to sign", "plans to quit". */
const FORECAST_TO =
  /^(?:expected|set|plans|planned|planning|plan|poised|likely|unlikely|going|scheduled|intends|intended|due|ready|about|certain|wants|wanted|hopes|hoped|vowed|vows|promised|promises|agreed|decided|prepared|preparing)$/;
/** Words that make an event a condition or a question, not a report: "if he signs", "whether she would quit". */
const CONDITION = /^(?:if|unless|whether|should)$/;
const DENIAL = /^(?:not|never|n't|didn't|didn’t|won't|won’t|refused|declined)$/;
const PRONOUN = /^(?:he|she)$/;
/** What follows "declare" when it is an act: a determiner or a thing declared. */
const DECLARED = /^(?:a|an|the|his|her|its|their|war|bankruptcy|victory|independence|martial|emergency|emergencies)$/;

/** A person named in a statement: where, and whose surname (folded). */
export interface Named {
  start: number;
  end: number;
  /** The name as a key, folded: "jim mattis". */
  key: string;
  /** A person (a group, a place or an organization named nearer than any person does the act: no doer is found). */
  person: boolean;
}

const surnameOf = (key: string) => {
  const k = key.replace(/ (?:jr|sr|ii|iii|iv)$/, '');
  return k.slice(k.lastIndexOf(' ') + 1);
};
const initialOf = (key: string) => (key.replace(/ (?:jr|sr|ii|iii|iv)$/, '').includes(' ') ? key[0] : '');

/**
 * The events a statement tells, in order. toks: the statement's tokens; people: the persons it names, by start;
 * skip: whether a position lies in words about someone (a person's credentials), which tell no event of the
 * statement; before: the persons the statement before it names (whom a "he" or "she" may stand for).
 */
export function eventsOf(
  toks: Token[],
  people: Named[],
  skip: (at: number) => boolean,
  before: string[],
): EventMention[] {
  let out: EventMention[] | undefined;
  const words = toks.filter(t => t.word);
  // Where the statement quotes someone: a forecast there is the speaker's ("we will be sued"), not the outlet's.
  // (Found when the statement tells an event at all.)
  let quotes: [number, number][] | undefined;
  const quoted = (at: number) => {
    if (!quotes) {
      quotes = [];
      for (let i = 0, open = -1; i < toks.length; i++) {
        const q = toks[i].text;
        if (q === '“' || (q === '"' && open < 0)) open = toks[i].start;
        else if ((q === '”' || q === '"') && open >= 0) {
          quotes.push([open, toks[i].start]);
          open = -1;
        }
      }
    }
    return quotes.some(([x, y]) => at > x && at < y);
  };
  for (let k = 0; k < words.length; k++) {
    const t = words[k];
    let form = FORMS.get(t.f);
    let text = t.text;
    if (LEGAL_NOUN.test(t.f) || /^challeng/.test(t.f)) {
      const legal = legalAt(words, k);
      if (legal) {
        if (quoted(t.start)) legal.quoted = true;
        if (!skip(t.start)) (out ??= []).push(legal);
        continue;
      }
      if (t.f !== 'lawsuit') continue;
    }
    if (!form) {
      const step = STEP.get(t.f);
      if (!step || words[k + 1]?.f !== 'down') continue;
      form = ['resign', step];
      text = `${t.text} ${words[k + 1].text}`;
    }
    if (skip(t.start)) continue;
    const prev = words[k - 1]?.f ?? '';
    const next = words[k + 1]?.f ?? '';
    const [cls, tense] = form;
    // Nouns that only look like the verbs: "a sign of", "on leave", "follow suit".
    if (
      (cls === 'sign' || cls === 'depart' || cls === 'warn') &&
      tense === 'base' &&
      (NOUN_BEFORE.test(prev) || NOUN_AFTER.test(next))
    )
      continue;
    // "Declare" takes what is declared ("declared a national emergency", "declared bankruptcy"); "declared that …"
    // and "declaring at a fund-raiser" tell a saying, not an act.
    if (cls === 'declare' && !DECLARED.test(next)) continue;
    // "Signed" before a noun is a description ("a signed letter"); "leave" before "of absence" a noun.
    if (/^(?:a|an|the)$/.test(prev) && tense !== 'noun') continue;
    // Who does it: the nearest person named before it in the statement, or the one a "he"/"she" before it stands for.
    let actor: string | null = null;
    for (let b = k - 1; b >= 0 && b >= k - 30; b--) {
      const w = words[b];
      const p = people.find(x => w.start >= x.start && w.end <= x.end);
      if (p) {
        if (skip(w.start)) continue;
        actor = p.person ? p.key : null;
        break;
      }
      // "I signed the bill": the speaker's own words, whoever the speaker is.
      if (w.f === 'i' || w.f === 'we') break;
      if (PRONOUN.test(w.f)) {
        const earlier = people.filter(x => x.end <= w.start && !skip(x.start));
        actor = earlier.length ? earlier[earlier.length - 1].key : before.length === 1 ? before[0] : null;
        break;
      }
    }
    // How it is told: expected (a modal or "expected to" a few words before), done (a past form), or neither.
    let modality: Modality = tense === 'past' ? 'done' : 'other';
    if (tense === 'both' && (/^(?:had|has|have)$/.test(prev) || PRONOUN.test(prev) || words[k - 1]?.cap))
      modality = 'done';
    // An act told as under way ("he is declaring", "she is signing") is being done. (Not a leaving: "is leaving in
    // June" is a plan.)
    if (/ing$/.test(t.f) && /^(?:is|are|am)$/.test(prev) && cls !== 'depart' && cls !== 'resign') modality = 'done';
    for (let b = k - 1; b >= 0 && b >= k - 4; b--) {
      const w = words[b].f;
      if (DENIAL.test(w) || CONDITION.test(w)) {
        modality = 'other';
        break;
      }
      if (tense !== 'noun' && (MODAL.test(w) || (w === 'to' && FORECAST_TO.test(words[b - 1]?.f ?? '')))) {
        modality = words.slice(Math.max(0, b - 6), b).some(x => PAST_PLAN.test(x.f)) ? 'other' : 'forecast';
        break;
      }
    }
    if (modality !== 'other')
      for (let b = k - 5; b >= 0 && b >= k - 10; b--) if (CONDITION.test(words[b].f)) modality = 'other';
    (out ??= []).push({
      cls,
      text,
      start: t.start,
      actor: actor && surnameOf(actor),
      initial: actor ? initialOf(actor) : '',
      modality,
      noun: tense === 'noun',
      // "Was sued", "to be sued": told from the side of whom it is done to (see legalAt).
      passive: (cls === 'sue' && tense !== 'noun' && BE.test(prev)) || undefined,
      earlier: earlier(words, k) || undefined,
      quoted: quoted(t.start) || undefined,
    });
  }
  return out ?? NO_EVENTS;
}

/** Words after an act that make it one of several, done before ("sued the city three times", "sued repeatedly"). */
const AGAIN = /^(?:times|repeatedly|previously|before|often|twice|again)$/;
/** Whether the event told at words[k] is told as done before (see EventMention.earlier). */
function earlier(words: Token[], k: number): boolean {
  for (let b = k - 1; b >= 0 && b >= k - 3; b--) if (/^(?:who|which)$/.test(words[b].f)) return true;
  for (let a = k + 1; a < words.length && a <= k + 6; a++) if (AGAIN.test(words[a].f)) return true;
  return false;
}

/** The modality of an event told by the verb at words[k] of a tense (see eventsOf). */
function modalityAt(words: Token[], k: number, tense: 'past' | 'base' | 'both'): Modality {
  let modality: Modality = tense === 'past' ? 'done' : 'other';
  for (let b = k - 1; b >= 0 && b >= k - 4; b--) {
    const w = words[b].f;
    if (DENIAL.test(w) || CONDITION.test(w)) return 'other';
    if (MODAL.test(w) || (w === 'to' && FORECAST_TO.test(words[b - 1]?.f ?? ''))) {
      modality = words.slice(Math.max(0, b - 6), b).some(x => PAST_PLAN.test(x.f)) ? 'other' : 'forecast';
      break;
    }
  }
  if (modality !== 'other')
    for (let b = k - 5; b >= 0 && b >= k - 10; b--) if (CONDITION.test(words[b].f)) return 'other';
  return modality;
}

/**
 * A taking to court told at words[k] otherwise than by "sue": "filed suit" (done), "is expected to face a legal
 * challenge" (expected, with no doer), "to be challenged in court". Its doer is never a person found here: a suit is
 * mostly brought by a group, a state or a firm. Null when the word tells none ("a challenge to his leadership").
 */
function legalAt(words: Token[], k: number): EventMention | null {
  const t = words[k];
  const prev = words[k - 1]?.f ?? '';
  // "Challenged in court", "to be challenged in the courts", "challenged it legally".
  if (/^challeng(?:e|es|ed|ing)$/.test(t.f) && !(BETWEEN.test(prev) || LEGAL_BEFORE.test(prev))) {
    const after = words
      .slice(k + 1, k + 5)
      .map(w => w.f)
      .join(' ');
    if (!/^(?:(?:\S+ ){0,2})(?:in (?:the |a )?(?:federal |state )?courts?\b|legally\b)/.test(after)) return null;
    const passive = BE.test(prev);
    const tense = t.f.endsWith('ed') && !passive ? 'past' : 'base';
    return {
      cls: 'sue',
      text: t.text,
      start: t.start,
      actor: null,
      initial: '',
      modality: modalityAt(words, k - (passive ? 1 : 0), tense),
      noun: false,
      passive: passive || undefined,
      earlier: earlier(words, k) || undefined,
    };
  }
  if (!LEGAL_NOUN.test(t.f)) return null;
  // "A legal challenge", "a court fight"; a suit or lawsuit needs no such word.
  if (!/suit/.test(t.f) && !LEGAL_BEFORE.test(prev)) return null;
  // The verb that takes it: a few words back, past articles and adjectives.
  let v = k - 1 - (/suit/.test(t.f) ? 0 : 1);
  while (v >= 0 && k - v <= 5 && BETWEEN.test(words[v].f)) v--;
  const verb = words[v];
  if (!verb) return null;
  const faced = FACE.test(verb.f) && (verb.f !== 'off' || /^(?:set|sets|setting)$/.test(words[v - 1]?.f ?? ''));
  // ("Suit" without a verb of filing is mostly another word: "follow suit", "a suit and tie".)
  if (!faced && !FILE.test(verb.f)) return null;
  const at = verb.f === 'off' ? v - 1 : v;
  const tense = /(?:ed|ought|set)$/.test(words[at].f) && words[at].f !== 'set' ? 'past' : 'base';
  return {
    cls: 'sue',
    text: words
      .slice(at, k + 1)
      .map(w => w.text)
      .join(' '),
    start: t.start,
    actor: null,
    initial: '',
    modality: modalityAt(words, at, tense),
    noun: true,
    passive: faced || undefined,
    earlier: earlier(words, at) || undefined,
  };
}

/**
 * An event one statement expects with no doer, told from the side of what it is done to ("the move is expected to
 * face a legal challenge"), that the other reports done by someone ("a rights group filed suit"): the forecast
 * overtaken. Null when there is none.
 */
export function overtaken(
  a: EventMention[],
  b: EventMention[],
): { expected: EventMention; done: EventMention; first: 'a' | 'b' } | null {
  for (const x of a)
    for (const y of b) {
      if (x.cls !== y.cls) continue;
      if (x.passive && !x.quoted && x.modality === 'forecast' && y.modality === 'done' && !y.passive && !y.earlier)
        return { expected: x, done: y, first: 'a' };
      if (y.passive && !y.quoted && y.modality === 'forecast' && x.modality === 'done' && !x.passive && !x.earlier)
        return { expected: y, done: x, first: 'b' };
    }
  return null;
}

/** Classes whose events may be told from the side of what they are done to (see legalAt). */
const OVERTAKEN = new Set(['sue']);

/**
 * A feature that a forecast with no doer and a done event of one class share (see overtaken), or null: statements that
 * share nothing else pair on it.
 */
export function overtakeFeature(e: EventMention): string | null {
  if (!OVERTAKEN.has(e.cls)) return null;
  return (e.passive ? e.modality === 'forecast' && !e.quoted : e.modality === 'done' && !e.earlier)
    ? `%${e.cls}>`
    : null;
}

/** Whether two events have one doer: one surname, and given names that do not differ (Jim and James may be one). */
export function sameActor(x: EventMention, y: EventMention, given?: (surname: string) => number): boolean {
  if (!x.actor || x.actor !== y.actor) return false;
  if (x.initial && y.initial) return x.initial === y.initial;
  // A surname alone is that person only where no two people of that surname (by given name) are named.
  return !given || given(x.actor) <= 1;
}

/** Whether two statements' events include one of one class by one doer. */
export function oneEvent(a: EventMention[], b: EventMention[], given?: (surname: string) => number): boolean {
  return a.some(x => b.some(y => x.cls === y.cls && sameActor(x, y, given)));
}

/** The given-name initials of each surname among the persons a set of names has ("jackson": s, j). */
export function initialsBySurname(keys: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const k of keys) {
    const i = initialOf(k);
    if (!i) continue;
    const sur = surnameOf(k);
    let set = out.get(sur);
    if (!set) out.set(sur, (set = new Set()));
    set.add(i);
  }
  return out;
}

export const NO_EVENTS: EventMention[] = [];

/**
 * One event (same class, same person) that one statement tells as expected and the other as done: "is expected to
 * approve the bill" / "signed the deal". Null when there is none.
 */
export function expectedAgainstDone(
  a: EventMention[],
  b: EventMention[],
  given?: (surname: string) => number,
): { expected: EventMention; done: EventMention; first: 'a' | 'b' } | null {
  for (const x of a)
    for (const y of b) {
      if (x.cls !== y.cls || !sameActor(x, y, given)) continue;
      if (x.modality === 'forecast' && y.modality === 'done') return { expected: x, done: y, first: 'a' };
      if (x.modality === 'done' && y.modality === 'forecast') return { expected: y, done: x, first: 'b' };
    }
  return null;
}
