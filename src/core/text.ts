// Text helpers shared by the recognisers: folding, tokens, sentences, paragraphs.

const COMBINING = /[\u0300-\u036f]/g;

/** Lower case, accents removed, curly apostrophes straightened: the key names are compared by. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/[’‘]/g, "'").toLowerCase();
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
const TOKEN = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’](?![sS]\b)\p{L}+)?\.?|\d+(?:[.,:]\d+)*(?:s\b|st\b|nd\b|rd\b|th\b)?|\S/gu;
const ABBREV_WITH_DOT = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'st.', 'gen.', 'gov.', 'sen.', 'rep.', 'jr.',
  'sr.', 'lt.', 'col.', 'capt.', 'sgt.', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.',
  'oct.', 'nov.', 'dec.', 'inc.', 'corp.', 'ltd.', 'co.', 'no.', 'vs.', 'etc.', 'mt.', 'ft.', 'gov.', 'pres.']);

/** Tokens of text[from, to); offsets are into the whole text. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  const slice = to === text.length ? text : text.slice(0, to);
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice))) {
    let t = m[0];
    let end = m.index + t.length;
    // A trailing dot belongs to the word only for abbreviations and initials ("Mr.", "J.").
    if (t.length > 1 && t.endsWith('.') && !/^(?:\p{Lu}\.)+$/u.test(t) && !ABBREV_WITH_DOT.has(t.toLowerCase())) {
      t = t.slice(0, -1);
      end -= 1;
      TOKEN.lastIndex = end;
    }
    const word = /\p{L}/u.test(t[0]);
    const letters = t.replace(/[^\p{L}]/gu, '');
    out.push({
      text: t,
      start: m.index,
      end,
      word,
      cap: word && t[0] !== t[0].toLowerCase(),
      upper: word && letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
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
