// The engine on our own demo articles (samples/), which are written to hold the hard cases on purpose.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/core';
import { ROOT } from './paths';

const read = (p: string) => readFileSync(join(ROOT, 'samples', p), 'utf8');

describe('engine on the demo articles', () => {
  const wire = read('ferry/nordwire.txt');
  const daily = read('ferry/harbour-daily.md');
  const gazette = read('ferry/coastal-gazette.news');
  const a = analyze(wire);

  it('reads the publication date from a "date" line and from a "Published:" line', () => {
    assert.equal(a.published, '2026-03-04');
    assert.equal(analyze(daily).published, '2026-03-05');
    assert.equal(analyze(gazette).published, null);
  });

  it('keeps two people who share a surname apart', () => {
    const dahls = a.entities.filter(e => /Dahl$/.test(e.text));
    const canon = new Set(dahls.map(e => e.canonical));
    assert.deepEqual([...canon].sort(), ['Henrik Dahl', 'Sofie Dahl']);
    // "Dahl told reporters" comes after the minister is named and before the chief executive is.
    const bare = dahls.find(e => e.text === 'Dahl')!;
    assert.equal(bare.canonical, 'Henrik Dahl');
  });

  it('types unknown names by the words around them and carries the type to other mentions', () => {
    const types = (name: string) => new Set(a.entities.filter(e => e.text === name).map(e => e.type));
    assert.deepEqual([...types('Tromsø')], ['PLACE'], 'near/outside Tromsø');
    assert.deepEqual([...types('Polarlinje')], ['ORG'], 'the ferry company Polarlinje');
    assert.ok(a.entities.some(e => e.text === 'Norwegian Maritime Authority' && e.type === 'ORG'));
    assert.ok(a.entities.some(e => e.text === 'José Álvarez' && e.type === 'PERSON'));
  });

  it('resolves weekdays and relative periods against the publication date', () => {
    const wed = a.dates.find(d => d.text === 'Wednesday');
    assert.deepEqual(wed && [wed.value, wed.relative], ['2026-03-04', true]);
    const mon = analyze(daily).dates.find(d => d.text === 'Monday');
    assert.equal(mon?.value, '2026-03-02');
    const midFeb = a.dates.find(d => d.text === 'mid-February');
    assert.deepEqual(midFeb && [midFeb.value, midFeb.mod], ['2026-02', 'MID']);
    const nextMonth = analyze(gazette).dates.find(d => d.text === 'next month');
    assert.deepEqual(
      nextMonth && [nextMonth.value, nextMonth.relative],
      [null, true],
      'no publication date: stays unresolved',
    );
  });

  it('finds quotes that continue the speaker’s previous quote, and counted anonymous sources', () => {
    const dahl = a.attributions.filter(x => x.speaker === 'Henrik Dahl');
    assert.ok(dahl.some(x => x.kind === 'direct' && x.cue?.text === 'told reporters'));
    assert.ok(
      dahl.some(x => x.kind === 'direct' && x.cue === null && x.content.text.startsWith('Families in the north')),
    );
    const crew = a.attributions.find(x => x.cue?.text === 'told Nordwire');
    assert.equal(crew?.speaker, 'anonymous sources (3)');
  });

  it('attributes a claim whose source follows it ("…, the authority said")', () => {
    const d = analyze(daily);
    const radar = d.attributions.find(x => x.content.text.startsWith('The ferry'));
    assert.equal(radar?.speaker, 'Norwegian Maritime Authority');
    const mixed = analyze(gazette).attributions.find(x => x.speaker === 'Sofie Dahl');
    assert.equal(mixed?.kind, 'mixed');
  });
});
