// What package.json promises users: localised titles, settings in order and with a scope, Newsmark's editor menu in
// one submenu that shows only on articles, an icon, and no empty catch that would swallow an error silently.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('the extension manifest', () => {
  it('takes every %key% from package.nls.json, and every command title is one', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
    assert.ok(keys.length > 80, `${keys.length} keys`);
    for (const k of keys) assert.ok(k in nls, `package.nls.json has ${k}`);
    for (const c of pkg.contributes.commands) assert.match(c.title, /^%command\.\w+\.title%$/, c.command);
    const unused = Object.keys(nls).filter(k => !keys.includes(k));
    assert.deepEqual(unused, []);
  });

  it('keeps the bundle of messages for vscode.l10n.t current', () => {
    execFileSync(process.execPath, ['scripts/l10n.mjs', '--check'], { cwd: ROOT });
  });

  it('gives every setting a scope and an order, the order unique', () => {
    const props = Object.entries(pkg.contributes.configuration.properties) as [
      string,
      { scope?: string; order?: number },
    ][];
    for (const [k, p] of props) {
      assert.ok(
        ['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'].includes(
          p.scope ?? '',
        ),
        `${k} scope`,
      );
      assert.equal(typeof p.order, 'number', `${k} order`);
    }
    assert.equal(new Set(props.map(([, p]) => p.order)).size, props.length);
  });

  it('puts its editor context-menu items in one Newsmark submenu, shown on articles, each where it applies', () => {
    const menus = pkg.contributes.menus;
    assert.deepEqual(menus['editor/context'], [
      { submenu: 'newsmark.editor', group: 'newsmark@1', when: 'newsmark.isArticle' },
    ]);
    assert.ok(pkg.contributes.submenus.some((s: { id: string }) => s.id === 'newsmark.editor'));
    for (const item of menus['newsmark.editor']) assert.ok(item.when, `${item.command} has a when clause`);
    for (const kb of pkg.contributes.keybindings) assert.match(kb.when, /newsmark\.isArticle/, kb.command);
  });

  it('has a 128×128 PNG icon and categories', () => {
    const png = readFileSync(join(ROOT, pkg.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(pkg.categories.length >= 2 && !pkg.categories.every((c: string) => c === 'Other'));
  });

  it('has no empty catch in the extension: every caught error is logged', () => {
    const dir = join(ROOT, 'src/extension');
    for (const f of readdirSync(dir).filter(n => n.endsWith('.ts'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      assert.doesNotMatch(text, /catch\s*(?:\(\s*\w*\s*\))?\s*\{\s*(?:\/\*[^*]*\*\/\s*)?\}/, `${f} has an empty catch`);
    }
  });
});
