// Conflicts of the cross-article check over ../shared/basil (real articles, no gold), drawn at random with a fixed
// seed, printed with both sentences in full so that a person can read each one and judge whether it is real.
// basil is one folder per event (three articles each): a conflict across two folders pairs different stories and is
// marked so.
// usage: node out/bench/crossSample.js [--n 30] [--seed 20261130] [--dir DIR] [--all] [--kind KIND] [--json FILE]
//   --all       print every conflict instead of a sample
//   --kind K    draw only from conflicts of kind K
//   --json F    also write the drawn conflicts to F (for comparing two readings)

import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { runCheck } from '../src/cli/check';
import type { CrossConflict } from '../src/core/cross/crossdoc';
import { readSidecar } from '../src/core/annotations/sidecar';

const root = resolve(__dirname, '../..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function published(path: string): string | null {
  try {
    const r = readSidecar(readFileSync(`${path}.newsmark.yaml`, 'utf8'));
    return (r.ok && r.file.data.document.published) || null;
  } catch {
    return null;
  }
}

/** A small seeded generator (mulberry32): the same seed draws the same conflicts from the same list. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** k items of xs drawn without replacement, in the order drawn. */
function sample<T>(xs: T[], k: number, rnd: () => number): T[] {
  const a = [...xs];
  const n = Math.min(k, a.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rnd() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, n);
}

const dir = resolve(arg('--dir') ?? resolve(root, '../shared/basil'));
const n = Number(arg('--n') ?? 30);
const seed = Number(arg('--seed') ?? 20261130);
const kind = arg('--kind');
async function main(): Promise<void> {
  const started = Date.now();
  const r = await runCheck([dir], published);
  const all = r.conflicts.filter(c => !kind || c.kind === kind);
  const event = (doc: string) => relative(dir, dirname(doc)) || '.';
  const across = (c: CrossConflict) => event(c.a.doc) !== event(c.b.doc);

  const byKind = new Map<string, number>();
  for (const c of r.conflicts) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  console.log(
    `${r.documents.length} articles, ${r.conflicts.length} conflicts (${[...byKind]
      .sort((x, y) => y[1] - x[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}); ` +
      `${r.conflicts.filter(across).length} pair different events; ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const drawn = process.argv.includes('--all') ? all : sample(all, n, random(seed));
  const one = (s: string) => s.replace(/\s+/g, ' ').trim();
  drawn.forEach((c, k) => {
    console.log('');
    console.log(
      `#${k + 1} [${c.kind}${c.confidence !== undefined ? ` ${c.confidence.toFixed(2)}` : ''}]${across(c) ? ' DIFFERENT EVENTS' : ''} ${c.explanation}`,
    );
    for (const m of [c.a, c.b]) console.log(`   ${event(m.doc)}/${basename(m.doc)}: ${one(m.text)}`);
  });
  const out = arg('--json');
  if (out)
    writeFileSync(
      out,
      JSON.stringify(
        drawn.map(c => ({ kind: c.kind, confidence: c.confidence, explanation: c.explanation, a: c.a, b: c.b })),
        null,
        1,
      ),
    );
}

void main();
