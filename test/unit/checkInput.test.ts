// Compact records for the cross-article check: a check of articles reduced one by one, as they are analysed, reports
// exactly what a check of their whole analyses reports.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core';
import { checkInputOf, CrossChecker } from '../../src/core/cross/checkInput';
import { crossCheck } from '../../src/core/cross/crossdoc';
import { Packer } from '../../src/core/cross/packed';
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

  it('keep the article’s own findings (no copies of them), from which its dated claims are judged', () => {
    const [a] = articles();
    assert.ok(a.analysis.dates.length > 0);
    const r = checkInputOf(a);
    assert.equal(r.analysis.dates, a.analysis.dates);
    assert.equal(r.analysis.entities, a.analysis.entities);
    assert.equal(r.analysis.attributions, a.analysis.attributions);
    assert.equal(r.analysis.published, a.analysis.published);
    // Its dated claims are still compared: the demo's mid-January against mid-February.
    const records = articles()
      .slice(0, 3)
      .map(x => checkInputOf(x));
    assert.ok(crossCheck(records).conflicts.some(c => c.kind === 'date'));
  });

  it('give the same result when the articles of two stories come in turn, and beside whole analyses', () => {
    // The fire reports between the demo articles: the records' statements are made whole one story at a time.
    const all = articles();
    const fire = all.splice(-3);
    const mixed = [all[0], fire[0], all[1], fire[1], ...all.slice(2, -1), fire[2], all[all.length - 1]];
    const whole = crossCheck(mixed);
    assert.ok(whole.conflicts.length >= 2);
    const checker = new CrossChecker();
    for (const a of mixed) checker.add(a);
    assert.equal(JSON.stringify(checker.result()), JSON.stringify(whole));
    // Some articles as records, the others whole.
    const fresh = articles();
    const part = fresh.splice(-3);
    const some = [fresh[0], part[0], fresh[1], part[1], ...fresh.slice(2, -1), part[2], fresh[fresh.length - 1]].map(
      (x, k) => (k % 2 ? checkInputOf(x) : x),
    );
    assert.equal(JSON.stringify(crossCheck(some)), JSON.stringify(whole));
  });

  it('pack an analysis small and give it back equal, findings and all', () => {
    const packer = new Packer();
    for (const a of articles()) {
      const packed = packer.pack(a.text, a.analysis);
      assert.deepEqual(packer.unpack(a.text, a.analysis.published, packed), a.analysis);
    }
    // A finding whose text is not the article's there (made by hand) is kept as given.
    const text = 'Mayor Ana Voss said the bridge would reopen.';
    const own = analyze(text);
    own.entities.push({ text: 'A. Voss', start: 6, end: 14, type: 'PERSON', canonical: 'Ana Voss' });
    assert.deepEqual(packer.unpack(text, null, packer.pack(text, own)), { ...own, published: null });
  });

  it('name a speaker by the workspace’s full name, as a check of the whole analyses does', () => {
    // Invented: one article gives the full name, the other only a title and the surname.
    const A = 'Councillor Mara Quennell said on Tuesday that the ferry pier would close for 40 days in June.\n';
    const B = 'Ms. Quennell said on Tuesday that the ferry pier would close for 60 days in June, not 40.\n';
    const make = () => [
      { doc: 'a.txt', text: A, analysis: analyze(A, { published: '2030-05-02' }) },
      { doc: 'b.txt', text: B, analysis: analyze(B, { published: '2030-05-02' }) },
    ];
    const whole = crossCheck(make());
    assert.ok(whole.sources.some(s => s.speaker.endsWith('Mara Quennell') && s.documents.length === 2));
    assert.equal(whole.conflicts.length, 1);
    const checker = new CrossChecker();
    for (const a of make()) checker.add(a);
    assert.equal(JSON.stringify(checker.result({}, true)), JSON.stringify(whole));
  });
  it('read each text again when asked to keep none, with the same result, claims given one by one', () => {
    const whole = crossCheck(articles());
    const texts = new Map(articles().map(a => [a.doc, a.text]));
    const reads: string[] = [];
    const checker = new CrossChecker(doc => (reads.push(doc), texts.get(doc)!));
    for (const a of articles()) checker.add(a);
    const begun = checker.begin(true);
    assert.equal(JSON.stringify(begun.sources), JSON.stringify(whole.sources));
    assert.ok(reads.length >= texts.size, 'the texts were read again');
    begun.sources = [];
    const claims: unknown[] = [];
    const r = begun.check({}, c => claims.push(c));
    assert.equal(r.claims.length, 0, 'the claims were given, not listed');
    assert.equal(JSON.stringify(claims), JSON.stringify(whole.claims));
    assert.equal(JSON.stringify(r.conflicts), JSON.stringify(whole.conflicts));
    assert.equal(JSON.stringify(r.derived), JSON.stringify(whole.derived));
  });

  it('hold no quotation of the sources when asked, and give each source its quotations when it is written', () => {
    const whole = crossCheck(articles());
    const texts = new Map(articles().map(a => [a.doc, a.text]));
    const checker = new CrossChecker(doc => texts.get(doc)!);
    for (const a of articles()) checker.add(a);
    const begun = checker.begin(true, true);
    assert.ok(begun.sources.length > 3);
    assert.ok(
      begun.sources.every(s => s.quotes.every(q => q.text === '')),
      'the sources hold no text of their quotations',
    );
    assert.equal(JSON.stringify(begun.sources.map(s => begun.quoted(s))), JSON.stringify(whole.sources));
  });

  it('refuse to check an article whose text changed since it was added', () => {
    const texts = new Map(articles().map(a => [a.doc, a.text]));
    const checker = new CrossChecker(doc => texts.get(doc)!);
    for (const a of articles()) checker.add(a);
    texts.set('fire-b.txt', FIRE_B.replace('17 warehouses', '19 warehouses'));
    assert.throws(() => checker.result(), /fire-b\.txt: changed while it was checked/);
  });
});
