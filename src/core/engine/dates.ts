// Dates: calendar expressions resolved to ISO 8601 values against the publication date.
//
// Absolute dates ("22 February 2026") need nothing. Year-less ones ("January 3", "mid-December") take the
// year that puts them nearest before the anchor (publication date, else a date of the story, else the nearest
// full date earlier in the text). Deictic ones ("recent weeks", "yesterday", "last month") are `relative` and
// resolve only against the publication date.

import { CARDINALS } from './lexicon';
import type { DateMention, DateMod } from './types';
import { daysInMonth, fromDays, isoDate, isoWeek, toDays, weekday } from './text';

const MONTH_NAMES = [
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
];
const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)';
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const PART = '(?:(early|mid|late)[- ]?|(?:the )?(start|beginning|middle|end) of )';
const NUM_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  ...Object.fromEntries(Object.entries(CARDINALS).filter(([w, n]) => n <= 12 && w !== 'dozen')),
  several: 3,
  few: 3,
};

function monthNumber(s: string): number {
  const f = s.toLowerCase().replace('.', '');
  return MONTH_NAMES.findIndex(m => m.startsWith(f.slice(0, 3))) + 1;
}

function modOf(part: string | undefined, part2: string | undefined): DateMod {
  const p = (part ?? part2 ?? '').toLowerCase();
  if (p === 'early' || p === 'start' || p === 'beginning') return 'EARLY';
  if (p === 'mid' || p === 'middle') return 'MID';
  if (p === 'late' || p === 'end') return 'LATE';
  return null;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseIso(s: string | null | undefined): Ymd | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

/** How the clause around a date places it: after the telling (will, is scheduled), before it (said, announced), or unmarked. */
export type Tense = 'future' | 'past' | null;

/**
 * The year for a month (and day) without one. In future context the first such date on or after the anchor, in
 * past context the last one on or before it; unmarked, the latest one that is at most about two months after the
 * anchor ("leaving on January 1", written in December, is the coming January).
 */
function inferYear(anchor: Ymd, m: number, d: number | null = null, tense: Tense = null): number {
  const a = toDays(anchor.y, anchor.m, anchor.d);
  const at = (y: number) => toDays(y, m, Math.min(d ?? 1, daysInMonth(y, m)));
  // With a month alone, the anchor's own month counts as both on and before the anchor.
  const cmp = (y: number) => (d === null ? Math.sign(y * 12 + m - (anchor.y * 12 + anchor.m)) : Math.sign(at(y) - a));
  // A week of slack for a day: a text is often dated a few days off the events it tells.
  const slack = d === null ? 0 : 7;
  if (tense === 'future')
    return d === null
      ? cmp(anchor.y) >= 0
        ? anchor.y
        : anchor.y + 1
      : at(anchor.y) >= a - slack
        ? anchor.y
        : anchor.y + 1;
  if (tense === 'past')
    return d === null
      ? cmp(anchor.y) <= 0
        ? anchor.y
        : anchor.y - 1
      : at(anchor.y) <= a + slack
        ? anchor.y
        : anchor.y - 1;
  for (const y of [anchor.y + 1, anchor.y]) if (at(y) - a <= 62) return y;
  return anchor.y - 1;
}

type Made = Omit<DateMention, 'text' | 'start' | 'end'> & {
  /** A weekday read as the coming one (future context): the whole article then reads that weekday so. */
  ahead?: string;
};

type Rule = {
  re: RegExp;
  /** What a paragraph must hold for the rule to be tried at all (a cheap test before the real one). */
  needs: Need;
  make: (m: string[], ctx: Ctx, tense: Tense) => Made | null;
  /** Index of the group whose text is the span, when the match holds context before it. */
  group?: number;
  /** How many characters before the match belong to the span (a part-of-period word found by looking behind). */
  back?: (m: RegExpExecArray) => number;
  /** The rule's value depends on the tense of its clause. */
  tensed?: boolean;
};

interface Ctx {
  published: Ymd | null;
  /** Anchor for year inference: published, else a story date, else the last full date seen. */
  yearAnchor: () => Ymd | null;
  /** The tense to read a year-less date by: none when the anchor is only a date earlier in the text. */
  tenseFor: (t: Tense) => Tense;
  /** The last date at day precision before this one (a narrative anchor for "a day earlier"), else published. */
  lastDay: () => Ymd | null;
  /** The day the text named just before (the last date mention, a day, ending shortly before this one), or null. */
  nearDay: () => Ymd | null;
}

const DIGIT = /\d/;
type Need = 'digit' | 'month' | 'digit+month' | 'deictic' | 'weekday' | 'period' | 'named' | 'offset';
// One pass over a paragraph finds which kinds of date words it holds (one regex: a scan per rule, or a substring
// search per keyword, costs more).
const NEED_SCAN =
  /\b(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)|([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Nn]ight|TODAY|YESTERDAY|TOMORROW|TONIGHT)|((?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)?days?|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)?DAYS?)|([Ww]eeks?|[Mm]onths?|[Yy]ears?|WEEKS?|MONTHS?|YEARS?)|([Ss]ummer|[Ww]inter|[Ss]pring|[Ff]all|[Aa]utumn|[Ff]iscal|Christmas|Valentine))|([’']\d0s)/g;

const abs = (value: string | null, mod: DateMod = null) => ({ value, mod, relative: false });
const rel = (value: string | null, mod: DateMod = null) => ({ value, mod, relative: true });
const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
const MONTH_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
const WEEKDAY_RE = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const shiftDays = (p: Ymd, n: number) => fromDays(toDays(p.y, p.m, p.d) + n);
const addMonths = (y: number, m: number, n: number): [number, number] => {
  const idx = y * 12 + (m - 1) + n;
  return [Math.floor(idx / 12), (idx % 12) + 1];
};
/** Seasons by their astronomical start (month, day); winter is named by the year it starts in. */
const SEASONS: Record<string, [number, number]> = {
  spring: [3, 20],
  summer: [6, 21],
  fall: [9, 22],
  autumn: [9, 22],
  winter: [12, 21],
};
/** Holidays on a fixed day. */
const HOLIDAYS: Record<string, [number, number]> = {
  'new year day': [1, 1],
  'new year eve': [12, 31],
  'christmas day': [12, 25],
  'christmas eve': [12, 24],
  'valentine day': [2, 14],
};

/** The weekday named, against the publication date: the coming one in future context, else the latest one. */
function weekdayDelta(p: Ymd, name: string, pre: string, tense: Tense): number {
  const want = WEEKDAYS.indexOf(name.toLowerCase());
  const have = weekday(p.y, p.m, p.d);
  if (pre === 'next') return (want - have + 7) % 7 || 7;
  if (tense === 'future' && pre !== 'last') return (want - have + 7) % 7;
  return -((have - want + 7) % 7) || (pre === 'last' ? -7 : 0);
}

/**
 * The year of a season. "last fall" is the one before the current or latest one; "this summer" and "the summer" are
 * the one of the publication year, the coming one in future context once it is over, the one before in past context
 * while it is still ahead.
 */
function seasonYear(p: Ymd, season: string, which: string, tense: Tense): number {
  const [sm, sd] = SEASONS[season];
  const startOf = (y: number) => toDays(y, sm, sd);
  const now = toDays(p.y, p.m, p.d);
  // The season that has started most recently, and whether it is still going on (about three months).
  const latest = startOf(p.y) <= now ? p.y : p.y - 1;
  const current = now - startOf(latest) < 91;
  if (which === 'last') return current ? latest - 1 : latest;
  if (which === 'next') return current || latest < p.y ? latest + 1 : p.y + 1;
  if (current) return latest;
  if (which === 'this') return p.y;
  if (tense === 'future' && startOf(p.y) < now) return p.y + 1;
  if (tense === 'past' && startOf(p.y) > now) return p.y - 1;
  return p.y;
}

const RULES: Rule[] = [
  // ISO dates: 2026-02-25
  {
    needs: 'digit',
    re: /\b(\d{4})-(\d{2})-(\d{2})\b(?!-)/g,
    make: m => (+m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= 31 ? abs(`${m[1]}-${m[2]}-${m[3]}`) : null),
  },
  // 22 February 2026 (15:02 PM)
  {
    needs: 'digit+month',
    re: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?[ \\t\\u00a0]+(?:of[ \\t\\u00a0]+)?(${MONTH_RE}),?[ \\t\\u00a0]+(\\d{4})(?:,?[ \\t\\u00a0]+(?:at[ \\t\\u00a0]+)?\\d{1,2}[:.]\\d{2}(?:[ \\t]*[AaPp]\\.?[Mm]\\.?)?(?:[ \\t]+[A-Z]{2,4}\\b)?)?`,
      'g',
    ),
    make: m => abs(isoDate(+m[3], monthNumber(m[2]), +m[1])),
  },
  // January 3(, 2026)
  {
    needs: 'digit+month',
    tensed: true,
    re: new RegExp(
      `\\b(${MONTH_RE})[ \\t\\u00a0]+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:|\\.\\d|,\\d)(?:,?[ \\t\\u00a0]+(\\d{4})\\b)?`,
      'g',
    ),
    make: (m, ctx, tense) => {
      const mo = monthNumber(m[1]);
      const d = +m[2];
      if (d < 1 || d > 31) return null;
      if (m[3]) return abs(isoDate(+m[3], mo, d));
      const a = ctx.yearAnchor();
      return abs(a ? isoDate(inferYear(a, mo, d, ctx.tenseFor(tense)), mo, d) : null);
    },
  },
  // mid-December, early March 2026, the end of January
  {
    needs: 'month',
    tensed: true,
    re: new RegExp(`\\b${PART}(${MONTH_RE})(?:,?[ \\t\\u00a0]+(\\d{4}))?\\b`, 'gi'),
    make: (m, ctx, tense) => {
      const mo = monthNumber(m[3]);
      if (!/^[A-Z]/.test(m[3])) return null;
      const mod = modOf(m[1], m[2]);
      if (m[4]) return abs(ym(+m[4], mo), mod);
      const a = ctx.yearAnchor();
      return abs(a ? ym(inferYear(a, mo, null, ctx.tenseFor(tense)), mo) : null, mod);
    },
  },
  // February 2026
  {
    needs: 'digit+month',
    re: new RegExp(`\\b(${MONTH_RE}),?[ \\t\\u00a0]+(\\d{4})\\b`, 'g'),
    make: m => abs(ym(+m[2], monthNumber(m[1]))),
  },
  // late 2000s, the 1990s
  // (The rules below look behind for their leading words, so the engine scans for the rarer part first.)
  {
    needs: 'digit',
    re: /\b((?:1[89]|20)\d)0s\b(?<=(?:\b(early|mid|late|Early|Mid|Late)([- ]?))?\d{4}s)/g,
    make: m => abs(m[1], modOf(m[2]?.toLowerCase(), undefined)),
    back: m => (m[2] ? m[2].length + m[3].length : 0),
  },
  // the ’90s, the '60s: the century is the latest one that puts the decade before the anchor
  {
    needs: 'named',
    re: /(?<![\p{L}\d])[’'](\d)0s\b/gu,
    make: (m, ctx) => {
      const a = ctx.yearAnchor();
      const y = a ? a.y : 2000;
      const c = 2000 + +m[1] * 10 <= y ? 20 : 19;
      return abs(`${c}${m[1]}`);
    },
  },
  // early 2026; in 2025 (a year needs a word before it that makes it one, or a part-of-period word)
  {
    needs: 'digit',
    re: /\b((?:1[89]|20)\d{2})\b(?<=\b(?:([Ee]arly|[Mm]id|[Ll]ate)[- ]|(?:[Ii]n|[Ss]ince|by|until|till|[Ff]rom|[Bb]efore|[Aa]fter|[Dd]uring|through|of|to|and|between|year)[ \t])\d{4})(?![,.]\d|[ \t]*(?:%|percent|people|troops|soldiers|members|km|miles|dollars))/g,
    make: m => abs(m[1], modOf(m[2]?.toLowerCase(), undefined)),
    back: m => (m[2] ? m[2].length + 1 : 0),
  },
  // a year as a modifier after a determiner or a possessive ("the 2016 election", "his 2012 campaign", "Ohio's
  // 2018 primary"), and a year closing a parenthesis ("(Doe v. Roe 1999)", "(2004)")
  {
    needs: 'digit',
    re: /\b((?:19|20)\d{2})\b(?:(?<=(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Tt]hat|[Tt]his)|\p{L}['’]s?)[ \t]\d{4})(?=[ \t]+\p{L})(?![ \t]+(?:people|persons|troops|soldiers|members|km|kilometers|kilometres|miles|feet|meters|metres|yards|acres|dollars|euros|pounds|tons|tonnes|votes|voters|jobs|homes|cases|deaths|residents|students|workers|employees|officers|agents|calories|signatures|rounds|points|words|pages|units|cars|vehicles|barrels|households|families|guns|rifles|flights|or|and|to)\b)|(?<=\([^()\n]{0,60}\d{4})(?=\)))/gu,
    make: m => abs(m[1]),
  },
  // New Year's Day 2014, Christmas Eve
  {
    needs: 'named',
    tensed: true,
    re: /\b(New Year(?:['’]?s)?|Christmas|Valentine['’]?s) (Day|Eve)\b(?:,?[ \t\u00a0]+((?:19|20)\d{2})\b)?/g,
    make: (m, ctx, tense) => {
      const key = `${m[1].toLowerCase().replace(/^(new year|valentine)['’]?s$/, '$1')} ${m[2].toLowerCase()}`;
      const hd = HOLIDAYS[key];
      if (!hd) return null;
      if (m[3]) return abs(isoDate(+m[3], hd[0], hd[1]));
      const a = ctx.yearAnchor();
      return abs(a ? isoDate(inferYear(a, hd[0], hd[1], ctx.tenseFor(tense)), hd[0], hd[1]) : null);
    },
  },
  // the January attack; in January; In October; a November op-ed; since March (a month on its own). A month
  // coordinated with a dated one takes its year ("in August and October 2017").
  {
    needs: 'month',
    tensed: true,
    re: new RegExp(
      `\\b(${MONTH_FULL})\\b(?![ \\t\\u00a0]+\\d)(?<=\\b([Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|till|[Ff]rom|[Bb]efore|[Aa]fter|[Dd]uring|[Tt]hrough|[Ll]ast|[Nn]ext|[Tt]his|[Tt]he|early|late|mid|of|between|and|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|IN)[ \\t\\u00a0]+[A-Za-z]+)(?:(?=(?:[ \\t\\u00a0]+(?:and|or|to|through|until)[ \\t\\u00a0]+|[ \\t\\u00a0]*[-–][ \\t\\u00a0]*)(?:${MONTH_FULL})(?:[ \\t\\u00a0]+\\d{1,2})?,?[ \\t\\u00a0]+((?:19|20)\\d{2})\\b)|)`,
      'g',
    ),
    make: (m, ctx, tense) => {
      const mo = monthNumber(m[1]);
      const pre = m[2].toLowerCase();
      if (
        (mo === 3 || mo === 5) &&
        (pre === 'the' ||
          pre === 'and' ||
          pre === 'of' ||
          pre === 'a' ||
          pre === 'an' ||
          pre === 'his' ||
          pre === 'her' ||
          pre === 'its' ||
          pre === 'their')
      )
        return null;
      if (m[3]) return { value: ym(+m[3], mo), mod: null, relative: false };
      const deictic = pre === 'last' || pre === 'next' || pre === 'this';
      const a = deictic ? ctx.published : ctx.yearAnchor();
      if (!a) return { value: null, mod: null, relative: deictic };
      let y = inferYear(a, mo, null, ctx.tenseFor(tense));
      if (pre === 'last') y = mo < a.m ? a.y : a.y - 1;
      if (pre === 'next') y = mo > a.m ? a.y : a.y + 1;
      if (pre === 'this') y = a.y;
      return { value: ym(y, mo), mod: null, relative: deictic };
    },
  },
  // today, yesterday, tomorrow, tonight, last night
  {
    needs: 'deictic',
    re: /\b([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|TODAY|YESTERDAY|TOMORROW|TONIGHT|[Ll]ast night)\b/g,
    make: (m, ctx) => {
      const p = ctx.published;
      const off = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1, 'last night': -1 }[m[1].toLowerCase() as 'today'];
      if (!p) return rel(null);
      return rel(isoDate(...shiftDays(p, off)));
    },
  },
  // Friday, on Monday, last Friday, Thursday night, late Wednesday, Monday's vote: in past narration the latest such
  // day up to the publication date, in future context ("will vote Tuesday") the coming one
  // (The weekday is matched first and the words before it are looked behind for: a scan that tries them at every
  // word would be slow.)
  {
    needs: 'weekday',
    tensed: true,
    re: new RegExp(
      `\\b(${WEEKDAY_RE})\\b(?<=(?:\\b([Ee]arly|[Ll]ate)[ \\t]+)?(?:\\b([Ll]ast|[Nn]ext|[Tt]his)[ \\t]+)?[A-Z][a-z]+)(?<![“"‘]\\p{Lu}[\\p{L}.]*(?:[ \\t]+\\p{Lu}[\\p{L}.]*){0,3}[ \\t]+[A-Z][a-z]+)(?:[ \\t]+(morning|afternoon|evening|night|overnight)\\b)?`,
      'gu',
    ),
    back: m => (m[2] ? m[2].length + 1 : 0),
    make: (m, ctx, tense) => {
      const p = ctx.published;
      const mod = m[2] ? modOf(m[2].toLowerCase(), undefined) : null;
      if (!p) return rel(null, mod);
      const pre = (m[3] ?? '').toLowerCase();
      const r: Made = rel(isoDate(...shiftDays(p, weekdayDelta(p, m[1], pre, tense))), mod);
      if (!pre && tense === 'future') r.ahead = m[1];
      return r;
    },
  },
  // last week, this month, next year, the past year, earlier this month
  {
    needs: 'period',
    re: /\b((?:earlier|later) this|last|next|this|the past|the coming|the previous)[ \t]+(week|month|year)\b/gi,
    make: (m, ctx) => {
      const p = ctx.published;
      if (!p) return rel(null);
      const w = m[1].toLowerCase();
      const step = w === 'next' || w === 'the coming' ? 1 : w === 'last' || w === 'the previous' ? -1 : 0;
      const mod: DateMod = w === 'the past' || w === 'the coming' ? 'APPROX' : null;
      const unit = m[2].toLowerCase();
      if (unit === 'year') return rel(String(p.y + step), mod);
      if (unit === 'month') return rel(ym(...addMonths(p.y, p.m, step)), mod);
      // Written on a Sunday, "last week" is the week that is ending (weeks are counted from Sunday in the US).
      const back = w === 'last' && weekday(p.y, p.m, p.d) === 6 ? 0 : step;
      return rel(isoWeek(...shiftDays(p, 7 * back)), mod);
    },
  },
  // this fiscal year, the last fiscal year, fiscal 2019
  // (Here and below the keyword is matched first and the words before it are looked behind for.)
  {
    needs: 'named',
    re: /\b[Ff]iscal\b(?:(?<=\b(?:([Tt]he[ \t]+)(?=last|current|next|previous|past|coming))?([Ll]ast|[Cc]urrent|[Nn]ext|[Pp]revious|[Pp]ast|[Cc]oming|[Tt]his)([ \t]+)[Ff]iscal)[ \t]+year\b|[ \t]+(?:year[ \t]+)?((?:19|20)\d{2})\b)/g,
    back: m => (m[2] ? (m[1]?.length ?? 0) + m[2].length + m[3].length : 0),
    make: (m, ctx) => {
      if (m[4]) return abs(m[4]);
      const p = ctx.published;
      if (!p) return rel(null);
      const w = m[2].toLowerCase();
      return rel(String(p.y + (/next|coming/.test(w) ? 1 : /last|previous|past/.test(w) ? -1 : 0)));
    },
  },
  // by the end of the day / week / month / year (a deadline; "at the end of the day" is an idiom)
  {
    needs: 'offset',
    group: 1,
    re: /\b(?:[Bb]y|[Uu]ntil|[Bb]efore|till)[ \t]+(the[ \t]+end[ \t]+of[ \t]+the[ \t]+(day|week|month|year))\b/g,
    make: (m, ctx) => {
      const p = ctx.published;
      if (!p) return rel(null, 'LATE');
      const unit = m[2].toLowerCase();
      const v =
        unit === 'day'
          ? isoDate(p.y, p.m, p.d)
          : unit === 'week'
            ? isoWeek(p.y, p.m, p.d)
            : unit === 'month'
              ? ym(p.y, p.m)
              : String(p.y);
      return rel(v, 'LATE');
    },
  },
  // the weekend, this weekend, last weekend: the week it falls in
  {
    needs: 'period',
    tensed: true,
    re: /\bweekend\b(?<=\b([Tt]he|[Tt]his|[Ll]ast|[Nn]ext|[Tt]his past|[Tt]his coming)([ \t]+)weekend)/g,
    back: m => m[1].length + m[2].length,
    make: (m, ctx, tense) => {
      const p = ctx.published;
      if (!p) return rel(null);
      const w = m[1].toLowerCase();
      const wd = weekday(p.y, p.m, p.d);
      // Early in the week an unmarked weekend is the one just past; from Friday on, the one at hand.
      let step = wd >= 4 ? 0 : -1;
      if (w === 'last' || w === 'this past') step = -1;
      else if (w === 'next') step = 1;
      else if (w === 'this coming' || tense === 'future') step = 0;
      return rel(isoWeek(...shiftDays(p, 7 * step)));
    },
  },
  // last fall, this summer, the winter, next spring: the year of the season
  {
    needs: 'named',
    tensed: true,
    re: /\b([Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\b(?<=\b([Ll]ast|[Tt]his|[Nn]ext|[Tt]he|[Tt]his past|[Tt]his coming)([ \t]+)[A-Za-z]+)(?![ \t]+(?:of|in|from|to|before|after|following|preceding)\b)/g,
    back: m => m[2].length + m[3].length,
    make: (m, ctx, tense) => {
      const p = ctx.published;
      if (!p) return rel(null);
      const w = m[2].toLowerCase().replace(/^this (past|coming)$/, (_, x) => (x === 'past' ? 'last' : 'next'));
      return rel(String(seasonYear(p, m[1].toLowerCase(), w, tense)));
    },
  },
  // recent weeks, the past few months, the last two years, the coming months: one unit coarser than the unit named
  {
    needs: 'period',
    re: /\b(recent|the (?:past|last|coming|next)(?: (?:few|several|two|three|four|couple of))?)[ \t]+(days|weeks|months|years)\b/gi,
    make: (m, ctx) => {
      const p = ctx.published;
      if (!p) return rel(null);
      const unit = m[2].toLowerCase();
      const ahead = /coming|next/i.test(m[1]) ? 1 : 0;
      if (unit === 'years') return rel(String(Math.floor(p.y / 10)), 'APPROX');
      if (unit === 'months') return rel(String(addMonths(p.y, p.m, 2 * ahead)[0]), 'APPROX');
      if (unit === 'weeks')
        return rel(ym(...(fromDays(toDays(p.y, p.m, p.d) + 14 * ahead).slice(0, 2) as [number, number])), 'APPROX');
      return rel(isoDate(...shiftDays(p, 2 * ahead)), 'APPROX');
    },
  },
  // That day, the same day: the day the text has just named, else unresolved (the text may never date it)
  {
    needs: 'weekday',
    re: /\b(?:[Tt]hat|[Tt]he same) day\b(?!['’])/g,
    make: (_m, ctx) => {
      const d = ctx.nearDay();
      return rel(d ? isoDate(d.y, d.m, d.d) : null);
    },
  },
  // the days since he resigned: the span up to publication, one unit coarser than the unit named
  {
    needs: 'period',
    re: /\b[Tt]he (days|weeks|months) since\b(?![ \t]+(?:the[ \t]+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|\d))(?:[ \t]+[\p{L}’'-]+){0,8}?(?=[ \t]*(?:[,.;:!?—–]|$)|[ \t]+(?:and|but|as|when|while|after|before|because)\b)/gu,
    make: (m, ctx) => {
      const p = ctx.published;
      if (!p) return rel(null);
      const unit = m[1].toLowerCase();
      return rel(unit === 'days' ? isoWeek(p.y, p.m, p.d) : unit === 'weeks' ? ym(p.y, p.m) : String(p.y), 'APPROX');
    },
  },
  // three weeks ago, two years ago
  {
    needs: 'period',
    re: /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)[ \t]+(days?|weeks?|months?|years?)[ \t]+ago\b/gi,
    make: (m, ctx) => {
      const p = ctx.published;
      if (!p) return rel(null);
      const n = /^\d+$/.test(m[1]) ? +m[1] : (NUM_WORDS[m[1].toLowerCase()] ?? 1);
      const unit = m[2].toLowerCase().replace(/s$/, '');
      const mod: DateMod = /several|few/i.test(m[1]) ? 'APPROX' : null;
      if (unit === 'year') return rel(String(p.y - n), mod);
      if (unit === 'month') return rel(ym(...addMonths(p.y, p.m, -n)), mod);
      const [y, mo, d] = shiftDays(p, -(unit === 'week' ? 7 * n : n));
      return rel(unit === 'week' ? isoWeek(y, mo, d) : isoDate(y, mo, d), mod);
    },
  },
  // a day earlier, two days later, the night before: counted from the last day the text named (else publication).
  // "before"/"after" only at the end of a phrase: "a day after the vote" is anchored on an event, not a date.
  {
    needs: 'offset',
    re: /\b(days?|nights?|weeks?)[ \t]+(?:(earlier|later)\b(?![ \t]+than\b)|(before|after)\b(?=[ \t]*(?:[,.;:!?)”"’—–]|$)))(?<=\b([Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d{1,2}|[Tt]he)([ \t]+)[a-z]+[ \t]+[a-z]+)/g,
    back: m => m[4].length + m[5].length,
    make: (m, ctx) => {
      const a = ctx.lastDay();
      if (!a) return rel(null);
      const w = m[4].toLowerCase();
      if (w === 'the' && /s$/i.test(m[1])) return null;
      const n = /^\d+$/.test(w) ? +w : (NUM_WORDS[w] ?? 1);
      const sign = /earlier|before/i.test(m[2] ?? m[3]) ? -1 : 1;
      const unit = m[1].toLowerCase().replace(/s$/, '');
      if (unit === 'week') return rel(isoWeek(...shiftDays(a, sign * 7 * n)));
      return rel(isoDate(...shiftDays(a, sign * n)));
    },
  },
];

const WEEKDAY_RULE = RULES.findIndex(r => r.re.source.includes('Monday|Tuesday'));

/**
 * Words that place a clause in time. Future: modals and plans ("will be held", "is scheduled", "plans to"). Past:
 * past forms ("said", "announced", "was"). Unmarked: a passive or progressive present or past ("is sponsored",
 * "was leaving": a plan seen from the past) and an infinitive ("to leave").
 */
const TENSE_RE =
  /\b(?:((?:will|won['’]t|shall|would|must|should|going to|gonna)(?:[ \t]+not)?(?:[ \t]+(?:be|have)(?:[ \t]+been)?[ \t]+[A-Za-z]+)?|(?:is|are|was|were|be|been|being)[ \t]+(?:scheduled|slated|expected|supposed|set|due|planning|going)|scheduled|slated|set (?:to|for)|expected|plans? to|planned|planning|intends?|intended|supposed|upcoming)|((?:was|were)[ \t]+[A-Za-z]+ed)|((?:is|are|am|be|being|been|was|were)[ \t]+[A-Za-z]+(?:ing|ed|en)|to[ \t]+[a-z]+|is|are|am|has|have|runs|remains|continues|lasts|ends|begins|starts|takes|goes|comes)|(said|says|told|tells|was|were|had|did|ago|since|began|made|took|came|went|gave|wrote|spoke|met|sent|left|won|lost|held|led|saw|got|fell|rose|ran|stood|brought|thought|found|became|knew|paid|shot|hit|struck|broke|chose|drove|flew|heard|kept|meant|sold|spent|swore|threw|sought|fought|caught|bought|built|felt|[A-Za-z]+ed))\b|['’]ll\b/gi;
const CLAUSE_END = /[.!?;:]\s|[“”"]/g;
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
/** How far before a date a past form still governs it ("announced her resignation in February"). */
const PAST_REACH = 40;

function tenseOf(ptext: string, start: number, end: number): Tense {
  // The clause: back to the last sentence or clause mark or quotation mark, at most 120 characters.
  let lo = Math.max(0, start - 120);
  for (let i = start - 1; i >= lo; i--) {
    const c = ptext[i];
    if (c === '“' || c === '”' || c === '"') {
      lo = i + 1;
      break;
    }
    if ((c === '.' || c === '!' || c === '?' || c === ';' || c === ':') && isSpace(ptext[i + 1])) {
      lo = i + 2;
      break;
    }
  }
  const before = ptext.slice(lo, start);
  let last: RegExpExecArray | null = null;
  let prev: RegExpExecArray | null = null;
  TENSE_RE.lastIndex = 0;
  for (let t = TENSE_RE.exec(before); t; t = TENSE_RE.exec(before)) [prev, last] = [last, t];
  if (last) {
    if (last[1] || /^['’]ll$/.test(last[0])) return 'future';
    // An infinitive takes the tense of the plan it hangs on: "plans to withdraw", "is expected to leave".
    if (last[3])
      return /^to\s/i.test(last[3]) && prev?.[1] && last.index - (prev.index + prev[0].length) <= 12 ? 'future' : null;
    return before.length - (last.index + last[0].length) <= PAST_REACH ? 'past' : null;
  }
  // A date that opens its clause takes the tense of the verb after it ("On Friday, the court ruled").
  if (
    before.replace(
      /\b(?:in|on|by|since|late|early|later|earlier|the|a|an|of|during|until|from|and|but)\b|[\W_]+/giu,
      '',
    )
  )
    return null;
  CLAUSE_END.lastIndex = end;
  const c = CLAUSE_END.exec(ptext);
  const hi = Math.min(end + 80, c ? c.index : ptext.length);
  TENSE_RE.lastIndex = 0;
  const after = TENSE_RE.exec(ptext.slice(end, hi));
  if (!after) return null;
  return after[1] || /^['’]ll$/.test(after[0]) ? 'future' : after[2] || after[4] ? 'past' : null;
}

/** "the late Hugo Chávez": late means deceased before a capitalised name, not a time. */
function isLateAsDeceased(text: string, start: number): boolean {
  return (
    /^the late\s+\p{Lu}/iu.test(text.slice(Math.max(0, start - 4), start + 12)) &&
    !/^late[- ](?:\d|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/i.test(
      text.slice(start, start + 15),
    )
  );
}

export interface DateOptions {
  published: string | null;
  storyDate: string | null;
}

/** A date expression found in a paragraph, before it is resolved (offsets into the paragraph, or the text). */
export interface DateHit {
  start: number;
  end: number;
  /** Index in RULES, or ANCHORED for a period anchored on the date mention `inner`. */
  rule: number;
  groups: string[];
  /** For ANCHORED: where the date it is anchored on (a mention of its own) starts, from this hit's start. */
  inner?: number;
  /** The tense of the hit's clause, for rules whose value depends on it. */
  tense?: Tense;
}

const ANCHORED = -1;
// "the week following the January 3 US strike": a period before or after a dated event. The phrase runs to the
// event's noun when one follows the date within a few words.
const ANCHOR_LEAD =
  /\b[Tt]he (day|days|week|weeks|month|months) (after|following|before|preceding|since|leading up to) (?:the )?/g;
const EVENT_NOUNS = new Set(
  `strike strikes attack attacks vote election elections raid raids operation meeting summit
  talks deal agreement announcement crash collision storm earthquake flood floods invasion coup ceasefire truce
  referendum speech visit arrest capture shooting bombing ruling decision events event protest protests march
  rally debate hearing verdict launch report incident explosion fire blast killing killings deadline`
    .split(/\s+/)
    .filter(Boolean),
);

function anchoredHits(ptext: string, kept: DateHit[]): DateHit[] {
  const out: DateHit[] = [];
  ANCHOR_LEAD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANCHOR_LEAD.exec(ptext))) {
    const at = m.index + m[0].length;
    const inner = kept.find(h => h.start === at);
    if (!inner) continue;
    let end = inner.end;
    const rest = /^((?:[ \t]+[\p{L}.-]+){1,4})/u.exec(ptext.slice(end));
    if (rest) {
      const words = rest[1].trim().split(/[ \t]+/);
      // A word may end its sentence ("… the March 4 vote."): the dot is not part of it.
      const k = words.findIndex(w => EVENT_NOUNS.has(w.toLowerCase().replace(/\.$/, '')));
      if (k >= 0) end += rest[1].indexOf(words[k]) + words[k].replace(/\.$/, '').length;
    }
    out.push({
      start: m.index,
      end,
      rule: ANCHORED,
      groups: [m[0], m[1].toLowerCase(), m[2].toLowerCase()],
      inner: inner.start - m.index,
    });
  }
  return out;
}

/** The value of a period anchored on a resolved date. */
function anchoredValue(
  unit: string,
  relation: string,
  anchor: string | null,
): Omit<DateMention, 'text' | 'start' | 'end'> {
  const a = parseIso(anchor);
  if (!a || !/^\d{4}-\d{2}-\d{2}$/.test(anchor ?? '')) return { value: null, mod: null, relative: true };
  const sign = /before|preceding|leading/.test(relation) ? -1 : 1;
  const base = toDays(a.y, a.m, a.d);
  const at = (n: number) => fromDays(base + sign * n);
  if (unit === 'day') return { value: isoDate(...at(1)), mod: null, relative: true };
  if (unit === 'week') return { value: isoWeek(...at(7)), mod: null, relative: true };
  if (unit === 'month') {
    const idx = a.y * 12 + (a.m - 1) + sign;
    return { value: `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`, mod: null, relative: true };
  }
  // "the days/weeks/months after": about the anchor's month (or year, for months).
  if (unit === 'months') return { value: String(a.y), mod: 'APPROX', relative: true };
  return { value: `${a.y}-${String(a.m).padStart(2, '0')}`, mod: 'APPROX', relative: true };
}

/** Date expressions of one paragraph, in order, without overlaps (the longest wins). */
export function paragraphDateHits(ptext: string): DateHit[] {
  const hits: DateHit[] = [];
  // One pass finds what the paragraph holds; each rule runs only where its leading part can match.
  const has: Record<Need, boolean> = {
    digit: DIGIT.test(ptext),
    month: false,
    weekday: false,
    deictic: false,
    period: false,
    named: false,
    offset: false,
    'digit+month': false,
  };
  NEED_SCAN.lastIndex = 0;
  for (let m = NEED_SCAN.exec(ptext); m; m = NEED_SCAN.exec(ptext)) {
    if (m[1]) has.month = true;
    else if (m[2]) {
      has.deictic = true;
      if (/day/i.test(m[2])) has.weekday = true;
    } else if (m[3]) {
      has.weekday = true;
      if (/s$/i.test(m[3])) has.period = true;
    } else if (m[4]) {
      has.period = true;
      if (/^year/i.test(m[4])) has.named = true;
    } else has.named = true;
    if (has.month && has.weekday && has.period && has.deictic && has.named) break;
  }
  has['digit+month'] = has.digit && has.month;
  has.offset = has.weekday || has.period || has.deictic;
  RULES.forEach((rule, ri) => {
    if (!has[rule.needs]) return;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(ptext))) {
      let start = m.index;
      let end = start + m[0].length;
      if (rule.group !== undefined) {
        const g = m[rule.group];
        start = m.index + m[0].lastIndexOf(g);
        end = start + g.length;
      }
      if (rule.back) start -= rule.back(m);
      if (isLateAsDeceased(ptext, start)) continue;
      hits.push({ start, end, rule: ri, groups: [...m] });
    }
  });
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: DateHit[] = [];
  for (const h of hits) if (!kept.some(k => h.start < k.end && k.start < h.end)) kept.push(h);
  for (const h of kept) if (RULES[h.rule].tensed) h.tense = tenseOf(ptext, h.start, h.end);
  // An anchored period nests the date it is anchored on: both are mentions (the only overlap allowed).
  if (kept.length === 0) return kept;
  return [...kept, ...anchoredHits(ptext, kept)].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Values for the date expressions of a text (hits in text order, offsets into the text). */
export function resolveDates(text: string, hits: DateHit[], opts: DateOptions): DateMention[] {
  const published = parseIso(opts.published);
  const story = parseIso(opts.storyDate);
  const out: DateMention[] = [];
  let lastFull: Ymd | null = null;
  let lastDay: Ymd | null = null;
  // The last mention, when it is a day: where it ends.
  let lastDayEnd = -1;
  let at = 0;
  const ctx: Ctx = {
    published,
    yearAnchor: () => published ?? story ?? lastFull,
    lastDay: () => lastDay ?? published,
    tenseFor: t => ((published ?? story) ? t : null),
    nearDay: () => (lastDayEnd >= 0 && at - lastDayEnd <= 300 ? lastDay : null),
  };
  const anchored: [DateHit, number][] = [];
  // One weekday name is one day in an article: once it is read as the coming one, every bare mention is.
  const ahead = new Map<string, string>();
  const bare: [number, string][] = [];
  for (const h of hits) {
    if (h.rule === ANCHORED) {
      anchored.push([h, out.length]);
      out.push({
        text: text.slice(h.start, h.end),
        start: h.start,
        end: h.end,
        value: null,
        mod: null,
        relative: true,
      });
      continue;
    }
    at = h.start;
    const r = RULES[h.rule].make(h.groups, ctx, h.tense ?? null);
    if (!r) continue;
    const { ahead: name, ...made } = r;
    if (h.rule === WEEKDAY_RULE && !h.groups[3] && made.value) bare.push([out.length, h.groups[1]]);
    if (name && made.value) ahead.set(name, made.value);
    out.push({ text: text.slice(h.start, h.end), start: h.start, end: h.end, ...made });
    const full = made.value ? parseIso(made.value) : null;
    if (full && /^\d{4}-\d{2}-\d{2}$/.test(made.value!)) {
      lastDay = full;
      lastDayEnd = h.end;
      if (!made.relative) lastFull = full;
    } else lastDayEnd = -1;
  }
  // A weekday the article also reads as the coming one is, in past narration, the nearer of the two days: written on
  // a Wednesday, a past "Thursday" beside a coming "Thursday" is tomorrow's (an updated text), not last week's.
  if (published && ahead.size) {
    const pubDay = toDays(published.y, published.m, published.d);
    const dist = (v: string) => {
      const d = parseIso(v)!;
      return Math.abs(toDays(d.y, d.m, d.d) - pubDay);
    };
    for (const [i, name] of bare) {
      const v = ahead.get(name);
      if (v && dist(v) < dist(out[i].value!)) out[i].value = v;
    }
  }
  for (const [h, i] of anchored) {
    const inner = out.find(d => d.start === h.start + h.inner!);
    Object.assign(out[i], anchoredValue(h.groups[1], h.groups[2], inner?.value ?? null));
  }
  return out;
}

/** Date mentions of a short text on its own (the publication-date finder uses it). */
function findDates(text: string, opts: DateOptions): DateMention[] {
  return resolveDates(text, paragraphDateHits(text), opts);
}

/**
 * The publication date stated in the article: a date line near the top ("22 February 2026 15:02 PM",
 * "date 2026-02-25", "Published: March 3, 2026"), or a `date:` field in Markdown front matter.
 */
export function findPublicationDate(text: string): string | null {
  const head = text.slice(0, 2000);
  const lines = head.split(/\r?\n/).slice(0, 12);
  for (const raw of lines) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    // A date to the day has a digit; a run-on line has it at its start.
    if (!line || !DIGIT.test(line.length > 80 ? line.slice(0, 60) : line)) continue;
    const labelled = /^(?:date|published|publication date|posted|updated|first published)\s*[:\-–—]?\s*(.+)$/i.exec(
      line,
    );
    const candidate = labelled ? labelled[1] : line;
    // A date line may run on into the first sentence ("date 2026-02-25 Hundreds of …"): the date opens it.
    const runOn = line.length > 80;
    const found = findDates(runOn ? candidate.slice(0, 40) : candidate, { published: null, storyDate: null }).find(
      d => d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value),
    );
    if (!found) continue;
    if (found.start === 0 && /^[\s,.:;|·•\-–—]*\p{Lu}/u.test(candidate.slice(found.end))) return found.value;
    if (runOn) continue;
    // A date line is mostly the date: little else on it besides a label, a time, a place or a byline separator.
    const rest = (candidate.slice(0, found.start) + candidate.slice(found.end))
      .replace(/[|,·•\-–—:()\s]+/g, ' ')
      .trim();
    if (labelled || rest.split(' ').filter(Boolean).length <= 3) return found.value;
  }
  return null;
}
