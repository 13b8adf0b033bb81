// Anchors: found again after the article changed, or orphaned, never attached to other words.
import * as assert from 'node:assert/strict';
import { anchorAt, locate, shiftSpan } from '../../src/core/annotations/anchor';
import { annotationYaml, readSidecar } from '../../src/core/annotations/sidecar';

const ARTICLE =
  'The mayor of Bergen said the harbour would reopen on Monday. Fishermen said the harbour was still closed. ' +
  'Officials later confirmed that the storm had damaged three piers near the old fish market.';

describe('anchors', () => {
  const at = (needle: string, from = 0) => {
    const s = ARTICLE.indexOf(needle, from);
    return anchorAt(ARTICLE, s, s + needle.length);
  };

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
    assert.equal(
      locate(ARTICLE.replace(/Officials.*$/, 'Nobody knows what happened to the piers.'), rewritten).status,
      'orphaned',
    );
  });

  it('does not take another copy of a short name that an edit slid into its old place', () => {
    const text =
      'Councillor Vik opened the meeting at nine. Later that morning the budget passed.\nVik said the vote was close and the port would wait for it.';
    const a = anchorAt(text, text.indexOf('Vik'), text.indexOf('Vik') + 3);
    // The first sentence is cut so that the second "Vik" now stands at the offset the first one had.
    const cut = text.slice(text.indexOf('\n') + 1 - a.start - 4).replace(/^.*?\n/, 'Xx. ');
    const shifted = 'Council' + ' '.repeat(a.start - 7) + cut.slice(cut.indexOf('Vik'));
    assert.equal(shifted.slice(a.start, a.end), 'Vik');
    const r = locate(shifted, a);
    assert.equal(r.status, 'orphaned');
    assert.ok(r.reason);
  });

  it('does not accept a mention vouched for only by a shared title or stock phrase, far from where it was', () => {
    const filler = ' The ferry timetable for the winter months was printed in full on page four.'.repeat(6);
    const text = `A spokesperson for Nordlys Shipping declined to comment on the strike.${filler} A spokesperson for Nordlys Shipping confirmed the sailing was cancelled.`;
    const s = text.indexOf('Nordlys Shipping');
    const a = anchorAt(text, s, s + 'Nordlys Shipping'.length);
    const gone = text.replace(
      'A spokesperson for Nordlys Shipping declined to comment on the strike.',
      'The union called the strike.',
    );
    const r = locate(gone, a);
    assert.equal(r.status, 'orphaned', `landed on ${JSON.stringify(gone.slice(r.start ?? 0, r.end ?? 0))}`);
  });

  it('does not take the one other copy of a repeated long quote whose surroundings are gone', () => {
    const quote = 'we will not sail until the ice has cleared from the inner harbour';
    const filler = ' Ticket holders were offered refunds or a seat on the coastal bus service instead.'.repeat(6);
    const first = `The captain told passengers that ${quote}, according to two of them.`;
    const text = `${first}\n${filler.trim()}\nLater a poster read: “${quote}.”\n`;
    const a = anchorAt(text, text.indexOf(quote), text.indexOf(quote) + quote.length);
    const gone = text.replace(first, 'Nobody said anything.');
    assert.equal(locate(gone, a).status, 'orphaned');
    // With its own paragraph only moved, it is found.
    const moved = text.replace(`${first}\n`, '') + `${first}\n`;
    const m = locate(moved, a);
    assert.equal(moved.slice(m.start!, m.end!), quote);
    assert.ok(moved.slice(0, m.start!).endsWith('told passengers that '));
  });

  it('does not stretch an approximate match over other words (a name replaced in a stock sentence)', () => {
    const text = 'Ruiz said in a statement that talks would continue.\n\nThe harbour stayed shut.';
    const span = 'Ruiz said in a statement that talks would continue';
    const a = anchorAt(text, 0, span.length);
    const other = 'Okafor said in a statement that talks would continue.\n\nThe harbour stayed shut.';
    assert.equal(locate(other, a).status, 'orphaned');
  });

  it('keeps what else looked like it, and does not take a look-alike of a deleted sentence near where it was', () => {
    const mine = 'The lighthouse keeper said the lamp would be repaired by Friday.';
    const twin = 'The lighthouse keeper said the lamp would be replaced by Friday.';
    const text = `${mine} Gulls nested on the gallery all spring.\n\n${twin} The boats waited.\n`;
    const s = text.indexOf('the lamp would be');
    const a = anchorAt(text, s, s + 'the lamp would be'.length);
    assert.ok(a.rivals && a.rivals.before! >= 20, JSON.stringify(a.rivals));
    assert.equal(locate(text, a).start, s);
    const gone = text.replace(`${mine} `, '');
    const r = locate(gone, a);
    assert.equal(r.status, 'orphaned', `landed on ${JSON.stringify(gone.slice(r.start ?? 0, r.end ?? 0))}`);
    // With only a word changed beside it (no look-alike made when it was annotated), it is found.
    const alone = anchorAt(mine, mine.indexOf('the lamp would be'), mine.indexOf('the lamp would be') + 17);
    const edited = mine.replace('repaired', 'fixed');
    assert.equal(edited.slice(locate(edited, alone).start!, locate(edited, alone).end!), 'the lamp would be');
  });

  it('does not take a stock sentence repeated word for word once its own paragraph is gone', () => {
    const stock = 'The harbour office did not respond to a request for comment.';
    const text = `Ice closed the northern channel overnight.\n\n${stock}\n\nTugs were sent from the south.\n\n${stock}\n\nNo ferries sailed.\n`;
    const s = text.lastIndexOf('did not respond');
    const a = anchorAt(text, s, s + 'did not respond'.length);
    assert.equal(locate(text, a).start, s);
    // Its paragraph deleted: the other copy is now followed by what followed it.
    const gone = text.replace(`${stock}\n\nNo ferries`, 'No ferries');
    assert.equal(locate(gone, a).status, 'orphaned');
    // Text added before both copies: not told apart by what lies inside the paragraph, so not guessed either.
    assert.notEqual(locate('Updated. ' + gone, a).status, 'ok');
  });

  it('writes its rivals into the sidecar and reads anchors without them', () => {
    const text = 'Dahl spoke first. Later Dahl spoke again.';
    const a = anchorAt(text, 0, 4);
    const yaml = annotationYaml({ id: 'n1', kind: 'note', anchor: a }, 2);
    assert.match(yaml, /rivals: \{ before: \d+, after: \d+ \}/);
    const old = { exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end };
    assert.equal(locate('Note. ' + text, old).start, 6);
    const sidecar = (anchor: string) =>
      `version: 1\ndocument: {}\nannotations:\n  - id: n1\n    kind: note\n    anchor: ${anchor}\n`;
    const read = readSidecar(sidecar(yaml.split('anchor: ')[1].trim()));
    assert.ok(read.ok, JSON.stringify(read));
    assert.deepEqual(read.ok && read.file.data.annotations[0].anchor, a);
    const bad = readSidecar(
      sidecar('{ exact: "Dahl", prefix: "", suffix: " spoke", rivals: { before: many }, start: 0, end: 4 }'),
    );
    assert.match(JSON.stringify(bad), /rivals must be a mapping of whole numbers/);
  });

  it('finds anchors made and found by the thousand in one text exactly as one at a time', () => {
    // Many anchors in one text are looked up through an index of the text (after the first few); one at a time
    // (another text read in between) they are found by scanning. The answers must be the same.
    const parts: string[] = [];
    const towns = ['Varde', 'Kestrel Bay', 'Olden', 'the harbour'];
    for (let i = 0; i < 400; i++)
      parts.push(
        `${towns[i % 4]} said the ferry ${i % 7 ? 'left' : 'did not leave'} at ${i % 24} hours on day ${i}.${i % 5 === 4 ? '\n\n' : ' '}`,
      );
    const before = parts.join('');
    const text = 'Late news. ' + before.replace(/day 2(\d)\./g, 'day 2$1, the port said.');
    const anchors = [...before.matchAll(/\b\w+(?: \w+)?/g)]
      .filter((_, k) => k % 2 === 0)
      .map(m => anchorAt(before, m.index!, m.index! + m[0].length));
    const bulk = anchors.map(a => locate(text, a));
    const single = anchors.map(a => {
      locate('Another text altogether.', a);
      return locate(text, a);
    });
    assert.ok(anchors.length > 1000, `${anchors.length}`);
    assert.deepEqual(bulk, single);
    assert.ok(bulk.some(r => r.status === 'moved') && bulk.some(r => r.status === 'orphaned'));
  });

  it('shifts spans with edits in the editor', () => {
    assert.deepEqual(shiftSpan(10, 20, 0, 0, 5), [15, 25]); // typed before
    assert.deepEqual(shiftSpan(10, 20, 25, 30, 0), [10, 20]); // deleted after
    assert.deepEqual(shiftSpan(10, 20, 12, 14, 1), [10, 19]); // changed inside
    assert.equal(shiftSpan(10, 20, 5, 12, 0), null); // crosses its start
  });
});
