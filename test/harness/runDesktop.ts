// `npm run test:desktop`: the same integration suite (test/integration, through its run()) in desktop VS Code,
// downloaded by @vscode/test-electron. It needs the internet to download VS Code, so it cannot run on the
// offline machines this project is built on; `npm run test:integration` runs the suite in code-server there.

import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { codeRepository, copyOfSamples, ROOT } from './codeServer';

async function main(): Promise<void> {
  // The demo workspace with its tests, then a code repository that does not use Newsmark with its own.
  for (const [workspace, tests] of [
    [copyOfSamples(), 'out/test/integration/index.js'],
    [codeRepository(), 'out/test/integration/quiet/index.js'],
  ]) {
    await runTests({
      version: process.env.NEWSMARK_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(ROOT, tests),
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    });
  }
}

main().catch(e => {
  console.error('desktop integration tests failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
