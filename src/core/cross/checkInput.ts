// Compact records for the cross-article check: what the check needs of an article, made as soon as it is analysed,
// so that a check of thousands of articles holds no more of each than that.
//
// A record is an ArticleInput (its text and analysis) with the article prepared lean and kept with it (see
// prepareArticle): its statements as small stubs, made whole again from the record, a story at a time, when the check
// judges pairs. crossCheck takes records as it takes full inputs, with the same result, provided they are made in the
// order they are checked (the check numbers features as first met).

import type { Analysis } from '../engine/types';
import { type ArticleInput, type CheckOptions, crossCheck, type CrossResult, prepareArticle } from './crossdoc';

/** The compact record of an analysed article, prepared for the check now (make them in the order they are checked). */
export function checkInputOf(a: ArticleInput): ArticleInput {
  const analysis: Analysis = {
    published: a.analysis.published,
    entities: a.analysis.entities,
    dates: a.analysis.dates,
    attributions: a.analysis.attributions,
  };
  prepareArticle(a, analysis, true);
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
