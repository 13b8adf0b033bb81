// Across the workspace in a real VS Code: the sidebar's sources, claims and contradictions, a click opening the
// statement, contradictions as diagnostics pointing at the other article, and the commands.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { NewsmarkApi } from '../../src/extension/extension';
import { until } from './wait';

const folder = () => vscode.workspace.workspaceFolders![0].uri;

describe('the workspace in VS Code', function () {
  this.timeout(90000);
  let api: NewsmarkApi;

  before(async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'ferry/nordwire.txt'));
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark')!;
    api = await until('activation', () => ext.isActive && ext.exports);
    await api.reindex();
  });

  it('lists the sources quoted across the articles', () => {
    const sources = api.viewLabels('sources');
    assert.ok(
      sources.some(s => /^Henrik Dahl — person · 3 articles/.test(s)),
      sources.join('\n'),
    );
    assert.ok(sources.some(s => /^Efua Mensah — person · 2 articles/.test(s)));
    assert.ok(sources.some(s => /^anonymous sources \(2\) — anonymous/.test(s)));
  });

  it('lists contradictions with their kind, and claims with how many articles report them', () => {
    const conflicts = api.viewLabels('contradictions');
    assert.ok(
      conflicts.some(c => /^number: .*Two crew.*Three crew|^number: .*Three crew.*Two crew/.test(c)),
      conflicts.join('\n'),
    );
    assert.ok(conflicts.some(c => /^date: /.test(c)));
    assert.ok(conflicts.some(c => /^hedge: .*reportedly/.test(c)));
    const claims = api.viewLabels('claims');
    assert.ok(claims.length >= 3 && claims.every(c => /independent report/.test(c)), claims.join('\n'));
  });

  it('opens the statement a contradiction names', async () => {
    const labels = api.viewLabels('contradictions');
    const i = labels.findIndex(c => c.startsWith('number:') && /crew/.test(c));
    const child = api.viewChildren('contradictions', i)[0];
    await api.openViewItem('contradictions', i, 0);
    const ed = await until(
      'editor',
      () => vscode.window.activeTextEditor?.document.uri.path.endsWith(child.doc!) && vscode.window.activeTextEditor,
    );
    assert.equal(ed.document.getText(ed.selection), ed.document.getText().slice(child.start, child.end));
    assert.match(ed.document.getText(ed.selection), /crew members/);
  });

  it('shows contradictions as diagnostics pointing at the other article', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'ferry/harbour-daily.md');
    // (on the articles open in the editor)
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const d = await until('diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find(x => x.code === 'contradiction' && /number/.test(x.message)),
    );
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(d.relatedInformation?.[0].location.uri.path.endsWith('ferry/nordwire.txt'));
    assert.match(d.relatedInformation![0].message, /Three crew members/);
  });

  it('finds a claim in other articles and follows a source from the cursor', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'ferry/nordwire.txt'));
    const ed = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('the bridge was understaffed');
    ed.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at));
    const others = await vscode.commands.executeCommand<{ doc: string; text: string }[]>('newsmark.findClaim', {
      interactive: false,
    });
    assert.ok(
      others.some(m => m.doc.endsWith('harbour-daily.md') && /Two crew members/.test(m.text)),
      JSON.stringify(others),
    );
    const q = doc.getText().indexOf('We will not let a single vessel');
    ed.selection = new vscode.Selection(doc.positionAt(q), doc.positionAt(q));
    const source = await vscode.commands.executeCommand<{ speaker: string; quotes: { doc: string }[] }>(
      'newsmark.showSource',
      { interactive: false },
    );
    assert.equal(source?.speaker, 'Henrik Dahl');
    assert.equal(new Set(source!.quotes.map(x => x.doc)).size, 3);
  });

  it('checks the workspace and compares coverage in a webview', async () => {
    const counts = await vscode.commands.executeCommand<{ articles: number; conflicts: number }>(
      'newsmark.checkWorkspace',
    );
    assert.ok(counts.articles >= 5 && counts.conflicts >= 3, JSON.stringify(counts));
    await vscode.commands.executeCommand('newsmark.compareCoverage');
    const html = await until('coverage page', () => api.coverageHtml());
    // Style and script from media/ only; scripts also need the page's nonce.
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src [^;]+; script-src 'nonce-(\w{32})';">/,
    );
    assert.match(html, /<script nonce="\w{32}" src="[^"]*\/media\/coverage\.js"><\/script>/);
    assert.doesNotMatch(html, /<style|style=/, 'no inline style');
    assert.match(html, /<table role="grid">/);
    assert.match(html, /class="conflicts"><button data-doc="ferry\//);
    for (const m of html.matchAll(/(?:src|href)="([^"]*)"/g))
      assert.match(m[1], /\/media\/[\w.]+$/, "nothing but the extension's own media");
  });

  it('dismisses a contradiction into the sidecar, and it stays hidden', async () => {
    const before = api.viewLabels('contradictions');
    const i = before.findIndex(c => c.startsWith('date:'));
    const child = api.viewChildren('contradictions', i)[0];
    const ok = await vscode.commands.executeCommand('newsmark.dismissConflict', { conflict: await conflictAt(i) });
    assert.equal(ok, true);
    const sidecar = vscode.Uri.joinPath(folder(), `${child.doc}.newsmark.yaml`);
    assert.match(readFileSync(sidecar.fsPath, 'utf8'), /dismissed:\n {2}- \{ exact: /);
    await until('hidden', () => api.viewLabels('contradictions').length === before.length - 1);
  });

  /** The conflict behind a view item, as the view's context menu passes it. */
  async function conflictAt(i: number): Promise<unknown> {
    const r = await api.reindex();
    return r.conflicts[i];
  }
});
