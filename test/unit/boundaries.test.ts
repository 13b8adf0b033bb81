// The core is pure: no `vscode`, no Node built-ins, no globals of a host, so it runs in a web worker.
import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './paths';

const CORE = join(ROOT, 'src/core');
/** Packages of plain JavaScript that run anywhere (checked below to import nothing of Node's themselves). */
const PURE = new Set(['yaml']);
/** Packages with dependencies of their own that run in a web worker (checked below by bundling the core for browsers). */
const WORKER_SAFE = new Set(['linkedom', '@mozilla/readability', 'picomatch/posix']);
/** Every file of the core, in its subfolders too, as paths relative to src/core. */
const files = (readdirSync(CORE, { recursive: true }) as string[]).filter(f => f.endsWith('.ts')).sort();
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Module names a file imports. */
function importsOf(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(IMPORT)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

describe('core boundaries', () => {
  it('finds the core files, in its subfolders too', () => {
    assert.ok(files.length >= 5);
    assert.ok(
      files.some(f => /[\\/]/.test(f)),
      'no file of a subfolder of src/core',
    );
  });

  it('imports only its own files', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map(b => `node:${b}`)]);
    for (const f of files) {
      for (const spec of importsOf(readFileSync(join(CORE, f), 'utf8'))) {
        assert.ok(spec !== 'vscode', `${f} imports vscode`);
        assert.ok(!builtins.has(spec) && !spec.startsWith('node:'), `${f} imports the Node built-in ${spec}`);
        const own = spec.startsWith('.') && !relative(CORE, resolve(CORE, dirname(f), spec)).startsWith('..');
        assert.ok(
          own || PURE.has(spec) || WORKER_SAFE.has(spec),
          `${f} imports ${spec}: the core may import only its own files and ${[...PURE, ...WORKER_SAFE].join(', ')}`,
        );
      }
    }
  });

  it('allows only packages that are pure JavaScript themselves', () => {
    for (const pkg of PURE) {
      const meta = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8'));
      assert.ok(!meta.dependencies || Object.keys(meta.dependencies).length === 0, `${pkg} has dependencies`);
      assert.ok(
        meta.browser || meta.exports?.['.']?.browser || meta.exports?.['.']?.default || meta.exports?.['.']?.import,
        `${pkg} has a build for browsers`,
      );
    }
  });

  it('bundles for a browser or web worker, with no Node built-in anywhere in its dependencies', async () => {
    const esbuild = await import('esbuild');
    const entries = files.filter(f =>
      readFileSync(join(CORE, f), 'utf8')
        .match(IMPORT)
        ?.some(m => [...WORKER_SAFE].some(p => m.includes(`'${p}'`))),
    );
    assert.ok(entries.length > 0, 'some core file uses a worker-safe package');
    const r = await esbuild
      .build({
        entryPoints: entries.map(f => join(CORE, f)),
        bundle: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        outdir: '/nonexistent',
        logLevel: 'silent',
      })
      .catch((e: { errors?: { text: string }[] }) => ({ errors: e.errors ?? [{ text: String(e) }], warnings: [] }));
    assert.deepEqual(
      r.errors.map(e => e.text),
      [],
    );
    assert.deepEqual(
      r.warnings.map(w => w.text),
      [],
    );
  });

  it('uses no host globals', () => {
    for (const f of files) {
      const code = readFileSync(join(CORE, f), 'utf8')
        .replace(/\/\/.*$/gm, '')
        .replace(/\/\*[\s\S]*?\*\//g, '');
      for (const g of ['process.', 'Buffer', '__dirname', 'require(', 'window.', 'document.', 'setTimeout']) {
        assert.ok(!code.includes(g), `${f} uses ${g}`);
      }
    }
  });

  it('the rule itself catches a forbidden import', () => {
    assert.deepEqual(importsOf("import * as vscode from 'vscode';\nconst fs = require('fs');"), ['vscode', 'fs']);
  });
});
