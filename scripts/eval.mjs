// Scores `newsmark analyze --json` on ../shared/corpus against the gold annotations in ../shared/corpus/gold,
// by the rules of gold/README.md: spans match on overlap with the same type; optional items are neither
// rewarded nor penalised; date values compare at day precision; attributions match when their contents
// overlap by at least half of the shorter one.
// usage: node scripts/eval.mjs [CORPUS_DIR]
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';

const dir = process.argv[2] || '../shared/corpus';
const goldDir = join(dir, 'gold');
const files = readdirSync(dir).filter(f => f.endsWith('.txt')).sort();
const json = JSON.parse(execFileSync(process.execPath, ['dist/cli.js', 'analyze', '--json', ...files.map(f => join(dir, f))], { encoding: 'utf8' }));

const overlap = (a, b) => a.start < b.end && b.start < a.end;
const ov = (a, b) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const day = v => (v == null ? null : String(v).slice(0, 10));
const tally = () => ({ tp: 0, fp: 0, fn: 0, right: 0, judged: 0 });
const T = { entities: tally(), dates: tally(), attributions: tally() };

function score(t, pred, gold, optional, same) {
  const kept = pred.filter(p => !optional.some(o => same(p, o)) || gold.some(g => same(p, g)));
  const used = new Set();
  const pairs = [];
  for (const p of kept) {
    const i = gold.findIndex((g, k) => !used.has(k) && same(p, g));
    if (i >= 0) { used.add(i); t.tp++; pairs.push([p, gold[i]]); } else t.fp++;
  }
  t.fn += gold.length - used.size;
  return pairs;
}
const rows = [];
for (const doc of json.documents) {
  const g = JSON.parse(readFileSync(join(goldDir, basename(doc.path).replace(/\.txt$/, '.gold.json')), 'utf8'));
  score(T.entities, doc.entities, g.entities, g.optional.entities, (p, q) => p.type === q.type && overlap(p, q));
  for (const [p, q] of score(T.dates, doc.dates, g.dates, g.optional.dates, overlap)) { T.dates.judged++; if (day(p.value) === day(q.value)) T.dates.right++; }
  const att = (p, q) => ov(p.content, q.content) >= Math.min(p.content.end - p.content.start, q.content.end - q.content.start) / 2;
  for (const [p, q] of score(T.attributions, doc.attributions, g.attributions, g.optional.attributions, att)) { T.attributions.judged++; if (p.speaker === q.speaker) T.attributions.right++; }
  rows.push(basename(doc.path));
}
const f = t => { const p = t.tp / (t.tp + t.fp || 1), r = t.tp / (t.tp + t.fn || 1); return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 }; };
console.log(`corpus: ${rows.length} articles (${rows.join(', ')})`);
for (const [k, t] of Object.entries(T)) {
  const s = f(t);
  const extra = k === 'dates' ? `  values right ${t.right}/${t.judged} = ${(t.right / (t.judged || 1)).toFixed(3)}` : k === 'attributions' ? `  speakers right ${t.right}/${t.judged} = ${(t.right / (t.judged || 1)).toFixed(3)}` : '';
  console.log(`${k.padEnd(13)} P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})${extra}`);
}
