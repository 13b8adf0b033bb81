// Who said it: the speaker labels a reader sees in the Sources list, on our own invented sentences. Two people said
// jointly, a document and whose it is, a spokeswoman for an organisation, a counted group of a named body, a share of a
// group, a group by the number the text gives it; and across articles, one source under one name and no more.
import * as assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../src/core';
import { crossCheck } from '../../src/core/cross/crossdoc';

const claim = (a: Analysis, startsWith: string) => a.attributions.find(x => x.content.text.startsWith(startsWith));
const speaker = (text: string, startsWith: string) => claim(analyze(text), startsWith)?.speaker;

describe('hard cases: speaker labels', () => {
  it('names two people said jointly as one source, with their titles and home states left out', () => {
    const a = analyze(
      'Assembly Speaker Nora Quell and Senate Minority Leader Tobias Wren said in a joint statement that the order was unlawful. ' +
        'They vowed that the legislature would fight it. ' +
        'Mayor Ilse Brandt of Dorrin and Senator Paul Okafor said the bridge would reopen.',
    );
    assert.equal(claim(a, 'the order was unlawful')?.speaker, 'Nora Quell and Tobias Wren');
    assert.equal(claim(a, 'the legislature would fight')?.speaker, 'Nora Quell and Tobias Wren');
    assert.equal(claim(a, 'the bridge would reopen')?.speaker, 'Ilse Brandt and Paul Okafor');
  });

  it('"X, along with Y, argue": both speak, and "several other members" is the group, not a count', () => {
    const a = analyze(
      'Attorney General Lea Marsh filed the brief on Monday. Marsh, along with Dorrin Attorney General Sam Pike, argue that the rule is void. ' +
        'Representative Dale Lind spoke to reporters. He, along with several other members of the assembly, suggested that guards be added.',
    );
    assert.equal(claim(a, 'the rule is void')?.speaker, 'Lea Marsh and Sam Pike');
    assert.equal(claim(a, 'guards be added')?.speaker, 'Dale Lind and other members of the assembly');
  });

  it('a document speaks for whoever filed or wrote it', () => {
    assert.equal(
      speaker('The lawsuit from Ohio and Iowa argues that the canal permit is void.', 'the canal permit'),
      'Ohio and Iowa lawsuit',
    );
    assert.equal(
      speaker(
        'Board chair Tom Lind quit. Lind’s resignation letter addressed to Mayor Ann Roe indicates that his last day is May 2.',
        'his last day',
      ),
      'Lind resignation letter',
    );
    assert.equal(
      speaker('The states of Ohio and Iowa said the canal permit was void.', 'the canal permit'),
      'Ohio and Iowa',
    );
  });

  it('a spokeswoman for an organisation, a counted group of a named body, and unnamed sources', () => {
    assert.equal(
      speaker('A spokeswoman for Riverside General Hospital said the patient was stable.', 'the patient'),
      'Riverside General Hospital spokeswoman',
    );
    assert.equal(
      speaker('Two Harbor Authority officials said the quay would close.', 'the quay'),
      'Harbor Authority officials (2)',
    );
    assert.equal(speaker('Sources said the deal was off.', 'the deal'), 'anonymous sources');
    assert.equal(speaker('Two sources said the deal was off.', 'the deal'), 'anonymous sources (2)');
  });

  it('a share of a group is the group; a group keeps its number; a country before an agency stays', () => {
    assert.equal(
      speaker('Some sheriffs in border towns said the traffic had grown.', 'the traffic'),
      'sheriffs in border towns',
    );
    assert.equal(speaker('Republicans said the bill was dead.', 'the bill'), 'Republicans');
    assert.equal(
      speaker('In a memo, the U.S. Justice Department noted it lacks the staff to check every claim.', 'it lacks'),
      'U.S. Justice Department',
    );
  });

  it('an adverb or "himself" between the source and its verb is not part of the source', () => {
    assert.equal(speaker('Ohio and Iowa likewise announced that they will sue.', 'they will sue'), 'Ohio and Iowa');
    const a = analyze('President Ines Moreau met the press. The president himself said the plan was sound.');
    assert.equal(claim(a, 'the plan was sound')?.speaker, 'Ines Moreau');
  });
});

describe('sources across articles', () => {
  const article = (doc: string, text: string) => ({ doc, text, analysis: analyze(text, { published: '2031-05-14' }) });
  const sources = (...texts: string[]) =>
    crossCheck(texts.map((t, i) => article(`${i}.txt`, t))).sources.map(s => s.speaker);

  it('lists a joint source apart from each of its people, and a lawsuit apart from who filed it', () => {
    const names = sources(
      'Assembly Speaker Nora Quell and Senate Minority Leader Tobias Wren said the order was unlawful. Quell said the vote would come soon.',
      'Ohio and Iowa said the canal permit was void. The lawsuit from Ohio and Iowa argues that the permit breaks federal law.',
    );
    for (const n of ['Nora Quell and Tobias Wren', 'Nora Quell', 'Ohio and Iowa', 'Ohio and Iowa lawsuit'])
      assert.ok(names.includes(n), `${n} in ${names.join(' | ')}`);
  });

  it('lists the order of a pair the articles use most, and keeps a committee’s name whole', () => {
    const names = sources(
      'Iowa and Ohio said the canal permit was void.',
      'Ohio and Iowa said the permit breaks federal law. Ohio and Iowa also said the canal is unsafe.',
      'The House Ethics Committee said it would look into the trip.',
    );
    assert.ok(names.includes('Ohio and Iowa'), names.join(' | '));
    assert.ok(!names.includes('Iowa and Ohio'), names.join(' | '));
    assert.ok(names.includes('House Ethics Committee'), names.join(' | '));
  });

  it('does not fold two descriptions sharing a few words into one ("sheriffs in border towns" / "sheriffs and police …")', () => {
    const names = sources(
      'Some sheriffs and police officers in rural counties bordering Dorrin have complained that the traffic has grown.',
      'Some sheriffs in border towns said the traffic had not grown.',
    );
    assert.ok(names.includes('sheriffs in border towns'), names.join(' | '));
    assert.ok(names.includes('sheriffs and police officers in rural counties bordering Dorrin'), names.join(' | '));
  });
});
