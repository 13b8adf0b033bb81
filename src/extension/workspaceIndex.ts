// The workspace index: every article analysed in the background, results kept by content hash (in the
// extension's storage, so a reopened workspace is ready at once), and the cross-article check over them. The
// analyses, the cache and the check live in the engine's worker; what runs here is cut into small steps (a task
// each), so that the extension host never stalls while thousands of articles are indexed.

import * as vscode from 'vscode';
import type { Analysis } from '../core';
import { type CrossConflict, type CrossResult, DEFAULT_MIN_CONFIDENCE } from '../core/cross/crossdoc';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar';
import { fnv1a } from '../core/engine/text';
import { isArticle, utf8Length } from './analyses';
import { Engine } from './engine';
import { setting } from './settings';
import { nextTask, slicer } from './slices';
import { errorText, log } from './log';
import { type EditorWorkspace } from './workspaceModel';

declare const NEWSMARK_VERSION: string;
const ENGINE = typeof NEWSMARK_VERSION === 'string' ? NEWSMARK_VERSION : 'dev';

function hash(text: string): string {
  return `${ENGINE}:${text.length}:${fnv1a(text).toString(36)}`;
}

interface Entry {
  uri: vscode.Uri;
  text: string;
  hash: string;
  analysis: Analysis;
  outlet?: string | null;
}

export class WorkspaceIndex implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** The engine generation whose worker was given the saved cache (a restarted worker has none). */
  private cacheLoaded = -1;
  private readonly emitter = new vscode.EventEmitter<CrossResult>();
  readonly onDidUpdate = this.emitter.event;
  result: CrossResult | null = null;
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
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,md,news}');
    const sidecars = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    this.subs.push(
      watcher,
      sidecars,
      watcher.onDidCreate(u => this.touch(u)),
      watcher.onDidChange(u => this.touch(u)),
      watcher.onDidDelete(u => {
        this.forget(u.toString());
        this.schedule();
      }),
      sidecars.onDidChange(() => this.schedule()),
      sidecars.onDidCreate(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (isArticle(e.document) && this.entries.has(e.document.uri.toString())) this.touch(e.document.uri);
      }),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('newsmark.articles')) void this.rebuild();
        else if (e.affectsConfiguration('newsmark.contradictions') && this.result) void this.check();
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

  /** The text of an indexed article, as read. */
  textOf(uri: vscode.Uri): string | undefined {
    return this.entries.get(uri.toString())?.text;
  }

  articleCount(): number {
    return this.entries.size;
  }

  /** The indexed articles: text as read, and the engine's analysis. */
  articles(): { uri: vscode.Uri; name: string; text: string; analysis: Analysis }[] {
    return [...this.entries.values()].map(e => ({
      uri: e.uri,
      name: this.nameOf(e.uri),
      text: e.text,
      analysis: e.analysis,
    }));
  }

  private forget(key: string): void {
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

  private schedule(recheck = true): void {
    if (recheck) this.recheck = true;
    clearTimeout(this.timer);
    this.scheduled = true;
    this.timer = setTimeout(() => {
      this.scheduled = false;
      void this.update();
    }, 600);
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
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.storage, 'analyses.json'));
      const n = await this.engine.loadCache(bytes);
      log().debug(`analysis cache read: ${n} analyses`);
    } catch (e) {
      log().debug(`no analysis cache read (${errorText(e)}): every article is analysed`);
    }
  }

  private saving: Promise<void> = Promise.resolve();

  /** Saves the cache when the worker made new analyses: serialised there, written here as the bytes it gives. */
  private saveCache(): Promise<void> {
    if (!this.storage) return this.saving;
    const storage = this.storage;
    this.saving = this.saving.then(async () => {
      try {
        const t0 = Date.now();
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

  /** An article's text (the editor's, when it is open), or null when it is not one to read (too large, binary). */
  private async read(uri: vscode.Uri): Promise<string | null> {
    const limit = setting<number>('maxFileSizeMB', 2) * 1024 * 1024;
    const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
    if (open) {
      const text = open.getText();
      return utf8Length(text) > limit ? null : text;
    }
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.length > limit) return null;
      if (bytes.subarray(0, 8192).includes(0)) return null;
      return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    } catch (e) {
      log().warn(`cannot read ${uri.toString(true)}: ${errorText(e)}`);
      return null;
    }
  }

  /**
   * Analyses an article with the workspace model's dates: its publication date (sidecar, else its date line) and
   * its story's date (the latest of its folder), which year-less dates of an undated article take their year from.
   */
  private async analyse(uri: vscode.Uri, text: string): Promise<Entry> {
    const model = this.ws.modelOf(uri);
    const dates = await model.dateOptions(uri.path, text);
    const outlet = await model.outletOf(uri.path);
    const h = hash(`${dates.published ?? ''}|${dates.storyDate ?? ''}|${text}`);
    const key = uri.toString();
    const known = this.entries.get(key);
    // Read before with the same text and dates: the worker keeps it as it was (a restarted one is given it in check).
    if (known?.hash === h) return { ...known, outlet };
    // The worker keeps the article for the cross-article check, and analyses it unless its cache has it.
    const analysis = await this.engine.article(key, text, dates, undefined, h);
    return { uri, text, hash: h, analysis, outlet };
  }

  /** The story date the model gives an article's folder, once known (for the editor's analysis of an open article). */
  storyDateOf(uri: vscode.Uri): Promise<string | null> {
    return this.ws.modelOf(uri).storyDate(uri.path.slice(0, uri.path.lastIndexOf('/')) || '/');
  }

  /** Finds and analyses every article (cancellable, with progress for long work), then checks them together. */
  async rebuild(opts: { progress?: boolean } = {}): Promise<CrossResult> {
    this.indexing = true;
    void vscode.commands.executeCommand('setContext', 'newsmark.indexing', true);
    try {
      await this.loadCache();
      const uris = await this.findArticles();
      const work = async (report: (n: number) => void, token?: vscode.CancellationToken) => {
        const seen = new Set<string>();
        for (let i = 0; i < uris.length; i++) {
          if (token?.isCancellationRequested) break;
          const u = uris[i];
          seen.add(u.toString());
          const text = await this.read(u);
          if (text === null) {
            this.forget(u.toString());
            continue;
          }
          void this.ws.modelOf(u).publicationDate(u.path, text); // known before its folder's story date is asked
          this.entries.set(u.toString(), await this.analyse(u, text));
          if (i % 25 === 0) {
            report(i);
            await new Promise(r => setTimeout(r, 0));
          } // let the editor breathe
        }
        const gone = [...this.entries.keys()].filter(k => !seen.has(k));
        for (const k of gone) this.entries.delete(k);
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
      void this.saveCache();
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
    for (const key of [...this.dirty]) {
      await pause();
      this.dirty.delete(key);
      const uri = vscode.Uri.parse(key);
      if (!this.accepts(uri)) continue;
      changed = true;
      const text = await this.read(uri);
      if (text === null) this.forget(key);
      else this.entries.set(key, await this.analyse(uri, text));
    }
    if (changed) await this.check();
    void this.saveCache();
  }

  /** The cross-article check over the index, with what researchers dismissed or marked in sidecars. */
  private async check(): Promise<CrossResult> {
    // A worker started again since holds no articles: they are given to it again, with their analyses.
    if (this.generation !== this.engine.generation) {
      this.generation = this.engine.generation;
      await this.loadCache();
      for (const [key, e] of this.entries) await this.engine.article(key, e.text, {}, e.analysis, e.hash);
    }
    const t0 = Date.now();
    const byName = new Map<string, vscode.Uri>();
    const inputs: { key: string; doc: string; label: string }[] = [];
    const pause = slicer();
    for (const [key, e] of this.entries) {
      await pause();
      const name = this.nameOf(e.uri);
      byName.set(name, e.uri);
      // Explanations name an article by its outlet (from the sidecar), else by its path in the workspace.
      inputs.push({ key, doc: name, label: e.outlet ?? name });
    }
    // Contradictions from the confidence the researcher asks for (newsmark.contradictions.minConfidence).
    const min = vscode.workspace
      .getConfiguration('newsmark')
      .get<number>('contradictions.minConfidence', DEFAULT_MIN_CONFIDENCE);
    const result = await this.engine.cross(inputs, { minConfidence: Math.max(0, Math.min(1, min)) });
    const t1 = Date.now();
    this.byName.clear();
    for (const [name, uri] of byName) this.byName.set(name, uri);
    result.conflicts = await this.applySidecars(result.conflicts);
    this.result = result;
    void vscode.commands.executeCommand('setContext', 'newsmark.articleCount', this.entries.size);
    this.emitter.fire(result);
    log().debug(
      `checked ${inputs.length} articles: ${t1 - t0} ms in the worker, then ${Date.now() - t1} ms here (${result.claims.length} claims, ${result.sources.length} sources, ${result.conflicts.length} contradictions)`,
    );
    return result;
  }

  /** What researchers dismissed or marked themselves in sidecars, by the workspace model (as `newsmark check` does). */
  private async applySidecars(conflicts: CrossConflict[]): Promise<CrossConflict[]> {
    const byFolder = new Map<string, { doc: string; path: string; uri: vscode.Uri }[]>();
    const pause = slicer();
    for (const [doc, uri] of this.byName) {
      await pause();
      const key = vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() ?? `${uri.scheme}://${uri.authority}`;
      const list = byFolder.get(key);
      if (list) list.push({ doc, path: uri.path, uri });
      else byFolder.set(key, [{ doc, path: uri.path, uri }]);
    }
    let out = conflicts;
    for (const articles of byFolder.values()) {
      const like = articles[0].uri;
      out = await this.ws.modelOf(like).judged(out, articles, p => this.nameOf(like.with({ path: p })), slicer());
    }
    return out;
  }

  dispose(): void {
    clearTimeout(this.timer);
    void this.saveCache();
    for (const s of this.subs) s.dispose();
  }
}
