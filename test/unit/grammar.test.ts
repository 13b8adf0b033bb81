// The News Article grammar, tokenised by vscode-textmate with the same Oniguruma engine VS Code uses.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { ROOT } from './paths';

type Scoped = { text: string; scopes: string[] };

describe('News Article grammar', () => {
  let grammar: textmate.IGrammar;

  before(async () => {
    const wasm = readFileSync(join(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scope: string) =>
        scope === 'text.news'
          ? textmate.parseRawGrammar(
              readFileSync(join(ROOT, 'syntaxes/news.tmLanguage.json'), 'utf8'),
              'news.tmLanguage.json',
            )
          : null,
    });
    grammar = (await registry.loadGrammar('text.news'))!;
    assert.ok(grammar);
  });

  function tokens(text: string): Scoped[] {
    let state = textmate.INITIAL;
    const out: Scoped[] = [];
    for (const line of text.split('\n')) {
      const r = grammar.tokenizeLine(line, state);
      for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
      state = r.ruleStack;
    }
    return out;
  }
  const scopeOf = (ts: Scoped[], text: string) => ts.find(t => t.text === text)?.scopes.join(' ') ?? '(not a token)';

  const article = [
    'Harbour reopens after storm',
    'date 2026-02-25',
    'By Ana Lopes and Kari Lunde',
    'LISBON, Feb 25 (Nordwire) - The port reopened.',
    '“It’s a relief,” said the mayor, who called it ‘a test’ of the city.',
    'Officials said "the damage is limited", according to the agency.',
  ].join('\n');
  let ts: Scoped[] = [];
  before(() => {
    ts = tokens(article);
  });

  it('marks the first line as the headline, and only the first', () => {
    assert.match(scopeOf(ts, 'Harbour reopens after storm'), /markup\.heading\.1\.headline\.news/);
    assert.ok(!ts.some(t => t.text.includes('The port') && t.scopes.some(s => s.startsWith('markup.heading'))));
  });

  it('marks the date line, the wire dateline and the byline', () => {
    assert.match(scopeOf(ts, '2026-02-25'), /constant\.other\.date\.dateline\.news/);
    assert.match(scopeOf(ts, 'LISBON'), /entity\.name\.place\.dateline\.news/);
    assert.match(scopeOf(ts, '(Nordwire)'), /entity\.name\.organization\.agency\.news/);
    assert.match(scopeOf(ts, 'Ana Lopes and Kari Lunde'), /entity\.name\.author\.byline\.news/);
  });

  it('marks quotations in curly and straight quotes, but not apostrophes', () => {
    assert.match(scopeOf(ts, 'It’s a relief,'), /string\.quoted\.double\.curly\.news/);
    assert.match(scopeOf(ts, 'the damage is limited'), /string\.quoted\.double\.straight\.news/);
    assert.match(scopeOf(ts, 'a test'), /string\.quoted\.single\.curly\.news/);
  });

  it('marks attribution cues', () => {
    assert.match(scopeOf(ts, 'said'), /keyword\.other\.attribution\.news/);
    assert.match(scopeOf(ts, 'according to'), /keyword\.other\.attribution\.news/);
  });
});
