// Quantities in a statement for the cross-article check: each number with its qualifier as a range of values, keyed by what it counts.
//
// "at least 30 people" is 30 or more, "about 3.6 billion" is within a few percent of it, "dozens of people" is more
// than twenty, "a 30-page report" counts pages. Two articles disagree on a quantity only when the ranges they give
// for the same thing do not meet. "Four of the sources" counts a part of a group, not the group, and is left out.

import { CARDINALS } from '../engine/lexicon';
import type { Token } from '../engine/text';

export interface Quantity {
  lo: number;
  hi: number;
  /** As written ("at least 30", "dozens"). */
  text: string;
  /** The word it is the object of ("cited dozens of …", "cut 300 jobs"), as a stem: a verb before it. */
  verb?: string;
  /** The last word of what it counts ("dozens of previous national emergency declarations": declaration), as a stem. */
  head?: string;
  /** What it counts is named by a plural ("30 national emergencies", not "a one-in-three chance", "a 30-page report"). */
  plural?: boolean;
}

/** Words between a verb and the number it takes that leave the number as it is ("cited only two"). */
const MARK = /^(?:only|just|merely|exactly|precisely)$/;

const WORDS = CARDINALS;

/** Amounts without a number: the range each stands for. */
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 199],
  hundreds: [200, 1999],
  thousands: [2000, 19999],
  several: [3, 9],
  scores: [40, 199],
  millions: [2e6, 2e9],
  billions: [2e9, 2e12],
};

/** Words before a number that make it a bound or an estimate. */
const BEFORE: [RegExp, (v: number) => [number, number]][] = [
  [/^(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than|at minimum)$/, v => [v, Infinity]],
  [/^(?:at most|fewer than|less than|under|up to|no more than|as many as)$/, v => [0, v]],
  [
    /^(?:about|around|roughly|approximately|nearly|almost|some|close to|an estimated|estimated|just over|just under|more or less)$/,
    v => [v * 0.9, v * 1.1],
  ],
];

const FUNCTION = /^(?:the|a|an|of|and|or|but|to|in|on|at|for|by|with|from|that|which|who|is|are|was|were)$/;

/** Words after the counted thing that say the number is a bound ("30 or more", "30-plus"). */
const AFTER = /^(?:or more|or so|plus)$/;

/** Whether a word is a number word; its value. */
export function numberWord(f: string): number | undefined {
  return WORDS[f];
}

/**
 * The quantities of a sentence's tokens, keyed by the stem of the word they count (the first word after the number,
 * past hyphens and scale words like "billion" are kept as the key: "$3.6 billion" and "$3 billion" compare).
 * `skip(k)` says a token is not a quantity (it is part of a date).
 */
export function quantitiesOf(
  toks: Token[],
  stem: (w: string) => string,
  stop: Set<string>,
  skip: (k: number) => boolean,
): Map<string, Quantity[]> {
  const out = new Map<string, Quantity[]>();
  const add = (key: string, q: Quantity) => {
    const list = out.get(key);
    if (list) list.push(q);
    else out.set(key, [q]);
  };
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    let v: number | undefined;
    let range: [number, number] | undefined;
    if (/^\d/.test(t.text)) {
      if (skip(k)) continue;
      v = Number(t.text.replace(/,/g, ''));
      if (!Number.isFinite(v)) continue;
    } else if (t.word && WORDS[t.f] !== undefined) {
      v = WORDS[t.f];
      // "one" as a pronoun ("one of them", "the one who") says no count.
      if (t.f === 'one' && !/^\p{L}/u.test(toks[k + 1]?.text ?? '')) continue;
    } else if (t.word && VAGUE[t.f]) {
      range = VAGUE[t.f];
    } else if (t.word && t.f === 'none' && toks[k + 1]?.f === 'of' && GROUP_OF.test(toks[k + 2]?.f ?? '')) {
      // "None of the emergencies": no member of a group (did what the sentence says), kept apart under ZERO and what
      // the group is of (see zeroAgainstCount).
      const thing = lastCounted(toks, k + 3, stop);
      if (thing) {
        const to = toks.indexOf(thing);
        add(ZERO + stem(thing.f), {
          lo: 0,
          hi: 0,
          text: toks
            .slice(k, to + 1)
            .map(x => x.text)
            .join(' '),
          head: stem(thing.f),
        });
      }
      continue;
    } else continue;
    // The thing counted: the next word, past a hyphen ("30-page") or "of" after a vague amount ("dozens of cases").
    let j = k + 1;
    while (j < toks.length && /^[-–]$/.test(toks[j].text)) j++;
    // A counted phrase in quotation marks ("30 “national emergencies”") counts what is quoted.
    if (/^[“"]$/.test(toks[j]?.text ?? '') && toks[j].start === toks[k].end + 1 && toks[j + 1]?.word) j++;
    if (range && toks[j]?.f === 'of') j++;
    const next = toks[j];
    // "Four of the sources": a part of a group. It is no count of the group, but it counts the same things: kept
    // apart, under PART and the last word of the group ("31 of those prior emergencies": emergencies).
    if (
      next?.word &&
      !range &&
      next.f === 'of' &&
      /^(?:the|them|those|these|its|their|his|her)$/.test(toks[j + 1]?.f ?? '')
    ) {
      const thing = lastCounted(toks, j + 2, stop);
      if (thing)
        add(PART + stem(thing.f), {
          lo: v!,
          hi: v!,
          text: `${t.text} of ${toks[j + 1].text}`,
          head: stem(thing.f),
          plural: true,
        });
      continue;
    }
    if (!next?.word || stop.has(next.f) || next.f.length < 3) {
      // A figure that counts nothing named after it ("fell to 400,000 in the last year"): kept without a key.
      if (v !== undefined && /^\d/.test(t.text) && v >= 100) add('', { lo: v, hi: v, text: t.text });
      continue;
    }
    const key = stem(next.f);
    let text = t.text;
    if (v !== undefined) {
      range = [v, v];
      // A currency sign between the bound and the number ("more than $1 million") belongs to the number.
      const c = k >= 1 && /^[$€£]$/.test(toks[k - 1].text) ? 1 : 0;
      const two = k >= 2 + c ? `${toks[k - 2 - c].f} ${toks[k - 1 - c].f}` : '';
      const one = k >= 1 + c ? toks[k - 1 - c].f : '';
      for (const [re, f] of BEFORE) {
        if (two && re.test(two)) {
          range = f(v);
          text = `${toks[k - 2 - c].text} ${toks[k - 1 - c].text} ${c ? toks[k - 1].text : ''}${t.text}`;
          break;
        }
        if (one && re.test(one)) {
          range = f(v);
          text = `${toks[k - 1 - c].text} ${c ? toks[k - 1].text : ''}${t.text}`;
          break;
        }
      }
      const after = `${toks[j + 1]?.f ?? ''} ${toks[j + 2]?.f ?? ''}`;
      if (AFTER.test(after) || toks[j + 1]?.f === 'plus') range = [v, Infinity];
    }
    // The last word of what it counts: words up to a comma, a function word or a verb-like ending.
    let h = j;
    while (
      h + 1 < toks.length &&
      h - j < 4 &&
      toks[h + 1].word &&
      !toks[h + 1].cap &&
      !stop.has(toks[h + 1].f) &&
      !FUNCTION.test(toks[h + 1].f) &&
      !/(?:ed|ing)$/.test(toks[h + 1].f) &&
      toks[h + 1].start - toks[h].end <= 1
    )
      h++;
    // As written: "30-page report", "at least 30 trucks", "dozens of trucks", "dozens of earlier declarations".
    const hyphen = /^[-–]$/.test(toks[k + 1]?.text ?? '');
    let after = hyphen && toks[j + 1]?.word && !FUNCTION.test(toks[j + 1].f) ? ` ${toks[j + 1].text}` : '';
    if (!hyphen) for (let x = j + 1; x <= h; x++) after += ` ${toks[x].text}`;
    const q: Quantity = {
      lo: range![0],
      hi: range![1],
      text: `${text}${hyphen ? '-' : ' '}${range && v === undefined && toks[k + 1]?.f === 'of' ? 'of ' : ''}${next.text}${after}`,
    };
    if (h > j) q.head = stem(toks[h].f);
    if (!hyphen && PLURAL.test(toks[h].f)) q.plural = true;
    // The verb it is the object of: the word before it, past its qualifier ("cited only two", "cut more than 300").
    let b = k - (text.split(' ').length - 1) - (k >= 1 && /^[$€£]$/.test(toks[k - 1].text) ? 1 : 0) - 1;
    while (b >= 0 && toks[b].word && MARK.test(toks[b].f)) b--;
    const verb = b >= 0 ? toks[b] : undefined;
    if (
      verb?.word &&
      !verb.cap &&
      verb.f.length >= 3 &&
      !stop.has(verb.f) &&
      !FUNCTION.test(verb.f) &&
      !/^\d/.test(verb.f)
    ) {
      q.verb = stem(verb.f);
      // "only two times": the word that marks the figure goes with it.
      if (toks[b + 1] !== t && MARK.test(toks[b + 1].f) && text === t.text) q.text = `${toks[b + 1].text} ${q.text}`;
    }
    add(key, q);
  }
  return out;
}

/** A plural noun, mostly: "emergencies", "people" (not "glass", "its"). */
const PLURAL = /^(?:\p{L}{2,}[^s']s|people|children|men|women)$/u;

/** The key prefix of a part of a group ("four of the sources"): never compared as a count of the group. */
export const PART = '^';
/** The key prefix of no member of a group ("none of the emergencies"): compared only with a count of what it is of. */
export const ZERO = '∅';
/** Determiners after "of" that make what follows a group ("four of the sources", "none of those"). */
const GROUP_OF = /^(?:the|them|those|these|its|their|his|her)$/;

/**
 * What a part of a group counts, from the words after its determiner ("prior emergencies remain active"): the last
 * plural among the next few words (a part of more than one is plural; what follows it is mostly a verb).
 */
function lastCounted(toks: Token[], from: number, stop: Set<string>): Token | undefined {
  let last: Token | undefined;
  for (let h = from; h < toks.length && h - from < 4; h++) {
    const w = toks[h];
    if (!w.word || w.cap || FUNCTION.test(w.f) || (h > from && w.start - toks[h - 1].end > 1)) break;
    if (w.f.length >= 4 && PLURAL.test(w.f) && !stop.has(w.f)) last = w;
  }
  return last;
}

/** What a quantity counts: the last word of its counted phrase (keyed by the first). */
const thingOf = (key: string, q: Quantity) => q.head ?? (key[0] === PART ? key.slice(1) : key);

/** Words a figure measures by, not things it counts: two figures in one unit are rarely one count. */
const UNITS = [
  'percent',
  'times',
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'dollars',
  'cents',
  'points',
  'thousand',
  'million',
  'billion',
  'trillion',
  'miles',
  'feet',
  'pounds',
  'degrees',
];
let unitStems: Set<string> | undefined;

/** The figure as written: its value, or its bound ("at least 30": 30; "about 30": 30). */
const written = (q: Quantity) =>
  q.lo === q.hi ? q.lo : q.hi === Infinity ? q.lo : q.lo === 0 ? q.hi : (q.lo + q.hi) / 2;

/**
 * Two quantities, one in each list, that count one thing (a group and a part of it count the same things: "at least
 * 30 national emergencies" / "31 of those emergencies"); with `meet`, only figures that meet and lie within a tenth of
 * each other, one of them exact. Units and scale words ("percent", "billion") are no thing counted, and a count of more than one is of a plural. and a count of more than one is of a plural. The first such
 * pair, or null.
 */
export function countsOfOneThing(
  a: Map<string, Quantity[]>,
  b: Map<string, Quantity[]>,
  meet: boolean,
  stem: (w: string) => string,
): [Quantity, Quantity] | null {
  if (a.size === 0 || b.size === 0) return null;
  unitStems ??= new Set(UNITS.flatMap(u => [u, stem(u), stem(u.replace(/s$/, ''))]));
  for (const [ka, qa] of a) {
    if (!ka) continue;
    for (const x of qa) {
      if (!x.plural) continue;
      const t = thingOf(ka, x);
      if (unitStems.has(t) || unitStems.has(ka)) continue;
      for (const [kb, qb] of b) {
        if (!kb) continue;
        for (const y of qb) {
          if (!y.plural || thingOf(kb, y) !== t || unitStems.has(kb)) continue;
          if (!meet) return [x, y];
          const [vx, vy] = [written(x), written(y)];
          if (
            x.lo <= y.hi * 1.0001 &&
            y.lo <= x.hi * 1.0001 &&
            (x.lo === x.hi || y.lo === y.hi) &&
            Math.abs(vx - vy) <= 0.1 * Math.max(vx, vy)
          )
            return [x, y];
        }
      }
    }
  }
  return null;
}

/** Whether two lists of quantities of one thing have no value in common. */
export function quantitiesDiffer(a: Quantity[], b: Quantity[]): boolean {
  // (Loops, not closures: asked for every judged pair that counts one thing.)
  for (const x of a) for (const y of b) if (x.lo <= y.hi * 1.0001 && y.lo <= x.hi * 1.0001) return false;
  return true;
}
