// Sidecars: read with checks that name the line, refused when hostile, and written so that only the lines
// that must change do.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './paths';
import { anchorAt } from '../../src/core/annotations/anchor';
import { readSidecar, SidecarFile, type Annotation } from '../../src/core/annotations/sidecar';

const ARTICLE = 'Transport Minister Henrik Dahl said the ferry would stay in port. The company disagreed.';
const ann = (id: string, needle: string, extra: Partial<Annotation> = {}): Annotation => {
  const s = ARTICLE.indexOf(needle);
  return {
    id,
    kind: 'claim',
    anchor: anchorAt(ARTICLE, s, s + needle.length),
    status: 'unverified',
    origin: 'user',
    ...extra,
  };
};

/** Lines of b that are not in a, and lines of a that are not in b (a multiset line diff). */
function diff(a: string, b: string): { added: string[]; removed: string[] } {
  const count = (t: string) => {
    const m = new Map<string, number>();
    for (const l of t.split('\n')) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const added: string[] = [];
  const removed: string[] = [];
  for (const [l, n] of cb) for (let i = ca.get(l) ?? 0; i < n; i++) added.push(l);
  for (const [l, n] of ca) for (let i = cb.get(l) ?? 0; i < n; i++) removed.push(l);
  return { added, removed };
}

const HAND_WRITTEN = `# Annotations for dahl.txt, checked by Marit on Monday.
version: 1
document:
  title: Ferry stays in port   # the print headline
  outlet: Harbour Daily
  published: 2026-03-05
  desk: transport               # not Newsmark's: kept
annotations:
  # the minister's claim
  - id: m1
    kind: claim
    anchor: { exact: "the ferry would stay in port", prefix: "Transport Minister Henrik Dahl said ", suffix: ". The company disagreed.", start: 36, end: 64 }
    status: disputed
    reviewer: marit              # not Newsmark's: kept
    speaker: Henrik Dahl
x-review: { round: 2 }
`;

describe('sidecars', () => {
  it('starts a new sidecar and reads back what was added', () => {
    const f = SidecarFile.create('dahl.txt', { outlet: 'Harbour Daily', published: '2026-03-05' });
    f.addAnnotation(
      ann('a1', 'Henrik Dahl', { kind: 'entity', type: 'PERSON', canonical: 'Henrik Dahl', status: undefined }),
    );
    const back = readSidecar(f.text);
    assert.ok(back.ok);
    assert.equal(back.file.data.document.published, '2026-03-05');
    assert.deepEqual(back.file.data.annotations[0].anchor, anchorAt(ARTICLE, 19, 30));
    assert.match(f.text, /^# Newsmark annotations for dahl\.txt/);
  });

  it('keeps comments, unknown keys and key order, and adds an annotation as added lines only', () => {
    const r = readSidecar(HAND_WRITTEN);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.problems));
    const f = r.file;
    f.addAnnotation(ann('c2', 'The company disagreed'));
    const d = diff(HAND_WRITTEN, f.text);
    assert.deepEqual(d.removed, []);
    assert.ok(
      d.added.length >= 3 && d.added.every(l => /^ {2}[- ] /.test(l) || l.startsWith('    ')),
      d.added.join('\n'),
    );
    assert.ok(
      f.text.startsWith(HAND_WRITTEN.slice(0, HAND_WRITTEN.indexOf('x-review'))),
      'the old lines stay where they were',
    );
    const back = readSidecar(f.text);
    assert.ok(back.ok);
    assert.equal((back.file.data.annotations[0] as unknown as Record<string, unknown>).reviewer, 'marit');
    assert.deepEqual(
      back.file.data.annotations.map(a => a.id),
      ['m1', 'c2'],
    );
  });

  it('changes one line to change a status, and only the numbers to move an anchor', () => {
    const f = (readSidecar(HAND_WRITTEN) as { ok: true; file: SidecarFile }).file;
    f.updateAnnotation('m1', { status: 'verified', note: 'confirmed by the ministry' });
    const d = diff(HAND_WRITTEN, f.text);
    assert.deepEqual(d.removed, ['    status: disputed']);
    assert.deepEqual(d.added.sort(), ['    note: confirmed by the ministry', '    status: verified']);
    const before = f.text;
    f.setPositions([{ id: 'm1', start: 40, end: 68 }]);
    const d2 = diff(before, f.text);
    assert.equal(d2.removed.length, 1);
    assert.equal(d2.added.length, 1);
    assert.match(d2.added[0], /start: 40, end: 68 \}$/);
    assert.equal(d2.added[0].replace('start: 40, end: 68', 'start: 36, end: 64'), d2.removed[0]);
  });

  it('removes an annotation by removing its lines, and relations and rejections are appended', () => {
    const f = (readSidecar(HAND_WRITTEN) as { ok: true; file: SidecarFile }).file;
    f.addAnnotation(ann('c2', 'The company disagreed'));
    f.removeAnnotation('c2');
    assert.equal(f.text, HAND_WRITTEN);
    f.addRelation({ from: 'm1', to: '../other/wire.txt#k9', type: 'contradicts' });
    f.addSuppressed({ kind: 'entity', exact: 'Transport', start: 0, end: 9 });
    const d = diff(HAND_WRITTEN, f.text);
    assert.deepEqual(d.removed, []);
    assert.deepEqual(d.added.filter(Boolean), [
      'relations:',
      '  - { from: m1, to: "../other/wire.txt#k9", type: contradicts }',
      'suppressed:',
      '  - { kind: entity, exact: "Transport", start: 0, end: 9 }',
    ]);
  });

  it('names the line of what is wrong, and reads nothing from a broken file', () => {
    const bad = HAND_WRITTEN.replace('status: disputed', 'status: maybe').replace('start: 36', 'start: -3');
    const r = readSidecar(bad);
    assert.ok(!r.ok);
    const lines = bad.split('\n');
    const statusLine = lines.findIndex(l => l.includes('status: maybe')) + 1;
    assert.ok(
      r.problems.some(
        p => p.line === statusLine && /status must be one of unverified, verified, disputed, false/.test(p.message),
      ),
      JSON.stringify(r.problems),
    );
    assert.ok(r.problems.some(p => /anchor start must be a whole number/.test(p.message)));
    const yamlError = readSidecar('version: 1\nannotations:\n  - id: a\n    kind: [unclosed\n');
    assert.ok(!yamlError.ok);
    assert.ok(
      yamlError.problems[0].line >= 4 && /^YAML: /.test(yamlError.problems[0].message),
      JSON.stringify(yamlError.problems),
    );
    const dup = readSidecar(
      'version: 1\nannotations:\n  - { id: a, kind: note, anchor: { exact: x, prefix: "", suffix: "", start: 0, end: 1 } }\n  - { id: a, kind: note, anchor: { exact: x, prefix: "", suffix: "", start: 0, end: 1 } }\n',
    );
    assert.ok(!dup.ok && dup.problems.some(p => p.line === 4 && /duplicate annotation id "a"/.test(p.message)));
  });

  it('refuses YAML bombs, oversized files and relations that leave the workspace', () => {
    const bomb = [
      'version: 1',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'annotations: []',
    ].join('\n');
    const r = readSidecar(bomb);
    assert.ok(!r.ok && /alias/i.test(r.problems[0].message), JSON.stringify(r));
    const big = readSidecar('version: 1\n# ' + 'x'.repeat(200) + '\n', { maxChars: 100 });
    assert.ok(!big.ok && /over the limit/.test(big.problems[0].message));
    for (const to of ['/etc/passwd#a', 'file:///tmp/x.txt#a', 'C:\\\\evil.txt#a', 'https://example.invalid/x#a']) {
      const rel = readSidecar(
        HAND_WRITTEN + `relations:\n  - { from: m1, to: ${JSON.stringify(to)}, type: supports }\n`,
      );
      assert.ok(!rel.ok && rel.problems.some(p => /relative to this article/.test(p.message)), to);
    }
    const f = (readSidecar(HAND_WRITTEN) as { ok: true; file: SidecarFile }).file;
    assert.throws(() => f.addRelation({ from: 'm1', to: '/abs/path.txt#x', type: 'supports' }), /relative/);
  });
});

describe('the sidecar JSON Schema (for the YAML extension)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv').default as typeof import('ajv').default;
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/sidecar.schema.json'), 'utf8'));
  const validate = new Ajv({ strict: false }).compile(schema);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('is wired to sidecar files through contributes.yamlValidation', () => {
    assert.deepEqual(pkg.contributes.yamlValidation, [
      { fileMatch: ['*.newsmark.yaml', '.newsmark/**/*.yaml'], url: './schemas/sidecar.schema.json' },
    ]);
  });

  it('accepts what Newsmark writes and rejects what its reader rejects', () => {
    const f = (readSidecar(HAND_WRITTEN) as { ok: true; file: SidecarFile }).file;
    f.addAnnotation(ann('c2', 'The company disagreed'));
    f.addRelation({ from: 'm1', to: 'wire.txt#k9', type: 'contradicts' });
    assert.ok(validate(parse(f.text)), JSON.stringify(validate.errors));
    for (const bad of [
      HAND_WRITTEN.replace('status: disputed', 'status: maybe'),
      HAND_WRITTEN.replace('version: 1', 'version: 2'),
      HAND_WRITTEN + 'relations:\n  - { from: m1, to: "/etc/x.txt#a", type: supports }\n',
      HAND_WRITTEN.replace('start: 36', 'start: -1'),
    ]) {
      assert.ok(!readSidecar(bad).ok);
      assert.ok(!validate(parse(bad)), bad.slice(-80));
    }
  });
});
