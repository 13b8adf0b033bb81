// The engine's hand-written tokenizer against a plain regular-expression definition of the same tokens,
// on the corpus, the demo articles and random strings of the characters that matter.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../src/core/engine/text';
import { CORPUS, ROOT } from './paths';

const REFERENCE =
  /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}]*(?:['’](?![sS]\b)\p{L}+)?\.?|\d+(?:[.,:]\d+)*(?:(?:s|st|nd|rd|th)\b)?|\S/gu;
const KEEP_DOT =
  /^(?:\p{Lu}\.)+$|^(?:mr|mrs|ms|dr|prof|st|gen|gov|sen|rep|jr|sr|lt|col|capt|sgt|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|inc|corp|ltd|co|no|vs|etc|mt|ft|pres)\.$/iu;

function reference(text: string): string[] {
  const out: string[] = [];
  REFERENCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REFERENCE.exec(text))) {
    let t = m[0];
    if (t.length > 1 && t.endsWith('.') && /^\p{L}/u.test(t) && !KEEP_DOT.test(t)) {
      t = t.slice(0, -1);
      REFERENCE.lastIndex = m.index + t.length;
    }
    out.push(`${m.index}:${t}`);
  }
  return out;
}
const ours = (text: string) => tokenize(text).map(t => `${t.start}:${t.text}`);

describe('tokenizer', () => {
  it('splits the corpus and the demo articles as the reference does', () => {
    const files = [
      ...(existsSync(CORPUS)
        ? readdirSync(CORPUS)
            .filter(f => f.endsWith('.txt'))
            .map(f => join(CORPUS, f))
        : []),
      ...readdirSync(join(ROOT, 'samples/ferry')).map(f => join(ROOT, 'samples/ferry', f)),
    ];
    for (const f of files) assert.deepEqual(ours(readFileSync(f, 'utf8')), reference(readFileSync(f, 'utf8')), f);
  });

  it('splits random text as the reference does', () => {
    const alphabet = [
      'a',
      'b',
      'S',
      's',
      'U',
      'é',
      'e\u0301',
      '’',
      "'",
      '.',
      ',',
      ':',
      '-',
      ' ',
      '\n',
      '1',
      '9',
      'Mr',
      'th',
      '😀',
      'Ø',
      'ß',
    ];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      let s = '';
      for (let i = rand(30); i > 0; i--) s += alphabet[rand(alphabet.length)];
      assert.deepEqual(ours(s), reference(s), JSON.stringify(s));
    }
  });

  it('keeps possessives, hyphens and initials apart from names', () => {
    assert.deepEqual(
      tokenize('Rodríguez’s U.S. ally, Cuba-Venezuela ties, O’Brien, Mr. J. Smith.').map(t => t.text),
      [
        'Rodríguez',
        '’',
        's',
        'U.S.',
        'ally',
        ',',
        'Cuba',
        '-',
        'Venezuela',
        'ties',
        ',',
        'O’Brien',
        ',',
        'Mr.',
        'J.',
        'Smith',
        '.',
      ],
    );
  });
});
