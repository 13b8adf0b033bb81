// The engine's calendar arithmetic (no Date objects, no time zones) against the platform's UTC calendar.
import * as assert from 'node:assert/strict';
import { fromDays, isoWeek, toDays, weekday } from '../../src/core/engine/text';
import { describeDateValue } from '../../src/core';

describe('calendar', () => {
  it('agrees with Date.UTC on every day from 1990 to 2040', () => {
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2041, 0, 1); t += 86400000) {
      const d = new Date(t);
      const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      const n = toDays(y, m, day);
      assert.equal(n, t / 86400000);
      assert.deepEqual(fromDays(n), [y, m, day]);
      assert.equal(weekday(y, m, day), (d.getUTCDay() + 6) % 7);
    }
  });

  it('numbers ISO weeks across year ends', () => {
    assert.equal(isoWeek(2026, 3, 4), '2026-W10');
    assert.equal(isoWeek(2026, 3, 9), '2026-W11');
    assert.equal(isoWeek(2021, 1, 3), '2020-W53');
    assert.equal(isoWeek(2024, 12, 30), '2025-W01');
  });

  it('says dates in words', () => {
    assert.equal(describeDateValue({ value: '2025-12', mod: 'MID' }), 'mid-December 2025');
    assert.equal(describeDateValue({ value: '200', mod: 'LATE' }), 'the late 2000s');
    assert.equal(describeDateValue({ value: '2026-01-03', mod: null }), '3 January 2026');
    assert.equal(describeDateValue({ value: '2026-02', mod: 'APPROX' }), 'about February 2026');
    assert.equal(describeDateValue({ value: null, mod: null }), null);
  });
});
