// Attributions in the shapes of real news beyond "X said": participles, directives, small clauses, documents,
// quotations with mixed marks, continuation quotes, sources behind titles, places and party tags; and the
// quotation scan staying linear whatever the marks. Every sentence here is our own.
import * as assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../src/core';
import { attributionWork } from '../../src/core/engine/attributions';

const claim = (a: Analysis, startsWith: string) => a.attributions.find(x => x.content.text.startsWith(startsWith));

/** Repeats `unit` to `size` characters. */
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Work the attribution scan does on a text. */
function workOn(text: string): number {
  const before = attributionWork();
  analyze(text);
  return attributionWork() - before;
}

describe('hard cases: quotation marks that do not pair up', () => {
  // Texts of 25 KB and 100 KB built from one hostile unit: the work must grow with the size, not faster.
  const hostile: Record<string, string> = {
    'unclosed curly quotes in one run-on sentence': '“he said no ” more ” ',
    'straight quotes only, with a cue between each pair': 'he said "no more, " ',
    'curly and straight marks alternating': '“the mayor said " the bridge ” would close “ soon, " Anna Kovacs said ',
    'deep nesting without any closing mark': '“a “b said “c "d ',
    'closing marks only': 'it would close soon,” Anna Kovacs said ',
    'inverted cues without a stop': ', said Anna Kovacs ',
    'according to, again and again': 'according to him, ',
  };
  for (const [name, unit] of Object.entries(hostile)) {
    it(`does linear work on ${name}`, () => {
      const small = workOn(fill(unit, 25_000));
      const big = workOn(fill(unit, 100_000));
      assert.ok(small > 0);
      assert.ok(big <= small * 5, `work ${small} on 25 KB, ${big} on 100 KB`);
    });
  }

  it('pairs an opening curly mark with a closing straight one', () => {
    const a = analyze('“The harbour will reopen in spring," Mayor Ilse Brandt said.');
    assert.equal(claim(a, 'The harbour will reopen')?.speaker, 'Ilse Brandt');
    assert.equal(claim(a, 'The harbour will reopen')?.kind, 'direct');
  });

  it('keeps a straight quotation inside a curly one', () => {
    const a = analyze('“We told them "never again" and we meant it,” said Ilse Brandt.');
    assert.equal(claim(a, 'We told them')?.content.text, 'We told them "never again" and we meant it');
  });
});

const one = (a: Analysis, startsWith: string) => {
  const c = claim(a, startsWith);
  return c ? `${c.speaker} | ${c.cue?.text ?? '-'} | ${c.content.text}` : 'not found';
};

describe('hard cases: the source behind titles, tags, places and appositives', () => {
  it('skips party-and-state tags, in commas or brackets, to the name', () => {
    const a = analyze(
      '“It was chaos out there,” Sen. Tom Harlan, R-Ky., said. Rep. Ada Quist (D-Minn.) told MSNBC that the crowd stayed calm. Senator Ola Brekke, Republican of Idaho, said he had been warming up.',
    );
    assert.equal(claim(a, 'It was chaos')?.speaker, 'Tom Harlan');
    assert.equal(claim(a, 'It was chaos')?.kind, 'direct');
    assert.equal(one(a, 'the crowd stayed calm'), 'Ada Quist | told MSNBC | the crowd stayed calm');
    assert.equal(claim(a, 'he had been warming up')?.speaker, 'Ola Brekke');
  });

  it('leaves the time between a source and its cue out of the source, not the time of a participle in it', () => {
    const a = analyze(
      'Harbour officials on Thursday were insisting that the crews had done nothing wrong. The ferry board this week ' +
        'said fares would rise. The Tidewater Council late Friday said the pier would close. The rules issued Monday ' +
        'said every berth needs a permit.',
    );
    const source = (startsWith: string) => claim(a, startsWith)?.source?.text;
    assert.equal(source('the crews had done'), 'Harbour officials');
    assert.equal(claim(a, 'the crews had done')?.cue?.text, 'insisting');
    assert.equal(source('fares would rise'), 'The ferry board');
    assert.equal(source('the pier would close'), 'The Tidewater Council');
    assert.equal(source('every berth'), 'The rules issued Monday', 'the rules are those issued that day');
  });

  it('leaves the day it was said out of what was said ("said Thursday he …", "announced on Monday it …")', () => {
    const a = analyze(
      'Mayor Ilse Brandt said Thursday she has doubts about the ferry contract. The ferry company announced on ' +
        'Monday it would sell two boats. The council said last week the pier was unsafe. Brandt said Monday’s vote ' +
        'was a mistake.',
    );
    assert.equal(one(a, 'she has doubts'), 'Ilse Brandt | said | she has doubts about the ferry contract');
    assert.equal(claim(a, 'it would sell')?.cue?.text, 'announced');
    assert.equal(claim(a, 'the pier was unsafe')?.source?.text, 'The council');
    assert.ok(claim(a, 'Monday’s vote'), 'a day owned by a noun is part of what was said');
  });

  it('steps back over an appositive that ends in an adverb ("…, who was not authorized to speak publicly, said")', () => {
    const a = analyze(
      'One harbour official, who spoke on condition of anonymity because he was not authorized to speak publicly, ' +
        'said the pier will close. The Tidewater Herald, a weekly, described Ms. Brandt as “a tireless mayor.”',
    );
    assert.equal(claim(a, 'the pier will close')?.source?.text, 'One harbour official');
    assert.equal(claim(a, 'Ms. Brandt as')?.source?.text, 'The Tidewater Herald');
  });

  it('credits what a document found, showed or concluded to the document, not what people found', () => {
    const a = analyze(
      'An audit by the state comptroller concluded that the ferry company overcharged riders. A poll of islanders ' +
        'last week found that most want a second pier. Police found that the door had been forced open. The ' +
        'investigation found no evidence of fraud.',
    );
    assert.equal(claim(a, 'the ferry company overcharged')?.source?.text, 'An audit by the state comptroller');
    assert.equal(claim(a, 'most want a second pier')?.cue?.text, 'found');
    assert.equal(claim(a, 'the door had been'), undefined, 'what the police saw');
    assert.equal(a.attributions.length, 2);
  });

  it('finds the source of a cue in a clause of its own ("even as she contended …", "… while he insisted …")', () => {
    const a = analyze(
      'Mayor Ilse Brandt spoke for an hour, even as she contended the harbour was safe enough to open. ' +
        'Tom Ravn left early while he insisted the vote was rigged. Even the harbour pilots said the channel was clear.',
    );
    assert.equal(one(a, 'the harbour was safe'), 'Ilse Brandt | contended | the harbour was safe enough to open');
    assert.equal(one(a, 'the vote was rigged'), 'Tom Ravn | insisted | the vote was rigged');
    assert.equal(claim(a, 'the channel was clear')?.source?.text, 'the harbour pilots');
  });

  it('steps back over a chain of appositives, or a place, to the person', () => {
    const a = analyze(
      '“We will appeal the ruling,” Tomas Lindqvist, the executive director of the Nordic Grain Group, a trade group, said in a statement. Mayor Tom Harlan, in eastern Idaho, said the crop is unusually strong.',
    );
    assert.equal(claim(a, 'We will appeal')?.speaker, 'Tomas Lindqvist');
    assert.equal(one(a, 'the crop'), 'Tom Harlan | said | the crop is unusually strong');
    assert.ok(
      !a.attributions.some(x => /eastern Idaho/.test(x.content.text) || /unusually/.test(x.source?.text ?? '')),
      JSON.stringify(a.attributions),
    );
  });

  it('does not take a description as an appositive when no comma joins it to the cue', () => {
    const a = analyze('The mayor met Ada Quist on Monday, a city spokeswoman confirmed.');
    assert.equal(claim(a, 'The mayor met')?.speaker, 'city spokeswoman');
  });

  it('credits a relative pronoun to the name it hangs on, and a restrictive one to its noun phrase', () => {
    const a = analyze(
      '“We saw it coming,” said Mayor Ola Brekke of Lund County, Minn., who said that he was pleased. The paper cited two police officials who said the car was stolen.',
    );
    assert.equal(one(a, 'he was pleased'), 'Ola Brekke | said | he was pleased');
    assert.equal(claim(a, 'he was pleased')?.source?.text, 'who');
    assert.equal(claim(a, 'the car was stolen')?.source?.text, 'two police officials');
  });
});

describe('hard cases: cues of real news beyond "said"', () => {
  it('reads participles with the subject of their clause, or of the claim before them', () => {
    const a = analyze(
      'The two towns sued the county on Monday, saying the dam had flooded their farms. Mayor Lena Varga said the bridge was safe, adding that repairs would start in May. The clinic issued a statement saying the patient was stable.',
    );
    assert.equal(claim(a, 'the dam had flooded')?.cue?.text, 'saying');
    assert.equal(claim(a, 'the dam had flooded')?.source?.text, 'The two towns');
    assert.equal(one(a, 'the bridge was safe'), 'Lena Varga | said | the bridge was safe');
    assert.equal(one(a, 'repairs would start'), 'Lena Varga | adding | repairs would start in May');
    assert.equal(claim(a, 'the patient was stable')?.source?.text, 'The clinic');
  });

  it('finds the source of a participle in the clause it hangs on, or in the noun phrase before it', () => {
    const a = analyze(
      'The union struck on Monday, accusing the firm of hiding losses. They acted because of federal guidance urging prosecutors to refrain from raids.',
    );
    assert.equal(one(a, 'the firm of hiding'), 'union | accusing | the firm of hiding losses');
    assert.equal(one(a, 'prosecutors to refrain'), 'federal guidance | urging | prosecutors to refrain from raids');
  });

  it('keeps the addressee in the cue: telling reporters, said to a paper, told a programme in quotation marks', () => {
    const a = analyze(
      'The minister defended the plan, telling reporters that the cost was fair. “We had no warning at all,” Rep. Ada Quist, D-Minn., told "Morning Desk." The figure was revised on Friday, a spokeswoman confirmed to the Herald.',
    );
    assert.equal(one(a, 'the cost was fair'), 'minister | telling reporters | the cost was fair');
    assert.equal(one(a, 'We had no warning'), 'Ada Quist | told "Morning Desk." | We had no warning at all');
    assert.ok(!claim(a, 'Morning Desk'));
    const b = analyze('Speaking on "Harbour Hour Sunday," Sen. Ines Moreau said the port was safe.');
    assert.deepEqual(
      b.attributions.map(x => x.content.text),
      ['the port was safe'],
    );
    assert.equal(claim(a, 'The figure was revised')?.cue?.text, 'confirmed to the Herald');
    assert.equal(claim(a, 'The figure was revised')?.speaker, 'spokeswoman');
  });

  it('reads directives with an object and an infinitive', () => {
    const a = analyze(
      'The council asked the court to halt the demolition. Ada Quist urged the mayor not to sign the order. Several senators called on the minister to resign.',
    );
    assert.equal(one(a, 'the court to halt'), 'council | asked | the court to halt the demolition');
    assert.equal(one(a, 'the mayor not to sign'), 'Ada Quist | urged | the mayor not to sign the order');
    assert.equal(claim(a, 'the minister to resign')?.cue?.text, 'called on');
    assert.equal(claim(a, 'the minister to resign')?.source?.text, 'Several senators');
  });

  it('does not read requests without an infinitive, passives or "called for" as claims', () => {
    const a = analyze(
      'She was asked to leave the room. He asked about the budget. They called for calm. She called the police. The firm was accused of fraud.',
    );
    assert.deepEqual(
      a.attributions.map(x => x.content.text),
      [],
    );
  });

  it('reads accusations, "called X Y" and "identified X as Y"', () => {
    const a = analyze(
      'The union accused the company of hiding its losses. The mayor called the plan “a reckless gamble with our savings.” The driver, who police identified as Jon Berg of Bergen, Norway, was arrested.',
    );
    assert.equal(one(a, 'the company of hiding'), 'union | accused | the company of hiding its losses');
    assert.equal(claim(a, 'the plan “a reckless')?.kind, 'mixed');
    assert.equal(claim(a, 'the plan “a reckless')?.speaker, 'mayor');
    assert.equal(one(a, 'as Jon Berg'), 'police | identified | as Jon Berg of Bergen, Norway');
  });

  it('reads "complained that", "suggested that", documents that indicate, and "has long said … that"', () => {
    const a = analyze(
      'Farmers have complained that the water tastes of salt. The governor suggested that the tax could wait. The memo indicates that the plant will close. Fishermen have long said anecdotally that the catch is shrinking.',
    );
    assert.equal(claim(a, 'the water tastes')?.cue?.text, 'complained');
    assert.equal(claim(a, 'the tax could wait')?.speaker, 'governor');
    assert.equal(claim(a, 'the plant will close')?.speaker, 'memo');
    assert.equal(claim(a, 'the catch is shrinking')?.source?.text, 'Fishermen');
  });

  it('does not take nouns, adjuncts or non-speech verbs for cues', () => {
    const a = analyze(
      'Four states have legalized the crop. Hunters with permits in their home states to carry rifles were turned away. The court filing adds more confusion to the case. Police responded soon after. The ferry left at noon, the captain said in a statement.',
    );
    assert.deepEqual(
      a.attributions.map(x => x.content.text),
      ['The ferry left at noon'],
    );
  });
});

describe('hard cases: clauses that share or pass on a source', () => {
  it('gives a verb coordinated with an attribution the same source', () => {
    const a = analyze(
      'The plan drew protests from Democrats, who called it a reckless gamble and vowed to block it. Ines Moreau, 61, lives by the dam and said the water rose fast.',
    );
    assert.equal(one(a, 'it a reckless gamble'), 'Democrats | called | it a reckless gamble');
    assert.equal(one(a, 'to block it'), 'Democrats | vowed | to block it');
    assert.equal(one(a, 'the water rose fast'), 'Ines Moreau | said | the water rose fast');
  });

  it('gives "…, according to X" its own attribution beside the one inside the clause', () => {
    const a = analyze(
      'In March, Ines Moreau insisted that she had “every right to stay,” according to the Gazette. In fact, according to the auditors, the books were balanced.',
    );
    assert.equal(claim(a, 'she had')?.speaker, 'Ines Moreau');
    assert.equal(claim(a, 'In March')?.cue?.text, 'according to');
    assert.equal(one(a, 'the books were balanced'), 'auditors | according to | the books were balanced');
    assert.ok(!claim(a, 'In fact'));
  });

  it('keeps the role before a name out of the content, and reads possessive sources', () => {
    const a = analyze(
      'The paper stood by its report, its editor, Ines Moreau, said on Friday. Senator Lena Varga was hurt in the crash. Before the surgery, she was “calm and joking with nurses,” her office said.',
    );
    assert.equal(one(a, 'The paper stood'), 'Ines Moreau | said | The paper stood by its report');
    assert.equal(claim(a, 'calm and joking')?.speaker, "Lena Varga's office");
  });

  it('credits a document to the organisation that published it', () => {
    const a = analyze(
      'Officials disputed an article published by the Harbour Herald on Monday saying that the port would close.',
    );
    assert.equal(claim(a, 'the port would close')?.speaker, 'Harbour Herald');
  });
});

describe('hard cases: bare clauses, quotations across paragraphs, continuations and pronouns', () => {
  it('takes a clause without "that" after suggested, contended, confirmed, but not a noun phrase', () => {
    const a = analyze(
      'But Ines Moreau suggested she would feel safer with a guard. The mayor contended the flood damage amounted to a disaster. Moreau suggested a possible compromise to the council. Ines Moreau recalled when she was a child.',
    );
    assert.equal(one(a, 'she would feel safer'), 'Ines Moreau | suggested | she would feel safer with a guard');
    assert.equal(claim(a, 'the flood damage')?.speaker, 'mayor');
    assert.ok(!claim(a, 'a possible compromise'));
    assert.ok(!claim(a, 'when she was'));
  });

  it('does not credit a passive subject or a time phrase', () => {
    const a = analyze(
      'The clerk was told to shred the files. The video, which the mayor tweeted Wednesday evening, went viral.',
    );
    assert.deepEqual(
      a.attributions.map(x => x.content.text),
      [],
    );
  });

  it('reads the end of a quotation opened in the paragraph before, when a cue follows its closing mark', () => {
    const a = analyze(
      'The mayor answered on Twitter. "Ines Moreau, whom I barely know, ran the port badly for years.\n\nShe was about to be replaced anyway," the mayor tweeted.\n\nThe council met on Monday and then it ended," she said.',
    );
    assert.equal(claim(a, 'She was about to be replaced')?.speaker, 'mayor');
    assert.equal(claim(a, 'She was about to be replaced')?.kind, 'direct');
    assert.equal(a.attributions.filter(x => x.content.text.startsWith('The council met')).length, 1);
  });

  it('gives a quotation after "…," X tweeted. its speaker, and reads "went on to say"', () => {
    const a = analyze(
      '"The port is safe," Mayor Ines Moreau tweeted.\n\n"Nobody was hurt and the ferries run again!"\n\n"We owe the crews a great deal," she went on to say.',
    );
    assert.equal(claim(a, 'Nobody was hurt')?.speaker, 'Ines Moreau');
    assert.equal(one(a, 'We owe the crews'), 'Ines Moreau | went on to say | We owe the crews a great deal');
  });

  it('resolves he and she by the titles the text gives, and "it" to an organisation', () => {
    const a = analyze(
      'Ms. Ines Moreau met Mr. Tomas Brekke at the port. “We had no choice,” she said. The Harbour Authority said in a report that the quay was unsafe. Mr. Brekke disputed the report. It said that repairs would take a year.',
    );
    assert.equal(claim(a, 'We had no choice')?.speaker, 'Ines Moreau');
    assert.equal(claim(a, 'repairs would take')?.speaker, 'Harbour Authority');
  });
});

describe('hard cases: speakers named by a title or a pronoun', () => {
  it('resolves he and she by the usual gender of a given name when no title says it', () => {
    const a = analyze(
      'Margaret Olsen chairs the port board. Thomas Whitby, who runs the ferry line, met her on Monday. “The quay will be rebuilt,” she said. “We will keep sailing,” he said.',
    );
    assert.equal(claim(a, 'The quay will be rebuilt')?.speaker, 'Margaret Olsen');
    assert.equal(claim(a, 'We will keep sailing')?.speaker, 'Thomas Whitby');
  });

  it('resolves "the president" to the person the text gave that title', () => {
    const a = analyze(
      'President Ines Moreau met Tomas Brekke on Monday. Later, the president said the port would reopen.',
    );
    assert.equal(claim(a, 'the port would reopen')?.speaker, 'Ines Moreau');
  });

  it('never resolves a pronoun to a party-and-state tag', () => {
    const a = analyze('Rep. Tomas Brekke, D-Minn., spoke first. “We must read every word,” he said.');
    assert.equal(claim(a, 'We must read')?.speaker, 'Tomas Brekke');
  });
});

describe('hard cases: counts, relative clauses in sources, and adjuncts before a quotation', () => {
  it('keeps "at least one …" as a source, and a name in its relative clause out of the speaker', () => {
    const a = analyze(
      'At least one party insider who met Ines Moreau told the Harbour Herald that she would run again.',
    );
    assert.equal(claim(a, 'she would run again')?.speaker, 'at least one party insider');
  });

  it('reads the quotation after an adjunct and a comma as what was said', () => {
    const a = analyze(
      'Mayor Ines Moreau added later, “That is a decision for every member.” The harbour master said in an interview, “we also want a plan.”',
    );
    assert.equal(one(a, 'That is a decision'), 'Ines Moreau | added | That is a decision for every member.');
    assert.equal(claim(a, 'we also want a plan')?.speaker, 'harbour master');
  });
});
