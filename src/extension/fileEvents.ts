// One file watcher for all of Newsmark. The extension host matches every file event of the workspace against every
// watcher's glob, one by one, on its own thread: when a folder of 2,000 articles lands, each watcher more is 2,000
// matches more in one task. Each part of Newsmark says which files it cares about (a test on the path, cheap) and
// what to do; they share the one watcher, made when the first part asks and let go when the last one is done.

import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar';

/** Every file any part of Newsmark watches: articles, sidecars and the .newsmark folder. */
const GLOB = `**/{*.txt,*.md,*.news,*${SIDECAR_SUFFIX},.newsmark}`;

export interface FileHandlers {
  create?: (uri: vscode.Uri) => void;
  change?: (uri: vscode.Uri) => void;
  delete?: (uri: vscode.Uri) => void;
}

interface Watch extends FileHandlers {
  wants: (uri: vscode.Uri) => boolean;
}

const watches = new Set<Watch>();
let shared: vscode.Disposable | undefined;

function dispatch(kind: keyof FileHandlers, uri: vscode.Uri): void {
  for (const w of watches) if (w[kind] && w.wants(uri)) w[kind]!(uri);
}

/** Calls the handlers for file events on paths `wants` accepts (of the files in GLOB), until disposed. */
export function watchFiles(wants: (uri: vscode.Uri) => boolean, handlers: FileHandlers): vscode.Disposable {
  const w: Watch = { wants, ...handlers };
  watches.add(w);
  if (!shared) {
    const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
    shared = vscode.Disposable.from(
      watcher,
      watcher.onDidCreate(u => dispatch('create', u)),
      watcher.onDidChange(u => dispatch('change', u)),
      watcher.onDidDelete(u => dispatch('delete', u)),
    );
  }
  return new vscode.Disposable(() => {
    watches.delete(w);
    if (!watches.size && shared) {
      shared.dispose();
      shared = undefined;
    }
  });
}

/** Whether a path is a sidecar's. */
export const isSidecarPath = (uri: vscode.Uri): boolean => uri.path.endsWith(SIDECAR_SUFFIX);
