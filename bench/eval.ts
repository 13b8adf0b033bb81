// `npm run eval`: runs the CLI on every story with gold (../shared/corpus, each folder of ../shared/stories) and on
// the demo articles (samples/, our own gold in test/gold) and prints, per story and in total, precision, recall and
// F1 per category, the cross-article scores per story and for all stories in one workspace, and the most frequent
// kinds of error with an example each, so anyone can see where the engine stands and why.
// usage: node out/bench/eval.js [--errors N] [--verbose]
//   --errors N   how many error kinds to list (default 12)
//   --verbose    list every error, not only the kinds

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Analysis } from '../src/core';
import { crossCheck, type CrossResult } from '../src/core/cross/crossdoc';
import {
  canonicalPairs,
  type CompactGold,
  type CrossGold,
  expandGold,
  type Gold,
  prf,
  type Ratio,
  scoreCross,
  scoreDocument,
  scores,
  type Scores,
  type Tally,
  type Miss,
} from './score';

const root = resolve(__dirname, '../..');
const shared = resolve(root, '../shared');
const argv = process.argv.slice(2);
const errorKinds = Number(argv[argv.indexOf('--errors') + 1]) || 12;
const verbose = argv.includes('--verbose');

type Doc = Analysis & { path: string };
const cli = (files: string[]): Doc[] =>
  (
    JSON.parse(
      execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'analyze', '--json', ...files], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      }),
    ) as { documents: Doc[] }
  ).documents;

interface Story {
  name: string;
  docs: { path: string; text: string; analysis: Doc; gold: Gold }[];
  cross: CrossGold | null;
}

/** A folder of articles with gold: `NAME.gold.json` beside `NAME.txt`, or in a `gold/` subfolder. */
function loadStory(name: string, dir: string): Story | null {
  const goldDir = existsSync(join(dir, 'gold')) ? join(dir, 'gold') : dir;
  const files = readdirSync(dir)
    .filter(f => f.endsWith('.txt') && existsSync(join(goldDir, f.replace(/\.txt$/, '.gold.json'))))
    .sort();
  if (files.length === 0) return null;
  const analyses = cli(files.map(f => join(dir, f)));
  const crossPath = join(goldDir, 'cross.gold.json');
  return {
    name,
    docs: analyses.map(a => ({
      path: a.path,
      text: readFileSync(a.path, 'utf8'),
      analysis: a,
      gold: JSON.parse(readFileSync(join(goldDir, basename(a.path).replace(/\.txt$/, '.gold.json')), 'utf8')) as Gold,
    })),
    cross: existsSync(crossPath) ? (JSON.parse(readFileSync(crossPath, 'utf8')) as CrossGold) : null,
  };
}

const f3 = (x: number) => x.toFixed(3);
const ratio = (r: Ratio) => `${r.right}/${r.judged} = ${f3(r.right / (r.judged || 1))}`;
const tallyLine = (t: Tally) => {
  const s = prf(t);
  return `P ${f3(s.p)}  R ${f3(s.r)}  F1 ${f3(s.f1)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
};

function scoreStory(s: Story, misses: Miss[]): { sc: Scores; pairs: Ratio } {
  const sc = scores();
  const pairs: Ratio = { right: 0, judged: 0 };
  for (const d of s.docs) {
    const matched = scoreDocument(sc, d.analysis, d.gold, d.text, misses, `${s.name}/${basename(d.path)}`);
    const p = canonicalPairs(matched);
    pairs.right += p.right;
    pairs.judged += p.judged;
  }
  return { sc, pairs };
}

function printScores(title: string, sc: Scores, pairs: Ratio): void {
  console.log(title);
  console.log(`  entities       ${tallyLine(sc.entities)}  canonical pairs ${ratio(pairs)}`);
  console.log(`  dates          ${tallyLine(sc.dates)}  values right ${ratio(sc.dates)}`);
  console.log(`  attributions   ${tallyLine(sc.attributions)}  sources right ${ratio(sc.attributions)}`);
}

function add(into: Scores, from: Scores): void {
  for (const k of ['entities', 'dates', 'attributions'] as const) {
    for (const f of ['tp', 'fp', 'fn', 'right', 'judged'] as const) into[k][f] += from[k][f];
  }
}

function printCross(title: string, result: CrossResult, gold: CrossGold): void {
  const s = scoreCross(result, gold);
  console.log(title);
  console.log(
    `  conflicts      recall ${f3(s.conflicts.recall)} (${s.conflicts.found.length} of ${s.conflicts.found.length + s.conflicts.missed.length}; missed ${s.conflicts.missed.join(' ') || 'none'})  precision ${f3(s.conflicts.precision)} (${s.conflicts.tp} of ${s.conflicts.reported} reported)`,
  );
  console.log(
    `  claims         ${s.claims.found} of ${s.claims.total} gold claims found as shared claims (recall ${f3(s.claims.recall)}); ${result.claims.length} reported`,
  );
  console.log(
    `  sources        ${s.sources.found} of ${s.sources.total} gold sources found (${f3(s.sources.found / (s.sources.total || 1))})${s.sources.missing.length ? `; missing: ${s.sources.missing.join(', ')}` : ''}; ${result.sources.length} reported`,
  );
  // Each missed and each false conflict with its kind, so anyone sees why.
  const one = (t: string, n = 90) => {
    const x = t.replace(/\s+/g, ' ');
    return x.length > n ? x.slice(0, n - 1) + '…' : x;
  };
  for (const id of s.conflicts.missed) {
    const c = gold.claims.find(x => x.id === id)!;
    console.log(
      `  missed ${id} [${c.conflict?.kind ?? '?'}] ${c.mentions.map(m => `${basename(m.doc)}: “${one(m.text ?? '', 60)}”`).join(' / ')}`,
    );
  }
  for (const { conflict: c, claim } of s.conflicts.right)
    console.log(
      `  found ${claim} [${c.kind}${c.confidence !== undefined ? ` ${f3(c.confidence)}` : ''}] ${one(c.explanation, 600)}`,
    );
  for (const c of s.conflicts.false)
    console.log(
      `  false [${c.kind}${c.confidence !== undefined ? ` ${f3(c.confidence)}` : ''}] ${c.explanation}\n      ${basename(c.a.doc)}: “${one(c.a.text)}”\n      ${basename(c.b.doc)}: “${one(c.b.text)}”`,
    );
}

// Stories with gold: the corpus first, then every folder of ../shared/stories.
const stories: Story[] = [];
const corpus = loadStory('corpus', join(shared, 'corpus'));
if (corpus) stories.push(corpus);
const storiesDir = join(shared, 'stories');
if (existsSync(storiesDir)) {
  for (const n of readdirSync(storiesDir).sort()) {
    const s = loadStory(n, join(storiesDir, n));
    if (s) stories.push(s);
  }
}
if (stories.length === 0) console.log(`eval: no gold found under ${shared}`);

const misses: Miss[] = [];
const unseen = scores();
const unseenPairs: Ratio = { right: 0, judged: 0 };
const perStory: string[] = [];
for (const s of stories) {
  const storyMisses: Miss[] = [];
  const { sc, pairs } = scoreStory(s, storyMisses);
  printScores(`eval: ${s.name} (${s.docs.length} articles)`, sc, pairs);
  if (s.name !== 'corpus') {
    add(unseen, sc);
    unseenPairs.right += pairs.right;
    unseenPairs.judged += pairs.judged;
    misses.push(...storyMisses);
  }
  perStory.push(
    `  ${s.name.padEnd(40)} ent ${f3(prf(sc.entities).f1)}  pairs ${f3(pairs.right / (pairs.judged || 1))}  dates ${f3(prf(sc.dates).f1)}  values ${f3(sc.dates.right / (sc.dates.judged || 1))}  att ${f3(prf(sc.attributions).f1)}  sources ${f3(sc.attributions.right / (sc.attributions.judged || 1))}`,
  );
}

// Cross-article scores: each story on its own, then all stories in one workspace (pairs across stories count as false).
const crossStories = stories.filter(s => s.cross);
for (const s of crossStories) {
  printCross(
    `eval: across the articles of ${s.name}`,
    crossCheck(s.docs.map(d => ({ doc: d.path, text: d.text, analysis: d.analysis }))),
    s.cross!,
  );
}
if (crossStories.length > 1) {
  const all = crossStories.flatMap(s => s.docs.map(d => ({ doc: d.path, text: d.text, analysis: d.analysis })));
  const gold: CrossGold = {
    claims: crossStories.flatMap(s =>
      s.cross!.claims.map(c => ({
        ...c,
        id: `${s.name}:${c.id}`,
        mentions: c.mentions.map(m => ({ ...m, doc: join(dirname(s.docs[0].path), m.doc) })),
      })),
    ),
    sources: crossStories.flatMap(s => s.cross!.sources.map(x => ({ ...x, speaker: x.speaker }))),
  };
  printCross(
    `eval: all ${crossStories.length} stories in one workspace (${all.length} articles)`,
    crossCheck(all),
    gold,
  );
}

// The demo articles, with our own gold.
const ours = readdirSync(join(root, 'test/gold'))
  .filter(f => f.endsWith('.gold.json'))
  .sort()
  .map(f => JSON.parse(readFileSync(join(root, 'test/gold', f), 'utf8')) as CompactGold);
const demo = cli(ours.map(g => join(root, 'samples', g.doc)));
const demoScores = scores();
const demoPairs: Ratio = { right: 0, judged: 0 };
demo.forEach((d, i) => {
  const text = readFileSync(d.path, 'utf8');
  const p = canonicalPairs(scoreDocument(demoScores, d, expandGold(text, ours[i]), text, [], ours[i].doc));
  demoPairs.right += p.right;
  demoPairs.judged += p.judged;
});
printScores(`eval: ${ours.length} demo articles in samples/ (gold in test/gold)`, demoScores, demoPairs);

// The summary: per story, then the unseen stories together (everything but the corpus the engine was first built on).
console.log('eval: per story (F1 for ent/dates/att; pairs, values and sources are the share right)');
for (const l of perStory) console.log(l);
const unseenCount = stories.filter(s => s.name !== 'corpus').length;
if (unseenCount > 0) printScores(`eval: all ${unseenCount} stories of ../shared/stories together`, unseen, unseenPairs);

// Error kinds over the stories (not the corpus), most frequent first, with one example each.
if (misses.length > 0) {
  const kinds = new Map<string, Miss[]>();
  for (const m of misses) kinds.set(m.kind, [...(kinds.get(m.kind) ?? []), m]);
  const sorted = [...kinds.entries()].sort((a, b) => b[1].length - a[1].length);
  console.log(`eval: most frequent errors on ../shared/stories (${misses.length} in all)`);
  for (const [kind, ms] of sorted.slice(0, errorKinds))
    console.log(`  ${String(ms.length).padStart(4)}  ${kind.padEnd(34)} e.g. ${ms[0].where}: ${ms[0].example}`);
  if (verbose) for (const m of misses) console.log(`  ${m.kind.padEnd(34)} ${m.where}: ${m.example}`);
}
