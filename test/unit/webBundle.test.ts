// The web build (package.json "browser"): one bundle that a web extension host can load, asking for nothing but
// `vscode` — no Node built-in, no file beside it — with the analysis worker started from dist/engineWorker.js.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

describe('the web build', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it("is the package's browser entry, and goes into the .vsix with the worker", () => {
    assert.equal(pkg.browser, './dist/web/extension.js');
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!dist/web/extension.js') && ignore.includes('!dist/engineWorker.js'), ignore.join(' '));
  });

  it('requires only vscode (and, inside a try, the canvas package linkedom falls back from)', () => {
    const code = readFileSync(join(ROOT, pkg.browser), 'utf8');
    const required = new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map(m => m[1]));
    assert.deepEqual([...required].sort(), ['canvas', 'vscode']);
    assert.match(code, /try\s*\{[^}]*require\("canvas"\);?\s*\}\s*catch/);
    assert.ok(!/__dirname|process\.env|require\("node:/.test(code), 'no Node globals or built-ins');
  });
});
