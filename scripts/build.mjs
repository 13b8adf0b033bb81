// Builds the extension and the CLI (bundled, into dist/) and the tests and benchmarks (into out/).
// usage: node scripts/build.mjs [--production]
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Node 20 and every browser VS Code supports run these natively. Without saying so, esbuild rewrites each regular
  // expression literal that uses them into a `new RegExp(...)` call, compiled again every time the code runs.
  supported: {
    'regexp-unicode-property-escapes': true,
    'regexp-lookbehind-assertions': true,
    'regexp-named-capture-groups': true,
    'regexp-match-indices': true,
    'regexp-dot-all-flag': true,
    'regexp-sticky-and-unicode-flags': true,
  },
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { NEWSMARK_VERSION: JSON.stringify(pkg.version) },
};

/**
 * Article import's HTML parser (linkedom and Readability, about 300 KB) is its own bundle, dist/importer.js: the
 * extension and the CLI load it with `await import('../core/exchange/htmlArticle')` on the first import, so neither the
 * extension's activation nor the CLI's other commands pay for it. (In out/, for the tests, it stays bundled.)
 */
const lazyImporter = {
  name: 'lazy-importer',
  setup(build) {
    build.onResolve({ filter: /\/core\/exchange\/htmlArticle$/ }, args =>
      args.kind === 'dynamic-import' ? { path: './importer.js', external: true } : undefined,
    );
  },
};

/** linkedom's CSS parser is used only for <style>.sheet, which article import never reads: a stub keeps it out. */
const noCssParser = {
  name: 'no-css-parser',
  setup(build) {
    build.onResolve({ filter: /^cssomnom\/parse$/ }, () => ({
      path: join(process.cwd(), 'scripts/stubs/cssomnom-parse.cjs'),
    }));
  },
};

/**
 * The web build (dist/web/extension.js, package.json "browser"): the same extension, with the few files that need
 * Node replaced by their web versions (a Web Worker for analysis, the page parser in-thread, no lock files).
 */
const webVersions = {
  name: 'web-versions',
  setup(build) {
    const swap = {
      './spawnWorker': 'src/extension/spawnWorker.web.ts',
      './pageReader': 'src/extension/pageReader.web.ts',
      '../node/sidecarFs': 'src/extension/sidecarFs.web.ts',
      './localFs': 'src/extension/localFs.web.ts',
    };
    build.onResolve({ filter: /^(\.\/spawnWorker|\.\/pageReader|\.\.\/node\/sidecarFs|\.\/localFs)$/ }, args => ({
      path: join(process.cwd(), swap[args.path]),
    }));
  },
};

function tsFiles(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(tsFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [lazyImporter, noCssParser],
  }),
  // Article import's HTML parser, loaded by the extension and the CLI on the first import only (see lazyImporter).
  esbuild.build({
    ...common,
    entryPoints: ['src/core/exchange/htmlArticle.ts'],
    outfile: 'dist/importer.js',
    plugins: [noCssParser],
  }),
  // The same, as the worker thread in which the extension reads pages (src/extension/importWorker.ts).
  esbuild.build({
    ...common,
    entryPoints: ['src/extension/importWorker.ts'],
    outfile: 'dist/importWorker.js',
    plugins: [noCssParser],
  }),
  esbuild.build({
    ...common,
    platform: 'browser',
    format: 'cjs',
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    external: ['vscode'],
    plugins: [webVersions, noCssParser],
  }),
  // The analysis worker: one file for Node's worker threads and the web's Web Workers (src/worker/engineWorker.ts).
  esbuild.build({
    ...common,
    platform: 'neutral',
    format: 'iife',
    entryPoints: ['src/worker/engineWorker.ts'],
    outfile: 'dist/engineWorker.js',
    external: ['node:worker_threads', 'node:fs', 'node:os'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [lazyImporter, noCssParser],
  }),
  production
    ? null
    : esbuild.build({
        ...common,
        entryPoints: [...tsFiles('test'), ...tsFiles('bench')],
        outdir: 'out',
        outbase: '.',
        packages: 'external',
        external: ['vscode'],
      }),
]);
