// The analysis worker's entry, bundled by scripts/build.mjs as dist/engineWorker.js: the same file runs as a Node
// worker thread (desktop extension host, CLI) and as a Web Worker (the web extension host).

import { type FromWorker, serveEngine, type ToWorker } from './engineServer';

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
  serveEngine(
    f => nodePort.on('message', f),
    (m, transfer) => (transfer ? nodePort.postMessage(m, transfer) : nodePort.postMessage(m)),
    f => setImmediate(f),
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
