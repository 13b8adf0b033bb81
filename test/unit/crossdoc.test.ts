// Across articles: sources merged, claims matched through an index, disagreements found and named.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { analyze } from '../../src/core';
import { crossCheck } from '../../src/core/cross/crossdoc';
import { type CrossGold, scoreCross } from '../../bench/score';
import { CLI, CORPUS, ROOT, SHARED, needShared } from './paths';

const load = (paths: string[], story?: string) =>
  paths.map(p => {
    const text = readFileSync(p, 'utf8');
    return { doc: p.split('/').slice(-2).join('/'), text, analysis: analyze(text, story ? { storyDate: story } : {}) };
  });

describe('cross-article checks', () => {
  const ferry = ['nordwire.txt', 'harbour-daily.md', 'coastal-gazette.news'].map(f => join(ROOT, 'samples/ferry', f));

  it('finds the demo story’s disagreements: a count, a date, a hedge', () => {
    const r = crossCheck(load(ferry, '2026-03-05'));
    const kinds = (k: string) => r.conflicts.filter(c => c.kind === k);
    assert.ok(
      kinds('number').some(
        c =>
          /Two crew.*Three crew|Three crew.*Two crew/.test(c.explanation) &&
          [c.a.text, c.b.text].some(t => t.startsWith('Two crew members')),
      ),
      JSON.stringify(r.conflicts.map(c => c.explanation)),
    );
    assert.ok(
      kinds('date').some(c => /2026-01/.test(c.explanation) && /2026-02/.test(c.explanation)),
      'mid-January against mid-February',
    );
    assert.ok(kinds('hedge').some(c => /reportedly/.test(c.explanation)));
    for (const c of r.conflicts) assert.notEqual(c.a.doc, c.b.doc);
  });

  it('merges each source across articles and says what kind it is', () => {
    const r = crossCheck(load(ferry, '2026-03-05'));
    const dahl = r.sources.find(s => s.speaker === 'Henrik Dahl')!;
    assert.equal(dahl.kind, 'person');
    assert.equal(dahl.documents.length, 3);
    assert.ok(dahl.quotes.some(q => q.text.startsWith('We will not let')));
    assert.equal(r.sources.find(s => s.speaker.startsWith('anonymous sources (2)'))?.kind, 'anonymous');
    assert.equal(r.sources.find(s => s.speaker === 'Norwegian Maritime Authority')?.documents.length, 2);
  });

  it('matches claims through an index, not by comparing every sentence with every other', () => {
    // Forty copies of the story's articles, each copy's sentences made distinct.
    const base = load(ferry, '2026-03-05');
    const many = Array.from({ length: 40 }, (_, k) =>
      base.map(a => {
        const text = a.text.replace(/\b(Polarlinje|Tromsø)\b/g, `$1${k}`);
        return { doc: `${k}/${a.doc}`, text, analysis: analyze(text, { storyDate: '2026-03-05' }) };
      }),
    ).flat();
    const r = crossCheck(many);
    const n = r.stats.statements;
    assert.ok(n > 500);
    assert.ok(r.stats.scored < (n * n) / 8, `${r.stats.scored} pairs scored for ${n} statements`);
  });

  describe('on ../shared/corpus', function () {
    before(function () {
      needShared(this);
    });

    it('finds the conflicting claims of the gold (recall ≥ 0.75 at precision ≥ 0.9) and every gold source', () => {
      const files = readdirSync(CORPUS)
        .filter(f => f.endsWith('.txt'))
        .sort()
        .map(f => join(CORPUS, f));
      const r = crossCheck(load(files, '2026-02-22'));
      const s = scoreCross(r, JSON.parse(readFileSync(join(CORPUS, 'gold/cross.gold.json'), 'utf8')) as CrossGold);
      assert.ok(s.conflicts.recall >= 0.75, `recall ${s.conflicts.recall} (missed ${s.conflicts.missed.join(' ')})`);
      assert.ok(s.conflicts.precision >= 0.9, `precision ${s.conflicts.precision}`);
      assert.deepEqual(s.sources.missing, []);
    });

    it('newsmark check prints the contract’s JSON and exits 1 when articles conflict', () => {
      const schema = JSON.parse(readFileSync(join(SHARED, 'contracts/check.schema.json'), 'utf8'));
      const validate = new Ajv2020({ strict: false }).compile(schema);
      const files = readdirSync(CORPUS)
        .filter(f => f.endsWith('.txt'))
        .map(f => join(CORPUS, f));
      const r = spawnSync(process.execPath, [CLI, 'check', '--json', ...files], { encoding: 'utf8' });
      assert.equal(r.status, 1, r.stderr);
      type M = { doc: string; start: number; end: number; text: string };
      const json = JSON.parse(r.stdout) as { conflicts: { a: M; b: M }[] };
      assert.ok(validate(json), JSON.stringify(validate.errors));
      for (const c of json.conflicts)
        for (const m of [c.a, c.b]) assert.equal(readFileSync(m.doc, 'utf8').slice(m.start, m.end), m.text);
      const one = spawnSync(process.execPath, [CLI, 'check', files[0]], { encoding: 'utf8' });
      assert.equal(one.status, 0, 'one article cannot disagree with itself');
      const missing = spawnSync(process.execPath, [CLI, 'check', '--json', files[0], join(CORPUS, 'nope.txt')], {
        encoding: 'utf8',
      });
      assert.equal(missing.status, 2);
      assert.ok(validate(JSON.parse(missing.stdout)));
    });
  });
});
