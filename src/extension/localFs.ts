// The local disk read straight through Node (file: URIs on a desktop extension host). vscode.workspace.fs asks the
// workbench before each call whether the scheme's provider is active (a round trip of messages per call, each
// encoded, compressed and written on the extension host's thread): indexing thousands of articles made thousands.
// (The web build replaces this file with localFs.web.ts: there is no local disk there.)

import { readdir, readFile, stat } from 'node:fs';
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

const local: LocalFs = {
  readFile: path => new Promise((resolve, reject) => readFile(path, (e, b) => (e ? reject(e) : resolve(b)))),
  readDirectory: path =>
    new Promise((resolve, reject) =>
      readdir(path, { withFileTypes: true }, (e, entries) => {
        if (e) return reject(e);
        const out: [string, vscode.FileType][] = [];
        const links: Promise<void>[] = [];
        for (const d of entries) {
          if (!d.isSymbolicLink()) {
            out.push([d.name, typeOf(d)]);
            continue;
          }
          const at = out.push([d.name, vscode.FileType.SymbolicLink | vscode.FileType.Unknown]) - 1;
          links.push(
            new Promise(done =>
              stat(join(path, d.name), (err, s) => {
                if (!err) out[at] = [d.name, vscode.FileType.SymbolicLink | typeOf(s)];
                done();
              }),
            ),
          );
        }
        void Promise.all(links).then(() => resolve(out));
      }),
    ),
  stat: path =>
    new Promise((resolve, reject) =>
      stat(path, (e, s) => (e ? reject(e) : resolve({ type: typeOf(s), size: s.size }))),
    ),
};
