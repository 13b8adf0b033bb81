// Scoring against gold annotations, by the rules of ../shared/corpus/gold/README.md: spans match on overlap
// with the same type; optional items are neither rewarded nor penalised; date values compare at day
// precision; attributions match when their contents overlap by at least half of the shorter one.

import type { Analysis } from '../src/core';

interface S { start: number; end: number }
export interface Gold {
  entities: (S & { type: string })[];
  dates: (S & { value: string | null })[];
  attributions: { content: S; speaker: string | null }[];
  optional: { entities: (S & { type: string })[]; dates: S[]; attributions: { content: S }[] };
}

export interface Tally { tp: number; fp: number; fn: number; right: number; judged: number }
export const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, right: 0, judged: 0 });

const overlap = (a: S, b: S) => a.start < b.end && b.start < a.end;
const shared = (a: S, b: S) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const day = (v: string | null | undefined) => (v == null ? null : String(v).slice(0, 10));

function match<P, G>(t: Tally, pred: P[], gold: G[], optional: G[], same: (p: P, g: G) => boolean): [P, G][] {
  const kept = pred.filter(p => gold.some(g => same(p, g)) || !optional.some(o => same(p, o)));
  const used = new Set<number>();
  const pairs: [P, G][] = [];
  for (const p of kept) {
    const i = gold.findIndex((g, k) => !used.has(k) && same(p, g));
    if (i >= 0) { used.add(i); t.tp++; pairs.push([p, gold[i]]); } else t.fp++;
  }
  t.fn += gold.length - used.size;
  return pairs;
}

export interface Scores { entities: Tally; dates: Tally; attributions: Tally }
export const scores = (): Scores => ({ entities: tally(), dates: tally(), attributions: tally() });

/** Adds one document's comparison to the running tallies. */
export function scoreDocument(into: Scores, a: Pick<Analysis, 'entities' | 'dates' | 'attributions'>, g: Gold): void {
  match(into.entities, a.entities, g.entities, g.optional.entities, (p, q) => p.type === q.type && overlap(p, q));
  for (const [p, q] of match(into.dates, a.dates, g.dates, g.optional.dates as Gold['dates'], overlap)) {
    into.dates.judged++;
    if (day(p.value) === day(q.value)) into.dates.right++;
  }
  const att = (p: { content: S }, q: { content: S }) =>
    shared(p.content, q.content) >= Math.min(p.content.end - p.content.start, q.content.end - q.content.start) / 2;
  for (const [p, q] of match(into.attributions, a.attributions, g.attributions, g.optional.attributions as Gold['attributions'], att)) {
    into.attributions.judged++;
    if (p.speaker === q.speaker) into.attributions.right++;
  }
}

export function prf(t: Tally): { p: number; r: number; f1: number } {
  const p = t.tp / (t.tp + t.fp || 1);
  const r = t.tp / (t.tp + t.fn || 1);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
