// `npm run eval`: runs the CLI on ../shared/corpus and on the demo articles (samples/) and prints precision,
// recall and F1 per category against their gold annotations (../shared/corpus/gold, and our own test/gold), so
// anyone can see where the engine stands.
// usage: node out/bench/eval.js [CORPUS_DIR]

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Analysis } from '../src/core';
import { crossCheck } from '../src/core/crossdoc';
import { type CompactGold, type CrossGold, expandGold, type Gold, prf, scoreCross, scoreDocument, scores, type Tally } from './score';

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
  const crossPath = join(goldDir, 'cross.gold.json');
  if (existsSync(crossPath)) {
    const docs = cli(files.map(f => join(corpus, f)));
    const result = crossCheck(docs.map(d => ({ doc: d.path, text: readFileSync(d.path, 'utf8'), analysis: d })));
    const s = scoreCross(result, JSON.parse(readFileSync(crossPath, 'utf8')) as CrossGold);
    console.log(`eval: across the corpus articles (gold: cross.gold.json)`);
    console.log(`  conflicts      recall ${s.conflicts.recall.toFixed(3)} (${s.conflicts.found.length} of ${s.conflicts.found.length + s.conflicts.missed.length} conflicting claims: ${s.conflicts.found.join(' ')}; missed ${s.conflicts.missed.join(' ') || 'none'})  precision ${s.conflicts.precision.toFixed(3)} (${s.conflicts.tp} of ${s.conflicts.reported} reported pairs)`);
    console.log(`  claims         ${s.claims.found} of ${s.claims.total} gold claims found as shared claims (recall ${s.claims.recall.toFixed(3)}); ${result.claims.length} reported`);
    console.log(`  sources        ${s.sources.found} of ${s.sources.total} gold sources found${s.sources.missing.length ? ` (missing: ${s.sources.missing.join(', ')})` : ''}; ${result.sources.length} reported`);
  }
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
