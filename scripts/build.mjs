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
  esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  production ? null : esbuild.build({
    ...common,
    entryPoints: [...tsFiles('test'), ...tsFiles('bench')],
    outdir: 'out',
    outbase: '.',
    packages: 'external',
    external: ['vscode'],
  }),
]);
