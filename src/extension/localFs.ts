// The local disk read straight through Node (file: URIs on a desktop extension host). vscode.workspace.fs asks the
// workbench before each call whether the scheme's provider is active (a round trip of messages per call, each
// encoded, compressed and written on the extension host's thread): indexing thousands of articles made thousands.
// (The web build replaces this file with localFs.web.ts: there is no local disk there.)
//
// Small files and stats are read at once, not through Node's callbacks: each asynchronous call hops to Node's
// thread pool and back (a file read is four hops: open, size, read, close), and each hop's callback runs on the
// extension host's thread. For thousands of sidecars that cost the thread far more than reading them: a small
// file read at once takes some tens of microseconds; through callbacks, on a loaded machine, hundreds.

import { readdirSync, readFile, readFileSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

/** What the index and the workspace model read of a folder or file on the local disk. */
export interface LocalFs {
  readFile(path: string): Promise<Uint8Array>;
  /** A folder's entries as vscode.workspace.fs.readDirectory gives them (a link: its target's type, flagged). */
  readDirectory(path: string): Promise<[string, vscode.FileType][]>;
  stat(path: string): Promise<{ type: vscode.FileType; size: number }>;
}

const typeOf = (s: { isDirectory(): boolean; isFile(): boolean }): vscode.FileType =>
  s.isDirectory() ? vscode.FileType.Directory : s.isFile() ? vscode.FileType.File : vscode.FileType.Unknown;

/** The file system of a URI's path when it is on the local disk (file: scheme), else null (vscode.workspace.fs). */
export function localFsOf(uri: vscode.Uri): LocalFs | null {
  return uri.scheme === 'file' ? local : null;
}

/** Files up to this size are read at once; a larger one through callbacks, so as not to hold the thread. */
const AT_ONCE = 256 * 1024;

/** What is at a path, or null when nothing can be found there (no file, no permission, a loop of links). */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** When the run of work that reads at once began (-1: none runs): a run of more than SLICE_MS makes way. */
let runStart = -1;
const SLICE_MS = 3;

/**
 * A promise of what `f` returns, or of the error it throws. A caller that reads many in a row (a walk over
 * thousands of folders) gets its answer in the same task for a few milliseconds, then in a later one: between, the
 * extension host's other work runs.
 */
function now<T>(f: () => T): Promise<T> {
  const t = Date.now();
  if (runStart < 0) {
    runStart = t;
    // (once this task ends, and the microtasks it queued, the next read starts a new run)
    setImmediate(() => (runStart = -1));
  }
  let settle: (resolve: (v: T) => void, reject: (e: Error) => void) => void;
  try {
    const v = f();
    settle = resolve => resolve(v);
  } catch (e) {
    settle = (_, reject) => reject(e as Error);
  }
  if (t - runStart < SLICE_MS) return new Promise(settle);
  return new Promise((resolve, reject) => setTimeout(() => settle(resolve, reject), 0));
}

const local: LocalFs = {
  readFile: path => {
    const st = statOrNull(path);
    if (st?.isFile() && st.size <= AT_ONCE) return now(() => readFileSync(path));
    return new Promise((resolve, reject) => readFile(path, (e, b) => (e ? reject(e) : resolve(b))));
  },
  readDirectory: path =>
    now(() => readdirSync(path, { withFileTypes: true })).then(entries => {
      const out: [string, vscode.FileType][] = [];
      for (const d of entries) {
        if (!d.isSymbolicLink()) {
          out.push([d.name, typeOf(d)]);
          continue;
        }
        // (a link's target's type; a dangling link, or a loop: unknown)
        const s = statOrNull(join(path, d.name));
        out.push([d.name, vscode.FileType.SymbolicLink | (s ? typeOf(s) : vscode.FileType.Unknown)]);
      }
      return out;
    }),
  stat: path =>
    now(() => {
      const s = statSync(path);
      return { type: typeOf(s), size: s.size };
    }),
};
