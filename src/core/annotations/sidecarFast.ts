// A fast reader for sidecars in the shape Newsmark writes them (and hand edits that keep that shape): block
// mappings and lists indented with spaces, one-line flow mappings and lists, double-quoted strings in JSON's
// escapes, plain words and whole numbers, comment lines. A sidecar of 20,000 annotations is read in a fraction
// of the time the full YAML library takes, and without building a node per character range.
//
// It reads nothing differently from the `yaml` package: anything outside that shape (a block scalar, single
// quotes, a tab, an anchor, a tag, a comment after a value, a key repeated, a word YAML would read as true or
// null, a number in another notation, a character YAML treats apart) makes it give up, and the sidecar is read
// by the library, which also gives the messages of a file that does not read. A differential test compares both
// on generated and mutated sidecars.

/** Where things are in the text, for edits that splice it without the library's document. */
export interface FastSpans {
  /** Per annotation: offsets of the values of its anchor's start and end ([startFrom, startTo, endFrom, endTo]), -1 when not plain digits. */
  anchorNumbers: number[];
  /** The top-level keys, and for those holding a non-empty block list: its items' column and where its last item's last line ends. */
  roots: Map<string, { column: number; end: number } | null>;
}

export interface FastRead {
  js: Record<string, unknown>;
  spans: FastSpans;
}

class GiveUp extends Error {}
const fail = (): never => {
  throw new GiveUp();
};

/** Characters YAML handles apart (control characters, line separators, a byte-order mark, half a surrogate pair): left to the library. */
const AWKWARD =
  // eslint-disable-next-line no-control-regex -- control characters are what YAML writes differently, so the fast reader gives up on them
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** A plain scalar in the characters Newsmark writes plain (see scalar in sidecar.ts). */
const PLAIN = /^[\p{L}\p{N}_][\p{L}\p{N} _./@()'’-]*$/u;
/** Plain scalars YAML 1.2's core schema reads as something other than text (the `yaml` package's tests). */
const RESERVED =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$|^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** A whole number read as such (and nothing else that YAML reads as a number). */
const INT = /^(?:0|[1-9][0-9]{0,14})$/;

function plainValue(s: string): unknown {
  if (INT.test(s)) return Number(s);
  if (s.endsWith(' ') || !PLAIN.test(s) || RESERVED.test(s)) fail();
  return s;
}

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__' || RESERVED.test(k) || Object.prototype.hasOwnProperty.call(o, k)) fail();
  o[k] = v;
}

/** Reads a sidecar in Newsmark's shape; null when the text is outside it (then the YAML library reads it). */
export function fastRead(text: string): FastRead | null {
  if (text.includes('\r') || text.includes('\t') || AWKWARD.test(text)) return null;
  try {
    return new Reader(text).read();
  } catch (e) {
    if (e instanceof GiveUp) return null;
    throw e;
  }
}

type Role = 'root' | 'annotations' | 'annotation' | 'anchor' | null;

class Reader {
  /** Start of each line. */
  private readonly starts: number[] = [0];
  private li = 0;
  private readonly spans: FastSpans = { anchorNumbers: [], roots: new Map() };
  /** End of the last line read (before its line break). */
  private lastEnd = 0;
  /** The anchor being read: its annotation's index. */
  private item = -1;

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  private lineEnd(li: number): number {
    return li + 1 < this.starts.length ? this.starts[li + 1] - 1 : this.text.length;
  }

  private indentAt(li: number): number {
    const s = this.starts[li];
    let i = s;
    while (this.text.charCodeAt(i) === 32) i++;
    return i - s;
  }

  /** The next line with something on it (not blank, not a comment), or -1. */
  private nextContent(): number {
    for (; this.li < this.starts.length; this.li++) {
      const s = this.starts[this.li] + this.indentAt(this.li);
      const e = this.lineEnd(this.li);
      if (s < e && this.text.charCodeAt(s) !== 35 /* # */) return this.li;
    }
    return -1;
  }

  read(): FastRead {
    const first = this.nextContent();
    if (first < 0 || this.indentAt(first) !== 0) fail();
    const js = this.blockMap(0, this.starts[first], 'root');
    if (this.nextContent() >= 0) fail();
    return { js, spans: this.spans };
  }

  /** A block mapping whose keys stand at `column`, its first key at offset `at` on the current line. */
  private blockMap(column: number, at: number, role: Role): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (;;) {
      const end = this.lineEnd(this.li);
      KEY.lastIndex = at;
      if (!KEY.test(this.text)) fail();
      const key = this.text.slice(at, KEY.lastIndex);
      let i = KEY.lastIndex;
      if (this.text.charCodeAt(i) !== 58 /* : */) fail();
      i++;
      let value: unknown;
      if (i === end) {
        // The value is the block below (deeper), or nothing.
        this.lastEnd = end;
        this.li++;
        const next = this.nextContent();
        const ind = next < 0 ? -1 : this.indentAt(next);
        if (ind > column) {
          const s = this.starts[next] + ind;
          const childRole: Role =
            role === 'root' && key === 'annotations'
              ? 'annotations'
              : role === 'annotation' && key === 'anchor'
                ? 'anchor'
                : null;
          if (this.text.startsWith('- ', s) || (this.text.charCodeAt(s) === 45 && s + 1 === this.lineEnd(next))) {
            value = this.blockSeq(ind, childRole);
            if (role === 'root') this.spans.roots.set(key, { column: ind, end: this.lastEnd });
          } else {
            value = this.blockMap(ind, s, childRole);
          }
        } else {
          value = null;
        }
      } else {
        if (this.text.charCodeAt(i) !== 32) fail();
        i++;
        const v = this.inline(i, end, key, role);
        if (v.end !== end) fail();
        value = v.value;
        this.lastEnd = end;
        this.li++;
      }
      if (role === 'root' && !this.spans.roots.has(key)) this.spans.roots.set(key, null);
      setKey(o, key, value);
      const next = this.nextContent();
      if (next < 0) return o;
      const ind = this.indentAt(next);
      if (ind < column) return o;
      if (ind > column) fail();
      at = this.starts[next] + ind;
      if (
        this.text.charCodeAt(at) === 45 /* - */ &&
        (this.text.charCodeAt(at + 1) === 32 || at + 1 === this.lineEnd(next))
      )
        return o; // a list item at this column: the mapping was a list item's
    }
  }

  /** A block list whose dashes stand at `column`. */
  private blockSeq(column: number, role: Role): unknown[] {
    const out: unknown[] = [];
    for (;;) {
      const s = this.starts[this.li] + column;
      const end = this.lineEnd(this.li);
      if (this.text.charCodeAt(s) !== 45 || this.text.charCodeAt(s + 1) !== 32) fail();
      const at = s + 2;
      const c = this.text.charCodeAt(at);
      if (at >= end || c === 32) fail();
      const itemRole: Role = role === 'annotations' ? 'annotation' : null;
      if (itemRole === 'annotation') {
        this.item = out.length;
        this.spans.anchorNumbers.push(-1, -1, -1, -1);
      }
      KEY.lastIndex = at;
      const keyed =
        KEY.test(this.text) &&
        this.text.charCodeAt(KEY.lastIndex) === 58 &&
        (KEY.lastIndex + 1 === end || this.text.charCodeAt(KEY.lastIndex + 1) === 32);
      if (keyed) {
        out.push(this.blockMap(column + 2, at, itemRole));
      } else {
        const v = this.inline(at, end, null, null);
        if (v.end !== end) fail();
        out.push(v.value);
        this.lastEnd = end;
        this.li++;
      }
      const next = this.nextContent();
      if (next < 0) return out;
      const ind = this.indentAt(next);
      if (ind < column) return out;
      if (ind > column) fail();
      const n = this.starts[next] + ind;
      if (this.text.charCodeAt(n) !== 45) return out; // a key at the list's column ends it (the parent is a mapping at this column)
    }
  }

  /** A value on one line from offset i: a quoted string, a flow mapping or list, a number or a plain word. */
  private inline(i: number, end: number, key: string | null, role: Role): { value: unknown; end: number } {
    const c = this.text.charCodeAt(i);
    if (c === 34) return this.quoted(i, end);
    if (c === 123) return this.flowMap(i, end, role === 'annotation' && key === 'anchor' ? 'anchor' : null);
    if (c === 91) return this.flowSeq(i, end);
    const s = this.text.slice(i, end);
    const v = plainValue(s);
    if (role === 'anchor' && typeof v === 'number') this.number(key!, i, end);
    return { value: v, end };
  }

  private number(key: string, from: number, to: number): void {
    if (this.item < 0 || (key !== 'start' && key !== 'end')) return;
    const k = 4 * this.item + (key === 'start' ? 0 : 2);
    this.spans.anchorNumbers[k] = from;
    this.spans.anchorNumbers[k + 1] = to;
  }

  private quoted(i: number, end: number): { value: string; end: number } {
    let j = i + 1;
    for (; j < end; j++) {
      const c = this.text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 34) break;
    }
    if (j >= end) fail();
    let value: unknown;
    try {
      value = JSON.parse(this.text.slice(i, j + 1));
    } catch {
      fail();
    }
    return { value: value as string, end: j + 1 };
  }

  private spaces(i: number): number {
    while (this.text.charCodeAt(i) === 32) i++;
    return i;
  }

  /** A value inside a flow collection: up to , } or ]. */
  private flowValue(i: number, end: number, key: string | null, role: Role): { value: unknown; end: number } {
    const c = this.text.charCodeAt(i);
    if (c === 34) return this.quoted(i, end);
    if (c === 123) return this.flowMap(i, end, null);
    if (c === 91) return this.flowSeq(i, end);
    let j = i;
    while (j < end) {
      const d = this.text.charCodeAt(j);
      if (d === 44 || d === 125 || d === 93) break;
      j++;
    }
    let k = j;
    while (k > i && this.text.charCodeAt(k - 1) === 32) k--;
    if (k === i) fail();
    const v = plainValue(this.text.slice(i, k));
    if (role === 'anchor' && typeof v === 'number' && key) this.number(key, i, k);
    return { value: v, end: k };
  }

  private flowMap(i: number, end: number, role: Role): { value: Record<string, unknown>; end: number } {
    const o: Record<string, unknown> = {};
    i = this.spaces(i + 1);
    if (this.text.charCodeAt(i) === 125) return { value: o, end: i + 1 };
    for (;;) {
      KEY.lastIndex = i;
      if (!KEY.test(this.text)) fail();
      const key = this.text.slice(i, KEY.lastIndex);
      i = KEY.lastIndex;
      if (this.text.charCodeAt(i) !== 58 || this.text.charCodeAt(i + 1) !== 32) fail();
      i = this.spaces(i + 2);
      const v = this.flowValue(i, end, key, role);
      setKey(o, key, v.value);
      i = this.spaces(v.end);
      const c = this.text.charCodeAt(i);
      if (i >= end) fail();
      if (c === 125) return { value: o, end: i + 1 };
      if (c !== 44) fail();
      i = this.spaces(i + 1);
      if (i >= end || this.text.charCodeAt(i) === 125) fail();
    }
  }

  private flowSeq(i: number, end: number): { value: unknown[]; end: number } {
    const out: unknown[] = [];
    i = this.spaces(i + 1);
    if (this.text.charCodeAt(i) === 93) return { value: out, end: i + 1 };
    for (;;) {
      const v = this.flowValue(i, end, null, null);
      // `[a: b]` is a mapping in a list for YAML: left to the library.
      if (typeof v.value === 'string' && this.text.charCodeAt(v.end) === 58) fail();
      out.push(v.value);
      i = this.spaces(v.end);
      const c = this.text.charCodeAt(i);
      if (i >= end) fail();
      if (c === 93) return { value: out, end: i + 1 };
      if (c !== 44) fail();
      i = this.spaces(i + 1);
      if (i >= end || this.text.charCodeAt(i) === 93) fail();
    }
  }
}
