// The engine as a service behind messages: what runs in the analysis worker (a Node worker thread on the desktop, a
// Web Worker on the web). Pure TypeScript like the engine — no `vscode`, no Node built-ins — so one bundle serves
// both. Requests are queued and run one per task, so a request the editor gave up on (the document changed again)
// is dropped before it starts; the articles of the workspace index are kept here, so the cross-article check does
// not ship every text and analysis across on each run.

import { createAnalyzer, type Analysis, type AnalyzeOptions, type Analyzer } from '../core';
import { crossCheck, type CheckOptions, type CrossResult } from '../core/cross/crossdoc';

/** What the extension asks of the worker. */
export type EngineRequest =
  /** Analyses a text. With a key (a document), the key's analyzer re-reads only the paragraphs that changed. */
  | { op: 'analyze'; text: string; opts: AnalyzeOptions; key?: string }
  /** Forgets a document's analyzer (the document was closed). */
  | { op: 'forget'; key: string }
  /** Keeps an article of the workspace index, analysing it unless its analysis is given (from the cache). */
  | { op: 'article'; name: string; text: string; opts: AnalyzeOptions; analysis?: Analysis }
  /** Drops articles of the index. */
  | { op: 'drop'; names: string[] }
  /** The cross-article check over the kept articles (by key), in this order, named `doc` and `label` in results. */
  | { op: 'cross'; articles: { key: string; doc: string; label: string }[]; opts: CheckOptions }
  /** A JSON object of the kept articles' analyses by the hash given for each (the index's cache file). */
  | { op: 'cacheJson'; keys: { key: string; hash: string }[] };

export type EngineResult<R extends EngineRequest> = R extends { op: 'analyze' }
  ? Analysis
  : R extends { op: 'article' }
    ? Analysis | null
    : R extends { op: 'cross' }
      ? CrossResult
      : R extends { op: 'cacheJson' }
        ? string
        : null;

export type ToWorker = { id: number; req: EngineRequest } | { id: number; cancel: true };
export type FromWorker =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string; cancelled?: boolean }
  /** Part of a long list of the answer to come (the answer then holds the list empty). */
  | { id: number; chunk: { field: string; items: unknown[] } };

/**
 * A long list in an answer (the cross-article check of thousands of articles lists thousands of claims) is sent in
 * parts: each message is taken apart by the receiving thread in one go, so no single one may be large.
 */
export const CHUNK = 250;

function postChunked(id: number, value: unknown, post: (m: FromWorker) => void): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const rest: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [field, v] of Object.entries(rest)) {
      if (!Array.isArray(v) || v.length <= CHUNK) continue;
      for (let i = 0; i < v.length; i += CHUNK) post({ id, chunk: { field, items: v.slice(i, i + CHUNK) } });
      rest[field] = [];
    }
    post({ id, ok: true, value: rest });
  } else {
    post({ id, ok: true, value });
  }
}

/** The engine's state in the worker: per-document analyzers and the index's articles. */
export class EngineState {
  private readonly analyzers = new Map<string, Analyzer>();
  private readonly articles = new Map<string, { text: string; analysis: Analysis }>();

  handle(req: EngineRequest): unknown {
    switch (req.op) {
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
        const analysis = req.analysis ?? createAnalyzer().analyze(req.text, req.opts);
        this.articles.set(req.name, { text: req.text, analysis });
        return req.analysis ? null : analysis;
      }
      case 'drop':
        for (const n of req.names) this.articles.delete(n);
        return null;
      case 'cross': {
        const inputs = [];
        for (const { key, doc, label } of req.articles) {
          const a = this.articles.get(key);
          if (a) inputs.push({ doc, label, text: a.text, analysis: a.analysis });
        }
        return crossCheck(inputs, req.opts);
      }
      case 'cacheJson': {
        const obj: Record<string, Analysis> = {};
        for (const { key, hash } of req.keys) {
          const a = this.articles.get(key);
          if (a) obj[hash] = a.analysis;
        }
        return JSON.stringify(obj);
      }
    }
  }
}

/**
 * Serves requests arriving through `onMessage`, answering through `post`: queued, one per task, cancellable while
 * waiting. `defer` runs a function in a later task (setTimeout or setImmediate).
 */
export function serveEngine(
  onMessage: (f: (m: ToWorker) => void) => void,
  post: (m: FromWorker) => void,
  defer: (f: () => void) => void = f => setTimeout(f, 0),
): void {
  const state = new EngineState();
  const queue: { id: number; req: EngineRequest }[] = [];
  const cancelled = new Set<number>();
  let scheduled = false;
  const step = () => {
    scheduled = false;
    const next = queue.shift();
    if (!next) return;
    if (cancelled.delete(next.id)) post({ id: next.id, ok: false, error: 'cancelled', cancelled: true });
    else {
      try {
        postChunked(next.id, state.handle(next.req), post);
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
    if ('cancel' in m) {
      if (queue.some(q => q.id === m.id)) cancelled.add(m.id);
      return;
    }
    queue.push(m);
    if (!scheduled) {
      scheduled = true;
      defer(step);
    }
  });
}
