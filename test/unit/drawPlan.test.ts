// What the editor draws of many findings: a window of the text, and a cap per line.
import * as assert from 'node:assert/strict';
import { capPerLine, inWindow, MAX_PER_LINE } from '../../src/extension/drawPlan';

/** The line of each offset of a text. */
function lines(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return o => {
    let n = 0;
    while (n + 1 < starts.length && starts[n + 1] <= o) n++;
    return n;
  };
}

describe('what the editor draws', () => {
  it('keeps at most MAX_PER_LINE highlights of a single very long line, the first ones', () => {
    const word = 'Oslo and ';
    const text = word.repeat(5000);
    const spans = Array.from({ length: 5000 }, (_, i) => ({ start: i * word.length, end: i * word.length + 4 }));
    const drawn = capPerLine(spans, lines(text));
    assert.equal(drawn.length, MAX_PER_LINE);
    assert.deepEqual(drawn[0], spans[0]);
    assert.deepEqual(drawn.at(-1), spans[MAX_PER_LINE - 1]);
  });

  it('keeps every highlight of ordinary prose, where lines have a few each', () => {
    const text = 'Maria Lindqvist said on Monday.\nThe board in Bergen agreed.\n';
    const spans = [
      { start: 0, end: 15 },
      { start: 24, end: 30 },
      { start: 45, end: 51 },
    ];
    assert.deepEqual(capPerLine(spans, lines(text), 2), spans);
  });

  it('takes the highlights that overlap a window of the text, including those that cross its edges', () => {
    const spans = [
      { start: 0, end: 5 },
      { start: 8, end: 14 },
      { start: 20, end: 25 },
      { start: 30, end: 40 },
    ];
    assert.deepEqual(inWindow(spans, 10, 32), [
      { start: 8, end: 14 },
      { start: 20, end: 25 },
      { start: 30, end: 40 },
    ]);
    assert.deepEqual(inWindow(spans, 41, 50), []);
  });
});
