// Anchors: where an annotation sits in an article, kept two ways (W3C Web Annotation's TextQuoteSelector and
// TextPositionSelector), and found again after the article changed.
//
// Finding again, in order: the stored position if the quote and its surroundings are still there; else the exact
// quote, told apart from other occurrences by the text around it (see choose); else the quote with its white
// space changed (a reflowed paragraph); else an approximate match of a few characters' difference, near where it
// was and with its surroundings. Anything less certain is orphaned, with the reason: an annotation must never
// land silently on words that are not its own.

/** Characters of context kept on each side of the quote. */
export const CONTEXT = 32;

export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
  /**
   * What else in the article looked like it when it was made (absent in anchors made before this was kept, and
   * in anchors from other tools): an occurrence found later must read more like its stored surroundings than any
   * of these did.
   */
  rivals?: Rivals;
}

/**
 * The other occurrences of an anchor's words when it was made: the most characters of the stored prefix (from its
 * end) and of the stored suffix (from its start) that any of them had around it (absent: its words occurred
 * nowhere else), and the fewest character differences of a passage elsewhere that reads almost like its words
 * (absent: none within what an approximate match may differ by).
 */
export interface Rivals {
  before?: number;
  after?: number;
  edits?: number;
}

export type AnchorStatus = 'ok' | 'moved' | 'orphaned';

export interface Located {
  status: AnchorStatus;
  start: number | null;
  end: number | null;
  /** 1 for the stored position or an exact quote in its context; lower for approximate matches. */
  confidence: number;
  how: 'position' | 'quote' | 'whitespace' | 'fuzzy' | 'none';
  /** Why an orphaned annotation was not placed. */
  reason?: string;
}

export interface LocateOptions {
  /** Minimum confidence of an approximate match (0–1). */
  threshold?: number;
}

/** The anchor of text[start, end). */
export function anchorAt(text: string, start: number, end: number): Anchor {
  if (start < 0 || end > text.length || start > end)
    throw new RangeError(`no span [${start}, ${end}) in a text of ${text.length}`);
  // Where another occurrence reads the same up to both paragraph edges (a stock sentence repeated word for
  // word), more of the surroundings: 4 times as much, or up to 8 times while another occurrence has all of them
  // too, so that its own place is told apart from a copy that an edit slides into it.
  for (let context = CONTEXT; ; context *= 2) {
    const a: Anchor = {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - context), start),
      suffix: text.slice(end, end + context),
      start,
      end,
    };
    a.rivals = rivalsOf(text, a);
    const r = a.rivals;
    const need = needed(a);
    const within = r.before !== undefined && r.before >= need.before && (r.after ?? 0) >= need.after;
    const all = r.before === a.prefix.length && r.after === a.suffix.length;
    if (occurrences(text, a.exact).length > MAX_OCCURRENCES) return a;
    if (
      context >= 8 * CONTEXT ||
      (start - context < 0 && end + context > text.length) ||
      !((within && context < 4 * CONTEXT) || all)
    )
      return a;
  }
}

/** The other occurrences of an anchor's words in the text it was made in, and the closest look-alike (Rivals). */
function rivalsOf(text: string, a: Anchor): Rivals {
  const r: Rivals = {};
  if (a.exact.length === 0) return r;
  let n = 0;
  const rival = (s: number, e: number) => {
    const m = matched(text, s, e, a);
    r.before = Math.max(r.before ?? 0, m.before);
    r.after = Math.max(r.after ?? 0, m.after);
  };
  const at = occurrences(text, a.exact);
  // Too many to weigh: assume the worst (found again only at its place, with all its surroundings).
  if (at.length > MAX_OCCURRENCES) return { before: a.prefix.length, after: a.suffix.length };
  for (const i of at)
    if (i !== a.start) {
      n++;
      rival(i, i + a.exact.length);
    }
  // The same words with other white space between them (what a reflowed quote is found as).
  const quote = a.exact.trim().replace(/\s+/g, ' ');
  if (quote.includes(' ')) {
    const c = collapsed(text);
    const lead = a.exact.length - a.exact.trimStart().length;
    for (let i = c.text.indexOf(quote); i >= 0; i = c.text.indexOf(quote, i + 1)) {
      const s = c.at[i];
      if (s === a.start + lead) continue;
      if (++n > MAX_OCCURRENCES) return { before: a.prefix.length, after: a.suffix.length };
      rival(s, c.at[i + quote.length - 1] + 1);
    }
  }
  const f = approximate(text, a, a.start);
  if (f && f.length) r.edits = Math.min(...f.map(x => x.errors));
  return r;
}

/**
 * Where a quote occurs in a text, in order (up to MAX_OCCURRENCES + 1 places), remembered for the last text:
 * anchors are made and found by the thousand in one text (an import, `anchors --write`), many of them on the
 * same words. Once a text is asked often, its places are indexed by their first four characters, so that each
 * quote is looked for among the places that start like it instead of through the whole text.
 */
let lastOccurrences: { of: string; at: Map<string, number[]>; asked: number; index: PieceIndex | null } | null = null;
function cacheFor(text: string): NonNullable<typeof lastOccurrences> {
  if (lastOccurrences?.of !== text) lastOccurrences = { of: text, at: new Map(), asked: 0, index: null };
  return lastOccurrences;
}
function occurrences(text: string, quote: string): number[] {
  const o = cacheFor(text);
  let at = o.at.get(quote);
  if (!at) {
    at = [];
    if (quote.length >= PIECE && ++o.asked > INDEX_AFTER) {
      o.index ??= new PieceIndex(text);
      o.index.find(quote, MAX_OCCURRENCES + 1, at);
    } else {
      for (let i = text.indexOf(quote); i >= 0 && at.length <= MAX_OCCURRENCES; i = text.indexOf(quote, i + 1))
        at.push(i);
    }
    if (o.at.size >= 10000) o.at.clear();
    o.at.set(quote, at);
  }
  return at;
}

/** The first two places where s occurs in the text (-1: none), through the text's index once it has one. */
export function firstTwo(text: string, s: string): [number, number] {
  const o = cacheFor(text);
  if (s.length >= PIECE && ++o.asked > INDEX_AFTER) {
    o.index ??= new PieceIndex(text);
    const out: number[] = [];
    o.index.find(s, 2, out);
    return [out[0] ?? -1, out[1] ?? -1];
  }
  const i = text.indexOf(s);
  return [i, i < 0 ? -1 : text.indexOf(s, i + 1)];
}

/** Characters of the pieces a text's places are indexed by; quotes asked of one text before it is indexed. */
const PIECE = 4;
const INDEX_AFTER = 16;
const BUCKETS = 1 << 16;

/** Each place of a text by the piece of PIECE characters that starts there (hashed), in order within each piece. */
class PieceIndex {
  private readonly first = new Int32Array(BUCKETS + 1);
  private readonly places: Int32Array;

  constructor(private readonly text: string) {
    const n = Math.max(0, text.length - PIECE + 1);
    const hashes = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const h = PieceIndex.hash(text, i);
      hashes[i] = h;
      this.first[h + 1]++;
    }
    for (let b = 0; b < BUCKETS; b++) this.first[b + 1] += this.first[b];
    const fill = this.first.slice(0, BUCKETS);
    this.places = new Int32Array(n);
    for (let i = 0; i < n; i++) this.places[fill[hashes[i]]++] = i;
  }

  private static hash(s: string, i: number): number {
    return (
      (Math.imul(s.charCodeAt(i), 0x9e3779b1) ^
        Math.imul(s.charCodeAt(i + 1), 0x85ebca6b) ^
        Math.imul(s.charCodeAt(i + 2), 0xc2b2ae35) ^
        Math.imul(s.charCodeAt(i + 3), 0x27d4eb2f)) >>>
      16
    );
  }

  /** The places where quote (of PIECE characters or more) occurs, in order, up to limit of them, into out. */
  find(quote: string, limit: number, out: number[]): void {
    const h = PieceIndex.hash(quote, 0);
    for (let k = this.first[h], end = this.first[h + 1]; k < end && out.length < limit; k++) {
      const i = this.places[k];
      if (this.text.startsWith(quote, i)) out.push(i);
    }
  }
}

/**
 * An occurrence reads more like the stored surroundings on one side than every rival did, within its paragraph:
 * beyond a paragraph's edge, what follows a rival changes when paragraphs are deleted or moved (delete the
 * paragraph after a stock sentence, and its copy elsewhere is followed by what followed it).
 */
function beatsRivals(a: Anchor, c: { beforeChars: number; afterChars: number }): boolean {
  const r = a.rivals;
  if (!r) return true;
  if (r.before === undefined && r.after === undefined) return true;
  const need = needed(a);
  const b = Math.min(c.beforeChars, need.before);
  const f = Math.min(c.afterChars, need.after);
  const rb = Math.min(num(r.before), need.before);
  const ra = Math.min(num(r.after), need.after);
  // By a clear margin: a whole side (to the paragraph's edge), or MARGIN characters more than any rival had.
  return (b > rb && (b >= need.before || b >= rb + MARGIN)) || (f > ra && (f >= need.after || f >= ra + MARGIN));
}
/** Characters of its surroundings more than a rival had that tell an occurrence apart from that rival. */
const MARGIN = 8;
/** A stored number, or -1 (absent or not a number: a sidecar is edited by hand). */
const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : -1);

/** White space matches white space of any kind (a reflowed paragraph turns spaces into line breaks). */
const same = (x: number, y: number) => x === y || (isSpace(x) && isSpace(y));

/** Characters of the stored prefix (from its end) and suffix (from its start) that are still around [s, e). */
function matched(text: string, s: number, e: number, a: Anchor): { before: number; after: number } {
  let before = 0;
  const pl = a.prefix.length;
  while (
    before < pl &&
    s - before - 1 >= 0 &&
    same(text.charCodeAt(s - before - 1), a.prefix.charCodeAt(pl - before - 1))
  )
    before++;
  let after = 0;
  const sl = a.suffix.length;
  while (after < sl && e + after < text.length && same(text.charCodeAt(e + after), a.suffix.charCodeAt(after))) after++;
  return { before, after };
}

/** How much of the stored context is still around [s, e): 0 (nothing) to 1 (all of it). */
function contextScore(text: string, s: number, e: number, a: Anchor): number {
  const m = matched(text, s, e, a);
  const want = a.prefix.length + a.suffix.length;
  return want === 0 ? 1 : (m.before + m.after) / want;
}

/**
 * How much of each side of the stored context must still be there: all of it up to the nearest line break (what
 * lies beyond a paragraph's edge may change when paragraphs move), and the line break itself as white space.
 */
function needed(a: Anchor): { before: number; after: number } {
  const nl = a.prefix.lastIndexOf('\n');
  const sl = a.suffix.indexOf('\n');
  return { before: nl < 0 ? a.prefix.length : a.prefix.length - nl, after: sl < 0 ? a.suffix.length : sl + 1 };
}

interface Candidate {
  start: number;
  end: number;
  /** Each side still reads as stored (up to a paragraph's edge). */
  before: boolean;
  after: boolean;
  /** Characters of context still there on each side. */
  beforeChars: number;
  afterChars: number;
}

function candidate(text: string, s: number, e: number, a: Anchor, need: { before: number; after: number }): Candidate {
  const m = matched(text, s, e, a);
  // At the article's very edge, a side stored empty (or cut by the edge) still reads as stored.
  const before = m.before >= need.before || (s - m.before === 0 && m.before === a.prefix.length);
  const after = m.after >= need.after || (e + m.after === text.length && m.after === a.suffix.length);
  return { start: s, end: e, before, after, beforeChars: m.before, afterChars: m.after };
}

/** Characters an intact side must have to vouch alone for a short quote (a paragraph's edge is not enough). */
const STRONG_SIDE = 8;
/** How far from its stored position a long quote with only one side intact, or an approximate match, may be. */
const NEAR = 300;

const isShort = (a: Anchor) => a.exact.length < 24 || a.exact.trim().split(/\s+/).length < 4;

/**
 * Picks the occurrence whose surroundings read as stored, or none with the reason:
 * - one occurrence with both sides intact (up to a paragraph's edge) is taken wherever it is (a moved paragraph);
 *   several are told apart only by the stored position (or one near it while all others are far);
 * - with none intact on both sides, the one occurrence near where it was (NEAR) that keeps one side intact (for a
 *   short quote, a side of at least STRONG_SIDE characters, and when the quote occurs only once, something of the
 *   other side too);
 * - the only occurrence of the quote, near where it was, with some of its surroundings (for a short quote, 16
 *   characters on one side and one on the other);
 * - anything else is orphaned, with the reason.
 */
function choose(a: Anchor, all: Candidate[], need: { before: number; after: number }): Candidate | string {
  // Only occurrences that read more like the stored surroundings than any other occurrence did when the anchor
  // was made: the others may be those occurrences (a look-alike sentence, a stock phrase) with its own words gone.
  const cands = all.filter(c => beatsRivals(a, c));
  if (cands.length === 0) return 'its words stand only where words like them stood when it was made';
  const both = cands.filter(c => c.before && c.after);
  // Context so short that it vouches for nothing (a one-word paragraph in a list of them): only at its place.
  const thin = a.prefix.length + a.suffix.length >= 8 && need.before + need.after < 8;
  if (both.length === 1 && !thin) return both[0];
  if (both.length >= 1) {
    const here = both.find(c => c.start === a.start);
    if (here) return here;
    // Identical places (a stock sentence repeated): the one near where it was, when all others are far.
    const byDistance = [...both].sort((x, y) => Math.abs(x.start - a.start) - Math.abs(y.start - a.start));
    if (
      both.length > 1 &&
      !thin &&
      Math.abs(byDistance[0].start - a.start) <= NEAR &&
      Math.abs(byDistance[1].start - a.start) > 2 * NEAR
    )
      return byDistance[0];
    return both.length > 1
      ? 'its words and their surroundings occur in several places'
      : 'its surroundings are too short to tell where it is';
  }
  // No occurrence reads as stored on both sides: one that keeps one side, where it was (an edit beside it), and
  // for a short quote (a name, a stock phrase) with something of the other side too.
  const short = isShort(a);
  const holds = (c: Candidate) =>
    (c.before && c.after) ||
    (short ? (c.before && need.before >= STRONG_SIDE) || (c.after && need.after >= STRONG_SIDE) : c.before || c.after);
  const one = cands.filter(c => holds(c) && Math.abs(c.start - a.start) <= NEAR);
  if (one.length === 0) {
    // The only occurrence, near where it was, with enough of its surroundings left (an edit beside it): for a
    // long quote some of either side, for a short one a good part of one side and something of the other.
    const near = cands.filter(c => Math.abs(c.start - a.start) <= NEAR);
    const r = a.rivals;
    // Its words stood elsewhere too: the one place left may be one of those.
    if (r && !(r.before === undefined && r.after === undefined))
      return 'the words around it changed, and its words stood elsewhere too';
    if (all.length === 1 && near.length === 1) {
      const c = near[0];
      const [hi, lo] = c.beforeChars >= c.afterChars ? [c.beforeChars, c.afterChars] : [c.afterChars, c.beforeChars];
      if (short ? hi >= 16 && lo >= 1 : hi + lo >= 8) return c;
    }
    return cands.some(holds)
      ? 'found far from where it was, with the words around it changed'
      : 'the words around it changed';
  }
  if (one.length > 1) return 'several places near it keep part of its surroundings';
  const c = one[0];
  const other = c.before ? c.afterChars : c.beforeChars;
  if (short && !(c.before && c.after) && all.length === 1 && other < 1) {
    return 'the words on one side of it changed, and a short quote needs something of both sides';
  }
  return c;
}

/** Finds an anchor in the current text of its article. */
export function locate(text: string, a: Anchor, opts: LocateOptions = {}): Located {
  const threshold = opts.threshold ?? 0.8;
  if (a.exact.length === 0) return orphan('the annotation has no words');
  const need = needed(a);
  // At its stored position, with its surroundings as stored.
  if (text.slice(a.start, a.end) === a.exact) {
    const c = candidate(text, a.start, a.end, a, need);
    // Where a rival read just as it does up to the paragraph's edges (a stock sentence repeated word for word),
    // only all of its lengthened surroundings (anchorAt) at its very place tell it apart from a copy that an edit
    // slid there (a stock sentence after it, the paragraph after that one deleted).
    const all = c.beforeChars === a.prefix.length && c.afterChars === a.suffix.length;
    if (c.before && c.after && (beatsRivals(a, c) || (all && (a.prefix.length > CONTEXT || a.suffix.length > CONTEXT))))
      return { status: 'ok', start: a.start, end: a.end, confidence: 1, how: 'position' };
  }

  // The exact quote elsewhere: first with all its stored surroundings (one search, however often the quote
  // occurs), then each occurrence by how its surroundings read.
  const whole = a.prefix + a.exact + a.suffix;
  if (need.before === a.prefix.length && need.after === a.suffix.length && whole.length >= a.exact.length + 16) {
    const [i, next] = firstTwo(text, whole);
    if (i >= 0 && next < 0 && beatsRivals(a, { beforeChars: a.prefix.length, afterChars: a.suffix.length })) {
      return moved(a, i + a.prefix.length, i + a.prefix.length + a.exact.length, 1, 'quote');
    }
  }
  const at = occurrences(text, a.exact);
  // So many that the surroundings cannot tell them apart in reasonable time: not placed.
  if (at.length > MAX_OCCURRENCES) return orphan('its words occur too often to be told apart');
  const exact: Candidate[] = at.map(i => candidate(text, i, i + a.exact.length, a, need));
  if (exact.length > 0) {
    const e = choose(a, exact, need);
    return typeof e === 'string' ? orphan(e) : moved(a, e.start, e.end, 1, 'quote');
  }

  // The same words with other white space between them (a reflowed paragraph): searched in the text with each
  // run of white space made one space (no regular expression built from the quote: it may be megabytes long).
  const quote = a.exact.trim().replace(/\s+/g, ' ');
  if (quote.includes(' ')) {
    const c = collapsed(text);
    const ws: Candidate[] = [];
    for (let i = c.text.indexOf(quote); i >= 0 && ws.length < MAX_OCCURRENCES; i = c.text.indexOf(quote, i + 1)) {
      ws.push(candidate(text, c.at[i], c.at[i + quote.length - 1] + 1, a, need));
    }
    if (ws.length > 0) {
      const w = choose(a, ws, need);
      return typeof w === 'string' ? orphan(w) : moved(a, w.start, w.end, 1, 'whitespace');
    }
  }

  // An approximate match: seeds of the quote vote for where it starts, then an alignment measures it. Only near
  // where it was, and with its surroundings (both sides for a short quote).
  const f = fuzzy(text, a);
  if (!f) return orphan('its words are not in the text any more');
  if (f.confidence < threshold) return orphan('only words too unlike its own remain');
  const c = candidate(text, f.start, f.end, a, need);
  if (Math.abs(f.start - a.start) > NEAR) return orphan('words like its own are far from where it was');
  if (isShort(a) ? !(c.before && c.after) : !(c.before || c.after))
    return orphan('words like its own remain, but not their surroundings');
  // A look-alike stood elsewhere when it was made: only a passage closer to its words than that one was.
  if (a.rivals && num(a.rivals.edits) >= 0 && f.errors >= num(a.rivals.edits))
    return orphan('words like its own remain, as like them as a look-alike that stood elsewhere');
  if (!beatsRivals(a, c)) return orphan('words like its own remain, in surroundings like those of other occurrences');
  return moved(a, f.start, f.end, f.confidence, 'fuzzy');
}

const orphan = (reason: string): Located => ({
  status: 'orphaned',
  start: null,
  end: null,
  confidence: 0,
  how: 'none',
  reason,
});
const moved = (a: Anchor, start: number, end: number, confidence: number, how: Located['how']): Located => ({
  status: start === a.start && end === a.end ? 'ok' : 'moved',
  start,
  end,
  confidence,
  how,
});

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
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const SEED = 8;
const MAX_FUZZY = 4000;
/** Occurrences of one quote beyond which it is not placed by its surroundings (only with all of them intact). */
const MAX_OCCURRENCES = 2000;

/**
 * Approximate occurrences of the quote (at most maxErrors character differences): seeds of the quote vote for where
 * it starts, then an alignment measures the best-voted places. With `own`, the place [own, own + length) is left
 * out (the look-alikes of a quote where it stands). null when the quote is too short or too long to align.
 */
function approximate(
  text: string,
  a: Anchor,
  own?: number,
): { start: number; end: number; errors: number; context: number }[] | null {
  const p = a.exact;
  if (p.length < 12) return null; // too short to match approximately without risk
  // Too long to align in reasonable time (an alignment costs the quote's length squared): only found exactly.
  if (p.length > MAX_FUZZY) return null;
  const maxErrors = maxErrorsOf(p);
  // Seeds: non-overlapping pieces of the quote (at most 64, spread over it); each exact occurrence suggests a start.
  const votes = new Map<number, number>();
  const step = Math.max(SEED, Math.ceil(p.length / 64 / SEED) * SEED);
  const mine = (s: number) => own !== undefined && s < own + p.length && s + p.length > own;
  for (let off = 0; off + SEED <= p.length; off += step) {
    const seed = p.slice(off, off + SEED);
    let hits = 0;
    for (let i = text.indexOf(seed); i >= 0 && hits < 50; i = text.indexOf(seed, i + 1), hits++) {
      const start = Math.round((i - off) / 4) * 4; // nearby starts vote together
      if (mine(start)) continue;
      votes.set(start, (votes.get(start) ?? 0) + 1);
    }
  }
  const tops = [...votes]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 6)
    .filter(([, v]) => v >= 2 || p.length < 3 * SEED);
  const results: { start: number; end: number; errors: number; context: number }[] = [];
  for (const [s] of tops) {
    let from = Math.max(0, s - maxErrors - 4);
    let to = Math.min(text.length, s + p.length + maxErrors + 4);
    // Not into its own place: a look-alike must be made of other characters.
    if (own !== undefined) {
      if (from < own + p.length && own + p.length <= s) from = own + p.length;
      if (to > own && own >= s) to = own;
    }
    const r = align(p, text, from, to);
    if (r && r.errors <= maxErrors && !mine(r.start))
      results.push({ ...r, context: contextScore(text, r.start, r.end, a) });
  }
  return results;
}

/** Character differences an approximate match may have: a few (a typo fixed, a letter's case); more would be
 * other words that look alike (a name replaced in a stock sentence, a look-alike paragraph). */
const maxErrorsOf = (p: string) => Math.max(1, Math.floor(p.length / 20));

/** The best approximate occurrence of the quote, with a confidence that also weighs its surroundings. */
function fuzzy(text: string, a: Anchor): { start: number; end: number; errors: number; confidence: number } | null {
  const p = a.exact;
  const results = approximate(text, a);
  if (!results || results.length === 0) return null;
  // The same place found from several seeds counts once.
  const distinct = results.filter((r, i) => results.findIndex(q => q.start === r.start && q.end === r.end) === i);
  distinct.sort((x, y) => x.errors - y.errors || y.context - x.context);
  const best = distinct[0];
  const second = distinct.find(r => r.end <= best.start || r.start >= best.end);
  const similarity = 1 - best.errors / p.length;
  if (second && second.errors <= best.errors + 1 && second.context >= best.context - 0.1) return null; // two look-alikes
  // Surroundings confirm (or weaken) an approximate match.
  const confidence = Math.min(1, similarity * (0.85 + 0.15 * best.context));
  return { start: best.start, end: best.end, errors: best.errors, confidence };
}

/**
 * Approximate occurrence of pattern in text[from, to) with the fewest edits (Sellers' algorithm: free start and
 * end in the text), and where it starts and ends.
 */
function align(
  p: string,
  text: string,
  from: number,
  to: number,
): { start: number; end: number; errors: number } | null {
  const n = to - from;
  const m = p.length;
  if (n <= 0) return null;
  let prev = new Int32Array(n + 1); // row i-1: cost
  let prevStart = new Int32Array(n + 1); // where the alignment ending there started
  let cur = new Int32Array(n + 1);
  let curStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) {
    prev[j] = 0;
    prevStart[j] = j;
  }
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    curStart[0] = 0;
    const pc = p.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (text.charCodeAt(from + j - 1) === pc ? 0 : 1);
      const del = prev[j] + 1; // a pattern character missing from the text
      const ins = cur[j - 1] + 1; // a text character not in the pattern
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curStart[j] = prevStart[j - 1];
      } else if (del <= ins) {
        cur[j] = del;
        curStart[j] = prevStart[j];
      } else {
        cur[j] = ins;
        curStart[j] = curStart[j - 1];
      }
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
export function shiftSpan(
  start: number,
  end: number,
  from: number,
  to: number,
  inserted: number,
): [number, number] | null {
  const delta = inserted - (to - from);
  if (to <= start) return [start + delta, end + delta];
  if (from >= end) return [start, end];
  if (from >= start && to <= end) return [start, end + delta];
  return null;
}
