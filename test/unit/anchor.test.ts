// Anchors: found again after the article changed, or orphaned, never attached to other words.
import * as assert from 'node:assert/strict';
import { anchorAt, locate, shiftSpan } from '../../src/core/anchor';

const ARTICLE = 'The mayor of Bergen said the harbour would reopen on Monday. Fishermen said the harbour was still closed. ' +
  'Officials later confirmed that the storm had damaged three piers near the old fish market.';

describe('anchors', () => {
  const at = (needle: string, from = 0) => { const s = ARTICLE.indexOf(needle, from); return anchorAt(ARTICLE, s, s + needle.length); };

  it('keeps the quote, up to 32 characters around it, and the position', () => {
    const a = at('the storm had damaged three piers');
    assert.equal(a.exact, 'the storm had damaged three piers');
    assert.equal(a.prefix, ARTICLE.slice(a.start - 32, a.start));
    assert.equal(a.suffix, ARTICLE.slice(a.end, a.end + 32));
  });

  it('is ok where it was, and moved when text was added before it', () => {
    const a = at('the storm had damaged three piers');
    assert.deepEqual(locate(ARTICLE, a).status, 'ok');
    const edited = 'UPDATED. ' + ARTICLE;
    const f = locate(edited, a);
    assert.equal(f.status, 'moved');
    assert.equal(edited.slice(f.start!, f.end!), a.exact);
  });

  it('tells two occurrences of the same words apart by their surroundings', () => {
    const second = at('the harbour', ARTICLE.indexOf('Fishermen'));
    const edited = ARTICLE.replace('The mayor of Bergen', 'Bergen’s mayor');
    const f = locate(edited, second);
    assert.equal(f.start, edited.indexOf('the harbour was'));
  });

  it('follows a reflowed paragraph and a fixed typo inside the quote', () => {
    const a = at('Officials later confirmed that the storm had damaged three piers');
    const reflowed = ARTICLE.replace('confirmed that the', 'confirmed\nthat the');
    const f = locate(reflowed, a);
    assert.equal(reflowed.slice(f.start!, f.end!), 'Officials later confirmed\nthat the storm had damaged three piers');
    const typo = ARTICLE.replace('damaged', 'damged');
    const g = locate(typo, a);
    assert.equal(g.how, 'fuzzy');
    assert.equal(typo.slice(g.start!, g.end!), 'Officials later confirmed that the storm had damged three piers');
  });

  it('orphans an annotation whose words are gone, even when the same words stand elsewhere', () => {
    const a = at('the harbour', ARTICLE.indexOf('Fishermen'));
    const gone = ARTICLE.replace('Fishermen said the harbour was still closed. ', '');
    assert.equal(locate(gone, a).status, 'orphaned', 'the other "the harbour" is not its words');
    const rewritten = at('Officials later confirmed that the storm had damaged three piers');
    assert.equal(locate(ARTICLE.replace(/Officials.*$/, 'Nobody knows what happened to the piers.'), rewritten).status, 'orphaned');
  });

  it('shifts spans with edits in the editor', () => {
    assert.deepEqual(shiftSpan(10, 20, 0, 0, 5), [15, 25]); // typed before
    assert.deepEqual(shiftSpan(10, 20, 25, 30, 0), [10, 20]); // deleted after
    assert.deepEqual(shiftSpan(10, 20, 12, 14, 1), [10, 19]); // changed inside
    assert.equal(shiftSpan(10, 20, 5, 12, 0), null); // crosses its start
  });
});
