// The CLI as a user runs it: its JSON validates against the contract, bad files get a clear line and do not
// stop the others, and the exit code says what happened.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { CLI, CORPUS, ROOT, SHARED, needShared } from './paths';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('newsmark CLI', function () {
  let validate: ReturnType<Ajv2020['compile']>;
  let corpus: string[] = [];
  before(function () {
    needShared(this);
    const schema = JSON.parse(readFileSync(join(SHARED, 'contracts/analyze.schema.json'), 'utf8'));
    validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    corpus = readdirSync(CORPUS)
      .filter(f => f.endsWith('.txt'))
      .map(f => join(CORPUS, f));
  });

  it('--help and --version work', () => {
    const help = cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /newsmark analyze FILE\.\.\. \[--json\]/);
    const version = cli('--version');
    assert.equal(version.code, 0);
    assert.equal(version.out.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('prints JSON that validates against the contract, with spans that are the file’s text', () => {
    const r = cli('analyze', '--json', ...corpus);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.equal(json.documents.length, corpus.length);
    for (const d of json.documents) {
      const text = readFileSync(d.path, 'utf8');
      assert.ok(d.entities.length > 20 && d.attributions.length > 3, `${d.path} finds little`);
      for (const s of [...d.entities, ...d.dates, ...d.attributions.map((a: { content: unknown }) => a.content)]) {
        assert.equal(text.slice(s.start, s.end), s.text);
      }
    }
    // Articles without a date line take years from the story's dated article.
    const undated = json.documents.find((d: { published: string | null }) => d.published === null);
    assert.ok(
      undated.dates.some((x: { text: string; value: string }) => x.text === 'January 3' && x.value === '2026-01-03'),
    );
  });

  it('reports bad files on stderr and in errors, still reports the rest, and exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsmark-cli-'));
    const binary = join(dir, 'photo.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Caf\xe9 in S\xe3o Paulo', 'latin1'));
    const folder = join(dir, 'folder.txt');
    mkdirSync(folder);
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, 'President Ana Lopes said so.');
    chmodSync(locked, 0o000);
    const missing = join(dir, 'missing.txt');
    const good = corpus[0];
    const r = cli('analyze', '--json', missing, binary, good, latin1, folder, locked);
    assert.equal(r.code, 2);
    const json = JSON.parse(r.out);
    assert.ok(validate(json), JSON.stringify(validate.errors));
    assert.deepEqual(
      json.documents.map((d: { path: string }) => d.path),
      process.getuid?.() === 0 ? [good, locked] : [good],
    );
    const byPath = Object.fromEntries(json.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    assert.match(byPath[missing], /no such file/);
    assert.match(byPath[binary], /binary/);
    assert.match(byPath[latin1], /UTF-8/);
    assert.match(byPath[folder], /directory/);
    if (process.getuid?.() !== 0) assert.match(byPath[locked], /permission denied/); // root reads it anyway
    const lines = r.err.trim().split('\n');
    assert.equal(lines.length, json.errors.length, 'one line per bad file');
    assert.ok(lines.every(l => /^newsmark: .+: .+/.test(l)));
  });

  it('prints a readable report by default', () => {
    const r = cli('analyze', join(ROOT, 'samples/ferry/nordwire.txt'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /published: 2026-03-04/);
    assert.match(r.out, /entities: \d+ \(PERSON \d+, ORG \d+, PLACE \d+, NORP \d+\)/);
    assert.match(r.out, /PERSON +Henrik Dahl ×\d/);
    // The value in words beside the ISO form, with its modifier ("200" late reads "the late 2000s").
    assert.match(r.out, /mid-February +2026-02 — mid-February 2026\n/);
    assert.match(r.out, /direct +Henrik Dahl — told reporters: We will not let/);
  });

  it('strips a BOM before counting offsets, as the contract says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsmark-bom-'));
    const file = join(dir, 'bom.txt');
    const body = 'Minister Ana Lopes spoke in Lisbon on January 3, 2026.';
    writeFileSync(file, '\uFEFF' + body);
    const json = JSON.parse(cli('analyze', '--json', file).out);
    const lisbon = json.documents[0].entities.find((e: { text: string }) => e.text === 'Lisbon');
    assert.equal(lisbon.start, body.indexOf('Lisbon'));
  });

  it('rejects a wrong command line with a hint and exit code 2', () => {
    for (const args of [
      ['analyse', 'x.txt'],
      ['analyze'],
      ['analyze', '--published', 'soon', 'x.txt'],
      ['analyze', '--nope', 'x'],
    ]) {
      const r = cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /newsmark: .+\n(Try 'newsmark --help'\.)?/);
    }
  });
});
