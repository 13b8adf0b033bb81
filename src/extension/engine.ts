// The extension's side of the analysis worker: a small async interface over messages (analyse a text, keep and
// check the workspace's articles, load and save the analysis cache), with stale requests cancelled. A long answer
// is taken in part by part, one per task, so the extension host stays free for other work meanwhile. How the worker
// is started is the platform's business (spawnWorker.ts on the desktop, spawnWorker.web.ts on the web); when it
// cannot start, the same service runs on the extension host itself, one request per task.

import type { Analysis, AnalyzeOptions } from '../core';
import type { CheckOptions, CrossResult, CrossSource, Mention } from '../core/cross/crossdoc';
import type { Judgements } from '../core/workspace/model';
import {
  type ArticleAnswer,
  type ArticleItem,
  type CheckSummary,
  type EngineRequest,
  type ListItem,
  type ListName,
  type PlacedConflict,
  type EngineResult,
  type FromWorker,
  serveEngine,
  type ToWorker,
} from '../worker/engineServer';

/** A started worker, whatever its kind. */
export interface WorkerLike {
  /** Sends a message; the buffers listed in `transfer` are moved to the worker, not copied. */
  postMessage(m: ToWorker, transfer?: ArrayBuffer[]): void;
  onMessage(f: (m: FromWorker) => void): void;
  /** Called when the worker fails or exits. */
  onExit(f: (why: string) => void): void;
  terminate(): void;
}

/** A request given up because a newer one for the same document replaced it. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled: superseded by a newer request');
  }
}

/** The engine service on this thread: what runs when no worker can be started. */
export function inProcess(): WorkerLike {
  let toClient: (m: FromWorker) => void = () => undefined;
  let toServer: (m: ToWorker) => void = () => undefined;
  serveEngine(
    f => {
      toServer = f;
    },
    m => toClient(m),
  );
  return {
    postMessage: m => toServer(m),
    onMessage: f => {
      toClient = f;
    },
    onExit: () => undefined,
    terminate: () => undefined,
  };
}

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  key?: string;
  parts?: Map<string, unknown[][]>;
};

export class Engine {
  private worker: Promise<WorkerLike>;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly latest = new Map<string, number>();
  private readonly inflight = new Set<Promise<unknown>>();
  /** Where requests run: 'worker', or 'extension host' when no worker could be started. */
  where: 'worker' | 'extension host' = 'worker';
  /** Bumped when the worker was restarted: the articles kept in it are gone and must be given again. */
  generation = 0;
  /** Checks asked for (each one's tag, for the pieces of its list sent ahead). */
  private checks = 0;

  constructor(
    private readonly spawn: () => Promise<WorkerLike | null>,
    private readonly log: (msg: string) => void = () => undefined,
  ) {
    this.worker = this.start();
  }

  private async start(): Promise<WorkerLike> {
    let w: WorkerLike | null = null;
    try {
      w = await this.spawn();
    } catch (e) {
      this.log(
        `Newsmark: the analysis worker could not start (${(e as Error).message}); analysing on the extension host`,
      );
    }
    if (!w) {
      this.where = 'extension host';
      w = inProcess();
    }
    const worker = w;
    w.onMessage(m => this.settle(m, worker));
    w.onExit(why => {
      this.log(`Newsmark: the analysis worker stopped (${why}); starting it again`);
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(new Error(`the analysis worker stopped (${why})`));
      }
      this.latest.clear();
      this.generation++;
      this.worker = this.start();
    });
    return w;
  }

  private settle(m: FromWorker, w: WorkerLike): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if ('chunk' in m) {
      const parts = (p.parts ??= new Map());
      const list = parts.get(m.chunk.field);
      if (list) list.push(m.chunk.items);
      else parts.set(m.chunk.field, [m.chunk.items]);
      // The next part in a later task: other work on this thread (the editor's) goes first.
      setTimeout(() => {
        if (this.pending.has(m.id)) w.postMessage({ id: m.id, next: true });
      }, 0);
      return;
    }
    this.pending.delete(m.id);
    if (m.ok && p.parts)
      for (const [field, lists] of p.parts) (m.value as Record<string, unknown>)[field] = lists.flat();
    if (p.key !== undefined && this.latest.get(p.key) === m.id) this.latest.delete(p.key);
    if (m.ok) p.resolve(m.value);
    else p.reject(m.cancelled ? new Cancelled() : new Error(m.error));
  }

  /**
   * Sends a request. With a key, an earlier request of the same key that has not started is cancelled (its promise
   * rejects with Cancelled): only the newest version of a document is worth analysing.
   */
  request<R extends EngineRequest>(req: R, key?: string, transfer?: ArrayBuffer[]): Promise<EngineResult<R>> {
    const id = this.nextId++;
    const p = new Promise<EngineResult<R>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, key });
      void this.worker.then(w => {
        if (key !== undefined) {
          const before = this.latest.get(key);
          if (before !== undefined && this.pending.has(before)) w.postMessage({ id: before, cancel: true });
          this.latest.set(key, id);
        }
        w.postMessage({ id, req }, transfer);
      });
    });
    this.inflight.add(p);
    const done = () => {
      this.inflight.delete(p);
    };
    p.then(done, done);
    return p;
  }

  /** Analyses a text; a newer request with the same key cancels this one if it has not started. */
  analyze(text: string, opts: AnalyzeOptions, key?: string): Promise<Analysis> {
    return this.request({ op: 'analyze', text, opts, key }, key);
  }

  /** Many texts at once (indexing): each analysed in its own task, so a cancel or another request can go between. */
  analyzeBatch(items: { text: string; opts: AnalyzeOptions }[]): Promise<Analysis[]> {
    return Promise.all(items.map(i => this.analyze(i.text, i.opts)));
  }

  forget(key: string): void {
    void this.request({ op: 'forget', key }).catch(() => undefined);
  }

  /**
   * Keeps an article for the cross-article check, analysed there: `analysis` if given, else the cache's under
   * `hash`, else a new one (kept in the cache under `hash`). The analysis stays in the worker.
   */
  article(key: string, text: string, opts: AnalyzeOptions, analysis?: Analysis, hash?: string): Promise<null> {
    return this.request({ op: 'article', name: key, text, opts, analysis, hash });
  }

  /**
   * Keeps many articles as `article` does, in one message (each is analysed in its own task there); those given by
   * path are read there (see readsFiles). Answers for each what became of it.
   */
  articles(items: ArticleItem[]): Promise<ArticleAnswer[]> {
    return this.request({ op: 'articles', items });
  }

  /** Whether the worker reads articles' files itself (a Node worker thread), asked once per worker. */
  readsFiles(): Promise<boolean> {
    if (this.reads?.generation !== this.generation)
      this.reads = {
        generation: this.generation,
        answer: this.request({ op: 'readsFiles' }).catch(() => false),
      };
    return this.reads.answer;
  }

  private reads: { generation: number; answer: Promise<boolean> } | undefined;

  /** The kept articles' texts and analyses (null for one not kept), asked for a page of keys at a time. */
  async kept(keys: string[], page = 50): Promise<({ text: string; analysis: Analysis } | null)[]> {
    const out: ({ text: string; analysis: Analysis } | null)[] = [];
    for (let i = 0; i < keys.length; i += page)
      out.push(...(await this.request({ op: 'kept', keys: keys.slice(i, i + page) })).items);
    return out;
  }

  drop(keys: string[]): void {
    if (keys.length) void this.request({ op: 'drop', names: keys }).catch(() => undefined);
  }

  /**
   * Checks the kept articles together, with the user's judgements; the result stays in the worker. The list of
   * articles goes in pieces, one message each (a message is copied on this thread in one go).
   */
  async cross(
    articles: { key: string; doc: string; label: string }[],
    opts: CheckOptions,
    judgements?: Judgements[],
    piece = 250,
  ): Promise<CheckSummary> {
    const tag = ++this.checks;
    let from = 0;
    for (; articles.length - from > piece; from += piece)
      await this.request({ op: 'crossPart', tag, articles: articles.slice(from, from + piece) });
    return this.request({ op: 'cross', tag, articles: from ? articles.slice(from) : articles, opts, judgements });
  }

  /** Items of a list of the latest check. */
  async page<L extends ListName>(list: L, from: number, count: number): Promise<ListItem<L>[]> {
    return (await this.request({ op: 'page', list, from, count })).items as ListItem<L>[];
  }

  /** The latest check's whole result (in parts), or null before the first. */
  result(): Promise<CrossResult | null> {
    return this.request({ op: 'result' });
  }

  /** The latest check's contradictions that involve these articles, placed. */
  async conflictsOf(docs: string[]): Promise<PlacedConflict[]> {
    return (await this.request({ op: 'conflictsOf', docs })).items;
  }

  /** The other articles' statements of the claims at an offset of an article. */
  async claimAt(doc: string, at: number): Promise<Mention[]> {
    return (await this.request({ op: 'claimAt', doc, at })).items;
  }

  /** The source quoted at an offset of an article. */
  sourceAt(doc: string, at: number): Promise<CrossSource | null> {
    return this.request({ op: 'sourceAt', doc, at });
  }

  /**
   * Gives the worker the saved analysis cache (UTF-8 JSON), read there: the bytes are moved, not copied (unusable
   * here afterwards). Resolves to the number of analyses the cache holds.
   */
  loadCache(bytes: Uint8Array): Promise<number> {
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    return this.request({ op: 'loadCache', bytes: own }, undefined, [own.buffer as ArrayBuffer]);
  }

  /**
   * Writes the cache file at a path in the worker (bytes written, 0 when nothing was new), or -1 when the worker
   * cannot write files (then saveCache).
   */
  writeCache(path: string): Promise<number> {
    return this.request({ op: 'writeCache', path });
  }

  /** Reads the cache file at a path in the worker (as loadCache), or -1 when it cannot read files. */
  readCache(path: string): Promise<number> {
    return this.request({ op: 'readCache', path });
  }

  /** The cache file's bytes (the kept articles' analyses, serialised in the worker), or null if nothing is new. */
  saveCache(): Promise<Uint8Array | null> {
    return this.request({ op: 'saveCache' });
  }

  /** Resolves once no request is waiting. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  dispose(): void {
    void this.worker.then(w => w.terminate());
    for (const p of this.pending.values()) p.reject(new Cancelled());
    this.pending.clear();
  }
}
