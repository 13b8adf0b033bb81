// Provenance for the cross-article check: which articles rewrite one another or one outlet's report, so that a claim counts independent reports, not copies.
//
// Two articles are one report when they share long runs of words (a wire story and its rewrites keep whole
// sentences), or when both say they come from the same outlet's report ("as reported by Reuters", "a Reuters
// exclusive", "according to a Reuters report"). Groups are found with a shingle index of eight-word runs, never by
// comparing every article with every other.

import type { Analysis } from '../engine/types';
import { fnv1a } from '../engine/text';

export interface Derivation {
  /** The articles (indexes) that are one report. */
  docs: number[];
  /** The outlet they say they come from, when they say it. */
  origin?: string;
}

/** Words in a run that makes two articles one report. */
const RUN = 8;
/** Only runs whose hash is a multiple of this are kept (a sample, the same in every article: memory stays small). */
const SAMPLE = 4;
/** Sampled runs two articles must share to be rewrites of one another (about a dozen runs in common in all). */
const SHARED_RUNS = 3;
/** A run found in more articles than this is a stock phrase, not a copy. */
const STOCK = 12;

const ORIGIN = [
  /\bas (?:first |originally |previously )?reported (?:by|in) (?:the )?((?:\p{Lu}[\p{L}&.'-]*\s?){1,4})/gu,
  /\b(?:an?|the) ((?:\p{Lu}[\p{L}&.'-]*\s?){1,4})(?:exclusive|report)\b/gu,
  /\b((?:\p{Lu}[\p{L}&.'-]*\s?){1,4}) (?:first reported|reported first|broke the news)\b/gu,
];

/** The outlets an article says its story comes from. */
export function originsOf(text: string, analysis: Analysis): string[] {
  const orgs = new Set(analysis.entities.filter(e => e.type === 'ORG').map(e => e.canonical.toLowerCase()));
  const out = new Set<string>();
  for (const re of ORIGIN) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[1].trim().replace(/['’]s$/, '');
      if (orgs.has(name.toLowerCase())) out.add(name);
    }
  }
  return [...out];
}

/**
 * An article's sampled runs of words, each once (see SAMPLE). Quotations are left out: independent reports print the
 * same quotation word for word; it is the reporter's own sentences that a rewrite keeps.
 */
export function runsOf(text: string): Uint32Array {
  const own = text.replace(/“[^”\n]*”?|"[^"\n]*"?/g, ' | ');
  const words = own.toLowerCase().match(/[\p{L}\p{N}]+|\|/gu) ?? [];
  const seen = new Set<number>();
  for (let i = 0; i + RUN <= words.length; i++) {
    const run = words.slice(i, i + RUN);
    if (run.includes('|')) continue; // a run across a quotation is no run of the reporter's words
    const h = fnv1a(run.join(' '));
    if (h % SAMPLE === 0) seen.add(h);
  }
  return Uint32Array.from(seen);
}

/**
 * The groups of articles that are one report (only groups of two or more), from each article's runs (runsOf) and the
 * outlets it says it comes from (originsOf).
 */
export function derivations(runs: Uint32Array[], origins: string[][]): Derivation[] {
  const n = runs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  // Articles sharing SHARED_RUNS sampled runs rewrite one another. Each run of each article (keyed by the run's hash
  // over SAMPLE, which it divides) put in order of its key by a counting sort on the key's first bits, then each
  // bucket (a few runs) by insertion, articles in order for each run: no list kept for each of hundreds of thousands
  // of runs.
  let total = 0;
  for (const list of runs) total += list.length;
  const BUCKET_BITS = 16;
  const shift = 32 - BUCKET_BITS;
  const firstOf = new Int32Array((1 << BUCKET_BITS) + 1);
  for (const list of runs) for (let k = 0; k < list.length; k++) firstOf[(list[k] >>> shift) + 1]++;
  for (let b = 0; b < 1 << BUCKET_BITS; b++) firstOf[b + 1] += firstOf[b];
  const fill = firstOf.slice(0, 1 << BUCKET_BITS);
  const keyAt = new Int32Array(total);
  const docAt = new Int32Array(total);
  runs.forEach((list, d) => {
    for (let k = 0; k < list.length; k++) {
      const at = fill[list[k] >>> shift]++;
      keyAt[at] = list[k] / SAMPLE;
      docAt[at] = d;
    }
  });
  // (Stable: a run's articles stay in order.)
  for (let b = 0; b < 1 << BUCKET_BITS; b++)
    for (let i = firstOf[b] + 1; i < firstOf[b + 1]; i++) {
      const key = keyAt[i];
      const doc = docAt[i];
      let j = i;
      for (; j > firstOf[b] && keyAt[j - 1] > key; j--) {
        keyAt[j] = keyAt[j - 1];
        docAt[j] = docAt[j - 1];
      }
      keyAt[j] = key;
      docAt[j] = doc;
    }
  const pairRuns = new Map<number, number>();
  for (let from = 0; from < total;) {
    let to = from + 1;
    while (to < total && keyAt[to] === keyAt[from]) to++;
    const at = from;
    from = to;
    // (Found in more articles than STOCK: a stock phrase.)
    if (to - at < 2 || to - at > STOCK) continue;
    for (let i = at; i < to; i++)
      for (let j = i + 1; j < to; j++) {
        const k = docAt[i] * n + docAt[j];
        pairRuns.set(k, (pairRuns.get(k) ?? 0) + 1);
      }
  }
  for (const [k, c] of pairRuns) if (c >= SHARED_RUNS) join(Math.floor(k / n), k % n);
  // Articles that say they come from one outlet's report.
  const byOrigin = new Map<string, number[]>();
  origins.forEach((os, d) => {
    for (const o of os) byOrigin.set(o.toLowerCase(), [...(byOrigin.get(o.toLowerCase()) ?? []), d]);
  });
  for (const ds of byOrigin.values()) for (let i = 1; i < ds.length; i++) join(ds[0], ds[i]);
  const groups = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    const r = find(d);
    const g = groups.get(r);
    if (g) g.push(d);
    else groups.set(r, [d]);
  }
  return [...groups.values()]
    .filter(g => g.length > 1)
    .map(g => {
      const origin = g.map(d => origins[d][0]).find(o => o);
      return origin ? { docs: g, origin } : { docs: g };
    });
}
