// The workspace index: every article analysed in the background, results kept by content hash (in the
// extension's storage, so a reopened workspace is ready at once), and the cross-article check over them.

import * as vscode from 'vscode';
import type { Analysis } from '../core';
import { type CrossConflict, type CrossResult, DEFAULT_MIN_CONFIDENCE, type Mention } from '../core/crossdoc';
import { readSidecar, SIDECAR_SUFFIX } from '../core/sidecar';
import { fnv1a } from '../core/text';
import { isArticle, utf8Length } from './analyses';
import { Engine } from './engine';
import { sidecarLimits, sidecarUriOf } from './annotations';
import { setting } from './settings';
import { errorText, log } from './log';

declare const NEWSMARK_VERSION: string;
const ENGINE = typeof NEWSMARK_VERSION === 'string' ? NEWSMARK_VERSION : 'dev';

function hash(text: string): string {
  return `${ENGINE}:${text.length}:${fnv1a(text).toString(36)}`;
}

interface Entry { uri: vscode.Uri; text: string; hash: string; analysis: Analysis; outlet?: string | null }

export class WorkspaceIndex implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private cache = new Map<string, Analysis>();
  private cacheDirty = false;
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

  /** Articles are analysed and checked in the engine's worker; the index here keeps what the views need. */
  constructor(private readonly storage: vscode.Uri | undefined, private readonly engine: Engine = new Engine(async () => null)) {
    this.generation = engine.generation;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,md,news}');
    const sidecars = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    this.subs.push(
      watcher, sidecars,
      watcher.onDidCreate(u => this.touch(u)),
      watcher.onDidChange(u => this.touch(u)),
      watcher.onDidDelete(u => { this.forget(u.toString()); this.schedule(); }),
      sidecars.onDidChange(() => this.schedule()),
      sidecars.onDidCreate(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument(e => { if (isArticle(e.document) && this.entries.has(e.document.uri.toString())) this.touch(e.document.uri); }),
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
    return [...this.entries.values()].map(e => ({ uri: e.uri, name: this.nameOf(e.uri), text: e.text, analysis: e.analysis }));
  }

  private forget(key: string): void {
    if (this.entries.delete(key)) this.engine.drop([key]);
  }

  private touch(uri: vscode.Uri): void {
    if (uri.path.endsWith(SIDECAR_SUFFIX) || !this.accepts(uri)) return;
    this.dirty.add(uri.toString());
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.scheduled = true;
    this.timer = setTimeout(() => { this.scheduled = false; void this.update(); }, 600);
  }

  private scheduled = false;
  private updating = false;

  /** Resolves once nothing is being indexed or waits to be (tests). */
  async settled(): Promise<void> {
    while (this.indexing || this.scheduled || this.updating) await new Promise(r => setTimeout(r, 100));
  }

  private async loadCache(): Promise<void> {
    if (!this.storage || this.cache.size) return;
    try {
      const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.storage, 'analyses.json')));
      this.cache = new Map(Object.entries(JSON.parse(raw) as Record<string, Analysis>));
    } catch (e) { log().debug(`no analysis cache read (${errorText(e)}): every article is analysed`); }
  }

  private async saveCache(): Promise<void> {
    if (!this.storage || !this.cacheDirty) return;
    this.cacheDirty = false;
    // Serialised in the worker (thousands of analyses would hold up the extension host).
    try {
      const json = await this.engine.cacheJson([...this.entries.entries()].map(([key, e]) => ({ key, hash: e.hash })));
      await vscode.workspace.fs.createDirectory(this.storage);
      const tmp = vscode.Uri.joinPath(this.storage, 'analyses.json.tmp');
      await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(json));
      await vscode.workspace.fs.rename(tmp, vscode.Uri.joinPath(this.storage, 'analyses.json'), { overwrite: true });
    } catch (e) {
      // Only the next start is slower: every article is analysed again.
      log().warn(`could not save the analysis cache: ${errorText(e)}`);
    }
  }

  private async findArticles(): Promise<vscode.Uri[]> {
    const include = setting<string>('articles.include', '**/*.{txt,md,news}');
    const exclude = setting<string[]>('articles.exclude', []);
    const filesExclude = Object.entries(vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude', {})).filter(([, on]) => on).map(([g]) => g);
    const globs = [...exclude, ...filesExclude, '**/node_modules/**', '**/.newsmark/**', '**/*.newsmark.yaml'];
    const found = await vscode.workspace.findFiles(include, `{${globs.join(',')}}`, 50000);
    return found.filter(u => this.accepts(u)).sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  /** The publication date and outlet the article's sidecar gives, if any. */
  private async metaOf(uri: vscode.Uri): Promise<{ published: string | null; outlet: string | null }> {
    try {
      const r = readSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUriOf(uri))), sidecarLimits(uri));
      return r.ok ? { published: r.file.data.document.published ?? null, outlet: r.file.data.document.outlet?.trim() || null } : { published: null, outlet: null };
    } catch (e) { log().trace(`${uri.toString(true)}: no sidecar (${errorText(e)})`); return { published: null, outlet: null }; }
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
    } catch (e) { log().warn(`cannot read ${uri.toString(true)}: ${errorText(e)}`); return null; }
  }

  /**
   * Analyses an article. One without a publication date takes years for its year-less dates from the latest
   * publication date of the articles in its folder (a folder is usually one story).
   */
  private async analyse(uri: vscode.Uri, text: string): Promise<Entry> {
    const { published, outlet } = await this.metaOf(uri);
    const folder = uri.toString().replace(/\/[^/]*$/, '/');
    const storyDate = published ? null : [...this.entries.values()]
      .filter(e => e.uri.toString().startsWith(folder) && e.uri.toString().slice(folder.length).indexOf('/') < 0 && e.analysis.published)
      .map(e => e.analysis.published!).sort().pop() ?? null;
    const h = hash(`${published ?? ''}|${storyDate ?? ''}|${text}`);
    const cached = this.cache.get(h);
    // The worker keeps the article for the cross-article check, and analyses it unless the cache has it.
    const analysis = await this.engine.article(uri.toString(), text, published ? { published } : storyDate ? { storyDate } : {}, cached);
    if (!cached) {
      this.cache.set(h, analysis);
      this.cacheDirty = true;
    }
    return { uri, text, hash: h, analysis, outlet };
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
          if (text === null) { this.forget(u.toString()); continue; }
          this.entries.set(u.toString(), await this.analyse(u, text));
          if (i % 25 === 0) { report(i); await new Promise(r => setTimeout(r, 0)); } // let the editor breathe
        }
        for (const k of [...this.entries.keys()]) if (!seen.has(k)) this.forget(k);
        // Undated articles read before their dated neighbours: once more, now that the folder's dates are known.
        for (const e of [...this.entries.values()]) if (!e.analysis.published) this.entries.set(e.uri.toString(), await this.analyse(e.uri, e.text));
      };
      if (opts.progress || uris.length > 200) {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Newsmark: reading the workspace’s articles', cancellable: true },
          (p, token) => work(i => p.report({ message: `${i} of ${uris.length}`, increment: (25 / uris.length) * 100 }), token));
      } else {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Newsmark: indexing' }, () => work(() => undefined));
      }
      this.dirty.clear();
      return await this.check();
    } finally {
      this.indexing = false;
      void vscode.commands.executeCommand('setContext', 'newsmark.indexing', false);
      void this.saveCache();
    }
  }

  private async update(): Promise<void> {
    if (this.indexing) { this.schedule(); return; }
    this.updating = true;
    try { await this.updateNow(); } finally { this.updating = false; }
  }

  private async updateNow(): Promise<void> {
    for (const key of [...this.dirty]) {
      this.dirty.delete(key);
      const uri = vscode.Uri.parse(key);
      const text = await this.read(uri);
      if (text === null) this.forget(key); else this.entries.set(key, await this.analyse(uri, text));
    }
    await this.check();
    void this.saveCache();
  }

  /** The cross-article check over the index, with what researchers dismissed or marked in sidecars. */
  private async check(): Promise<CrossResult> {
    // A worker started again since holds no articles: they are given to it again, with their analyses.
    if (this.generation !== this.engine.generation) {
      this.generation = this.engine.generation;
      await Promise.all([...this.entries.entries()].map(([key, e]) => this.engine.article(key, e.text, {}, e.analysis)));
    }
    this.byName.clear();
    const inputs = [...this.entries.entries()].map(([key, e]) => {
      const name = this.nameOf(e.uri);
      this.byName.set(name, e.uri);
      // Explanations name an article by its outlet (from the sidecar), else by its path in the workspace.
      return { key, doc: name, label: e.outlet ?? name };
    });
    // Contradictions from the confidence the researcher asks for (newsmark.contradictions.minConfidence).
    const min = vscode.workspace.getConfiguration('newsmark').get<number>('contradictions.minConfidence', DEFAULT_MIN_CONFIDENCE);
    const result = await this.engine.cross(inputs, { minConfidence: Math.max(0, Math.min(1, min)) });
    result.conflicts = await this.applySidecars(result.conflicts);
    this.result = result;
    void vscode.commands.executeCommand('setContext', 'newsmark.articleCount', this.entries.size);
    this.emitter.fire(result);
    return result;
  }

  private async applySidecars(conflicts: CrossConflict[]): Promise<CrossConflict[]> {
    const out: CrossConflict[] = [];
    const sidecarOf = new Map<string, Awaited<ReturnType<typeof readSidecar>>>();
    const read = async (name: string) => {
      if (!sidecarOf.has(name)) {
        const uri = this.byName.get(name);
        let r: Awaited<ReturnType<typeof readSidecar>> = { ok: false, problems: [] };
        if (uri) try { r = readSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUriOf(uri))), sidecarLimits(uri)); } catch (e) { log().trace(`${name}: no sidecar (${errorText(e)})`); }
        sidecarOf.set(name, r);
      }
      return sidecarOf.get(name)!;
    };
    for (const c of conflicts) {
      const dismissedBy = async (x: Mention, y: Mention) => {
        const r = await read(x.doc);
        return r.ok && r.file.data.dismissed.some(d => d.exact === x.text && d.otherExact === y.text);
      };
      if (await dismissedBy(c.a, c.b) || await dismissedBy(c.b, c.a)) continue;
      out.push(c);
    }
    // Contradictions researchers marked themselves (relation "contradicts").
    for (const [name, uri] of this.byName) {
      const r = await read(name);
      if (!r.ok) continue;
      for (const rel of r.file.data.relations.filter(x => x.type === 'contradicts')) {
        const from = r.file.data.annotations.find(a => a.id === rel.from);
        if (!from) continue;
        const hashAt = rel.to.indexOf('#');
        const otherUri = hashAt < 0 ? uri : vscode.Uri.joinPath(uri, '..', rel.to.slice(0, hashAt));
        const otherName = this.nameOf(otherUri);
        const other = hashAt < 0 ? r : await read(otherName);
        const to = other.ok ? other.file.data.annotations.find(a => a.id === (hashAt < 0 ? rel.to : rel.to.slice(hashAt + 1))) : undefined;
        if (!to) continue;
        out.push({
          claim: null, kind: 'other', explanation: `marked as contradicting by a researcher (${name} → ${otherName})`,
          a: { doc: name, start: from.anchor.start, end: from.anchor.end, text: from.anchor.exact },
          b: { doc: otherName, start: to.anchor.start, end: to.anchor.end, text: to.anchor.exact },
        });
      }
    }
    return out;
  }

  dispose(): void {
    clearTimeout(this.timer);
    void this.saveCache();
    for (const s of this.subs) s.dispose();
  }
}
