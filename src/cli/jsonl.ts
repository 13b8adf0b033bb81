// Output that is written as it is made: JSON Lines one object at a time, and the big JSON documents element by
// element, never as one string of the whole (a check of thousands of articles would need gigabytes for it).

/** Where output goes: a function that writes, and (for streams that can be full) a way to wait until they are not. */
export interface Sink {
  write: (s: string) => unknown;
  /** Resolves when the stream takes more output; called when `write` returned false. */
  drain?: () => Promise<void>;
}

/** Gathers small pieces into writes of about 64 KB, and waits for a full stream before going on. */
export class Writer {
  private parts: string[] = [];
  private size = 0;
  constructor(
    private readonly sink: Sink,
    private readonly chunk = 1 << 16,
  ) {}

  async write(s: string): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= this.chunk) await this.flush();
  }

  /** One JSON object as a line. */
  line(value: unknown): Promise<void> {
    return this.write(JSON.stringify(value) + '\n');
  }

  /**
   * One JSON object as a line, from code that cannot wait (a check writing its claims as it makes them): written when
   * a chunk is full, without waiting for a full stream (standard output to a file or a pipe is written at once on
   * Linux and macOS; a terminal or socket elsewhere may hold it until it drains).
   */
  lineNow(value: unknown): void {
    const s = JSON.stringify(value) + '\n';
    this.parts.push(s);
    this.size += s.length;
    if (this.size < this.chunk) return;
    const out = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.sink.write(out);
  }

  async flush(): Promise<void> {
    if (!this.size) return;
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.sink.write(s) === false && this.sink.drain) await this.sink.drain();
  }
}

/** A piece already serialised with `JSON.stringify(value, null, 2)`: written as it is. */
export class Raw {
  constructor(readonly json: string) {}
}

type Element = unknown | Raw;

/**
 * Writes an object as `JSON.stringify(obj, null, 2)` would, byte for byte, but each array among its values element
 * by element: arrays may be iterables (also asynchronous ones, whose elements are made as they are written).
 */
export async function writeJson(w: Writer, obj: Record<string, unknown>): Promise<void> {
  const entries = Object.entries(obj).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (!entries.length) {
    await w.write('{}\n');
    return;
  }
  await w.write('{');
  let firstKey = true;
  for (const [key, value] of entries) {
    await w.write(`${firstKey ? '' : ','}\n  ${JSON.stringify(key)}: `);
    firstKey = false;
    if (isList(value)) {
      let first = true;
      for await (const el of value as AsyncIterable<Element>) {
        await w.write(`${first ? '[' : ','}\n    ${indented(el)}`);
        first = false;
      }
      await w.write(first ? '[]' : '\n  ]');
    } else {
      await w.write(indented(value, '\n  '));
    }
  }
  await w.write('\n}\n');
}

function isList(v: unknown): boolean {
  if (Array.isArray(v)) return true;
  return (
    !!v &&
    typeof v === 'object' &&
    !(v instanceof Raw) &&
    (Symbol.asyncIterator in v ||
      (Symbol.iterator in v &&
        typeof (v as { toJSON?: unknown }).toJSON !== 'function' &&
        !(v instanceof Map) &&
        !(v instanceof Set)))
  );
}

/** A value as JSON.stringify(…, null, 2) writes it, each line after the first indented to its depth. */
function indented(v: unknown, nl = '\n    '): string {
  const s = v instanceof Raw ? v.json : (JSON.stringify(v, null, 2) ?? 'null');
  // JSON strings hold no raw line breaks: every \n in the text is between tokens.
  return s.replace(/\n/g, nl);
}
