// Dates in real news, pinned with our own sentences: bare weekdays and their parts of the day read with the tense
// of their clause, months and years as modifiers, seasons, fiscal years, weekends, days counted from the last day
// named, decades written with an apostrophe, and what is not a date.
import * as assert from 'node:assert/strict';
import { analyze, describeDateValue, type Analysis } from '../../src/core';
import { sentences } from '../../src/core/engine/text';

const date = (a: Analysis, text: string) => {
  const d = a.dates.find(x => x.text === text);
  return d ? [d.value, d.mod] : 'not found';
};
const texts = (a: Analysis) => a.dates.map(d => d.text);
// 2024-03-13 is a Wednesday.
const wed = (body: string) => analyze(body, { published: '2024-03-13' });

describe('hard cases: weekdays', () => {
  it('reads a bare weekday in past narration as the latest such day, the publication day included', () => {
    const a = wed('The mayor told reporters Tuesday that the bridge would stay shut. Inspectors arrived Wednesday.');
    assert.deepEqual(date(a, 'Tuesday'), ['2024-03-12', null]);
    assert.deepEqual(date(a, 'Wednesday'), ['2024-03-13', null]);
  });

  it('reads a weekday in future context as the coming one', () => {
    const a = wed('The council will vote Friday, and a hearing is scheduled for Monday.');
    assert.deepEqual(date(a, 'Friday'), ['2024-03-15', null]);
    assert.deepEqual(date(a, 'Monday'), ['2024-03-18', null]);
    const b = wed('The council voted Friday after a hearing on Monday.');
    assert.deepEqual(date(b, 'Friday'), ['2024-03-08', null]);
    assert.deepEqual(date(b, 'Monday'), ['2024-03-11', null]);
  });

  it('keeps parts of the day in the span with the day as value, and early/late as the modifier', () => {
    const a = wed('The storm hit late Monday and the power came back Tuesday night; crews left early Wednesday.');
    assert.deepEqual(date(a, 'late Monday'), ['2024-03-11', 'LATE']);
    assert.deepEqual(date(a, 'Tuesday night'), ['2024-03-12', null]);
    assert.deepEqual(date(a, 'early Wednesday'), ['2024-03-13', 'EARLY']);
    // "later" and "earlier" are adverbs, not parts of the day.
    const b = wed('The pumps failed later Tuesday. Earlier Tuesday, the dam held.');
    assert.deepEqual(texts(b), ['Tuesday', 'Tuesday']);
  });

  it('reads a weekday as a modifier or with a possessive', () => {
    const a = wed("Monday's vote followed the Sunday blackout.");
    assert.deepEqual(date(a, 'Monday'), ['2024-03-11', null]);
    assert.deepEqual(date(a, 'Sunday'), ['2024-03-10', null]);
  });

  it('gives one weekday name one day: a past mention beside a coming one takes the nearer day', () => {
    // Written on a Wednesday but updated the next day: the match "is scheduled for Thursday", so the Thursday on
    // which the player "was still in hospital" is tomorrow's, not the one six days back.
    const a = wed(
      'The striker was still in hospital on Thursday, his club said. The return match is scheduled for Thursday night.',
    );
    assert.deepEqual(
      a.dates.map(d => d.value),
      ['2024-03-14', '2024-03-14'],
    );
    // A past day close to the publication date stays in the past, beside a coming one of the same name.
    const b = analyze('Crowds marched on Saturday. More rallies will take place on Saturday and Sunday.', {
      published: '2024-03-17',
    });
    assert.deepEqual(
      b.dates.map(d => d.value),
      ['2024-03-16', '2024-03-23', '2024-03-17'],
    );
  });

  it('does not take a weekday inside a quoted title as a date', () => {
    const a = wed('She said on "Morning Report Sunday" that the talks had stalled.');
    assert.deepEqual(texts(a), []);
    const b = wed('She said on "Morning Report" Sunday that the talks had stalled.');
    assert.deepEqual(date(b, 'Sunday'), ['2024-03-10', null]);
  });

  it('does not read "the late" before a weekday as a person', () => {
    const a = wed('Talks ran into the late Monday session.');
    assert.deepEqual(date(a, 'late Monday'), ['2024-03-11', 'LATE']);
  });
});

describe('hard cases: months and years', () => {
  it('reads a month after a capitalised preposition or a determiner', () => {
    const a = wed('In January, the board met. A February report and a December audit followed.');
    assert.deepEqual(date(a, 'January'), ['2024-01', null]);
    assert.deepEqual(date(a, 'February'), ['2024-02', null]);
    assert.deepEqual(date(a, 'December'), ['2023-12', null]);
    // "May" after a determiner is a name or a modal verb more often than a month.
    assert.deepEqual(texts(wed('A May spokesman declined to comment.')), []);
  });

  it('reads a year-less month by the tense of its clause', () => {
    // Written in December: a planned departure in February is the coming February, a resignation announced in
    // February is the past one.
    const a = analyze(
      'The envoy will step down at the end of February. His deputy announced her resignation in February.',
      { published: '2023-12-20' },
    );
    assert.deepEqual(date(a, 'the end of February'), ['2024-02', 'LATE']);
    assert.deepEqual(date(a, 'February'), ['2023-02', null]);
    const b = analyze('The trial will open in March.', { published: '2023-10-05' });
    assert.deepEqual(date(b, 'March'), ['2024-03', null]);
    const c = analyze('The trial opened in March.', { published: '2023-10-05' });
    assert.deepEqual(date(c, 'March'), ['2023-03', null]);
  });

  it('reads a date a few weeks ahead as coming when nothing says otherwise', () => {
    const a = analyze('The new rules take effect Jan. 1, and the tax rises on January 15.', {
      published: '2023-12-20',
    });
    assert.deepEqual(date(a, 'Jan. 1'), ['2024-01-01', null]);
    assert.deepEqual(date(a, 'January 15'), ['2024-01-15', null]);
  });

  it('gives a month coordinated with a dated one that date’s year', () => {
    const a = wed('The witness met the agents in May and June 2019.');
    assert.deepEqual(date(a, 'May'), ['2019-05', null]);
    assert.deepEqual(date(a, 'June 2019'), ['2019-06', null]);
  });

  it('reads a year as a modifier after a determiner or a possessive, and a year closing a parenthesis', () => {
    const a = wed('A 2015 survey, the 1998 Water Act and his 2020 campaign were cited (Smith v. Jones 2011).');
    assert.deepEqual(texts(a), ['2015', '1998', '2020', '2011']);
    // A number of things is not a year.
    assert.deepEqual(texts(wed('The 2000 troops and the 1500 residents left.')), []);
  });

  it('reads a holiday with a year as its day', () => {
    const a = wed('Stores opened on New Years Day 2016 and closed on Christmas Eve.');
    assert.deepEqual(date(a, 'New Years Day 2016'), ['2016-01-01', null]);
    assert.deepEqual(date(a, 'Christmas Eve'), ['2023-12-24', null]);
  });

  it('reads decades written with an apostrophe, and describes decades in words', () => {
    const a = wed('Rents were lower in the ’80s and in the late 2000s.');
    assert.deepEqual(date(a, '’80s'), ['198', null]);
    assert.equal(describeDateValue({ value: '200', mod: 'LATE' }), 'the late 2000s');
    assert.equal(describeDateValue({ value: '198', mod: null }), 'the 1980s');
    assert.deepEqual(texts(wed('He scored 80s in both rounds.')), []);
  });
});

describe('hard cases: relative expressions', () => {
  it('resolves seasons against the publication date', () => {
    // 2023-12-20 is still autumn: "last fall" is the one before.
    const a = analyze('She resigned last fall. Troops will leave by the summer.', { published: '2023-12-20' });
    assert.deepEqual(date(a, 'last fall'), ['2022', null]);
    assert.deepEqual(date(a, 'the summer'), ['2024', null]);
    const b = analyze('Lawyers argued that the ruling this summer could reshape hiring.', { published: '2024-03-13' });
    assert.deepEqual(date(b, 'this summer'), ['2024', null]);
    // A season placed by an event is not placed by the publication date.
    assert.deepEqual(texts(wed('They met in the summer before the election.')), []);
    assert.deepEqual(texts(wed('Markets braced for the fall of the currency.')), []);
  });

  it('resolves fiscal years, recent years and the coming months', () => {
    const a = analyze(
      'Crossings fell in recent years, to 9,000 in the last fiscal year. More will come in the coming months.',
      { published: '2023-12-20' },
    );
    assert.deepEqual(date(a, 'recent years'), ['202', 'APPROX']);
    assert.deepEqual(date(a, 'the last fiscal year'), ['2022', null]);
    assert.deepEqual(date(a, 'the coming months'), ['2024', 'APPROX']);
    assert.deepEqual(date(wed('Fees rose in recent months.'), 'recent months'), ['2024', 'APPROX']);
  });

  it('resolves the weekend, last night and the end of the day', () => {
    // Written on a Friday: the weekend to come is in the same ISO week.
    const a = analyze('Crews will work over the weekend. The suit was filed by the end of the day.', {
      published: '2024-03-15',
    });
    assert.deepEqual(date(a, 'the weekend'), ['2024-W11', null]);
    assert.deepEqual(date(a, 'the end of the day'), ['2024-03-15', 'LATE']);
    // Written on a Tuesday, the weekend just past is in the week before.
    const b = analyze('The mayor spoke over the weekend, and again last night.', { published: '2024-03-12' });
    assert.deepEqual(date(b, 'the weekend'), ['2024-W10', null]);
    assert.deepEqual(date(b, 'last night'), ['2024-03-11', null]);
    // "at the end of the day" is an idiom; a deadline may also be the end of the week.
    assert.deepEqual(texts(wed('At the end of the day, voters decide.')), []);
    assert.deepEqual(date(wed('Bids are open until the end of the week.'), 'the end of the week'), [
      '2024-W11',
      'LATE',
    ]);
  });

  it('reads "last week" written on a Sunday as the week that is ending', () => {
    const a = analyze('The video, posted last week, drew protests.', { published: '2024-03-17' });
    assert.deepEqual(date(a, 'last week'), ['2024-W11', null]);
    const b = analyze('The video, posted last week, drew protests.', { published: '2024-03-13' });
    assert.deepEqual(date(b, 'last week'), ['2024-W10', null]);
  });

  it('counts "a day earlier" from the last day the text named, else from the publication date', () => {
    const a = wed('A day earlier, the river had crested.');
    assert.deepEqual(date(a, 'A day earlier'), ['2024-03-12', null]);
    const b = wed('The bill passed on March 4. Two days later, it was signed.');
    assert.deepEqual(date(b, 'Two days later'), ['2024-03-06', null]);
    // An offset from an event ("a day after the vote") or a comparison is not counted from a date.
    assert.deepEqual(texts(wed('It came a day after the vote, and a day earlier than planned.')), []);
  });

  it('reads "that day" as the day just named, and leaves it open when the text never dated it', () => {
    const a = wed('The minister resigned on March 4. That day, the markets fell.');
    assert.deepEqual(date(a, 'That day'), ['2024-03-04', null]);
    const b = wed(
      'The talks failed in June 2019, after a long spring. Officials met again. That day, the markets fell.',
    );
    assert.deepEqual(date(b, 'That day'), [null, null]);
  });

  it('reads "the days since" a clause as the span up to publication', () => {
    const a = wed('Sales have fallen in the days since the mayor closed the bridge, traders said.');
    assert.deepEqual(date(a, 'the days since the mayor closed the bridge'), ['2024-W11', 'APPROX']);
    // Followed by a date, the period is anchored on that date instead.
    const b = wed('Sales have fallen in the days since the March 4 vote.');
    assert.deepEqual(date(b, 'March 4'), ['2024-03-04', null]);
    assert.deepEqual(
      b.dates.map(d => d.text),
      ['the days since the March 4 vote', 'March 4'],
    );
  });

  it('does not take ages, "annual", "to date" or "so far" as dates', () => {
    const a = wed('To date, the annual fair, now 48, has drawn 20,000 people so far; the late Ruth Pinto founded it.');
    assert.deepEqual(texts(a), []);
  });
});

describe('hard cases: month abbreviations in sentences', () => {
  const split = (t: string) => sentences(t, { start: 0, end: t.length }).map(r => t.slice(r.start, r.end));

  it('never ends a sentence at a month abbreviation', () => {
    assert.deepEqual(split('The levy ends on Feb. 28 and the fund closes in Sept. Officials agreed.'), [
      'The levy ends on Feb. 28 and the fund closes in Sept. Officials agreed.',
    ]);
    const a = wed('The levy ends on Feb. 28, the treasurer said.');
    assert.deepEqual(date(a, 'Feb. 28'), ['2024-02-28', null]);
  });

  it('still ends a sentence at a company abbreviation or a plain word', () => {
    assert.deepEqual(split('The buyer was Acme Inc. Shares rose. Nobody else bid.'), [
      'The buyer was Acme Inc.',
      'Shares rose.',
      'Nobody else bid.',
    ]);
  });
});

describe('hard cases: a date line that runs on into the first sentence', () => {
  it('takes the date that opens the text as the publication date', () => {
    const a = analyze(
      ' date 2025-06-04 Several hundred farmers drove their tractors into the capital on Tuesday to protest against the new water levy.',
    );
    assert.equal(a.published, '2025-06-04');
    assert.deepEqual(date(a, 'Tuesday'), ['2025-06-03', null]);
    const b = analyze(
      '4 June 2025 Several hundred farmers drove their tractors into the capital on Tuesday to protest against the levy.',
    );
    assert.equal(b.published, '2025-06-04');
  });

  it('does not take a date inside the first sentence as the publication date', () => {
    const a = analyze(
      'Several hundred farmers drove into the capital on 4 June 2025 to protest against the new water levy, officials said.',
    );
    assert.equal(a.published, null);
  });
});
