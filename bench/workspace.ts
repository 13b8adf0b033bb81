// The workspace benchmark: a generated corpus made from our demo articles, varied so that claims repeat and
// conflict (names, numbers and dates change between copies), at 1,000, 5,000 and 10,000 articles. Cold: every
// article analysed, then the cross-article check. Warm: analyses come from the cache (by content hash), as when a
// workspace is reopened, and only the check runs. Peak RSS is sampled throughout.
// usage: node --expose-gc out/bench/workspace.js [SIZES...]

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, type Analysis } from '../src/core';
import { crossCheck } from '../src/core/cross/crossdoc';
import { fnv1a } from '../src/core/engine/text';

const root = process.env.NEWSMARK_ROOT ?? resolve(__dirname, '../..');
const SAMPLES = [
  'ferry/nordwire.txt',
  'ferry/harbour-daily.md',
  'ferry/coastal-gazette.news',
  'election/coastline-wire.txt',
  'election/daily-ledger.md',
].map(p => readFileSync(join(root, 'samples', p), 'utf8'));
const NAMES = ['Henrik Dahl', 'Sofie Dahl', 'Efua Mensah', 'Kwame Asante', 'Liv Andersen'];
const PEOPLE = [
  'Ingrid Solberg',
  'Mads Holm',
  'Ama Boateng',
  'Kofi Owusu',
  'Nora Berg',
  'Yaw Mensah',
  'Erik Lunde',
  'Abena Asare',
];
const PLACES = ['Tromsø', 'Bodø', 'Kumasi', 'Tamale', 'Oslo', 'Accra', 'Bergen', 'Takoradi'];

function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

/** Article k of the generated corpus: a sample with some names, places, numbers and a word or two changed. */
export function generated(k: number): string {
  const r = rng(k + 1);
  let t = SAMPLES[k % SAMPLES.length];
  const story = Math.floor(k / 25); // 25 articles a story, so claims repeat within a story and not across all
  for (const n of NAMES) t = t.split(n).join(PEOPLE[(story + NAMES.indexOf(n)) % PEOPLE.length]);
  t = t.replace(/\b(Tromsø|Kumasi|Tamale|Bodø)\b/g, () => PLACES[(story + r(3)) % PLACES.length]);
  t = t.replace(/\b\d{1,3}\b/g, m => (r(5) === 0 ? String(Number(m) + 1 + r(3)) : m)); // some numbers disagree
  t = t.replace(/\b(Polarlinje|Coastline News)\b/g, m => `${m} ${story}`);
  // Each story has its own subject: its key nouns become words of that story only (a real workspace holds
  // many stories that share little vocabulary, not one story repeated).
  const tag = story.toString(36);
  t = t.replace(
    /\b(ferry|ferries|radar|licence|collision|fishing|boat|crew|bridge|passengers|vessel|vessels|company|crash|inspectors|vote|count|tally|turnout|results|election|commission|observers|regions|agents|opposition|alliance|delay|staff|rule|minister)\b/gi,
    w => `${w}${tag}`,
  );
  return `Story ${story}, copy ${k}.\n` + t;
}

const MB = 1024 * 1024;
let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function hash(s: string): string {
  return `${s.length}:${fnv1a(s).toString(36)}`;
}

if (process.argv[1]?.endsWith('workspace.js')) run();
function run(): void {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  if (sizes.length === 0) {
    // Each size in a process of its own, as each workspace is: the peak memory of one is not left over from another.
    const per: number[] = [];
    for (const n of [1000, 5000, 10000]) {
      const out = execFileSync(process.execPath, ['--expose-gc', __filename, String(n)], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      process.stdout.write(n === 1000 ? out : out.split('\n').slice(1).join('\n'));
      const m = /warm ([\d.]+) s/.exec(out);
      const c = /cold ([\d.]+) s/.exec(out);
      if (m && c) per.push(Number(c[1]) / n);
    }
    if (per.length === 3)
      console.log(
        `  growth: cold time per article at 5,000 and 10,000 is ${(per[1] / per[0]).toFixed(2)}× and ${(per[2] / per[0]).toFixed(2)}× that at 1,000 (1.00× is linear)`,
      );
    return;
  }
  console.log(
    'workspace bench: generated articles from samples/ (25 per story; each story’s key nouns, names, places and some numbers varied)',
  );
  const rows: string[] = [];
  for (const n of sizes.length ? sizes : [1000, 5000, 10000]) {
    (globalThis as { gc?: () => void }).gc?.();
    peakRss = process.memoryUsage().rss;
    const texts = Array.from({ length: n }, (_, k) => generated(k));
    const bytes = texts.reduce((t, x) => t + x.length, 0);
    const cache = new Map<string, Analysis>();
    const timer = setInterval(sample, 20);
    const t0 = process.hrtime.bigint();
    const analysed = texts.map((text, k) => {
      const a = analyze(text);
      cache.set(hash(text), a);
      if (k % 200 === 0) sample();
      return { doc: `a${k}.txt`, text, analysis: a };
    });
    const t1 = process.hrtime.bigint();
    const cold = crossCheck(analysed);
    const t2 = process.hrtime.bigint();
    // Warm: a reopened workspace finds every analysis in the cache by content hash.
    const warmInput = texts.map((text, k) => ({ doc: `a${k}.txt`, text, analysis: cache.get(hash(text))! }));
    const t3 = process.hrtime.bigint();
    const warm = crossCheck(warmInput);
    const t4 = process.hrtime.bigint();
    clearInterval(timer);
    sample();
    const s = (a: bigint, b: bigint) => Number(b - a) / 1e9;
    rows.push(
      `  ${String(n).padStart(6)} articles (${(bytes / MB).toFixed(1)} MB): cold ${s(t0, t2).toFixed(2)} s (analysis ${s(t0, t1).toFixed(2)} s, check ${s(t1, t2).toFixed(2)} s); warm ${s(t3, t4).toFixed(2)} s; ` +
        `peak RSS ${(peakRss / MB).toFixed(0)} MB; ${cold.claims.length} shared claims, ${cold.conflicts.length} conflicts, ${cold.stats.scored} pairs scored for ${cold.stats.statements} statements`,
    );
    console.log(rows[rows.length - 1]);
    if (n === 10000) {
      const ok = (b: boolean) => (b ? 'met' : 'MISSED');
      console.log(
        `  goals at 10,000: cold ≤ 20 s ${ok(s(t0, t2) <= 20)}, warm ≤ 2 s ${ok(s(t3, t4) <= 2)}, peak RSS ≤ 600 MB ${ok(peakRss / MB <= 600)}`,
      );
    }
    void warm;
  }
}
