// The engine over ../shared/basil (real articles, no gold), for reading its output and for checking a rule for
// regressions: dump what it finds before a change, dump again after, and read the differences.
// usage: node out/bench/basil.js dump FILE.json [DIR]      writes every article's findings (default DIR ../shared/basil)
//        node out/bench/basil.js diff BEFORE.json AFTER.json [--kind entities|dates|attributions] [--max N]
//        node out/bench/basil.js show ARTICLE_PATH             prints one article's findings in reading order

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyze, type Analysis } from '../src/core';
import { readSidecar } from '../src/core/annotations/sidecar';

const root = resolve(__dirname, '../..');
const basilDir = resolve(root, '../shared/basil');

type Kind = 'entities' | 'dates' | 'attributions';
/** One finding as a line of text, keyed by where it stands, so that two dumps can be compared item by item. */
interface Item {
  at: number;
  key: string;
  line: string;
}
type Dump = Record<string, Record<Kind, Item[]>>;

function articles(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...articles(p));
    else if (/\.(txt|md)$/.test(n)) out.push(p);
  }
  return out;
}

function published(path: string): string | null {
  try {
    const r = readSidecar(readFileSync(`${path}.newsmark.yaml`, 'utf8'));
    return (r.ok && r.file.data.document.published) || null;
  } catch {
    return null;
  }
}

const one = (s: string) => s.replace(/\s+/g, ' ');
const ctx = (text: string, start: number, end: number, w = 40) =>
  `…${one(text.slice(Math.max(0, start - w), start))}[${one(text.slice(start, end))}]${one(text.slice(end, end + w))}…`;

function items(text: string, a: Analysis): Record<Kind, Item[]> {
  return {
    entities: a.entities.map(e => ({
      at: e.start,
      key: `${e.start}:${e.end}:${e.type}:${e.canonical}`,
      line: `${e.type} ${JSON.stringify(e.text)} → ${e.canonical}  ${ctx(text, e.start, e.end)}`,
    })),
    dates: a.dates.map(d => ({
      at: d.start,
      key: `${d.start}:${d.end}:${d.value}:${d.mod}`,
      line: `${JSON.stringify(d.text)} → ${d.value}${d.mod ? ` ${d.mod}` : ''}  ${ctx(text, d.start, d.end)}`,
    })),
    attributions: a.attributions.map(x => ({
      at: x.content.start,
      key: `${x.content.start}:${x.content.end}:${x.source?.start}:${x.cue?.start}:${x.speaker}`,
      line: `${x.kind} source ${JSON.stringify(x.source?.text ?? null)} (${x.speaker}) cue ${JSON.stringify(x.cue?.text ?? null)} content ${ctx(text, x.content.start, x.content.end, 20)}`,
    })),
  };
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'dump') {
  const dir = resolve(rest[1] ?? basilDir);
  const out: Dump = {};
  for (const p of articles(dir)) {
    const text = readFileSync(p, 'utf8');
    out[relative(dir, p)] = items(text, analyze(text, { published: published(p) }));
  }
  writeFileSync(rest[0], JSON.stringify(out));
  const n = (k: Kind) => Object.values(out).reduce((s, d) => s + d[k].length, 0);
  console.log(
    `basil: ${Object.keys(out).length} articles: ${n('entities')} entities, ${n('dates')} dates, ${n('attributions')} attributions → ${rest[0]}`,
  );
} else if (cmd === 'diff') {
  const a = JSON.parse(readFileSync(rest[0], 'utf8')) as Dump;
  const b = JSON.parse(readFileSync(rest[1], 'utf8')) as Dump;
  const ki = rest.indexOf('--kind');
  const kinds: Kind[] = ki >= 0 ? [rest[ki + 1] as Kind] : ['entities', 'dates', 'attributions'];
  const mi = rest.indexOf('--max');
  const max = mi >= 0 ? Number(rest[mi + 1]) : Infinity;
  const totals: Record<string, [number, number]> = {};
  let shown = 0;
  for (const doc of Object.keys(b).sort()) {
    for (const k of kinds) {
      const before = new Set((a[doc]?.[k] ?? []).map(i => i.key));
      const after = new Set(b[doc][k].map(i => i.key));
      const gone = (a[doc]?.[k] ?? []).filter(i => !after.has(i.key)).map(i => ({ ...i, sign: '-' }));
      const come = b[doc][k].filter(i => !before.has(i.key)).map(i => ({ ...i, sign: '+' }));
      totals[k] = [(totals[k]?.[0] ?? 0) + gone.length, (totals[k]?.[1] ?? 0) + come.length];
      for (const i of [...gone, ...come].sort((x, y) => x.at - y.at || (x.sign < y.sign ? -1 : 1))) {
        if (shown++ < max) console.log(`${i.sign} ${doc} ${k.slice(0, 3)} ${i.line}`);
      }
    }
  }
  for (const k of kinds) console.log(`basil diff: ${k}: ${totals[k]?.[0] ?? 0} gone, ${totals[k]?.[1] ?? 0} new`);
} else if (cmd === 'show') {
  const p = resolve(rest[0]);
  const text = readFileSync(p, 'utf8');
  const r = items(text, analyze(text, { published: published(p) }));
  for (const k of ['entities', 'dates', 'attributions'] as Kind[]) {
    console.log(`== ${k}`);
    for (const i of r[k]) console.log(`  ${i.line}`);
  }
} else {
  console.error(
    'usage: basil.js dump FILE.json [DIR] | diff BEFORE.json AFTER.json [--kind K] [--max N] | show ARTICLE',
  );
  process.exit(2);
}
