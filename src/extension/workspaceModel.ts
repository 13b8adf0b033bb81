// The editor's adapter over the workspace model (src/core/workspace): one model per workspace folder, built from
// the settings (newsmark.articles.include / exclude, files.exclude, newsmark.sidecarLocation) over
// vscode.workspace.fs, so the editor, its index and the timeline find articles, sidecars and dates as the CLI does.

import * as vscode from 'vscode';
import type { SidecarFs } from '../core/annotations/store';
import {
  type DirEntry,
  type SidecarLocation,
  sidecarPathFor,
  type WorkspaceFs,
  WorkspaceModel,
} from '../core/workspace';
import { lockFile, replaceFile, staleTemps, targetOf } from '../node/sidecarFs';
import { setting } from './settings';
import { isSidecarPath, watchFiles } from './fileEvents';
import { errorText, log } from './log';
import { localFsOf } from './localFs';

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

const notFound = (e: unknown) =>
  (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') ||
  (e as { code?: string }).code === 'FileNotFound' ||
  /ENOENT|not found|nonexistent/i.test(String(e));

const kindOf = (t: vscode.FileType): DirEntry['kind'] =>
  t & vscode.FileType.Directory ? 'dir' : t & vscode.FileType.File ? 'file' : 'other';

/**
 * The model's port on `vscode.workspace.fs`, for the files of one scheme and authority (`base`): a path is the
 * URI's path. On the local disk, the CLI's lock files, link targets and leftovers too.
 */
export function workspaceFsFor(base: vscode.Uri): WorkspaceFs {
  const uri = (p: string) => base.with({ path: p, query: '', fragment: '' });
  const local = base.scheme === 'file';
  // Reads of the local disk go straight to it (localFs.ts: vscode.workspace.fs costs a round trip per call).
  const disk = localFsOf(base);
  return {
    async read(p) {
      try {
        return decoder.decode(disk ? await disk.readFile(uri(p).fsPath) : await vscode.workspace.fs.readFile(uri(p)));
      } catch (e) {
        if (notFound(e)) return null;
        throw e;
      }
    },
    async write(p, text) {
      await vscode.workspace.fs.writeFile(uri(p), encoder.encode(text));
    },
    async rename(from, to) {
      // On the local disk in one step: the workbench's rename with overwrite deletes the target, then moves.
      if (local && replaceFile(uri(from).fsPath, uri(to).fsPath)) return;
      await vscode.workspace.fs.rename(uri(from), uri(to), { overwrite: true });
    },
    async remove(p) {
      try {
        await vscode.workspace.fs.delete(uri(p));
      } catch (e) {
        log().debug(`not removed (already gone?): ${p}: ${errorText(e)}`);
      }
    },
    async list(dir) {
      try {
        const entries = disk
          ? await disk.readDirectory(uri(dir).fsPath)
          : await vscode.workspace.fs.readDirectory(uri(dir));
        return entries.map(([name, type]) => {
          const kind = kindOf(type);
          // A link to a folder: its real place (local disk), so that a walk never loops.
          return kind === 'dir' && local && type & vscode.FileType.SymbolicLink
            ? { name, kind, real: targetOf(uri(`${dir}/${name}`).fsPath) }
            : { name, kind };
        });
      } catch (e) {
        log().trace(`no folder listed at ${dir}: ${errorText(e)}`);
        return null;
      }
    },
    async stat(p) {
      try {
        const st = disk ? await disk.stat(uri(p).fsPath) : await vscode.workspace.fs.stat(uri(p));
        return { kind: kindOf(st.type), size: st.size };
      } catch (e) {
        log().trace(`nothing at ${p}: ${errorText(e)}`);
        return null;
      }
    },
    ...(local
      ? {
          lock: (p: string) => lockFile(uri(p).fsPath),
          target: async (p: string) => {
            const real = targetOf(uri(p).fsPath);
            return real === uri(p).fsPath ? p : vscode.Uri.file(real).path;
          },
          leftovers: async (p: string) => staleTemps(uri(p).fsPath).map(f => vscode.Uri.file(f).path),
        }
      : {}),
  };
}

/**
 * The same port for the sidecar store of open articles, which keeps sidecars by URI string (any scheme): each call
 * goes to the port of that URI's file system.
 */
export const uriStringFs: SidecarFs = (() => {
  const on = (p: string) => {
    const u = vscode.Uri.parse(p);
    return { u, fs: workspaceFsFor(u) };
  };
  return {
    read: p => {
      const { u, fs } = on(p);
      return fs.read(u.path);
    },
    write: (p, text) => {
      const { u, fs } = on(p);
      return fs.write(u.path, text);
    },
    rename: (from, to) => {
      const a = on(from);
      return a.fs.rename(a.u.path, vscode.Uri.parse(to).path);
    },
    remove: p => {
      const { u, fs } = on(p);
      return fs.remove(u.path);
    },
    lock: p => {
      const { u, fs } = on(p);
      return fs.lock ? fs.lock(u.path) : Promise.resolve(async () => undefined);
    },
    target: async p => {
      const { u, fs } = on(p);
      const t = fs.target ? await fs.target(u.path) : u.path;
      return t === u.path ? p : u.with({ path: t }).toString();
    },
    leftovers: async p => {
      const { u, fs } = on(p);
      return ((await fs.leftovers?.(u.path)) ?? []).map(x => u.with({ path: x }).toString());
    },
  };
})();

/** The editor's workspace models, one per workspace folder (and one without a root for files outside every folder). */
export class EditorWorkspace implements vscode.Disposable {
  private readonly models = new Map<string, WorkspaceModel>();
  private readonly subs: vscode.Disposable[] = [];
  private readonly forgot = new vscode.EventEmitter<void>();
  /** Fires when what the models read may be out of date (a sidecar or article changed, settings changed). */
  readonly onDidForget = this.forgot.event;

  constructor() {
    const forget = (u: vscode.Uri) => {
      this.models.get(this.keyOf(u))?.forget(u.path);
      this.forgot.fire();
    };
    this.subs.push(
      watchFiles(isSidecarPath, { create: forget, change: forget, delete: forget }),
      vscode.workspace.onDidSaveTextDocument(d => forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('newsmark') || e.affectsConfiguration('files.exclude')) {
          this.models.clear();
          this.forgot.fire();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.models.clear();
        this.forgot.fire();
      }),
      this.forgot,
    );
  }

  private keyOf(uri: vscode.Uri): string {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? folder.uri.toString() : `${uri.scheme}://${uri.authority}`;
  }

  /** The model of the workspace folder a file is in. */
  modelOf(uri: vscode.Uri): WorkspaceModel {
    const key = this.keyOf(uri);
    let m = this.models.get(key);
    if (!m) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const filesExclude = Object.entries(
        vscode.workspace.getConfiguration('files', folder).get<Record<string, boolean>>('exclude', {}),
      )
        .filter(([, on]) => on === true)
        .map(([g]) => g);
      m = new WorkspaceModel(workspaceFsFor(folder?.uri ?? uri), {
        root: folder ? folder.uri.path : null,
        globs: {
          include: setting<string>('articles.include', '**/*.{txt,md,news}', folder),
          exclude: [
            ...setting<string[]>('articles.exclude', [], folder),
            ...filesExclude.map(g => (g.startsWith('**/') || g.startsWith('/') ? g : `**/${g}`)),
          ],
        },
        location: setting<SidecarLocation>('sidecarLocation', 'beside', folder),
      });
      this.models.set(key, m);
    }
    return m;
  }

  /** A path of the model as a URI of the file system `like` is on. */
  uriOf(like: vscode.Uri, path: string): vscode.Uri {
    return like.with({ path, query: '', fragment: '' });
  }

  /** The article's sidecar: the one that exists (beside it or in `.newsmark/`), else where a new one goes. */
  async sidecarOf(article: vscode.Uri): Promise<vscode.Uri> {
    const s = await this.modelOf(article).sidecar(article.path);
    return this.uriOf(article, s.path);
  }

  /** Every workspace folder's articles, by the settings. */
  async articles(): Promise<vscode.Uri[]> {
    const out: vscode.Uri[] = [];
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      for (const p of await this.modelOf(f.uri).articlesUnder()) out.push(this.uriOf(f.uri, p));
    }
    return out;
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}

/** Where a new sidecar of an article goes, by the setting (sync: no look at the disk). */
export function newSidecarUri(article: vscode.Uri): vscode.Uri {
  const folder = vscode.workspace.getWorkspaceFolder(article);
  return article.with({
    path: sidecarPathFor(article.path, {
      root: folder?.uri.path ?? null,
      location: setting<SidecarLocation>('sidecarLocation', 'beside', article),
    }),
  });
}
