// The story's chronology: every resolved date of every article placed on one calendar axis, with the sentence it
// dates, and the dates that articles give differently for the same statement marked as disagreeing.

import type { ArticleInput, CrossConflict } from './crossdoc';
import { daysInMonth, fromDays, isoDate, paragraphs, sentences, toDays } from '../engine/text';

export interface TimelineEvent {
  /** The date as the engine resolved it (YYYY-MM-DD, YYYY-MM, YYYY, YYY for a decade, YYYY-Www). */
  value: string;
  /** The days it covers, as day numbers (see toDays), first and last. */
  from: number;
  to: number;
  /** The days it covers as YYYY-MM-DD. */
  fromIso: string;
  toIso: string;
  doc: string;
  /** The date's words in the article. */
  start: number;
  end: number;
  mention: string;
  /** The sentence it dates. */
  sentence: string;
  /** Other articles that date this statement differently (from the cross-article check). */
  disagrees: { doc: string; start: number; end: number; explanation: string }[];
}

/** The days a resolved value covers, or null for one the calendar cannot place. */
export function daysOf(value: string): [number, number] | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    const d = toDays(+m[1], +m[2], +m[3]);
    return [d, d];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value)))
    return [toDays(+m[1], +m[2], 1), toDays(+m[1], +m[2], daysInMonth(+m[1], +m[2]))];
  if ((m = /^(\d{4})$/.exec(value))) return [toDays(+m[1], 1, 1), toDays(+m[1], 12, 31)];
  if ((m = /^(\d{3})$/.exec(value))) return [toDays(+m[1] * 10, 1, 1), toDays(+m[1] * 10 + 9, 12, 31)];
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    // ISO week 1 holds 4 January; weeks start on Monday.
    const jan4 = toDays(+m[1], 1, 4);
    const monday = jan4 - ((((jan4 + 3) % 7) + 7) % 7); // toDays(1970-01-01) = 0 was a Thursday
    const first = monday + (+m[2] - 1) * 7;
    return [first, first + 6];
  }
  return null;
}

/** The dated statements of the articles, in calendar order (then by article and place). */
export function timelineOf(articles: ArticleInput[], conflicts: CrossConflict[] = []): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const dateConflicts = conflicts.filter(c => c.kind === 'date');
  for (const a of articles) {
    const spans = paragraphs(a.text).flatMap(p => sentences(a.text, p));
    let k = 0;
    const dates = [...a.analysis.dates].sort((x, y) => x.start - y.start);
    for (const d of dates) {
      if (!d.value) continue;
      const days = daysOf(d.value);
      if (!days) continue;
      while (k < spans.length - 1 && spans[k].end <= d.start) k++;
      const s = spans[k] && spans[k].start <= d.start ? spans[k] : { start: d.start, end: d.end };
      const disagrees = dateConflicts.flatMap(c => {
        const [mine, other] =
          c.a.doc === a.doc && c.a.start <= d.start && d.end <= c.a.end
            ? [c.a, c.b]
            : c.b.doc === a.doc && c.b.start <= d.start && d.end <= c.b.end
              ? [c.b, c.a]
              : [null, null];
        return mine && other
          ? [{ doc: other.doc, start: other.start, end: other.end, explanation: c.explanation }]
          : [];
      });
      const iso = (n: number) => isoDate(...fromDays(n));
      out.push({
        value: d.value,
        from: days[0],
        to: days[1],
        fromIso: iso(days[0]),
        toIso: iso(days[1]),
        doc: a.doc,
        start: d.start,
        end: d.end,
        mention: d.text,
        sentence: a.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim(),
        disagrees,
      });
    }
  }
  const order = new Map(articles.map((a, i) => [a.doc, i]));
  return out.sort(
    (x, y) => x.from - y.from || x.to - y.to || order.get(x.doc)! - order.get(y.doc)! || x.start - y.start,
  );
}
