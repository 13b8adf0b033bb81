// Offsets are UTF-16 code units, as in VS Code: they must stay right whatever the text holds.
import * as assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../src/core';

function spans(a: Analysis) {
  return [...a.entities, ...a.dates, ...a.attributions.flatMap(x => [x.content, x.source, x.cue])].filter(
    s => s !== null,
  );
}
function assertSpansMatch(text: string, a: Analysis) {
  for (const s of spans(a)) assert.equal(text.slice(s!.start, s!.end), s!.text);
}

const BASE = 'Foreign Minister Ana Lopes met officials in Lisbon on January 3. “We agreed on nothing,” said Ana Lopes.';

describe('offsets', () => {
  it('count an emoji (a surrogate pair) as two units', () => {
    const text = '🗞️🔥 ' + BASE;
    const a = analyze(text);
    assertSpansMatch(text, a);
    const lisbon = a.entities.find(e => e.text === 'Lisbon')!;
    assert.equal(lisbon.start, text.indexOf('Lisbon'));
    assert.equal(text.indexOf('Lisbon') - BASE.indexOf('Lisbon'), '🗞️🔥 '.length); // 6 units: 2 + 1 (VS16) + 2 + 1
  });

  it('stay right with CRLF line endings', () => {
    const text = 'Headline about Lisbon\r\n\r\n' + BASE.replace('. “', '.\r\n“');
    const a = analyze(text);
    assertSpansMatch(text, a);
    assert.ok(a.entities.some(e => e.text === 'Ana Lopes' && e.type === 'PERSON'));
    assert.ok(a.attributions.some(x => x.speaker === 'Ana Lopes' && x.content.text === 'We agreed on nothing'));
    assert.ok(!spans(a).some(s => s!.text.includes('\r')), 'no span takes a line ending');
  });

  it('count a BOM as one unit when it is left in the text', () => {
    const text = '\uFEFF' + BASE;
    const a = analyze(text);
    assertSpansMatch(text, a);
    assert.equal(a.dates[0].start, text.indexOf('January 3'));
  });

  it('stay right with precomposed and combining accents', () => {
    const nfc = 'President José Gómez visited Bogotá. Gómez said the talks failed.';
    const nfd = nfc.normalize('NFD');
    for (const text of [nfc, nfd]) {
      const a = analyze(text);
      assertSpansMatch(text, a);
      const gomez = a.entities.filter(e => e.type === 'PERSON');
      assert.equal(gomez.length, 2, `two mentions of the president in ${text === nfc ? 'NFC' : 'NFD'}`);
      assert.ok(gomez.every(e => e.canonical === gomez[0].canonical));
    }
  });

  it('keep curly quotes out of a direct quote and apostrophes out of a name', () => {
    const text = '“It’s over,” said Ana Lopes. Lopes’s office disagreed.';
    const a = analyze(text);
    assertSpansMatch(text, a);
    assert.equal(a.attributions[0].content.text, 'It’s over');
    assert.ok(a.entities.some(e => e.text === 'Lopes' && e.start === text.indexOf('Lopes’s')));
  });
});
