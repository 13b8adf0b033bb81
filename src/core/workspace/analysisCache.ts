// The analysis cache: the engine's results kept by what they depend on (engine version, the article's dates, its
// text), saved as one JSON file through the port with the one atomic writer, so a reopened workspace is ready at once.

import type { Analysis } from '../engine/types';
import { writeAtomic } from '../annotations/store';
import { fnv1a } from '../engine/text';
import type { WorkspaceFs } from './port';

export class AnalysisCache {
  private map = new Map<string, Analysis>();
  private loaded = false;
  private dirty = false;

  /** `file`: where the cache is kept (null: in memory only); `engine`: the engine's version, part of every key. */
  constructor(
    private readonly fs: WorkspaceFs,
    private readonly file: string | null,
    private readonly engine: string,
  ) {}

  /** The key of an analysis: the engine, the dates it was resolved against, and the text. */
  keyOf(text: string, dates: { published?: string | null; storyDate?: string | null }): string {
    const s = `${dates.published ?? ''}|${dates.storyDate ?? ''}|${text}`;
    return `${this.engine}:${s.length}:${fnv1a(s).toString(36)}`;
  }

  get(key: string): Analysis | undefined {
    return this.map.get(key);
  }

  set(key: string, analysis: Analysis): void {
    this.map.set(key, analysis);
    this.dirty = true;
  }

  get size(): number {
    return this.map.size;
  }

  /** Reads the saved cache once (a missing or unreadable one is an empty cache). */
  async load(): Promise<void> {
    if (this.loaded || !this.file) return;
    this.loaded = true;
    try {
      const raw = await this.fs.read(this.file);
      if (raw)
        for (const [k, v] of Object.entries(JSON.parse(raw) as Record<string, Analysis>))
          if (!this.map.has(k)) this.map.set(k, v);
    } catch {
      /* a damaged cache is rebuilt */
    }
  }

  /** Saves the analyses whose keys are still `live` (others are dropped), when anything changed since the last save. */
  async save(live: Iterable<string>): Promise<void> {
    if (!this.file || !this.dirty) return;
    this.dirty = false;
    const keep = new Set(live);
    for (const k of [...this.map.keys()]) if (!keep.has(k)) this.map.delete(k);
    await writeAtomic(this.fs, this.file, JSON.stringify(Object.fromEntries(this.map)));
  }
}
