// A real VS Code for tests, offline: code-server (VS Code's server and web workbench, installed from npm by
// scripts/vscode-host.sh into .vscode-test/code-server) driven by Debian's chromium through playwright-core.

import { type ChildProcess, spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../../..');
export const CODE_SERVER =
  process.env.NEWSMARK_CODE_SERVER ?? join(ROOT, '.vscode-test/code-server/node_modules/.bin/code-server');
export const CHROMIUM = process.env.NEWSMARK_CHROMIUM ?? '/usr/bin/chromium';

/** Why the real VS Code cannot run here, or null when it can. */
export function hostProblem(): string | null {
  if (!existsSync(CODE_SERVER))
    return `code-server is not installed at ${CODE_SERVER} (run: bash scripts/vscode-host.sh)`;
  if (!existsSync(CHROMIUM))
    return `chromium is not installed at ${CHROMIUM} (run: bash scripts/vscode-host.sh, or apt-get install chromium)`;
  return null;
}

// Servers run in their own process groups; whatever happens to this process, they are killed with it.
const groups = new Set<number>();
process.on('exit', () => {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone already */
    }
  }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => process.exit(130));

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

export interface Server {
  url: string;
  dataDir: string;
  /** A path as the workbench names it (the extension host runs on this machine). */
  remote(path: string): string;
  /** The workbench URL for a folder, with development payload (extensionDevelopmentPath, …). */
  workbench(folder: string, payload?: [string, string][]): string;
  /** Code-server's own log. */
  logFile: string;
  stop(keepData?: boolean): Promise<void>;
}

export interface StartOptions {
  settings?: Record<string, unknown>;
  /** .vsix files to install into the extensions folder before starting. */
  installVsix?: string[];
  /** An extensions folder to use instead of a fresh empty one. */
  extensionsDir?: string;
  /** A folder for code-server's data that outlives the run (settings, state); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Port on 127.0.0.1; a free one otherwise. */
  port?: number;
  onExit?: (code: number | string | null) => void;
}

export async function startCodeServer(opts: StartOptions = {}): Promise<Server> {
  const problem = hostProblem();
  if (problem) throw new Error(problem);
  const port = opts.port ?? (await freePort());
  const keep = opts.dataDir !== undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'newsmark-cs-'));
  mkdirSync(dataDir, { recursive: true });
  const userDir = join(dataDir, 'user');
  const extDir = opts.extensionsDir ?? join(dataDir, 'extensions');
  mkdirSync(join(userDir, 'User'), { recursive: true });
  mkdirSync(extDir, { recursive: true });
  mkdirSync(join(dataDir, 'tmp'), { recursive: true });
  const config = join(dataDir, 'config.yaml');
  writeFileSync(config, ''); // never read or write ~/.config/code-server
  const settingsFile = join(userDir, 'User/settings.json');
  // A kept data folder keeps the settings its user changed.
  if (!keep || !existsSync(settingsFile))
    writeFileSync(
      settingsFile,
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'telemetry.telemetryLevel': 'off',
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'update.mode': 'none',
          'security.workspace.trust.enabled': false,
          'chat.commandCenter.enabled': false,
          'git.openRepositoryInParentFolders': 'never',
          // code-server looks for ports to forward by running `ls /proc/*/fd` and `ps` from the extension host's
          // thread every few seconds (40–190 ms a time on a loaded machine); desktop VS Code does not, and no test
          // forwards a port. (code-server has a tunnel provider of its own, so the scan stops only when ports are
          // not looked for in processes at all.)
          'remote.autoForwardPorts': false,
          'remote.autoForwardPortsSource': 'output',
          ...opts.settings,
        },
        null,
        2,
      ),
    );
  // No gallery (it would try to reach the internet); sockets and temp files stay in the run's folder.
  const env = { ...process.env, EXTENSIONS_GALLERY: '{}', TMPDIR: join(dataDir, 'tmp') };
  const base = [
    '--config',
    config,
    '--user-data-dir',
    userDir,
    '--extensions-dir',
    extDir,
    '--disable-telemetry',
    '--disable-update-check',
  ];
  for (const vsix of opts.installVsix ?? []) {
    await new Promise<void>((res, rej) => {
      const p = spawn(CODE_SERVER, [...base, '--install-extension', vsix, '--force'], {
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      p.on('exit', c => (c === 0 ? res() : rej(new Error(`code-server --install-extension ${vsix} exited ${c}`))));
    });
  }
  const logFile = join(dataDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const proc: ChildProcess = spawn(
    CODE_SERVER,
    [
      ...base,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  groups.add(proc.pid!);
  proc.stdout!.pipe(log);
  proc.stderr!.pipe(log);
  let stopping = false;
  await new Promise<void>((res, rej) => {
    let seen = '';
    const timer = setTimeout(() => rej(new Error(`code-server did not start within 90 s (log: ${logFile})`)), 90000);
    proc.stdout!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (/HTTP server listening on/.test(seen)) {
        clearTimeout(timer);
        res();
      }
    });
    proc.on('exit', c => {
      clearTimeout(timer);
      rej(new Error(`code-server exited with ${c} while starting: ${seen.slice(-2000)}`));
    });
  });
  proc.on('exit', c => {
    if (!stopping) opts.onExit?.(c);
  });
  const host = `127.0.0.1:${port}`;
  return {
    url: `http://${host}`,
    dataDir,
    logFile,
    remote: p => `vscode-remote://${host}${realpathSync(p)}`,
    workbench(folder, payload = []) {
      let u = `http://${host}/?folder=${encodeURIComponent(realpathSync(folder))}`;
      if (payload.length) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return u;
    },
    async stop(keepData = false) {
      stopping = true;
      try {
        process.kill(-proc.pid!, 'SIGTERM');
      } catch {
        /* gone */
      }
      await new Promise(r => setTimeout(r, 400));
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
      groups.delete(proc.pid!);
      if (!keepData && !keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's chromium, headless, with nothing that reaches for the network. */
export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A fresh copy of the demo workspace, so tests may change files without touching the repo. */
export function copyOfSamples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-ws-'));
  cpSync(join(ROOT, 'samples'), dir, { recursive: true });
  return dir;
}

/**
 * A code repository that does not use Newsmark: a README and notes in prose (with people and places in them), code,
 * and no sidecar. Newsmark must leave it alone until the user enables it (test/integration/quiet).
 */
export function codeRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-repo-'));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'notes'));
  writeFileSync(
    join(dir, 'README.md'),
    '# tide-tables\n\nA small library for tide tables. Written by Oskar Brevik in Tromsø; ' +
      'Nadia Ferreira of the Lisbon Port Authority said on 3 March 2025 that the ports of Portugal would adopt it.\n',
  );
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'tide-tables', version: '1.0.0', main: 'src/index.js' }, null, 2) + '\n',
  );
  writeFileSync(join(dir, 'src/index.js'), 'exports.highWater = (day) => day * 2; // Oslo, Norway\n');
  writeFileSync(
    join(dir, 'notes/briefing.txt'),
    'Harbour board approves new tide gauges\n\nTROMSØ, March 4 - The harbour board of Tromsø ' +
      'approved four new tide gauges on Tuesday, its chair Ingrid Solberg said. "The old ones drift in winter," said Kari ' +
      'Nilsen, an engineer at the Norwegian Mapping Authority.\n',
  );
  return dir;
}

/** The demo workspace open in the web workbench, with Newsmark installed from its .vsix, in a browser page. */
export interface Workbench {
  server: Server;
  browser: Browser;
  page: Page;
  /** The copy of samples/ that is open. */
  workspace: string;
  /** Where code-server installed the extension. */
  extensions: string;
  close(): Promise<void>;
}

/**
 * Installs newsmark.vsix (built by `npm run package`) into a fresh extensions folder, as a user installs it, starts
 * code-server on a copy of the demo articles and opens the workbench in chromium, with the explorer shown.
 */
export async function openWorkbench(
  opts: { settings?: Record<string, unknown>; onPage?: (page: Page) => void } = {},
): Promise<Workbench> {
  const { onPage } = opts;
  const vsix = join(ROOT, 'newsmark.vsix');
  if (!existsSync(vsix)) throw new Error('newsmark.vsix is built first (npm run package; npm run test:e2e does it)');
  const workspace = copyOfSamples();
  const extensions = mkdtempSync(join(tmpdir(), 'newsmark-exts-'));
  const server = await startCodeServer({
    extensionsDir: extensions,
    installVsix: [vsix],
    settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.wordWrap': 'on', ...opts.settings },
  });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  onPage?.(page);
  await page.goto(server.workbench(workspace), { timeout: 180000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 180000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 180000 });
  return {
    server,
    browser,
    page,
    workspace,
    extensions,
    async close() {
      await browser.close().catch(() => undefined);
      await server.stop();
      rmSync(workspace, { recursive: true, force: true });
      rmSync(extensions, { recursive: true, force: true });
    },
  };
}
