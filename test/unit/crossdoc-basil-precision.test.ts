// What the cross-article check must not call a contradiction, from the kinds of false conflicts read on real news
// (see src/core/cross/precision.ts), each beside a pair that must stay one. Invented articles.
import * as assert from 'node:assert/strict';
import { crossCheck, STOP, stem } from '../../src/core/cross/crossdoc';
import { asks, carriedQuote, otherPerson, showsSource, stance, standsForSomeone } from '../../src/core/cross/precision';
import { claimWords, sameClaim } from '../../src/core/cross/sameclaim';
import { about, article, check } from './crossPair';

const kinds = (a: string, b: string, re: RegExp) => about(check(a, b), re).map(c => c.kind);

describe('cross-article check on real news: questions and speakers', () => {
  it('a question the outlet asks claims nothing: no attribution conflict with a claim credited to someone', () => {
    const credited = `Tunnel cost rises

The Kellan tunnel under the Orlen river will cost $4.2 billion to build, Governor Elsa Brandt said on Monday at the fairground.

Work is to start next spring.`;
    const question = `Tunnel doubts

Will the Kellan tunnel under the Orlen river really cost $4.2 billion to build?

Work is to start next spring.`;
    const stated = `Tunnel plans

The Kellan tunnel under the Orlen river will cost $4.2 billion to build, and the work is to take six years.

Work is to start next spring.`;
    assert.ok(asks('And who, exactly, pays for the tunnel?'));
    assert.ok(!asks('“Who pays?” she asked, and the hall fell silent.'));
    assert.deepEqual(kinds(credited, question, /4\.2 billion/), []);
    assert.ok(kinds(credited, stated, /4\.2 billion/).includes('attribution'));
  });

  it('"he" is whom the sentence before is about, not the last man it names: no "credited to two people" on that guess', () => {
    const a = `Harbour audit

Inspector Tomas Reyl exchanged letters with the auditor Mara Quist that mocked Governor Piet Brandt as well as other officials.

He testified last month after the release of a harbour audit that described the missing ferry funds.`;
    const b = `Inspector fired

Tomas Reyl was fired on Friday.

Reyl testified last month after the release of a harbour audit that described the missing ferry funds.`;
    assert.deepEqual(kinds(a, b, /missing ferry funds/), []);
  });

  it('still: "he said" after a sentence about him credits him, against the same figure stated as fact', () => {
    const a = `Harbour fees

Piet Brandt, the harbour master, called the audit a fraud on Monday.

He said 40 ships had left the Orlen harbour without paying their fees last year.`;
    const c = `Harbour audit

In all, 40 ships had left the Orlen harbour without paying their fees last year.

The audit took two years.`;
    assert.ok(kinds(a, c, /40 ships/).includes('attribution'));
  });

  it('a description of a person as the subject ("The Oregon Republican set …") is that person acting, not the outlet stating a fact', () => {
    assert.equal(standsForSomeone('The Oregon Republican set a deadline of June 1.'), 'person');
    assert.equal(standsForSomeone('They are hoping to get 60 signatures.'), 'people');
    // A bare title names whoever holds it; a party's name is no person.
    assert.equal(standsForSomeone('The president opted not to tap the fund.'), null);
    assert.equal(standsForSomeone('The Republican Party set a deadline.'), null);
    const a = `Port records

Senator Ola Hemm, R-Ore., opened the port hearing on Monday.

The Oregon Republican set a deadline of June 1 for the port authority to hand over its shipping records.`;
    const b = `Port hearing

Hemm said the port authority must hand over its shipping records by a deadline of June 1.

The hearing lasted four hours.`;
    assert.ok(!kinds(a, b, /shipping records/).includes('attribution'));
  });
});

describe('cross-article check on real news: hedges neither outlet states as fact', () => {
  const hedged = `Mayor under scrutiny

The Orlen mayor allegedly took payments from the Kellan ferry company in 2029.

An inquiry opens next week.`;
  it('"allegedly" against "the Courier reported that …" passes on one report: no hedge conflict', () => {
    const reported = `Ferry payments

The Courier reported that the Orlen mayor had taken payments from the Kellan ferry company in 2029.

An inquiry opens next week.`;
    assert.deepEqual(kinds(hedged, reported, /ferry company/), []);
  });
  it('still: "allegedly" against the same claim stated as fact is a hedge conflict', () => {
    const stated = `Ferry payments

The Orlen mayor took payments from the Kellan ferry company in 2029.

An inquiry opens next week.`;
    assert.ok(kinds(hedged, stated, /ferry company/).includes('hedge'));
  });
  it('"its alleged role" against "for any role" (a possibility to rule on) is no hedge conflict; against "for its role" it is', () => {
    const alleged = `Fire bill passes

The bill lets families sue the Kellan ferry company for its alleged role in the harbour fire.`;
    const any = `Fire bill

The bill lets families sue the Kellan ferry company for any role in the harbour fire.`;
    const its = `Fire bill

The bill lets families sue the Kellan ferry company for its role in the harbour fire.`;
    assert.ok(!kinds(alleged, any, /harbour fire/).includes('hedge'));
    assert.ok(kinds(alleged, its, /harbour fire/).includes('hedge'));
  });
});

describe('cross-article check on real news: figures of different things', () => {
  it('two shares that make up one whole (a 21 percent cut / 79 percent paid) agree', () => {
    const cut = `Pension fund

The Orlen pension fund will run dry in 2040, and retirees would then face a 21 percent cut in promised benefits.`;
    const paid = `Pension fund

After 2040, the Orlen pension fund will be able to pay only 79 percent of promised benefits.`;
    const other = `Pension fund

The Orlen pension fund will run dry in 2040, and retirees would then face a 25 percent cut in promised benefits.`;
    assert.ok(!kinds(cut, paid, /promised benefits/).includes('number'));
    assert.ok(kinds(cut, other, /promised benefits/).includes('number'));
  });

  it('seats lost over a decade against seats picked up in one election count different things', () => {
    const lost = `Harbour Party

Harbour Party candidates in the Orlen assembly have lost nearly 40 seats over the past decade.`;
    const won = `Harbour Party

Harbour Party candidates in the Orlen assembly picked up just five seats in this election.`;
    const lostToo = `Harbour Party

Harbour Party candidates in the Orlen assembly have lost 12 seats over the past decade.`;
    assert.ok(!kinds(lost, won, /seats/).includes('number'));
    assert.ok(kinds(lost, lostToo, /seats/).includes('number'));
  });

  it('an amount someone wants or supposes ("if …", "should press for") against an amount of fact counts different things', () => {
    const proposed = `Bond talks

Brandt said that if the council wants to raise the bond cap by $3 billion, the harbour board should press for $3 billion in ferry fee cuts.`;
    const fact = `Bond talks

With $1 billion in ferry fee cuts due to start in May, the harbour board is running short of time.`;
    const factToo = `Bond talks

With $3 billion in ferry fee cuts due to start in May, the harbour board is running short of time.`;
    assert.ok(!kinds(proposed, fact, /ferry fee cuts/).includes('number'));
    assert.ok(kinds(fact, factToo, /ferry fee cuts/).includes('number'));
  });
});

describe('cross-article check on real news: news of different days', () => {
  const dated = (doc: string, text: string, published: string) => article(doc, text, published);
  const dateKinds = (a: ReturnType<typeof dated>, b: ReturnType<typeof dated>) =>
    crossCheck([a, b], { minConfidence: 0 })
      .conflicts.filter(c => /harbour primary/.test(c.a.text) && /harbour primary/.test(c.b.text))
      .map(c => c.kind);
  it('statements of articles days apart, each about another person first, tell two events: no date conflict', () => {
    const defeat = dated(
      'defeat.txt',
      `Mayor loses

ORLEN — In one of the sharpest upsets in the city's history, the harbour mayor, Ilse Varga, was soundly defeated on Tuesday in the harbour primary by a ferry captain who had hammered her over the tunnel.`,
      '2031-06-11',
    );
    const entry = dated(
      'entry.txt',
      `Race for mayor

ORLEN — Councillor Jon Brask, who has barely served two terms, jumped into the race for harbour mayor on Friday, offering himself as the sharper alternative in the wake of Ilse Varga's loss in the harbour primary.`,
      '2031-06-14',
    );
    assert.deepEqual(dateKinds(defeat, entry), []);
  });
  it('still: one person first in both, days apart, dated differently, is a date conflict', () => {
    const one = dated(
      'one.txt',
      `Mayor loses

ORLEN — The harbour mayor, Ilse Varga, was soundly defeated on Tuesday in the harbour primary by a ferry captain who had hammered her over the tunnel.`,
      '2031-06-11',
    );
    const two = dated(
      'two.txt',
      `Mayor out

ORLEN — The harbour mayor, Ilse Varga, was soundly defeated on Monday in the harbour primary by a ferry captain who had hammered her over the tunnel.`,
      '2031-06-14',
    );
    assert.ok(dateKinds(one, two).includes('date'));
  });
});

describe('cross-article check on real news: quotations and the executive', () => {
  it('two excerpts of one remark that overlap are one quotation, though the later one happens to repeat an earlier word run', () => {
    const a = `Chairman mocks rival

In his remarks on Thursday, he said: “...you don’t do is start a price war in the ferry trade, alright, because everyone who tried in forty years of history has lost.”`;
    const b = `Chairman under fire

“Well, if he’s such a student of history, has he not grasped that you know that’s the one thing you don’t do, is start a price war in the ferry trade?” Aldo Renn said.`;
    const c = `Chairman under fire

“Well, if he’s such a student of history, has he not grasped that you know that’s the one thing you never do, is start a price war in the ferry trade?” Aldo Renn said.`;
    assert.ok(!kinds(a, b, /price war/).includes('other'));
    // Still: other words inside the shared part ("never do" / "don't do") are a rewording.
    assert.ok(kinds(a, c, /price war/).includes('other'));
  });

  it('"the White House said" and "the Varga administration said" credit one executive: no attribution conflict', () => {
    const a = `Ferry offer

The chief of staff offered Councillor Jon Brask an unpaid harbour post through the former mayor Ansel Dray if he would leave the race, the Varga administration said in a report on Friday.`;
    const b = `Ferry offer

The chief of staff used the former mayor Ansel Dray to offer Councillor Jon Brask an unpaid harbour post if he would leave the race, the White House said on Friday.`;
    const c = `Ferry offer

The chief of staff used the former mayor Ansel Dray to offer Councillor Jon Brask an unpaid harbour post if he would leave the race, the Harbour Workers Union said on Friday.`;
    assert.ok(!kinds(a, b, /harbour post/).includes('attribution'));
    assert.ok(kinds(a, c, /harbour post/).includes('attribution'));
  });
});

describe('cross-article check on real news: whose words and whose doubt', () => {
  it('a paragraph closing a quotation opened in the paragraph before is the speaker’s words, not the outlet’s statement', () => {
    assert.equal(carriedQuote('But they cannot hide from a court. If you cheat, you should pay."'), 64);
    assert.equal(carriedQuote('She said: "If you cheat, you should pay."'), -1);
    const carried = `Ferry workers sue

Outside the court on Tuesday, the deckhand Mara Quist said she felt no anger. "The ferry line may be a big company, no doubt.

But it is not big enough to stand above a court of law. If Gull Ferries cheats its crew, it should be made to pay for it. From the deck to the bridge."`;
    const plain = `Ferry workers sue

If Gull Ferries cheats its crew, it should be made to pay for it.

The case opens in May.`;
    const credited = `Ferry case

Judge Hal Orme said Gull Ferries should be made to pay for it if it cheats its crew.`;
    assert.ok(!kinds(carried, credited, /made to pay/).includes('attribution'));
    assert.ok(kinds(plain, credited, /made to pay/).includes('attribution'));
  });

  it('"X said he could not confirm whether …" is X’s doubt, not the outlet’s hedge; "it could not be confirmed whether …" is the outlet’s', () => {
    const stated = `Ferry letters

The harbour master's son, Jon Brask, corresponded with the Courier before the vote, an exchange he confirmed on Monday.`;
    const doubt = `Ferry letters

Ansel Dray said on Monday that he could not confirm whether the Courier had corresponded with Jon Brask before the vote.`;
    const hedged = `Ferry letters

It could not be confirmed whether the Courier had corresponded with Jon Brask before the vote.`;
    assert.ok(!kinds(stated, doubt, /Courier/).includes('hedge'));
    assert.ok(kinds(stated, hedged, /Courier/).includes('hedge'));
  });
});

describe('cross-article check on real news: round figures', () => {
  it('"$700 million" is "$716 million" rounded: no number conflict; against "$640 million", or 30 pages against 32, it is one', () => {
    const fund = (n: string, lead: string) => `Ferry fund

${lead} $${n} million ${lead === 'In all,' ? 'was moved out of' : 'from'} the ferry fund to pay for the tunnel.`;
    const rounded = fund('700', 'The mayor took');
    assert.ok(!kinds(rounded, fund('716', 'In all,'), /ferry fund/).includes('number'));
    assert.ok(kinds(rounded, fund('640', 'In all,'), /ferry fund/).includes('number'));
    const pages = (n: number) => `Harbour audit

The auditors released a ${n}-page report on the missing ferry funds on Monday.`;
    assert.ok(kinds(pages(30), pages(32), /ferry funds/).includes('number'));
  });
});

describe('cross-article check on real news: pledges and what a negation negates', () => {
  it('a pledge credited to someone is no claim of fact: no attribution conflict with a fact the pledge mentions', () => {
    const fact = `Mill strike ends

Many weavers at the Tarrow mill lost a second week of wages on Friday.`;
    const pledged = `Mill strike ends

Mayor Ilse Varga promised that the weavers at the Tarrow mill would be paid for the wages they lost during the strike.`;
    const said = `Mill strike ends

Mayor Ilse Varga said that the weavers at the Tarrow mill lost a second week of wages on Friday.`;
    assert.ok(!kinds(fact, pledged, /Tarrow/).includes('attribution'));
    assert.ok(kinds(fact, said, /Tarrow/).includes('attribution'));
  });

  it('a negation conflicts only when what it negates is what the other tells ("did not apologize" is no answer to "defended")', () => {
    const defended = `Council row

Councillor Dana Reyes defended her remarks about the harbour budget at a meeting on Monday.`;
    const noApology = `Council row

Councillor Dana Reyes did not apologize for her remarks about the harbour budget at a meeting on Monday.`;
    const apologized = `Council row

Councillor Dana Reyes apologized for her remarks about the harbour budget at a meeting on Monday.`;
    assert.ok(!kinds(defended, noApology, /harbour budget/).includes('negation'));
    assert.ok(kinds(apologized, noApology, /harbour budget/).includes('negation'));
  });
});

describe('cross-article check on real news: how a person is named is no claim', () => {
  const words = (t: string, main = false) => claimWords(t, { from: 0, to: t.length }, main, STOP, stem);
  it('two sentences sharing only a person and her title ("harbour spokeswoman Lena Odd") tell two claims; her act told twice is one', () => {
    assert.ok(
      !sameClaim(
        words(
          'the role of harbour spokeswoman Lena Odd in rewriting the safety memo shows a port hiding its mistakes',
          true,
        ),
        words('Draft emails reveal efforts by harbour spokeswoman Lena Odd to strip the warnings out of the report.'),
      ),
    );
    assert.ok(
      !sameClaim(
        words('he had backed the campaign of Brask’s father, the dockers’ leader Ivo Brask, in 1998', true),
        words('Mr. Brask’s father, Ivo Brask, and his two sisters came with him to the hearing.'),
      ),
    );
    assert.ok(
      sameClaim(
        words('Lena Odd, the harbour spokeswoman, revised the safety memo in the days after the crash', true),
        words('Harbour spokeswoman Lena Odd revised the safety memo after the crash.'),
      ),
    );
    assert.ok(
      sameClaim(
        words('the port sued harbour spokeswoman Lena Odd over the memo', true),
        words('Lena Odd, the spokeswoman, was sued by the port.'),
      ),
    );
  });
});

describe('cross-article check on real news: what a case is about, who took part, one record', () => {
  const words = (t: string, main = false) => claimWords(t, { from: 0, to: t.length }, main, STOP, stem);

  it('"settled a fraud lawsuit his director had filed" and "was accused of fraud by the director" tell two claims; the suit told twice is one', () => {
    const settled = words(
      'Mayor Anders Holm used $52,000 in city money to settle a customs fraud lawsuit his former finance director, Ida Falk, had filed in 2029',
      true,
    );
    assert.ok(
      !sameClaim(
        settled,
        words(
          'It was long known that Mr. Holm had been accused of customs fraud by Ida Falk, his former finance director.',
        ),
      ),
    );
    assert.ok(
      sameClaim(settled, words('Holm used city money, $52,000 in all, to settle the lawsuit Ida Falk had filed.')),
    );
  });

  it('"told supporters" and "before hundreds of supporters" tell two things; "ferry pilots have left" told twice is one', () => {
    assert.ok(
      !sameClaim(
        words('Brandt told supporters of his plans in a phone call on Tuesday morning', true),
        words('It showed on Tuesday before hundreds of supporters, among them many of Mr. Brandt’s oldest friends.'),
      ),
    );
    assert.ok(
      sameClaim(
        words('several Norvish ferry pilots and harbour engineers have gone home to Tarsk in recent weeks', true),
        words('In recent weeks some Norvish ferry pilots and harbour engineers have sailed back to Tarsk.'),
      ),
    );
  });

  it('a figure credited to a record is no attribution conflict with an outlet naming that record as what shows it', () => {
    const credited = `Mayor's taxes

Mayor Ilse Varga and her husband earned about $3.1 million and paid nearly $900,000 in taxes from 2025 to 2030, according to tax returns released Friday.`;
    const shown = `Mayor's taxes

Mayor Ilse Varga on Friday released six years of tax returns, showing that she and her husband earned $2.9 million in taxable income from 2025 to 2030.`;
    const stated = `Mayor's taxes

Mayor Ilse Varga and her husband earned $2.9 million in taxable income from 2025 to 2030.`;
    assert.ok(showsSource('released six years of tax returns, showing that she earned', 'tax returns released Friday'));
    assert.ok(!showsSource('she released her tax returns on Friday', 'tax returns released Friday'));
    assert.ok(!kinds(credited, shown, /earned/).includes('attribution'));
    assert.ok(kinds(credited, stated, /earned/).includes('attribution'));
  });
});

describe('cross-article check on real news: one quotation or two', () => {
  const quoteKinds = (a: string, b: string, re: RegExp) =>
    about(check(a, b), re)
      .filter(c => c.kind === 'other')
      .map(c => c.explanation);

  it('a name spelt as two transliterations ("al-Qassani" / "Gassani") in one quotation is no wording conflict', () => {
    const say = (name: string) => `Harbour talks

Brandt said: "nobody knows who pays, and now it looks like (the harbour boss ${name}) is going to win the vote."`;
    assert.deepEqual(quoteKinds(say('Mouhammar al-Qassani'), say('Muhammar Gassani'), /nobody knows/), []);
    // Another name is another word.
    assert.equal(quoteKinds(say('Mouhammar al-Qassani'), say('Pieter Holm'), /nobody knows/).length, 1);
  });

  it('two remarks of one speaker sharing a phrase are two quotations; one remark with a word changed is one, quoted differently', () => {
    const a = `Tunnel vote

"If you are determined to keep the tunnel open all night, it means you will pay before the ferries stop," Brandt said.`;
    const b = `Tunnel vote

"The mayor has said that she is determined to keep the tunnel open all night and I welcome that and I thank her," Brandt said.`;
    const c = `Tunnel vote

"If you are determined to keep the tunnel open all night, it means you must pay before the ferries stop," Brandt said.`;
    assert.deepEqual(quoteKinds(a, b, /determined/), []);
    assert.equal(quoteKinds(a, c, /determined/).length, 1);
  });
});

describe('cross-article check on real news: what a hedge bears on', () => {
  it('a hedge bears on its own clause, not on a description set off by commas before it: no hedge conflict about who posted the video', () => {
    const hedged = `Senator's remarks

The recording, which was put online by the harbour watchdog Ferry Watch, apparently shows Senator Alma Roe joking with shipowners at a dinner in Tarsk.`;
    const stated = `Senator's remarks

Senator Roe's words were put online on Tuesday by Ferry Watch, a harbour watchdog that tracks shipowners' gifts.`;
    const shows = `Senator's remarks

A recording put online on Tuesday shows Senator Alma Roe joking with shipowners at a dinner in Tarsk.`;
    assert.ok(!kinds(hedged, stated, /Ferry Watch/).includes('hedge'));
    assert.ok(kinds(hedged, shows, /joking/).includes('hedge'));
  });
});

describe('cross-article check on real news: a year naming a thing', () => {
  const words = (t: string, main = false) => claimWords(t, { from: 0, to: t.length }, main, STOP, stem);
  it('"the 2031 election" in two sentences is one thing both name, not one claim; a figure beside an act still is', () => {
    assert.ok(
      !sameClaim(
        words('He quit the harbour board in May 2030, but campaigned throughout the 2031 mayoral election.'),
        words('The audit of the 2031 election named Brask among the donors.'),
      ),
    );
    assert.ok(
      sameClaim(
        words('Brask spent $4,500 on the election posters.'),
        words('In all, $4,500 was spent on posters for the election.'),
      ),
    );
    // (A count written with a comma is no year: "2,000 sailors".)
    assert.ok(
      sameClaim(
        words('officials said the navy is making plans to pull all 2,000 sailors out of Tarsk', true),
        words('The admiral’s decision to withdraw roughly 2,000 sailors from Tarsk angered the council.'),
      ),
    );
  });
});

describe('cross-article check on real news: a stance is no claim of fact', () => {
  it('"she is doubtful that the board would grant Brask a pardon" is her doubt: no attribution conflict with a fact about the pardon', () => {
    const doubt = `Harbour inquiry

Councillor Vera Lind said she is “doubtful” that the board would agree to grant Brask a pardon in exchange for his testimony.`;
    const fact = `Harbour inquiry

On Monday, in a letter to the board, Brask repeated his offer to testify in exchange for a pardon.`;
    const claim = `Harbour inquiry

Councillor Vera Lind said the board would grant Brask a pardon in exchange for his testimony.`;
    const stated = `Harbour inquiry

The board will grant Brask a pardon in exchange for his testimony.`;
    assert.ok(stance('she is “doubtful” that the board would agree'));
    assert.ok(!stance('the board would grant Brask a pardon'));
    assert.ok(!kinds(doubt, fact, /pardon/).includes('attribution'));
    assert.ok(kinds(claim, stated, /pardon/).includes('attribution'));
  });
});

describe('cross-article check on real news: words left out of a quotation', () => {
  const quoteKinds = (a: string, b: string, re: RegExp) =>
    about(check(a, b), re)
      .filter(c => c.kind === 'other')
      .map(c => c.explanation);
  it('an ellipsis means words were left out: no wording conflict when the rest matches; another word inside a piece still is one', () => {
    const cut = `Harbour code

Critics say the ferry deal may break the harbour code, which says: "Whoever, by any means, offers any berth, licence, payment...mooring...paid for in whole or in part by the harbour fund...to any skipper as a reward for any vote...shall be fined."`;
    const full = `Harbour code

The harbour code makes it an offence for anyone “who, by any means, offers any berth, licence, payment, loan, mooring, or any other favour” to a skipper “as a reward for any vote or for backing any candidate in any harbour board election.”`;
    const changed = `Harbour code

The harbour code makes it an offence for anyone “who, by any means, offers any berth, permit, payment, loan, mooring, or any other favour” to a skipper.`;
    assert.deepEqual(quoteKinds(cut, full, /berth/), []);
    const inside = `Harbour code

Critics say the code says: "Whoever, by any means, offers any berth, licence, payment, loan...shall be fined."`;
    assert.equal(quoteKinds(inside, changed, /berth/).length, 1);
  });
});

describe('cross-article check on real news: what a source says a record says', () => {
  const words = (t: string, main = false) => claimWords(t, { from: 0, to: t.length }, main, STOP, stem);
  it('credited with "the bylaws say that …", a source is credited with what follows "that": the record named before it is no participant', () => {
    // The auditors noted that the bylaws say a member must not coach a rival crew; another outlet says defections are
    // rare although the bylaws bind every member: both name the bylaws and a club, and tell two claims.
    assert.ok(
      !sameClaim(
        words('the bylaws of the Orlen rowing club say that a member must not coach a rival crew', true),
        words('Such defections are rare, even in the face of rowing club bylaws that bind every member.'),
      ),
    );
    // What the bylaws say, told by both, is still one claim.
    assert.ok(
      sameClaim(
        words('the bylaws of the Orlen rowing club say that every member must pay the dues by March', true),
        words('Every member of the Orlen rowing club must pay the dues by March.'),
      ),
    );
  });
});

describe('cross-article check on real news: a quotation speaking to someone and one speaking of him', () => {
  const quoteKinds = (a: string, b: string, re: RegExp) =>
    about(check(a, b), re)
      .filter(c => c.kind === 'other')
      .map(c => c.explanation);
  const letter = `Fishermen write to the harbour master

“Your plan appears to reflect the wishes of your biggest donor, the Kell shipping line, rather than the needs of the fishermen,” says the letter, which forty skippers sent to Master Piet Brandt on Monday.`;
  it('"your plan reflects the wishes of your donor" (a letter to him) and "his plan reflects the wishes of his donor" (remarks about him) are two utterances, not one quoted in other words', () => {
    const remarks = `Skippers challenge harbour plan

“I am afraid that Master Brandt’s plan reflects the wishes of his biggest donor the Kell shipping line rather than the needs of the fishermen,” said Ola Fenn, one of the skippers who wrote to him.`;
    assert.ok(otherPerson(['your', 'plan', 'appears'], ['brandt', 's', 'plan', 'reflects'], stem));
    assert.ok(!otherPerson(['your', 'plan', 'appears'], ['your', 'plan', 'reflects'], stem));
    assert.deepEqual(quoteKinds(letter, remarks, /biggest donor/), []);
  });
  it('still: the letter quoted with other words is one quotation in other words', () => {
    const misquoted = `Skippers challenge harbour plan

“Your plan appears to serve the wishes of your biggest donor, the Kell shipping line, rather than the needs of the fishermen,” the letter says.`;
    assert.equal(quoteKinds(letter, misquoted, /biggest donor/).length, 1);
  });
});

describe('cross-article check on real news: a hedge of a second predicate', () => {
  const hedges = (a: string, b: string) => about(check(a, b), /tide tables/).filter(c => c.kind === 'hedge');
  const told = `Harbour master admits error

Harbour master Piet Brandt told the Courier he had misread the tide tables before the ferry crash in Tromvik.`;
  it('"he had misread the tables before the crash and might have misread them on other nights" hedges the other nights only: no hedge conflict with the crash told as fact', () => {
    const twoPredicates = `Harbour master speaks

In an interview on Monday, the harbour master said that he had misread the tide tables before the ferry crash in Tromvik and might have misread them on other nights as well.`;
    assert.deepEqual(hedges(twoPredicates, told), []);
  });
  it('still: "might have misread the tables before the crash" against "misread the tables before the crash" is a hedge conflict', () => {
    const hedged = `Harbour master speaks

The harbour master might have misread the tide tables before the ferry crash in Tromvik, the inspectors wrote.`;
    assert.equal(hedges(hedged, told).length, 1);
  });
});

describe('cross-article check on real news: a question left open', () => {
  const negations = (a: string, b: string) => about(check(a, b), /second term/).filter(c => c.kind === 'negation');
  const denied = `Harbour chief to step aside

Harbour board chairman Ivo Brask will not seek a second term as head of the Orlen harbour board, he told the board.`;
  it('"announces whether he will step down or seek a second term" tells neither answer: no negation conflict with "will not seek a second term"', () => {
    const open = `Harbour board vote

The fight over the Orlen harbour board takes a new turn as chairman Ivo Brask announces whether he will step down or seek a second term as head of the Orlen harbour board.`;
    assert.deepEqual(negations(denied, open), []);
  });
  it('still: "he will seek a second term" against "he will not seek a second term" is a negation conflict', () => {
    const affirmed = `Harbour board vote

Harbour board chairman Ivo Brask will seek a second term as head of the Orlen harbour board, he told the board.`;
    assert.equal(negations(denied, affirmed).length, 1);
  });
});

describe('cross-article check on real news: a question left open is no claim stated as fact', () => {
  const attributions = (a: string, b: string) =>
    about(check(a, b), /second term/).filter(c => c.kind === 'attribution');
  const credited = `Harbour chief to step aside

Harbour board chairman Ivo Brask is expected to announce that he will not seek a second term as head of the Orlen harbour board, according to two board members.`;
  it('"announces whether he will step down or seek a second term" states nothing the sources are credited with', () => {
    const open = `Harbour board vote

The fight over the Orlen harbour board takes a new turn as chairman Ivo Brask announces whether he will step down or seek a second term as head of the Orlen harbour board.`;
    assert.deepEqual(attributions(credited, open), []);
  });
  it('still: "he will not seek a second term" stated as fact against the same credited to two board members is an attribution conflict', () => {
    const stated = `Harbour chief to step aside

Harbour board chairman Ivo Brask will not seek a second term as head of the Orlen harbour board.`;
    assert.equal(attributions(credited, stated).length, 1);
  });
});
