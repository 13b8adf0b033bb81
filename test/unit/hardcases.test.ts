// The hard cases of news text, pinned with our own sentences: names with titles, shared surnames, accents,
// possessives, organisations by their shape, places and nationalities, shouted headlines; dates that need the
// publication year or a neighbouring date; attributions in their common shapes.
import * as assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../src/core';

const ents = (a: Analysis, type?: string) => a.entities.filter(e => !type || e.type === type);
const typeOf = (a: Analysis, text: string) =>
  [...new Set(a.entities.filter(e => e.text === text).map(e => e.type))].join('|') || 'none';
const canon = (a: Analysis, text: string) =>
  [...new Set(a.entities.filter(e => e.text === text).map(e => e.canonical))].join('|') || 'none';
const date = (a: Analysis, text: string) => {
  const d = a.dates.find(x => x.text === text);
  return d ? [d.value, d.mod, d.relative] : 'not found';
};
const claim = (a: Analysis, startsWith: string) => a.attributions.find(x => x.content.text.startsWith(startsWith));

describe('hard cases: entities', () => {
  it('keeps titles and roles outside names, and two people with one surname apart', () => {
    const a = analyze(
      'Prime Minister Lena Varga met Finance Minister Tamás Varga in Budapest. Later, former president János Áder joined them.',
    );
    assert.deepEqual(
      ents(a, 'PERSON').map(e => e.text),
      ['Lena Varga', 'Tamás Varga', 'János Áder'],
    );
    assert.notEqual(canon(a, 'Lena Varga'), canon(a, 'Tamás Varga'));
  });

  it('folds accents and possessives to one canonical person', () => {
    const a = analyze(
      "Chancellor Jürgen Müller arrived late. Muller’s aides said little, and Müller's office declined to comment.",
    );
    const muller = ents(a, 'PERSON');
    assert.deepEqual(
      muller.map(e => e.text),
      ['Jürgen Müller', 'Muller', 'Müller'],
    );
    assert.ok(muller.every(e => e.canonical === 'Jürgen Müller'));
  });

  it('recognises organisations by their shape', () => {
    const a = analyze(
      'Researchers at Carlow University and members of the Green Party met NATO and IAEA officials at the White House, while the Kremlin stayed silent.',
    );
    for (const org of ['Carlow University', 'Green Party', 'NATO', 'IAEA', 'White House', 'Kremlin'])
      assert.equal(typeOf(a, org), 'ORG', org);
  });

  it('tells places from nationalities', () => {
    const a = analyze(
      'Hungarian officials said Hungary would help. Two Hungarians were hurt near the Austrian border in Austria.',
    );
    assert.equal(typeOf(a, 'Hungary'), 'PLACE');
    assert.equal(typeOf(a, 'Hungarian'), 'NORP');
    assert.equal(canon(a, 'Hungarians'), 'Hungarian');
    assert.equal(typeOf(a, 'Austrian'), 'NORP');
  });

  it('reads a shouted headline by the names it knows', () => {
    const a = analyze(
      'FLOODS HIT HUNGARY AS VARGA VISITS BUDAPEST\nPrime Minister Lena Varga flew to Budapest on Monday.',
    );
    assert.equal(typeOf(a, 'HUNGARY'), 'PLACE');
    assert.equal(typeOf(a, 'BUDAPEST'), 'PLACE');
    assert.equal(canon(a, 'VARGA'), 'Lena Varga');
    assert.equal(typeOf(a, 'FLOODS'), 'none');
  });

  it('splits hyphenated pairs of places but keeps hyphenated names whole', () => {
    const a = analyze('The Hungary-Austria border reopened, said Anna-Lena Kovacs.');
    assert.equal(typeOf(a, 'Hungary'), 'PLACE');
    assert.equal(typeOf(a, 'Austria'), 'PLACE');
    assert.equal(typeOf(a, 'Anna-Lena Kovacs'), 'PERSON');
  });
});

describe('hard cases: names from their context', () => {
  it('reads a wire dateline: the city in capitals and the agency in brackets', () => {
    const a = analyze(
      'NAIROBI, Feb 3 (Savanna Wire) - Kenya closed its border. Officials told Savanna Wire that it would reopen.',
    );
    assert.equal(typeOf(a, 'NAIROBI'), 'PLACE');
    assert.equal(canon(a, 'NAIROBI'), 'Nairobi');
    assert.equal(typeOf(a, 'Feb'), 'none');
    const b = analyze('MOMBASSA, Feb 3 (Savanna Wire) - The port shut. Savanna Wire saw the queues.');
    assert.equal(typeOf(b, 'MOMBASSA'), 'PLACE', 'a city the word lists do not know');
  });

  it('types a name listed with a place as a place, and the outlet someone told as an organisation', () => {
    const a = analyze(
      'Agents were expelled from centres in Ketu and Walewale. Two officials told the Courier that staff were afraid.',
    );
    assert.equal(typeOf(a, 'Ketu'), 'PLACE');
    assert.equal(typeOf(a, 'Walewale'), 'PLACE');
    assert.equal(typeOf(a, 'Courier'), 'ORG');
  });
});

describe('hard cases: dates', () => {
  it('reads month abbreviations with and without a dot', () => {
    const a = analyze('Published: 9 December 2026\nThe count began Dec 7 and ended Dec. 8; talks resume Jan 4.');
    assert.deepEqual(date(a, 'Dec 7'), ['2026-12-07', null, false]);
    assert.deepEqual(date(a, 'Dec. 8'), ['2026-12-08', null, false]);
    // Written in December, talks that resume on Jan 4 resume in the coming January.
    assert.deepEqual(date(a, 'Jan 4'), ['2027-01-04', null, false]);
  });

  it('gives year-less dates the year that puts them before the publication date', () => {
    const a = analyze(
      'Kyiv, 22 February 2026\nThe strike on January 3 followed talks in mid-December and a truce in early November.',
    );
    assert.deepEqual(date(a, 'January 3'), ['2026-01-03', null, false]);
    assert.deepEqual(date(a, 'mid-December'), ['2025-12', 'MID', false]);
    assert.deepEqual(date(a, 'early November'), ['2025-11', 'EARLY', false]);
  });

  it('takes a year from a neighbouring date when there is no publication date', () => {
    const a = analyze('The dam failed on 4 March 2026. Two days later, on March 6, engineers arrived.');
    assert.equal(a.published, null);
    assert.deepEqual(date(a, 'March 6'), ['2026-03-06', null, false]);
  });

  it('resolves decades with their part', () => {
    const a = analyze('The pact dates to the late 2000s, and the feud to the early 1990s.');
    assert.deepEqual(date(a, 'late 2000s'), ['200', 'LATE', false]);
    assert.deepEqual(date(a, 'early 1990s'), ['199', 'EARLY', false]);
  });

  it('resolves a period anchored on another date, and keeps that date as its own mention', () => {
    const a = analyze('Published: 20 January 2026\nIn the week following the January 3 US strike, prices rose.');
    assert.deepEqual(date(a, 'the week following the January 3 US strike'), ['2026-W02', null, true]);
    assert.deepEqual(date(a, 'January 3'), ['2026-01-03', null, false]);
  });

  it('does not take "the late" before a name as a date', () => {
    const a = analyze('Supporters of the late Hugo Mendes gathered on March 3, 2026.');
    assert.deepEqual(
      a.dates.map(d => d.text),
      ['March 3, 2026'],
    );
  });

  it('leaves relative dates unresolved without a publication date', () => {
    const a = analyze('Officials said the talks collapsed last week.');
    assert.deepEqual(date(a, 'last week'), [null, null, true]);
    const b = analyze('date 2026-02-25\nOfficials said the talks collapsed last week.');
    assert.deepEqual(date(b, 'last week'), ['2026-W08', null, true]);
  });
});

describe('hard cases: attributions', () => {
  it('finds the common shapes', () => {
    const a = analyze(
      [
        '“The levee will hold,” said Mayor Petra Horvath.',
        'The ministry said that repairs would take a month.',
        'Water levels peaked overnight, according to the national weather service.',
        'A senior engineer told Reuters that the pumps had failed twice.',
        'The agency stated that no one was missing.',
        'Local media reported that schools would close.',
        'Horvath noted that the city had been warned.',
      ].join(' '),
    );
    assert.equal(claim(a, 'The levee will hold')?.speaker, 'Petra Horvath');
    assert.equal(claim(a, 'The levee will hold')?.kind, 'direct');
    assert.equal(claim(a, 'repairs would take')?.speaker, 'ministry');
    assert.equal(claim(a, 'Water levels peaked')?.cue?.text, 'according to');
    assert.equal(claim(a, 'the pumps had failed')?.cue?.text, 'told Reuters');
    assert.equal(claim(a, 'the pumps had failed')?.speaker, 'senior engineer');
    assert.equal(claim(a, 'no one was missing')?.cue?.text, 'stated');
    assert.equal(claim(a, 'schools would close')?.speaker, 'local media');
    assert.equal(claim(a, 'the city had been warned')?.speaker, 'Petra Horvath');
  });

  it('names counted and described anonymous sources', () => {
    const a = analyze(
      'Four sources said the deal was close. A former Hungarian intelligence official said the talks were secret. Several sources confirmed that the plan existed.',
    );
    assert.equal(claim(a, 'the deal was close')?.speaker, 'anonymous sources (4)');
    assert.equal(claim(a, 'the talks were secret')?.speaker, 'former Hungarian intelligence official');
    assert.equal(claim(a, 'the plan existed')?.speaker, 'anonymous sources (several)');
  });

  it('finds sources described by a relative clause, even one with a negation in it', () => {
    const a = analyze(
      'Two officials who asked not to be named said the ministry had approved the sale. A resident who lives near the quay told reporters the crane had been idle. Dag Lie, who chairs the board, said the budget was balanced.',
    );
    assert.equal(claim(a, 'the ministry had approved the sale')?.speaker, 'anonymous sources (2)');
    assert.equal(
      claim(a, 'the ministry had approved the sale')?.source?.text,
      'Two officials who asked not to be named',
    );
    assert.equal(claim(a, 'the crane had been idle')?.source?.text, 'A resident who lives near the quay');
    assert.equal(claim(a, 'the budget was balanced')?.speaker, 'Dag Lie');
  });

  it('keeps a quotation that spans sentences whole', () => {
    const a = analyze('“We will rebuild. It will take years, but we will,” the mayor said.');
    const q = claim(a, 'We will rebuild');
    assert.equal(q?.content.text, 'We will rebuild. It will take years, but we will');
    assert.equal(q?.speaker, 'mayor');
  });

  it('attributes a quote to the speaker named in the sentence before', () => {
    const a = analyze(
      'Prime Minister Lena Varga spoke to reporters outside parliament on Monday.\n“We did everything we could.”',
    );
    assert.equal(claim(a, 'We did everything')?.speaker, 'Lena Varga');
    const b = analyze('Lena Varga was defiant. “We will not resign,” she said.');
    assert.equal(claim(b, 'We will not resign')?.speaker, 'Lena Varga');
  });

  it('skips what stands between the cue and "that"', () => {
    const a = analyze(
      'The chair told a press conference in Lusaka that the tally was late. The two governments said in a joint statement that they were worried.',
    );
    assert.equal(claim(a, 'the tally was late')?.cue?.text, 'told');
    assert.equal(claim(a, 'they were worried')?.cue?.text, 'said');
  });

  it('names organisations and pairs of names as speakers, and follows "the observers" back', () => {
    const a = analyze(
      [
        'The opposition Green Front said its agents were expelled.',
        'The United States and the European Union said the vote was fair.',
        'Two election observers said turnout was high. The observers said the vote was calm.',
      ].join(' '),
    );
    assert.equal(claim(a, 'its agents')?.speaker, 'Green Front');
    assert.equal(claim(a, 'the vote was fair')?.speaker, 'United States and European Union');
    assert.equal(claim(a, 'turnout was high')?.speaker, 'anonymous sources (2)');
    assert.equal(claim(a, 'the vote was calm')?.speaker, 'anonymous sources (2)');
  });

  it('takes a paraphrase with quoted words as mixed', () => {
    const a = analyze('The minister said the response had been “fast and fair” and would continue.');
    const m = claim(a, 'the response');
    assert.equal(m?.kind, 'mixed');
    assert.equal(m?.content.text, 'the response had been “fast and fair” and would continue');
  });

  it('does not take a hedge or a denial of knowledge as a claim', () => {
    const a = analyze('The convoy was reportedly attacked. Officials could not confirm whether anyone was hurt.');
    assert.equal(a.attributions.length, 0, JSON.stringify(a.attributions));
  });
});
