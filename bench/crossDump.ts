// The whole result of the cross-article check as JSON, to prove that a change for speed changes nothing it reports:
// a check of all of ../shared/basil, of the demo articles (samples/), of all stories and the corpus in one workspace,
// and a cold and a warm check of the workspace bench's generated articles.
// usage: node out/bench/crossDump.js OUT.json [--generated N]   (then compare two dumps with cmp)

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../src/core';
import { runCheck } from '../src/cli/check';
import { crossCheck } from '../src/core/cross/crossdoc';
import { generated } from './workspace';

const out = process.argv[2];
const gi = process.argv.indexOf('--generated');
const n = gi >= 0 ? Number(process.argv[gi + 1]) : 1500;

async function main(): Promise<void> {
  if (!out) throw new Error('usage: crossDump.js OUT.json [--generated N]');
  const basil = await runCheck([resolve(__dirname, '../../../shared/basil')], () => null);
  const demo = await runCheck([resolve(__dirname, '../../samples')], () => null);
  const stories = await runCheck(
    ['stories', 'corpus'].map(d => resolve(__dirname, '../../../shared', d)),
    () => null,
  );
  const articles = Array.from({ length: n }, (_, k) => {
    const text = generated(k);
    return { doc: `a${k}.txt`, text, analysis: analyze(text) };
  });
  const cold = crossCheck(articles);
  const warm = crossCheck(articles.map(a => ({ ...a })));
  const same = JSON.stringify(cold) === JSON.stringify(warm);
  writeFileSync(out, JSON.stringify({ basil, demo, stories, generated: cold, warmSameAsCold: same }, null, 1));
  console.log(
    `basil: ${basil.conflicts.length} conflicts, ${basil.claims.length} claims; demo: ${demo.conflicts.length} conflicts; ` +
      `stories: ${stories.conflicts.length} conflicts, ${stories.claims.length} claims; generated ${n}: ${cold.conflicts.length} conflicts, ${cold.claims.length} claims; warm same as cold: ${same}`,
  );
}

void main();
