// Importing web pages in a real VS Code: a saved page becomes an article that opens highlighted, with its dates
// resolved against the publication date the page gave; a page without a date gets one by Set Publication Date.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { analyze } from '../../src/core';
import type { NewsmarkApi } from '../../src/extension/extension';
import { until } from './wait';

const FIXTURES = join(__dirname, '../../../test/fixtures/import');

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the demo workspace is open');
  return f.uri;
}

/** A saved page put into the workspace, as a user's browser would save it. */
function savePage(fixture: string, as: string): vscode.Uri {
  const dir = join(folder().fsPath, 'saved');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, as), readFileSync(join(FIXTURES, fixture)));
  return vscode.Uri.file(join(dir, as));
}

const sidecarText = (article: vscode.Uri) => readFileSync(article.fsPath + '.newsmark.yaml', 'utf8');

describe('Import Article', function () {
  let api: NewsmarkApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark');
    assert.ok(ext);
    api = await ext.activate();
  });

  it('imports a saved page: the article opens highlighted, dates resolved against the page’s publication date', async () => {
    const page = savePage('jsonld-newsarticle.html', 'ferry-strike.html');
    const opened = await vscode.commands.executeCommand<vscode.Uri[]>('newsmark.importArticle', page);
    assert.equal(opened.length, 1);
    assert.equal(
      opened[0].path,
      vscode.Uri.joinPath(folder(), 'saved/harbour-daily-ferry-strike-ends-after-two-weeks.txt').path,
    );
    const editor = await until(
      'the imported article in the editor',
      () => vscode.window.activeTextEditor?.document.uri.path === opened[0].path && vscode.window.activeTextEditor,
    );
    const doc = editor.document;
    assert.ok(doc.getText().startsWith('Ferry strike ends after two weeks\n\n'));
    assert.match(sidecarText(opened[0]), /published: "2026-03-04"/);
    // Highlighted exactly as the engine finds them with the imported date.
    const want = analyze(doc.getText(), { published: '2026-03-04' });
    await until(
      'date highlights',
      () =>
        api.highlighted('dates', editor).length === want.dates.length && api.analysis(doc)?.published === '2026-03-04',
    );
    assert.ok(api.highlighted('entities', editor).length > 5);
    const wednesday = api.analysis(doc)!.dates.find(d => d.text === 'Wednesday');
    assert.equal(wednesday?.value, '2026-03-04');
    const friday = api.analysis(doc)!.dates.find(d => d.text === 'Friday');
    assert.equal(friday?.value, want.dates.find(d => d.text === 'Friday')?.value);
  });

  it('never writes over an article: importing again gives a second file', async () => {
    const page = vscode.Uri.joinPath(folder(), 'saved/ferry-strike.html');
    const opened = await vscode.commands.executeCommand<vscode.Uri[]>('newsmark.importArticle', page);
    assert.ok(opened[0].path.endsWith('/harbour-daily-ferry-strike-ends-after-two-weeks-2.txt'));
  });

  it('a page without a date: Set Publication Date writes the sidecar and the dates resolve', async () => {
    const page = savePage('no-date.html', 'beach.html');
    const [article] = await vscode.commands.executeCommand<vscode.Uri[]>('newsmark.importArticle', page);
    assert.ok(article);
    assert.doesNotMatch(sidecarText(article), /published:/);
    const editor = await until(
      'the imported article',
      () => vscode.window.activeTextEditor?.document.uri.path === article.path && vscode.window.activeTextEditor,
    );
    assert.equal(api.analysis(editor.document)?.dates.find(d => d.text === 'five years ago')?.value, null);
    // A date that is no day of the calendar is refused and nothing is written.
    assert.equal(await vscode.commands.executeCommand('newsmark.setPublicationDate', article, '2026-02-30'), false);
    assert.doesNotMatch(sidecarText(article), /published:/);
    assert.equal(await vscode.commands.executeCommand('newsmark.setPublicationDate', article, '2026-05-10'), true);
    assert.match(sidecarText(article), /published: "2026-05-10"/);
    // "five years ago" has no year until the article has a date; then it is five years before it.
    const want = analyze(editor.document.getText(), { published: '2026-05-10' });
    const ago = want.dates.find(d => d.text === 'five years ago');
    assert.equal(ago?.value, '2021');
    await until(
      'dates resolved against the new date',
      () => api.analysis(editor.document)?.dates.find(d => d.text === 'five years ago')?.value === '2021',
    );
    assert.equal(await vscode.commands.executeCommand('newsmark.setOutlet', article, 'Gullhaven Shore News'), true);
    assert.match(sidecarText(article), /outlet: Gullhaven Shore News/);
    assert.match(sidecarText(article), /published: "2026-05-10"/);
  });

  it('a login wall is refused and nothing is written', async () => {
    const before = readdirSync(join(folder().fsPath, 'saved')).sort();
    const page = savePage('login-wall.html', 'insurers.html');
    const opened = await vscode.commands.executeCommand<vscode.Uri[]>('newsmark.importArticle', page);
    assert.deepEqual(opened, []);
    assert.deepEqual(readdirSync(join(folder().fsPath, 'saved')).sort(), [...before, 'insurers.html'].sort());
  });

  it('imports from an address, keeping the fetched page only when newsmark.import.keepHtml is set', async () => {
    const html = readFileSync(join(FIXTURES, 'amp.html'));
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    const port = await new Promise<number>(r =>
      server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)),
    );
    const config = vscode.workspace.getConfiguration('newsmark');
    try {
      await config.update('import.keepHtml', true, vscode.ConfigurationTarget.Global);
      const [article] = await vscode.commands.executeCommand<vscode.Uri[]>(
        'newsmark.importArticle',
        `http://127.0.0.1:${port}/culture/glacier`,
      );
      assert.ok(article, 'imported');
      assert.equal(
        article.path,
        vscode.Uri.joinPath(folder(), 'pinecrest-herald-glacier-museum-opens-in-skarvik.txt').path,
      );
      assert.ok(
        existsSync(join(folder().fsPath, 'pinecrest-herald-glacier-museum-opens-in-skarvik.html')),
        'the fetched page is kept',
      );
      assert.match(
        sidecarText(article),
        /url: "https:\/\/pinecrestherald\.example\/culture\/glacier-museum-opens-in-skarvik"/,
      );
      await config.update('import.keepHtml', undefined, vscode.ConfigurationTarget.Global);
      const [again] = await vscode.commands.executeCommand<vscode.Uri[]>(
        'newsmark.importArticle',
        `http://127.0.0.1:${port}/culture/glacier`,
      );
      assert.ok(again.path.endsWith('-2.txt'));
      assert.ok(
        !existsSync(join(folder().fsPath, 'pinecrest-herald-glacier-museum-opens-in-skarvik-2.html')),
        'not kept without the setting',
      );
    } finally {
      await config.update('import.keepHtml', undefined, vscode.ConfigurationTarget.Global);
      await new Promise(r => server.close(r));
    }
    // Nothing listens on the port any more: a clear failure, nothing written.
    const before = readdirSync(folder().fsPath).sort();
    assert.deepEqual(
      await vscode.commands.executeCommand('newsmark.importArticle', `http://127.0.0.1:${port}/culture/glacier`),
      [],
    );
    assert.deepEqual(readdirSync(folder().fsPath).sort(), before);
  });

  it('Set Outlet on an article without a sidecar creates one, with the headline', async () => {
    const file = join(folder().fsPath, 'saved', 'notes-from-the-quay.txt');
    writeFileSync(
      file,
      'Quay lights to be replaced\n\nThe lamps along the north quay will be replaced with brighter ones over the winter, the harbour board said.\n',
    );
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(uri);
    assert.equal(
      await vscode.commands.executeCommand('newsmark.setOutlet', uri, '  '),
      false,
      'an empty outlet is refused',
    );
    assert.ok(!existsSync(file + '.newsmark.yaml'));
    assert.equal(await vscode.commands.executeCommand('newsmark.setOutlet', uri, 'Harbour Board Bulletin'), true);
    const text = sidecarText(uri);
    assert.match(text, /title: Quay lights to be replaced\n/);
    assert.match(text, /outlet: Harbour Board Bulletin\n/);
  });
});
