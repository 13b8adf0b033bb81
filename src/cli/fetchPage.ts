// A web page fetched by address for `import-article` (CLI and editor; both run on Node, whose fetch this is): read
// with a size limit, and every way it can fail said in words a reader understands (offline, blocked, refused, not
// HTML, too large).

import { MAX_PAGE_BYTES, tooLargeError } from '../core/exchange/articleFiles';

export interface Page {
  bytes: Uint8Array;
  contentType: string | null;
  url?: string;
}

/** Why a fetch failed, in words, from Node's error (its cause carries the system error code). */
function fetchFailure(url: string, e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.cause?.code ?? '';
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || code === 'UND_ERR_CONNECT_TIMEOUT')
    return `${host} did not answer in time; check the connection, or save the page in the browser and import the file`;
  if (/^(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ECONNRESET|ETIMEDOUT|EPERM|EACCES)$/.test(code)) {
    return `could not reach ${host} (${code}): this machine seems to be offline, or the address is blocked. Save the page in the browser (File › Save Page As…) and import the file instead`;
  }
  return `could not fetch ${url}: ${err.cause?.message ?? err.message ?? String(e)}`;
}

export async function fetchPage(url: string, timeoutMs: number): Promise<Page | string> {
  let res: Response;
  try {
    res = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', 'user-agent': 'Newsmark (article import)' },
    });
  } catch (e) {
    return fetchFailure(url, e);
  }
  if (!res.ok) return `the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${url}`;
  const type = res.headers.get('content-type');
  if (type && !/html|xml|text\/plain/i.test(type)) return `the address gives ${type.split(';')[0]}, not an HTML page`;
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_PAGE_BYTES) {
    await res.body?.cancel();
    return tooLargeError(declared);
  }
  // Read with a limit: a server need not say how long the page is.
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (e) {
        return fetchFailure(url, e);
      }
      if (next.done) break;
      total += next.value.length;
      if (total > MAX_PAGE_BYTES) {
        await reader.cancel();
        return tooLargeError(total);
      }
      chunks.push(next.value);
    }
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, contentType: type, url: res.url || url };
}
