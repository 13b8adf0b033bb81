// A re-check of the same analyses (warm) reports what a check of fresh analyses reports, also when the workspace
// around them changed between the two checks.
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { crossCheck } from '../../src/core/cross/crossdoc';

const PIER =
  'Port officials met on Monday to discuss the new pier. Quillon said the pier would open to ferries in May after the dredging ends.\n';
const DIRECTOR =
  'The port director, Marta Quillon, spoke to reporters. Marta Quillon said the pier would open to ferries in June after the dredging ends.\n';
const OTHER =
  'Harbour pilots warned on Tuesday about the new pier. Pilots said the channel by the pier was too shallow for ferries in winter.\n';

describe('warm cross-article checks', () => {
  it('a re-check where the workspace learns a full name gives it to the surname, as a fresh check does', () => {
    const pier = { doc: 'pier.txt', text: PIER, analysis: analyze(PIER) };
    const other = { doc: 'other.txt', text: OTHER, analysis: analyze(OTHER) };
    const first = crossCheck([pier, other]);
    assert.ok(
      first.sources.some(s => s.speaker === 'Quillon'),
      JSON.stringify(first.sources.map(s => s.speaker)),
    );
    // The same analysis of pier.txt again, now beside an article that names Marta Quillon in full.
    const director = { doc: 'director.txt', text: DIRECTOR, analysis: analyze(DIRECTOR) };
    const warm = crossCheck([pier, other, director]);
    const fresh = crossCheck(
      [pier, other, director].map(a => ({ doc: a.doc, text: a.text, analysis: analyze(a.text) })),
    );
    assert.deepEqual(warm, fresh);
    const quillon = warm.sources.find(s => s.speaker === 'Marta Quillon');
    assert.deepEqual(quillon?.documents, ['pier.txt', 'director.txt']);
  });

  it('a re-check of the same articles reports the same as the first check', () => {
    const articles = [PIER, DIRECTOR, OTHER].map((text, k) => ({ doc: `a${k}.txt`, text, analysis: analyze(text) }));
    assert.deepEqual(crossCheck(articles.map(a => ({ ...a }))), crossCheck(articles));
  });
});
