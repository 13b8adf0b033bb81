// Entities in news the engine has not seen, pinned with our own sentences: names with initials and suffixes, titles
// and departments, party-and-state tags, datelines, places and laws by their head words, title-case headlines,
// one-word people, organisations by their shape and their short forms, buildings and institutions.
import * as assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../src/core';
import { givenNameGender, isGivenName } from '../../src/core/engine/lexicon';

const typeOf = (a: Analysis, text: string) =>
  [...new Set(a.entities.filter(e => e.text === text).map(e => e.type))].join('|') || 'none';
const canon = (a: Analysis, text: string) =>
  [...new Set(a.entities.filter(e => e.text === text).map(e => e.canonical))].join('|') || 'none';
/** The canonical name of a bare surname just after a prefix ("Mrs. ") in the text. */
const surnameAfter = (src: string, a: Analysis, surname: string, prefix: string) =>
  a.entities.find(e => e.text === surname && src.slice(e.start - prefix.length, e.start) === prefix)?.canonical;
const texts = (a: Analysis, type?: string) => a.entities.filter(e => !type || e.type === type).map(e => e.text);

describe('hard cases: names of people', () => {
  it('a linking adverb that opens a sentence ("Plus", "Separately", "Finally") is no part of the name after it', () => {
    const a = analyze(
      'Governor Tom Kerwin signed the ferry bill on Monday. Plus Kerwin is naming Ada Lind to run the harbour. ' +
        'Separately Lind said the docks would reopen. Finally Kerwin thanked the crews.',
    );
    assert.deepEqual([...new Set(texts(a, 'PERSON'))].sort(), ['Ada Lind', 'Kerwin', 'Lind', 'Tom Kerwin']);
    assert.equal(canon(a, 'Kerwin'), 'Tom Kerwin');
  });

  it('keeps middle initials and suffixes inside one name, and gives the short forms the same person', () => {
    const a = analyze(
      'Senator Maria T. Okonkwo met Harold B. Whitcombe Jr. on Friday. Ms. Okonkwo said Whitcombe had agreed, and Maria Okonkwo signed.',
    );
    assert.equal(typeOf(a, 'Maria T. Okonkwo'), 'PERSON');
    assert.equal(typeOf(a, 'Harold B. Whitcombe Jr.'), 'PERSON');
    assert.equal(canon(a, 'Maria T. Okonkwo'), 'Maria Okonkwo', 'the canonical name leaves the initial out');
    assert.equal(canon(a, 'Okonkwo'), 'Maria Okonkwo');
    assert.equal(canon(a, 'Maria Okonkwo'), 'Maria Okonkwo');
    assert.equal(canon(a, 'Whitcombe'), canon(a, 'Harold B. Whitcombe Jr.'));
    assert.equal(typeOf(a, 'T. Okonkwo'), 'none');
  });

  it('keeps two people apart whose names differ only by their initials', () => {
    const a = analyze('Arthur K. Lindqvist founded the firm; his son Arthur J. Lindqvist runs it now.');
    assert.notEqual(canon(a, 'Arthur K. Lindqvist'), canon(a, 'Arthur J. Lindqvist'));
  });

  it('takes a one-word name with a title as a person, and its bare mentions and "administration" as that person', () => {
    const a = analyze(
      'President Okafor spoke on Monday. Later, Okafor signed the order, which the Okafor administration defended.',
    );
    assert.deepEqual(texts(a, 'PERSON'), ['Okafor', 'Okafor', 'Okafor']);
    const b = analyze('Later, Okafor signed the order.');
    assert.deepEqual(texts(b, 'PERSON'), [], 'a capitalised word with no evidence stays unnamed');
  });

  it('reads a bare surname as the principal, not a relative introduced as one, and follows Mr. and Mrs.', () => {
    const src =
      'Governor Paul Ndiaye arrived with his wife Claire Ndiaye. Ndiaye said the bridge would reopen. Mrs. Ndiaye smiled, and Mr. Ndiaye waved.';
    const a = analyze(src);
    const after = (prefix: string) => surnameAfter(src, a, 'Ndiaye', prefix);
    assert.equal(after('. '), 'Paul Ndiaye');
    assert.equal(after('Mrs. '), 'Claire Ndiaye');
    assert.equal(after('Mr. '), 'Paul Ndiaye');
  });

  it('follows Mrs. to the one who is not a man when the other name says nothing of gender', () => {
    const src = 'Hillary Kerrigan and Paul Kerrigan spoke. Mrs. Kerrigan left first.';
    const a = analyze(src);
    const bare = a.entities.find(e => e.text === 'Kerrigan');
    assert.equal(bare?.canonical, 'Hillary Kerrigan');
  });

  it('takes the gender a kinship noun gives when the given names say nothing ("the husband of …", "his sister …")', () => {
    // Neither "George" (a name of men and of women in the lists) nor "Kellyanne" (in neither) tells a gender.
    const src =
      'Among the critics was George T. Vardell III, a tax lawyer and the husband of Kellyanne Vardell, an aide to the mayor. ' +
      '“It will not last,” Mr. Vardell, a frequent critic of the mayor, wrote on Twitter. Mrs. Vardell declined to comment.';
    const a = analyze(src);
    const after = (prefix: string) => surnameAfter(src, a, 'Vardell', prefix);
    assert.equal(after('Mr. '), 'George Vardell');
    assert.equal(after('Mrs. '), 'Kellyanne Vardell');
    assert.equal(a.attributions.find(x => x.cue?.text === 'wrote')?.speaker, 'George Vardell');
    const b = analyze('Casey Ashby came with his sister, Robin Ashby. Ms. Ashby spoke first, and Mr. Ashby after her.');
    const kb = b.entities.filter(e => e.text === 'Ashby').map(e => e.canonical);
    assert.deepEqual(kb, ['Robin Ashby', 'Casey Ashby']);
  });

  it('links a given name alone to the one person of the article who has it', () => {
    const a = analyze('Deputy Minister Patrice Lemaire resigned. “Patrice served us well,” the mayor said.');
    assert.equal(canon(a, 'Patrice'), 'Patrice Lemaire');
    const b = analyze('Patrice Lemaire and Patrice Dubois resigned. “Patrice served us well,” the mayor said.');
    assert.equal(typeOf(b, 'Patrice'), 'none', 'two people with that given name: no guess');
  });

  it('does not take a common noun before a speech verb for a person when the article writes it in lower case', () => {
    const a = analyze('Nurses said the ward was full. Two nurses quit on Tuesday.');
    assert.equal(typeOf(a, 'Nurses'), 'none');
    const b = analyze('Ferrante said the ward was full.');
    assert.equal(typeOf(b, 'Ferrante'), 'PERSON');
  });

  it('knows the usual gender of common given names', () => {
    assert.equal(givenNameGender('Nancy'), 'f');
    assert.equal(givenNameGender('Paul'), 'm');
    assert.equal(givenNameGender('Qzxwv'), null);
    assert.ok(isGivenName('Claire'));
    assert.ok(!isGivenName('Committee'));
  });
});

describe('hard cases: titles, tags and datelines', () => {
  it('keeps titles with their departments outside names, and a department alone is no name', () => {
    const a = analyze(
      'Secretary of Transportation Dana Mirkovic met the Agriculture Secretary and the Deputy Secretary of Energy on Monday.',
    );
    assert.deepEqual(texts(a), ['Dana Mirkovic']);
    const b = analyze('Former Speaker of the House Ellis Vantongeren spoke.');
    assert.equal(typeOf(b, 'House'), 'ORG');
    assert.equal(typeOf(b, 'Ellis Vantongeren'), 'PERSON');
    assert.equal(typeOf(b, 'Speaker'), 'none');
  });

  it('splits a county from the sheriff of it', () => {
    const a = analyze('Pine Hollow County Sheriff Ray Duquette said the road was closed.');
    assert.equal(typeOf(a, 'Pine Hollow County'), 'PLACE');
    assert.equal(typeOf(a, 'Ray Duquette'), 'PERSON');
  });

  it('reads party-and-state tags and state abbreviations as places, never as people', () => {
    const a = analyze(
      'Sen. Ada Brightwater (R-Ore.) and Rep. Luis Ferreiro, D-N.M., disagreed with Rep. Tom Ashgrove (I-Vt.) and Rep. Gil Sandoval, R-Texas.',
    );
    assert.deepEqual(texts(a, 'PERSON'), ['Ada Brightwater', 'Luis Ferreiro', 'Tom Ashgrove', 'Gil Sandoval']);
    assert.equal(canon(a, 'Ore.'), 'Oregon');
    assert.equal(canon(a, 'N.M.'), 'New Mexico');
    assert.equal(canon(a, 'Vt.'), 'Vermont');
    assert.equal(typeOf(a, 'Texas'), 'PLACE');
    const b = analyze('Sheriff Lou Perrin of Kettle Ridge County, Wash., said so. The R-rated film opened.');
    assert.equal(canon(b, 'Wash.'), 'Washington');
    assert.deepEqual(texts(b, 'PLACE'), ['Kettle Ridge County', 'Wash.']);
  });

  it('reads wire datelines and the District of Columbia as places', () => {
    const a = analyze('BOISE, Idaho — The vote was close.');
    assert.equal(typeOf(a, 'BOISE'), 'PLACE');
    const b = analyze('WASHINGTON — The vote was close in Washington, D.C., and the D.C. council met.');
    assert.equal(typeOf(b, 'WASHINGTON'), 'PLACE');
    assert.equal(typeOf(b, 'Washington, D.C.'), 'PLACE');
    assert.equal(typeOf(b, 'D.C.'), 'PLACE');
  });
});

describe('hard cases: places, organisations and things that are neither', () => {
  it('types a name by the head noun of its appositive, not by a noun inside a possessive or a modifier', () => {
    const a = analyze(
      '“We will not give up,” said Ilse Varga, the union’s regional secretary. The ad was paid for by Clear Harbours, a group founded by two fishermen. Brekkvik, a ferry operator, cancelled its sailings.',
    );
    assert.equal(typeOf(a, 'Ilse Varga'), 'PERSON');
    assert.equal(typeOf(a, 'Clear Harbours'), 'ORG');
    assert.equal(typeOf(a, 'Brekkvik'), 'ORG');
  });

  it('types a name by its head word: places, and laws, prizes and events that are no entities', () => {
    const a = analyze(
      'Crowds filled Marlow Memorial Park near the Harborview Tower before the Clean Harbors Act passed.',
    );
    assert.equal(typeOf(a, 'Marlow Memorial Park'), 'PLACE');
    assert.equal(typeOf(a, 'Harborview Tower'), 'PLACE');
    assert.deepEqual(
      texts(a).filter(t => /Clean|Harbors|Act/.test(t)),
      [],
    );
    const b = analyze(
      'She cited the Fourth Amendment, won the Golden Quill Prize and wrote about the Vietnam War and World War II.',
    );
    assert.deepEqual(texts(b), ['Vietnam']);
    const c = analyze('Janet Hill said the park was closed.');
    assert.equal(typeOf(c, 'Janet Hill'), 'PERSON', 'a given name before a head that is also a surname');
  });

  it('reads a place by its first word, and a department named with "of" as one body up to a title', () => {
    const a = analyze(
      'Fans drove from Fort Kessling to Mount Arvel. The U.S. Department of Fisheries and the Fisheries Department agreed, said Department of Energy Secretary Jane Roe at 8 p.m. ET.',
    );
    assert.equal(typeOf(a, 'Fort Kessling'), 'PLACE');
    assert.equal(typeOf(a, 'Mount Arvel'), 'PLACE');
    assert.equal(canon(a, 'U.S. Department of Fisheries'), canon(a, 'Fisheries Department'));
    assert.equal(typeOf(a, 'Department of Energy'), 'ORG');
    assert.equal(typeOf(a, 'Jane Roe'), 'PERSON');
    assert.equal(typeOf(a, 'ET'), 'none', 'a time zone is no organisation');
  });

  it('takes a long capitalised name after "the" for a body, not a person', () => {
    const a = analyze('The Lower Valley Regional Water Quality Board wrote in a report that levels rose.');
    assert.equal(typeOf(a, 'Lower Valley Regional Water Quality Board'), 'ORG');
    const b = analyze('The Tri-County Coastal Flood Mitigation Area wrote in a report that levels rose.');
    assert.equal(typeOf(b, 'Tri-County Coastal Flood Mitigation Area'), 'ORG');
  });

  it('knows organisations by a company head, an appositive, a capital inside the word and the chamber', () => {
    const a = analyze(
      'Workers at Halvorsen Foods told ClearWire that Open Ledger, an advocacy group, had sued. The House passed the bill.',
    );
    assert.equal(typeOf(a, 'Halvorsen Foods'), 'ORG');
    assert.equal(typeOf(a, 'ClearWire'), 'ORG');
    assert.equal(typeOf(a, 'Open Ledger'), 'ORG');
    assert.equal(typeOf(a, 'House'), 'ORG');
    const b = analyze('McAllister said the vote was close. #SaveTheBay trended.');
    assert.equal(typeOf(b, 'McAllister'), 'PERSON');
    assert.equal(typeOf(b, 'SaveTheBay'), 'none');
  });

  it('gives an organisation, its acronym, its "U.S." form and its "Department of" form one canonical name', () => {
    const a = analyze(
      'The Coastal Fisheries Council (CFC) met. CFC officials and the U.S. Coast Guard agreed; the Coast Guard said the Department of Energy and the Energy Department would pay. The F.B.I. and the FBI declined to comment.',
    );
    assert.equal(canon(a, 'CFC'), canon(a, 'Coastal Fisheries Council'));
    assert.equal(canon(a, 'U.S. Coast Guard'), canon(a, 'Coast Guard'));
    assert.equal(canon(a, 'Department of Energy'), canon(a, 'Energy Department'));
    assert.equal(canon(a, 'F.B.I.'), canon(a, 'FBI'));
  });

  it('tells the White House building from the institution', () => {
    const a = analyze(
      'Officials at the White House said the talks failed. Later she walked to the White House and spoke on its lawn.',
    );
    const [first, second] = a.entities.filter(e => e.text === 'White House');
    assert.equal(first.type, 'ORG');
    assert.equal(second.type, 'PLACE');
  });

  it('reads the people of a state by its name', () => {
    const a = analyze('Many Nebraskans and one Oregonian objected, said Ruth Calder.');
    assert.equal(typeOf(a, 'Nebraskans'), 'NORP');
    assert.equal(canon(a, 'Nebraskans'), 'Nebraskan');
    assert.equal(typeOf(a, 'Oregonian'), 'NORP');
    assert.equal(typeOf(a, 'Ruth Calder'), 'PERSON');
  });

  it('takes names joined by "for" as one body, not two people', () => {
    const a = analyze('Parents for Safer Streets joined Citizens for Open Harbors at the rally, said Lena Moravec.');
    assert.equal(typeOf(a, 'Parents for Safer Streets'), 'ORG');
    assert.equal(typeOf(a, 'Citizens for Open Harbors'), 'ORG');
    assert.equal(typeOf(a, 'Lena Moravec'), 'PERSON');
  });

  it('reads a numeral after a given name as part of it, but not after other words', () => {
    const a = analyze('Queen Margaret II opened the session, which Article II of the charter requires.');
    assert.equal(typeOf(a, 'Margaret II'), 'PERSON');
    assert.equal(typeOf(a, 'Article II'), 'none');
    assert.equal(typeOf(a, 'Article'), 'none');
  });

  it('splits a compound of two people named in the article', () => {
    const src = 'Vera Stanek and Ilse Brodsky met. The Stanek-Brodsky plan failed.';
    const a = analyze(src);
    const inPlan = a.entities.filter(e => e.start > src.indexOf('The Stanek'));
    assert.deepEqual(
      inPlan.map(e => [e.text, e.canonical]),
      [
        ['Stanek', 'Vera Stanek'],
        ['Brodsky', 'Ilse Brodsky'],
      ],
    );
  });
});

describe('hard cases: title-case headlines', () => {
  it('keeps only the names the article knows in a title-case headline', () => {
    const src =
      'Calloway Vows Broad Review After Harbor Fire At Pier Nine\n\nMayor Ines Calloway promised on Monday to review the fire.';
    const a = analyze(src);
    const head = a.entities.filter(e => e.end <= src.indexOf('\n'));
    assert.deepEqual(
      head.map(e => [e.text, e.type, e.canonical]),
      [['Calloway', 'PERSON', 'Ines Calloway']],
    );
  });

  it('still reads names in a line in sentence case', () => {
    const a = analyze('Calloway vows review after fire near Pier Nine\n\nMayor Ines Calloway promised a review.');
    assert.equal(typeOf(a, 'Pier Nine'), 'PLACE', '"near Pier Nine"');
    assert.equal(canon(a, 'Calloway'), 'Ines Calloway');
  });

  it('takes shouted words side by side for emphasis, not acronyms', () => {
    const a = analyze('He called the inquiry a “TOTAL SHAM” and blamed the NTSB.');
    assert.equal(typeOf(a, 'TOTAL'), 'none');
    assert.equal(typeOf(a, 'SHAM'), 'none');
    assert.equal(typeOf(a, 'NTSB'), 'ORG');
  });
});
