// Reading a saved web page into an article, on the desktop: in a worker thread (dist/importWorker.js). The web
// build replaces this file with pageReader.web.ts.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExtractOptions, ImportResult } from '../core/exchange/htmlArticle';

/** Longest a page may take to read before it is given up on. */
const READ_TIMEOUT_MS = 60000;

/**
 * Reads a page in a worker thread (dist/importWorker.js), so that the editor never waits on a large page; where the
 * worker bundle is missing (tests run from sources), in this thread, loading the parser on first use.
 */
export async function extract(html: string, opts: ExtractOptions): Promise<ImportResult> {
  const script = join(__dirname, 'importWorker.js');
  if (!existsSync(script)) {
    // scripts/build.mjs makes this a bundle of its own (dist/importer.js), loaded only here.
    const { extractArticle } = await import('../core/exchange/htmlArticle');
    return extractArticle(html, opts);
  }
  return new Promise(resolve => {
    const worker = new Worker(script);
    const done = (r: ImportResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(
      () =>
        done({
          ok: false,
          error: `reading the page took over ${READ_TIMEOUT_MS / 1000} s and was given up; save only the article page (File › Save Page As…, "HTML only") and import that`,
        }),
      READ_TIMEOUT_MS,
    );
    worker.once('message', (r: ImportResult) => done(r));
    worker.once('error', e => done({ ok: false, error: `the page could not be read (${e.message})` }));
    worker.postMessage({ html, opts });
  });
}
