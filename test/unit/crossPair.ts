// Two invented articles checked against each other, for the cross-article check's rule tests.
import { analyze } from '../../src/core';
import { type CrossConflict, crossCheck } from '../../src/core/cross/crossdoc';

/** An article analysed as published on one fixed day (its relative dates resolve against it). */
export const article = (doc: string, text: string, published = '2031-05-14') => ({
  doc,
  text,
  analysis: analyze(text, { published }),
});

/** The conflicts between two articles, a.txt and b.txt, listed from a confidence (all of them by default). */
export const check = (a: string, b: string, minConfidence = 0): CrossConflict[] =>
  crossCheck([article('a.txt', a), article('b.txt', b)], { minConfidence }).conflicts;

/** Those of the conflicts whose two statements both match a pattern. */
export const about = (cs: CrossConflict[], re: RegExp): CrossConflict[] =>
  cs.filter(c => re.test(c.a.text) && re.test(c.b.text));
