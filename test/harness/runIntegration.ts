// Runs test/integration inside a real VS Code extension host (code-server's), with a headless chromium page
// as the window. Exit codes: 0 all passed, 1 tests failed, 2 timeout, 3 code-server died, 4 harness error,
// 0 with a "skipped" line when no VS Code host is installed outside CI.
// usage: node out/test/harness/runIntegration.js

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { codeRepository, copyOfSamples, hostProblem, launchBrowser, ROOT, startCodeServer } from './codeServer';

const TIMEOUT = Number(process.env.NEWSMARK_TEST_TIMEOUT_MS ?? 1800000);
const t0 = Date.now();
const say = (...a: unknown[]) => console.log(`[integration ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

async function main(): Promise<void> {
  const problem = hostProblem();
  if (problem) {
    if (process.env.CI) {
      console.error(`integration: cannot run: ${problem}`);
      process.exit(4);
    }
    say(`skipped: ${problem}`);
    return;
  }
  // Two passes, each a workspace and its tests: the demo (test/integration), then a code repository that does not
  // use Newsmark (test/integration/quiet).
  const passes = [
    { workspace: copyOfSamples(), tests: 'out/test/integration' },
    { workspace: codeRepository(), tests: 'out/test/integration/quiet' },
  ];
  let pass = 0;
  let done = false;
  let server: Awaited<ReturnType<typeof startCodeServer>> | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const finish = async (code: number, why: string) => {
    if (done) return;
    done = true;
    say(`${why}: exit ${code}`);
    await browser?.close().catch(() => undefined);
    await server?.stop(code !== 0);
    if (code !== 0 && server) say(`code-server log kept at ${server.logFile}`);
    for (const p of passes) rmSync(p.workspace, { recursive: true, force: true });
    process.exit(code);
  };
  setTimeout(() => void finish(2, `timed out after ${TIMEOUT / 1000} s`), TIMEOUT).unref();
  server = await startCodeServer({ onExit: c => void finish(3, `code-server exited (${c})`) });
  say(`code-server at ${server.url}`);
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The workbench reports the tests' end and forwards the extension host's output through these.
  const open = (p: (typeof passes)[number]) => {
    say(`workspace ${p.workspace}, tests ${p.tests}`);
    return page.goto(
      server!.workbench(p.workspace, [
        ['extensionDevelopmentPath', server!.remote(ROOT)],
        ['extensionTestsPath', server!.remote(join(ROOT, p.tests))],
        ['skipWelcome', 'true'],
      ]),
      { timeout: 180000 },
    );
  };
  await page.exposeFunction('codeAutomationExit', (code: number) => {
    if (code !== 0 || ++pass >= passes.length) void finish(code === 0 ? 0 : 1, 'tests finished');
    else void open(passes[pass]).catch(e => void finish(4, `could not open the next workspace: ${e}`));
  });
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) =>
    console.log(...(Array.isArray(args) ? args : [args])),
  );
  page.on('pageerror', e => say('page error:', e.message));
  await open(passes[0]);
}

main().catch(e => {
  console.error('integration harness failed:', e);
  process.exit(4);
});
