// Annotating inside a real VS Code: tag, persist in the sidecar, survive edits made outside the editor, and
// never write over a sidecar that is broken.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { NewsmarkApi } from '../../src/extension/extension';
import { sleep, until } from './wait';

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const ARTICLE = 'election/coastline-wire.txt';

async function openArticle(rel = ARTICLE): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), rel));
  return vscode.window.showTextDocument(doc);
}

function select(ed: vscode.TextEditor, words: string): void {
  const s = ed.document.getText().indexOf(words);
  assert.ok(s >= 0, words);
  ed.selection = new vscode.Selection(ed.document.positionAt(s), ed.document.positionAt(s + words.length));
}

describe('annotating in VS Code', function () {
  this.timeout(60000);
  let api: NewsmarkApi;

  before(async () => {
    await openArticle();
    const ext = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark')!;
    api = await until('activation', () => ext.isActive && ext.exports);
  });

  it('tags the selection by command; the sidecar holds it; closing and reopening restores it', async () => {
    const ed = await openArticle();
    const sidecar = api.sidecarOf(ed.document);
    assert.equal(existsSync(sidecar.fsPath), false, 'no sidecar before the first annotation');
    select(ed, 'Efua Mensah');
    const ann = await vscode.commands.executeCommand<{ id: string }>('newsmark.tagSelection', {
      kind: 'entity',
      type: 'PERSON',
    });
    assert.ok(ann?.id);
    const onDisk = readFileSync(sidecar.fsPath, 'utf8');
    assert.match(onDisk, new RegExp(`- id: ${ann.id}\\n {4}kind: entity\\n {4}anchor: \\{ exact: "Efua Mensah"`));
    assert.match(onDisk, /type: PERSON/);
    assert.match(
      onDisk,
      /\n {2}title: Ghana delays vote count as opposition alleges fraud\n {2}published: "?2026-12-09"?\n/,
      'a new sidecar starts with the headline and date',
    );
    await until('solid highlight', () => api.highlighted('annotations', ed).length === 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const again = await openArticle();
    const found = await until('restored', () => api.annotations(again.document).find(a => a.id === ann.id));
    assert.equal(again.document.getText().slice(found.start!, found.end!), 'Efua Mensah');
  });

  it('follows its words when the article is changed outside the editor', async () => {
    const ed = await openArticle();
    const before = api.annotations(ed.document).find(a => a.fields.type === 'PERSON')!;
    const path = ed.document.uri.fsPath;
    writeFileSync(path, 'UPDATED with a correction at the top.\n' + readFileSync(path, 'utf8'));
    await until('document reloaded', () => ed.document.getText().startsWith('UPDATED'));
    const after = await until('re-found', () => {
      const a = api.annotations(ed.document).find(x => x.id === before.id);
      return a && a.start !== before.start && a;
    });
    assert.equal(ed.document.getText().slice(after.start!, after.end!), 'Efua Mensah');
    // Closed, changed on disk, reopened: found again from the sidecar's quote.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    writeFileSync(path, readFileSync(path, 'utf8').replace('UPDATED with a correction at the top.\n', ''));
    const reopened = await openArticle();
    // (VS Code may show the document it still holds and read the file again a moment later: wait for the new text,
    // or the next test reads one text while Newsmark analyses the other.)
    await until('reopened document read again', () => !reopened.document.getText().startsWith('UPDATED'));
    await api.reloadAnnotations(reopened.document);
    const back = api.annotations(reopened.document).find(x => x.id === before.id)!;
    assert.equal(reopened.document.getText().slice(back.start!, back.end!), 'Efua Mensah');
  });

  it('accepts a finding (solid from then on) and rejects another (gone and stays gone)', async () => {
    const ed = await openArticle();
    const text = ed.document.getText();
    const at = text.indexOf('Kumasi') + 2;
    const accepted = await vscode.commands.executeCommand<{ id: string; origin: string }>('newsmark.acceptFinding', at);
    assert.equal(accepted?.origin, 'accepted');
    const place = api.annotations(ed.document).find(a => a.id === accepted!.id)!;
    assert.equal(text.slice(place.start!, place.end!), 'Kumasi');
    const tamale = text.indexOf('Tamale');
    assert.ok(api.highlighted('entities', ed).some(r => ed.document.offsetAt(r.start) === tamale));
    assert.equal(await vscode.commands.executeCommand('newsmark.rejectFinding', tamale + 1), true);
    await until(
      'rejected finding hidden',
      () => !api.highlighted('entities', ed).some(r => ed.document.offsetAt(r.start) === tamale),
    );
    await ed.edit(e => e.insert(new vscode.Position(0, 0), 'Edited. '));
    await api.whenIdle();
    const t2 = ed.document.getText().indexOf('Tamale');
    await sleep(400);
    assert.ok(
      !api.highlighted('entities', ed).some(r => ed.document.offsetAt(r.start) === t2),
      'stays gone after re-analysis',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reports an annotation whose words are gone, and re-attaches it with the quick fix', async () => {
    const ed = await openArticle('election/daily-ledger.md');
    select(ed, 'pressure on staff had grown');
    const ann = await vscode.commands.executeCommand<{ id: string }>('newsmark.tagSelection', {
      kind: 'claim',
      status: 'disputed',
    });
    assert.ok(ann);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const path = vscode.Uri.joinPath(folder(), 'election/daily-ledger.md').fsPath;
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        'that pressure on staff had grown since early December',
        'that staff felt watched',
      ),
    );
    const again = await openArticle('election/daily-ledger.md');
    await api.reloadAnnotations(again.document);
    const diag = await until('orphan diagnostic', () =>
      vscode.languages
        .getDiagnostics(again.document.uri)
        .find(d => typeof d.code === 'object' && d.code.value === 'orphaned-annotation'),
    );
    assert.match(diag.message, /no longer found in the text/);
    select(again, 'staff felt watched');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      again.document.uri,
      again.selection,
    );
    const fix = actions.find(a => /Re-attach annotation/.test(a.title));
    assert.ok(fix?.command, actions.map(a => a.title).join(' | '));
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const reattached = await until('re-attached', () => {
      const a = api.annotations(again.document).find(x => x.id === ann.id);
      return a && !a.orphaned && a;
    });
    assert.equal(again.document.getText().slice(reattached.start!, reattached.end!), 'staff felt watched');
    await until(
      'diagnostic cleared',
      () =>
        !vscode.languages
          .getDiagnostics(again.document.uri)
          .some(d => typeof d.code === 'object' && d.code.value === 'orphaned-annotation'),
    );
  });

  it('links annotations across articles, and the hover shows the link', async () => {
    const ledger = await openArticle('election/daily-ledger.md');
    const target = api.annotations(ledger.document)[0];
    const ed = await openArticle();
    const from = api.annotations(ed.document).find(a => a.fields.type === 'PERSON')!;
    assert.equal(
      await vscode.commands.executeCommand('newsmark.linkAnnotations', {
        from: from.id,
        to: `daily-ledger.md#${target.id}`,
        type: 'same-entity',
      }),
      true,
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      ed.document.uri,
      ed.document.positionAt(from.start! + 1),
    );
    const md = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(md, /\*\*Annotation\*\* · entity/);
    assert.match(
      md,
      new RegExp(`same-entity → \\[daily-ledger\\.md#${target.id}\\]\\(command:newsmark\\.revealAnnotation`),
    );
  });

  it('shows a broken sidecar’s error on its line, keeps the annotations read-only and writes nothing', async () => {
    const ed = await openArticle();
    const sidecar = api.sidecarOf(ed.document);
    const broken = readFileSync(sidecar.fsPath, 'utf8').replace('kind: entity', 'kind: [entity');
    writeFileSync(sidecar.fsPath, broken);
    const diag = await until('read-only diagnostic', () =>
      vscode.languages.getDiagnostics(ed.document.uri).find(d => d.code === 'broken-sidecar'),
    );
    assert.match(diag.message, /read-only: its sidecar has .*line \d+/);
    const onSidecar = vscode.languages.getDiagnostics(sidecar);
    assert.ok(onSidecar.length > 0 && onSidecar[0].range.start.line > 0, 'the error sits on its line in the sidecar');
    assert.ok(api.annotations(ed.document).length > 0, 'the last good annotations are still shown');
    select(ed, 'Kwame Asante');
    const r = await vscode.commands.executeCommand('newsmark.tagSelection', { kind: 'entity', type: 'PERSON' });
    assert.equal(r, undefined, 'not written now');
    assert.equal(api.pending(ed.document), 1, 'the new annotation waits');
    assert.equal(readFileSync(sidecar.fsPath, 'utf8'), broken, 'not written over');
    // Fixed by the user: what waited is written.
    writeFileSync(sidecar.fsPath, broken.replace('kind: [entity', 'kind: entity'));
    await until(
      'fixed',
      () => !vscode.languages.getDiagnostics(ed.document.uri).some(d => d.code === 'broken-sidecar'),
    );
    // Polled while the store writes it: the file is replaced in one step, so it is never missing (a read that found
    // no file here once showed the workbench's rename deleting the old sidecar before moving the new one in).
    await until('the waiting annotation written', () =>
      readFileSync(sidecar.fsPath, 'utf8').includes('exact: "Kwame Asante"'),
    );
    assert.equal(api.pending(ed.document), 0);
    unlinkSync(sidecar.fsPath);
  });
});
