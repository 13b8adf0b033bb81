// The check's vocabulary: strings numbered in turn, kept as characters in one buffer, found again by their text and
// given back whole, with their tags, however many are added and in whatever script.
import * as assert from 'node:assert/strict';
import { Vocabulary } from '../../src/core/cross/vocabulary';

describe('the vocabulary of the cross-article check', () => {
  it('numbers strings in turn and finds each again, through every growth of its buffers', () => {
    const v = new Vocabulary();
    const words: string[] = [];
    // Stems, names, numbers and events as the check makes them; some in other scripts, some with accents.
    for (let k = 0; k < 30000; k++) {
      const w =
        k % 97 === 0
          ? `@Ольга ${k}`
          : k % 89 === 0
            ? `@josé núñez${k}`
            : k % 7 === 0
              ? `#${k} billion`
              : `%arrest>${k.toString(36)}`;
      words.push(w);
      assert.equal(v.get(w), undefined);
      v.set(w, v.size, k % 13);
    }
    assert.equal(v.size, words.length);
    words.forEach((w, id) => {
      assert.equal(v.get(w), id, w);
      assert.equal(v.name(id), w);
      assert.equal(v.tags[id], id % 13);
      assert.equal(v.charAt(id, 0), w.charCodeAt(0));
      assert.equal(v.charAt(id, -1), w.charCodeAt(w.length - 1));
    });
    assert.equal(v.get('@Ольга 1'), undefined, 'a string never added is not found');
    assert.equal(v.get(''), undefined);
    assert.ok(Number.isNaN(v.charAt(1, 500)), 'past its end');
  });

  it('gives numbers only in turn', () => {
    const v = new Vocabulary();
    v.set('ferry', 0);
    assert.throws(() => v.set('pier', 5), /in turn/);
  });
});
