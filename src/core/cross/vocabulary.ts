// The features of the cross-article check by number (a check of tens of thousands of articles meets millions of
// them): each feature's number found through a table of numbers with open addressing, not a Map, whose entries cost
// several times more; the strings kept as their characters one after another in one buffer of bytes, not as a string
// each (a short string costs two or three times its characters), each with a byte of tags beside it.

import { flat } from '../engine/text';

/** A string's hash (FNV-1a over its code units, mixed so that nearby keys spread over the table). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return mix(h);
}

/** The hash of characters from..to of a buffer: the same as `hash` of the string they make. */
function hashOf(chars: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ chars[k], 0x01000193);
  return mix(h);
}

function mix(h: number): number {
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}

/**
 * Strings numbered 0, 1, 2 … in the order they were added: a Map from string to number, for that use only, which
 * gives each number's string back and keeps a byte of tags for each (see `tags`).
 */
export class Vocabulary {
  /**
   * The strings' characters, one after another: string id is chars[starts[id], starts[id + 1]), when all its
   * characters are below 256; others (few: names in other scripts) are kept whole in `wide`.
   */
  private chars = new Uint8Array(4096);
  private starts = new Int32Array(1024);
  private readonly wide = new Map<number, string>();
  private readonly codes: number[] = [];
  private count = 0;
  /** Number + 1 of the string in each slot (0: none), at most half the slots taken. */
  private table = new Int32Array(1024);
  /**
   * Each string's tags, as given when it was added (a new buffer when it grows: read it again after adding).
   */
  tags = new Uint8Array(1024);

  get size(): number {
    return this.count;
  }

  get(s: string): number | undefined {
    const table = this.table;
    const mask = table.length - 1;
    for (let h = hash(s) & mask; ; h = (h + 1) & mask) {
      const v = table[h];
      if (v === 0) return undefined;
      if (this.is(v - 1, s)) return v - 1;
    }
  }

  /** Whether string id is s. */
  private is(id: number, s: string): boolean {
    const from = this.starts[id];
    if (this.starts[id + 1] - from !== s.length) return this.wide.size > 0 && this.wide.get(id) === s;
    const chars = this.chars;
    for (let k = 0; k < s.length; k++) if (chars[from + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  /** String id. */
  name(id: number): string {
    const from = this.starts[id];
    const to = this.starts[id + 1];
    if (from === to && this.wide.size) return this.wide.get(id) ?? '';
    // (The codes through one list kept for the purpose: one string made, nothing else.)
    const codes = this.codes;
    codes.length = to - from;
    for (let k = from; k < to; k++) codes[k - from] = this.chars[k];
    return String.fromCharCode.apply(null, codes);
  }

  /** The code unit of string id at k (k < 0 counts from its end), or NaN past either end. */
  charAt(id: number, k: number): number {
    const from = this.starts[id];
    const to = this.starts[id + 1];
    if (from === to && this.wide.size && this.wide.has(id)) {
      const w = this.wide.get(id)!;
      return w.charCodeAt(k < 0 ? w.length + k : k);
    }
    const at = k < 0 ? to + k : from + k;
    return at >= from && at < to ? this.chars[at] : NaN;
  }

  /** Adds a string not yet in it as number `id`, which must be its size (the next number), with its tags. */
  set(s: string, id: number, tags = 0): this {
    if (id !== this.count) throw new Error('Vocabulary: numbers are given in turn');
    if (2 * (id + 1) > this.table.length) this.grow();
    if (id + 2 > this.starts.length) {
      this.starts = grown(this.starts, 2 * this.starts.length);
      this.tags = grown(this.tags, this.starts.length);
    }
    const from = this.starts[id];
    let narrow = true;
    for (let k = 0; k < s.length && narrow; k++) narrow = s.charCodeAt(k) < 256;
    if (narrow) {
      // (Grown by half: the buffer is most of what the vocabulary holds.)
      if (from + s.length > this.chars.length) this.chars = grown(this.chars, Math.ceil(1.5 * (from + s.length)));
      for (let k = 0; k < s.length; k++) this.chars[from + k] = s.charCodeAt(k);
      this.starts[id + 1] = from + s.length;
    } else {
      // (A copy of its own: not a view of an article's text, see flat.)
      this.wide.set(id, flat(s));
      this.starts[id + 1] = from;
    }
    this.tags[id] = tags;
    this.count++;
    this.put(hash(s), id);
    return this;
  }

  private put(h: number, id: number): void {
    const table = this.table;
    const mask = table.length - 1;
    h &= mask;
    while (table[h] !== 0) h = (h + 1) & mask;
    table[h] = id + 1;
  }

  private grow(): void {
    this.table = new Int32Array(2 * this.table.length);
    for (let id = 0; id < this.count; id++) {
      const w = this.starts[id] === this.starts[id + 1] ? this.wide.get(id) : undefined;
      this.put(w !== undefined ? hash(w) : hashOf(this.chars, this.starts[id], this.starts[id + 1]), id);
    }
  }
}

/** A copy of a buffer in a longer one. */
function grown<T extends Int32Array | Uint8Array>(xs: T, length: number): T {
  const out = new (xs.constructor as new (n: number) => T)(length);
  out.set(xs);
  return out;
}
