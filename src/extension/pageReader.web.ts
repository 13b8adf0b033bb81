// Reading a saved web page into an article, on the web: the page parser (linkedom and Readability, pure JavaScript)
// runs in the web extension host's own worker, loaded on the first import.

import type { ExtractOptions, ImportResult } from '../core/exchange/htmlArticle';

export async function extract(html: string, opts: ExtractOptions): Promise<ImportResult> {
  const { extractArticle } = await import('../core/exchange/htmlArticle');
  try {
    return extractArticle(html, opts);
  } catch (e) {
    return { ok: false, error: `the page could not be read (${(e as Error).message})` };
  }
}
