// The engine on the real articles of ../shared/corpus, read by path: the obvious cases a reader expects,
// and the gold scores as a floor that a change must not break.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../src/core';
import { type Gold, prf, scoreDocument, scores } from '../../bench/score';
import { CORPUS, needShared } from './paths';

describe('engine on ../shared/corpus', function () {
  let docs: { name: string; text: string; a: Analysis }[] = [];
  before(function () {
    needShared(this);
    const names = readdirSync(CORPUS)
      .filter(f => f.endsWith('.txt'))
      .sort();
    const texts = names.map(n => readFileSync(join(CORPUS, n), 'utf8'));
    // As the CLI does: articles without a date of their own take years from the story's latest dated article.
    const story =
      texts
        .map(t => analyze(t).published)
        .filter(Boolean)
        .sort()
        .pop() ?? null;
    docs = names.map((name, i) => ({ name, text: texts[i], a: analyze(texts[i], { storyDate: story }) }));
    assert.ok(docs.length >= 3, 'expected at least three corpus articles');
  });
  const doc = (prefix: string) => docs.find(d => d.name.startsWith(prefix))!;
  const has = (a: Analysis, text: string, type: string, canonical?: string) =>
    a.entities.some(e => e.text === text && e.type === type && (!canonical || e.canonical === canonical));

  it('every span is the text at its offsets', () => {
    for (const { name, text, a } of docs) {
      const spans = [
        ...a.entities,
        ...a.dates,
        ...a.attributions.flatMap(x => [x.content, x.source, x.cue].filter(s => s !== null)),
      ];
      for (const s of spans) assert.equal(text.slice(s!.start, s!.end), s!.text, `${name} @${s!.start}`);
    }
  });

  it('finds named people, with titles outside the name and one canonical name per person', () => {
    const a = doc('000').a;
    assert.ok(has(a, 'Delcy Rodriguez', 'PERSON'), 'Interim President Delcy Rodriguez → Delcy Rodriguez');
    assert.ok(has(a, 'Alejandro Velasco', 'PERSON'));
    assert.ok(has(a, 'Frank Mora', 'PERSON'));
    const rodriguez = a.entities.filter(e => e.text === 'Rodriguez');
    assert.ok(rodriguez.length >= 3);
    assert.ok(
      rodriguez.every(e => e.canonical === 'Delcy Rodriguez'),
      'a surname takes the full name as canonical',
    );
    assert.ok(has(doc('003').a, 'Rodríguez', 'PERSON', 'Delcy Rodríguez'), 'accented surname folds to the person');
  });

  it('finds countries, cities, organisations and nationalities with the right types', () => {
    const a = doc('000').a;
    assert.ok(has(a, 'Venezuela', 'PLACE'));
    assert.ok(has(a, 'Havana', 'PLACE'));
    assert.ok(has(a, 'Caracas', 'PLACE'));
    assert.ok(has(a, 'U.S.', 'PLACE', 'United States'));
    assert.ok(has(a, 'New York University', 'ORG'));
    assert.ok(!has(a, 'New York', 'PLACE'), 'longest name wins: no PLACE inside New York University');
    assert.ok(has(a, 'White House', 'ORG'));
    assert.ok(has(a, 'Cuban', 'NORP'));
    assert.ok(has(doc('002').a, 'Reuters', 'ORG'));
  });

  it('resolves "January 3" and "mid-December" to calendar values', () => {
    const jan3 = doc('000').a.dates.filter(d => d.text === 'January 3');
    assert.equal(jan3.length, 2);
    assert.ok(jan3.every(d => d.value === '2026-01-03' && d.mod === null));
    const midDec = doc('002').a.dates.find(d => d.text === 'mid-December');
    assert.deepEqual(midDec && { value: midDec.value, mod: midDec.mod }, { value: '2025-12', mod: 'MID' });
    const decade = doc('002').a.dates.find(d => d.text === 'late 2000s');
    assert.deepEqual(decade && { value: decade.value, mod: decade.mod }, { value: '200', mod: 'LATE' });
  });

  it('takes the publication date from a date line, and resolves relative dates only against it', () => {
    assert.equal(doc('003').a.published, '2026-02-22');
    const recent = doc('003').a.dates.find(d => d.text === 'recent weeks');
    assert.deepEqual(recent && [recent.value, recent.mod, recent.relative], ['2026-02', 'APPROX', true]);
    assert.equal(doc('000').a.published, null);
    const unanchored = doc('000').a.dates.find(d => d.text === 'recent weeks');
    assert.deepEqual(unanchored && [unanchored.value, unanchored.relative], [null, true]);
  });

  it('attributes quotes with "said X" and claims "according to" sources', () => {
    const a = doc('000').a;
    const velasco = a.attributions.find(x => x.speaker === 'Alejandro Velasco');
    assert.ok(velasco, 'the Velasco quote');
    assert.equal(velasco!.kind, 'direct');
    assert.equal(velasco!.cue?.text, 'said');
    assert.equal(velasco!.content.text, 'The Cuban influence was absolutely essential');
    const according = a.attributions.find(x => x.cue?.text === 'according to');
    assert.ok(according, 'the according-to claim');
    assert.equal(according!.source?.text, 'multiple sources');
    const mora = a.attributions.filter(x => x.speaker === 'Frank Mora');
    assert.equal(mora.length, 2, 'a quote that continues the speaker’s previous one');
    assert.equal(mora[1].cue, null);
  });

  it('stays at or above its scores against the gold annotations', function () {
    const total = scores();
    for (const d of docs) {
      const gold = JSON.parse(
        readFileSync(join(CORPUS, 'gold', d.name.replace(/\.txt$/, '.gold.json')), 'utf8'),
      ) as Gold;
      scoreDocument(total, d.a, gold);
    }
    const e = prf(total.entities).f1;
    const dt = prf(total.dates).f1;
    const at = prf(total.attributions).f1;
    assert.ok(e >= 0.92, `entity F1 ${e.toFixed(3)}`);
    assert.ok(dt >= 0.95, `date F1 ${dt.toFixed(3)}`);
    assert.ok(total.dates.right / total.dates.judged >= 0.9, 'date values');
    assert.ok(at >= 0.85, `attribution F1 ${at.toFixed(3)}`);
    assert.ok(total.attributions.right / total.attributions.judged >= 0.9, 'speakers');
  });
});
