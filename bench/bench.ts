// `npm run bench`: throughput of Newsmark's engine on ../shared/corpus repeated to at least 2 MB, beside
// compromise (the baseline to beat) on the same text in the same run, as a ratio. Figures, not assertions:
// these machines are shared and noisy, so nothing here fails on a time.
// usage: node out/bench/bench.js [--min-mb 2] [--skip-baseline]

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../src/core';

const root = resolve(__dirname, '../..');
const corpusDir = resolve(process.env.NEWSMARK_SHARED ?? join(root, '../shared'), 'corpus');
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const minBytes = Number(arg('--min-mb', '2')) * 1024 * 1024;
const MB = 1024 * 1024;

const articles = readdirSync(corpusDir).filter(f => f.endsWith('.txt')).sort().map(f => readFileSync(join(corpusDir, f), 'utf8'));
const batch: string[] = [];
let bytes = 0;
while (bytes < minBytes) {
  for (const a of articles) { batch.push(a); bytes += Buffer.byteLength(a); }
}
// One long document: each copy's paragraphs are numbered, so no paragraph repeats (the engine would reuse it).
const oneText = batch.map((a, k) => a.replace(/^(?=\S)/gm, `${k}. `)).join('\n\n');

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
}
/** Best of n runs (the least disturbed by other work on the machine). */
function best(n: number, fn: () => void): number {
  let b = Infinity;
  for (let i = 0; i < n; i++) b = Math.min(b, time(fn));
  return b;
}
const mbs = (s: number) => (bytes / MB / s).toFixed(2);

console.log(`bench: ${articles.length} corpus articles repeated to ${batch.length} articles, ${(bytes / MB).toFixed(2)} MB (1 MB = 2^20 bytes of UTF-8); node ${process.version}`);
time(() => batch.forEach(t => analyze(t))); // warm up
const perArticle = best(3, () => batch.forEach(t => analyze(t)));
console.log(`  newsmark analyze, article by article   ${perArticle.toFixed(3)} s   ${mbs(perArticle)} MB/s`);
const whole = best(3, () => analyze(oneText));
console.log(`  newsmark analyze, one ${(bytes / MB).toFixed(1)} MB document  ${whole.toFixed(3)} s   ${mbs(whole)} MB/s`);

if (!process.argv.includes('--skip-baseline')) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nlp = require('compromise') as (t: string) => { people(): Out; places(): Out; organizations(): Out };
  type Out = { out(f: 'array'): string[] };
  const base = time(() => {
    for (const t of batch) {
      const doc = nlp(t);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }
  });
  console.log(`  compromise people()+places()+organizations()  ${base.toFixed(3)} s   ${mbs(base)} MB/s`);
  console.log(`  ratio: newsmark full analysis is ${(base / perArticle).toFixed(1)}× compromise's entity pass`);
}
