// Hostile and broken inputs against the CLI as a user runs it: each gets one clear line on stderr and exit code 2
// (never a stack trace, never a hang), and the other files are still handled. Times are measured by
// bench/hostile.ts, not here.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorAt } from '../../src/core/annotations/anchor';
import { fromBrat, fromW3C, w3cAnnotations } from '../../src/core/exchange/exchange';
import { readSidecar, SidecarFile } from '../../src/core/annotations/sidecar';
import { CLI } from './paths';

function cli(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60000, cwd, maxBuffer: 1 << 28 });
  assert.ok(!r.error, `the CLI did not finish: ${r.error?.message}`);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** No stack trace, and every line on stderr is the CLI's own. */
function clean(err: string) {
  assert.doesNotMatch(err, /^\s+at /m, err);
  for (const line of err.split('\n').filter(Boolean)) assert.match(line, /^newsmark: |^Try 'newsmark --help'\.$/, err);
}

const STORY =
  'Harbourmaster Olli Varga said the night crossing was cancelled because of ice.\n\nThe operator, Bluefin Lines, said it would refund every ticket by Friday.\n';
const dir = () => mkdtempSync(join(tmpdir(), 'newsmark-hostile-'));

describe('CLI against hostile inputs', function () {
  this.timeout(120000);

  it('reports a symlink loop, a dangling link and a link back up in a folder, and reads the rest', () => {
    const d = dir();
    writeFileSync(join(d, 'story.txt'), STORY);
    symlinkSync('self.txt', join(d, 'self.txt'));
    symlinkSync('nowhere.txt', join(d, 'gone.txt'));
    mkdirSync(join(d, 'inner'));
    symlinkSync('..', join(d, 'inner', 'up'));
    for (const args of [
      ['check', d],
      ['export', '--format', 'csv', d],
    ]) {
      const r = cli(args);
      assert.equal(r.code, 2, r.err);
      clean(r.err);
      assert.match(r.err, /self\.txt: a loop of symbolic links/);
      assert.match(r.err, /gone\.txt: a symbolic link to nothing/);
      assert.match(r.err, /up: a symbolic link back to a folder already searched/);
    }
    const exported = cli(['export', '--format', 'jsonl', d]);
    assert.deepEqual(
      exported.out
        .trim()
        .split('\n')
        .map(l => JSON.parse(l).article.split('/').pop()),
      ['story.txt'],
    );
  });

  it('does not block on a FIFO given as an article or found in a folder', function () {
    const d = dir();
    writeFileSync(join(d, 'story.txt'), STORY);
    if (spawnSync('mkfifo', [join(d, 'pipe.txt')]).status !== 0) this.skip();
    const one = cli(['analyze', join(d, 'pipe.txt')]);
    assert.equal(one.code, 2);
    clean(one.err);
    assert.match(one.err, /pipe\.txt: a named pipe \(FIFO\), not a regular file; skipped/);
    const folder = cli(['check', '--json', d]);
    assert.equal(folder.code, 2);
    assert.match(folder.err, /pipe\.txt: a named pipe/);
    assert.equal(JSON.parse(folder.out).documents.length, 1);
  });

  it('takes a NUL byte anywhere, not only in the first 8 KB, for a binary file', () => {
    const d = dir();
    const long = join(d, 'long.txt');
    writeFileSync(long, STORY.repeat(200) + '\0' + STORY);
    assert.ok(readFileSync(long).indexOf(0) > 8192);
    const r = cli(['analyze', long]);
    assert.equal(r.code, 2);
    clean(r.err);
    assert.match(r.err, /binary file/);
  });

  it('rejects publication dates that are not on the calendar', () => {
    const d = dir();
    writeFileSync(join(d, 'story.txt'), STORY);
    for (const bad of ['2026-13-45', '2026-02-29', '2026-00-10', '2026-04-31']) {
      const r = cli(['analyze', '--published', bad, join(d, 'story.txt')]);
      assert.equal(r.code, 2, bad);
      clean(r.err);
      assert.match(r.err, /is not a date on the calendar/);
    }
    assert.equal(cli(['analyze', '--published', '2024-02-29', join(d, 'story.txt')]).code, 0);
    assert.equal(cli(['analyze', '--story-date', '2025-11-31', join(d, 'story.txt')]).code, 2);
  });

  it('refuses --out naming a file', () => {
    const d = dir();
    writeFileSync(join(d, 'story.txt'), STORY);
    writeFileSync(join(d, 'taken'), 'not a folder');
    for (const format of ['csv', 'brat']) {
      const r = cli(['export', '--format', format, '--out', join(d, 'taken'), join(d, 'story.txt')]);
      assert.equal(r.code, 2);
      clean(r.err);
      assert.match(r.err, /--out names a file; give a folder/);
      assert.equal(readFileSync(join(d, 'taken'), 'utf8'), 'not a folder');
    }
  });

  it('orphans an annotation whose quote is megabytes of words, without building anything from it', () => {
    const d = dir();
    writeFileSync(join(d, 'story.txt'), STORY);
    const exact = 'ice floe '.repeat(450000);
    writeFileSync(
      join(d, 'story.txt.newsmark.yaml'),
      `version: 1\ndocument: {}\nannotations:\n  - id: huge\n    kind: note\n    anchor: { exact: ${JSON.stringify(exact)}, prefix: "", suffix: "", start: 0, end: ${exact.length} }\n`,
    );
    const r = cli(['anchors', '--json', join(d, 'story.txt')]);
    assert.equal(r.code, 1, r.err);
    assert.equal(r.err, '');
    assert.equal(JSON.parse(r.out).documents[0].annotations[0].status, 'orphaned');
  });

  it('reads W3C nested very deeply or paginated 20,000 pages deep, and a source with bad percent-encoding', () => {
    assert.deepEqual(w3cAnnotations(JSON.parse('['.repeat(150000) + ']'.repeat(150000))), []);
    const s = STORY.indexOf('Olli Varga');
    const ann = {
      type: 'Annotation',
      id: 'urn:test:1',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'entity' }],
      target: {
        source: 'file:///news/%E0%A4%A/harbour.txt',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'Olli Varga',
            prefix: STORY.slice(0, s),
            suffix: STORY.slice(s + 10, s + 42),
          },
        ],
      },
    };
    // Written out by hand: JSON.stringify itself cannot go 20,000 deep.
    const json = `{"type":"AnnotationCollection","first":${'{"type":"AnnotationPage","items":[],"next":'.repeat(20000)}{"type":"AnnotationPage","items":[${JSON.stringify(ann)}]}${'}'.repeat(20000)}}`;
    const collection = JSON.parse(json);
    assert.equal(w3cAnnotations(collection).length, 1);
    const r = fromW3C(collection, [{ name: 'harbour.txt', text: STORY }]);
    assert.deepEqual(r.problems, []);
    assert.equal(r.annotations.get('harbour.txt')![0].anchor.exact, 'Olli Varga');
    // And through the CLI.
    const d = dir();
    writeFileSync(join(d, 'harbour.txt'), STORY);
    writeFileSync(join(d, 'deep.json'), json);
    const c = cli(['import', join(d, 'deep.json'), join(d, 'harbour.txt')]);
    assert.equal(c.code, 0, c.err);
    assert.match(c.out, /1 annotation imported/);
  });

  it('refuses JSON that is no W3C export (lists nested 150,000 deep, an empty object, a string) with one line and exit 2', () => {
    const d = dir();
    writeFileSync(join(d, 'harbour.txt'), STORY);
    for (const [name, json] of [
      ['deep.json', '['.repeat(150000) + ']'.repeat(150000)],
      ['empty.json', '{}'],
      ['text.json', '"Olli Varga"'],
      ['other.json', '[{"kind":"note"}]'],
    ]) {
      writeFileSync(join(d, name), json);
      const r = cli(['import', join(d, name), join(d, 'harbour.txt')]);
      assert.equal(r.code, 2, `${name}: ${r.err}`);
      clean(r.err);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.match(r.err, /not a W3C Web Annotation export/);
      assert.ok(!existsSync(join(d, 'harbour.txt.newsmark.yaml')), 'no sidecar made');
    }
    // An empty list is an export of nothing: nothing to import, and nothing wrong.
    writeFileSync(join(d, 'none.json'), '[]');
    assert.equal(cli(['import', join(d, 'none.json'), join(d, 'harbour.txt')]).code, 0);
  });

  it('imports a brat file of 130,000 lines (too many for a spread into push)', () => {
    const lines: string[] = [];
    for (let i = 1; i <= 130000; i++)
      lines.push(`T${i}\tNote ${i % 2 ? '0 11' : '14 18'}\t${i % 2 ? 'Harbourmaster' : 'Olli'}`);
    const r = fromBrat(lines.join('\n'), STORY, 'big');
    assert.equal(r.annotations.length, 130000);
    const d = dir();
    writeFileSync(join(d, 'harbour.txt'), STORY);
    writeFileSync(join(d, 'harbour.ann'), lines.join('\n') + '\n');
    const c = cli(['import', '--dry-run', join(d, 'harbour.ann'), join(d, 'harbour.txt')]);
    assert.equal(c.code, 0, c.err);
    assert.match(c.out, /130000 annotations to import/);
  });

  it('refuses relations and dismissals that lead outside the workspace, on their line', () => {
    const side = (to: string, other: string) =>
      [
        'version: 1',
        'document: {}',
        'annotations:',
        '  - id: a1',
        '    kind: claim',
        '    anchor: { exact: "the night crossing", prefix: "", suffix: "", start: 0, end: 18 }',
        'relations:',
        `  - { from: a1, to: ${JSON.stringify(to)}, type: contradicts }`,
        'dismissed:',
        `  - { exact: "x", other: ${JSON.stringify(other)}, otherExact: "y" }`,
        '',
      ].join('\n');
    const bad = readSidecar(side('../../../../etc/passwd#root', '../../../../etc/shadow'), { within: 'stories/ferry' });
    assert.ok(!bad.ok);
    assert.deepEqual(
      bad.problems.map(p => [p.line, /outside the workspace/.test(p.message)]),
      [
        [8, true],
        [10, true],
      ],
    );
    assert.ok(!readSidecar(side('/etc/passwd#root', 'ok.txt'), { within: '' }).ok);
    assert.ok(readSidecar(side('../wire/other.txt#k2', '../wire/other.txt'), { within: 'stories/ferry' }).ok);
    assert.ok(!readSidecar(side('../wire/other.txt#k2', 'ok.txt'), { within: '' }).ok);
    // The CLI takes the current folder for the workspace.
    const d = dir();
    mkdirSync(join(d, 'ferry'));
    writeFileSync(join(d, 'ferry', 'harbour.txt'), STORY);
    writeFileSync(join(d, 'ferry', 'harbour.txt.newsmark.yaml'), side('../../../../etc/passwd#root', 'ok.txt'));
    const r = cli(['anchors', 'ferry/harbour.txt'], d);
    assert.equal(r.code, 2);
    clean(r.err);
    assert.match(r.err, /line 8: relation target "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" points outside the workspace/);
  });
});

describe('CLI writes through the store', function () {
  this.timeout(180000);

  /** A W3C export of notes on words of the story, with ids of its own. */
  function w3c(tag: string, n: number, side = 0): string {
    const words = [...STORY.matchAll(/[A-Za-z]{4,}/g)];
    const items = [];
    for (let i = 0; i < n; i++) {
      const m = words[(2 * i + side) % words.length];
      const a = anchorAt(STORY, m.index!, m.index! + m[0].length);
      items.push({
        type: 'Annotation',
        id: `urn:${tag}:${i}`,
        body: [{ type: 'TextualBody', purpose: 'commenting', value: `${tag} note ${i}` }],
        target: {
          source: 'file:///x/harbour.txt',
          selector: [
            { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
            { type: 'TextPositionSelector', start: a.start, end: a.end },
          ],
        },
      });
    }
    return JSON.stringify(items);
  }

  const importing = (args: string[], cwd: string) =>
    new Promise<{ code: number | null; err: string }>(resolve => {
      const p = spawn(process.execPath, [CLI, 'import', ...args], { cwd });
      let err = '';
      p.stderr.on('data', b => {
        err += b;
      });
      p.on('close', code => resolve({ code, err }));
    });

  it('loses no annotation when two imports write into one article at once (many rounds)', async () => {
    const ROUNDS = 12;
    let lost = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const d = dir();
      writeFileSync(join(d, 'harbour.txt'), STORY);
      writeFileSync(join(d, 'left.json'), w3c(`left${round}`, 8, 0));
      writeFileSync(join(d, 'right.json'), w3c(`right${round}`, 8, 1));
      const [a, b] = await Promise.all([
        importing(['left.json', 'harbour.txt'], d),
        importing(['right.json', 'harbour.txt'], d),
      ]);
      assert.equal(a.code, 0, a.err);
      assert.equal(b.code, 0, b.err);
      const r = readSidecar(readFileSync(join(d, 'harbour.txt.newsmark.yaml'), 'utf8'));
      assert.ok(r.ok);
      lost += 16 - r.file.data.annotations.length;
      assert.deepEqual(
        readdirSync(d).filter(n => n.startsWith('.')),
        [],
        'no lock or temporary file left',
      );
    }
    console.log(
      `      ${ROUNDS} rounds of two concurrent imports of 8 annotations each (on different words): ${lost} lost`,
    );
    assert.equal(lost, 0);
  });

  it('clears a stale lock and old temporary files, and writes through a sidecar that is a symbolic link', () => {
    const d = dir();
    writeFileSync(join(d, 'harbour.txt'), STORY);
    mkdirSync(join(d, 'notes'));
    writeFileSync(join(d, 'notes', 'harbour.yaml'), SidecarFile.create('harbour.txt').text);
    symlinkSync(join('notes', 'harbour.yaml'), join(d, 'harbour.txt.newsmark.yaml'));
    // A lock left by a process that is gone, and the temporary files of writes cut short.
    writeFileSync(join(d, 'notes', '.harbour.yaml.lock'), `999999999 ${Date.now()} x\n`);
    writeFileSync(join(d, 'notes', '.harbour.yaml.tmp'), 'version: 1\nannotations: [');
    writeFileSync(join(d, 'notes', '.harbour.yaml.999999998.tmp'), 'half');
    writeFileSync(join(d, 'one.json'), w3c('one', 3));
    const r = cli(['import', 'one.json', 'harbour.txt'], d);
    assert.equal(r.code, 0, r.err);
    assert.ok(lstatSync(join(d, 'harbour.txt.newsmark.yaml')).isSymbolicLink(), 'the link stays a link');
    const back = readSidecar(readFileSync(join(d, 'notes', 'harbour.yaml'), 'utf8'));
    assert.ok(back.ok && back.file.data.annotations.length === 3);
    assert.deepEqual(readdirSync(join(d, 'notes')), ['harbour.yaml']);
    assert.ok(!existsSync(join(d, '.harbour.txt.newsmark.yaml.tmp')));
  });
});
