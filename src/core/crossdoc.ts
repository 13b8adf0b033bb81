// Across articles: who is quoted where, which claims several articles report, and where they disagree.
//
// Statements (sentences) are matched through an inverted index of their rarer features (content words, names,
// numbers, dates), never by comparing every sentence with every other. Matched statements in different articles
// form claims. A matched pair disagrees when one hedges what the other states, attributes it differently, gives
// other numbers or dates, negates it, or names other people in it.

import type { Analysis, Attribution, Entity } from './types';
import { fold, paragraphs, sentences, tokenize } from './text';

export interface ArticleInput {
  /** How the article is named in the results (a path). */
  doc: string;
  text: string;
  analysis: Analysis;
}

export interface Mention {
  doc: string;
  start: number;
  end: number;
  text: string;
}

export type SourceKind = 'person' | 'organization' | 'outlet' | 'government' | 'anonymous' | 'document' | 'other';

export interface CrossSource {
  speaker: string;
  kind: SourceKind;
  documents: string[];
  mentions: number;
  /** Where each article quotes or cites it (the attributed content, or the citation). */
  quotes: Mention[];
}

export interface CrossClaim {
  id: string;
  summary: string;
  mentions: Mention[];
  /** Articles that carry it, counting copies of one wire story once. */
  independent: number;
  /** Sets of articles that are copies of one another (syndicated), by doc. */
  copies: string[][];
}

export type ConflictKind = 'number' | 'entity' | 'date' | 'hedge' | 'attribution' | 'negation' | 'scope' | 'other';

export interface CrossConflict {
  claim: string | null;
  kind: ConflictKind;
  explanation: string;
  a: Mention;
  b: Mention;
}

export interface CrossResult {
  documents: string[];
  sources: CrossSource[];
  claims: CrossClaim[];
  conflicts: CrossConflict[];
  /** How much work the matching did: statements read and pairs scored (found through the index). */
  stats: { statements: number; scored: number };
}

const STOP = new Set(`a an the and or but of to in on at by for from with as into onto over under after before
  during since until about than then that this these those which who whom whose what when where while is are was
  were be been being has have had do does did will would shall should can could may might must it its they them
  their he she his her him we our you your i me my not no nor also only just very more most some any all each every
  both either neither other such own same so too there here out up down off again further once said says say told
  tell according reported reports report stated states noted note added wrote now still already previously recent
  weeks week months month years year new one two three`.split(/\s+/).filter(Boolean));

const HEDGES = /\b(?:reportedly|allegedly|purportedly|apparently|supposedly|could not (?:be )?confirm(?:ed)?|cannot (?:be )?confirm(?:ed)?|unconfirmed|unverified|not (?:been )?(?:independently )?(?:confirmed|verified)|is said to|are said to|was said to|were said to|believed to|thought to|may have|might have|possibly|it is unclear|it was unclear|it remains unclear)\b/i;
const NEGATION = /\b(?:not|never|no longer|denied|denies|deny|refused|rejected)\b|n't\b/i;
const PRONOUN = /\b(?:she|he)\b/i;
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12 };

/** A crude stem, enough to meet "departures"/"departure", "killed"/"kill". */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('es')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** A name as one key across articles: accents and case folded ("Rodríguez" = "Rodriguez"). */
const nameKeys = new Map<string, string>();
function nameKey(s: string): string {
  let k = nameKeys.get(s);
  if (k === undefined) {
    k = fold(s).replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();
    if (nameKeys.size > 50000) nameKeys.clear();
    nameKeys.set(s, k);
  }
  return k;
}

interface Statement {
  i: number;
  doc: number;
  start: number;
  end: number;
  text: string;
  /** The features (content-word stems, @names, #numbers, ~dates) as sorted numbers: see featureIds. */
  ids: Int32Array;
  people: string[];
  numbers: Map<string, Set<number>>; // the word after a number → the numbers given for it
  dates: string[];
  attributions: Attribution[];
  hedged: boolean;
  negated: boolean;
  pronoun: boolean;
  /**
   * Whose voice each feature (same order as ids) is in: the index of the attribution whose quoted content holds it,
   * -1 for the article's own voice, -2 for no vote (a number or date, a word about the speaker, or not found).
   * Only for statements with attributions.
   */
  voices?: Int16Array;
}

const METADATA = /^(?:(?:date|published|updated|posted|by)\b|[A-Z][A-Z .'-]+,\s+\w+\.? \d{1,2}\s*\([^)]*\)\s*[-–—]\s*$|\d{1,2} \w+ \d{4}|\w+ \d{1,2}, \d{4})/i;

/** The items of a list sorted by start that lie in [start, end), found from a moving cursor (no quadratic scans). */
class Cursor<T extends { start: number; end: number }> {
  private i = 0;
  constructor(private readonly xs: T[]) {}
  within(start: number, end: number): T[] {
    while (this.i < this.xs.length && this.xs[this.i].start < start) this.i++;
    const out: T[] = [];
    for (let k = this.i; k < this.xs.length && this.xs[k].start < end; k++) if (this.xs[k].end <= end) out.push(this.xs[k]);
    return out;
  }
}

function statementsOf(a: ArticleInput, doc: number, first: number): Statement[] {
  const out: Statement[] = [];
  const { text, analysis } = a;
  const firstLine = paragraphs(text)[0]?.start ?? -1;
  const byStart = <T extends { start: number }>(xs: T[]) => [...xs].sort((x, y) => x.start - y.start);
  const entityCursor = new Cursor(byStart(analysis.entities));
  const dateCursor = new Cursor(byStart(analysis.dates));
  const claims = byStart(analysis.attributions.map(x => ({ start: Math.min(x.content.start, x.cue?.start ?? Infinity), end: Math.max(x.content.end, x.cue?.end ?? 0), x })));
  let claimFrom = 0;
  for (const p of paragraphs(text)) {
    for (const s of sentences(text, p)) {
      const toks = tokenize(text, s.start, s.end);
      const raw = text.slice(s.start, s.end);
      // Not claims: date lines, bylines, datelines on their own, and headlines (a first line without a full stop).
      if (METADATA.test(raw) || (p.start === firstLine && !/[.!?”"]$/.test(raw))) continue;
      const features = new Set<string>();
      const numbers = new Map<string, Set<number>>();
      const ents: Entity[] = entityCursor.within(s.start, s.end);
      const datesHere = dateCursor.within(s.start, s.end);
      const inDate = (at: number) => datesHere.some(d => at >= d.start && at < d.end);
      const addNumber = (word: string, v: number) => { const set = numbers.get(word) ?? new Set<number>(); set.add(v); numbers.set(word, set); };
      let e = 0;
      for (let k = 0; k < toks.length; k++) {
        const t = toks[k];
        while (e < ents.length && ents[e].end <= t.start) e++;
        if (e < ents.length && t.start >= ents[e].start && t.end <= ents[e].end) continue; // a name counts once, as a name
        const next = toks[k + 1]?.word ? stem(toks[k + 1].f) : '';
        if (/^\d/.test(t.text)) {
          const v = Number(t.text.replace(/,/g, ''));
          if (Number.isFinite(v) && !inDate(t.start)) { addNumber(next, v); features.add(`#${v}`); }
          continue;
        }
        if (!t.word) continue;
        if (NUMBER_WORDS[t.f] !== undefined && next && !STOP.has(next)) addNumber(next, NUMBER_WORDS[t.f]);
        if (STOP.has(t.f) || t.f.length < 3) continue;
        features.add(stem(t.f));
      }
      for (const x of ents) features.add(`@${nameKey(x.canonical)}`);
      const dates = [...new Set(datesHere.map(d => d.value).filter((v): v is string => !!v))];
      for (const d of dates) features.add(`~${d}`);
      if (features.size < 3) continue;
      const overlapping = () => {
        while (claimFrom < claims.length && claims[claimFrom].end <= s.start && claims[claimFrom].start < s.start) claimFrom++;
        const got: Attribution[] = [];
        for (let k = claimFrom; k < claims.length && claims[k].start < s.end; k++) if (claims[k].end > s.start) got.push(claims[k].x);
        return got;
      };
      out.push({
        i: first + out.length,
        doc,
        start: s.start,
        end: s.end,
        text: raw,
        ids: featureIds(features),
        people: [...new Set(ents.filter(e => e.type === 'PERSON').map(e => nameKey(e.canonical)))],
        numbers,
        dates,
        attributions: overlapping(),
        hedged: HEDGES.test(text.slice(s.start, s.end)),
        negated: NEGATION.test(text.slice(s.start, s.end)),
        pronoun: PRONOUN.test(text.slice(s.start, s.end)),
      });
    }
  }
  for (const st of out) if (st.attributions.length) st.voices = voicesOf(st);
  return out;
}

/**
 * Each feature's voice (see Statement.voices): the speaker whose quoted content holds the word, or the article's
 * own voice when no content does. Words in the source and its description ("said X, a professor at Y") are about
 * the speaker, not the claim, and do not vote.
 */
function voicesOf(s: Statement): Int16Array {
  const text = fold(s.text);
  const out = new Int16Array(s.ids.length).fill(-2);
  s.ids.forEach((id, k) => {
    if (FEATURE_KINDS[id] === 1) return; // numbers and dates are not words of the text
    const f = FEATURE_NAMES[id];
    const at = text.indexOf(f.startsWith('@') ? f.slice(1).split(' ').pop()! : f);
    if (at < 0) return;
    const pos = s.start + at;
    let voice = -1;
    for (let i = 0; i < s.attributions.length; i++) {
      const x = s.attributions[i];
      if (pos >= x.content.start && pos < x.content.end) { voice = i; break; }
      let src = x.source?.start ?? x.cue?.start;
      // "The company's chief executive, Sofie Dahl, said": the description before the name is about the speaker too.
      if (src !== undefined && /^[^,]{1,60},\s*$/.test(s.text.slice(0, src - s.start))) src = s.start;
      const postposed = x.content.start < (src ?? 0);
      const about = src !== undefined && pos >= Math.min(src, x.cue?.start ?? src) && (postposed ? true : pos < (x.cue?.end ?? src));
      if (about) { voice = -2; break; }
    }
    out[k] = voice;
  });
  return out;
}

/** Speakers as one key across articles ("former intelligence official" ~ "former Venezuelan intelligence official"). */
export class SpeakerMerger {
  private readonly names: string[] = [];
  /** The words of each name (same order as names). */
  private readonly wordsOf: Set<string>[] = [];
  /** A speaker's key → the index of the name it is listed under. */
  private readonly map = new Map<string, number>();

  /** The name a speaker is listed under, merging it with a known one when one's words contain the other's. */
  add(speaker: string): string {
    const key = nameKey(speaker);
    const known = this.map.get(key);
    if (known !== undefined) return this.names[known];
    const words = new Set(key.split(' '));
    for (let i = 0; words.size >= 2 && !/^anonymous sources/.test(key) && i < this.names.length; i++) {
      const n = this.names[i];
      const nw = this.wordsOf[i];
      if (nw.size < 2) continue;
      const small = words.size <= nw.size ? words : nw;
      const big = small === words ? nw : words;
      const shared = [...small].filter(w => big.has(w)).length;
      const head = key.split(' ')[0] === nameKey(n).split(' ')[0];
      // One inside the other ("former [Venezuelan] intelligence official"), or most words shared with the same head
      // ("source close to [the / Venezuela's] ruling [Socialist] party").
      if (!/^anonymous sources/.test(key) && small.size >= 2 && (shared === small.size || (head && shared / small.size >= 0.6 && shared >= 3))) {
        // Keep the fuller description, and among two, the one that says which country it is about.
        const score = (x: string) => (/\b(?:[A-Z][a-z]+(?:an|ese|ian|ish|i)|[A-Z][a-z]+['’]s)\b/.test(x) ? 1000 : 0) + nameKey(x).length;
        const canonical = score(speaker) > score(n) ? speaker : n;
        if (canonical !== n) { this.names[i] = canonical; this.wordsOf[i] = new Set(nameKey(canonical).split(' ')); }
        this.map.set(key, i);
        return canonical;
      }
    }
    this.map.set(key, this.names.length);
    this.names.push(speaker);
    this.wordsOf.push(words);
    return speaker;
  }

  get(speaker: string): string {
    const i = this.map.get(nameKey(speaker));
    return i === undefined ? speaker : this.names[i];
  }
}

const OUTLETS = /^(?:reuters|associated press|ap|afp|agence francepresse|bloomberg|bbc|cnn|al jazeera|the new york times|the washington post|the guardian|financial times|efe|tass|xinhua|granma|telesur|politico|axios|npr|nbc|cbs|abc news|fox news|le monde|el pais)$/;

function kindOf(speaker: string, types: Map<string, string>): SourceKind {
  const k = nameKey(speaker);
  if (/^anonymous sources/.test(k) || /\b(?:source|sources|official|officials|insider|insiders|aide|aides|diplomat|diplomats|people familiar)\b/.test(k) && !types.has(k)) {
    if (/\b(?:government|ministry|authorities)\b/.test(k)) return 'government';
    return 'anonymous';
  }
  if (/\b(?:government|ministry|authorities|administration|white house|kremlin|state department|state media)\b/.test(k)) return 'government';
  if (OUTLETS.test(k) || /\b(?:news|times|post|gazette|daily|wire|ledger|herald|tribune|journal|media)\b/.test(k)) return 'outlet';
  if (/\b(?:report|statement|study|survey|document|filing|letter)\b/.test(k)) return 'document';
  const type = types.get(k);
  if (type === 'PERSON') return 'person';
  if (type === 'ORG') return 'organization';
  if (type === 'PLACE' || type === 'NORP') return 'government';
  return 'other';
}

export interface CheckOptions {
  /** Minimum similarity of two statements for one claim (0–1). */
  threshold?: number;
}

/** The cross-article view of a set of analysed articles. */
export function crossCheck(articles: ArticleInput[], opts: CheckOptions = {}): CrossResult {
  const threshold = opts.threshold ?? 0.18;
  const docs = articles.map(a => a.doc);
  const stmts: Statement[] = [];
  articles.forEach((a, d) => {
    // An article read before (the same analysis of the same text) keeps its statements: a warm check only matches.
    let prepared = PREPARED.get(a.analysis);
    if (!prepared || prepared.text !== a.text) PREPARED.set(a.analysis, (prepared = { text: a.text, statements: statementsOf(a, 0, 0) }));
    for (const p of prepared.statements) stmts.push({ ...p, doc: d, i: stmts.length });
  });

  // Sources, merged across articles.
  const merger = new SpeakerMerger();
  const types = new Map<string, string>();
  for (const a of articles) for (const e of a.analysis.entities) if (!types.has(e.canonical)) types.set(e.canonical, e.type);
  const typeByKey = new Map([...types].map(([c, t]) => [nameKey(c), t]));
  for (const a of articles) for (const x of a.analysis.attributions) if (x.speaker) merger.add(x.speaker);
  const sourceMap = new Map<string, CrossSource>();
  const docsOf = new Map<CrossSource, Set<string>>();
  const cite = (speaker: string, doc: string, m: Mention) => {
    const name = merger.get(speaker);
    let s = sourceMap.get(name);
    if (!s) sourceMap.set(name, (s = { speaker: name, kind: kindOf(name, typeByKey), documents: [], mentions: 0, quotes: [] }));
    let seen = docsOf.get(s);
    if (!seen) docsOf.set(s, (seen = new Set()));
    if (!seen.has(doc)) { seen.add(doc); s.documents.push(doc); }
    s.mentions++;
    s.quotes.push(m);
  };
  for (const a of articles) {
    for (const x of a.analysis.attributions) {
      if (x.speaker) cite(x.speaker, a.doc, { doc: a.doc, start: x.content.start, end: x.content.end, text: x.content.text });
      // Outlets through which others are cited: "told Reuters", "cited in a Reuters report".
      const conduit = [x.cue?.text.replace(/^(?:told|tells)\s+(?:the\s+)?/i, ''), /\b(?:in|by)\s+an?\s+([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)*)\s+report\b/.exec(x.source?.text ?? '')?.[1]]
        .find(c => c && c !== x.cue?.text && a.analysis.entities.some(e => e.type === 'ORG' && e.text === c));
      if (conduit && nameKey(conduit) !== nameKey(x.speaker ?? '')) cite(conduit, a.doc, { doc: a.doc, start: x.content.start, end: x.content.end, text: x.content.text });
    }
  }

  // Statement pairs through the inverted index of features; features found in most statements say nothing.
  // Features are numbered, and each statement's numbers kept sorted, so that comparing two is a merge.
  const ids: Int32Array[] = stmts.map(st => st.ids);
  const idOf = FEATURE_IDS;
  const kindOfId = FEATURE_KINDS;
  const n = stmts.length;
  const df = new Int32Array(idOf.size);
  const docFreq = new Int32Array(idOf.size);
  const lastDoc = new Int32Array(idOf.size).fill(-1);
  stmts.forEach((st, i) => { for (const id of ids[i]) { df[id]++; if (lastDoc[id] !== st.doc) { lastDoc[id] = st.doc; docFreq[id]++; } } });
  const idf = new Float64Array(idOf.size);
  for (let id = 0; id < idf.length; id++) idf[id] = Math.log(1 + n / df[id]);
  const weight = ids.map(list => { let w = 0; for (const id of list) w += idf[id]; return w; });
  // A feature in more articles than this says little and would make every statement a candidate of every other.
  // Counted in articles, not sentences: a story's own words recur in each of its articles.
  const common = Math.max(3, Math.min(articles.length * 0.34, 64));
  const index: number[][] = Array.from({ length: idOf.size }, () => []);
  ids.forEach((list, i) => { for (const id of list) if (docFreq[id] <= common) index[id].push(i); });
  // Pairs as three parallel lists of numbers (there can be hundreds of thousands).
  const pairA: number[] = [];
  const pairB: number[] = [];
  const pairScore: number[] = [];
  let scored = 0;
  const acc = new Float64Array(n);
  const touched: number[] = [];
  for (const s of stmts) {
    // Candidates share rarer features; the best few by those are scored on every shared feature.
    const mine = ids[s.i];
    for (const id of mine) {
      const w = idf[id];
      for (const j of index[id]) {
        if (j <= s.i || stmts[j].doc === s.doc) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j] += w;
      }
    }
    let candidates = touched;
    if (touched.length > MAX_CANDIDATES) candidates = [...touched].sort((x, y) => acc[y] - acc[x]).slice(0, MAX_CANDIDATES);
    scored += candidates.length;
    for (const j of candidates) {
      // Merge the two sorted lists: what they share, and of which kinds.
      const theirs = ids[j];
      let w = 0;
      let words = 0;
      let plain = 0;
      let names = 0;
      for (let x = 0, y = 0; x < mine.length && y < theirs.length;) {
        if (mine[x] < theirs[y]) x++;
        else if (mine[x] > theirs[y]) y++;
        else {
          const id = mine[x];
          w += idf[id];
          const kind = kindOfId[id];
          if (kind === 2) names++; else { words++; if (kind === 0) plain++; }
          x++; y++;
        }
      }
      const score = w / Math.sqrt(weight[s.i] * weight[j]);
      // Names alone do not make a claim: it takes at least two shared words (or numbers, dates) beside them.
      // Without a name, number or date in common, it takes three shared words (different stories share words).
      let anchors = words - plain + names;
      const b = stmts[j];
      // Both dated, or both counting the same thing, is a tie too: that is what they may disagree about.
      if (anchors === 0 && s.dates.length && b.dates.length) anchors = 1;
      if (anchors === 0) for (const k of s.numbers.keys()) if (k && b.numbers.has(k)) { anchors = 1; break; }
      if (score >= threshold && words >= 2 && plain >= 1 && (anchors > 0 || plain >= 3 || score >= 0.3)) { pairA.push(s.i); pairB.push(j); pairScore.push(score); }
    }
    for (const j of touched) acc[j] = 0;
    touched.length = 0;
  }
  // Keep, for each statement, its best partner in each other article, and at most a few partners in all.
  const np = pairA.length;
  const chosen = new Uint8Array(np); // how many of the pair's two statements chose it
  const firstOf = new Int32Array(n + 1); // each statement's pairs, as a slice of byStatement
  for (let p = 0; p < np; p++) { firstOf[pairA[p] + 1]++; firstOf[pairB[p] + 1]++; }
  for (let i = 0; i < n; i++) firstOf[i + 1] += firstOf[i];
  const byStatement = new Int32Array(2 * np);
  const fill = firstOf.slice(0, n);
  for (let p = 0; p < np; p++) { byStatement[fill[pairA[p]]++] = p; byStatement[fill[pairB[p]]++] = p; }
  const seenDoc = new Int32Array(articles.length).fill(-1);
  for (let i = 0; i < n; i++) {
    if (firstOf[i] === firstOf[i + 1]) continue;
    const list = byStatement.subarray(firstOf[i], firstOf[i + 1]).sort((x, y) => pairScore[y] - pairScore[x] || x - y);
    let kept = 0;
    for (const p of list) {
      const other = stmts[pairA[p] === i ? pairB[p] : pairA[p]].doc;
      if (seenDoc[other] === i) continue;
      seenDoc[other] = i;
      chosen[p]++;
      if (++kept >= MAX_PARTNERS) break;
    }
  }
  const matched: number[] = [];
  for (let p = 0; p < np; p++) if (chosen[p]) matched.push(p);

  // Claims: connected statements across articles.
  const parent = stmts.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  // Disagreements between matched statements.
  const disagreeing = new Map<number, { kind: ConflictKind; explanation: string }>();
  for (const p of matched) {
    const c = disagreement(stmts[pairA[p]], stmts[pairB[p]], docs, merger, pairScore[p]);
    if (c) disagreeing.set(p, c);
  }
  // Pairs that chose each other join claims (so that chains of loose matches do not merge unrelated ones), and so
  // do pairs that disagree: a contradiction is always about a claim.
  const mutual = matched.filter(p => chosen[p] === 2 || disagreeing.has(p));
  for (const p of mutual) parent[find(pairA[p])] = find(pairB[p]);
  const groups = new Map<number, Set<Statement>>();
  for (const p of mutual) for (const s of [stmts[pairA[p]], stmts[pairB[p]]]) {
    const r = find(s.i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = new Set()));
    g.add(s);
  }
  const claims: CrossClaim[] = [];
  const claimOf = new Map<number, string>();
  const mention = (s: Statement): Mention => ({ doc: docs[s.doc], start: s.start, end: s.end, text: s.text });
  [...groups.values()].map(g => [...g])
    .filter(g => new Set(g.map(s => s.doc)).size >= 2)
    .sort((x, y) => Math.min(...x.map(s => s.i)) - Math.min(...y.map(s => s.i)))
    .forEach((g, k) => {
      const id = `C${String(k + 1).padStart(2, '0')}`;
      g.sort((x, y) => x.i - y.i);
      const copies = syndicated(g);
      claims.push({
        id,
        summary: clip([...g].sort((x, y) => x.text.length - y.text.length)[0].text, 140),
        mentions: g.map(mention),
        independent: new Set(g.map(s => s.doc)).size - copies.reduce((t, c) => t + c.length - 1, 0),
        copies: copies.map(c => c.map(d => docs[d])),
      });
      for (const s of g) claimOf.set(s.i, id);
    });

  const conflicts: CrossConflict[] = [...disagreeing]
    .sort(([x], [y]) => pairA[x] - pairA[y] || pairB[x] - pairB[y])
    .map(([p, c]) => ({ claim: claimOf.get(pairA[p]) ?? null, ...c, a: mention(stmts[pairA[p]]), b: mention(stmts[pairB[p]]) }));

  const sources = [...sourceMap.values()].sort((x, y) => y.documents.length - x.documents.length || y.mentions - x.mentions || x.speaker.localeCompare(y.speaker));
  return { documents: docs, sources, claims, conflicts, stats: { statements: stmts.length, scored } };
}

/** Articles in a claim whose statements are word for word the same: copies of one wire story. */
function syndicated(g: Statement[]): number[][] {
  const bySignature = new Map<string, Set<number>>();
  for (const s of g) {
    const sig = s.ids.join(',');
    let docs = bySignature.get(sig);
    if (!docs) bySignature.set(sig, (docs = new Set()));
    docs.add(s.doc);
  }
  return [...bySignature.values()].filter(d => d.size > 1).map(d => [...d]);
}

/** Who a statement's shared part is attributed to: each word it shares with the other statement votes (see voicesOf). */
function voiceOf(s: Statement, other: Statement, merger: SpeakerMerger): string | null {
  if (!s.voices) return null; // nothing attributed: the article's own voice
  const votes = new Map<string | null, number>();
  const mine = s.ids;
  const theirs = other.ids;
  for (let x = 0, y = 0; x < mine.length && y < theirs.length;) {
    if (mine[x] < theirs[y]) x++;
    else if (mine[x] > theirs[y]) y++;
    else {
      const k = s.voices[x];
      if (k !== -2) {
        const speaker = k === -1 ? null : s.attributions[k].speaker;
        const voice = k === -1 ? null : speaker ? merger.get(speaker) : 'an unnamed source';
        votes.set(voice, (votes.get(voice) ?? 0) + 1);
      }
      x++; y++;
    }
  }
  let best: string | null = null;
  let n = -1;
  for (const [v, c] of votes) if (c > n || (c === n && v !== null)) { best = v; n = c; }
  return best;
}

function disagreement(a: Statement, b: Statement, docs: string[], merger: SpeakerMerger, score: number): { kind: ConflictKind; explanation: string } | null {
  const da = docs[a.doc];
  const db = docs[b.doc];
  // Numbers on the same thing.
  for (const [word, va] of a.numbers) {
    const vb = b.numbers.get(word);
    if (word && vb && ![...va].some(v => vb.has(v))) {
      return { kind: 'number', explanation: `${da} gives ${[...va].join(' and ')} ${word}, ${db} ${[...vb].join(' and ')}` };
    }
  }
  // Dates of the same event.
  if (a.dates.length && b.dates.length && !a.dates.some(d => b.dates.includes(d))) {
    const sameMonth = a.dates.some(x => b.dates.some(y => x.slice(0, 7) === y.slice(0, 7) && (x.length < 10 || y.length < 10)));
    if (!sameMonth) return { kind: 'date', explanation: `${da} dates it ${a.dates.join(', ')}; ${db} ${b.dates.join(', ')}` };
  }
  // Hedged in one, stated in the other.
  if (a.hedged !== b.hedged) {
    const [h, plain] = a.hedged ? [a, b] : [b, a];
    const word = HEDGES.exec(h.text)?.[0] ?? 'a hedge';
    return { kind: 'hedge', explanation: `${docs[h.doc]} hedges it (“${word}”); ${docs[plain.doc]} states it as fact` };
  }
  // Attributed differently.
  const va = voiceOf(a, b, merger);
  const vb = voiceOf(b, a, merger);
  // Two different sources for loosely similar statements are often two different claims: both attributed
  // needs a closer match than attributed against the outlet's own voice.
  if (va !== vb && (va === null || vb === null || score >= BOTH_ATTRIBUTED)) {
    const say = (d: string, v: string | null) => (v ? `${d} attributes it to ${v}` : `${d} states it in its own voice`);
    return { kind: 'attribution', explanation: `${say(da, va)}; ${say(db, vb)}` };
  }
  // Other people named in it.
  const onlyA = a.people.filter(p => !b.people.includes(p));
  const onlyB = b.people.filter(p => !a.people.includes(p));
  const both = a.people.filter(p => b.people.includes(p));
  if (both.length && ((onlyA.length && b.pronoun && !onlyB.length) || (onlyB.length && a.pronoun && !onlyA.length))) {
    const [more, fewer] = onlyA.length ? [a, b] : [b, a];
    const names = (onlyA.length ? onlyA : onlyB).join(', ');
    return { kind: 'entity', explanation: `${docs[more.doc]} names ${names} where ${docs[fewer.doc]} has someone else (a pronoun)` };
  }
  // Negated in one only.
  const negatedClaim = (x: Statement, y: Statement) => x.negated && x.text.split(/[,;:—–]/).some(clause => {
    if (!NEGATION.test(clause)) return false;
    const f = fold(clause);
    return shared(x.ids, y.ids).filter(id => FEATURE_KINDS[id] === 0 && f.includes(FEATURE_NAMES[id])).length >= 2;
  });
  const na = negatedClaim(a, b);
  const nb = negatedClaim(b, a);
  if (na !== nb && !(na ? b : a).negated) {
    const [neg, pos] = na ? [a, b] : [b, a];
    return { kind: 'negation', explanation: `${docs[neg.doc]} negates what ${docs[pos.doc]} affirms` };
  }
  return null;
}

const BOTH_ATTRIBUTED = 0.25;
/** Statements scored against each statement at most (copies of a wire story can otherwise be thousands). */
const MAX_CANDIDATES = 40;
/** Feature numbers, kept across checks (the vocabulary of the articles seen), and each one's kind. */
const FEATURE_IDS = new Map<string, number>();
const FEATURE_KINDS: number[] = []; // 0: a word, 1: a number or date, 2: a name
const FEATURE_NAMES: string[] = [];

function featureIds(features: Set<string>): Int32Array {
  const out = new Int32Array(features.size);
  let k = 0;
  for (const f of features) {
    let id = FEATURE_IDS.get(f);
    if (id === undefined) {
      FEATURE_IDS.set(f, (id = FEATURE_IDS.size));
      FEATURE_NAMES.push(f);
      FEATURE_KINDS.push(f.startsWith('@') ? 2 : f.startsWith('#') || f.startsWith('~') ? 1 : 0);
    }
    out[k++] = id;
  }
  return out.sort();
}

/** The numbers in both of two sorted lists. */
function shared(x: Int32Array, y: Int32Array): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] < y[j]) i++;
    else if (x[i] > y[j]) j++;
    else { out.push(x[i]); i++; j++; }
  }
  return out;
}

/** Statements of articles read before, by their analysis (kept only while the analysis is). */
const PREPARED = new WeakMap<Analysis, { text: string; statements: Statement[] }>();
/** Partners kept for each statement (its best one in each of the closest articles). */
const MAX_PARTNERS = 8;

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ');
