// `npm run eval`: runs the CLI on ../shared/corpus and prints precision, recall and F1 per category against
// the gold annotations, so anyone can see where the engine stands.
// usage: node out/bench/eval.js [CORPUS_DIR]

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Analysis } from '../src/core';
import { type Gold, prf, scoreDocument, scores } from './score';

const root = resolve(__dirname, '../..');
const dir = resolve(process.argv[2] ?? join(root, '../shared/corpus'));
const goldDir = join(dir, 'gold');
if (!existsSync(goldDir)) {
  console.error(`eval: no gold annotations at ${goldDir}`);
  process.exit(2);
}
const files = readdirSync(dir).filter(f => f.endsWith('.txt') && existsSync(join(goldDir, f.replace(/\.txt$/, '.gold.json')))).sort();
const out = execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'analyze', '--json', ...files.map(f => join(dir, f))], { encoding: 'utf8' });
const json = JSON.parse(out) as { documents: (Analysis & { path: string })[] };
const total = scores();
for (const doc of json.documents) {
  const gold = JSON.parse(readFileSync(join(goldDir, basename(doc.path).replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold;
  scoreDocument(total, doc, gold);
}
console.log(`eval: ${files.length} articles in ${dir}`);
const line = (name: string, t: typeof total.entities, extra = '') => {
  const s = prf(t);
  console.log(`  ${name.padEnd(14)} P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})${extra}`);
};
const ratio = (a: number, b: number) => `${a}/${b} = ${(a / (b || 1)).toFixed(3)}`;
line('entities', total.entities);
line('dates', total.dates, `  values right ${ratio(total.dates.right, total.dates.judged)}`);
line('attributions', total.attributions, `  speakers right ${ratio(total.attributions.right, total.attributions.judged)}`);
