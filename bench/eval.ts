// `npm run eval`: runs the CLI on ../shared/corpus and on the demo articles (samples/) and prints precision,
// recall and F1 per category against their gold annotations (../shared/corpus/gold, and our own test/gold), so
// anyone can see where the engine stands.
// usage: node out/bench/eval.js [CORPUS_DIR]

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Analysis } from '../src/core';
import { type CompactGold, expandGold, type Gold, prf, scoreDocument, scores, type Tally } from './score';

const root = resolve(__dirname, '../..');
const cli = (files: string[]) =>
  (JSON.parse(execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'analyze', '--json', ...files], { encoding: 'utf8' })) as
    { documents: (Analysis & { path: string })[] }).documents;

function report(title: string, docs: { analysis: Analysis; gold: Gold }[]): void {
  const total = scores();
  for (const d of docs) scoreDocument(total, d.analysis, d.gold);
  console.log(title);
  const line = (name: string, t: Tally, extra = '') => {
    const s = prf(t);
    console.log(`  ${name.padEnd(14)} P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})${extra}`);
  };
  const ratio = (a: number, b: number) => `${a}/${b} = ${(a / (b || 1)).toFixed(3)}`;
  line('entities', total.entities);
  line('dates', total.dates, `  values right ${ratio(total.dates.right, total.dates.judged)}`);
  line('attributions', total.attributions, `  speakers right ${ratio(total.attributions.right, total.attributions.judged)}`);
}

const corpus = resolve(process.argv[2] ?? join(root, '../shared/corpus'));
const goldDir = join(corpus, 'gold');
if (existsSync(goldDir)) {
  const files = readdirSync(corpus).filter(f => f.endsWith('.txt') && existsSync(join(goldDir, f.replace(/\.txt$/, '.gold.json')))).sort();
  report(`eval: ${files.length} corpus articles in ${corpus}`, cli(files.map(f => join(corpus, f))).map(d => ({
    analysis: d,
    gold: JSON.parse(readFileSync(join(goldDir, basename(d.path).replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold,
  })));
} else {
  console.log(`eval: no corpus gold at ${goldDir}`);
}

const ours = readdirSync(join(root, 'test/gold')).filter(f => f.endsWith('.gold.json')).sort()
  .map(f => JSON.parse(readFileSync(join(root, 'test/gold', f), 'utf8')) as CompactGold);
const docs = cli(ours.map(g => join(root, 'samples', g.doc)));
report(`eval: ${ours.length} demo articles in samples/ (gold in test/gold)`, docs.map((d, i) => ({
  analysis: d,
  gold: expandGold(readFileSync(join(root, 'samples', ours[i].doc), 'utf8'), ours[i]),
})));
