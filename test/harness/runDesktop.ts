// `npm run test:desktop`: the same integration suite (test/integration, through its run()) in desktop VS Code,
// downloaded by @vscode/test-electron. It needs the internet to download VS Code, so it cannot run on the
// offline machines this project is built on; `npm run test:integration` runs the suite in code-server there.

import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyOfSamples, ROOT } from './codeServer';

async function main(): Promise<void> {
  const workspace = copyOfSamples();
  await runTests({
    version: process.env.NEWSMARK_VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
}

main().catch(e => {
  console.error('desktop integration tests failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
