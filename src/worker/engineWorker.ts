// The analysis worker's entry, bundled by scripts/build.mjs as dist/engineWorker.js: the same file runs as a Node
// worker thread (desktop extension host, CLI) and as a Web Worker (the web extension host).

import { type FilePort, type FromWorker, serveEngine, type ToWorker } from './engineServer';

declare const require: ((id: string) => unknown) | undefined;
declare const self:
  | { onmessage: ((e: { data: ToWorker }) => void) | null; postMessage(m: FromWorker, transfer?: ArrayBuffer[]): void }
  | undefined;

type Port = {
  on(ev: 'message', f: (m: ToWorker) => void): void;
  postMessage(m: FromWorker, transfer?: ArrayBuffer[]): void;
};
const nodePort =
  typeof require === 'function' && typeof process !== 'undefined' && process.versions?.node
    ? (require('node:worker_threads') as { parentPort: Port | null }).parentPort
    : null;

if (nodePort) {
  // Analysis is background work: this thread runs below normal priority (on Linux a thread's own nice value), so
  // that the extension host's thread, the editor and the user's other programs get the processor first when it is
  // busy. Nothing changes on an idle machine; where the priority cannot be set, it stays as it was.
  try {
    (require!('node:os') as { setPriority(priority: number): void }).setPriority(10);
  } catch {
    // (not allowed, or not supported here: normal priority)
  }
  // In a Node worker thread, the analysis cache's file is read and written here: its bytes never visit the host.
  const fs = require!('node:fs') as {
    readFileSync(p: string): Uint8Array;
    writeFileSync(p: string, b: Uint8Array): void;
    renameSync(a: string, b: string): void;
  };
  const files: FilePort = {
    read: path => fs.readFileSync(path),
    write: (path, bytes) => {
      fs.writeFileSync(`${path}.tmp`, bytes);
      fs.renameSync(`${path}.tmp`, path);
    },
  };
  serveEngine(
    f => nodePort.on('message', f),
    (m, transfer) => (transfer ? nodePort.postMessage(m, transfer) : nodePort.postMessage(m)),
    f => setImmediate(f),
    files,
  );
} else if (typeof self !== 'undefined') {
  const scope = self;
  serveEngine(
    f => {
      scope.onmessage = e => f(e.data);
    },
    (m, transfer) => (transfer ? scope.postMessage(m, transfer) : scope.postMessage(m)),
  );
}
