// Attributions in the shapes of real news beyond "X said": participles, directives, small clauses, documents,
// quotations with mixed marks, continuation quotes, sources behind titles, places and party tags; and the
// quotation scan staying linear whatever the marks. Every sentence here is our own.
import * as assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../src/core';
import { attributionWork } from '../../src/core/attributions';

const claim = (a: Analysis, startsWith: string) => a.attributions.find(x => x.content.text.startsWith(startsWith));

/** Repeats `unit` to `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Work the attribution scan does on a text. */
function workOn(text: string): number {
  const before = attributionWork();
  analyze(text);
  return attributionWork() - before;
}

describe('hard cases: quotation marks that do not pair up', () => {
  // Texts of 25 KB and 100 KB built from one hostile unit: the work must grow with the size, not faster.
  const hostile: Record<string, string> = {
    'unclosed curly quotes in one run-on sentence': '“he said no ” more ” ',
    'straight quotes only, with a cue between each pair': 'he said "no more, " ',
    'curly and straight marks alternating': '“the mayor said " the bridge ” would close “ soon, " Anna Kovacs said ',
    'deep nesting without any closing mark': '“a “b said “c "d ',
    'closing marks only': 'it would close soon,” Anna Kovacs said ',
    'inverted cues without a stop': ', said Anna Kovacs ',
    'according to, again and again': 'according to him, ',
  };
  for (const [name, unit] of Object.entries(hostile)) {
    it(`does linear work on ${name}`, () => {
      const small = workOn(fill(unit, 25_000));
      const big = workOn(fill(unit, 100_000));
      assert.ok(small > 0);
      assert.ok(big <= small * 5, `work ${small} on 25 KB, ${big} on 100 KB`);
    });
  }

  it('pairs an opening curly mark with a closing straight one', () => {
    const a = analyze('“The harbour will reopen in spring," Mayor Ilse Brandt said.');
    assert.equal(claim(a, 'The harbour will reopen')?.speaker, 'Ilse Brandt');
    assert.equal(claim(a, 'The harbour will reopen')?.kind, 'direct');
  });

  it('keeps a straight quotation inside a curly one', () => {
    const a = analyze('“We told them "never again" and we meant it,” said Ilse Brandt.');
    assert.equal(claim(a, 'We told them')?.content.text, 'We told them "never again" and we meant it');
  });
});
