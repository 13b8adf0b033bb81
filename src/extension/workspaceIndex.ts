// The workspace index: every article analysed in the background, results kept by content hash (in the
// extension's storage, so a reopened workspace is ready at once), and the cross-article check over them. The
// analyses, the cache and the check's result live in the engine's worker: the extension host keeps only each
// article's name, hash and dates, and the check's counts, and asks the worker for what it shows (a page of a view,
// the contradictions of the open articles, what is at the cursor) in small answers. What runs here is cut into
// small steps (a task each), so that the extension host never stalls while thousands of articles are indexed.

import * as vscode from 'vscode';
import type { Analysis, AnalyzeOptions } from '../core';
import { type CrossResult, type CrossSource, DEFAULT_MIN_CONFIDENCE, type Mention } from '../core/cross/crossdoc';
import type { Judgements } from '../core/workspace/model';
import {
  type ArticleAnswer,
  type ArticleItem,
  articleHash,
  articleText,
  type CheckSummary,
  type ListItem,
  type ListName,
  type PlacedConflict,
} from '../worker/engineServer';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar';
import { isArticle, utf8Length } from './analyses';
import { Engine } from './engine';
import { setting } from './settings';
import { nextTask, slicer } from './slices';
import { errorText, log } from './log';
import { isSidecarPath, watchFiles } from './fileEvents';
import { localFsOf } from './localFs';
import { type EditorWorkspace } from './workspaceModel';

declare const NEWSMARK_VERSION: string;
const ENGINE = typeof NEWSMARK_VERSION === 'string' ? NEWSMARK_VERSION : 'dev';

/** What an article's analysis depends on (the engine, its dates and its text), as a key of the cache. */
const hash = (dates: AnalyzeOptions, text: string): string => articleHash(ENGINE, dates, text);

/** How long the index waits for more changes before it reads them. */
const QUIET_MS = 600;

/**
 * Articles given to the worker a few at a time: one message for many (each message costs the extension host's
 * thread, and wakes the worker's), with one batch on its way while the next is gathered, so that reading the
 * workspace here keeps pace with the worker's analyses.
 */
class ArticleBatch {
  private items: ArticleItem[] = [];
  /** What to do with each item's answer. */
  private thens: ((a: ArticleAnswer) => void)[] = [];
  private size = 0;
  private sent: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly engine: Engine,
    private readonly most = 16,
    private readonly bytes = 256 * 1024,
  ) {}

  /** Adds an article (`then` is given the worker's answer for it); sends the batch once it is full. */
  async add(item: ArticleItem, then: (a: ArticleAnswer) => void = () => undefined): Promise<void> {
    this.items.push(item);
    this.thens.push(then);
    this.size += 'text' in item ? item.text.length : 0;
    if (this.items.length >= this.most || this.size >= this.bytes) await this.send();
  }

  /** Sends what was gathered, then waits for the batch before it. */
  private async send(): Promise<void> {
    const before = this.sent;
    if (this.items.length) {
      const thens = this.thens;
      this.sent = this.engine.articles(this.items).then(answers => answers.forEach((a, i) => thens[i](a)));
      this.items = [];
      this.thens = [];
      this.size = 0;
    }
    await before;
  }

  /** Resolves once every article added is kept in the worker. */
  async done(): Promise<void> {
    await this.send();
    await this.sent;
  }
}

/** What the host keeps of an indexed article (its text and analysis are kept in the worker). */
interface Entry {
  uri: vscode.Uri;
  hash: string;
  dates: AnalyzeOptions;
  outlet?: string | null;
}

export class WorkspaceIndex implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** The engine generation whose worker was given the saved cache (a restarted worker has none). */
  private cacheLoaded = -1;
  private readonly emitter = new vscode.EventEmitter<CheckSummary>();
  readonly onDidUpdate = this.emitter.event;
  /** The counts of the latest cross-article check (its result is in the worker), or null before the first. */
  summary: CheckSummary | null = null;
  indexing = false;
  private readonly subs: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly dirty = new Set<string>();
  /** Which files of the workspace the index reads (extension.ts: the articles of workspaces that use Newsmark). */
  accepts: (uri: vscode.Uri) => boolean = () => true;
  /** Article URIs by the names the cross-article results use (workspace-relative paths). */
  private readonly byName = new Map<string, vscode.Uri>();

  /** The engine's generation whose worker holds this index's articles (a restarted worker holds none). */
  private generation: number;

  /**
   * Articles are analysed and checked in the engine's worker; the index here keeps what the views need. `ws` is the
   * workspace model (articles, sidecars, dates, judgements).
   */
  constructor(
    private readonly storage: vscode.Uri | undefined,
    private readonly ws: EditorWorkspace,
    private readonly engine: Engine = new Engine(async () => null),
  ) {
    this.generation = engine.generation;
    // Articles and sidecars, by Newsmark's one watcher (see fileEvents.ts).
    const sidecar = isSidecarPath;
    this.subs.push(
      watchFiles(u => !u.path.endsWith('/.newsmark'), {
        create: u => (sidecar(u) ? this.schedule() : this.touch(u)),
        change: u => (sidecar(u) ? this.schedule() : this.touch(u)),
        delete: u => {
          if (sidecar(u)) return;
          this.forget(u.toString());
          this.schedule();
        },
      }),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (isArticle(e.document) && this.entries.has(e.document.uri.toString())) this.touch(e.document.uri);
      }),
      // (a name is the path relative to the article's workspace folder)
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.names.clear()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('newsmark.articles')) void this.rebuild();
        else if (e.affectsConfiguration('newsmark.contradictions') && this.summary) void this.check();
      }),
      this.emitter,
    );
  }

  /** The article a result names. */
  uriOf(name: string): vscode.Uri | undefined {
    return this.byName.get(name);
  }

  nameOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri);
  }

  /**
   * The names of the indexed articles (nameOf), by key, made once: each check names them all (asRelativePath looks
   * for the article's workspace folder, for each of thousands, on the extension host's thread).
   */
  private readonly names = new Map<string, string>();

  private nameOfEntry(key: string, e: Entry): string {
    let name = this.names.get(key);
    if (name === undefined) this.names.set(key, (name = this.nameOf(e.uri)));
    return name;
  }

  articleCount(): number {
    return this.entries.size;
  }

  /**
   * The indexed articles: text as read, and the engine's analysis, asked of the worker a page at a time (for a page
   * over all of them, or an export: not while indexing).
   */
  async articles(): Promise<{ uri: vscode.Uri; name: string; text: string; analysis: Analysis }[]> {
    const entries = [...this.entries.entries()];
    const kept = await this.engine.kept(entries.map(([k]) => k));
    const out: { uri: vscode.Uri; name: string; text: string; analysis: Analysis }[] = [];
    entries.forEach(([, e], i) => {
      const k = kept[i];
      if (k) out.push({ uri: e.uri, name: this.nameOf(e.uri), text: k.text, analysis: k.analysis });
    });
    return out;
  }

  /** Items of a list of the latest check (a page of a view). */
  page<L extends ListName>(list: L, from: number, count: number): Promise<ListItem<L>[]> {
    return this.engine.page(list, from, count);
  }

  /** The latest check's whole result, taken in parts (for a page over all of it), or null before the first. */
  fullResult(): Promise<CrossResult | null> {
    return this.engine.result();
  }

  /** The latest check's contradictions that involve these articles (by name), with where their statements are. */
  conflictsOf(docs: string[]): Promise<PlacedConflict[]> {
    return this.engine.conflictsOf(docs);
  }

  /** The other articles' statements of the claims at an offset of an article. */
  claimAt(doc: string, at: number): Promise<Mention[]> {
    return this.engine.claimAt(doc, at);
  }

  /** The source quoted at an offset of an article, with all of its quotes. */
  sourceAt(doc: string, at: number): Promise<CrossSource | null> {
    return this.engine.sourceAt(doc, at);
  }

  private forget(key: string): void {
    this.names.delete(key);
    if (this.entries.delete(key)) this.engine.drop([key]);
  }

  /** Marks a file to read again (whether it is an article is asked then: a watcher may report thousands at once). */
  private touch(uri: vscode.Uri): void {
    if (uri.path.endsWith(SIDECAR_SUFFIX)) return;
    this.dirty.add(uri.toString());
    this.schedule(false);
  }

  /** Whether the next update checks the articles again even if none of them changed (a sidecar or article went). */
  private recheck = false;

  /** When the latest change was reported (the update waits until none came for QUIET_MS). */
  private lastChange = 0;

  /**
   * Updates the index once no change came for a while. A watcher reports thousands of files one by one when a
   * folder of articles lands: each report only notes its time, and the one timer waits on (no timer set and
   * cleared per report, which costs the extension host's thread more than everything else a report does).
   */
  private schedule(recheck = true): void {
    if (recheck) this.recheck = true;
    this.lastChange = Date.now();
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = (ms: number) => {
      this.timer = setTimeout(() => {
        const left = this.lastChange + QUIET_MS - Date.now();
        if (left > 0) return wait(left);
        this.scheduled = false;
        void this.update();
      }, ms);
    };
    wait(QUIET_MS);
  }

  private scheduled = false;
  private updating = false;

  /** Resolves once nothing is being indexed or waits to be (tests). */
  async settled(): Promise<void> {
    while (this.indexing || this.scheduled || this.updating) await new Promise(r => setTimeout(r, 100));
  }

  /**
   * Gives the worker the saved cache, once per worker. It is read and parsed there (the JSON of thousands of
   * analyses would hold up the extension host); the bytes are moved, not copied.
   */
  private async loadCache(): Promise<void> {
    if (!this.storage || this.cacheLoaded === this.engine.generation) return;
    this.cacheLoaded = this.engine.generation;
    try {
      const file = vscode.Uri.joinPath(this.storage, 'analyses.json');
      // Read by the worker itself where it can (a local file, a Node worker), else read here and moved there.
      let n = file.scheme === 'file' ? await this.engine.readCache(file.fsPath) : -1;
      if (n < 0) n = await this.engine.loadCache(await vscode.workspace.fs.readFile(file));
      log().debug(`analysis cache read: ${n} analyses`);
    } catch (e) {
      log().debug(`no analysis cache read (${errorText(e)}): every article is analysed`);
    }
  }

  private saving: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  /** Saves the cache once the index has been quiet for a while (not after each of many updates in a row). */
  private saveSoon(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveCache(), 3000);
  }

  /** Saves the cache when the worker made new analyses: serialised there, written here as the bytes it gives. */
  private saveCache(): Promise<void> {
    if (!this.storage) return this.saving;
    const storage = this.storage;
    this.saving = this.saving.then(async () => {
      try {
        const t0 = Date.now();
        const file = vscode.Uri.joinPath(storage, 'analyses.json');
        if (file.scheme === 'file') {
          // Written by the worker itself where it can: tens of megabytes that never visit the extension host.
          await vscode.workspace.fs.createDirectory(storage);
          const n = await this.engine.writeCache(file.fsPath);
          if (n === 0) return;
          if (n > 0) {
            log().debug(`analysis cache saved by the worker: ${(n / 1e6).toFixed(1)} MB in ${Date.now() - t0} ms`);
            return;
          }
        }
        const bytes = await this.engine.saveCache();
        if (!bytes) return;
        await vscode.workspace.fs.createDirectory(storage);
        const tmp = vscode.Uri.joinPath(storage, 'analyses.json.tmp');
        await vscode.workspace.fs.writeFile(tmp, bytes);
        await vscode.workspace.fs.rename(tmp, vscode.Uri.joinPath(storage, 'analyses.json'), { overwrite: true });
        log().debug(`analysis cache saved: ${(bytes.length / 1e6).toFixed(1)} MB in ${Date.now() - t0} ms`);
      } catch (e) {
        // Only the next start is slower: every article is analysed again.
        log().warn(`could not save the analysis cache: ${errorText(e)}`);
      }
    });
    return this.saving;
  }

  /** The workspace's articles that the index reads, in a stable order (filtered a slice per task). */
  private async findArticles(): Promise<vscode.Uri[]> {
    const all = await this.ws.articles();
    const out: { uri: vscode.Uri; key: string }[] = [];
    const pause = slicer();
    for (const uri of all) {
      await pause();
      if (this.accepts(uri)) out.push({ uri, key: uri.toString() });
    }
    await nextTask();
    const collator = new Intl.Collator();
    return out.sort((x, y) => collator.compare(x.key, y.key)).map(x => x.uri);
  }

  /** The largest article read, in bytes (newsmark.maxFileSizeMB). */
  private limit(): number {
    return setting<number>('maxFileSizeMB', 2) * 1024 * 1024;
  }

  /**
   * An article's text (the editor's, when it is open), or null when it is not one to read (too large, binary).
   * `limit` is asked once per run by a caller that reads thousands.
   */
  private async read(uri: vscode.Uri, limit = this.limit()): Promise<string | null> {
    const open = this.openDocument(uri);
    if (open) {
      const text = open.getText();
      return utf8Length(text) > limit ? null : text;
    }
    try {
      // (the local disk straight through Node: vscode.workspace.fs costs a round trip to the workbench per call)
      const disk = localFsOf(uri);
      return articleText(disk ? await disk.readFile(uri.fsPath) : await vscode.workspace.fs.readFile(uri), limit);
    } catch (e) {
      log().warn(`cannot read ${uri.toString(true)}: ${errorText(e)}`);
      return null;
    }
  }

  /** The editor's document of a file, when the editor holds it open. */
  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find(d => d.uri.toString() === key);
  }

  /**
   * Reads an article and gives it to the worker, through `batch`. Where the worker reads files itself (`byPath`: a
   * Node worker, and the article on the local disk and not open in the editor), it is given the article's path and
   * reads it there: the text never comes to the extension host (reading thousands of files here, keeping their
   * texts until they are sent and copying them into messages held up its thread). The article's entry is kept once
   * the worker has it; one that is not an article to read (too large, binary, gone) is forgotten.
   */
  private async give(u: vscode.Uri, limit: number, batch: ArticleBatch, byPath: boolean): Promise<void> {
    const key = u.toString();
    if (byPath && localFsOf(u) && !this.openDocument(u)) {
      const model = this.ws.modelOf(u);
      const dates = await model.dateOptions(u.path);
      const outlet = await model.outletOf(u.path);
      await batch.add({ name: key, opts: dates, path: u.fsPath, limit, engine: ENGINE }, a => {
        if (a && 'hash' in a) {
          this.entries.set(key, { uri: u, hash: a.hash, dates, outlet });
          return;
        }
        if (a && 'error' in a) log().warn(`cannot read ${u.toString(true)}: ${a.error}`);
        this.forget(key);
      });
      return;
    }
    const text = await this.read(u, limit);
    if (text === null) {
      this.forget(key);
      return;
    }
    void this.ws.modelOf(u).publicationDate(u.path, text); // known before its folder's story date is asked
    this.entries.set(key, await this.analyse(u, text, batch));
  }

  /**
   * Analyses an article with the workspace model's dates: its publication date (sidecar, else its date line) and
   * its story's date (the latest of its folder), which year-less dates of an undated article take their year from.
   */
  private async analyse(uri: vscode.Uri, text: string, batch?: ArticleBatch): Promise<Entry> {
    const model = this.ws.modelOf(uri);
    const dates = await model.dateOptions(uri.path, text);
    const outlet = await model.outletOf(uri.path);
    const h = hash(dates, text);
    const key = uri.toString();
    const known = this.entries.get(key);
    // Read before with the same text and dates: the worker keeps it as it was (a restarted one is given it in check).
    if (known?.hash === h) return { ...known, outlet };
    // The worker keeps the article for the cross-article check, and analyses it unless its cache has it.
    if (batch) await batch.add({ name: key, text, opts: dates, hash: h });
    else await this.engine.article(key, text, dates, undefined, h);
    return { uri, hash: h, dates, outlet };
  }

  /** The story date the model gives an article's folder, once known (for the editor's analysis of an open article). */
  storyDateOf(uri: vscode.Uri): Promise<string | null> {
    return this.ws.modelOf(uri).storyDate(uri.path.slice(0, uri.path.lastIndexOf('/')) || '/');
  }

  /** Finds and analyses every article (cancellable, with progress for long work), then checks them together. */
  async rebuild(opts: { progress?: boolean } = {}): Promise<CheckSummary> {
    this.indexing = true;
    void vscode.commands.executeCommand('setContext', 'newsmark.indexing', true);
    try {
      await this.loadCache();
      const uris = await this.findArticles();
      const work = async (report: (n: number) => void, token?: vscode.CancellationToken) => {
        const seen = new Set<string>();
        const limit = this.limit();
        const batch = new ArticleBatch(this.engine);
        const byPath = await this.engine.readsFiles();
        for (let i = 0; i < uris.length; i++) {
          if (token?.isCancellationRequested) break;
          const u = uris[i];
          seen.add(u.toString());
          await this.give(u, limit, batch, byPath);
          if (i % 25 === 0) {
            report(i);
            await new Promise(r => setTimeout(r, 0));
          } // let the editor breathe
        }
        await batch.done();
        const gone = [...this.entries.keys()].filter(k => !seen.has(k));
        for (const k of gone) {
          this.entries.delete(k);
          this.names.delete(k);
        }
        this.engine.drop(gone);
      };
      const t0 = Date.now();
      if (opts.progress || uris.length > 200) {
        await vscode.window.withProgress(
          {
            location: vscode.ProgressLocation.Notification,
            title: 'Newsmark: reading the workspace’s articles',
            cancellable: true,
          },
          (p, token) =>
            work(i => p.report({ message: `${i} of ${uris.length}`, increment: (25 / uris.length) * 100 }), token),
        );
      } else {
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: 'Newsmark: indexing' },
          () => work(() => undefined),
        );
      }
      this.dirty.clear();
      log().debug(`read ${this.entries.size} articles in ${Date.now() - t0} ms`);
      return await this.check();
    } finally {
      this.indexing = false;
      void vscode.commands.executeCommand('setContext', 'newsmark.indexing', false);
      this.saveSoon();
    }
  }

  private async update(): Promise<void> {
    if (this.indexing) {
      this.schedule(false);
      return;
    }
    this.updating = true;
    try {
      await this.updateNow();
    } finally {
      this.updating = false;
    }
  }

  private async updateNow(): Promise<void> {
    let changed = this.recheck;
    this.recheck = false;
    const pause = slicer();
    const limit = this.limit();
    const batch = new ArticleBatch(this.engine);
    const byPath = this.dirty.size > 0 && (await this.engine.readsFiles());
    for (const key of [...this.dirty]) {
      await pause();
      this.dirty.delete(key);
      const uri = vscode.Uri.parse(key);
      if (!this.accepts(uri)) continue;
      changed = true;
      await this.give(uri, limit, batch, byPath);
    }
    await batch.done();
    if (changed) await this.check();
    this.saveSoon();
  }

  /** The cross-article check over the index, with what researchers dismissed or marked in sidecars. */
  private async check(): Promise<CheckSummary> {
    // A worker started again since holds no articles: they are read and given to it again (its cache, saved, has
    // their analyses under the same hashes).
    if (this.generation !== this.engine.generation) {
      this.generation = this.engine.generation;
      await this.loadCache();
      for (const [key, e] of [...this.entries]) {
        const text = await this.read(e.uri);
        if (text === null) this.forget(key);
        else await this.engine.article(key, text, e.dates, undefined, e.hash);
      }
    }
    const t0 = Date.now();
    const byName = new Map<string, vscode.Uri>();
    const inputs: { key: string; doc: string; label: string }[] = [];
    const pause = slicer();
    for (const [key, e] of this.entries) {
      await pause();
      const name = this.nameOfEntry(key, e);
      byName.set(name, e.uri);
      // Explanations name an article by its outlet (from the sidecar), else by its path in the workspace.
      inputs.push({ key, doc: name, label: e.outlet ?? name });
    }
    // Contradictions from the confidence the researcher asks for (newsmark.contradictions.minConfidence).
    const min = vscode.workspace
      .getConfiguration('newsmark')
      .get<number>('contradictions.minConfidence', DEFAULT_MIN_CONFIDENCE);
    this.byName.clear();
    for (const [name, uri] of byName) this.byName.set(name, uri);
    const judgements = await this.judgements();
    const t1 = Date.now();
    const summary = await this.engine.cross(inputs, { minConfidence: Math.max(0, Math.min(1, min)) }, judgements);
    this.summary = summary;
    void vscode.commands.executeCommand('setContext', 'newsmark.articleCount', this.entries.size);
    this.emitter.fire(summary);
    log().debug(
      `checked ${inputs.length} articles: ${t1 - t0} ms reading sidecars here, ${Date.now() - t1} ms in the worker (${summary.claims} claims, ${summary.sources} sources, ${summary.conflicts} contradictions)`,
    );
    return summary;
  }

  /**
   * What researchers dismissed or marked themselves in sidecars, by the workspace model (as `newsmark check` does),
   * one list per workspace folder: the worker applies them to the check's contradictions.
   */
  private async judgements(): Promise<Judgements[]> {
    const byFolder = new Map<string, { doc: string; path: string; uri: vscode.Uri }[]>();
    const pause = slicer();
    for (const [doc, uri] of this.byName) {
      await pause();
      const key = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? `${uri.scheme}://${uri.authority}`;
      const list = byFolder.get(key);
      if (list) list.push({ doc, path: uri.path, uri });
      else byFolder.set(key, [{ doc, path: uri.path, uri }]);
    }
    const out: Judgements[] = [];
    for (const articles of byFolder.values()) {
      const like = articles[0].uri;
      out.push(await this.ws.modelOf(like).judgements(articles, p => this.nameOf(like.with({ path: p })), slicer()));
    }
    return out;
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.saveTimer);
    void this.saveCache();
    for (const s of this.subs) s.dispose();
  }
}
