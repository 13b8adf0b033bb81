// Anchors: where an annotation sits in an article, kept two ways (W3C Web Annotation's TextQuoteSelector and
// TextPositionSelector), and found again after the article changed.
//
// Finding again, in order: the stored position if the quote is still there; else the exact quote, told apart
// from other occurrences by the text around it; else the quote with its white space changed (a reflowed
// paragraph); else an approximate match above a confidence threshold. Anything less certain is orphaned: an
// annotation must never land silently on words that are not its own.

/** Characters of context kept on each side of the quote. */
export const CONTEXT = 32;

export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

export type AnchorStatus = 'ok' | 'moved' | 'orphaned';

export interface Located {
  status: AnchorStatus;
  start: number | null;
  end: number | null;
  /** 1 for the stored position or an exact quote in its context; lower for approximate matches. */
  confidence: number;
  how: 'position' | 'quote' | 'whitespace' | 'fuzzy' | 'none';
}

export interface LocateOptions {
  /** Minimum confidence of an approximate match (0–1). */
  threshold?: number;
}

/** The anchor of text[start, end). */
export function anchorAt(text: string, start: number, end: number): Anchor {
  if (start < 0 || end > text.length || start > end) throw new RangeError(`no span [${start}, ${end}) in a text of ${text.length}`);
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end,
  };
}

/** How well the text around [s, e) matches the stored context: 0 (nothing) to 1 (all of it). */
function contextScore(text: string, s: number, e: number, a: Anchor): number {
  let before = 0;
  const pl = a.prefix.length;
  while (before < pl && s - before - 1 >= 0 && text[s - before - 1] === a.prefix[pl - before - 1]) before++;
  let after = 0;
  const sl = a.suffix.length;
  while (after < sl && e + after < text.length && text[e + after] === a.suffix[after]) after++;
  const want = pl + sl;
  return want === 0 ? 1 : (before + after) / want;
}

interface Candidate { start: number; end: number; context: number; cost: number }

/** Do the surroundings vouch for a short quote? They must still read as stored near it. */
function vouched(text: string, s: number, e: number, a: Anchor): boolean {
  const same = (k: number) => ({
    before: a.prefix.length > 0 && text.slice(Math.max(0, s - k), s) === a.prefix.slice(-k),
    after: a.suffix.length > 0 && text.slice(e, e + k) === a.suffix.slice(0, k),
  });
  const long = same(16);
  const short = same(10);
  // Sixteen characters on one side, or ten on both (an article's edge counts as matching when nothing was
  // stored there), or ten on one side close to where it was.
  const edgeBefore = a.prefix.length < 10 && text.slice(Math.max(0, s - 10), s) === a.prefix;
  const edgeAfter = a.suffix.length < 10 && text.slice(e, e + 10) === a.suffix;
  const near = Math.abs(s - a.start) <= 200;
  return long.before || long.after || ((short.before || edgeBefore) && (short.after || edgeAfter))
    || (near && (short.before || short.after));
}
const isShort = (a: Anchor) => a.exact.length < 24 || a.exact.trim().split(/\s+/).length < 4;

/**
 * Picks the occurrence whose surroundings match best, or none when the choice is not clear: two occurrences
 * equally well placed, or a short quote whose surroundings do not vouch for it.
 */
function choose(text: string, a: Anchor, cands: Candidate[]): Candidate | null {
  if (cands.length === 0) return null;
  // The two best, in one pass (there may be thousands).
  const better = (x: Candidate, y: Candidate) => x.context > y.context || (x.context === y.context && Math.abs(x.start - a.start) < Math.abs(y.start - a.start));
  let best = cands[0];
  let second: Candidate | undefined;
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k];
    if (better(c, best)) { second = best; best = c; } else if (!second || better(c, second)) second = c;
  }
  // A short quote that occurs once may still be someone else's words: it needs its surroundings too.
  if (isShort(a) && (a.prefix || a.suffix) && !vouched(text, best.start, best.end, a)) return null;
  if (second && second.context >= best.context - 0.1) {
    // Equally good places: only the untouched surroundings of one of them can decide.
    if (best.context < 0.9 || second.context >= 0.9) return null;
  }
  return best;
}

/** Finds an anchor in the current text of its article. */
export function locate(text: string, a: Anchor, opts: LocateOptions = {}): Located {
  const threshold = opts.threshold ?? 0.8;
  if (a.exact.length === 0) return { status: 'orphaned', start: null, end: null, confidence: 0, how: 'none' };
  // At its stored position, if its words are there (a short quote also needs its surroundings: after an edit,
  // another occurrence of a common word can slide into the old place).
  if (text.slice(a.start, a.end) === a.exact && (!isShort(a) || vouched(text, a.start, a.end, a))) {
    return { status: 'ok', start: a.start, end: a.end, confidence: 1, how: 'position' };
  }

  // The exact quote elsewhere: first with all its stored surroundings (one search, however often the quote
  // occurs), then each occurrence scored by how much of them is still there.
  const whole = a.prefix + a.exact + a.suffix;
  if (a.prefix.length + a.suffix.length >= 2 * CONTEXT - 8) {
    const i = text.indexOf(whole);
    if (i >= 0 && text.indexOf(whole, i + 1) < 0) return moved(a, i + a.prefix.length, i + a.prefix.length + a.exact.length, 1, 'quote');
  }
  const exact: Candidate[] = [];
  for (let i = text.indexOf(a.exact); i >= 0; i = text.indexOf(a.exact, i + 1)) {
    // So many that the surroundings cannot tell them apart in reasonable time: not placed.
    if (exact.length >= MAX_OCCURRENCES) return orphan();
    exact.push({ start: i, end: i + a.exact.length, context: contextScore(text, i, i + a.exact.length, a), cost: 0 });
  }
  const e = choose(text, a, exact);
  if (e) return moved(a, e.start, e.end, 1, 'quote');
  if (exact.length > 0) return orphan(); // the words exist but cannot be told apart: do not guess

  // The same words with other white space between them (a reflowed paragraph): searched in the text with each
  // run of white space made one space (no regular expression built from the quote: it may be megabytes long).
  const quote = a.exact.trim().replace(/\s+/g, ' ');
  if (quote.includes(' ')) {
    const c = collapsed(text);
    const ws: Candidate[] = [];
    for (let i = c.text.indexOf(quote); i >= 0; i = c.text.indexOf(quote, i + 1)) {
      const start = c.at[i];
      const end = c.at[i + quote.length - 1] + 1;
      ws.push({ start, end, context: contextScore(text, start, end, a), cost: 0 });
    }
    const w = choose(text, a, ws);
    if (w) return moved(a, w.start, w.end, 1, 'whitespace');
    if (ws.length > 0) return orphan();
  }

  // An approximate match: seeds of the quote vote for where it starts, then an alignment measures it.
  const f = fuzzy(text, a);
  if (f && f.confidence >= threshold) return moved(a, f.start, f.end, f.confidence, 'fuzzy');
  return orphan();
}

const orphan = (): Located => ({ status: 'orphaned', start: null, end: null, confidence: 0, how: 'none' });
const moved = (a: Anchor, start: number, end: number, confidence: number, how: Located['how']): Located =>
  ({ status: start === a.start && end === a.end ? 'ok' : 'moved', start, end, confidence, how });

/** The text with each run of white space as one space, and where each of its characters is in the text. */
let lastCollapsed: { of: string; text: string; at: Int32Array } | null = null;
function collapsed(text: string): { text: string; at: Int32Array } {
  if (lastCollapsed?.of === text) return lastCollapsed;
  const at = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    for (let k = from; k < i; k++) at[n++] = k;
    parts.push(text.slice(from, i), ' ');
    at[n++] = i;
    from = j;
    i = j - 1;
  }
  for (let k = from; k < text.length; k++) at[n++] = k;
  parts.push(text.slice(from));
  lastCollapsed = { of: text, text: parts.join(''), at: at.subarray(0, n) };
  return lastCollapsed;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const SEED = 8;
const MAX_FUZZY = 4000;
/** Occurrences of one quote beyond which it is not placed by its surroundings (only with all of them intact). */
const MAX_OCCURRENCES = 2000;

/** The best approximate occurrence of the quote, with a confidence that also weighs its surroundings. */
function fuzzy(text: string, a: Anchor): { start: number; end: number; confidence: number } | null {
  const p = a.exact;
  if (p.length < 12) return null; // too short to match approximately without risk
  // Too long to align in reasonable time (an alignment costs the quote's length squared): only found exactly.
  if (p.length > MAX_FUZZY) return null;
  const maxErrors = Math.floor(p.length * 0.25);
  // Seeds: non-overlapping pieces of the quote (at most 64, spread over it); each exact occurrence suggests a start.
  const votes = new Map<number, number>();
  const step = Math.max(SEED, Math.ceil(p.length / 64 / SEED) * SEED);
  for (let off = 0; off + SEED <= p.length; off += step) {
    const seed = p.slice(off, off + SEED);
    let hits = 0;
    for (let i = text.indexOf(seed); i >= 0 && hits < 50; i = text.indexOf(seed, i + 1), hits++) {
      const start = Math.round((i - off) / 4) * 4; // nearby starts vote together
      votes.set(start, (votes.get(start) ?? 0) + 1);
    }
  }
  const tops = [...votes].sort((x, y) => y[1] - x[1]).slice(0, 6).filter(([, v]) => v >= 2 || p.length < 3 * SEED);
  const results: { start: number; end: number; errors: number; context: number }[] = [];
  for (const [s] of tops) {
    const from = Math.max(0, s - maxErrors - 4);
    const to = Math.min(text.length, s + p.length + maxErrors + 4);
    const r = align(p, text, from, to);
    if (r && r.errors <= maxErrors) results.push({ ...r, context: contextScore(text, r.start, r.end, a) });
  }
  if (results.length === 0) return null;
  // The same place found from several seeds counts once.
  const distinct = results.filter((r, i) => results.findIndex(q => q.start === r.start && q.end === r.end) === i);
  distinct.sort((x, y) => x.errors - y.errors || y.context - x.context);
  const best = distinct[0];
  const second = distinct.find(r => r.end <= best.start || r.start >= best.end);
  const similarity = 1 - best.errors / p.length;
  if (second && second.errors <= best.errors + 1 && second.context >= best.context - 0.1) return null; // two look-alikes
  // Surroundings confirm (or weaken) an approximate match.
  const confidence = Math.min(1, similarity * (0.85 + 0.15 * best.context));
  return { start: best.start, end: best.end, confidence };
}

/**
 * Approximate occurrence of pattern in text[from, to) with the fewest edits (Sellers' algorithm: free start and
 * end in the text), and where it starts and ends.
 */
function align(p: string, text: string, from: number, to: number): { start: number; end: number; errors: number } | null {
  const n = to - from;
  const m = p.length;
  if (n <= 0) return null;
  let prev = new Int32Array(n + 1); // row i-1: cost
  let prevStart = new Int32Array(n + 1); // where the alignment ending there started
  let cur = new Int32Array(n + 1);
  let curStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) { prev[j] = 0; prevStart[j] = j; }
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    curStart[0] = 0;
    const pc = p.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (text.charCodeAt(from + j - 1) === pc ? 0 : 1);
      const del = prev[j] + 1; // a pattern character missing from the text
      const ins = cur[j - 1] + 1; // a text character not in the pattern
      if (sub <= del && sub <= ins) { cur[j] = sub; curStart[j] = prevStart[j - 1]; }
      else if (del <= ins) { cur[j] = del; curStart[j] = prevStart[j]; }
      else { cur[j] = ins; curStart[j] = curStart[j - 1]; }
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let bestJ = 1;
  for (let j = 1; j <= n; j++) if (prev[j] < prev[bestJ]) bestJ = j;
  let start = from + prevStart[bestJ];
  let end = from + bestJ;
  // Trim white space the alignment took at the edges.
  while (start < end && /\s/.test(text[start]) && !/\s/.test(p[0])) start++;
  while (end > start && /\s/.test(text[end - 1]) && !/\s/.test(p[m - 1])) end--;
  return { start, end, errors: prev[bestJ] };
}

/**
 * Where a span goes when text[from, to) is replaced by `inserted` characters: shifted when the edit is before
 * it, unchanged when after, resized when inside it; null when the edit crosses one of its ends (then the
 * annotation is found again by its quote).
 */
export function shiftSpan(start: number, end: number, from: number, to: number, inserted: number): [number, number] | null {
  const delta = inserted - (to - from);
  if (to <= start) return [start + delta, end + delta];
  if (from >= end) return [start, end];
  if (from >= start && to <= end) return [start, end + delta];
  return null;
}
