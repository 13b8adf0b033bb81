// The engine's entry points: text in, plain data out.
//
// Work is done paragraph by paragraph, on each paragraph's own text, and kept by that text: an analyzer that
// sees the same article again after an edit redoes only the paragraphs that changed, then the cheap passes
// over the whole article (one canonical name per person, years for dates, speakers of claims).

import type { Analysis, AnalyzeOptions, Attribution, Entity } from './types';
import { paragraphAttributions, resolveSpeakers } from './attributions';
import { type DateHit, findPublicationDate, paragraphDateHits, resolveDates } from './dates';
import { type Candidate, paragraphCandidates, resolveEntities } from './entities';
import { paragraphs, resetTokens, sentences } from './text';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What one paragraph yields on its own, with offsets into the paragraph. */
interface Local {
  cands: Candidate[];
  dateHits: DateHit[];
  claims: Attribution[];
}

/** Everything one paragraph yields on its own. */
function readParagraph(ptext: string): Local {
  const sents = sentences(ptext, { start: 0, end: ptext.length });
  const cands = paragraphCandidates(ptext, sents);
  // Claims need to know where names are; a word not yet typed (resolved over the whole article) is taken as a
  // person's name, which is what a capitalised unknown word beside a speech verb almost always is.
  const names: Entity[] = cands.map(c => ({
    text: '',
    start: c.start,
    end: c.end,
    type: c.type ?? 'PERSON',
    canonical: '',
  }));
  const claims = paragraphAttributions(ptext, sents, names);
  resetTokens();
  return { cands, dateHits: paragraphDateHits(ptext), claims };
}

export interface Analyzer {
  /** Analyses a text; paragraphs it saw in the previous call are not analysed again. */
  analyze(text: string, options?: AnalyzeOptions): Analysis;
}

/** A candidate moved by `by` (every field copied by name: one object shape, no generic property copy). */
const shiftCand = (c: Candidate, by: number): Candidate => ({
  start: c.start + by,
  end: c.end + by,
  type: c.type,
  canonical: c.canonical,
  personCue: c.personCue,
  evidence: c.evidence,
  weak: c.weak,
  speechOnly: c.speechOnly,
  namedFor: c.namedFor,
  relative: c.relative,
  gender: c.gender,
});
/** A date hit moved by `by`; `inner` and `tense` are kept only where the hit has them. */
const shiftHit = (h: DateHit, by: number): DateHit => {
  const y: DateHit = { start: h.start + by, end: h.end + by, rule: h.rule, groups: h.groups };
  if (h.inner !== undefined) y.inner = h.inner;
  if (h.tense !== undefined) y.tense = h.tense;
  return y;
};

/** An analyzer that keeps the paragraphs of the last text it analysed, for fast re-analysis after edits. */
export function createAnalyzer(): Analyzer {
  let locals = new Map<string, Local>();
  return {
    analyze(text, options = {}) {
      if (options.published != null && !ISO_DAY.test(options.published)) {
        throw new Error(`published must be a date as YYYY-MM-DD, not "${options.published}"`);
      }
      if (options.storyDate != null && !ISO_DAY.test(options.storyDate)) {
        throw new Error(`storyDate must be a date as YYYY-MM-DD, not "${options.storyDate}"`);
      }
      resetTokens();
      const published = options.published ?? findPublicationDate(text);
      const paras = paragraphs(text);
      const nextLocals = new Map<string, Local>();
      const used: Local[] = [];
      const cands: Candidate[] = [];
      const hits: DateHit[] = [];
      for (const p of paras) {
        const ptext = text.slice(p.start, p.end);
        let local = nextLocals.get(ptext) ?? locals.get(ptext);
        if (!local) local = readParagraph(ptext);
        nextLocals.set(ptext, local);
        used.push(local);
        for (const c of local.cands) cands.push(shiftCand(c, p.start));
        for (const h of local.dateHits) hits.push(shiftHit(h, p.start));
      }
      locals = nextLocals;

      const entities = resolveEntities(text, cands);
      const dates = resolveDates(text, hits, { published, storyDate: options.storyDate ?? null });

      const attributions: Attribution[] = [];
      paras.forEach((p, i) => {
        for (const a of used[i].claims) {
          attributions.push({
            source: a.source && { text: a.source.text, start: a.source.start + p.start, end: a.source.end + p.start },
            cue: a.cue && { text: a.cue.text, start: a.cue.start + p.start, end: a.cue.end + p.start },
            content: { text: a.content.text, start: a.content.start + p.start, end: a.content.end + p.start },
            kind: a.kind,
            speaker: null,
          });
        }
      });
      const claims = resolveSpeakers(text, attributions, entities);
      resetTokens();
      return { published, entities, dates, attributions: claims };
    },
  };
}

/**
 * Entities, dates and attributed claims of an article. Offsets are UTF-16 code units into `text` exactly as
 * given (strip a BOM before calling if spans should not count it). The publication date is
 * `options.published`, else a date line near the top of the text, else null.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return createAnalyzer().analyze(text, options);
}
