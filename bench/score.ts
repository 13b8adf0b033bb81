// Scoring against gold annotations, by the rules of ../shared/corpus/gold/README.md: spans match on overlap
// with the same type; optional items are neither rewarded nor penalised; date values compare at day
// precision; attributions match when their contents overlap by at least half of the shorter one.

import type { Analysis } from '../src/core';

interface S {
  start: number;
  end: number;
}
type GoldEntity = S & { type: string; canonical?: string };
export interface Gold {
  entities: GoldEntity[];
  dates: (S & { value: string | null })[];
  attributions: { content: S; source?: S | null; source_antecedent?: S | null; speaker: string | null }[];
  optional: { entities: (S & { type: string })[]; dates: S[]; attributions: { content: S }[] };
}

export interface Ratio {
  right: number;
  judged: number;
}
export interface Tally extends Ratio {
  tp: number;
  fp: number;
  fn: number;
}
export const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, right: 0, judged: 0 });
/** One error, for the eval's list of error kinds. */
export interface Miss {
  kind: string;
  where: string;
  example: string;
}

const overlap = (a: S, b: S) => a.start < b.end && b.start < a.end;
const shared = (a: S, b: S) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const day = (v: string | null | undefined) => (v == null ? null : String(v).slice(0, 10));

/** Matches predictions to gold; returns the matched pairs, the unmatched kept predictions and the missed gold items. */
function match<P, G>(
  t: Tally,
  pred: P[],
  gold: G[],
  optional: G[],
  same: (p: P, g: G) => boolean,
): { pairs: [P, G][]; fps: P[]; fns: G[] } {
  const kept = pred.filter(p => gold.some(g => same(p, g)) || !optional.some(o => same(p, o)));
  const used = new Set<number>();
  const pairs: [P, G][] = [];
  const fps: P[] = [];
  for (const p of kept) {
    const i = gold.findIndex((g, k) => !used.has(k) && same(p, g));
    if (i >= 0) {
      used.add(i);
      t.tp++;
      pairs.push([p, gold[i]]);
    } else {
      t.fp++;
      fps.push(p);
    }
  }
  t.fn += gold.length - used.size;
  return { pairs, fps, fns: gold.filter((_, k) => !used.has(k)) };
}

export interface Scores {
  entities: Tally;
  dates: Tally;
  attributions: Tally;
}
export const scores = (): Scores => ({ entities: tally(), dates: tally(), attributions: tally() });

/** A span in its sentence, marked with brackets, on one line. */
function context(text: string, s: S, width = 50): string {
  const a = Math.max(0, s.start - width);
  const b = Math.min(text.length, s.end + width);
  const clip = (x: string) => x.replace(/\s+/g, ' ');
  const inner = text.slice(s.start, s.end);
  return `…${clip(text.slice(a, s.start))}[${clip(inner.length > 120 ? inner.slice(0, 60) + ' … ' + inner.slice(-50) : inner)}]${clip(text.slice(s.end, b))}…`;
}

/**
 * Adds one document's comparison to the running tallies, records each error in `misses` (when given), and returns the
 * matched entity pairs (prediction, gold) for the canonical-name score.
 */
export function scoreDocument(
  into: Scores,
  a: Pick<Analysis, 'entities' | 'dates' | 'attributions'>,
  g: Gold,
  text = '',
  misses: Miss[] = [],
  where = '',
): [{ canonical: string }, GoldEntity][] {
  const miss = (kind: string, example: string) => misses.push({ kind, where, example });
  const ent = match(
    into.entities,
    a.entities,
    g.entities,
    g.optional.entities,
    (p, q) => p.type === q.type && overlap(p, q),
  );
  for (const p of ent.fps) {
    const other = g.entities.find(q => overlap(p, q));
    miss(other ? `entity ${p.type} that is ${other.type}` : `entity ${p.type} spurious`, context(text, p));
  }
  for (const q of ent.fns) {
    if (!a.entities.some(p => overlap(p, q))) miss(`entity ${q.type} missed`, context(text, q));
  }
  const dt = match(into.dates, a.dates, g.dates, g.optional.dates as Gold['dates'], overlap);
  for (const [p, q] of dt.pairs) {
    into.dates.judged++;
    if (day(p.value) === day(q.value)) into.dates.right++;
    else miss('date value wrong', `${context(text, q, 30)} ${p.value} (gold ${q.value})`);
  }
  for (const p of dt.fps) miss('date spurious', context(text, p, 30));
  for (const q of dt.fns) miss('date missed', `${context(text, q, 30)} (${q.value})`);
  const same = (p: { content: S }, q: { content: S }) =>
    shared(p.content, q.content) >= Math.min(p.content.end - p.content.start, q.content.end - q.content.start) / 2;
  const at = match(
    into.attributions,
    a.attributions,
    g.attributions,
    g.optional.attributions as Gold['attributions'],
    same,
  );
  for (const [p, q] of at.pairs) {
    into.attributions.judged++;
    if (sourceRight(p, q)) into.attributions.right++;
    else
      miss(
        'attribution source wrong',
        `${context(text, q.content, 20)} ${JSON.stringify(p.speaker)} (gold ${JSON.stringify(q.speaker)})`,
      );
  }
  for (const p of at.fps)
    miss('attribution spurious', `${context(text, p.content, 30)} (${JSON.stringify(p.speaker)})`);
  for (const q of at.fns) miss(`attribution missed`, `${context(text, q.content, 40)} (${JSON.stringify(q.speaker)})`);
  return ent.pairs;
}

const speakerKey = (s: string | null | undefined) =>
  (s ?? '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();

/**
 * An attribution's source is right when the engine names the same speaker as the gold, or when its source span is the
 * gold's source (or the mention a pronoun source stands for): the scorer judges who is credited, not how the label is spelt.
 */
function sourceRight(p: Analysis['attributions'][number], q: Gold['attributions'][number]): boolean {
  if (p.speaker != null && speakerKey(p.speaker) === speakerKey(q.speaker)) return true;
  if (!p.source) return !q.source && q.speaker == null;
  return [q.source, q.source_antecedent].some(g => g != null && overlap(p.source!, g));
}

/**
 * Canonical names: over the pairs of correctly found entity mentions in one article that the gold or the engine gives
 * one canonical name, the share where both do (a pair the engine merges wrongly or fails to merge counts against).
 */
export function canonicalPairs(pairs: [{ canonical: string }, GoldEntity][]): Ratio {
  const r: Ratio = { right: 0, judged: 0 };
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const gold = pairs[i][1].canonical === pairs[j][1].canonical && pairs[i][1].type === pairs[j][1].type;
      const ours = pairs[i][0].canonical === pairs[j][0].canonical;
      if (!gold && !ours) continue;
      r.judged++;
      if (gold && ours) r.right++;
    }
  }
  return r;
}

export function prf(t: Tally): { p: number; r: number; f1: number } {
  const p = t.tp / (t.tp + t.fp || 1);
  const r = t.tp / (t.tp + t.fn || 1);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Our own gold for the demo articles (test/gold): items in reading order, found in the text one after another. */
export interface CompactGold {
  doc: string;
  published: string | null;
  entities: [string, string, string?][];
  dates: [string, string | null, string | null, boolean][];
  attributions: { content: string; speaker: string | null }[];
  optional: {
    entities: [string, string, string?][];
    dates: [string, string | null, string | null, boolean][];
    attributions: { content: string }[];
  };
}

/** Offsets for a compact gold file; throws when an item is not in the text, so a stale gold file is noticed. */
export function expandGold(text: string, g: CompactGold): Gold {
  const find = (what: string, from: number): S => {
    const re = new RegExp(`(?<![\\p{L}\\d])${what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`, 'gu');
    re.lastIndex = from;
    const m = re.exec(text);
    if (!m) throw new Error(`${g.doc}: "${what}" not found after offset ${from}`);
    return { start: m.index, end: m.index + what.length };
  };
  const inOrder = <T extends [string, ...unknown[]]>(items: T[]) => {
    let at = 0;
    return items.map(item => {
      const s = find(item[0], at);
      at = s.end;
      return { item, s };
    });
  };
  const anywhere = (content: string) => {
    const i = text.indexOf(content);
    if (i < 0) throw new Error(`${g.doc}: "${content}" not found`);
    return { start: i, end: i + content.length };
  };
  return {
    entities: inOrder(g.entities).map(({ item, s }) => ({ ...s, type: item[1] })),
    dates: inOrder(g.dates).map(({ item, s }) => ({ ...s, value: item[1] })),
    attributions: g.attributions.map(a => ({ content: anywhere(a.content), speaker: a.speaker })),
    optional: {
      // An optional name is optional wherever it stands.
      entities: g.optional.entities.flatMap(e => {
        const all: (S & { type: string })[] = [];
        for (let at = 0; ;) {
          try {
            const s = find(e[0], at);
            all.push({ ...s, type: e[1] });
            at = s.end;
          } catch {
            return all;
          }
        }
      }),
      dates: g.optional.dates.map(d => find(d[0], 0)),
      attributions: g.optional.attributions.map(a => ({ content: anywhere(a.content) })),
    },
  };
}

/** The cross-article gold (../shared/corpus/gold/cross.gold.json). */
export interface CrossGold {
  claims: {
    id: string;
    agree: boolean;
    mentions: { doc: string; start: number; end: number; text?: string }[];
    conflict: { kind: string } | null;
  }[];
  sources: { speaker: string; tier: string }[];
}

interface PairLike {
  a: { doc: string; start: number; end: number };
  b: { doc: string; start: number; end: number };
}

const base = (p: string) => p.split(/[\\/]/).pop()!;

/**
 * Conflicts: a reported pair finds a conflicting claim when its two statements overlap two mentions of that claim in
 * different articles (claims not yet found are preferred). Recall: conflicting claims found; precision: reported
 * pairs that find one. Claims: a gold claim is found when one reported claim holds two of its mentions in different
 * articles. Sources: main-tier gold speakers among the reported sources.
 */
export function scoreCross<P extends PairLike>(
  r: {
    conflicts: P[];
    claims: { mentions: { doc: string; start: number; end: number }[] }[];
    sources: { speaker: string }[];
  },
  g: CrossGold,
) {
  const hits = (m: { doc: string; start: number; end: number }, gm: { doc: string; start: number; end: number }) =>
    base(m.doc) === base(gm.doc) && m.start < gm.end && gm.start < m.end;
  const conflicting = g.claims.filter(c => !c.agree);
  const found = new Set<string>();
  let tp = 0;
  const wrong: P[] = [];
  const right: { conflict: P; claim: string }[] = [];
  for (const p of r.conflicts) {
    const on = conflicting.filter(
      c => base(p.a.doc) !== base(p.b.doc) && c.mentions.some(m => hits(p.a, m)) && c.mentions.some(m => hits(p.b, m)),
    );
    if (on.length === 0) {
      wrong.push(p);
      continue;
    }
    tp++;
    const id = (on.find(c => !found.has(c.id)) ?? on[0]).id;
    found.add(id);
    right.push({ conflict: p, claim: id });
  }
  const claimFound = g.claims.filter(c =>
    r.claims.some(rc => {
      const docs = new Set(rc.mentions.flatMap(m => c.mentions.filter(gm => hits(m, gm)).map(gm => gm.doc)));
      return docs.size >= 2;
    }),
  );
  const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'");
  const speakers = new Set(r.sources.map(s => norm(s.speaker)));
  const mainSources = g.sources.filter(s => s.tier === 'main');
  const missing = mainSources.filter(s => !speakers.has(norm(s.speaker))).map(s => s.speaker);
  return {
    conflicts: {
      recall: found.size / conflicting.length,
      precision: r.conflicts.length ? tp / r.conflicts.length : 1,
      found: [...found].sort(),
      missed: conflicting.map(c => c.id).filter(id => !found.has(id)),
      reported: r.conflicts.length,
      tp,
      false: wrong,
      right,
    },
    claims: { recall: claimFound.length / g.claims.length, found: claimFound.length, total: g.claims.length },
    sources: { found: mainSources.length - missing.length, total: mainSources.length, missing },
  };
}
