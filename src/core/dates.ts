// Dates: calendar expressions resolved to ISO 8601 values against the publication date.
//
// Absolute dates ("22 February 2026") need nothing. Year-less ones ("January 3", "mid-December") take the
// year that puts them nearest before the anchor (publication date, else a date of the story, else the nearest
// full date earlier in the text). Deictic ones ("recent weeks", "yesterday", "last month") are `relative` and
// resolve only against the publication date.

import type { DateMention, DateMod } from './types';
import { daysInMonth, fromDays, isoDate, isoWeek, toDays, weekday } from './text';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];
const MONTH_RE = '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)';
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const PART = '(?:(early|mid|late)[- ]?|(?:the )?(start|beginning|middle|end) of )';
const NUM_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
  seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, several: 3, few: 3 };

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

interface Ymd { y: number; m: number; d: number }

function parseIso(s: string | null | undefined): Ymd | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  return m ? { y: +m[1], m: +m[2], d: +m[3] } : null;
}

/** The year for a month (and day) without one: the latest such date that is not well after the anchor. */
function inferYear(anchor: Ymd, m: number, d = 1): number {
  // Up to about two months after the anchor still reads as the anchor's year ("next month's vote").
  const a = toDays(anchor.y, anchor.m, anchor.d);
  const candidate = toDays(anchor.y, m, Math.min(d, daysInMonth(anchor.y, m)));
  return candidate - a > 62 ? anchor.y - 1 : anchor.y;
}

type Rule = {
  re: RegExp;
  /** What a paragraph must hold for the rule to be tried at all (a cheap test before the real one). */
  needs: Need;
  make: (m: string[], ctx: Ctx) => Omit<DateMention, 'text' | 'start' | 'end'> | null;
  /** Index of the group whose text is the span, when the match holds context before it. */
  group?: number;
  /** How many characters before the match belong to the span (a part-of-period word found by looking behind). */
  back?: (m: RegExpExecArray) => number;
};

interface Ctx {
  published: Ymd | null;
  /** Anchor for year inference: published, else a story date, else the last full date seen. */
  yearAnchor: () => Ymd | null;
}

const DIGIT = /\d/;
type Need = 'digit' | 'month' | 'digit+month' | 'deictic' | 'weekday' | 'period';
const NEED_SCAN = /(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)|([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|TODAY|YESTERDAY|TOMORROW|TONIGHT)|(days?|DAYS?)|([Ww]eeks?|[Mm]onths?|[Yy]ears?|WEEKS?|MONTHS?|YEARS?)/g;

const abs = (value: string | null, mod: DateMod = null) => ({ value, mod, relative: false });

const RULES: Rule[] = [
  // ISO dates: 2026-02-25
  { needs: 'digit', re: /\b(\d{4})-(\d{2})-(\d{2})\b(?!-)/g, make: m => (+m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= 31 ? abs(`${m[1]}-${m[2]}-${m[3]}`) : null) },
  // 22 February 2026 (15:02 PM)
  { needs: 'digit+month', re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?[ \\t\\u00a0]+(?:of[ \\t\\u00a0]+)?(${MONTH_RE}),?[ \\t\\u00a0]+(\\d{4})(?:,?[ \\t\\u00a0]+(?:at[ \\t\\u00a0]+)?\\d{1,2}[:.]\\d{2}(?:[ \\t]*[AaPp]\\.?[Mm]\\.?)?(?:[ \\t]+[A-Z]{2,4}\\b)?)?`, 'g'),
    make: m => abs(isoDate(+m[3], monthNumber(m[2]), +m[1])) },
  // January 3(, 2026)
  { needs: 'digit+month', re: new RegExp(`\\b(${MONTH_RE})[ \\t\\u00a0]+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:|\\.\\d|,\\d)(?:,?[ \\t\\u00a0]+(\\d{4})\\b)?`, 'g'),
    make: (m, ctx) => {
      const mo = monthNumber(m[1]);
      const d = +m[2];
      if (d < 1 || d > 31) return null;
      if (m[3]) return abs(isoDate(+m[3], mo, d));
      const a = ctx.yearAnchor();
      return abs(a ? isoDate(inferYear(a, mo, d), mo, d) : null);
    } },
  // mid-December, early March 2026, the end of January
  { needs: 'month', re: new RegExp(`\\b${PART}(${MONTH_RE})(?:,?[ \\t\\u00a0]+(\\d{4}))?\\b`, 'gi'),
    make: (m, ctx) => {
      const mo = monthNumber(m[3]);
      if (!/^[A-Z]/.test(m[3])) return null;
      const mod = modOf(m[1], m[2]);
      if (m[4]) return abs(`${m[4]}-${String(mo).padStart(2, '0')}`, mod);
      const a = ctx.yearAnchor();
      return abs(a ? `${inferYear(a, mo)}-${String(mo).padStart(2, '0')}` : null, mod);
    } },
  // February 2026
  { needs: 'digit+month', re: new RegExp(`\\b(${MONTH_RE}),?[ \\t\\u00a0]+(\\d{4})\\b`, 'g'), make: m => abs(`${m[2]}-${String(monthNumber(m[1])).padStart(2, '0')}`) },
  // late 2000s, the 1990s
  // (The rules below look behind for their leading words, so the engine scans for the rarer part first.)
  { needs: 'digit', re: /\b((?:1[89]|20)\d)0s\b(?<=(?:\b(early|mid|late|Early|Mid|Late)([- ]?))?\d{4}s)/g,
    make: m => abs(m[1], modOf(m[2]?.toLowerCase(), undefined)), back: m => (m[2] ? m[2].length + m[3].length : 0) },
  // early 2026; in 2025 (a year needs a word before it that makes it one, or a part-of-period word)
  { needs: 'digit', re: /\b((?:1[89]|20)\d{2})\b(?<=\b(?:([Ee]arly|[Mm]id|[Ll]ate)[- ]|(?:[Ii]n|[Ss]ince|by|until|till|[Ff]rom|[Bb]efore|[Aa]fter|[Dd]uring|through|of|to|and|between|year)[ \t])\d{4})(?![,.]\d|[ \t]*(?:%|percent|people|troops|soldiers|members|km|miles|dollars))/g,
    make: m => abs(m[1], modOf(m[2]?.toLowerCase(), undefined)), back: m => (m[2] ? m[2].length + 1 : 0) },
  // the January attack; in January; since March (a month on its own)
  { needs: 'month', re: new RegExp(`\\b(January|February|March|April|May|June|July|August|September|October|November|December)\\b(?![ \\t\\u00a0]+\\d)(?<=\\b(in|since|by|until|till|from|before|after|during|through|last|next|this|the|early|late|mid|of|between|and)[ \\t\\u00a0]+[A-Za-z]+)`, 'g'),
    make: (m, ctx) => {
      const mo = monthNumber(m[1]);
      const pre = m[2].toLowerCase();
      if ((mo === 3 || mo === 5) && (pre === 'the' || pre === 'and' || pre === 'of')) return null;
      const a = pre === 'last' || pre === 'next' || pre === 'this' ? ctx.published : ctx.yearAnchor();
      if (!a) return { value: null, mod: null, relative: pre === 'last' || pre === 'next' || pre === 'this' };
      let y = inferYear(a, mo);
      if (pre === 'last') y = mo < a.m ? a.y : a.y - 1;
      if (pre === 'next') y = mo > a.m ? a.y : a.y + 1;
      if (pre === 'this') y = a.y;
      return { value: `${y}-${String(mo).padStart(2, '0')}`, mod: null, relative: pre === 'last' || pre === 'next' || pre === 'this' };
    } },
  // today, yesterday, tomorrow, tonight
  { needs: 'deictic', re: /\b(today|yesterday|tomorrow|tonight)\b/gi,
    make: (m, ctx) => {
      const p = ctx.published;
      const off = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }[m[1].toLowerCase() as 'today'];
      if (!p) return { value: null, mod: null, relative: true };
      const [y, mo, d] = fromDays(toDays(p.y, p.m, p.d) + off);
      return { value: isoDate(y, mo, d), mod: null, relative: true };
    } },
  // on Monday, last Friday (the most recent such day up to the publication date)
  { needs: 'weekday', re: /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?<=\b(last|next|this|on|since|by|until|from)[ \t]+[A-Za-z]+)/g,
    make: (m, ctx) => {
      const p = ctx.published;
      if (!p) return { value: null, mod: null, relative: true };
      const want = WEEKDAYS.indexOf(m[1].toLowerCase());
      const have = weekday(p.y, p.m, p.d);
      const base = toDays(p.y, p.m, p.d);
      let delta = -((have - want + 7) % 7);
      if (m[2] === 'next') delta = ((want - have + 7) % 7) || 7;
      if (m[2] === 'last' && delta === 0) delta = -7;
      const [y, mo, d] = fromDays(base + delta);
      return { value: isoDate(y, mo, d), mod: null, relative: true };
    } },
  // last week, this month, next year, the past year, earlier this month
  { needs: 'period', re: /\b((?:earlier|later) this|last|next|this|the past|the coming|the previous)[ \t]+(week|month|year)\b/gi,
    make: (m, ctx) => {
      const p = ctx.published;
      if (!p) return { value: null, mod: null, relative: true };
      const w = m[1].toLowerCase();
      const step = w === 'next' || w === 'the coming' ? 1 : w === 'last' || w === 'the previous' ? -1 : 0;
      const mod: DateMod = w === 'the past' || w === 'the coming' ? 'APPROX' : null;
      const unit = m[2].toLowerCase();
      if (unit === 'year') return { value: String(p.y + step), mod, relative: true };
      if (unit === 'month') {
        const idx = p.y * 12 + (p.m - 1) + step;
        return { value: `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`, mod, relative: true };
      }
      const [y, mo, d] = fromDays(toDays(p.y, p.m, p.d) + 7 * step);
      return { value: isoWeek(y, mo, d), mod, relative: true };
    } },
  // recent weeks, the past few months, the last two years
  { needs: 'period', re: /\b(?:recent|the (?:past|last)(?: (?:few|several|two|three|four|couple of))?)[ \t]+(days|weeks|months|years)\b/gi,
    make: (m, ctx) => {
      const p = ctx.published;
      if (!p) return { value: null, mod: null, relative: true };
      const unit = m[1].toLowerCase();
      return { value: unit === 'years' ? String(p.y) : unit === 'days' ? isoDate(p.y, p.m, p.d) : `${p.y}-${String(p.m).padStart(2, '0')}`, mod: 'APPROX', relative: true };
    } },
  // three weeks ago, two years ago
  { needs: 'period', re: /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)[ \t]+(days?|weeks?|months?|years?)[ \t]+ago\b/gi,
    make: (m, ctx) => {
      const p = ctx.published;
      if (!p) return { value: null, mod: null, relative: true };
      const n = /^\d+$/.test(m[1]) ? +m[1] : NUM_WORDS[m[1].toLowerCase()] ?? 1;
      const unit = m[2].toLowerCase().replace(/s$/, '');
      const mod: DateMod = /several|few/i.test(m[1]) ? 'APPROX' : null;
      if (unit === 'year') return { value: String(p.y - n), mod, relative: true };
      if (unit === 'month') {
        const idx = p.y * 12 + (p.m - 1) - n;
        return { value: `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`, mod, relative: true };
      }
      const [y, mo, d] = fromDays(toDays(p.y, p.m, p.d) - (unit === 'week' ? 7 * n : n));
      return { value: unit === 'week' ? isoWeek(y, mo, d) : isoDate(y, mo, d), mod, relative: true };
    } },
];

/** "the late Hugo Chávez": late means deceased before a capitalised name, not a time. */
function isLateAsDeceased(text: string, start: number): boolean {
  return /^the late\s+\p{Lu}/iu.test(text.slice(Math.max(0, start - 4), start + 12)) && !/^late[- ](?:\d|January|February|March|April|May|June|July|August|September|October|November|December)/i.test(text.slice(start, start + 15));
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
}

const ANCHORED = -1;
// "the week following the January 3 US strike": a period before or after a dated event. The phrase runs to the
// event's noun when one follows the date within a few words.
const ANCHOR_LEAD = /\bthe (day|days|week|weeks|month|months) (after|following|before|preceding|since|leading up to) (?:the )?/gi;
const EVENT_NOUNS = new Set(`strike strikes attack attacks vote election elections raid raids operation meeting summit
  talks deal agreement announcement crash collision storm earthquake flood floods invasion coup ceasefire truce
  referendum speech visit arrest capture shooting bombing ruling decision events event protest protests march
  rally debate hearing verdict launch report incident explosion fire blast killing killings deadline`.split(/\s+/).filter(Boolean));

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
      const k = words.findIndex(w => EVENT_NOUNS.has(w.toLowerCase()));
      if (k >= 0) end += rest[1].indexOf(words[k]) + words[k].length;
    }
    out.push({ start: m.index, end, rule: ANCHORED, groups: [m[0], m[1].toLowerCase(), m[2].toLowerCase()], inner: inner.start - m.index });
  }
  return out;
}

/** The value of a period anchored on a resolved date. */
function anchoredValue(unit: string, relation: string, anchor: string | null): Omit<DateMention, 'text' | 'start' | 'end'> {
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
  const has = { digit: false, month: false, weekday: false, deictic: false, period: false, 'digit+month': false };
  has.digit = DIGIT.test(ptext);
  NEED_SCAN.lastIndex = 0;
  for (let m = NEED_SCAN.exec(ptext); m; m = NEED_SCAN.exec(ptext)) {
    if (m[1]) has.month = true;
    else if (m[2]) { has.deictic = true; has.weekday = true; }
    else if (m[3]) { has.weekday = true; if (m[3].length === 4) has.period = true; }
    else if (m[4]) has.period = true;
    if (has.month && has.weekday && has.period && has.deictic) break;
  }
  has['digit+month'] = has.digit && has.month;
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
  hits.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: DateHit[] = [];
  for (const h of hits) if (!kept.some(k => h.start < k.end && k.start < h.end)) kept.push(h);
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
  const ctx: Ctx = { published, yearAnchor: () => published ?? story ?? lastFull };
  const anchored: [DateHit, number][] = [];
  for (const h of hits) {
    if (h.rule === ANCHORED) {
      anchored.push([h, out.length]);
      out.push({ text: text.slice(h.start, h.end), start: h.start, end: h.end, value: null, mod: null, relative: true });
      continue;
    }
    const r = RULES[h.rule].make(h.groups, ctx);
    if (!r) continue;
    out.push({ text: text.slice(h.start, h.end), start: h.start, end: h.end, ...r });
    const full = r.value && !r.relative ? parseIso(r.value) : null;
    if (full) lastFull = full;
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
    if (!line || line.length > 80) continue;
    const labelled = /^(?:date|published|publication date|posted|updated|first published)\s*[:\-–—]?\s*(.+)$/i.exec(line);
    const candidate = labelled ? labelled[1] : line;
    const found = findDates(candidate, { published: null, storyDate: null }).find(d => d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value));
    if (!found) continue;
    // A date line is mostly the date: little else on it besides a label, a time, a place or a byline separator.
    const rest = (candidate.slice(0, found.start) + candidate.slice(found.end)).replace(/[|,·•\-–—:()\s]+/g, ' ').trim();
    if (labelled || rest.split(' ').filter(Boolean).length <= 3) return found.value;
  }
  return null;
}
