// Loaded by the extension host (extensionTestsPath): runs the integration tests with mocha. Host-agnostic:
// the same entry serves code-server (npm run test:integration) and desktop VS Code (npm run test:desktop).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}

/** Runs the `*.test.js` files of a folder (the demo workspace's here; quiet/ has its own workspace and entry). */
export function runTestsIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  if (process.env.NEWSMARK_GREP) mocha.grep(process.env.NEWSMARK_GREP);
  for (const f of readdirSync(dir)
    .filter(n => n.endsWith('.test.js'))
    .sort())
    mocha.addFile(join(dir, f));
  return new Promise((resolve, reject) => {
    mocha.run(failures => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
