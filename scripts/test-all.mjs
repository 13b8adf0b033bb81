// `npm test`: every tier, in order, on this machine: build, type check, lint, unit tests (plain Node), integration
// tests (mocha inside a real VS Code extension host) and e2e tests (chromium driving the real UI). Installs the
// offline VS Code host (scripts/vscode-host.sh) when it is missing. Without it, and outside CI, the
// integration and e2e tiers are skipped with a message; in CI (CI=true) that is a failure.
import { spawn } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const t0 = Date.now();
const results = [];
let passed = 0;
let failed = 0;

/** Runs a step, echoing its output, and counts mocha's "N passing / N failing" lines. */
function step(name, cmd, args, env = {}) {
  return new Promise(res => {
    const started = Date.now();
    console.log(`\n=== ${name}: ${[cmd === process.execPath ? 'node' : cmd, ...args].join(' ')}`);
    const p = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', d => {
      out += d;
      process.stdout.write(d);
    });
    p.stderr.on('data', d => {
      out += d;
      process.stderr.write(d);
    });
    p.on('close', code => {
      const n = re => [...out.matchAll(re)].reduce((s, m) => s + Number(m[1]), 0);
      const ok = n(/^\s*(\d+) passing/gm);
      const bad = n(/^\s*(\d+) failing/gm);
      passed += ok;
      failed += bad + (code !== 0 && bad === 0 ? 1 : 0); // a step that fails without a failing test counts once
      const skipped = /\(skipped: |skipped: /.test(out) && code === 0 && ok === 0;
      results.push({
        name,
        status: code === 0 ? (skipped ? 'skipped' : 'ok') : `FAILED (exit ${code})`,
        seconds: (Date.now() - started) / 1000,
      });
      res(code === 0);
    });
  });
}

const node = process.execPath;
const bin = name => resolve(root, 'node_modules/.bin', name);
await step('build', node, ['scripts/build.mjs']);
await step('typecheck', bin('tsc'), ['--noEmit', '-p', '.']);
await step('typecheck core (no DOM, no Node)', bin('tsc'), ['--noEmit', '-p', 'src/core']);
await step('lint (prettier, eslint)', 'npm', ['run', 'lint', '--silent']);
await step('unit', bin('mocha'), ['--config', '.mocharc.json']);
const host = await step('vscode host', 'bash', ['scripts/vscode-host.sh']);
if (host || process.env.CI) {
  await step('integration', node, ['out/test/harness/runIntegration.js']);
  // The e2e tier runs against the packaged extension, installed from its .vsix.
  if (await step('package (.vsix)', 'npm', ['run', 'package', '--silent'])) {
    const kb = statSync(resolve(root, 'newsmark.vsix')).size / 1024;
    console.log(`newsmark.vsix: ${kb.toFixed(0)} KB (goal < 5 MB)`);
    results[results.length - 1].status = `ok, ${(kb / 1024).toFixed(2)} MB`;
  }
  await step('e2e', bin('mocha'), ['--no-config', '--timeout', '180000', 'out/test/e2e/*.test.js']);
} else {
  console.log('\nSkipping the integration and e2e tiers: no VS Code host could be installed here (see above).');
  results.push({ name: 'integration', status: 'skipped', seconds: 0 }, { name: 'e2e', status: 'skipped', seconds: 0 });
}

console.log('\n=== summary');
for (const r of results) console.log(`  ${r.name.padEnd(34)} ${r.status.padEnd(18)} ${r.seconds.toFixed(1)} s`);
console.log(`  total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const anyFailed = results.some(r => r.status.startsWith('FAILED'));
const line = `tests: ${passed} passed, ${failed} failed`;
console.log(line);
mkdirSync(resolve(root, 'test-output'), { recursive: true });
writeFileSync(resolve(root, 'test-output/summary.txt'), line + '\n'); // .ci/run prints it again last
process.exit(anyFailed ? 1 : 0);
