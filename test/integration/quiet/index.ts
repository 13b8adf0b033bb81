// Loaded by the extension host for the second workspace of the integration run: a code repository that does not use
// Newsmark (test/harness/codeServer.ts codeRepository()).
import { runTestsIn } from '../index';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
