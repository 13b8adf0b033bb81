// Newsmark in a code repository that does not use it (a README, notes, code; no sidecar, no .newsmark folder): no
// highlights and no analysis until the user enables it; then its articles are highlighted, and the README still not.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NewsmarkApi } from '../../../src/extension/extension';
import { MAX_PER_LINE } from '../../../src/extension/drawPlan';
import { sleep, until } from '../wait';

const EXT_ID = 'newsmark.newsmark';

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the code repository is open');
  return f.uri;
}

async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), rel));
  return vscode.window.showTextDocument(doc);
}

/** Waits until Newsmark has nothing left to draw, and a moment more for anything it might draw late. */
async function settled(api: NewsmarkApi): Promise<void> {
  await api.whenIdle();
  await sleep(700);
  await api.whenIdle();
}

describe('Newsmark in a code repository that does not use it', function () {
  let api: NewsmarkApi;

  it('activates on a Markdown file and finds that the workspace does not use Newsmark', async () => {
    const ext = vscode.extensions.getExtension<NewsmarkApi>(EXT_ID);
    assert.ok(ext);
    await open('README.md');
    api = await until('activation', () => ext.isActive && ext.exports);
    await api.ready();
    assert.equal(api.enabled(), false);
  });

  it('leaves the README alone: no highlights, no counts, no offer', async () => {
    const editor = await open('README.md');
    await settled(api);
    for (const layer of ['entities', 'dates', 'claims'] as const)
      assert.deepEqual(api.highlighted(layer, editor), [], layer);
    assert.equal(api.statusText(), '');
    assert.equal(api.contextKey('isArticle'), false);
    assert.equal(api.offerShown(), false, 'a README is never offered as an article');
  });

  it('leaves notes in prose alone too, and offers itself in the status bar', async () => {
    const editor = await open('notes/briefing.txt');
    await settled(api);
    assert.deepEqual(api.highlighted('entities', editor), []);
    assert.equal(api.contextKey('isArticle'), false);
    await until('the offer', () => api.offerShown());
    const index = await api.reindex();
    assert.equal(index.documents.length, 0, 'the workspace index reads nothing');
  });

  it('highlights the articles once the user enables Newsmark, and still not the README', async () => {
    await vscode.commands.executeCommand('newsmark.enableWorkspace');
    assert.equal(api.enabled(), true);
    const editor = await open('notes/briefing.txt');
    await until('highlights after Enable', () => api.highlighted('entities', editor).length > 0);
    const names = api.highlighted('entities', editor).map(r => editor.document.getText(r));
    assert.ok(names.includes('Ingrid Solberg'), names.join(', '));
    assert.equal(api.offerShown(), false);
    assert.equal(api.contextKey('isArticle'), true);
    await until('the index reads the notes', async () =>
      (await api.reindex()).documents.some(d => d.endsWith('briefing.txt')),
    );

    const readme = await open('README.md');
    await settled(api);
    assert.deepEqual(api.highlighted('entities', readme), [], 'a README is not an article (newsmark.articles.exclude)');
  });

  it('sets the context keys the Newsmark submenu shows its items by', async () => {
    const editor = await open('notes/briefing.txt');
    const doc = editor.document;
    await until('highlights', () => api.highlighted('entities', editor).length > 0);
    const putAt = async (offset: number) => {
      const at = doc.positionAt(offset);
      editor.selection = new vscode.Selection(at, at);
      await sleep(100);
    };
    const a = api.analysis(doc)!;
    const spans = [
      ...a.entities,
      ...a.dates,
      ...a.attributions.flatMap(c => [c.content, ...(c.cue ? [c.cue] : []), ...(c.source ? [c.source] : [])]),
    ];
    // A word of the text that no finding covers.
    const free = [...doc.getText().matchAll(/\w+/g)]
      .map(m => m.index! + 1)
      .find(o => !spans.some(s => o >= s.start - 1 && o <= s.end + 1));
    assert.ok(free !== undefined);
    await putAt(doc.getText().indexOf('Ingrid Solberg') + 1);
    await until('a finding under the cursor', () => api.contextKey('findingUnderCursor'));
    await putAt(free);
    await until('no finding under the cursor', () => !api.contextKey('findingUnderCursor'));
    await putAt(a.attributions[0].content.start + 1);
    await until('a claim under the cursor', () => api.contextKey('claimUnderCursor'));
    assert.equal(api.contextKey('annotationUnderCursor'), false);
  });

  it('draws a 1 MB article of a single line with at most a few highlights a line, and stays responsive', async function () {
    this.timeout(180000); // analysing 1 MB takes a while on a busy machine
    const sentence = 'Ingrid Solberg met Kari Nilsen in Tromsø on Tuesday, the harbour board said. ';
    // Outside the workspace folder, so that only the editor reads it (not the workspace index and its cross-article
    // check): a loose file is an article once the user enabled Newsmark in this window.
    const file = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'newsmark-long-')), 'one-line.txt'));
    writeFileSync(file.fsPath, sentence.repeat(Math.ceil((1024 * 1024) / sentence.length)));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    assert.equal(editor.document.lineCount, 1);
    await until('highlights on the long line', () => api.highlighted('entities', editor).length > 0, 60000);
    await api.whenIdle();
    for (const layer of ['entities', 'dates', 'claims', 'claimCues', 'claimSources'] as const) {
      const n = api.highlighted(layer, editor).length;
      assert.ok(n <= MAX_PER_LINE, `${layer}: ${n} highlights on one line`);
    }
    // The editor still does what it is asked.
    await vscode.window.showTextDocument(editor.document); // focused, so that the command acts on it
    await vscode.commands.executeCommand('cursorBottom');
    // (The selection reaches the extension host by an event after the command.)
    await until(
      'the cursor at the end of the long line',
      () => (vscode.window.activeTextEditor?.selection.active.character ?? 0) > 1000000,
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('goes quiet again when the user disables Newsmark', async () => {
    await vscode.commands.executeCommand('newsmark.disableWorkspace');
    const editor = await open('notes/briefing.txt');
    await until('no highlights after Disable', () => api.highlighted('entities', editor).length === 0);
    assert.equal(api.contextKey('isArticle'), false);
  });
});
