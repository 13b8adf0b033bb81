// The features of the cross-article check by number (a check of tens of thousands of articles meets millions of
// them): each feature's number found through a table of numbers with open addressing, not a Map, whose entries cost
// several times more.

/** A string's hash (FNV-1a over its code units, mixed so that nearby keys spread over the table). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
}

/** Strings numbered 0, 1, 2 … in the order they were added: a Map from string to number, for that use only. */
export class Vocabulary {
  /** Each number's string. */
  readonly names: string[] = [];
  /** Number + 1 of the string in each slot (0: none), at most half the slots taken. */
  private table = new Int32Array(1024);

  get size(): number {
    return this.names.length;
  }

  get(s: string): number | undefined {
    const table = this.table;
    const mask = table.length - 1;
    for (let h = hash(s) & mask; ; h = (h + 1) & mask) {
      const v = table[h];
      if (v === 0) return undefined;
      if (this.names[v - 1] === s) return v - 1;
    }
  }

  /** Adds a string not yet in it as number `id`, which must be its size (the next number). */
  set(s: string, id: number): this {
    if (id !== this.names.length) throw new Error('Vocabulary: numbers are given in turn');
    if (2 * (id + 1) > this.table.length) this.grow();
    this.put(s, id);
    this.names.push(s);
    return this;
  }

  private put(s: string, id: number): void {
    const table = this.table;
    const mask = table.length - 1;
    let h = hash(s) & mask;
    while (table[h] !== 0) h = (h + 1) & mask;
    table[h] = id + 1;
  }

  private grow(): void {
    this.table = new Int32Array(2 * this.table.length);
    for (let id = 0; id < this.names.length; id++) this.put(this.names[id], id);
  }
}
