// `npm start`: builds Newsmark and opens it on the demo articles (samples/) in a real VS Code, code-server on
// 127.0.0.1, installing code-server and chromium first when they are missing. Prints the URL; Ctrl-C stops it.
// Environment: PORT (default 8080), NEWSMARK_FOLDER (default samples/).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run(process.execPath, ['scripts/build.mjs']);
try {
  run('bash', ['scripts/vscode-host.sh']);
} catch {
  console.error(
    '\nnewsmark: could not install code-server (see above). It needs root for apt-get, or the Debian packages chromium, ripgrep and libkrb5-dev installed.',
  );
  process.exit(1);
}
const require = createRequire(import.meta.url);
const { startCodeServer } = require(join(root, 'out/test/harness/codeServer.js'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const data = join(root, '.vscode-test/demo');
const extensions = join(data, 'extensions');
mkdirSync(extensions, { recursive: true });
const link = join(extensions, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
if (existsSync(link)) rmSync(link, { recursive: true, force: true });
symlinkSync(root, link);
const folder = resolve(process.env.NEWSMARK_FOLDER ?? join(root, 'samples'));
const server = await startCodeServer({
  dataDir: data,
  extensionsDir: extensions,
  port: Number(process.env.PORT ?? 8080),
  settings: { 'editor.wordWrap': 'on' },
  onExit: code => {
    console.error(`code-server stopped (${code})`);
    process.exit(1);
  },
});
console.log(
  `\nNewsmark is open on ${folder}\n\n    ${server.workbench(folder)}\n\nOpen that address in a browser. Ctrl-C stops the server.`,
);
process.on('SIGINT', async () => {
  await server.stop();
  process.exit(0);
});
