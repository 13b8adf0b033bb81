// What the cross-article check must call a contradiction, on invented articles: a count one outlet credits to a speaker
// and the other states as fact (even when "states" is a noun in it), a vague amount against a small count of the same
// thing, two figures of one series told beside a figure both give, a claim credited to a group against one credited
// to a named person.
import * as assert from 'node:assert/strict';
import { crossCheck } from '../../src/core/cross/crossdoc';
import { about, article, check } from './crossPair';

describe('cross-article check: what is a contradiction', () => {
  it('a count credited to a speaker in one and stated as fact in the other, where "states" counts things', () => {
    const a = `Lawyer shrugs off orchard suit

Petra Lind, a lawyer who drafted the orchard law, called the suit a stunt.

She said 14 states have passed orchard protection laws, and none of them has been struck down.`;
    const b = `Orchard suit filed

So far, 14 states and two territories have passed orchard protection laws of some kind.

The suit was filed on Monday.`;
    const cs = about(check(a, b, 0.4), /14 states/);
    assert.ok(
      cs.some(c => c.kind === 'attribution' && /states it as fact/.test(c.explanation)),
      JSON.stringify(cs.map(c => c.explanation)),
    );
  });

  it('"dozens of earlier cases" against "only two times" such cases happened, as the object of one verb', () => {
    const a = `Council defends levy

Council officials cited dozens of earlier harbour levies, insisting that the mayor would not break with long practice by raising the fee.

The vote is on Friday.`;
    const b = `Levy vote near

Council officials cited only two times that such harbour levies were raised by a mayor without a vote of the council.

The vote is on Friday.`;
    const cs = about(check(a, b), /harbour levies/);
    const n = cs.find(c => c.kind === 'number');
    assert.ok(n, JSON.stringify(cs.map(c => c.explanation)));
    assert.match(n.explanation, /dozens of earlier harbour levies/);
    assert.match(n.explanation, /only two times/);
  });

  it('two figures of one series told beside a figure both give disagree ("520,000 … against 1.6 million")', () => {
    const a = `Ferry crossings fall

There were roughly 310,000 ferry crossings on the Kessel line last year, about a quarter of the 1.2 million crossings made in 1998.

Fares rose twice.`;
    const b = `Kessel line in decline

Ferry crossings on the Kessel line have fallen for years, to 250,000 in the last fiscal year from a peak of 1.2 million in the 1998 fiscal year.

Fares rose twice.`;
    const cs = about(check(a, b), /Kessel line/);
    const n = cs.find(c => c.kind === 'number');
    assert.ok(n, JSON.stringify(cs.map(c => c.explanation)));
    assert.match(n.explanation, /310,000/);
    assert.match(n.explanation, /250,000/);
    // The same series told with the same figures is no contradiction.
    const c = b.replace('250,000', '310,000');
    assert.deepEqual(
      about(check(a, c), /Kessel line/).filter(x => x.kind === 'number'),
      [],
    );
  });

  it('a claim credited to two unnamed officials against one credited to a named person is a sure attribution conflict', () => {
    const a = `Mill deal questioned

Two officials said the mill owner Brita Soll had hidden the loan from auditors and from the harbour council for a year.

The council meets again next week.`;
    const b = `Mill owner's loan

Judge Oskar Vahl said the mill owner Brita Soll had hidden the loan from auditors and from the harbour council for a year.

The council meets again next week.`;
    const cs = about(check(a, b), /loan/).filter(c => c.kind === 'attribution');
    assert.equal(cs.length, 1, JSON.stringify(cs));
    // Two officials are never one judge: no doubt taken off as for "the judge" against "Oskar Vahl".
    assert.ok(cs[0].confidence! >= 0.8, String(cs[0].confidence));
  });

  it('a quotation passed on after "issued a statement saying" is credited to whoever issued it, against the same stated as fact', () => {
    const a = `Mayor in hospital

Friday night, the Kessel General Hospital issued a statement saying Strand "underwent a second operation on her injured knee and a broken wrist. She remains in serious condition, but has improved since Thursday. The mayor will need more operations, and will stay in the hospital for some weeks."

The council meets on Monday.`;
    const b = `Mayor recovering

Ms. Strand stayed in the hospital on Friday after a second operation on her injured knee and a broken wrist.

The council meets on Monday.`;
    const cs = about(check(a, b, 0.4), /second operation/).filter(c => c.kind === 'attribution');
    assert.equal(cs.length, 1, JSON.stringify(cs));
    // "the hospital" in lower case is no name: the other sentence does not tell what the Kessel General Hospital did.
    assert.match(cs[0].explanation, /a\.txt credits it to Kessel General Hospital, b\.txt states it as fact/);
  });

  it('a stay told as a length from a dated letter against its last day is a date conflict when they cannot meet', () => {
    const a = `Harbour chief to go

In her resignation letter Tuesday, harbour chief Lena Aas had said she would remain in the post for more than four months.

The board meets on Friday.`;
    const b = `Aas sets her last day

The resignation letter of Lena Aas to the board says her final day at the harbour office will be June 30.

The board meets on Friday.`;
    const cs = about(check(a, b, 0.4), /resignation letter/).filter(c => c.kind === 'date');
    assert.equal(cs.length, 1, JSON.stringify(cs));
    assert.match(cs[0].explanation, /more than four months from “Tuesday” \(2031-05-13\)/);
    assert.match(cs[0].explanation, /ends it “June 30” \(2031-06-30\)/);
    // A last day past the four months is the same stay told twice.
    assert.deepEqual(
      about(check(a, b.replace('June 30', 'October 30'), 0.4), /resignation letter/).filter(c => c.kind === 'date'),
      [],
    );
  });
});

describe('cross-article check: two steps of one story are no date conflict', () => {
  it('"urged on Wednesday to change the bill" and "on Thursday the assembly passed the bill" date two acts, not one', () => {
    const a = `Governor wants harbour bill changed

Governor Elsa Brandt on Wednesday urged state lawmakers to change the harbour levy bill sent to her desk a day earlier, after fishermen protested.

The levy would fund a new pier.`;
    const b = `Assembly rewrites harbour bill

On Thursday, the state assembly passed new language for the harbour levy bill that spares small fishing boats.

The levy would fund a new pier.`;
    assert.deepEqual(
      about(check(a, b, 0.4), /harbour levy bill/)
        .filter(c => c.kind === 'date')
        .map(c => c.explanation),
      [],
    );
  });
});

describe('cross-article check: one chain of sources is no attribution conflict', () => {
  it('what someone "reportedly claimed" against the newspaper that reported it is one report, not two sources', () => {
    const a = `Claims against the mayor

During a later visit, Brita Soll reportedly claimed the mayor took her phone, locked the office door and shouted at her for an hour.

The mayor denies it.`;
    const b = `Mayor accused

The Harlow Post reported that in 2019 the mayor had taken the phone of Brita Soll, locked the office door and shouted at her for an hour.

The mayor denies it.`;
    // Nor does the one "reportedly" hedge what the other states: it credits it to the newspaper.
    const cs = about(check(a, b), /office door/).filter(c => c.kind === 'attribution' || c.kind === 'hedge');
    assert.deepEqual(
      cs.map(c => c.explanation),
      [],
    );
  });

  it('an article crediting the very outlet that printed the other, which credits its own sources, is one chain', () => {
    const a = `Charges expected

The Harlow Post reported the charges against the mayor "will include bribery and focus on his dealings with a ferry company he owned before he took office," citing two people briefed on the case.

The mayor denies it.`;
    const b = `Mayor to be charged

The charges against the mayor were expected to include bribery and to focus on his dealings with a ferry company he owned before he took office, two people briefed on the case said.

The mayor denies it.`;
    const docs = [
      { ...article('a.txt', a), label: 'Coast Radio' },
      { ...article('b.txt', b), label: 'The Harlow Post' },
    ];
    const cs = crossCheck(docs, { minConfidence: 0 }).conflicts.filter(
      c => c.kind === 'attribution' && /ferry company/.test(c.a.text),
    );
    assert.deepEqual(
      cs.map(c => c.explanation),
      [],
    );
  });
});

// One event told in other words (see src/core/cross/events.ts): "is expected to approve" against "signed", and the
// date of one person's leaving told as "will be leaving" in one and "would be retiring" in the other.
describe('cross-article check: one event in other words', () => {
  it('an act one outlet expects ("is expected to approve") and another reports done ("signed") is a hedge conflict', () => {
    const a = `Harbor bill heads to governor

Governor Elsa Brandt is expected to approve the harbor dredging bill, which gives the port authority $40 million for new cranes.

The port authority welcomed the vote.`;
    const b = `Harbor bill becomes law

Governor Elsa Brandt met dock workers at the port on Tuesday morning.

She signed the harbor dredging measure on Tuesday afternoon.

The port authority welcomed the law.`;
    const cs = check(a, b, 0.4).filter(c => c.kind === 'hedge');
    assert.ok(
      cs.some(c => /expects it/.test(c.explanation) && /reports it done/.test(c.explanation)),
      JSON.stringify(check(a, b, 0).map(c => c.explanation)),
    );
    // An earlier act of the same kind (dated before the expecting article was written) is another event.
    const c = b.replace(
      'She signed the harbor dredging measure on Tuesday afternoon.',
      'Last month she signed a stopgap harbor dredging measure for the winter.',
    );
    assert.deepEqual(
      check(a, c, 0).filter(x => /reports it done/.test(x.explanation)),
      [],
    );
  });

  it('the date of one person leaving, told as "will be leaving" and "would be retiring", is a date conflict', () => {
    const a = `Port chief to go early

The governor announced Sunday that port chief Marta Vos will be leaving the harbor authority on March 1, weeks earlier than planned.

The board meets next week.`;
    const b = `Port chief steps aside

The governor said on Thursday that port chief Marta Vos would be retiring from the harbor authority at the end of June.

The board meets next week.`;
    const cs = check(a, b, 0.4).filter(c => c.kind === 'date');
    assert.ok(
      cs.some(c => /March 1/.test(c.explanation) && /June/.test(c.explanation)),
      JSON.stringify(check(a, b, 0).map(c => c.explanation)),
    );
  });

  it('two people of one surname are not one doer: "she resigned" of one is no date of the other\'s resignation', () => {
    const a = `Aldermen charged

Paula Reyes was a city alderman before she resigned last month during the audit of the harbor fund.

Her lawyer declined to comment.`;
    const b = `Former mayor charged

Former mayor Tomas Reyes resigned from the harbor board in 2019 during the audit of the harbor fund, his office said.

His lawyer declined to comment.`;
    assert.deepEqual(
      check(a, b, 0.4).filter(c => c.kind === 'date'),
      [],
    );
  });

  it('an act one outlet credits to a source ("sources said she had quit") and another states ("resigned") is an attribution conflict', () => {
    const a = `Harbor chief out

Sources told the Courier this week that Ilse Marr had quit in protest over the harbor budget cuts.

The board meets next week.`;
    const b = `Harbor chief resigns

Harbor commissioner Ilse Marr resigned on Monday in protest of the harbor budget cuts, ending a decade at the port.

The board meets next week.`;
    const cs = check(a, b, 0.4).filter(c => c.kind === 'attribution');
    assert.ok(
      cs.some(c => /credits it to/.test(c.explanation) && /states it as fact/.test(c.explanation)),
      JSON.stringify(check(a, b, 0).map(c => c.explanation)),
    );
  });

  it('"X said she is declaring" an emergency against "X declared" it: credited to X in one, stated in the other', () => {
    const a = `Harbor emergency

Mayor Ilse Marr said Friday she is declaring a state of emergency in the harbor district after the flood.

Crews worked overnight.`;
    const b = `Mayor acts on flood

Mayor Ilse Marr declared a state of emergency in the harbor district on Friday after the flood.

Crews worked overnight.`;
    const cs = check(a, b, 0.4).filter(c => c.kind === 'attribution');
    assert.ok(
      cs.some(c => /credits it to Ilse Marr/.test(c.explanation) && /states it as fact/.test(c.explanation)),
      JSON.stringify(check(a, b, 0).map(c => c.explanation)),
    );
    // Her own words in the first person ("I signed the bill") tell no act of hers to credit, and an act further on
    // in what she said ("… even as she signs a budget") is not what she is credited with.
    const c = `Harbor emergency

Mayor Ilse Marr said Friday that she would rather the council fund the levee, even as she signs the harbor budget.

Crews worked overnight.`;
    const d = `Mayor signs budget

Mayor Ilse Marr signed the harbor budget on Friday after the flood.

Crews worked overnight.`;
    assert.deepEqual(
      check(c, d, 0.4).filter(x => x.kind === 'attribution'),
      [],
    );
  });

  it('a warning one outlet credits to a newspaper ("according to The Daily Ledger") and another tells as fact is an attribution conflict', () => {
    const a = `Levee fight

Senator Oona Pratt warned the mayor in private that closing the harbor would spark a revolt among dock owners, according to The Daily Ledger.

The council votes Friday.`;
    const b = `Levee plan advances

Senator Oona Pratt privately told the mayor that she would back the plan despite her own doubts, but warned the mayor that she had two weeks to win over dock owners.

The council votes Friday.`;
    const cs = check(a, b, 0.4).filter(c => c.kind === 'attribution');
    assert.ok(
      cs.some(
        c => /credits it to (?:The )?Daily Ledger/.test(c.explanation) && /states it as fact/.test(c.explanation),
      ),
      JSON.stringify(check(a, b, 0).map(c => c.explanation)),
    );
  });

  it('a count one outlet credits to a source and another gives as a part of a group ("14 of those wells") is an attribution conflict', () => {
    const a = `Drought deepens

According to the State Water Board, there are at least 40 “emergency wells” in service, including some on tribal land and several near the reservoir.

Rain is not expected before May.`;
    const b = `Valley runs dry

Counties have drilled emergency wells under a 1980s drought statute about three dozen times, and 42 of those older wells still pump water.

Rain is not expected before May.`;
    const cs = check(a, b, 0.4).filter(c => c.kind === 'attribution');
    assert.ok(
      cs.some(
        c => /credits it to (?:the )?State Water Board/.test(c.explanation) && /states it as fact/.test(c.explanation),
      ),
      JSON.stringify(check(a, b, 0).map(c => c.explanation)),
    );
    // Figures far apart ("at least 40" / "400 of those wells") or amounts of money ("less than $5.2 billion" /
    // "$3.1 billion") are no one count.
    const c = b.replace('42 of those older wells', '400 of those older wells');
    assert.deepEqual(
      check(a, c, 0.4).filter(x => x.kind === 'attribution'),
      [],
    );
    // Nor is the denominator of odds ("a two-in-five chance" / "a one-in-five chance"): no plural, no things counted.
    const odds = `Mayor hopeful

The mayor, in an interview with the Gazette on Tuesday, gave the levy a "two-in-five chance" of passing the council after the spring vote.

The vote is in June.`;
    const odds2 = `Mayor gloomy

Mayor Tova Brun said on Monday that the levy had a one-in-five chance of passing the council, a gloomy view from a mayor who had backed it.

The vote is in June.`;
    assert.deepEqual(
      check(odds, odds2, 0.4).filter(x => x.kind === 'attribution'),
      [],
    );
  });

  it('a part of a group is never compared with the group as a count ("four of the sources" / "11 sources")', () => {
    const a = `Report questioned

The magazine said it spoke to 11 sources in the ministry, and four of the sources had seen the memo themselves.

The ministry declined to comment.`;
    const b = `Memo disputed

The magazine said it spoke to 11 sources in the ministry, and two of the sources had seen the memo themselves.

The ministry declined to comment.`;
    assert.deepEqual(
      check(a, b, 0.4).filter(x => x.kind === 'number'),
      [],
    );
  });

  it('a court fight one outlet forecasts ("is expected to face a legal challenge") and another reports filed ("filed suit") is a hedge conflict', () => {
    const a = `Quarry permit granted

The governor on Monday granted the quarry permit over the objections of the river towns.

The permit is expected to face a swift legal challenge that could hold up the digging for a year.`;
    const b = `Quarry permit granted

The governor on Monday granted the quarry permit over the objections of the river towns.

Before nightfall, the Lowland Rivers Trust, a conservation group, had filed suit on behalf of four farmers whose wells lie near the pit.`;
    const cs = check(a, b, 0.4).filter(c => c.kind === 'hedge');
    assert.ok(
      cs.some(
        c => /expects it/.test(c.explanation) && /filed suit/.test(c.explanation) && /legal challenge/.test(c.a.text),
      ),
      JSON.stringify(check(a, b, 0).map(c => c.explanation)),
    );
    // "Almost certain to be challenged in court" is the same forecast, told from the side of what is challenged.
    const c = a.replace(
      'The permit is expected to face a swift legal challenge that could hold up the digging for a year.',
      'The permit is almost certain to be challenged in court.',
    );
    assert.ok(
      check(c, b, 0.4).some(x => x.kind === 'hedge' && /reports it done/.test(x.explanation)),
      JSON.stringify(check(c, b, 0).map(x => x.explanation)),
    );
  });

  it("a forecast in someone's own words, a suit brought before, or a challenge outside court are no overtaken forecast", () => {
    const done = `Quarry permit granted

The governor on Monday granted the quarry permit over the objections of the river towns.

Before nightfall, the Lowland Rivers Trust, a conservation group, had filed suit on behalf of four farmers whose wells lie near the pit.`;
    const quoted = `Quarry permit granted

The governor on Monday granted the quarry permit over the objections of the river towns.

"We will grant it, and then we will be sued," the governor told reporters, shrugging off the river towns.`;
    const hedges = (x: string, y: string) => check(x, y, 0.4).filter(c => c.kind === 'hedge');
    assert.deepEqual(hedges(quoted, done), []);
    const forecast = `Quarry permit granted

The governor on Monday granted the quarry permit over the objections of the river towns.

The permit is expected to face a swift legal challenge that could hold up the digging for a year.`;
    const before = `Quarry permit granted

The governor on Monday granted the quarry permit over the objections of the river towns.

"This is a gift to the quarry," said Mayor Ada Kell, who has sued the state three times over river water.`;
    assert.deepEqual(hedges(forecast, before), []);
    const debate = `Quarry permit granted

The governor on Monday granted the quarry permit over the objections of the river towns.

The river towns challenged the governor to a public debate on the quarry by the end of the month.`;
    assert.deepEqual(hedges(forecast, debate), []);
  });

  it('a stance one outlet states as fact ("Okafor opposed …") and the other credits to the person\'s own words', () => {
    const said = `Minister steps down

Interior Minister Sam Okafor resigned on Tuesday after a row with the prime minister.

In his first cabinet meeting, Mr. Okafor said he did not believe in holding protest leaders without charge for months.`;
    const stance = `Okafor quits cabinet

Interior Minister Sam Okafor resigned on Tuesday.

Okafor opposed the new border fence, as well as holding protest leaders without charge for months.`;
    const cs = about(check(said, stance), /without charge/).filter(c => c.kind === 'attribution');
    assert.equal(cs.length, 1, JSON.stringify(cs.map(c => c.explanation)));
    assert.match(cs[0].explanation, /a\.txt credits it to Sam Okafor, b\.txt states it as fact/);
    // The same person named doing something that is no stance ("visited") tells an act, not a claim credited.
    const visit = stance.replace(
      'Okafor opposed the new border fence, as well as',
      'Okafor visited the new border fence, and spoke of',
    );
    assert.deepEqual(
      about(check(said, visit), /without charge/).filter(c => c.kind === 'attribution'),
      [],
    );
  });

  it('"terrorism" and "terrorist" are one word of what two statements tell: the stance and the words credited pair', () => {
    const said = `Minister steps down

Interior Minister Sam Okafor resigned on Tuesday after a row with the prime minister.

In his first cabinet meeting, Mr. Okafor said he did not believe in torturing terrorism suspects.`;
    const stance = `Okafor quits cabinet

Interior Minister Sam Okafor resigned on Tuesday.

Okafor opposed the new border fence, and the torture of terrorist prisoners.`;
    const cs = about(check(said, stance), /terror/).filter(c => c.kind === 'attribution');
    assert.equal(cs.length, 1, JSON.stringify(cs.map(c => c.explanation)));
  });

  it('"none of the levies" against "only two times" such levies did the same: a number conflict', () => {
    const none = `Levy row grows

The council meets on Friday to vote on the new harbour levy.

But none of the harbour levies have let a mayor spend money that the council had never voted on.`;
    const two = `Mayor defends levy

Council officials cited only two times that such harbour levies were used by a mayor to spend money without a vote of the council.

The vote is on Friday.`;
    const n = about(check(none, two), /harbour levies/).find(c => c.kind === 'number');
    assert.ok(n, JSON.stringify(check(none, two).map(c => c.explanation)));
    assert.match(n.explanation, /none of the harbour levies/);
    assert.match(n.explanation, /only two times/);
    // Two times the levies did something else is no count of what none of them did.
    const other = two.replace(
      'were used by a mayor to spend money without a vote of the council',
      'were raised in the depth of winter',
    );
    assert.deepEqual(
      about(check(none, other), /harbour levies/).filter(c => c.kind === 'number'),
      [],
    );
  });
});
