// Contradictions a researcher can trust, in a real VS Code, on invented articles written into the workspace: one person quoted under two spellings is no contradiction, a planted number conflict is listed with its plain explanation, two rewrites of one report count once.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NewsmarkApi } from '../../src/extension/extension';
import { until } from './wait';

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const dir = () => vscode.Uri.joinPath(folder(), 'quarry');

const GAZETTE = `Quarry expansion approved in Eldmoor

ELDMOOR — The Eldmoor county board approved the expansion of the Brannock quarry on Wednesday, allowing the company to dig 40 acres of farmland north of the village.

“We have listened to every objection, and the new pit will be screened by a row of trees,” said Orla Fenwick, the chair of the county board.

The quarry employs 85 people and ships gravel to building sites across the region.

Residents of Eldmoor had collected signatures against the plan since January.`;

const RECORD = `Eldmoor board backs bigger quarry

The Eldmoor county board voted on Wednesday to let the Brannock quarry expand onto 25 acres of farmland north of the village.

“We have listened to every objection, and the new pit will be screened by a row of trees,” Ms. Fenwick said after the vote.

Brannock ships gravel to building sites across the region and has 85 workers.`;

const DIGEST = `Eldmoor quarry to grow

The Eldmoor county board voted on Wednesday to let the Brannock quarry expand onto 25 acres of farmland north of the village, a decision that residents had fought since January with a petition and two public meetings.

Brannock ships gravel to building sites across the region and has 85 workers at the pit today.`;

describe('contradictions in VS Code', function () {
  this.timeout(90000);
  let api: NewsmarkApi;

  before(async () => {
    const ext = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark')!;
    await ext.activate();
    api = await until('activation', () => ext.isActive && ext.exports);
    const write = (name: string, text: string) =>
      vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir(), name), new TextEncoder().encode(text));
    await write('gazette.txt', GAZETTE);
    await write(
      'gazette.txt.newsmark.yaml',
      'version: 1\ndocument: { outlet: "Eldmoor Gazette", published: 2032-04-08 }\n',
    );
    await write('record.txt', RECORD);
    await write(
      'record.txt.newsmark.yaml',
      'version: 1\ndocument: { outlet: "County Record", published: 2032-04-08 }\n',
    );
    await write('digest.txt', DIGEST);
    await write(
      'digest.txt.newsmark.yaml',
      'version: 1\ndocument: { outlet: "Valley Digest", published: 2032-04-09 }\n',
    );
    await api.reindex();
  });

  after(async () => {
    await vscode.workspace.fs.delete(dir(), { recursive: true });
    await api.reindex();
  });

  const quarryConflicts = () =>
    api
      .viewLabels('contradictions')
      .map((label, i) => ({ label, children: api.viewChildren('contradictions', i) }))
      .filter(c => c.children.every(m => m.doc?.startsWith('quarry/')));

  it('lists no contradiction for one quotation under two spellings of its speaker', () => {
    const quoted = quarryConflicts().filter(c =>
      c.children.some(m => /listened to every objection/.test(m.label + JSON.stringify(m))),
    );
    assert.deepEqual(
      quoted.map(c => c.label),
      [],
    );
    const fenwick = api.viewLabels('sources').filter(s => /Fenwick/.test(s));
    assert.equal(fenwick.length, 1, fenwick.join('\n'));
    assert.match(fenwick[0], /^Orla Fenwick — person · 2 articles/);
  });

  it('lists the planted number conflict with its plain explanation, naming the outlets', () => {
    const acres = quarryConflicts().find(c => /^number: /.test(c.label) && /acres/.test(c.label));
    assert.ok(acres, api.viewLabels('contradictions').join('\n'));
    assert.match(
      acres.label,
      /Eldmoor Gazette gives 40 acres, (County Record|Valley Digest) 25 acres|(County Record|Valley Digest) gives 25 acres, Eldmoor Gazette 40 acres/,
    );
    assert.ok(!/\b\w+ (?:sourc|acr|work)\b/.test(acres.label), 'no stems shown');
  });

  it('counts two rewrites of one report as one independent report', async () => {
    const r = await api.reindex();
    const derived = (r.derived ?? []).filter(d => d.documents.some(x => x.startsWith('quarry/')));
    assert.deepEqual(
      derived.map(d => [...d.documents].sort()),
      [['quarry/digest.txt', 'quarry/record.txt']],
    );
    const claims = api.viewLabels('claims');
    assert.ok(
      claims.some(c => /Brannock ships gravel/.test(c) && / — 2 independent reports of 3$/.test(c)),
      claims.join('\n'),
    );
  });
});
