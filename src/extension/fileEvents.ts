// One file watcher for all of Newsmark (one per workspace folder). The extension host matches every file event of
// the workspace against every watcher's glob, one by one, on its own thread: when a folder of 2,000 articles lands,
// each watcher more is 2,000 matches more in one task. Each part of Newsmark says which files it cares about (a test
// on the path, cheap) and what to do; they share the watcher, made when the first part asks and let go when the last
// one is done.
// The events are only noted in the task that brings them (the extension host delivers a batch of thousands at
// once, in one task): the parts hear of them a slice at a time, in later tasks, in the order they came.

import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar';
import { errorText, log } from './log';

// Every file any part of Newsmark watches: articles, sidecars and the .newsmark folder. Written as a list of
// patterns that each start with **/ inside braces, which the extension host matches by the end of the path (the
// same files as **/{*.txt,...}, which it matches by a regular expression: a cost per event, for each of the
// thousands of a batch, on its thread). It is given relative to each workspace folder: for a watcher given a bare
// glob, the extension host also looks up each event's workspace folder (a walk down a tree of the path's parts),
// to drop events from outside the workspace, which a folder's pattern never matches anyway.
const GLOB = `{**/*.txt,**/*.md,**/*.news,**/*${SIDECAR_SUFFIX},**/.newsmark}`;

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

/**
 * Events noted and not yet handed to the parts, in the order they came: each event's kind and file side by side in
 * two lists (no small object per event), from `next` on. What was handed on is cut off only once it is half of them
 * or more (not after each slice: thousands of entries were copied again every few milliseconds).
 */
let kinds: (keyof FileHandlers)[] = [];
let uris: vscode.Uri[] = [];
let next = 0;
let draining = false;

function dispatch(kind: keyof FileHandlers, uri: vscode.Uri): void {
  kinds.push(kind);
  uris.push(uri);
  if (draining) return;
  draining = true;
  setTimeout(drain, 0);
}

/** Hands the noted events to the parts, for a few milliseconds a task. */
function drain(): void {
  const start = Date.now();
  try {
    while (next < uris.length && Date.now() - start < 3) {
      // (a dozen at a time between looks at the clock)
      for (const end = Math.min(uris.length, next + 12); next < end;) {
        const kind = kinds[next];
        const uri = uris[next];
        next++;
        for (const w of watches) {
          try {
            if (w[kind] && w.wants(uri)) w[kind]!(uri);
          } catch (e) {
            log().error(`file event (${kind} ${uri.toString(true)}): ${errorText(e)}`);
          }
        }
      }
    }
  } finally {
    if (next < uris.length) {
      // (what was handed on is cut off once it is at least half of the lists: each copy costs no more than the
      // events handed on since the one before)
      if (next * 2 >= uris.length) {
        kinds = kinds.slice(next);
        uris = uris.slice(next);
        next = 0;
      }
      setTimeout(drain, 0);
    } else {
      kinds = [];
      uris = [];
      next = 0;
      draining = false;
    }
  }
}

/** One watcher of GLOB for each workspace folder (but one inside another: its events are the outer one's too). */
function watchFolders(): vscode.Disposable {
  const parts: vscode.Disposable[] = [];
  const folders = vscode.workspace.workspaceFolders ?? [];
  const inside = (a: vscode.Uri, b: vscode.Uri) =>
    a.scheme === b.scheme && a.authority === b.authority && a.path.startsWith(b.path.replace(/\/?$/, '/'));
  for (const folder of folders) {
    if (folders.some(f => f !== folder && inside(folder.uri, f.uri))) continue;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, GLOB));
    parts.push(
      watcher,
      watcher.onDidCreate(u => dispatch('create', u)),
      watcher.onDidChange(u => dispatch('change', u)),
      watcher.onDidDelete(u => dispatch('delete', u)),
    );
  }
  return vscode.Disposable.from(...parts);
}

/** Calls the handlers for file events on paths `wants` accepts (of the files in GLOB), until disposed. */
export function watchFiles(wants: (uri: vscode.Uri) => boolean, handlers: FileHandlers): vscode.Disposable {
  const w: Watch = { wants, ...handlers };
  watches.add(w);
  if (!shared) {
    let folders = watchFolders();
    shared = vscode.Disposable.from(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        folders.dispose();
        folders = watchFolders();
      }),
      { dispose: () => folders.dispose() },
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
