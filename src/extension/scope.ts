// Where Newsmark works. It reads articles (files that match newsmark.articles.include and not .exclude) in a
// workspace that uses Newsmark: one with a sidecar or a .newsmark folder, or where the user ran "Newsmark: Enable in
// This Workspace". Elsewhere it stays quiet, and offers itself once, from the status bar, when an article-like file
// is open. Files of Newsmark's own language (.news) are always articles.
//
// The user's choice is kept in the workspace state, not in a file: enabling must not add a file to somebody's code
// repository (nor to git status), and it works in read-only, virtual and untrusted workspaces. A team that wants
// Newsmark on for everyone has a file to commit anyway: a sidecar, or a .newsmark folder.

import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar';
import { isSidecarPath, watchFiles } from './fileEvents';
import { errorText, log } from './log';
import { setting } from './settings';

const CHOICE = 'newsmark.workspace'; // 'on' | 'off' | undefined (undefined: decided by the workspace's files)
const OFFER_DISMISSED = 'newsmark.offerDismissed';
const DEFAULT_INCLUDE = '**/*.{txt,md,news}';
const DEFAULT_EXCLUDE = ['**/README.md', '**/CHANGELOG.md', '**/LICENSE*'];
// Never articles, whatever the settings say.
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.newsmark/**', `**/*${SIDECAR_SUFFIX}`];

/** Whether `uri` matches a glob, by VS Code's own glob matcher (the one findFiles uses); relative to `base` if given. */
function globMatches(uri: vscode.Uri, glob: string, base: vscode.Uri | undefined): boolean {
  const pattern = base ? new vscode.RelativePattern(base, glob) : glob;
  // languages.match reads only uri and languageId of the document for a selector of a pattern alone.
  return vscode.languages.match({ pattern }, { uri, languageId: 'plaintext' } as vscode.TextDocument) > 0;
}

/**
 * The settings newsmark.articles.include and .exclude where `uri` is (they are set per workspace folder), and the
 * folder they are relative to.
 */
interface ArticleGlobs {
  base: vscode.Uri | undefined;
  include: string;
  exclude: string[];
}

function articleGlobs(uri: vscode.Uri, folder = vscode.workspace.getWorkspaceFolder(uri)): ArticleGlobs {
  return {
    base: folder?.uri,
    include: setting<string>('articles.include', DEFAULT_INCLUDE, uri),
    exclude: [...setting<string[]>('articles.exclude', DEFAULT_EXCLUDE, uri), ...ALWAYS_EXCLUDED],
  };
}

/**
 * Whether a file is an article by the settings newsmark.articles.include and .exclude. The one place that decides
 * it for the editor: the workspace model of src/core can take its place.
 */
export function isArticleFile(uri: vscode.Uri, globs = articleGlobs(uri)): boolean {
  const { base, include, exclude } = globs;
  try {
    return globMatches(uri, include, base) && !exclude.some(g => globMatches(uri, g, base));
  } catch (e) {
    log().warn(`could not match ${uri.toString(true)} against newsmark.articles globs: ${errorText(e)}`);
    return false;
  }
}

/** Whether a workspace folder uses Newsmark: it has a .newsmark folder or a sidecar somewhere. */
async function usesNewsmark(folder: vscode.WorkspaceFolder): Promise<boolean> {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, '.newsmark'));
    if (stat.type & vscode.FileType.Directory) return true;
  } catch {
    log().trace(`${folder.name}: no .newsmark folder`);
  }
  try {
    const found = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, `**/*${SIDECAR_SUFFIX}`),
      '**/node_modules/**',
      1,
    );
    return found.length > 0;
  } catch (e) {
    // Some virtual file systems cannot search: such a workspace is enabled by the command.
    log().info(`${folder.name}: cannot search for sidecars (${errorText(e)})`);
    return false;
  }
}

export class Scope implements vscode.Disposable {
  /** Workspace folders (URI strings) that have a sidecar or a .newsmark folder. */
  private readonly using = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when where Newsmark works may have changed (detection, enable, disable, the article globs). */
  readonly onDidChange = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];
  /** The article globs of each workspace folder (by URI; '' outside every folder), as acceptsFile last read them. */
  private readonly globs = new Map<string, ArticleGlobs>();
  /** Resolves once the workspace's folders were looked at. */
  readonly ready: Promise<void>;

  constructor(private readonly state: vscode.Memento) {
    this.subs.push(
      watchFiles(u => isSidecarPath(u) || u.path.endsWith('/.newsmark'), {
        create: uri => {
          // (every folder known to use Newsmark already: no look-up of the folder, for each of thousands of sidecars)
          if (this.using.size >= (vscode.workspace.workspaceFolders?.length ?? 0)) return;
          const f = vscode.workspace.getWorkspaceFolder(uri);
          if (f && !this.using.has(f.uri.toString())) {
            this.using.add(f.uri.toString());
            this.changed();
          }
        },
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.globs.clear();
        void this.detect();
      }),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (!e.affectsConfiguration('newsmark.articles')) return;
        this.globs.clear();
        this.changed();
      }),
      this.emitter,
    );
    this.ready = this.detect();
  }

  private async detect(): Promise<void> {
    this.using.clear();
    for (const f of vscode.workspace.workspaceFolders ?? [])
      if (await usesNewsmark(f)) this.using.add(f.uri.toString());
    log().info(
      `uses Newsmark: ${[...this.using].length} of ${vscode.workspace.workspaceFolders?.length ?? 0} workspace folder(s); choice: ${this.choice() ?? 'none'}`,
    );
    this.changed();
  }

  private changed(): void {
    void vscode.commands.executeCommand('setContext', 'newsmark.enabled', this.anyEnabled());
    this.emitter.fire();
  }

  /** What the user chose for this workspace, if anything. */
  private choice(): 'on' | 'off' | undefined {
    const c = this.state.get<string>(CHOICE);
    return c === 'on' || c === 'off' ? c : undefined;
  }

  /** Whether Newsmark works where a file is (its workspace folder; a file outside every folder: the user's choice). */
  enabledAt(uri: vscode.Uri): boolean {
    return this.enabledIn(vscode.workspace.getWorkspaceFolder(uri));
  }

  private enabledIn(folder: vscode.WorkspaceFolder | undefined): boolean {
    const c = this.choice();
    if (c) return c === 'on';
    return !!folder && this.using.has(folder.uri.toString());
  }

  /** Whether Newsmark works anywhere in this window. */
  anyEnabled(): boolean {
    const c = this.choice();
    return c ? c === 'on' : this.using.size > 0;
  }

  /** Whether Newsmark reads a document (of an article's language): the editor's one rule. */
  accepts(doc: vscode.TextDocument): boolean {
    if (doc.languageId !== 'news' && !this.enabledAt(doc.uri)) return false;
    // An untitled document has no path to match: the user wrote or pasted it here.
    return doc.uri.scheme === 'untitled' || isArticleFile(doc.uri);
  }

  /**
   * Whether the workspace index reads a file. (It asks for every file of the workspace: the article globs are read
   * once per workspace folder, not from the settings for each file, until the settings or the folders change.)
   */
  acceptsFile(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!this.enabledIn(folder)) return false;
    const key = folder?.uri.toString() ?? '';
    let globs = this.globs.get(key);
    if (!globs) this.globs.set(key, (globs = articleGlobs(uri, folder)));
    return isArticleFile(uri, globs);
  }

  /** Whether to offer Newsmark for a document: it looks like an article, Newsmark is off there, and the user did not say no. */
  offersFor(doc: vscode.TextDocument): boolean {
    return (
      !this.accepts(doc) &&
      this.choice() !== 'off' &&
      !this.state.get<boolean>(OFFER_DISMISSED) &&
      doc.uri.scheme !== 'untitled' &&
      isArticleFile(doc.uri)
    );
  }

  async enable(): Promise<void> {
    await this.state.update(CHOICE, 'on');
    log().info('enabled in this workspace by the user');
    this.changed();
  }

  async disable(): Promise<void> {
    await this.state.update(CHOICE, 'off');
    log().info('disabled in this workspace by the user');
    this.changed();
  }

  async dismissOffer(): Promise<void> {
    await this.state.update(OFFER_DISMISSED, true);
    this.changed();
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
