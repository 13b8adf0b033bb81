// Starts the analysis worker on the desktop: a Node worker thread running dist/engineWorker.js. (The web build
// replaces this file with spawnWorker.web.ts.)

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { WorkerLike } from './engine';

export async function spawnWorker(_extensionUri: vscode.Uri): Promise<WorkerLike | null> {
  const file = join(__dirname, 'engineWorker.js');
  if (!existsSync(file)) return null;
  const w = new Worker(file);
  // The worker must not keep the extension host alive on its own.
  w.unref();
  let terminated = false;
  return {
    postMessage: (m, transfer) => (transfer ? w.postMessage(m, transfer) : w.postMessage(m)),
    onMessage: f => {
      w.on('message', f);
    },
    onExit: f => {
      let gone = false;
      const once = (why: string) => {
        if (!gone) {
          gone = true;
          f(why);
        }
      };
      w.on('error', e => once(e.message));
      w.on('exit', code => {
        if (!terminated) once(`exit code ${code}`);
      });
    },
    terminate: () => {
      terminated = true;
      void w.terminate();
    },
  };
}
