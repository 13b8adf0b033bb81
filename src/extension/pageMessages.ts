// What the webview pages may be given and may send: a nonce for their Content-Security-Policy, and the one
// message they send, checked before it is used. Without `vscode`, so that unit tests can check it.

/** A nonce for a page's Content-Security-Policy: 32 characters from a cryptographic random source. */
export function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(64);
  let s = '';
  while (s.length < 32) {
    globalThis.crypto.getRandomValues(bytes);
    // Bytes below 248 (4 × 62) map uniformly onto the 62 characters; the others are drawn again.
    for (const b of bytes) if (b < 248 && s.length < 32) s += chars[b % 62];
  }
  return s;
}

/** What a page may ask: open a statement. */
export interface OpenMessage {
  doc: string;
  start: number;
  end: number;
}

/**
 * A message from a page, checked before use (a page's script is not trusted: the article text it shows is
 * someone else's): an object with exactly a document name (short text) and a span of whole numbers, start ≤ end.
 */
export function openMessage(m: unknown): OpenMessage | null {
  if (!m || typeof m !== 'object' || Array.isArray(m)) return null;
  const o = m as Record<string, unknown>;
  if (Object.keys(o).some(k => k !== 'doc' && k !== 'start' && k !== 'end')) return null;
  const { doc, start, end } = o;
  if (typeof doc !== 'string' || doc.length === 0 || doc.length > 4096) return null;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null;
  if ((start as number) < 0 || (end as number) < (start as number)) return null;
  return { doc, start: start as number, end: end as number };
}
