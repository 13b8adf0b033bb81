// One workspace for the editor and the CLI, in a real VS Code: a contradiction dismissed in the editor is gone from
// `newsmark check` too, and neither counts a README.md as an article. Invented articles written into the workspace.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NewsmarkApi } from '../../src/extension/extension';
import { until } from './wait';

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const dir = () => vscode.Uri.joinPath(folder(), 'saltmere');

const TIDE = `Harbour wall to be rebuilt in Saltmere

SALTMERE — The Saltmere harbour board approved the rebuilding of the old sea wall on Monday, a project that will cost 14 million pounds over three years.

"The wall has protected this town for a century and it must be made safe," said Edda Krall, the chair of the harbour board.`;

const GULL = `Saltmere sea wall gets approval

The Saltmere harbour board voted on Monday to rebuild the old sea wall, a project that will cost 9 million pounds over three years.

"The wall has protected this town for a century and it must be made safe," Ms. Krall said after the vote.`;

const NOTES = `# Saltmere notes

The Saltmere harbour board approved the rebuilding of the old sea wall on Monday, a project that will cost 30 million pounds over three years.`;

interface Check {
  documents: string[];
  conflicts: { kind: string; explanation: string; a: { doc: string }; b: { doc: string } }[];
}

describe('one workspace model for the editor and the CLI', function () {
  this.timeout(120000);
  let api: NewsmarkApi;
  let cli: string;

  /** `newsmark check --json saltmere`, run in the workspace folder as a user would in its terminal. */
  const check = (): Check => {
    const r = spawnSync(process.execPath, [cli, 'check', '--json', 'saltmere'], {
      cwd: folder().fsPath,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return JSON.parse(r.stdout) as Check;
  };
  const wallConflicts = () =>
    api
      .viewLabels('contradictions')
      .map((label, i) => ({ label, i, children: api.viewChildren('contradictions', i) }))
      .filter(c => c.children.every(m => m.doc?.startsWith('saltmere/')) && /million/.test(c.label));

  before(async () => {
    const ext = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark')!;
    await ext.activate();
    api = await until('activation', () => ext.isActive && ext.exports);
    cli = join(ext.extensionPath, 'dist', 'cli.js');
    const write = (name: string, text: string) =>
      vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), name), new TextEncoder().encode(text));
    await write('tide.txt', TIDE);
    await write('tide.txt.newsmark.yaml', 'version: 1\ndocument: { outlet: "Tide Weekly", published: 2033-05-03 }\n');
    await write('gull.txt', GULL);
    await write('gull.txt.newsmark.yaml', 'version: 1\ndocument: { outlet: "Gull Post", published: 2033-05-03 }\n');
    await write('README.md', NOTES);
    await api.reindex();
  });

  after(async () => {
    await vscode.workspace.fs.delete(dir(), { recursive: true });
    await api.reindex();
  });

  it('reads the same articles in the editor and the CLI: not the README', async () => {
    const r = await api.reindex();
    assert.deepEqual(r.documents.filter(d => d.startsWith('saltmere/')).sort(), [
      'saltmere/gull.txt',
      'saltmere/tide.txt',
    ]);
    assert.deepEqual(check().documents.sort(), ['saltmere/gull.txt', 'saltmere/tide.txt']);
  });

  it('hides a contradiction dismissed in the editor from newsmark check too', async () => {
    const before = check().conflicts.filter(c => c.kind === 'number');
    assert.equal(before.length, 1, JSON.stringify(before));
    assert.match(before[0].explanation, /14 million/);
    const listed = wallConflicts();
    assert.equal(listed.length, 1, api.viewLabels('contradictions').join('\n'));

    assert.equal(await api.dismissContradiction(listed[0].i), true);
    await until('the view no longer lists it', () => wallConflicts().length === 0);
    // Written where the editor keeps it: the sidecar of one of the two articles.
    const sidecars = await Promise.all(
      ['tide.txt', 'gull.txt'].map(async n =>
        new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir(), `${n}.newsmark.yaml`))),
      ),
    );
    assert.ok(
      sidecars.some(t => /dismissed:/.test(t)),
      sidecars.join('\n---\n'),
    );

    assert.deepEqual(
      check().conflicts.filter(c => c.kind === 'number'),
      [],
    );
  });
});
