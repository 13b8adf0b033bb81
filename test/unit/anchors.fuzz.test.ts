// Anchors under random edits: 1,000+ edit scripts (insertions, deletions, replacements, reflowed and moved
// paragraphs, typo fixes) over the corpus articles and the demo articles, each with annotations on the text.
// Every character remembers where it came from, so the test knows where each annotation's words went.
// Figures: the share of annotations whose words survived that are found again on exactly those words (goal
// ≥ 99.5%), and the annotations found on words other than their own (goal: 0).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core';
import { anchorAt, locate } from '../../src/core/anchor';
import { CORPUS, ROOT } from './paths';

/** A text whose characters carry the offset they had in the original (-1: typed since). */
interface Traced { chars: string[]; origin: number[] }

function makeRng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => { s = (s * 1664525 + 1013904223) >>> 0; return s % n; };
}

const WORDS = ['the', 'minister', 'said', 'on', 'Tuesday', 'port', 'officials', 'a', 'new', 'report', 'which', 'was',
  'not', 'confirmed', 'in', 'Oslo', 'and', 'more', 'than', '40', 'people', '“quoted”', 'reportedly', 'however'];

function randomWords(rng: (n: number) => number, n: number): string {
  return Array.from({ length: n }, () => WORDS[rng(WORDS.length)]).join(' ');
}

type Op = (t: Traced, rng: (n: number) => number) => string;
const wordStart = (t: Traced, rng: (n: number) => number) => {
  const i = rng(t.chars.length + 1);
  let j = i;
  while (j > 0 && !/\s/.test(t.chars[j - 1])) j--;
  return j;
};
const OPS: Record<string, Op> = {
  insert(t, rng) {
    const at = wordStart(t, rng);
    const s = randomWords(rng, 1 + rng(6)) + ' ';
    t.chars.splice(at, 0, ...s);
    t.origin.splice(at, 0, ...Array(s.length).fill(-1));
    return 'insert';
  },
  delete(t, rng) {
    const at = rng(t.chars.length);
    const n = 1 + rng(60);
    t.chars.splice(at, n);
    t.origin.splice(at, n);
    return 'delete';
  },
  replace(t, rng) {
    const at = wordStart(t, rng);
    const n = 1 + rng(25);
    const s = randomWords(rng, 1 + rng(4));
    t.chars.splice(at, n, ...s);
    t.origin.splice(at, n, ...Array(s.length).fill(-1));
    return 'replace';
  },
  reflow(t, rng) {
    // Re-wrap a stretch: spaces become line breaks and line breaks spaces; every character keeps its origin.
    const at = rng(t.chars.length);
    for (let i = at; i < Math.min(t.chars.length, at + 400); i++) {
      if (t.chars[i] === ' ' && rng(8) === 0) t.chars[i] = '\n';
      else if (t.chars[i] === '\n' && rng(2) === 0) t.chars[i] = ' ';
    }
    return 'reflow';
  },
  move(t, rng) {
    // Cut a paragraph and paste it at another paragraph break.
    const breaks: number[] = [0];
    t.chars.forEach((c, i) => { if (c === '\n') breaks.push(i + 1); });
    if (breaks.length < 3) return 'move (too few paragraphs)';
    const k = rng(breaks.length - 1);
    const [s, e] = [breaks[k], breaks[k + 1]];
    const cut = t.chars.splice(s, e - s);
    const cutO = t.origin.splice(s, e - s);
    const rest: number[] = [0];
    t.chars.forEach((c, i) => { if (c === '\n') rest.push(i + 1); });
    const to = rest[rng(rest.length)];
    t.chars.splice(to, 0, ...cut);
    t.origin.splice(to, 0, ...cutO);
    return 'move';
  },
  typo(t, rng) {
    // Fix (or make) a typo: one letter inside a word changes.
    for (let tries = 0; tries < 20; tries++) {
      const i = rng(t.chars.length);
      if (/[a-z]/.test(t.chars[i])) {
        t.chars[i] = String.fromCharCode(97 + ((t.chars[i].charCodeAt(0) - 97 + 1 + rng(24)) % 26));
        t.origin[i] = -1;
        return 'typo';
      }
    }
    return 'typo (none)';
  },
};

/** Word-aligned spans chosen at random, and some of the engine's own findings. */
function annotationsOf(text: string, rng: (n: number) => number): [number, number][] {
  const spans: [number, number][] = [];
  const words = [...text.matchAll(/\S+/g)].map(m => [m.index!, m.index! + m[0].length] as [number, number]);
  for (let k = 0; k < 10 && words.length > 10; k++) {
    const i = rng(words.length - 8);
    const j = i + rng(8);
    let [s, e] = [words[i][0], words[j][1]];
    while (e > s && /[.,;:]/.test(text[e - 1])) e--;
    if (e > s) spans.push([s, e]);
  }
  const a = analyze(text);
  for (const x of a.entities.filter((_, i) => i % 5 === 0)) spans.push([x.start, x.end]);
  for (const x of a.attributions) spans.push([x.content.start, x.content.end]);
  return spans;
}

describe('anchors under random edits', function () {
  this.timeout(120000);
  it('finds surviving annotations on exactly their words, and never on other words', () => {
    const files = [
      ...(existsSync(CORPUS) ? readdirSync(CORPUS).filter(f => f.endsWith('.txt')).map(f => join(CORPUS, f)) : []),
      ...['ferry/nordwire.txt', 'ferry/harbour-daily.md', 'ferry/coastal-gazette.news', 'election/coastline-wire.txt', 'election/daily-ledger.md']
        .map(f => join(ROOT, 'samples', f)),
    ];
    const rng = makeRng(20261123);
    const SCRIPTS = Math.ceil(1040 / files.length);
    let scripts = 0;
    let survived = 0;
    let refound = 0;
    let wrong = 0;
    let orphanedSurvivors = 0;
    const ops = new Map<string, number>();
    const failures: string[] = [];
    for (const f of files) {
      const original = readFileSync(f, 'utf8');
      const spans = annotationsOf(original, rng);
      const anchors = spans.map(([s, e]) => anchorAt(original, s, e));
      for (let k = 0; k < SCRIPTS; k++) {
        scripts++;
        // One entry per UTF-16 unit (split(''), not [...s]), so origins are offsets as the anchors count them.
        const chars = original.split('');
        const t: Traced = { chars, origin: chars.map((_, i) => i) };
        const names = Object.keys(OPS);
        for (let n = 1 + rng(5); n > 0; n--) {
          const op = names[rng(names.length)];
          ops.set(op, (ops.get(op) ?? 0) + 1);
          OPS[op](t, rng);
        }
        const text = t.chars.join('');
        const where = new Map<number, number>();
        t.origin.forEach((o, i) => { if (o >= 0) where.set(o, i); });
        for (const a of anchors) {
          const mapped: number[] = [];
          for (let o = a.start; o < a.end; o++) if (where.has(o)) mapped.push(where.get(o)!);
          const complete = mapped.length === a.end - a.start && mapped.every((p, i) => i === 0 || p === mapped[i - 1] + 1);
          const found = locate(text, a);
          if (complete) {
            survived++;
            if (found.start === mapped[0] && found.end === mapped[mapped.length - 1] + 1) refound++;
            else if (found.status === 'orphaned') orphanedSurvivors++;
          }
          if (found.status !== 'orphaned') {
            const own = new Set(mapped);
            let overlaps = false;
            for (let p = found.start!; p < found.end! && !overlaps; p++) overlaps = own.has(p);
            if (!overlaps) {
              wrong++;
              if (failures.length < 5) failures.push(`${f.split('/').pop()}: "${a.exact.slice(0, 40)}" landed on "${text.slice(found.start!, found.end!).slice(0, 40)}" (${found.how}, ${found.confidence.toFixed(2)}); stored ${JSON.stringify(a.prefix)} | ${JSON.stringify(a.suffix)}; found ${JSON.stringify(text.slice(Math.max(0, found.start! - 32), found.start!))} | ${JSON.stringify(text.slice(found.end!, found.end! + 32))}`);
            }
          }
        }
      }
    }
    const rate = refound / survived;
    console.log(`      ${scripts} edit scripts (${[...ops].map(([k, v]) => `${k} ${v}`).join(', ')})`);
    console.log(`      surviving annotations found again on exactly their words: ${refound}/${survived} = ${(rate * 100).toFixed(2)}% (orphaned ${orphanedSurvivors})`);
    console.log(`      annotations found on words other than their own: ${wrong}`);
    failures.forEach(x => console.log(`        ${x}`));
    assert.ok(scripts >= 1000);
    assert.ok(rate >= 0.995, `re-found ${(rate * 100).toFixed(2)}%`);
    assert.equal(wrong, 0);
  });
});
