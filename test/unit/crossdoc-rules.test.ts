// Across articles, rule by rule, on invented articles: one speaker under two spellings, quantities with their qualifiers, stories kept apart, rewrites counted once, plain explanations.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { analyze } from '../../src/core';
import { crossCheck, sameSpeaker, sourceName } from '../../src/core/cross/crossdoc';
import { PART, quantitiesDiffer, quantitiesOf } from '../../src/core/cross/quantity';
import { tokenize } from '../../src/core/engine/text';
import { CLI, SHARED } from './paths';

const article = (doc: string, text: string, label?: string) => ({
  doc,
  label,
  text,
  analysis: analyze(text, { published: '2031-05-14' }),
});

// A story about a bridge closure, told by three invented outlets.
const RIVERTON = `Riverton closes Halvard Bridge after inspection

RIVERTON — The city of Riverton closed the Halvard Bridge on Tuesday after inspectors found cracks in two of its steel girders.

“We will not reopen the bridge until every girder has been replaced,” Mayor Tessa Lindqvist told reporters at city hall.

The engineering firm Osterbeck Partners prepared a 30-page report on the bridge, which recommends replacing the girders within six months.

At least 30 trucks a day had used the bridge as a detour since the highway ramp was closed in March.

Commuters will have to use the Marlow ferry while the bridge is closed.`;

const HARBOUR = `Halvard Bridge shut as cracks found

The Halvard Bridge in Riverton was shut on Tuesday when inspectors discovered cracks in two steel girders, officials said.

“We will not reopen the bridge until every girder has been replaced,” Ms. Lindqvist said.

According to the 32-page report by Osterbeck Partners, the girders should be replaced within six months.

City records show 34 trucks a day used the bridge as a detour after the highway ramp closed in March.

The Marlow ferry will carry commuters while the bridge stays closed.`;

// An unrelated story sharing some common words (city, closed, report, inspectors).
const ORCHARD = `Orchard growers report late frost

Growers in the Tamsin valley said on Tuesday that a late frost had damaged about a third of the apple blossoms.

The regional farm board said inspectors would visit every orchard in the valley before the harvest.

Tamsin Cooperative, which buys most of the valley's apples, said prices would rise by a few cents a kilo.`;

describe('cross-article rules on invented articles', () => {
  it('one quotation under two spellings of its speaker is agreement, not a contradiction', () => {
    const r = crossCheck([article('a.txt', RIVERTON), article('b.txt', HARBOUR)]);
    const quote = r.conflicts.filter(c => [c.a.text, c.b.text].every(t => t.includes('We will not reopen the bridge')));
    assert.deepEqual(
      quote.map(c => c.explanation),
      [],
    );
    assert.ok(!r.conflicts.some(c => c.kind === 'negation' && /reopen/.test(c.a.text + c.b.text)));
  });

  it('a 30-page report against a 32-page one is a number conflict, said in plain words with the outlets’ names', () => {
    const r = crossCheck([article('a.txt', RIVERTON, 'Riverton Courier'), article('b.txt', HARBOUR, 'Harbour Post')]);
    const pages = r.conflicts.find(c => c.kind === 'number' && /30-page/.test(c.explanation));
    assert.ok(pages, JSON.stringify(r.conflicts.map(c => c.explanation)));
    assert.match(pages.explanation, /Riverton Courier gives 30-page report, Harbour Post 32-page report/);
    assert.ok(pages.confidence! >= 0.4 && pages.confidence! <= 1);
    // "At least 30 trucks" and "34 trucks" agree.
    assert.ok(
      !r.conflicts.some(c => /trucks/.test(c.explanation)),
      JSON.stringify(r.conflicts.map(c => c.explanation)),
    );
  });

  it('quantities: qualifiers make ranges, vague amounts count, a part of a group is no count', () => {
    const q = (s: string) =>
      quantitiesOf(
        tokenize(s),
        w => w.replace(/s$/, ''),
        new Set(['the', 'of']),
        () => false,
      );
    const at = (s: string, key: string) => q(s).get(key) ?? [];
    assert.ok(!quantitiesDiffer(at('at least 30 trucks crossed', 'truck'), at('34 trucks crossed', 'truck')));
    assert.ok(quantitiesDiffer(at('dozens of trucks crossed', 'truck'), at('two trucks crossed', 'truck')));
    assert.ok(!quantitiesDiffer(at('about 3.6 billion', 'billion'), at('3.5 billion', 'billion')));
    assert.ok(quantitiesDiffer(at('a 30-page report', 'page'), at('a 32-page report', 'page')));
    // A part of a group is kept apart, as what it counts, never as a count of the group.
    assert.deepEqual([...q('Four of the inspectors said').keys()], [`${PART}inspector`]);
    assert.deepEqual(
      at('more than 12 ferries', 'ferrie').map(x => [x.lo, x.hi]),
      [[12, Infinity]],
    );
  });

  it('never pairs statements of different stories in one workspace', () => {
    const docs = [article('a.txt', RIVERTON), article('b.txt', HARBOUR), article('c.txt', ORCHARD)];
    const r = crossCheck(docs, { minConfidence: 0 });
    for (const c of r.conflicts) assert.ok(c.a.doc !== 'c.txt' && c.b.doc !== 'c.txt', c.explanation);
    for (const c of r.claims)
      assert.ok(!c.mentions.some(m => m.doc === 'c.txt') || c.mentions.every(m => m.doc === 'c.txt'));
  });

  it('credits against a fact: one outlet states it, another credits it to a named person', () => {
    const a = `Ferry line to double sailings

The Marlow ferry line will double its sailings between Riverton and Kessel Island from June, carrying up to 900 passengers an hour.

The operator has ordered two new vessels from a yard in Norbury.`;
    const b = `Marlow ferry plans more crossings

The Marlow ferry line will double its sailings between Riverton and Kessel Island from June, operations director Piet Vahl said on Monday.

Two new vessels have been ordered from a shipyard in Norbury.`;
    const r = crossCheck([article('a.txt', a, 'Island Gazette'), article('b.txt', b, 'Coast Radio')]);
    const att = r.conflicts.find(c => c.kind === 'attribution');
    assert.ok(att, JSON.stringify(r.conflicts));
    assert.equal(att.explanation, 'Island Gazette states it as fact, Coast Radio credits it to Piet Vahl');
  });

  it('an “alleged” act against the same act stated plainly is a hedge conflict; “he alleged that” is no hedge', () => {
    const a = `Dunmore harbour inquiry widens

Prosecutors in Dunmore are examining the alleged bribery of harbour inspectors by the shipping firm Velstrand over six years.`;
    const b = `Velstrand faces harbour inquiry

Prosecutors in Dunmore are examining the bribery of harbour inspectors by the shipping firm Velstrand over six years, court papers show.`;
    const r = crossCheck([article('a.txt', a, 'Dunmore Echo'), article('b.txt', b, 'Harbour Post')]);
    const hedge = r.conflicts.find(c => c.kind === 'hedge');
    assert.ok(hedge, JSON.stringify(r.conflicts));
    assert.equal(hedge.explanation, 'Dunmore Echo hedges it (“alleged”); Harbour Post states it as fact');
    const c = `Velstrand accused over harbour

A former inspector, Mara Kolding, alleged the shipping firm Velstrand paid harbour inspectors in Dunmore over six years, as she has alleged before.`;
    const r2 = crossCheck([article('b.txt', b, 'Harbour Post'), article('c.txt', c, 'Coast Radio')]);
    assert.ok(!r2.conflicts.some(x => x.kind === 'hedge'), JSON.stringify(r2.conflicts));
  });

  it('dates conflict only when each stands beside the same act, not when one dates the telling', () => {
    const told = `Riverton to replace girders

Mayor Tessa Lindqvist said on Friday in a radio interview that the council had voted to replace the cracked girders.`;
    const voted = `Council votes on bridge

The Riverton council voted on Tuesday to replace the cracked girders of the Halvard Bridge.`;
    const other = `Bridge vote

The Riverton council voted on Monday to replace the cracked girders of the Halvard Bridge.`;
    const r = crossCheck([article('a.txt', told), article('b.txt', voted)]);
    assert.ok(!r.conflicts.some(c => c.kind === 'date'), JSON.stringify(r.conflicts));
    const r2 = crossCheck([article('b.txt', voted, 'Harbour Post'), article('c.txt', other, 'Coast Radio')]);
    const date = r2.conflicts.find(c => c.kind === 'date');
    assert.ok(date, JSON.stringify(r2.conflicts));
    assert.match(date.explanation, /Harbour Post dates it “Tuesday”.*Coast Radio “Monday”/);
  });

  it('the same amount stated as fact in one outlet and credited to an official in another is a sure attribution conflict', () => {
    const a = `Port buys crane

Kessel's port authority will spend $45 million on a container crane, the largest purchase in its history, and expects delivery from a shipyard in Norbury next spring.`;
    const b = `Crane for Kessel terminal

The port authority will put $45 million into a crane able to lift the heaviest boxes at the Kessel terminal, finance director Ola Brenn said on Monday.`;
    const r = crossCheck([article('a.txt', a, 'Island Gazette'), article('b.txt', b, 'Coast Radio')]);
    const att = r.conflicts.find(c => c.kind === 'attribution');
    assert.ok(att, JSON.stringify(r.conflicts));
    assert.equal(att.explanation, 'Island Gazette states it as fact, Coast Radio credits it to Ola Brenn');
    // The one figure both give makes it the same fact: shown as surer than the words alone would make it (0.58).
    assert.ok((att.confidence ?? 0) >= 0.7, String(att.confidence));
  });

  it('an outlet citing officials and officials telling that outlet are one chain of sources, not an attribution conflict', () => {
    const a = `Terminal to close

The Daily Lantern, citing two port officials, reported that the Kessel container terminal will close for repairs to its quay wall in June.`;
    const b = `Kessel terminal closing

Two port officials told the Daily Lantern that the Kessel container terminal will close for repairs to its quay wall in June.`;
    const r = crossCheck([article('a.txt', a, 'Island Gazette'), article('b.txt', b, 'Coast Radio')]);
    assert.deepEqual(
      r.conflicts.map(c => c.explanation),
      [],
    );
  });

  it('unnamed sources counted differently (multiple / two) are an attribution conflict', () => {
    const a = `Kessel terminal closing

Multiple sources said the Kessel container terminal will close for repairs to its quay wall in June.`;
    const b = `Terminal to shut

Two sources said the Kessel container terminal will close for repairs to its quay wall in June.`;
    const r = crossCheck([article('a.txt', a, 'Island Gazette'), article('b.txt', b, 'Coast Radio')]);
    assert.deepEqual(
      r.conflicts.map(c => [c.kind, c.explanation]),
      [
        [
          'attribution',
          'Island Gazette credits it to anonymous sources (multiple), Coast Radio credits it to anonymous sources (2)',
        ],
      ],
    );
  });

  it('sources are listed by their names: a newspaper with its article, no reporting verb caught at the end', () => {
    assert.equal(sourceName('Kessel Evening Post'), 'The Kessel Evening Post');
    assert.equal(sourceName('the Norbury Times'), 'The Norbury Times');
    assert.equal(sourceName('Coastal Wire Service reported'), 'Coastal Wire Service');
    assert.equal(sourceName('Ola Brenn'), 'Ola Brenn');
    assert.equal(sourceName('Postmaster General'), 'Postmaster General');
  });

  it('“if not for” says what would have happened, it negates nothing: no negation conflict', () => {
    const a = `Depot fire

Harbour workers at the Kessel depot said the blaze would have reached the fuel tanks if not for the quick work of the Kessel fire brigade.`;
    const b = `Kessel fire put out

The quick work of the Kessel fire brigade kept the blaze from reaching the fuel tanks at the Kessel depot, harbour workers said.`;
    const r = crossCheck([article('a.txt', a, 'Island Gazette'), article('b.txt', b, 'Coast Radio')]);
    assert.deepEqual(
      r.conflicts.map(c => c.explanation),
      [],
    );
  });

  it('one person under a title, a party tag or a surname is one source across articles', () => {
    const a = `Senate panel backs canal plan

Senator Ada Quillon (D-Ore.) said the canal plan would create 400 jobs along the Wendell River.

Quillon said she expected a vote in the full Senate before August.`;
    const b = `Canal plan clears committee

"This canal will bring work back to the Wendell valley," said Ada Quillon, a Democrat of Oregon, after the committee vote.`;
    const r = crossCheck([article('a.txt', a), article('b.txt', b)]);
    const names = r.sources.map(s => s.speaker);
    assert.ok(names.includes('Ada Quillon'), names.join(' | '));
    assert.ok(!names.some(n => /^D-Ore|^Quillon$|Democrat of Oregon/.test(n)), names.join(' | '));
    assert.equal(r.sources.find(s => s.speaker === 'Ada Quillon')!.documents.length, 2);
    assert.ok(sameSpeaker('Ada Quillon', 'Quillon'));
    assert.ok(sameSpeaker('Donald J. Trump', 'Donald Trump'));
    assert.ok(!sameSpeaker('Kellyanne Conway', 'George Conway'));
  });

  it('articles that rewrite one report are shown as derived and counted once', () => {
    const wire = `Storm cuts power to Kessel Island

A winter storm cut power to nearly 4,000 homes on Kessel Island on Sunday, the island's utility company said, after winds of up to 110 kilometres an hour brought down lines along the coast road.

Crews from the mainland were expected to arrive by ferry on Monday morning to help restore the lines, a utility spokeswoman said.

The island's two schools will stay closed on Monday while the roads are cleared of fallen trees.`;
    const rewrite = `Kessel Island in the dark after storm

A winter storm cut power to nearly 4,000 homes on Kessel Island on Sunday, the island's utility company said, after winds of up to 110 kilometres an hour brought down lines along the coast road.

Crews from the mainland were expected to arrive by ferry on Monday morning to help restore the lines, a utility spokeswoman said. Residents were asked to stay indoors.`;
    const own = `Islanders wait for repairs

Residents of Kessel Island spent Sunday night without electricity after a storm knocked down power lines on the coast road.

The utility company said about 4,000 homes had lost power and that mainland crews would arrive on Monday.`;
    const r = crossCheck([article('wire.txt', wire), article('rewrite.txt', rewrite), article('own.txt', own)]);
    assert.deepEqual(
      r.derived?.map(d => [...d.documents].sort()),
      [['rewrite.txt', 'wire.txt']],
    );
    const power = r.claims.find(
      c =>
        c.mentions.some(m => m.doc === 'own.txt') &&
        c.mentions.some(m => m.doc === 'wire.txt') &&
        c.mentions.some(m => m.doc === 'rewrite.txt'),
    );
    assert.ok(power, JSON.stringify(r.claims.map(c => c.summary)));
    assert.equal(power.independent, 2);
  });

  it('newsmark check --json on invented articles follows the contract, names outlets from sidecars and gives confidences', function () {
    const schemaPath = join(SHARED, 'contracts/check.schema.json');
    let schema: object;
    try {
      schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    } catch {
      this.skip();
      return;
    }
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const dir = mkdtempSync(join(tmpdir(), 'newsmark-cross-'));
    writeFileSync(join(dir, 'courier.txt'), RIVERTON);
    writeFileSync(join(dir, 'post.txt'), HARBOUR);
    writeFileSync(
      join(dir, 'courier.txt.newsmark.yaml'),
      'version: 1\ndocument: { outlet: "Riverton Courier", published: 2031-05-14 }\n',
    );
    writeFileSync(
      join(dir, 'post.txt.newsmark.yaml'),
      'version: 1\ndocument: { outlet: "Harbour Post", published: 2031-05-14 }\n',
    );
    const r = spawnSync(process.execPath, [CLI, 'check', '--json', dir], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const json = JSON.parse(r.stdout) as { conflicts: { explanation: string; confidence?: number }[] };
    assert.ok(validate(json), JSON.stringify(validate.errors));
    assert.ok(
      json.conflicts.some(c =>
        /Riverton Courier gives 30-page report, Harbour Post 32-page report/.test(c.explanation),
      ),
      r.stdout,
    );
    for (const c of json.conflicts)
      assert.ok(typeof c.confidence === 'number' && c.confidence >= 0.4 && c.confidence <= 1);
    const text = spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8' }).stdout;
    assert.match(text, /\[number, \d+% sure\] Riverton Courier gives 30-page report/);
    assert.ok(!/\b[a-z]+(?:sourc|adviser s)\b/.test(text));
  });
});
