// The CLI for batches, as a user runs it: options in either spelling, JSON Lines a line per article or result, the
// same results on any number of threads, readable reports that name articles as the user knows them, and exports
// that say when there is nothing to export.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { CLI, CORPUS, DEMO_ARTICLES, ROOT, SHARED, needShared } from './paths';

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 120000, maxBuffer: 1 << 28 });
  assert.ok(!r.error, `the CLI did not finish: ${r.error?.message}`);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SAMPLES = DEMO_ARTICLES.map(p => join(ROOT, 'samples', p));

// Invented for this test.
const FLOOD_A =
  'RIVERTON, May 14, 2031 — Mayor Clara Voss said on Tuesday that 40 families had left the flooded Eastbank district.\n\n' +
  'The water board, Aldmere Utilities, said its pumps would run until Friday.\n';
const FLOOD_B =
  'Mayor Clara Voss said on Tuesday that 55 families had left the flooded Eastbank district.\n\n' +
  '“We will not stop the pumps before Friday,” said Tomas Ek, a spokesman for Aldmere Utilities.\n';

const dir = () => mkdtempSync(join(tmpdir(), 'newsmark-batch-'));

describe('CLI for batches', function () {
  this.timeout(180000);
  let ajv: Ajv2020;
  let corpus: string[] = [];
  before(function () {
    needShared(this);
    ajv = new Ajv2020({ allErrors: true, strict: false });
    for (const n of ['analyze', 'check'])
      ajv.addSchema(JSON.parse(readFileSync(join(SHARED, `contracts/${n}.schema.json`), 'utf8')), n);
    corpus = readdirSync(CORPUS)
      .filter(f => f.endsWith('.txt'))
      .map(f => join(CORPUS, f));
  });
  const valid = (ref: string, value: unknown) => {
    const v = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
    assert.ok(v(value), `${ref}: ${JSON.stringify(v.errors, null, 2)}`);
  };

  it('takes --name=value as it takes --name value', () => {
    const file = SAMPLES[0];
    const spaced = cli(['analyze', '--json', '--published', '2026-03-02', file]);
    const joined = cli(['analyze', '--json', '--published=2026-03-02', file]);
    assert.equal(spaced.code, 0, spaced.err);
    assert.equal(joined.out, spaced.out);
    assert.equal(JSON.parse(joined.out).documents[0].published, '2026-03-02');
    assert.equal(cli(['analyze', '--story-date=2026-01-01', '--jobs=1', file]).code, 0);
    assert.equal(cli(['export', '--format=csv', file]).code, 0);
  });

  it('rejects a bad option with one line that names it, a hint and exit code 2', () => {
    const file = SAMPLES[0];
    const cases: [string[], RegExp][] = [
      [['analyze', '--nope=1', file], /unknown option --nope$/m],
      [['analyze', '-x', file], /unknown option -x$/m],
      [['analyze', file, '--published'], /--published needs a date as YYYY-MM-DD/],
      [['analyze', '--published', '--json', file], /--published needs a date as YYYY-MM-DD/],
      [['analyze', '--published=', file], /--published needs a date as YYYY-MM-DD/],
      [['analyze', '--published=2026-02-30', file], /not a date on the calendar/],
      [['analyze', '--json=yes', file], /--json takes no value/],
      [['analyze', '--jobs', '0', file], /--jobs needs a whole number/],
      [['check', '--jobs=many', file], /--jobs needs a whole number/],
      [['analyze', '--json', '--jsonl', file], /--json and --jsonl/],
      [
        ['export', '--jsonl', '--format', 'csv', file],
        /--jsonl works with analyze, anchors and check \(export writes JSON Lines with --format jsonl\)/,
      ],
      [['export', '--format=docx', file], /--format needs one of w3c, brat, csv, jsonl/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '', args.join(' '));
      const lines = r.err.trim().split('\n');
      assert.equal(lines.length, 2, r.err);
      assert.match(lines[0], /^newsmark: /);
      assert.match(lines[0], message);
      assert.equal(lines[1], "Try 'newsmark --help'.");
    }
  });

  it('analyze --jsonl writes a line per article, each a document of the contract, and a line for a file it cannot read', () => {
    const missing = join(dir(), 'gone.txt');
    const r = cli(['analyze', '--jsonl', SAMPLES[0], missing, ...corpus]);
    assert.equal(r.code, 2);
    assert.match(r.err, /gone\.txt: no such file/);
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map(l => JSON.parse(l));
    assert.equal(lines.length, corpus.length + 2);
    assert.deepEqual(
      lines.find(l => l.error),
      { path: missing, error: 'no such file' },
    );
    const docs = lines.filter(l => !l.error);
    assert.deepEqual(
      docs.map(d => d.path),
      [SAMPLES[0], ...corpus],
    );
    for (const d of docs) valid('analyze#/$defs/document', d);
    // The same documents as --json gives.
    const json = JSON.parse(cli(['analyze', '--json', SAMPLES[0], ...corpus]).out);
    assert.deepEqual(docs, json.documents);
  });

  it('gives the same results, in the same order, on one thread and on several', () => {
    const files = [...SAMPLES, corpus[0]];
    for (const args of [
      ['analyze', '--json'],
      ['analyze', '--jsonl'],
      ['analyze'],
      ['check', '--json'],
      ['check', '--jsonl'],
      ['check'],
    ]) {
      const one = cli([...args, '--jobs', '1', ...files]);
      const three = cli([...args, '-j', '3', ...files]);
      assert.ok(one.code === 0 || one.code === 1, one.err);
      assert.ok(one.out.length > 1000);
      assert.equal(three.out, one.out, `${args.join(' ')} -j 3`);
      assert.equal(three.code, one.code);
      if (args[1] === '--json') valid(args[0], JSON.parse(three.out));
    }
  });

  it('check --jsonl writes a line per article read, then per source, shared claim and conflict, then a summary', () => {
    const d = dir();
    writeFileSync(join(d, 'riverton.txt'), FLOOD_A);
    writeFileSync(join(d, 'courier.txt'), FLOOD_B);
    writeFileSync(
      join(d, 'courier.txt.newsmark.yaml'),
      'version: 1\ndocument: { outlet: "Eastbank Courier", published: 2031-05-14 }\n',
    );
    const json = JSON.parse(cli(['check', '--json', d]).out);
    valid('check', json);
    assert.ok(json.conflicts.length >= 1, 'the two articles disagree on the number of families');
    const r = cli(['check', '--jsonl', d]);
    assert.equal(r.code, 1, r.err);
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map(l => JSON.parse(l));
    const of = (type: string) => lines.filter(l => l.type === type).map(({ type: _, ...rest }) => rest);
    assert.deepEqual(
      of('article').map(a => [relative(d, a.path), a.label]),
      [
        ['courier.txt', 'Eastbank Courier'],
        ['riverton.txt', 'riverton.txt'],
      ],
    );
    assert.deepEqual(of('source'), json.sources);
    assert.deepEqual(of('claim'), json.claims);
    assert.deepEqual(of('conflict'), json.conflicts);
    for (const c of of('conflict')) valid('check#/$defs/mention', c.a);
    const last = lines[lines.length - 1];
    assert.equal(last.type, 'summary');
    assert.equal(last.articles, 2);
    assert.equal(last.conflicts, json.conflicts.length);
  });

  it('names articles in readable reports by their path from here or their outlet, never by a temporary folder', () => {
    const d = dir();
    mkdirSync(join(d, 'wire'));
    writeFileSync(join(d, 'riverton.txt'), FLOOD_A);
    writeFileSync(join(d, 'wire', 'courier.txt'), FLOOD_B);
    writeFileSync(
      join(d, 'wire', 'courier.txt.newsmark.yaml'),
      'version: 1\ndocument: { outlet: "Eastbank Courier", published: 2031-05-14 }\n',
    );
    // From elsewhere: the folders below the one that holds them.
    const far = cli(['check', d]);
    assert.equal(far.code, 1, far.err);
    assert.ok(!far.out.includes(d), far.out);
    assert.match(far.out, /^ {6}riverton\.txt: “/m);
    assert.match(far.out, /^ {6}Eastbank Courier \(wire\/courier\.txt\): “/m);
    const report = cli(['analyze', join(d, 'riverton.txt'), join(d, 'wire', 'courier.txt')]);
    assert.ok(!report.out.includes(d), report.out);
    assert.match(report.out, /^riverton\.txt\n/m);
    assert.match(report.out, /^wire\/courier\.txt\n/m);
    // From the folder itself: paths from the current folder.
    const here = cli(['analyze', 'wire/courier.txt'], d);
    assert.match(here.out, /^wire\/courier\.txt\n {2}published: 2031-05-14/);
  });

  it('export without annotations says so and suggests --detected; brat files lie beside annotation.conf', () => {
    const d = dir();
    mkdirSync(join(d, 'in', 'wire'), { recursive: true });
    writeFileSync(join(d, 'in', 'riverton.txt'), FLOOD_A);
    writeFileSync(join(d, 'in', 'wire', 'courier.txt'), FLOOD_B);
    const bare = cli(['export', '--format', 'brat', '--out', join(d, 'out'), join(d, 'in')]);
    assert.equal(bare.code, 0, bare.err);
    assert.match(bare.err, /no annotations to export.*Add --detected/);
    assert.doesNotMatch(bare.err, /wrote/);
    assert.ok(!existsSync(join(d, 'out')), 'no empty .ann files');
    const csv = cli(['export', '--format', 'csv', join(d, 'in')]);
    assert.match(csv.err, /no annotations to export.*--detected/);

    writeFileSync(
      join(d, 'in', 'riverton.txt.newsmark.yaml'),
      [
        'version: 1',
        'document: {}',
        'annotations:',
        '  - id: a1',
        '    kind: claim',
        '    anchor: { exact: "40 families", prefix: "", suffix: "", start: 63, end: 74 }',
        '',
      ].join('\n'),
    );
    const one = cli(['export', '--format', 'brat', '--out', join(d, 'out'), join(d, 'in')]);
    assert.equal(one.code, 0, one.err);
    assert.match(one.err, /1 of the 2 articles have no annotations \(add --detected/);
    const files = (sub: string): string[] =>
      readdirSync(join(d, 'out', sub), { withFileTypes: true })
        .flatMap(e => (e.isDirectory() ? files(join(sub, e.name)) : [join(sub, e.name)]))
        .sort();
    assert.deepEqual(files(''), [
      'annotation.conf',
      'riverton.ann',
      'riverton.txt',
      join('wire', 'courier.ann'),
      join('wire', 'courier.txt'),
    ]);
    assert.match(readFileSync(join(d, 'out', 'riverton.ann'), 'utf8'), /^T\d+\tClaim 63 74\t40 families$/m);
  });
});
