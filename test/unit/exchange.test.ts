// Exports and imports as a researcher relies on them: W3C annotations that the W3C suite's MUST assertions accept,
// offsets in code points where the formats count code points (emoji included), and round trips through W3C,
// brat and CSV that give back every annotation bound to the text.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { CLI, CORPUS, DEMO_ARTICLES, ROOT, SHARED, needShared } from './paths';
import { analyze } from '../../src/core';
import { anchorAt } from '../../src/core/annotations/anchor';
import {
  exportItems,
  planImport,
  fromBrat,
  fromCodePoints,
  fromCsv,
  fromW3C,
  toBrat,
  toCodePoints,
  toCsv,
  toJsonl,
  toW3C,
  w3cAnnotations,
  type ExportDoc,
} from '../../src/core/exchange/exchange';
import { readSidecar, SidecarFile, type Annotation, type SidecarData } from '../../src/core/annotations/sidecar';

const SUITE = join(SHARED, 'peers/w3c-web-annotation-tests');

/** The W3C suite's MUST assertions (annotationMusts.test), each a draft-04 schema that must find an annotation valid. */
function mustValidator(): (a: unknown) => string[] {
  const ajv = new Ajv04({ strict: false, allErrors: false });
  addFormats(ajv);
  for (const f of readdirSync(join(SUITE, 'definitions')).filter(f => f.endsWith('.json')))
    ajv.addSchema(JSON.parse(readFileSync(join(SUITE, 'definitions', f), 'utf8')));
  const musts = JSON.parse(readFileSync(join(SUITE, 'annotations/annotationMusts.test'), 'utf8')) as {
    assertions: string[];
  };
  const checks = musts.assertions.map(path => {
    const schema = JSON.parse(readFileSync(join(SUITE, path), 'utf8'));
    return { path, expected: schema.expectedResult !== 'invalid', validate: ajv.compile(schema) };
  });
  assert.ok(checks.length >= 50, `the suite's MUST list has ${checks.length} assertions`);
  return a => checks.filter(c => c.validate(a) !== c.expected).map(c => c.path);
}

const STORY = `Crowds 👍🏽 cheered in Tromsø on 3 March 2026 as the ferry 🚢 returned.

"We are relieved," said Sofie Dahl, the chief executive of Polarlinje. Police said "two 🧑‍🚒 crews" helped, according to the harbour office.
The café owner, Ingrid Ødegård, said the queue was 300 metres long.
`;

/** A sidecar with annotations of every kind and field, some on text with astral characters. */
function storySidecar(text = STORY): SidecarData {
  const at = (needle: string) => {
    const s = text.indexOf(needle);
    assert.ok(s >= 0, needle);
    return anchorAt(text, s, s + needle.length);
  };
  const f = SidecarFile.create('story.txt', { published: '2026-03-04', outlet: 'Test Wire' });
  const anns: Annotation[] = [
    {
      id: 'crowd',
      kind: 'note',
      anchor: at('Crowds 👍🏽 cheered'),
      note: 'Emoji in the quote, "quoted", with a comma, and\na second line',
      origin: 'user',
      author: 'Marit',
      created: '2026-03-05T10:00:00Z',
    },
    {
      id: 'ship',
      kind: 'entity',
      anchor: at('ferry 🚢'),
      type: 'ORG',
      canonical: 'Polarlinje ferry',
      origin: 'accepted',
    },
    { id: 'day', kind: 'date', anchor: at('3 March 2026'), value: '2026-03-03', origin: 'user' },
    {
      id: 'crews',
      kind: 'claim',
      anchor: at('"two 🧑‍🚒 crews" helped'),
      speaker: 'Police',
      cue: 'said',
      status: 'disputed',
      tags: ['numbers', 'to-check'],
      origin: 'user',
    },
    { id: 'ceo', kind: 'source', anchor: at('Sofie Dahl'), canonical: 'Sofie Dahl', origin: 'user' },
    { id: 'queue', kind: 'length', anchor: at('300 metres'), note: '=SUM(A1) looks like a formula', origin: 'user' },
    { id: 'cafe', kind: 'entity', anchor: at('Ingrid Ødegård'), type: 'PERSON', origin: 'user' },
  ];
  for (const a of anns) f.addAnnotation(a);
  f.addRelation({ from: 'ceo', to: 'crews', type: 'same-claim' });
  return f.data;
}

function doc(name: string, text: string, side: SidecarData | null, detected = false): ExportDoc {
  return {
    name,
    iri: `file:///work/story/${name}`,
    text,
    published: side?.document.published ?? null,
    items: exportItems(text, side, detected ? analyze(text) : null),
    relations: side?.relations ?? [],
  };
}

/** The essences of a list, in id order (exports list annotations by position in the text). */
const essences = (l: Annotation[]) => l.map(essence).sort((x, y) => x.id.localeCompare(y.id));
/** What a text-bound annotation is, for comparing an import with what was exported. */
const essence = (a: Annotation) => ({
  id: a.id,
  kind: a.kind,
  exact: a.anchor.exact,
  start: a.anchor.start,
  end: a.anchor.end,
  type: a.type,
  canonical: a.canonical,
  value: a.value,
  speaker: a.speaker,
  cue: a.cue,
  status: a.status,
  note: a.note,
  tags: a.tags,
  author: a.author,
  created: a.created,
});

describe('exports and imports', function () {
  let fails: (a: unknown) => string[];
  before(function () {
    needShared(this);
    fails = mustValidator();
  });

  it('converts between UTF-16 units and code points, emoji counted once', () => {
    const t = 'a👍🏽b🧑‍🚒c';
    assert.equal(toCodePoints(t, 1), 1);
    assert.equal(toCodePoints(t, 5), 3); // a, 👍, 🏽 (each two units)
    assert.equal(fromCodePoints(t, 3), 5);
    for (let u = 0; u <= t.length; u++)
      if (!/[\uDC00-\uDFFF]/.test(t[u] ?? '')) assert.equal(fromCodePoints(t, toCodePoints(t, u)), u);
    assert.equal(fromCodePoints(t, 99), null);
  });

  it('the W3C suite’s validator takes its correct samples and refuses every incorrect one', () => {
    const dir = join(SUITE, 'tools/samples');
    let refused = 0;
    for (const f of readdirSync(join(dir, 'incorrect'))) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(join(dir, 'incorrect', f), 'utf8'));
      } catch {
        refused++;
        continue;
      } // not even JSON
      assert.ok(fails(json).length > 0, `incorrect sample ${f} passed every MUST assertion`);
      refused++;
    }
    assert.ok(refused >= 30, `${refused} incorrect samples`);
    // Correct single annotations pass (collections are not annotations; the suite's schemas do not recognise
    // Composite, List and Independents targets as annotation targets, so those samples are left out).
    let passed = 0;
    for (const f of readdirSync(join(dir, 'correct'))) {
      const json = JSON.parse(readFileSync(join(dir, 'correct', f), 'utf8'));
      if (json.type !== 'Annotation' || /Composite|List|Independents/.test(JSON.stringify(json.target))) continue;
      assert.deepEqual(fails(json), [], `correct sample ${f}`);
      passed++;
    }
    assert.ok(passed >= 30, `${passed} correct samples`);
  });

  it('W3C exports of the corpus and the demo articles pass every MUST assertion, with positions in code points', () => {
    const docs: ExportDoc[] = [];
    for (const f of readdirSync(CORPUS).filter(f => f.endsWith('.txt')))
      docs.push(doc(f, readFileSync(join(CORPUS, f), 'utf8'), null, true));
    for (const f of DEMO_ARTICLES) {
      docs.push(doc(f, readFileSync(join(ROOT, 'samples', f), 'utf8'), null, true));
    }
    docs.push(doc('story.txt', STORY, storySidecar(), true));
    const collection = toW3C(docs, { generated: '2026-11-23T12:00:00Z' });
    assert.equal(collection.type, 'AnnotationCollection');
    const all = w3cAnnotations(JSON.parse(JSON.stringify(collection)));
    assert.equal(all.length, collection.total);
    assert.equal(
      all.length,
      docs.reduce((t, d) => t + d.items.length, 0),
    );
    assert.ok(all.length > 300, `${all.length} annotations`);
    for (const a of all) assert.deepEqual(fails(a), [], JSON.stringify(a).slice(0, 300));
    // Each target is its article, and its position selector, counted in code points, selects the quote.
    const byIri = new Map(docs.map(d => [d.iri, d]));
    for (const a of all) {
      const target = a.target as {
        source: string;
        selector: { type: string; exact?: string; start?: number; end?: number }[];
      };
      const d = byIri.get(target.source)!;
      assert.ok(target.source.endsWith('/' + d.name));
      const quote = target.selector.find(s => s.type === 'TextQuoteSelector')!;
      const pos = target.selector.find(s => s.type === 'TextPositionSelector')!;
      assert.equal([...d.text].slice(pos.start, pos.end).join(''), quote.exact);
    }
    // The emoji ones really are shifted: the ship's position in code points is less than in UTF-16 units.
    const ship = all.find(a => String(a.id).endsWith(':ship'))!;
    const pos = (ship.target as { selector: { type: string; start: number }[] }).selector.find(
      s => s.type === 'TextPositionSelector',
    )!;
    assert.equal(pos.start, STORY.indexOf('ferry 🚢') - 2);
  });

  it('W3C export → import gives back every text-bound annotation, and places them by quote in an edited article', () => {
    const side = storySidecar();
    const json = JSON.parse(
      JSON.stringify(toW3C([doc('story.txt', STORY, side)], { generated: '2026-11-23T12:00:00Z' })),
    );
    const back = fromW3C(json, [{ name: 'story.txt', text: STORY }]);
    assert.deepEqual(back.problems, []);
    assert.deepEqual(essences(back.annotations.get('story.txt')!), essences(side.annotations));
    // The article edited since: a sentence added at the top moves everything; quotes still place them.
    const edited = 'Updated at noon with a correction 📰.\n\n' + STORY;
    const movedRes = fromW3C(json, [{ name: 'story.txt', text: edited }]);
    assert.deepEqual(movedRes.problems, []);
    const moved = movedRes.annotations.get('story.txt')!;
    assert.equal(moved.length, side.annotations.length);
    for (const a of moved) assert.equal(edited.slice(a.anchor.start, a.anchor.end), a.anchor.exact);
    // Annotations made by another tool: their bodies say what they are.
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/a1',
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: 'Is this the same Dahl?' },
      target: {
        source: 'https://example.org/archive/story.txt',
        selector: { type: 'TextQuoteSelector', exact: 'Sofie Dahl', prefix: 'said ' },
      },
    };
    const got = fromW3C(foreign, [{ name: 'story.txt', text: STORY }]).annotations.get('story.txt')!;
    assert.equal(got.length, 1);
    assert.equal(got[0].kind, 'note');
    assert.equal(got[0].note, 'Is this the same Dahl?');
    assert.equal(STORY.slice(got[0].anchor.start, got[0].anchor.end), 'Sofie Dahl');
    const elsewhere = fromW3C(
      { ...foreign, target: { source: 'https://example.org/other.txt', selector: foreign.target.selector } },
      [{ name: 'story.txt', text: STORY }],
    );
    assert.match(elsewhere.problems[0], /none of the articles given/);
  });

  it('brat: code-point offsets brat accepts, notes as # lines, attributions as relations, and a lossless round trip', () => {
    const side = storySidecar();
    const d = doc('story.txt', STORY, side, true);
    const { ann, skipped } = toBrat(d);
    assert.deepEqual(skipped, []);
    const points = [...STORY];
    for (const line of ann.split('\n').filter(l => l.startsWith('T'))) {
      const [, mid, text] = line.split('\t');
      const frags = mid
        .split(' ')
        .slice(1)
        .join(' ')
        .split(';')
        .map(f => f.split(' ').map(Number));
      // What brat shows for the span: its fragments joined by a space, each of them the text at those code points.
      assert.equal(frags.map(([s, e]) => points.slice(s, e).join('')).join(' '), text, line);
      assert.ok(!text.includes('\n'));
    }
    assert.match(ann, /^#\d+\tAnnotatorNotes T\d+\tEmoji in the quote, "quoted", with a comma, and a second line$/m);
    assert.match(ann, /^A\d+\tStatus T\d+ disputed$/m);
    assert.match(ann, /^R\d+\tsame-claim Arg1:T\d+ Arg2:T\d+$/m);
    assert.match(ann, /^R\d+\tSaid Arg1:T\d+ Arg2:T\d+$/m); // a detected source said a detected claim
    const back = fromBrat(ann, STORY, 'story');
    assert.deepEqual(back.problems, []);
    const mine = back.annotations.filter(a => side.annotations.some(s => s.id === a.id));
    assert.deepEqual(essences(mine), essences(side.annotations));
    assert.equal(back.annotations.length, d.items.length);
    assert.deepEqual(back.relations, [{ from: 'ceo', to: 'crews', type: 'same-claim' }]);
    // A file made in brat itself, without Newsmark's fields: its types and notes become annotations.
    const hand = `T1\tPerson ${toCodePoints(STORY, STORY.indexOf('Ingrid'))} ${toCodePoints(STORY, STORY.indexOf('Ingrid') + 'Ingrid Ødegård'.length)}\tIngrid Ødegård\n#1\tAnnotatorNotes T1\towner of the café\nT2\tRumour ${toCodePoints(STORY, STORY.indexOf('300'))} ${toCodePoints(STORY, STORY.indexOf('300') + 10)}\t300 metres\nE1\tAttack:T2\n`;
    const h = fromBrat(hand, STORY, 'hand');
    assert.deepEqual(
      h.annotations.map(a => [a.kind, a.type, a.anchor.exact, a.note]),
      [
        ['entity', 'PERSON', 'Ingrid Ødegård', 'owner of the café'],
        ['rumour', undefined, '300 metres', undefined],
      ],
    );
    assert.match(h.problems[0], /line 4: events are not imported/);
    // Offsets that are not the text's (a file for another version of the article): placed by the quote, or reported.
    const stale = fromBrat(`T1\tPerson 3 17\tIngrid Ødegård\nT2\tPerson 1 5\tNobody Here\n`, STORY, 'stale');
    assert.equal(stale.annotations[0].anchor.exact, 'Ingrid Ødegård');
    assert.match(stale.problems[0], /line 2: “Nobody Here” is not in the text/);
  });

  it('an import adds nothing twice, and gives an imported annotation whose id is taken a new one', () => {
    const side = storySidecar();
    const crews = side.annotations.find(a => a.id === 'crews')!;
    const ceo = side.annotations.find(a => a.id === 'ceo')!;
    const other = { ...ceo, id: 'crews', kind: 'note', note: 'another annotation that happens to have this id' };
    const plan = planImport(side.annotations, [crews, { ...ceo, id: 'imported-ceo' }, other]);
    assert.equal(plan.already, 2);
    assert.deepEqual(
      plan.add.map(a => [a.id, a.note]),
      [['crews-2', 'another annotation that happens to have this id']],
    );
    assert.deepEqual(
      [...plan.ids],
      [
        ['crews', 'crews-2'],
        ['imported-ceo', 'ceo'],
      ],
    );
  });

  it('CSV: a row per annotation that spreadsheets read safely, and a round trip', () => {
    const side = storySidecar();
    const csv = toCsv([doc('story.txt', STORY, side)]);
    const rows = csv.trimEnd().split('\r\n');
    assert.match(rows[0], /^article,id,kind,start,end,start_cp,end_cp,text,/);
    assert.ok(csv.includes(`"'=SUM(A1) looks like a formula"`), 'a note that starts with = is not a formula');
    const back = fromCsv(csv);
    assert.equal(back.length, side.annotations.length);
    for (const { article, item } of back) {
      assert.equal(article, 'story.txt');
      const orig = side.annotations.find(a => a.id === item.id)!;
      assert.deepEqual(
        essence({
          ...item,
          anchor: { exact: item.exact, prefix: '', suffix: '', start: item.start!, end: item.end! },
        } as unknown as Annotation),
        essence(orig),
      );
    }
  });

  it('JSON Lines: one article a line, with its text and spans in both units', () => {
    const jsonl = toJsonl([
      doc('story.txt', STORY, storySidecar()),
      doc('b.txt', 'Plain 🙂 text by Sofie Dahl.', null, true),
    ]);
    const lines = jsonl
      .trimEnd()
      .split('\n')
      .map(l => JSON.parse(l));
    assert.equal(lines.length, 2);
    for (const l of lines) {
      for (const a of l.annotations) {
        assert.equal(l.text.slice(a.start, a.end), a.exact);
        assert.equal([...l.text].slice(a.start_cp, a.end_cp).join(''), a.exact);
      }
    }
    assert.ok(lines[1].annotations.some((a: { canonical?: string }) => a.canonical === 'Sofie Dahl'));
  });

  it('the CLI exports every format and imports W3C and brat back into sidecars, once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsmark-x-'));
    const work = join(dir, 'work');
    cpSync(join(ROOT, 'samples/ferry'), work, { recursive: true });
    writeFileSync(join(work, 'story.txt'), STORY);
    writeFileSync(join(work, 'story.txt.newsmark.yaml'), readSidecarText());
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: dir });
    const w3c = run('export', '--format', 'w3c', 'work');
    assert.equal(w3c.status, 0, w3c.stderr);
    const collection = JSON.parse(w3c.stdout);
    const anns = w3cAnnotations(collection);
    assert.equal(anns.length, 7); // only the confirmed ones without --detected
    for (const a of anns) assert.deepEqual(fails(a), []);
    const detected = run('export', '--format', 'w3c', '--detected', 'work');
    assert.ok(w3cAnnotations(JSON.parse(detected.stdout)).length > 100);
    const csv = run('export', '--format', 'csv', '--detected', 'work');
    assert.equal(csv.status, 0);
    assert.ok(fromCsv(csv.stdout).some(r => r.article === 'work/nordwire.txt' && r.item.origin === 'detected'));
    const jsonl = run('export', '--format', 'jsonl', '--out', 'out', 'work');
    assert.equal(jsonl.status, 0);
    assert.equal(readFileSync(join(dir, 'out/annotations.jsonl'), 'utf8').trimEnd().split('\n').length, 4);
    assert.equal(run('export', '--format', 'brat', 'work').status, 2, 'brat without --out says it needs a folder');
    const brat = run('export', '--format', 'brat', '--detected', '--out', 'brat', 'work');
    assert.equal(brat.status, 0, brat.stderr);
    // The articles of one folder lie beside annotation.conf (named from the folder that holds them, not from here).
    for (const f of ['story.txt', 'story.ann', 'harbour-daily.md.txt', 'harbour-daily.md.ann', 'annotation.conf'])
      assert.ok(existsSync(join(dir, 'brat', f)), f);
    assert.ok(!existsSync(join(dir, 'brat', 'work')));
    writeFileSync(join(dir, 'collection.jsonld'), w3c.stdout);

    // Into a fresh copy without sidecars: from W3C, then brat adds the engine's findings and keeps the 7.
    const fresh = join(dir, 'fresh');
    cpSync(join(ROOT, 'samples/ferry'), fresh, { recursive: true });
    writeFileSync(join(fresh, 'story.txt'), STORY);
    const imp = run('import', 'collection.jsonld', 'fresh');
    assert.equal(imp.status, 0, imp.stderr);
    assert.match(imp.stdout, /fresh\/story\.txt: 7 annotations imported/);
    const side = readSidecar(readFileSync(join(fresh, 'story.txt.newsmark.yaml'), 'utf8'));
    assert.ok(side.ok);
    assert.deepEqual(essences(side.file.data.annotations), essences(storySidecar().annotations));
    const again = run('import', 'collection.jsonld', 'fresh');
    assert.match(again.stdout, /0 annotations imported, 7 already there/);
    const b = run('import', 'brat/story.ann', 'brat/nordwire.ann', 'fresh');
    assert.equal(b.status, 0, b.stderr);
    const after = readSidecar(readFileSync(join(fresh, 'story.txt.newsmark.yaml'), 'utf8'));
    assert.ok(after.ok);
    assert.equal(after.file.data.annotations.length, exportItems(STORY, storySidecar(), analyze(STORY)).length);
    assert.deepEqual(after.file.data.relations, [{ from: 'ceo', to: 'crews', type: 'same-claim' }]);
    assert.ok(existsSync(join(fresh, 'nordwire.txt.newsmark.yaml')));
    // A broken sidecar is never written over.
    writeFileSync(join(fresh, 'harbour-daily.md.newsmark.yaml'), 'version: 1\nannotations: [ {id: x\n');
    const broken = run('import', 'brat/harbour-daily.md.ann', 'fresh');
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /harbour-daily\.md\.newsmark\.yaml: line \d+: .*nothing was imported/);
    assert.equal(
      readFileSync(join(fresh, 'harbour-daily.md.newsmark.yaml'), 'utf8'),
      'version: 1\nannotations: [ {id: x\n',
    );
  });
});

function readSidecarText(): string {
  const f = SidecarFile.create('story.txt', { published: '2026-03-04', outlet: 'Test Wire' });
  const data = storySidecar();
  for (const a of data.annotations) f.addAnnotation(a);
  for (const r of data.relations) f.addRelation(r);
  return f.text;
}
