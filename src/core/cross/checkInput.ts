// Compact records for the cross-article check: what the check needs of an article, made as soon as it is analysed,
// so that a check of thousands of articles holds no more of each than that (not its whole analysis).
//
// A record is an ArticleInput whose analysis keeps only what the check reads after preparing an article (its
// publication date, entities and attributions; its dates are read once, into its statements), with the article's
// statements prepared and kept with it (see prepareArticle). crossCheck takes records as it takes full inputs, with
// the same result, provided they are made in the order they are checked (the check numbers features as first met).

import type { Analysis } from '../engine/types';
import { type ArticleInput, type CheckOptions, crossCheck, type CrossResult, prepareArticle } from './crossdoc';

const NO_DATES: Analysis['dates'] = [];

/** The compact record of an analysed article, prepared for the check now (make them in the order they are checked). */
export function checkInputOf(a: ArticleInput): ArticleInput {
  const analysis: Analysis = {
    published: a.analysis.published,
    entities: a.analysis.entities,
    dates: NO_DATES,
    attributions: a.analysis.attributions,
  };
  prepareArticle(a, analysis);
  return a.label === undefined
    ? { doc: a.doc, text: a.text, analysis }
    : { doc: a.doc, label: a.label, text: a.text, analysis };
}

/**
 * A check made article by article: each article added is reduced to its compact record at once (its full analysis can
 * then be let go), and `result` checks those added, in the order they were added.
 */
export class CrossChecker {
  private records: ArticleInput[] = [];

  add(a: ArticleInput): void {
    this.records.push(checkInputOf(a));
  }

  get size(): number {
    return this.records.length;
  }

  /** The check of the articles added; with `release`, the records are let go (the checker starts again empty). */
  result(opts: CheckOptions = {}, release = false): CrossResult {
    const records = this.records;
    if (release) this.records = [];
    return crossCheck(records, opts);
  }
}
