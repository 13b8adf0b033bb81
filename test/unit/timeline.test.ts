// The timeline's data: every resolved date on the calendar, in order, with the dates articles disagree on marked.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';
import { analyze } from '../../src/core';
import { crossCheck } from '../../src/core/cross/crossdoc';
import { fromDays, isoWeek } from '../../src/core/engine/text';
import { daysOf, timelineOf } from '../../src/core/cross/timeline';
import { dateLabel } from '../../src/extension/timelineLabels';

describe('timeline', () => {
  it('places every kind of resolved value on the calendar', () => {
    const iso = (n: number) =>
      fromDays(n)
        .map((x, i) => String(x).padStart(i ? 2 : 4, '0'))
        .join('-');
    assert.deepEqual(daysOf('2026-03-04')!.map(iso), ['2026-03-04', '2026-03-04']);
    assert.deepEqual(daysOf('2024-02')!.map(iso), ['2024-02-01', '2024-02-29']);
    assert.deepEqual(daysOf('2025')!.map(iso), ['2025-01-01', '2025-12-31']);
    assert.deepEqual(daysOf('199')!.map(iso), ['1990-01-01', '1999-12-31']);
    assert.equal(daysOf('not a date'), null);
    // Weeks: every day of the week range is in that ISO week, across year ends too.
    for (const w of ['2026-W01', '2026-W10', '2020-W53', '2027-W52']) {
      const [a, b] = daysOf(w)!;
      assert.equal(b - a, 6);
      for (let d = a; d <= b; d++) assert.equal(isoWeek(...fromDays(d)), w, `${iso(d)} in ${w}`);
    }
    assert.equal(dateLabel('2026-03-04'), '4 Mar 2026');
    assert.equal(dateLabel('2026-W10'), 'week 10 of 2026');
  });

  it('lists the demo story’s dates in calendar order, and marks the one the articles disagree on', () => {
    const articles = ['nordwire.txt', 'harbour-daily.md', 'coastal-gazette.news'].map(f => {
      const text = readFileSync(join(ROOT, 'samples/ferry', f), 'utf8');
      return { doc: f, text, analysis: analyze(text, { storyDate: '2026-03-05' }) };
    });
    const r = crossCheck(articles);
    const events = timelineOf(articles, r.conflicts);
    const dated = articles.reduce((t, a) => t + a.analysis.dates.filter(d => d.value).length, 0);
    assert.equal(events.length, dated);
    for (let i = 1; i < events.length; i++) assert.ok(events[i - 1].from <= events[i].from);
    for (const e of events) {
      const a = articles.find(x => x.doc === e.doc)!;
      assert.equal(a.text.slice(e.start, e.end), e.mention);
      assert.ok(e.sentence.includes(e.mention.replace(/\s+/g, ' ')), e.sentence);
    }
    const dateConflicts = r.conflicts.filter(c => c.kind === 'date');
    assert.ok(dateConflicts.length > 0);
    const marked = events.filter(e => e.disagrees.length);
    assert.ok(marked.length >= 2, 'both sides of a date conflict are marked');
    for (const e of marked) assert.ok(e.disagrees.every(d => d.doc !== e.doc));
  });
});
