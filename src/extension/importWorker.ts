// Article import's reading of a page, in a worker thread of the extension host: a large page is parsed without
// blocking the editor (and can be given up on). Bundled by scripts/build.mjs as dist/importWorker.js.

import { parentPort } from 'node:worker_threads';
import { extractArticle, type ExtractOptions, type ImportResult } from '../core/exchange/htmlArticle';

parentPort?.on('message', (m: { html: string; opts: ExtractOptions }) => {
  let r: ImportResult;
  try {
    r = extractArticle(m.html, m.opts);
  } catch (e) {
    r = { ok: false, error: `the page could not be read (${(e as Error).message})` };
  }
  parentPort!.postMessage(r);
});
