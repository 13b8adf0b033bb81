// What the editor draws of a long list of findings, without `vscode` (unit-tested): the ones in a window of the
// text first, and never more than a few per line, so that a huge article, or one of a single 1 MB line, does not
// flood the editor's renderer with decorations.

export interface Span {
  start: number;
  end: number;
}

/** Highlights of one kind on one line, at most (a line of ordinary prose has a handful). */
export const MAX_PER_LINE = 150;
/** Up to this many highlights in all, an editor gets them at once; above, the visible part first. */
export const EAGER_LIMIT = 2000;

/** The spans that overlap [from, to). */
export function inWindow<T extends Span>(spans: readonly T[], from: number, to: number): T[] {
  return spans.filter(s => s.end > from && s.start < to);
}

/** The spans to draw: in text order as given, at most `cap` starting on each line (`lineOf` an offset's line). */
export function capPerLine<T extends Span>(
  spans: readonly T[],
  lineOf: (offset: number) => number,
  cap = MAX_PER_LINE,
): T[] {
  const count = new Map<number, number>();
  const out: T[] = [];
  for (const s of spans) {
    const line = lineOf(s.start);
    const n = count.get(line) ?? 0;
    if (n >= cap) continue;
    count.set(line, n + 1);
    out.push(s);
  }
  return out;
}
