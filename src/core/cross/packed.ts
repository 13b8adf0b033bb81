// An article's analysis packed small, for a batch check that holds thousands of articles at once: its findings as
// numbers in one typed array (a span's text is the article's text there, as the engine makes it), its names, types,
// values and speakers as numbers of strings kept once for the whole batch. Unpacked, it is the analysis again (equal
// findings, made anew).

import { flat } from '../engine/text';
import type { Analysis, Attribution, DateMention, Entity, Span } from '../engine/types';

export { flat };

/** Numbers a finding takes: an entity, a date, an attribution. */
const ENTITY = 5;
const DATE = 6;
const SPAN = 3;
const ATTRIBUTION = 3 * SPAN + 2;
const HEAD = 3;

/** The strings of a batch's packed analyses, each kept once, and the packing and unpacking of analyses. */
export class Packer {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  private id(s: string | null | undefined): number {
    if (s === null) return -1;
    if (s === undefined) return -2;
    let k = this.ids.get(s);
    if (k === undefined) {
      // (Kept for the batch: not a view of an article's text.)
      s = flat(s);
      this.ids.set(s, (k = this.strings.length));
      this.strings.push(s);
    }
    return k;
  }

  private str(k: number): string | null | undefined {
    return k === -1 ? null : k === -2 ? undefined : this.strings[k];
  }

  /** A span's text as a number: -3 when it is the article's text there (as the engine makes every span). */
  private spanText(text: string, x: Span): number {
    return x.text === text.slice(x.start, x.end) ? -3 : this.id(x.text);
  }

  private span(text: string, out: Int32Array, o: number, x: Span | null): void {
    if (x === null) {
      out[o] = out[o + 1] = -1;
      out[o + 2] = -1;
      return;
    }
    out[o] = x.start;
    out[o + 1] = x.end;
    out[o + 2] = this.spanText(text, x);
  }

  private spanAt(text: string, xs: Int32Array, o: number): Span | null {
    if (xs[o] === -1 && xs[o + 1] === -1) return null;
    const start = xs[o];
    const end = xs[o + 1];
    return { text: xs[o + 2] === -3 ? text.slice(start, end) : (this.str(xs[o + 2]) as string), start, end };
  }

  /** The analysis of `text` as numbers. */
  pack(text: string, a: Analysis): Int32Array {
    const { entities, dates, attributions } = a;
    const out = new Int32Array(
      HEAD + ENTITY * entities.length + DATE * dates.length + ATTRIBUTION * attributions.length,
    );
    out[0] = entities.length;
    out[1] = dates.length;
    out[2] = attributions.length;
    let o = HEAD;
    for (const e of entities) {
      out[o] = e.start;
      out[o + 1] = e.end;
      out[o + 2] = this.spanText(text, e);
      out[o + 3] = this.id(e.type);
      out[o + 4] = this.id(e.canonical);
      o += ENTITY;
    }
    for (const d of dates) {
      out[o] = d.start;
      out[o + 1] = d.end;
      out[o + 2] = this.spanText(text, d);
      out[o + 3] = this.id(d.value);
      out[o + 4] = this.id(d.mod);
      out[o + 5] = d.relative ? 1 : 0;
      o += DATE;
    }
    for (const x of attributions) {
      this.span(text, out, o, x.source);
      this.span(text, out, o + SPAN, x.cue);
      this.span(text, out, o + 2 * SPAN, x.content);
      out[o + 3 * SPAN] = this.id(x.kind);
      out[o + 3 * SPAN + 1] = this.id(x.speaker);
      o += ATTRIBUTION;
    }
    return out;
  }

  /** The analysis again, from its numbers, the text and its publication date. */
  unpack(text: string, published: string | null, xs: Int32Array): Analysis {
    const entities: Entity[] = new Array(xs[0]);
    const dates: DateMention[] = new Array(xs[1]);
    const attributions: Attribution[] = new Array(xs[2]);
    let o = HEAD;
    for (let k = 0; k < entities.length; k++, o += ENTITY) {
      const s = this.spanAt(text, xs, o)!;
      entities[k] = {
        text: s.text,
        start: s.start,
        end: s.end,
        type: this.str(xs[o + 3]) as Entity['type'],
        canonical: this.str(xs[o + 4]) as string,
      };
    }
    for (let k = 0; k < dates.length; k++, o += DATE) {
      const s = this.spanAt(text, xs, o)!;
      dates[k] = {
        text: s.text,
        start: s.start,
        end: s.end,
        value: this.str(xs[o + 3]) as string | null,
        mod: this.str(xs[o + 4]) as DateMention['mod'],
        relative: xs[o + 5] === 1,
      };
    }
    for (let k = 0; k < attributions.length; k++, o += ATTRIBUTION)
      attributions[k] = {
        source: this.spanAt(text, xs, o),
        cue: this.spanAt(text, xs, o + SPAN),
        content: this.spanAt(text, xs, o + 2 * SPAN)!,
        kind: this.str(xs[o + 3 * SPAN]) as Attribution['kind'],
        speaker: this.str(xs[o + 3 * SPAN + 1]) as string | null,
      };
    return { published, entities, dates, attributions };
  }
}
