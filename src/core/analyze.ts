// The engine's one entry point: text in, plain data out.

import type { Analysis, AnalyzeOptions } from './types';
import { findAttributions } from './attributions';
import { findDates, findPublicationDate } from './dates';
import { findEntities } from './entities';
import { paragraphs, resetTokens, sentences } from './text';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Entities, dates and attributed claims of an article. Offsets are UTF-16 code units into `text` exactly as
 * given (strip a BOM before calling if spans should not count it). The publication date is
 * `options.published`, else a date line near the top of the text, else null.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  if (options.published != null && !ISO_DAY.test(options.published)) {
    throw new Error(`published must be a date as YYYY-MM-DD, not "${options.published}"`);
  }
  if (options.storyDate != null && !ISO_DAY.test(options.storyDate)) {
    throw new Error(`storyDate must be a date as YYYY-MM-DD, not "${options.storyDate}"`);
  }
  resetTokens();
  const published = options.published ?? findPublicationDate(text);
  const paras = paragraphs(text).map(para => ({ para, sents: sentences(text, para) }));
  const sents = paras.flatMap(p => p.sents);
  const entities = findEntities(text, sents);
  const dates = findDates(text, { published, storyDate: options.storyDate ?? null });
  const attributions = findAttributions(text, paras, entities);
  resetTokens(); // do not keep the text alive
  return { published, entities, dates, attributions };
}
