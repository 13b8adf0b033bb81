// Compact records for the cross-article check: a check of articles reduced one by one, as they are analysed, reports
// exactly what a check of their whole analyses reports.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core';
import { checkInputOf, CrossChecker } from '../../src/core/cross/checkInput';
import { crossCheck } from '../../src/core/cross/crossdoc';
import { DEMO_ARTICLES, ROOT } from './paths';

const SAMPLES = DEMO_ARTICLES;

// Invented for this test: two reports of one fire that disagree on a count and a day.
const FIRE_A =
  'Fire crews in Lowmarsh said on Monday that 12 warehouses burned overnight near the old canal docks.\n\n' +
  'Chief Ida Brannock said the blaze started in a paint store shortly before midnight.\n';
const FIRE_B =
  'Fire crews in Lowmarsh said on Monday that 17 warehouses burned overnight near the old canal docks.\n\n' +
  '“It started in the paint store after midnight,” Chief Ida Brannock told reporters.\n';

const articles = () => [
  ...SAMPLES.map(p => {
    const text = readFileSync(join(ROOT, 'samples', p), 'utf8');
    return { doc: p, text, analysis: analyze(text, { storyDate: '2026-03-05' }) };
  }),
  { doc: 'fire-a.txt', label: 'Lowmarsh Post', text: FIRE_A, analysis: analyze(FIRE_A, { published: '2031-02-03' }) },
  { doc: 'fire-b.txt', text: FIRE_B, analysis: analyze(FIRE_B, { published: '2031-02-03' }) },
  // The same text under two names: one report, counted as such.
  { doc: 'fire-copy.txt', text: FIRE_B, analysis: analyze(FIRE_B, { published: '2031-02-03' }) },
];

describe('compact records for the cross-article check', () => {
  it('give the same sources, claims, conflicts and copies as the whole analyses, added one by one', () => {
    const whole = crossCheck(articles());
    assert.ok(whole.conflicts.length >= 2, 'the samples and the fire reports disagree');
    assert.ok(whole.claims.length >= 3);
    const checker = new CrossChecker();
    for (const a of articles()) checker.add(a);
    assert.equal(checker.size, SAMPLES.length + 3);
    assert.equal(JSON.stringify(checker.result()), JSON.stringify(whole));
    // Checked again (the records kept), and let go.
    assert.equal(JSON.stringify(checker.result({}, true)), JSON.stringify(whole));
    assert.equal(checker.size, 0);
  });

  it('keep what the check reads of an article and not its dates, which are read into its statements', () => {
    const [a] = articles();
    assert.ok(a.analysis.dates.length > 0);
    const r = checkInputOf(a);
    assert.deepEqual(r.analysis.dates, []);
    assert.equal(r.analysis.entities, a.analysis.entities);
    assert.equal(r.analysis.attributions, a.analysis.attributions);
    assert.equal(r.analysis.published, a.analysis.published);
    // Its dated claims are still compared: the demo's mid-January against mid-February.
    const records = articles()
      .slice(0, 3)
      .map(x => checkInputOf(x));
    assert.ok(crossCheck(records).conflicts.some(c => c.kind === 'date'));
  });
});
