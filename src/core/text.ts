// Text helpers shared by the recognisers: folding, tokens, sentences, paragraphs.

const COMBINING = /[\u0300-\u036f]/g;

const foldCache = new Map<string, string>();
const PLAIN = /^[\x20-\x7e]*$/;

/** Lower case, accents removed, curly apostrophes straightened: the key names are compared by. */
export function fold(s: string): string {
  let f = foldCache.get(s);
  if (f !== undefined) return f;
  f = PLAIN.test(s) ? s.toLowerCase() : s.normalize('NFD').replace(COMBINING, '').replace(/[’‘]/g, "'").toLowerCase();
  if (foldCache.size > 100000) foldCache.clear();
  foldCache.set(s, f);
  return f;
}

/** Accents removed, case kept. */
export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').normalize('NFC');
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
}

// A word: letters with inner apostrophes, dots of abbreviations ("U.S."), hyphens kept apart.
// Numbers with separators ("1,200", "3.5", "2000s"). Any other non-space character alone.
const TOKEN = /((?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’](?![sS]\b)\p{L}+)?\.?)|\d+(?:[.,:]\d+)*(?:s\b|st\b|nd\b|rd\b|th\b)?|\S/gu;
const ABBREV_WITH_DOT = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'st.', 'gen.', 'gov.', 'sen.', 'rep.', 'jr.',
  'sr.', 'lt.', 'col.', 'capt.', 'sgt.', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.',
  'oct.', 'nov.', 'dec.', 'inc.', 'corp.', 'ltd.', 'co.', 'no.', 'vs.', 'etc.', 'mt.', 'ft.', 'gov.', 'pres.']);

// The recognisers read the same sentences more than once: keep the tokens of the text being analysed.
let memoText = '';
let memo = new Map<number, Token[]>();

/** Starts a fresh token memo; the engine calls it once per analysis, so no run reuses another's work. */
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
  TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) && m.index < to) {
    let t = m[0];
    let end = m.index + t.length;
    if (end > to) {
      t = t.slice(0, to - m.index);
      end = to;
    }
    // A trailing dot belongs to the word only for abbreviations and initials ("Mr.", "J.").
    if (t.length > 1 && t.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(t) && !ABBREV_WITH_DOT.has(t.toLowerCase())) {
      t = t.slice(0, -1);
      end -= 1;
      TOKEN.lastIndex = end;
    }
    const word = m[1] !== undefined;
    const lower = word ? t.toLowerCase() : t;
    out.push({
      text: t,
      start: m.index,
      end,
      word,
      cap: word && t[0] !== lower[0],
      upper: word && t !== lower && t === t.toUpperCase(),
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

/**
 * Sentences of one paragraph. A sentence ends at . ! ? (with any closing quotes after it) followed by white space
 * and a capital, a digit or an opening quote, unless the dot ends an abbreviation or an initial.
 */
export function sentences(text: string, para: Range): Range[] {
  const out: Range[] = [];
  let s = para.start;
  for (let i = para.start; i < para.end; i++) {
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
      if (ABBREV_WITH_DOT.has(word.toLowerCase()) && !/^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|inc|corp|ltd|co|etc)\.$/i.test(word)) continue;
      if (/(^|[\s(])\p{Lu}\.$/u.test(before) && !/\b[AI]\.$/.test(before)) continue; // an initial: "J. Smith"
      if (/(?:\p{Lu}\.){2,}$/u.test(before) && /^(?:The|A|An|In|On|He|She|It|They|But|And)\b/.test(text.slice(k, k + 5)) === false) continue; // "U.S. officials"
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
