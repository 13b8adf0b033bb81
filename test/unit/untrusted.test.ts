// What a hostile workspace could try through the extension: settings that widen what is read or move where sidecars
// are written, guessable webview nonces, and forged messages from a webview page.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nonce, openMessage } from '../../src/extension/pageMessages';
import { ROOT } from './paths';

const RESTRICTED = [
  'newsmark.maxFileSizeMB',
  'newsmark.articles.include',
  'newsmark.articles.exclude',
  'newsmark.sidecarLocation',
];

describe('untrusted workspaces and webviews', () => {
  it('declares the settings an untrusted workspace may not set, and reads them only through the guarded reader', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual([...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), [...RESTRICTED].sort());
    for (const key of RESTRICTED)
      assert.ok(
        pkg.contributes.configuration.properties[key] ??
          pkg.contributes.configuration.find?.((c: { properties: Record<string, unknown> }) => c.properties[key]),
        key,
      );
    // Every read of them goes through setting(), which ignores workspace values while the workspace is untrusted.
    const dir = join(ROOT, 'src/extension');
    for (const f of readdirSync(dir).filter(n => n.endsWith('.ts'))) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const key of RESTRICTED.map(k => k.slice('newsmark.'.length))) {
        const direct = new RegExp(
          `\\.get<[^>]*>\\('${key.replace('.', '\\.')}'|getConfiguration\\('newsmark\\.articles'\\)`,
        );
        assert.doesNotMatch(src, direct, `${f} reads ${key} without the trust check`);
      }
    }
    const settings = readFileSync(join(dir, 'settings.ts'), 'utf8');
    assert.match(settings, /vscode\.workspace\.isTrusted/);
    assert.match(settings, /globalValue \?\? i\?\.defaultValue/);
  });

  it('makes webview nonces from a cryptographic source, never the same twice', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const n = nonce();
      assert.match(n, /^[A-Za-z0-9]{32}$/);
      seen.add(n);
    }
    assert.equal(seen.size, 2000);
    const src = readFileSync(join(ROOT, 'src/extension/pageMessages.ts'), 'utf8');
    assert.match(src, /crypto\.getRandomValues/);
    assert.doesNotMatch(src, /Math\.random/);
  });

  it('uses a message from a webview only when it has the expected shape and types', () => {
    assert.deepEqual(openMessage({ doc: 'ferry/wire.txt', start: 4, end: 19 }), {
      doc: 'ferry/wire.txt',
      start: 4,
      end: 19,
    });
    const forged: unknown[] = [
      null,
      'open',
      42,
      [],
      ['ferry/wire.txt', 4, 19],
      { doc: 'ferry/wire.txt', start: '4', end: 19 },
      { doc: 'ferry/wire.txt', start: 4.5, end: 19 },
      { doc: 'ferry/wire.txt', start: -1, end: 19 },
      { doc: 'ferry/wire.txt', start: 20, end: 19 },
      { doc: 'ferry/wire.txt', start: 4, end: Infinity },
      { doc: '', start: 4, end: 19 },
      { doc: { toString: () => 'x' }, start: 4, end: 19 },
      { doc: 'x'.repeat(5000), start: 4, end: 19 },
      { doc: 'ferry/wire.txt', start: 4, end: 19, command: 'workbench.action.terminal.new' },
      { doc: 'ferry/wire.txt', start: 4 },
    ];
    for (const m of forged) assert.equal(openMessage(m), null, JSON.stringify(m));
  });
});
