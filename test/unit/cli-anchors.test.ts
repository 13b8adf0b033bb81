// `newsmark anchors`: a check researchers can run in CI after articles change.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { anchorAt } from '../../src/core/annotations/anchor';
import { SidecarFile } from '../../src/core/annotations/sidecar';
import { CLI, SHARED, needShared } from './paths';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, 'anchors', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const ARTICLE =
  'date 2026-03-05\nTransport Minister Henrik Dahl said the ferry would stay in port until Friday.\n\nThe company said it had followed every rule.\n';

function workspace(): { dir: string; article: string; sidecar: string } {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-anchors-'));
  const article = join(dir, 'dahl.txt');
  writeFileSync(article, ARTICLE);
  const f = SidecarFile.create('dahl.txt', { published: '2026-03-05' });
  const at = (needle: string) => {
    const s = ARTICLE.indexOf(needle);
    return anchorAt(ARTICLE, s, s + needle.length);
  };
  f.addAnnotation({
    id: 'claim1',
    kind: 'claim',
    anchor: at('the ferry would stay in port until Friday'),
    status: 'disputed',
    origin: 'user',
  });
  f.addAnnotation({
    id: 'rule1',
    kind: 'claim',
    anchor: at('it had followed every rule'),
    status: 'unverified',
    origin: 'user',
  });
  const sidecar = article + '.newsmark.yaml';
  writeFileSync(sidecar, f.text);
  return { dir, article, sidecar };
}

describe('newsmark anchors', function () {
  let validate: ReturnType<Ajv2020['compile']>;
  before(function () {
    needShared(this);
    validate = new Ajv2020({ strict: false }).compile(
      JSON.parse(readFileSync(join(SHARED, 'contracts/anchors.schema.json'), 'utf8')),
    );
  });

  it('reports ok when nothing changed, in the contract’s JSON', () => {
    const w = workspace();
    const r = run('--json', w.article);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.ok(validate(json), JSON.stringify(validate.errors));
    assert.deepEqual(
      json.documents[0].annotations.map((a: { status: string }) => a.status),
      ['ok', 'ok'],
    );
  });

  it('finds moved annotations, and --write stores only their new positions', () => {
    const w = workspace();
    writeFileSync(w.article, ARTICLE.replace('Transport Minister', 'UPDATE: Norway’s Transport Minister'));
    const before = readFileSync(w.sidecar, 'utf8');
    const r = run('--json', w.dir);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.ok(validate(json));
    const moved = json.documents[0].annotations.filter((a: { status: string }) => a.status === 'moved');
    assert.equal(moved.length, 2);
    assert.equal(moved[0].text, 'the ferry would stay in port until Friday');
    assert.equal(readFileSync(w.sidecar, 'utf8'), before, 'without --write nothing is written');
    const wr = run('--write', w.article);
    assert.equal(wr.code, 0, wr.err);
    assert.match(wr.out, /moved 2 .*new positions written/);
    const after = readFileSync(w.sidecar, 'utf8');
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    assert.equal(changed.length, 2, 'one anchor line per moved annotation');
    assert.ok(changed.every(l => /start: \d+, end: \d+ \}$/.test(l)));
    assert.equal(after.replace(/start: \d+, end: \d+/g, ''), before.replace(/start: \d+, end: \d+/g, ''));
    assert.equal(run('--json', w.article).out.includes('"moved"'), false, 'found where stored after --write');
  });

  it('exits 1 when an annotation is orphaned', () => {
    const w = workspace();
    writeFileSync(
      w.article,
      ARTICLE.replace('The company said it had followed every rule.', 'The company declined to comment.'),
    );
    const r = run(w.article);
    assert.equal(r.code, 1);
    assert.match(r.out, /orphaned 1/);
    assert.match(r.out, /orphaned +rule1/);
  });

  it('never rewrites a sidecar that does not parse, and exits 2 naming the line', () => {
    const w = workspace();
    writeFileSync(w.article, 'Inserted first. ' + ARTICLE);
    const broken = readFileSync(w.sidecar, 'utf8').replace('status: disputed', 'status: [oops');
    writeFileSync(w.sidecar, broken);
    const r = run('--write', '--json', w.article);
    assert.equal(r.code, 2);
    assert.match(r.err, /dahl\.txt\.newsmark\.yaml: line \d+: YAML: .*\(not changed\)/);
    assert.equal(readFileSync(w.sidecar, 'utf8'), broken);
    assert.ok(validate(JSON.parse(r.out)));
  });

  it('finds sidecars in a .newsmark folder that mirrors the workspace', () => {
    const w = workspace();
    const mirror = join(w.dir, '.newsmark');
    mkdirSync(mirror);
    writeFileSync(join(mirror, 'dahl.txt.newsmark.yaml'), readFileSync(w.sidecar, 'utf8'));
    unlinkSync(w.sidecar);
    const r = run('--json', w.article);
    assert.equal(r.code, 0, r.err);
    assert.match(JSON.parse(r.out).documents[0].sidecar, /\.newsmark\/dahl\.txt\.newsmark\.yaml$/);
    const all = run('--json', w.dir);
    assert.equal(JSON.parse(all.out).documents[0].path, w.article, 'the article of a mirrored sidecar');
  });
});
