// Exports, imports, the timeline and the walkthrough's New Article in a real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NewsmarkApi } from '../../src/extension/extension';
import { until } from './wait';

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const read = async (u: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(u));

describe('exports, imports and the timeline in VS Code', function () {
  this.timeout(90000);
  let api: NewsmarkApi;
  const article = () => vscode.Uri.joinPath(folder(), 'election/daily-ledger.md');

  before(async () => {
    const doc = await vscode.workspace.openTextDocument(article());
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark')!;
    api = await until('activation', () => ext.isActive && ext.exports);
    await api.reindex();
  });

  it('exports the article’s annotations as W3C, with code-point positions that select the quotes', async () => {
    const ed = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article()));
    const text = ed.document.getText();
    const at = text.indexOf('Efua Mensah');
    assert.ok(at >= 0);
    await vscode.commands.executeCommand('newsmark.tagSelection', {
      kind: 'source',
      note: 'the commission’s chair',
      start: at,
      end: at + 'Efua Mensah'.length,
    });
    await until('annotation', () => api.annotations(ed.document).some(a => a.kind === 'source'));
    const target = vscode.Uri.joinPath(folder(), 'exports/ledger.jsonld');
    const written = await vscode.commands.executeCommand<vscode.Uri>('newsmark.exportAnnotations', {
      scope: 'article',
      format: 'w3c',
      detected: false,
      target: target.toString(),
    });
    assert.equal(written?.toString(), target.toString());
    const json = JSON.parse(await read(target));
    assert.equal(json.type, 'AnnotationCollection');
    const items = json.first.items as {
      target: { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] };
      body: { purpose: string; value: string }[];
    }[];
    const mine = items.find(i => i.body.some(b => b.purpose === 'commenting' && b.value === 'the commission’s chair'))!;
    assert.ok(mine, 'the note is exported');
    assert.ok(mine.target.source.endsWith('daily-ledger.md'));
    const pos = mine.target.selector.find(s => s.type === 'TextPositionSelector')!;
    assert.equal([...text].slice(pos.start, pos.end).join(''), 'Efua Mensah');
  });

  it('exports the workspace as CSV with the engine’s findings, and brat into a folder', async () => {
    const csv = vscode.Uri.joinPath(folder(), 'exports/all.csv');
    await vscode.commands.executeCommand('newsmark.exportAnnotations', {
      scope: 'workspace',
      format: 'csv',
      detected: true,
      target: csv.toString(),
    });
    const rows = (await read(csv)).trimEnd().split('\r\n');
    assert.match(rows[0], /^article,id,kind,start,end/);
    assert.ok(
      rows.some(r => r.startsWith('ferry/nordwire.txt,') && r.includes(',detected,')),
      'findings of another article',
    );
    assert.ok(
      rows.some(r => r.startsWith('election/daily-ledger.md,') && r.includes('Efua Mensah') && r.includes(',user,')),
    );
    const brat = vscode.Uri.joinPath(folder(), 'exports/brat');
    await vscode.commands.executeCommand('newsmark.exportAnnotations', {
      scope: 'workspace',
      format: 'brat',
      detected: true,
      target: brat.toString(),
    });
    const ann = await read(vscode.Uri.joinPath(brat, 'election/daily-ledger.md.ann'));
    assert.match(ann, /^T\d+\tSource \d+ \d+\tEfua Mensah$/m);
    assert.match(ann, /^#\d+\tAnnotatorNotes T\d+\tthe commission’s chair$/m);
  });

  it('imports a W3C file into another article’s sidecar, once', async () => {
    const other = vscode.Uri.joinPath(folder(), 'election/coastline-wire.txt');
    const text = await read(other);
    const at = text.indexOf('Efua Mensah');
    assert.ok(at >= 0);
    const json = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:test:collection',
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          {
            '@context': 'http://www.w3.org/ns/anno.jsonld',
            id: 'http://example.org/anno/7',
            type: 'Annotation',
            motivation: 'commenting',
            body: { type: 'TextualBody', value: 'Check her title against the commission’s site' },
            target: {
              source: 'https://archive.example.org/election/coastline-wire.txt',
              selector: [
                {
                  type: 'TextPositionSelector',
                  start: [...text.slice(0, at)].length,
                  end: [...text.slice(0, at)].length + 11,
                },
              ],
            },
          },
        ],
      },
    };
    const file = vscode.Uri.joinPath(folder(), 'exports/from-elsewhere.jsonld');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(json)));
    const r = await vscode.commands.executeCommand<{ added: number; problems: string[] }>(
      'newsmark.importAnnotations',
      { files: [file.toString()] },
    );
    assert.deepEqual(r, { added: 1, problems: [] });
    const doc = await vscode.workspace.openTextDocument(other);
    const note = await until('imported annotation', () =>
      api.annotations(doc).find(a => a.fields.note === 'Check her title against the commission’s site'),
    );
    assert.equal(doc.getText().slice(note.start!, note.end!), 'Efua Mensah');
    assert.match(
      await read(vscode.Uri.joinPath(folder(), 'election/coastline-wire.txt.newsmark.yaml')),
      /Check her title/,
    );
    const again = await vscode.commands.executeCommand<{ added: number }>('newsmark.importAnnotations', {
      files: [file.toString()],
    });
    assert.equal(again.added, 0);
  });

  it('shows the timeline: each article’s dates on one axis, disagreeing ones marked, a click target for each', async () => {
    // Two reports of one event that date it differently (the samples' date conflict was dismissed earlier).
    const write = (name: string, text: string) =>
      vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'timeline', name), new TextEncoder().encode(text));
    await write(
      'morning-post.txt',
      'Published: 7 May 2026\n\nThe harbour authority reopened the northern quay on 4 May 2026 after repairs to the crane rails, officials said.\n',
    );
    await write(
      'evening-star.txt',
      'Published: 7 May 2026\n\nThe harbour authority reopened the northern quay on 6 May 2026 after repairs to the crane rails, officials said.\n',
    );
    await api.reindex();
    await vscode.commands.executeCommand('newsmark.showTimeline');
    const html = await until('timeline', () => /morning-post/.test(api.timelineHtml() ?? '') && api.timelineHtml());
    assert.match(
      html,
      /Content-Security-Policy" content="default-src 'none'; style-src [^;]+; script-src 'nonce-(\w+)';/,
    );
    for (const m of html.matchAll(/(?:src|href)="([^"]*)"/g))
      assert.match(m[1], /\/media\/[\w.]+$/, "nothing but the extension's own media");
    assert.doesNotMatch(html, /@import|url\(|style=/, 'no remote or inline style');
    for (const d of ['ferry/nordwire.txt', 'ferry/harbour-daily.md', 'election/daily-ledger.md'])
      assert.ok(html.includes(`data-doc="${d}"`), d);
    const marked = [...html.matchAll(/<button class="event c\d disagrees" data-doc="([^"]+)"/g)].map(m => m[1]);
    assert.ok(
      marked.includes('timeline/morning-post.txt') && marked.includes('timeline/evening-star.txt'),
      `dates that articles give differently stand out: ${marked.join(', ')}`,
    );
    assert.match(html, /dates disagree/);
    // In calendar order.
    const days = [...html.matchAll(/data-from="(\d{4}-\d{2}-\d{2})"/g)].map(m => m[1]);
    assert.ok(days.length >= 4, days.join(' '));
    assert.deepEqual([...days].sort(), days);
  });

  it('New Article writes an example into the folder and Newsmark highlights it', async () => {
    const ed = await vscode.commands.executeCommand<vscode.TextEditor>('newsmark.newArticle');
    assert.ok(ed.document.uri.path.endsWith('.news'));
    assert.equal(ed.document.languageId, 'news');
    const a = await until('analysis', () => api.analysis(ed.document));
    assert.ok(a.entities.some(e => e.text === 'Astrid Nygaard' && e.type === 'PERSON'));
    assert.ok(a.dates.some(d => d.value === '2026-05-03'));
  });
});
