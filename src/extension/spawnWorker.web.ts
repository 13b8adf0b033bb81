// Starts the analysis worker on the web: a Web Worker running dist/engineWorker.js. The script is read through
// vscode.workspace.fs (the extension's files may be on another origin) and started from a blob URL.

import * as vscode from 'vscode';
import type { WorkerLike } from './engine';

declare const Worker:
  | {
      new (url: string): {
        postMessage(m: unknown, transfer?: ArrayBuffer[]): void;
        terminate(): void;
        onmessage: ((e: { data: never }) => void) | null;
        onerror: ((e: { message?: string }) => void) | null;
      };
    }
  | undefined;
declare const Blob: { new (parts: BlobPart[], opts: { type: string }): object };
declare const URL: { createObjectURL(b: object): string };
type BlobPart = string | Uint8Array;

export async function spawnWorker(extensionUri: vscode.Uri): Promise<WorkerLike | null> {
  if (typeof Worker === 'undefined') return null;
  const code = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist/engineWorker.js'));
  const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const w = new Worker(url);
  return {
    postMessage: (m, transfer) => (transfer ? w.postMessage(m, transfer) : w.postMessage(m)),
    onMessage: f => {
      w.onmessage = e => f(e.data);
    },
    onExit: f => {
      w.onerror = e => f(e.message ?? 'error');
    },
    terminate: () => w.terminate(),
  };
}
