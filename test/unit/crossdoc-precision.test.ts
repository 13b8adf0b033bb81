// What the cross-article check must not call a contradiction, on invented articles: a statement about what the
// credited speaker did, one quotation spelt two ways, a date given more precisely, the day of a named event, a hedge
// inside someone's words or against another hedge, the same figures paired differently, a bound and a figure within it.
import * as assert from 'node:assert/strict';
import { crossCheck } from '../../src/core/cross/crossdoc';
import { about, article, check } from './crossPair';

describe('cross-article check: what is no contradiction', () => {
  it('a statement telling what the credited speaker did (by name, or "she" after her name) credits her too', () => {
    const a = `Brandt presses lawmakers on tunnel

Governor Elsa Brandt on Monday urged lawmakers to fund the Kellan tunnel, mocking them for spending a week on a vote about the state bird.

The tunnel would link the two halves of Orlen County.`;
    const b = `Governor needles legislature

Governor Elsa Brandt spoke at the Orlen County fairground on Monday.

She needled lawmakers for spending a week on a vote about the state bird when they should fund the Kellan tunnel.`;
    assert.deepEqual(
      about(check(a, b), /state bird/)
        .filter(c => c.kind === 'attribution')
        .map(c => c.explanation),
      [],
    );
  });

  it('still: a figure one outlet credits to a speaker and the other states as fact, naming nobody, is an attribution conflict', () => {
    const a = `Tunnel cost rises

The Kellan tunnel under the Orlen river will cost $4.2 billion to build, Governor Elsa Brandt said on Monday at the fairground.

Work is to start next spring.`;
    const b = `Tunnel plans

The Kellan tunnel under the Orlen river will cost $4.2 billion to build, and the work is to take six years.

Work is to start next spring.`;
    assert.ok(about(check(a, b), /4\.2 billion/).some(c => c.kind === 'attribution'));
  });

  it('one quotation spelt two ways ("workforce" / "work force", "we have" / "we\'ve") is the same quotation', () => {
    const a = `Mill owner weighs the new law

“We intend to look closely at what this law means for the festival and for our workforce as a whole,” the mill’s owner, Brita Soll, said on Monday.`;
    const b = `Festival organisers worried

“We intend to look closely at what this law means for the festival and for our work force as a whole,” Brita Soll said.`;
    assert.deepEqual(
      about(check(a, b), /intend to look closely/).map(c => c.kind),
      [],
    );
    const c = `Council divided

“We've got to stop this plan before the winter rains come to the valley,” said councillor Ada Venn on Monday.`;
    const d = `Council vote delayed

“We have got to stop this plan before the winter rains come to the valley,” Ada Venn said.`;
    assert.deepEqual(
      about(check(c, d), /stop this plan/).map(k => k.kind),
      [],
    );
    const e = `Party told to do better

The speaker closed the night. “It’s not enough to be a little less dull than the other party,” she said.`;
    const f = `Conference ends

She ended with a warning. But it is not enough to be a little less dull than the other party."`;
    assert.deepEqual(
      about(check(e, f), /less dull/).map(k => k.kind),
      [],
    );
  });

  it('a date within the other (a day in its year) is more precise, not another date', () => {
    const a = `Archivist left

The archivist Mara Holt copied the harbour ledgers to a private drive on Aug. 24, 2009, the audit found.`;
    const b = `Audit of harbour ledgers

The audit found that the archivist, Mara Holt, copied the harbour ledgers to a private drive in 2009.`;
    assert.deepEqual(
      about(check(a, b), /ledgers/)
        .filter(c => c.kind === 'date')
        .map(c => c.explanation),
      [],
    );
  });

  it('the day of a named event ("the Sept. 11 attacks") dates no statement', () => {
    const a = `Bill on the Sept. 11 attacks

Congress voted on Wednesday to let families of Sept. 11 victims sue the government of Veluria over the attacks.`;
    const b = `Veluria bill advances

Congress is set to let families of those killed in the Sept. 11 attacks sue the government of Veluria.`;
    assert.deepEqual(
      about(check(a, b), /families/)
        .filter(c => c.kind === 'date')
        .map(c => c.explanation),
      [],
    );
  });

  it("a hedge inside someone's quoted words, or against a statement that hedges too, is no hedge conflict", () => {
    const a = `Rally in Dorrin

“You may have heard that Mayor Ilse Garan just chose the harbour plan,” the speaker told the crowd.`;
    const b = `Harbour plan

Mayor Ilse Garan chose the harbour plan on Friday after a long debate.`;
    assert.deepEqual(
      about(check(a, b), /harbour plan/)
        .filter(c => c.kind === 'hedge')
        .map(c => c.explanation),
      [],
    );
    const c = `Records questions

Holt used a private drive for the ledgers, a move that raises the possibility that she broke the records law of the port.`;
    const d = `Records law

Holt may have broken the records law of the port by keeping the ledgers on a private drive.`;
    assert.deepEqual(
      about(check(c, d), /records law/)
        .filter(k => k.kind === 'hedge')
        .map(k => k.explanation),
      [],
    );
  });

  it('the same figures paired with different words, or a bound and a figure within it, are no number conflict', () => {
    const a = `Party posts

Ivo Renn kept the No. 2 job of whip, and Lise Marr remained in the No. 3 position of assistant leader of the party.`;
    const b = `Leaders elected

The party also re-elected Ivo Renn as whip, the No. 2 position, and Lise Marr in the No. 3 spot as assistant leader.`;
    assert.deepEqual(
      about(check(a, b), /Renn/)
        .filter(c => c.kind === 'number')
        .map(c => c.explanation),
      [],
    );
    const c = `Reading of the charter

The magazine estimated that the reading of the charter on the floor cost more than $1 million in staff time.`;
    const d = `Charter reading

The magazine estimated that the reading of the charter on the floor cost $1.1 million in staff time.`;
    assert.deepEqual(
      about(check(c, d), /charter/)
        .filter(k => k.kind === 'number')
        .map(k => k.explanation),
      [],
    );
  });

  it('a speaker described by whom they work for ("X, Berg’s attorney", "Berg’s lawyer") is not the person they work for', () => {
    const a = `Engineer dismissed

Tomas Berg was dismissed on Friday. Lena Ford, Berg’s attorney, said the board had overruled its own ethics committee to dismiss him.`;
    const b = `Board dismisses engineer

Tomas Berg lost his post on Friday. Mr. Berg’s lawyer said the board had overruled the ethics committee.`;
    const r = crossCheck([article('a.txt', a), article('b.txt', b)]);
    const speakers = r.sources.map(x => x.speaker);
    assert.ok(speakers.includes('Lena Ford'), speakers.join(', '));
    assert.ok(!speakers.includes('Tomas Berg'), speakers.join(', '));
  });

  it('a sentence that passes on what a document showed does not state it as fact: no attribution conflict at the default bar', () => {
    const a = `Council spending

Records released on Friday showed that the council spent $380,000 on the Kessel harbour study last year.`;
    const b = `Harbour study cost

The council spent $380,000 on the Kessel harbour study last year, the auditor Nils Aune said on Friday.`;
    const r = crossCheck([article('a.txt', a), article('b.txt', b)]);
    assert.deepEqual(
      r.conflicts.filter(c => c.kind === 'attribution').map(c => c.explanation),
      [],
    );
  });

  it('a quotation closed in a sentence and opened in the one before is the same quotation in both, whoever is named after it', () => {
    const a = `Mayor steps down

Mayor Oda Strand spoke on Friday. "I thank the staff. I would also like to thank my family for their patience and most of all the people of Kessel who elected me,” Strand said.`;
    const b = `Strand resigns

Strand wrote a letter to the council. “I thank them all. I would also like to thank my family for their patience and most of all the people of Kessel who elected me,” she said.`;
    assert.deepEqual(
      about(check(a, b), /thank my family/).map(c => [c.kind, c.explanation]),
      [],
    );
  });

  it('a hedge reaches the words after it up to a clause ("reportedly furious that …" does not hedge what follows "that")', () => {
    const a = `Charges announced

City officials were reportedly furious that the charges against the harbour board were announced by prosecutor Ivar Lund on Friday.`;
    const b = `Harbour board charged

The charges against the harbour board were announced on Friday by prosecutor Ivar Lund at a news conference.`;
    assert.deepEqual(
      about(check(a, b), /charges/)
        .filter(c => c.kind === 'hedge')
        .map(c => c.explanation),
      [],
    );
  });

  it('a demand credited to someone ("X called on the mayor to …") is an act the other reports too, not a claim stated as fact', () => {
    const a = `Leaders press the mayor

Council leader Ida Wren and nine members of the harbour committee called on Mayor Oda Strand to cancel her trip to Veluria after the port deal collapsed on Friday.`;
    const b = `Calls to cancel trip

Council members on Friday pressed Mayor Oda Strand to cancel her trip to Veluria after the port deal collapsed.`;
    assert.deepEqual(
      about(check(a, b), /cancel her trip/)
        .filter(c => c.kind === 'attribution')
        .map(c => c.explanation),
      [],
    );
  });

  it('"reportedly" against a statement that names its report ("first reported by", "the article said") is one report', () => {
    const a = `Clerk and the ledgers

Hanne Virta reportedly copied the harbour ledgers, including some that held passwords, to a home account.`;
    const b = `Ledger copies

Hanne Virta copied the harbour ledgers, including some that held passwords, to her home account, as first reported by the Dorrin Courier.`;
    const c = `Ledger story

The article said the clerk, Hanne Virta, copied the harbour ledgers, some holding passwords, to her home account in 2029.`;
    const hedges = (x: string, y: string) =>
      about(check(x, y), /harbour ledgers/)
        .filter(k => k.kind === 'hedge')
        .map(k => k.explanation);
    assert.deepEqual(hedges(a, b), []);
    assert.deepEqual(hedges(a, c), []);
    // Still: "reportedly" against the same claim stated plainly, naming no report, is a hedge conflict.
    const d = `Ledgers moved

Hanne Virta copied the harbour ledgers, including some that held passwords, to her home account.`;
    assert.equal(hedges(a, d).length, 1);
  });

  it('"alleged" before a noun hedges that noun only, and "may have" in "any role that X may have played" asks, not hedges', () => {
    const a = `Veto overturned

The council voted on Tuesday to let families of the flood victims sue the Varn Dredging Company for its alleged role in the levee failure.`;
    const b = `Council overrides mayor

The council on Tuesday overrode the mayor's veto of a measure letting families of the flood victims sue the Varn Dredging Company.`;
    const c = `What the measure does

The measure lets families of the flood victims sue in county court for any role that the Varn Dredging Company may have played in the levee failure.`;
    const d = `Dredging firm answers

The Varn Dredging Company denies any role in the levee failure, and two state inquiries have cleared it.`;
    const hedges = (x: string, y: string) =>
      about(check(x, y), /Varn Dredging/)
        .filter(k => k.kind === 'hedge')
        .map(k => k.explanation);
    assert.deepEqual(hedges(a, b), []);
    assert.deepEqual(hedges(c, d), []);
    // Still: "alleged" on the very thing the other states as fact.
    const e = `Levee case

The Varn Dredging Company's alleged dumping of silt weakened the levee, the inquiry heard.`;
    const f = `Levee inquiry

The Varn Dredging Company's dumping of silt weakened the levee before the flood.`;
    assert.equal(hedges(e, f).length, 1);
  });
});

describe('cross-article check: one quotation printed two ways', () => {
  it('a quotation cut at other places, spelt casually or formally, or with letters starred out is the same quotation', () => {
    const a = `Ferry captain speaks up

“However, we would be glad … if the council kept the ferry running through the winter months,” the captain, Ilse Varga, wrote to the harbour board on Monday.

At the meeting she told the board: “When the kids ask me, ‘Momma, will the boat still go?’ I say we’re gonna keep it going.”

She called the plan “a damn f***ing shame” for the island.`;
    const b = `Island ferry may stop

Ilse Varga wrote that “we would be glad to say so to the mayor and the board if the council kept the ferry running through the winter months.”

“When the kids ask me, ‘Mama, will the boat still go?’ I say we’re going to keep it going,” she said.

She called the plan “a damn fucking shame” for the island, the board's minutes show.`;
    const cs = check(a, b).filter(c => c.kind === 'other');
    assert.deepEqual(
      cs.map(c => c.explanation),
      [],
    );
  });

  it('still: a quotation with other words inside it ("will be able to" / "will have to") is reworded', () => {
    const a = `Ferry captain speaks up

“If the council cuts the winter crossings then the islanders will be able to decide on their own,” Ilse Varga said.`;
    const b = `Island ferry may stop

“So if the council cuts the winter crossings the islanders will have to decide on their own,” Ilse Varga said.`;
    assert.deepEqual(
      check(a, b).map(c => c.kind),
      ['other'],
    );
  });
});

describe('cross-article check: who a pronoun is', () => {
  it('"he" sentences after the one naming him are still about him: telling what he wants credits him', () => {
    const a = `Reyes unveils budget

Mayor Tomas Reyes of Dorrin unveiled his budget on Tuesday.

He wants to cut the harbour fees in half and to hire forty new teachers.

On transit, he insists on a new tram line to the airport by 2030 and rejects any new toll on the bridge.`;
    const b = `Dorrin budget out

The city would build a new tram line to the airport by 2030 and would reject any new toll on the bridge, Mayor Tomas Reyes said on Tuesday.`;
    assert.deepEqual(
      about(check(a, b), /tram line/)
        .filter(c => c.kind === 'attribution')
        .map(c => c.explanation),
      [],
    );
  });
});

describe('cross-article check: words quoted in both', () => {
  it('a statement quoting the words the other credits to a source passes them on too: it does not state them as fact', () => {
    const a = `Teachers write to the mayor

The letter from the Valley Teachers Union argues that Mayor Hanna Obi used last spring's flood as a “pretext for closing village schools” across the valley.`;
    const b = `Teachers rebuke mayor

The teachers also faulted Mayor Hanna Obi for treating last spring's flood as a “pretext for closing the village schools” of the valley.`;
    assert.deepEqual(
      about(check(a, b), /pretext/)
        .filter(c => c.kind === 'attribution')
        .map(c => c.explanation),
      [],
    );
  });
});

describe('cross-article check: one speaker under a title', () => {
  it('a title alone ("the A.G.", "the attorney general") may be the person the other names: no attribution conflict', () => {
    const a = `Castell under fire

Attorney General Rita Castell spoke in Dorrin on Monday.

The A.G., according to the Courier, said she had misspoken at a 2019 rally in Halden in which she said she had served in the navy.`;
    const b = `Castell admits error

Castell told the Courier she had misspoken at the 2019 rally in Halden in which she said she served in the navy.`;
    assert.deepEqual(
      about(check(a, b), /misspoken/).map(c => c.explanation),
      [],
    );
  });
});

describe('cross-article check: a person by their title', () => {
  it('"the president" telling what President X did credits her too; "the former president" is someone else', () => {
    const a = `Mora wants fishing ban

President Ines Mora said on Tuesday that the country needs a ban on trawling in the northern bay and a limit of ten boats per harbour.`;
    const b = `Fishing limits proposed

In her speech, the president recommended a ban on trawling in the northern bay and a limit of ten boats per harbour, among other steps.`;
    const c = `Fishing limits proposed

In her speech, the former president recommended a ban on trawling in the northern bay and a limit of ten boats per harbour, among other steps.`;
    const kinds = (x: string, y: string) =>
      about(check(x, y), /trawling/)
        .filter(k => k.kind === 'attribution')
        .map(k => k.explanation);
    assert.deepEqual(kinds(a, b), []);
    assert.equal(kinds(a, c).length, 1);
  });
});

describe('cross-article check: excerpts and guesses', () => {
  it('two excerpts of one answer that overlap (one starts earlier, the other ends later) are the same quotation', () => {
    const a = `Speaker counts the seats

“We have forty members in tough races, and we have twelve districts where there is no big race for governor going to be run,” Vera Holm said.`;
    const b = `Holm on the map

“And we have twelve districts where there is no big race for governor going to be run, and we call these lonely districts,” Vera Holm said.`;
    assert.deepEqual(
      check(a, b).map(c => c.kind),
      [],
    );
  });

  it('"apparently referring to X" guesses what someone meant; X itself is not hedged', () => {
    const a = `Lind hits back

Mayor Ola Lind then turned to Brandt, apparently referring to the audit of the harbour accounts that the council ordered in March.`;
    const b = `Audit ordered

The audit of the harbour accounts that the council ordered in March found no missing money.`;
    assert.deepEqual(
      check(a, b)
        .filter(c => c.kind === 'hedge')
        .map(c => c.explanation),
      [],
    );
  });
});

describe('cross-article check: an attribution or a hedge conflict is one claim told two ways', () => {
  const kinds = (cs: ReturnType<typeof check>, re: RegExp, kind: string) => about(cs, re).filter(c => c.kind === kind);

  it('two claims on one topic (a senator’s charge, a bill to come) are no attribution conflict', () => {
    const a = `Pell faces the council

Councillor Ida Vorn accused Mayor Pell of trying to hide the harbour audit without doing enough to keep the fishermen informed.`;
    const b = `Harbour audit vote

Next month the council will bring a harbour bill that would force the port office to publish every audit so the fishermen could be informed.`;
    assert.deepEqual(kinds(check(a, b), /audit/, 'attribution'), []);
  });

  it('what a source says in a clause hung on its claim (a reason, a description) is not its claim', () => {
    const a = `Ministers concede

Olsen and Brekke also conceded they called the briefing because Pell failed to explain the tax during an appearance on Sunday on the Channel Nine breakfast show.`;
    const b = `Pell on television

Mayor Pell appeared on the Channel Nine breakfast show on Sunday, and the host asked him whether the tax was a mistake.`;
    assert.deepEqual(kinds(check(a, b), /Channel Nine/, 'attribution'), []);
  });

  it('still: the same act with the same participant, stated as fact and credited to a source, is an attribution conflict', () => {
    const a = `Tannery closes

The Marsh Tannery this week put on hold its plans to expand its riverside warehouse in Dunmore.`;
    const b = `Tannery owner speaks

The same day, Ada Quill, the owner of the Marsh Tannery, said her company would drop its bid to expand its riverside warehouse.`;
    assert.ok(kinds(check(a, b), /riverside warehouse/, 'attribution').length > 0);
  });

  it('still: a verb and its noun ("sued" / "lawsuit") with one figure tell one claim', () => {
    const a = `Clerk was paid

The clerk sued the county and was paid $61,500 from a reserve fund to end her claim of wrongful dismissal.`;
    const b = `County settlement

The county used $61,500 from its reserve fund to settle the wrongful dismissal lawsuit the clerk had filed, the Valley Courier reported.`;
    assert.ok(kinds(check(a, b), /61,500/, 'attribution').length > 0);
  });

  it('a hedge on another clause of the sentence is no hedge on the claim the other states', () => {
    const a = `Rivals after the vote

The Green candidates may have suffered a setback after the audit office found no evidence of fraud in the Dunmore count, but they made clear they are not giving up the fight.`;
    const b = `Audit closes

The letter follows the end of the audit office review of the Dunmore count, which turned up no evidence of fraud by the Green candidates.`;
    assert.deepEqual(kinds(check(a, b), /no evidence of fraud/, 'hedge'), []);
  });

  it('still: a hedge on the act the other states is a hedge conflict', () => {
    const a = `Aide and the files

Berg reportedly copied ministry files, including some that held door codes, to a private drive.`;
    const b = `Aide's files

Berg also copied the door codes for the ministry archive to his private drive on March 3, 2030.`;
    assert.ok(kinds(check(a, b), /door codes/, 'hedge').length > 0);
  });

  it('a source whose name begins with "The" is not taken as named in any sentence with "the … report"', () => {
    const a = `Dam inspection

The dam at Dunmore failed two safety inspections last year, according to The Washington Post.`;
    const b = `Dam safety

The dam at Dunmore failed two safety inspections last year, Karl Ness, the state engineer, wrote in the report he gave the council.`;
    assert.ok(kinds(check(a, b), /safety inspections/, 'attribution').length > 0);
  });

  it('a source who "told the newspaper" against the outlet credited with it is one chain of reports', () => {
    const a = `Mayor and the clerk

Ada Quill told the newspaper that Pell, then the harbour master, first spoke to her in 2029 outside the ferry office in Dunmore.`;
    const b = `What the Post found

The Washington Post reported that, in early 2029, Mr. Pell, then the harbour master, had spoken to a clerk outside the ferry office in Dunmore.`;
    assert.deepEqual(kinds(check(a, b), /ferry office/, 'attribution'), []);
  });

  it('nouns the story keeps naming ("records", "emails") tell its topic, not one claim that a hedge bears on', () => {
    const a = `Berg under scrutiny

Berg has faced scrutiny since Monday, when the Valley Courier reported that she may have broken the records law by using a private email account for all of her work as minister.

The records law requires officials to keep their records on ministry servers.

Her aides said all records were handed over.`;
    const b = `Ministry defends Berg

"The ministry has long had access to a wide array of the minister's records, including emails between her and ministry officials," a ministry spokesman, Lars Holm, said on Monday.

The records and emails were kept in a locked archive, Holm said.

Reporters asked to see the emails and the records.`;
    assert.deepEqual(kinds(check(a, b), /records/, 'hedge'), []);
  });
});
