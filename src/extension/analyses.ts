// The engine behind the editor: one analysis per document version, and the size limit.

import * as vscode from 'vscode';
import { type Analysis, type Analyzer, createAnalyzer } from '../core';
import { Cancelled, type Engine } from './engine';
import { settings } from './settings';

export const ARTICLE_LANGUAGES = ['plaintext', 'markdown', 'news'];
export const ARTICLE_SELECTOR: vscode.DocumentSelector = ARTICLE_LANGUAGES.map(language => ({ language }));

export type Result =
  | { kind: 'ok'; analysis: Analysis; version: number; published: string | null; storyDate?: string | null }
  | { kind: 'too-large'; bytes: number; limitBytes: number; version: number };

/** Whether Newsmark reads a document: one of an article's languages (not output, not a sidecar) that the rule accepts. */
export function isArticle(doc: vscode.TextDocument): boolean {
  return (
    ARTICLE_LANGUAGES.includes(doc.languageId) &&
    doc.uri.scheme !== 'output' &&
    doc.uri.scheme !== 'vscode-scm' &&
    !doc.uri.path.endsWith('.newsmark.yaml') &&
    articleRule(doc)
  );
}

/** Which documents are articles where (scope.ts sets it at activation: globs, and workspaces that use Newsmark). */
let articleRule: (doc: vscode.TextDocument) => boolean = () => true;
export function setArticleRule(rule: (doc: vscode.TextDocument) => boolean): void {
  articleRule = rule;
}

/** How many bytes a text takes in UTF-8 (without Node's Buffer, which the web extension host lacks). */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && !(c >= 0xd800 && c <= 0xdfff) ? 2 : 1;
  }
  return n;
}

export function formatMB(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1).replace(/\.0$/, '')} MB`;
}

export class Analyses implements vscode.Disposable {
  private readonly cache = new Map<string, Result>();
  /** One analyzer per open document: after an edit it re-reads only the paragraphs that changed. */
  private readonly analyzers = new Map<string, Analyzer>();
  private readonly warned = new Set<string>();
  /** The messages shown to the user, in order (the test API reads them). */
  readonly messages: string[] = [];
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document was (re)analysed or found too large. */
  readonly onDidAnalyse = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];

  /** The publication date an article's sidecar gives (document.published), if any. */
  publishedOf: (doc: vscode.TextDocument) => string | null = () => null;
  /** The story date of the article's folder, when the workspace model knows it (year-less dates of an undated article). */
  storyDateOf: (doc: vscode.TextDocument) => string | null = () => null;

  /** Requests to the worker under way, by document: one per document version. */
  private readonly inflight = new Map<
    string,
    { version: number; published: string | null; promise: Promise<Result> }
  >();

  /** With an engine, `request` analyses in the analysis worker; `get` always analyses on this thread. */
  constructor(private readonly engine?: Engine) {
    this.subs.push(
      vscode.workspace.onDidCloseTextDocument(d => {
        this.cache.delete(d.uri.toString());
        this.analyzers.delete(d.uri.toString());
        this.inflight.delete(d.uri.toString());
        this.engine?.forget(d.uri.toString());
      }),
    );
  }

  /** The cached result when it is for the document as it is now, else undefined. */
  fresh(doc: vscode.TextDocument): Result | undefined {
    const cached = this.cache.get(doc.uri.toString());
    const limitBytes = settings().maxFileSizeMB * 1024 * 1024;
    if (
      cached &&
      cached.version === doc.version &&
      (cached.kind === 'ok' ? cached.published === this.publishedOf(doc) : cached.limitBytes === limitBytes)
    )
      return cached;
    return undefined;
  }

  /**
   * The current result for a document, analysed in the worker when the cached one is stale: the extension host
   * is not blocked, and a request for an older version still waiting is cancelled.
   */
  request(doc: vscode.TextDocument): Promise<Result> {
    const cached = this.fresh(doc);
    if (cached) return Promise.resolve(cached);
    if (!this.engine) return Promise.resolve(this.get(doc));
    const key = doc.uri.toString();
    const published = this.publishedOf(doc);
    const version = doc.version;
    const running = this.inflight.get(key);
    if (running && running.version === version && running.published === published) return running.promise;
    const text = doc.getText();
    const limitBytes = settings().maxFileSizeMB * 1024 * 1024;
    if (text.length > limitBytes || utf8Length(text) > limitBytes) return Promise.resolve(this.get(doc));
    const promise = this.engine.analyze(text, published ? { published } : {}, key).then(
      analysis => {
        if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
        const result: Result = { kind: 'ok', analysis, version, published };
        // A document closed meanwhile: its result is not kept for the URI (reopened, the document counts its
        // versions from 1 again, and a result of the old text could pass for the new one's).
        if (doc.isClosed) return result;
        const current = this.cache.get(key);
        if (!current || current.version <= version) {
          this.cache.set(key, result);
          this.emitter.fire(doc);
        }
        return result;
      },
      (e: Error) => {
        if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
        // Replaced by a request for a newer version: that one answers.
        if (e instanceof Cancelled) return this.fresh(doc) ?? this.request(doc);
        throw e;
      },
    );
    this.inflight.set(key, { version, published, promise });
    return promise;
  }

  /** Resolves once no analysis is under way in the worker. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight.values()].map(r => r.promise));
  }

  /** The current result for a document, analysing it now when the cached one is stale. */
  get(doc: vscode.TextDocument): Result {
    const key = doc.uri.toString();
    const cached = this.cache.get(key);
    const limitBytes = settings().maxFileSizeMB * 1024 * 1024;
    const published = this.publishedOf(doc);
    const storyDate = this.storyDateOf(doc);
    if (
      cached &&
      cached.version === doc.version &&
      (cached.kind === 'ok'
        ? cached.published === published && (cached.storyDate ?? null) === storyDate
        : cached.limitBytes === limitBytes)
    )
      return cached;
    const text = doc.getText();
    const bytes = utf8Length(text);
    let result: Result;
    if (bytes > limitBytes) {
      result = { kind: 'too-large', bytes, limitBytes, version: doc.version };
      if (!this.warned.has(key)) {
        this.warned.add(key);
        const message = tooLargeMessage(doc, bytes, limitBytes);
        this.messages.push(message);
        void vscode.window.showWarningMessage(message);
      }
    } else {
      let analyzer = this.analyzers.get(key);
      if (!analyzer) this.analyzers.set(key, (analyzer = createAnalyzer()));
      // The workspace model's date rule: the sidecar's date (else the article's date line), and the story's date.
      result = {
        kind: 'ok',
        analysis: analyzer.analyze(text, { ...(published ? { published } : {}), storyDate }),
        version: doc.version,
        published,
        storyDate,
      };
    }
    this.cache.set(key, result);
    this.emitter.fire(doc);
    return result;
  }

  /** The cached analysis, without analysing. */
  peek(uri: vscode.Uri): Result | undefined {
    return this.cache.get(uri.toString());
  }

  dispose(): void {
    this.emitter.dispose();
    for (const s of this.subs) s.dispose();
  }
}

export function tooLargeMessage(doc: vscode.TextDocument, bytes: number, limitBytes: number): string {
  const name = doc.uri.path.split('/').pop();
  return (
    `Newsmark: ${name} is ${formatMB(bytes)}, over the ${formatMB(limitBytes)} limit, so it is not analysed. ` +
    `Raise "newsmark.maxFileSizeMB" to analyse it.`
  );
}
