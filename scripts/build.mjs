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
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { NEWSMARK_VERSION: JSON.stringify(pkg.version) },
};

/** linkedom's CSS parser is used only for <style>.sheet, which article import never reads: a stub keeps it out. */
const noCssParser = {
  name: 'no-css-parser',
  setup(build) {
    build.onResolve({ filter: /^cssomnom\/parse$/ }, () => ({ path: join(process.cwd(), 'scripts/stubs/cssomnom-parse.cjs') }));
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
  esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './importer.js'], plugins: [noCssParser] }),
  // Article import's HTML parser, loaded by the extension on the first import only.
  esbuild.build({ ...common, entryPoints: ['src/core/htmlArticle.ts'], outfile: 'dist/importer.js', plugins: [noCssParser] }),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [noCssParser] }),
  production ? null : esbuild.build({
    ...common,
    entryPoints: [...tsFiles('test'), ...tsFiles('bench')],
    outdir: 'out',
    outbase: '.',
    packages: 'external',
    external: ['vscode'],
  }),
]);
