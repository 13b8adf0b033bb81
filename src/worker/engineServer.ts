// The engine as a service behind messages: what runs in the analysis worker (a Node worker thread on the desktop, a
// Web Worker on the web). Pure TypeScript like the engine — no `vscode`, no Node built-ins — so one bundle serves
// both. Requests are queued and run one per task, so a request the editor gave up on (the document changed again)
// is dropped before it starts; the articles of the workspace index and its analysis cache are kept here, so the
// cross-article check does not ship every text and analysis across on each run, and the extension host never
// parses or writes the cache's JSON. A large answer comes in parts, each sent when the receiver asks for it, so the
// extension host takes it in small steps with its other work in between.

import { createAnalyzer, type Analysis, type AnalyzeOptions, type Analyzer } from '../core';
import {
  crossCheck,
  type CheckOptions,
  type CrossClaim,
  type CrossConflict,
  type CrossResult,
  type CrossSource,
  type Mention,
} from '../core/cross/crossdoc';
import { applyJudgements, type Judgements } from '../core/workspace/model';
import { fnv1a, lineOf, lineStarts } from '../core/engine/text';

/**
 * What the extension host keeps of a cross-article check: its counts. The result itself stays here; the host asks
 * for what it shows (a page of a view, the contradictions of its open articles, what is at the cursor).
 */
export interface CheckSummary {
  documents: number;
  sources: number;
  claims: number;
  conflicts: number;
}

/** The lists a view pages through: claims most independently reported first. */
export type ListName = 'sources' | 'conflicts' | 'claims';
/** A claim as the Claims view lists it: with the outlet each group of copies comes from, when they say so. */
export type ClaimItem = CrossClaim & { origins: (string | null)[] };
export type ListItem<L extends ListName> = L extends 'sources'
  ? CrossSource
  : L extends 'conflicts'
    ? CrossConflict
    : ClaimItem;
/** Where a mention is in its article: start line and character, end line and character. */
export type Place = [number, number, number, number];
/** A contradiction with where its two statements are (for diagnostics); null where the article is not kept. */
export type PlacedConflict = CrossConflict & { places: { a: Place | null; b: Place | null } };

/** What the extension asks of the worker. */
export type EngineRequest =
  /** Analyses a text. With a key (a document), the key's analyzer re-reads only the paragraphs that changed. */
  | { op: 'analyze'; text: string; opts: AnalyzeOptions; key?: string }
  /** Forgets a document's analyzer (the document was closed). */
  | { op: 'forget'; key: string }
  /**
   * Keeps an article of the workspace index and returns its analysis: the one given, else the cache's under `hash`
   * (what the analysis depends on), else a new one (which the cache then keeps under `hash`).
   */
  | { op: 'article'; name: string; text: string; opts: AnalyzeOptions; analysis?: Analysis; hash?: string }
  /**
   * Many articles of the index at once, each kept as `article` keeps one (one message for many: each message costs
   * the extension host's thread). Each is analysed in its own task, so that the editor's requests go between.
   */
  | { op: 'articles'; items: ArticleItem[] }
  /** Whether this worker reads files itself (FilePort): then the index gives it articles by their paths. */
  | { op: 'readsFiles' }
  /** One article of the index by its file (see ArticleItem), read here; answers as for each of a batch. */
  | { op: 'articleFile'; name: string; opts: AnalyzeOptions; path: string; limit: number; engine: string }
  /** The kept articles' texts and analyses, by key (null for one not kept): for a page over all of them, or export. */
  | { op: 'kept'; keys: string[] }
  /** Drops articles of the index. */
  | { op: 'drop'; names: string[] }
  /**
   * The cross-article check over the kept articles (by key), in this order, named `doc` and `label` in results,
   * with what the user judged (dismissed, marked) applied. The result is kept here; the answer is its counts.
   */
  /**
   * Articles of the next `cross`, sent ahead in pieces (one message of thousands would be cloned on the extension
   * host's thread in one go): kept until that check, which takes them before its own.
   */
  | { op: 'crossPart'; tag: number; articles: { key: string; doc: string; label: string }[] }
  | {
      op: 'cross';
      articles: { key: string; doc: string; label: string }[];
      /** The tag of the pieces sent ahead of this list (crossPart), if any. */
      tag?: number;
      opts: CheckOptions;
      /** One per workspace folder, applied in turn. */
      judgements?: Judgements[];
    }
  /** Items `from` to `from + count` of a list of the latest check. */
  | { op: 'page'; list: ListName; from: number; count: number }
  /** The latest check's whole result (for a page over all of it, and tests), or null before the first. */
  | { op: 'result' }
  /** The latest check's contradictions that involve these articles (by name), with where their statements are. */
  | { op: 'conflictsOf'; docs: string[] }
  /** The other articles' statements of the claims at offset `at` of article `doc`. */
  | { op: 'claimAt'; doc: string; at: number }
  /** The source quoted at offset `at` of article `doc`, with all of its quotes. */
  | { op: 'sourceAt'; doc: string; at: number }
  /** The index's saved cache (UTF-8 JSON: analyses by hash), read here; answers how many analyses it holds. */
  | { op: 'loadCache'; bytes: Uint8Array }
  /**
   * The kept articles' analyses by their hashes, as the UTF-8 JSON of the cache file (moved, not copied, to the
   * caller), or null when no analysis was made since the last save. Analyses of no kept article leave the cache.
   */
  | { op: 'saveCache' }
  /**
   * The same, written by the worker itself to the file at `path` (through a temporary file beside it), so that the
   * bytes never visit the extension host: answers how many bytes it wrote, 0 when nothing was new, or -1 when this
   * worker cannot write files (a Web Worker): then saveCache.
   */
  | { op: 'writeCache'; path: string }
  /** loadCache from the file at `path`, read by the worker itself; -1 when it cannot read files (then loadCache). */
  | { op: 'readCache'; path: string };

/**
 * An article of the index given to the worker (see the request `article`): its text, or where a worker that reads
 * files (FilePort) reads it itself, so that the text never visits the extension host.
 */
export type ArticleItem = { name: string; opts: AnalyzeOptions; hash?: string } & (
  | { text: string; analysis?: Analysis }
  | {
      /** The file's path on the local disk. */
      path: string;
      /** The largest article read, in bytes (a larger file is no article to read). */
      limit: number;
      /** The engine's version, the first part of the hash (articleHash) of what is read. */
      engine: string;
    }
);

/**
 * What the worker answers for each article of a batch: nothing for one given with its text; for one it read, the
 * hash it is kept under, or `skipped` (too large, or not text: not an article to read) or the `error` of reading.
 */
export type ArticleAnswer = null | { hash: string } | { skipped: true } | { error: string };

/** What an article's analysis depends on (the engine, its dates and its text), as a key of the analysis cache. */
export function articleHash(engine: string, dates: AnalyzeOptions, text: string): string {
  // (the text hashed alone: joined to the dates, it would first be copied whole into a new string)
  const on = fnv1a(`${dates.published ?? ''}|${dates.storyDate ?? ''}`).toString(36);
  return `${engine}:${on}:${text.length}:${fnv1a(text).toString(36)}`;
}

/**
 * An article's text from its file's bytes, or null when it is not one to read: larger than `limit` bytes, or
 * binary (a NUL in its first 8 KB). A byte order mark is left out.
 */
export function articleText(bytes: Uint8Array, limit: number): string | null {
  if (bytes.length > limit) return null;
  if (bytes.subarray(0, 8192).includes(0)) return null;
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** The files a worker can read and write itself (a Node worker thread; not a Web Worker). */
export interface FilePort {
  read(path: string): Uint8Array;
  /** Writes the file whole, through a temporary file renamed over it. */
  write(path: string, bytes: Uint8Array): void;
}

export type EngineResult<R extends EngineRequest> = R extends { op: 'analyze' }
  ? Analysis
  : R extends { op: 'kept' }
    ? { items: ({ text: string; analysis: Analysis } | null)[] }
    : R extends { op: 'cross' }
      ? CheckSummary
      : R extends { op: 'page'; list: infer L extends ListName }
        ? { items: ListItem<L>[] }
        : R extends { op: 'result' }
          ? CrossResult | null
          : R extends { op: 'conflictsOf' }
            ? { items: PlacedConflict[] }
            : R extends { op: 'claimAt' }
              ? { items: Mention[] }
              : R extends { op: 'sourceAt' }
                ? CrossSource | null
                : R extends { op: 'loadCache' | 'writeCache' | 'readCache' }
                  ? number
                  : R extends { op: 'saveCache' }
                    ? Uint8Array | null
                    : R extends { op: 'articles' }
                      ? ArticleAnswer[]
                      : R extends { op: 'articleFile' }
                        ? ArticleAnswer
                        : R extends { op: 'readsFiles' }
                          ? boolean
                          : null;

export type ToWorker =
  | { id: number; req: EngineRequest }
  | { id: number; cancel: true }
  /** The receiver took the last part of answer `id` in: the next, please. */
  | { id: number; next: true };
export type FromWorker =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string; cancelled?: boolean }
  /**
   * Part of a long list of the answer to come (the answer then holds the list empty). The next part, or the answer,
   * is sent when the receiver asks for it with `next`.
   */
  | { id: number; chunk: { field: string; items: unknown[] } };

/** Sends a message, moving the listed buffers instead of copying them. */
export type Post = (m: FromWorker, transfer?: ArrayBuffer[]) => void;

/**
 * A long list in an answer (the cross-article check of thousands of articles lists thousands of claims) is sent in
 * parts: each message is taken apart by the receiving thread in one go, so no single one may be large. A part holds
 * at most CHUNK items and about PART_SIZE characters of them (an item larger than that goes alone).
 */
export const CHUNK = 250;
export const PART_SIZE = 64 * 1024;

/** About how many characters a value takes as JSON (cheap: strings by length, anything else by a few). */
export function sizeOf(v: unknown, budget = Infinity): number {
  let n = 0;
  const walk = (x: unknown): void => {
    if (n > budget) return;
    if (typeof x === 'string') n += x.length + 3;
    else if (Array.isArray(x)) {
      n += 2;
      for (const y of x) walk(y);
    } else if (x && typeof x === 'object') {
      n += 2;
      for (const k in x) {
        n += k.length + 4;
        walk((x as Record<string, unknown>)[k]);
      }
    } else n += 6;
  };
  walk(v);
  return n;
}

/** The messages of an answer: its long lists in parts, then the answer itself. */
export function partsOf(id: number, value: unknown): { m: FromWorker; transfer?: ArrayBuffer[] }[] {
  if (ArrayBuffer.isView(value)) return [{ m: { id, ok: true, value }, transfer: [value.buffer as ArrayBuffer] }];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [{ m: { id, ok: true, value } }];
  const out: { m: FromWorker }[] = [];
  const rest: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [field, v] of Object.entries(rest)) {
    if (!Array.isArray(v) || (v.length <= CHUNK && sizeOf(v, PART_SIZE) <= PART_SIZE)) continue;
    let items: unknown[] = [];
    let size = 0;
    for (const item of v) {
      const s = sizeOf(item, PART_SIZE);
      if (items.length && (items.length >= CHUNK || size + s > PART_SIZE)) {
        out.push({ m: { id, chunk: { field, items } } });
        items = [];
        size = 0;
      }
      items.push(item);
      size += s;
    }
    if (items.length) out.push({ m: { id, chunk: { field, items } } });
    rest[field] = [];
  }
  out.push({ m: { id, ok: true, value: rest } });
  return out;
}

/** The engine's state in the worker: per-document analyzers, the index's articles and its analysis cache. */
export class EngineState {
  private readonly analyzers = new Map<string, Analyzer>();
  private readonly articles = new Map<string, { text: string; analysis: Analysis; hash?: string }>();
  private cache = new Map<string, Analysis>();
  private cacheChanged = false;
  /** The latest check: its result, claims in the Claims view's order, and the key of each article it names. */
  private checked:
    | {
        result: CrossResult;
        claims: CrossClaim[];
        keyOf: Map<string, string>;
        origins: Map<CrossClaim, (string | null)[]>;
      }
    | undefined;

  /** The outlet each group of copies of a claim comes from, when the articles say so (the Claims view's tooltip). */
  private originsOf(claim: CrossClaim): (string | null)[] {
    const c = this.checked!;
    let o = c.origins.get(claim);
    if (!o) {
      const groups = (c.result.derived ?? []).map(d => ({ documents: new Set(d.documents), origin: d.origin }));
      o = claim.copies.map(
        docs => groups.find(g => g.documents.has(docs[0]) && docs.every(x => g.documents.has(x)))?.origin ?? null,
      );
      c.origins.set(claim, o);
    }
    return o;
  }

  /** Articles of checks to come sent ahead (crossPart), by the check's tag. */
  private readonly staged = new Map<number, { key: string; doc: string; label: string }[]>();

  constructor(private readonly files?: FilePort) {}

  handle(req: EngineRequest): unknown {
    switch (req.op) {
      case 'writeCache': {
        if (!this.files) return -1;
        const bytes = this.handle({ op: 'saveCache' }) as Uint8Array | null;
        if (!bytes) return 0;
        this.files.write(req.path, bytes);
        return bytes.length;
      }
      case 'readCache':
        return this.files ? this.handle({ op: 'loadCache', bytes: this.files.read(req.path) }) : -1;
      case 'analyze': {
        if (!req.key) return createAnalyzer().analyze(req.text, req.opts);
        let a = this.analyzers.get(req.key);
        if (!a) this.analyzers.set(req.key, (a = createAnalyzer()));
        return a.analyze(req.text, req.opts);
      }
      case 'forget':
        this.analyzers.delete(req.key);
        return null;
      case 'article': {
        let analysis = req.analysis ?? (req.hash !== undefined ? this.cache.get(req.hash) : undefined);
        if (!analysis) {
          analysis = createAnalyzer().analyze(req.text, req.opts);
          if (req.hash !== undefined) {
            this.cache.set(req.hash, analysis);
            this.cacheChanged = true;
          }
        }
        this.articles.set(req.name, { text: req.text, analysis, hash: req.hash });
        // The host keeps no analysis of the index's articles (what arrives there is work for its one thread).
        return null;
      }
      case 'readsFiles':
        return !!this.files;
      case 'articleFile': {
        let text: string | null;
        try {
          if (!this.files) throw new Error('this worker cannot read files');
          text = articleText(this.files.read(req.path), req.limit);
        } catch (e) {
          this.articles.delete(req.name);
          return { error: e instanceof Error ? e.message : String(e) } satisfies ArticleAnswer;
        }
        if (text === null) {
          this.articles.delete(req.name);
          return { skipped: true } satisfies ArticleAnswer;
        }
        const hash = articleHash(req.engine, req.opts, text);
        this.handle({ op: 'article', name: req.name, text, opts: req.opts, hash });
        return { hash } satisfies ArticleAnswer;
      }
      case 'articles':
        return req.items.map(item => this.handle(itemRequest(item)) as ArticleAnswer);
      case 'kept':
        return {
          items: req.keys.map(k => {
            const a = this.articles.get(k);
            return a ? { text: a.text, analysis: a.analysis } : null;
          }),
        };
      case 'drop':
        for (const n of req.names) this.articles.delete(n);
        return null;
      case 'crossPart': {
        const list = this.staged.get(req.tag);
        if (list) for (const a of req.articles) list.push(a);
        else this.staged.set(req.tag, [...req.articles]);
        return null;
      }
      case 'cross': {
        const inputs = [];
        const keyOf = new Map<string, string>();
        const ahead = req.tag === undefined ? undefined : this.staged.get(req.tag);
        if (req.tag !== undefined) this.staged.delete(req.tag);
        const articles = ahead ? [...ahead, ...req.articles] : req.articles;
        for (const { key, doc, label } of articles) {
          const a = this.articles.get(key);
          if (!a) continue;
          inputs.push({ doc, label, text: a.text, analysis: a.analysis });
          keyOf.set(doc, key);
        }
        const result = crossCheck(inputs, req.opts);
        for (const j of req.judgements ?? []) result.conflicts = applyJudgements(result.conflicts, j);
        const claims = [...result.claims].sort((x, y) => y.independent - x.independent);
        this.checked = { result, claims, keyOf, origins: new Map() };
        return {
          documents: result.documents.length,
          sources: result.sources.length,
          claims: result.claims.length,
          conflicts: result.conflicts.length,
        } satisfies CheckSummary;
      }
      case 'page': {
        const c = this.checked;
        if (!c) return { items: [] };
        const end = req.from + Math.max(0, req.count);
        if (req.list === 'sources') return { items: c.result.sources.slice(req.from, end) };
        if (req.list === 'conflicts') return { items: c.result.conflicts.slice(req.from, end) };
        return { items: c.claims.slice(req.from, end).map(x => ({ ...x, origins: this.originsOf(x) })) };
      }
      case 'result':
        return this.checked?.result ?? null;
      case 'conflictsOf': {
        const c = this.checked;
        if (!c) return { items: [] };
        const docs = new Set(req.docs);
        const starts = new Map<string, number[] | null>();
        const place = (m: Mention): Place | null => {
          let ls = starts.get(m.doc);
          if (ls === undefined) {
            const key = c.keyOf.get(m.doc);
            const text = key === undefined ? undefined : this.articles.get(key)?.text;
            starts.set(m.doc, (ls = text === undefined ? null : lineStarts(text)));
          }
          if (!ls) return null;
          const [l1, c1] = lineOf(ls, m.start);
          const [l2, c2] = lineOf(ls, m.end);
          return [l1, c1, l2, c2];
        };
        return {
          items: c.result.conflicts
            .filter(x => docs.has(x.a.doc) || docs.has(x.b.doc))
            .map(x => ({ ...x, places: { a: place(x.a), b: place(x.b) } })),
        };
      }
      case 'claimAt': {
        const at = (m: Mention) => m.doc === req.doc && req.at >= m.start && req.at <= m.end;
        const claims = this.checked?.result.claims.filter(x => x.mentions.some(at)) ?? [];
        return { items: claims.flatMap(x => x.mentions.filter(m => m.doc !== req.doc)) };
      }
      case 'sourceAt':
        return (
          this.checked?.result.sources.find(x =>
            x.quotes.some(q => q.doc === req.doc && req.at >= q.start && req.at <= q.end),
          ) ?? null
        );
      case 'loadCache': {
        const saved = JSON.parse(new TextDecoder().decode(req.bytes)) as Record<string, Analysis>;
        for (const [hash, analysis] of Object.entries(saved)) if (!this.cache.has(hash)) this.cache.set(hash, analysis);
        return this.cache.size;
      }
      case 'saveCache': {
        if (!this.cacheChanged) return null;
        this.cacheChanged = false;
        const live = new Map<string, Analysis>();
        for (const a of this.articles.values()) if (a.hash !== undefined) live.set(a.hash, a.analysis);
        this.cache = live;
        return new TextEncoder().encode(JSON.stringify(Object.fromEntries(live)));
      }
    }
  }
}

/** The request that keeps one article of a batch: by its text, or by its file. */
function itemRequest(item: ArticleItem): EngineRequest {
  if ('path' in item)
    return {
      op: 'articleFile',
      name: item.name,
      opts: item.opts,
      path: item.path,
      limit: item.limit,
      engine: item.engine,
    };
  return { op: 'article', ...item };
}

/**
 * Serves requests arriving through `onMessage`, answering through `post`: queued, one per task, cancellable while
 * waiting; an answer in parts goes out a part at a time, as the receiver asks. `defer` runs a function in a later
 * task (setTimeout or setImmediate).
 */
export function serveEngine(
  onMessage: (f: (m: ToWorker) => void) => void,
  post: Post,
  defer: (f: () => void) => void = f => setTimeout(f, 0),
  files?: FilePort,
): void {
  const state = new EngineState(files);
  /** Requests waiting, one per task; an item of a batch (`articles`) answers its request when the last is done. */
  const queue: {
    id: number;
    req: EngineRequest;
    /** The batch an item belongs to (its count left, answers and error, shared), and the item's place in it. */
    batch?: { left: number; error?: string; answers: ArticleAnswer[] };
    at?: number;
  }[] = [];
  const cancelled = new Set<number>();
  /** The parts of answers still to send, by request. */
  const waiting = new Map<number, ReturnType<typeof partsOf>>();
  const sendNext = (id: number) => {
    const parts = waiting.get(id);
    const part = parts?.shift();
    if (!part) return;
    if (!parts!.length) waiting.delete(id);
    post(part.m, part.transfer);
  };
  let scheduled = false;
  /** The editor's own requests (an open document's analysis) go before articles of a batch that wait. */
  const editors = (q: (typeof queue)[number]) => !q.batch && (q.req.op === 'analyze' || q.req.op === 'forget');
  const step = () => {
    scheduled = false;
    const ahead = queue[0]?.batch ? queue.findIndex(editors) : -1;
    const next = ahead > 0 ? queue.splice(ahead, 1)[0] : queue.shift();
    if (!next) return;
    if (next.batch) {
      const b = next.batch;
      try {
        if (b.error === undefined) b.answers[next.at!] = state.handle(next.req) as ArticleAnswer;
      } catch (e) {
        b.error = e instanceof Error ? e.message : String(e);
      }
      if (--b.left === 0)
        post(
          b.error === undefined
            ? { id: next.id, ok: true, value: b.answers }
            : { id: next.id, ok: false, error: b.error },
        );
    } else if (cancelled.delete(next.id)) post({ id: next.id, ok: false, error: 'cancelled', cancelled: true });
    else {
      try {
        waiting.set(next.id, partsOf(next.id, state.handle(next.req)));
        sendNext(next.id);
      } catch (e) {
        post({ id: next.id, ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    }
    if (queue.length && !scheduled) {
      scheduled = true;
      defer(step);
    }
  };
  onMessage(m => {
    if ('next' in m) {
      sendNext(m.id);
      return;
    }
    if ('cancel' in m) {
      if (queue.some(q => q.id === m.id)) cancelled.add(m.id);
      return;
    }
    if (m.req.op === 'articles') {
      const batch = { left: m.req.items.length, answers: m.req.items.map((): ArticleAnswer => null) };
      if (!batch.left) post({ id: m.id, ok: true, value: batch.answers });
      m.req.items.forEach((item, at) => queue.push({ id: m.id, req: itemRequest(item), batch, at }));
    } else queue.push(m);
    if (queue.length && !scheduled) {
      scheduled = true;
      defer(step);
    }
  });
}
