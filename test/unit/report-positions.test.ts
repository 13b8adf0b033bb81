// Where `newsmark analyze` says a finding is: the line and column a user types into the editor's "Go to Line", with
// lines counted as the editor counts them (after \n, \r\n or an old Mac \r alone).

import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core';
import { formatAnalysis } from '../../src/cli/format';

function positionOf(report: string, fragment: string): string {
  const line = report.split('\n').find(l => l.includes(fragment));
  assert.ok(line, `the report lists "${fragment}":\n${report}`);
  return line.trim().split(/\s+/)[0];
}

describe('positions in the readable report', () => {
  for (const [name, br] of [
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['a lone \\r', '\r'],
  ] as const) {
    it(`counts lines broken by ${name} as the editor does`, () => {
      const text = `Harbour notes${br}${br}The pier reopened on Monday after repairs.${br}  "We are glad to be back," said Ola Brandt, the harbour master.`;
      const report = formatAnalysis('notes.txt', text, analyze(text, { published: '2024-05-08' }));
      assert.equal(positionOf(report, 'Monday'), '3:22');
      assert.equal(positionOf(report, 'We are glad'), '4:4');
    });
  }
});
