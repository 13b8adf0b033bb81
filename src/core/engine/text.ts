// Text helpers shared by the recognisers: folding, tokens, sentences, paragraphs.

const COMBINING = /[\u0300-\u036f]/g;

const foldCache = new Map<string, string>();
const PLAIN = /^[\x20-\x7e]*$/;
/** The longest text whose folded form is kept. */
const FOLD_KEPT = 64;

/** Lower case, accents removed, curly apostrophes straightened: the key names are compared by. */
export function fold(s: string): string {
  // (Words and names are kept, not sentences; as strings of their own: a word cut from an article would keep the
  // whole article's text.)
  if (s.length > FOLD_KEPT) return folded(s);
  let f = foldCache.get(s);
  if (f !== undefined) return f;
  f = folded(s);
  if (foldCache.size > 100000) foldCache.clear();
  const key = flat(s);
  foldCache.set(key, f === s ? key : flat(f));
  return f;
}

const folded = (s: string) =>
  PLAIN.test(s) ? s.toLowerCase() : s.normalize('NFD').replace(COMBINING, '').replace(/[’‘]/g, "'").toLowerCase();

/**
 * A string of its own, not a view of the text it was cut from: V8 keeps a slice of a long string (13 characters or
 * more) as a view that holds the whole string, so that a word or name kept from an article would keep its whole text.
 * (A string read back from JSON is made anew; a concatenation or slice of a slice may still be a view.)
 */
export const flat = (s: string): string => (s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string));

/** FNV-1a hash of a text, as an unsigned 32-bit number (ids, checksums, cache keys). */
export function fnv1a(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A text for one line of a label or message: runs of white space made one space, then cut to at most `max`
 * characters with an ellipsis (never between the two halves of a surrogate pair).
 */
export function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ');
  if (one.length <= max) return one;
  let cut = Math.max(0, max - 1);
  if (cut > 0 && /[\ud800-\udbff]/.test(one[cut - 1])) cut--;
  return one.slice(0, cut) + '…';
}

export function hasAccent(s: string): boolean {
  return s.normalize('NFD') !== s;
}

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Has letters and all of them are upper case. */
  upper: boolean;
  /** Letters (and marks, digits, inner apostrophes or dots). */
  word: boolean;
  /** The folded text (see `fold`). */
  f: string;
}

// Tokens: a word is letters and marks, with an inner apostrophe ("O’Brien", but "Rodriguez’s" stops before
// "’s"), or initials with dots ("U.S."); a trailing dot stays only on an abbreviation ("Mr.") or an initial ("J.").
// A number keeps its separators and suffix ("1,200", "15:02", "2000s", "3rd"). Any other character is a token
// alone. Hyphens split words ("Cuba-Venezuela" is three tokens). Scanned by character class, not by a
// Unicode regular expression, because this is the engine's hottest loop.
const LETTER = 1;
const MARK = 2;
const DIGIT = 3;
const SPACE = 4;
const OTHER = 5;
const CLASS = new Uint8Array(65536);
const NUMBER_SUFFIXES = ['s', 'st', 'nd', 'rd', 'th'];

function cls(c: number): number {
  let k = CLASS[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k =
      c >= 0xd800 && c <= 0xdfff
        ? OTHER
        : /\p{L}/u.test(ch)
          ? LETTER
          : /\p{M}/u.test(ch)
            ? MARK
            : c >= 48 && c <= 57
              ? DIGIT
              : /\s/.test(ch)
                ? SPACE
                : OTHER;
    CLASS[c] = k;
  }
  return k;
}

const isUpperAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return true;
  if (c < 128 || cls(c) !== LETTER) return false;
  const ch = text[i];
  return ch !== ch.toLowerCase();
};
/** [A-Za-z0-9_]: what a regular expression's \b takes as a word character. */
const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

const ABBREV_WITH_DOT = new Set([
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'prof.',
  'st.',
  'gen.',
  'gov.',
  'sen.',
  'rep.',
  'jr.',
  'sr.',
  'lt.',
  'col.',
  'capt.',
  'sgt.',
  'jan.',
  'feb.',
  'mar.',
  'apr.',
  'jun.',
  'jul.',
  'aug.',
  'sep.',
  'sept.',
  'oct.',
  'nov.',
  'dec.',
  'inc.',
  'corp.',
  'ltd.',
  'co.',
  'no.',
  'vs.',
  'etc.',
  'mt.',
  'ft.',
  'gov.',
  'pres.',
  // Titles of clergy and ranks: "the Rev. Jesse Jackson" is one sentence.
  'rev.',
  'msgr.',
  'adm.',
  'maj.',
  'cmdr.',
  'atty.',
  'supt.',
]);
/** Letters of the longest abbreviation above: a longer word before a dot is not looked up. */
const ABBREV_MAX_LETTERS = Math.max(...[...ABBREV_WITH_DOT].map(a => a.length - 1));

// The recognisers read the same sentences more than once: keep the tokens of the paragraph being read.
let memoText = '';
let memo = new Map<number, Token[]>();

/** Forgets kept tokens; the engine calls it before and after each analysis, so no run reuses another's work. */
export function resetTokens(): void {
  memoText = '';
  memo = new Map();
}

/** Tokens of text[from, to); offsets are into the whole text. The result must not be modified. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  if (text !== memoText) {
    memoText = text;
    memo = new Map();
  }
  const key = from * 0x200000 + (to - from);
  let toks = memo.get(key);
  if (!toks) {
    toks = tokenizeRange(text, from, to);
    memo.set(key, toks);
  }
  return toks;
}

function tokenizeRange(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const k = c === 32 ? SPACE : c >= 97 && c <= 122 ? LETTER : cls(c);
    if (k === SPACE) {
      i++;
      continue;
    }
    const start = i;
    let word = false;
    if (k === LETTER) {
      word = true;
      if (
        isUpperAt(text, i) &&
        text.charCodeAt(i + 1) === 46 &&
        i + 3 < to + 1 &&
        isUpperAt(text, i + 2) &&
        text.charCodeAt(i + 3) === 46
      ) {
        // Initials: "U.S.", "U.S.A."
        i += 4;
        while (i + 1 < to && isUpperAt(text, i) && text.charCodeAt(i + 1) === 46) i += 2;
      } else {
        i++;
        while (i < to) {
          const ch = text.charCodeAt(i);
          if (ch >= 97 && ch <= 122) {
            i++;
            continue;
          } // a-z, the common case
          const q = cls(ch);
          if (q !== LETTER && q !== MARK) break;
          i++;
        }
        const a = text.charCodeAt(i);
        if ((a === 39 || a === 0x2019) && i + 1 < to && cls(text.charCodeAt(i + 1)) === LETTER) {
          const s1 = text.charCodeAt(i + 1);
          const possessive = (s1 === 115 || s1 === 83) && !(i + 2 < to && isAsciiWord(text.charCodeAt(i + 2)));
          if (!possessive) {
            i += 2;
            while (i < to && cls(text.charCodeAt(i)) === LETTER) i++;
          }
        }
        if (i < to && text.charCodeAt(i) === 46) {
          const single = i - start === 1 && isUpperAt(text, start);
          if (
            single ||
            (i - start <= ABBREV_MAX_LETTERS && ABBREV_WITH_DOT.has(text.slice(start, i + 1).toLowerCase()))
          )
            i++;
        }
      }
    } else if (k === DIGIT) {
      i++;
      for (;;) {
        while (i < to && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
        const sep = text.charCodeAt(i);
        if (
          (sep === 46 || sep === 44 || sep === 58) &&
          i + 1 < to &&
          text.charCodeAt(i + 1) >= 48 &&
          text.charCodeAt(i + 1) <= 57
        ) {
          i++;
          continue;
        }
        break;
      }
      for (const suffix of NUMBER_SUFFIXES) {
        if (
          text.startsWith(suffix, i) &&
          !(i + suffix.length < to && isAsciiWord(text.charCodeAt(i + suffix.length)))
        ) {
          i += suffix.length;
          break;
        }
      }
    } else {
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
    }
    if (!word) {
      const t = i - start === 1 ? text[start] : text.slice(start, i);
      out.push({ text: t, start, end: i, word, cap: false, upper: false, f: t });
      continue;
    }
    const t = text.slice(start, i);
    let ascii = true;
    let hasUpper = false;
    let hasLower = false;
    for (let x = start; x < i; x++) {
      const q = text.charCodeAt(x);
      if (q >= 97) {
        if (q > 126) {
          ascii = false;
          break;
        }
        if (q <= 122) hasLower = true;
        continue;
      }
      if (q >= 65 && q <= 90) hasUpper = true;
    }
    if (ascii && !hasUpper) {
      out.push({ text: t, start, end: i, word, cap: false, upper: false, f: t });
      continue;
    }
    const lower = t.toLowerCase();
    const c0 = t.charCodeAt(0);
    const cap = ascii ? c0 >= 65 && c0 <= 90 : t[0] !== lower[0];
    out.push({
      text: t,
      start,
      end: i,
      word,
      cap,
      // (ASCII: all capitals when no letter a-z, without making the upper-case copy.)
      upper: cap && t !== lower && (ascii ? !hasLower : t === t.toUpperCase()),
      f: ascii ? lower : fold(t),
    });
  }
  return out;
}

export interface Range {
  start: number;
  end: number;
}

/** Non-empty lines as paragraphs (news text puts one paragraph on a line). */
export function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  const re = /[^\r\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

const CLOSERS = '"”’\')]';
const ENDS = /[.!?|]/g;

/**
 * Sentences of one paragraph. A sentence ends at . ! ? (with any closing quotes after it) followed by white space
 * and a capital, a digit or an opening quote, unless the dot ends an abbreviation or an initial.
 */
export function sentences(text: string, para: Range): Range[] {
  const out: Range[] = [];
  let s = para.start;
  ENDS.lastIndex = para.start;
  for (let i = para.start; i < para.end; i++) {
    ENDS.lastIndex = i;
    const found = ENDS.exec(text); // the next . ! ? or |
    if (!found || found.index >= para.end) break;
    i = found.index;
    const c = text[i];
    if (c === '|') {
      // "Also Read | headline": a bar separates a label from what follows.
      let e = i;
      while (e > s && /\s/.test(text[e - 1])) e--;
      if (e > s) out.push({ start: s, end: e });
      s = i + 1;
      while (s < para.end && /\s/.test(text[s])) s++;
      i = s - 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let j = i + 1;
    while (j < para.end && CLOSERS.includes(text[j])) j++;
    if (j >= para.end) break;
    if (!/\s/.test(text[j])) continue;
    let k = j;
    while (k < para.end && /\s/.test(text[k])) k++;
    const next = text[k];
    if (!next || !/[\p{Lu}\d"“‘'(]/u.test(next)) continue;
    if (c === '.') {
      const before = text.slice(Math.max(para.start, i - 6), i + 1);
      const word = /(\S+)$/.exec(before)?.[1] ?? '';
      // A month abbreviation never ends a sentence ("Feb. 28", "since Aug. The").
      if (ABBREV_WITH_DOT.has(word.toLowerCase()) && !/^(inc|corp|ltd|co|etc)\.$/i.test(word)) continue;
      if (/(^|[\s(])\p{Lu}\.$/u.test(before) && !/\b[AI]\.$/.test(before)) continue; // an initial: "J. Smith"
      if (
        /(?:\p{Lu}\.){2,}$/u.test(before) &&
        /^(?:The|A|An|In|On|He|She|It|They|But|And)\b/.test(text.slice(k, k + 5)) === false
      )
        continue; // "U.S. officials"
    }
    out.push({ start: s, end: j });
    s = k;
    i = k - 1;
  }
  if (s < para.end) out.push({ start: s, end: para.end });
  return out;
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day of the week, 0 = Monday, for a proleptic Gregorian date (no Date object: no time zones involved). */
export function weekday(y: number, m: number, d: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const yy = m < 3 ? y - 1 : y;
  const sun0 = (yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) + t[m - 1] + d) % 7;
  return (sun0 + 6) % 7;
}

export function daysInMonth(y: number, m: number): number {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Days since 1970-01-01 for a civil date, and back. */
export function toDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/** ISO week (YYYY-Www) of a civil date. */
export function isoWeek(y: number, m: number, d: number): string {
  const days = toDays(y, m, d);
  const thursday = days - weekday(y, m, d) + 3;
  const [ty] = fromDays(thursday);
  const week = Math.floor((thursday - toDays(ty, 1, 1)) / 7) + 1;
  return `${ty}-W${String(week).padStart(2, '0')}`;
}

/** Where each line of a text starts (after \n, \r\n or a lone \r), as the editor counts lines. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The line and character of an offset, given the line starts. */
export function lineOf(starts: number[], offset: number): [number, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [lo, Math.max(0, offset - starts[lo])];
}
