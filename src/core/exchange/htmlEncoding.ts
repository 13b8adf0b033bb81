// The text of a saved or fetched web page, from its bytes: the encoding is taken from a byte-order mark, then the
// HTTP header, then the page's own <meta charset> / http-equiv declaration, and when nothing is declared, UTF-8 if
// the bytes are valid UTF-8, else windows-1252 (what browsers assume for old Western pages). A declaration the
// bytes contradict (a page that says UTF-8 but holds windows-1252 bytes) is not trusted: the page is read as
// windows-1252 and a warning says so. Pure: TextDecoder exists in Node, browsers and web workers alike.

/** The decoder of the host (Node, browser or worker); declared here because the core is compiled without DOM types. */
declare const TextDecoder: {
  new (
    label?: string,
    options?: { fatal?: boolean; ignoreBOM?: boolean },
  ): { readonly encoding: string; decode(bytes: Uint8Array): string };
};

export interface DecodedPage {
  text: string;
  /** The WHATWG name of the encoding used (utf-8, windows-1252, utf-16le …). */
  encoding: string;
  /** How the encoding was chosen, when the page did not simply say UTF-8. */
  warnings: string[];
}

/** The charset a Content-Type value names (`text/html; charset=ISO-8859-1`), or null. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : null;
}

/** The charset the page declares in its first 1024 bytes (the HTML prescan: <meta charset> or http-equiv). */
export function declaredCharset(bytes: Uint8Array): string | null {
  let head = '';
  const n = Math.min(bytes.length, 1024);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]);
  const direct = /<meta[^>]*?\scharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (direct) return direct[1].toLowerCase();
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    if (/http-equiv\s*=\s*["']?content-type/i.test(m[0])) {
      const c = charsetOf(/content\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1]);
      if (c) return c;
    }
  }
  return null;
}

/** windows-1252's characters for the bytes 0x80–0x9F (five bytes are unassigned and stay control codes). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decoder(
  label: string,
  fatal: boolean,
): { readonly encoding: string; decode(bytes: Uint8Array): string } | null {
  let d: { readonly encoding: string; decode(bytes: Uint8Array): string };
  try {
    d = new TextDecoder(label, { fatal });
  } catch {
    return null; // a label the host does not know
  }
  if (d.encoding !== 'windows-1252') return d;
  // Some Node versions decode windows-1252 as ISO-8859-1 (0x92 as a control code, not ’): put the characters right.
  return {
    encoding: d.encoding,
    decode: b => d.decode(b).replace(/[\u0080-\u009f]/g, c => CP1252_HIGH[c.charCodeAt(0) - 0x80]),
  };
}

/** Decodes a page's bytes; `contentType` is the HTTP header when the page was fetched. */
export function decodePage(bytes: Uint8Array, contentType?: string | null): DecodedPage {
  const warnings: string[] = [];
  // A byte-order mark wins over every declaration (as in browsers).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decoder('utf-8', false)!.decode(bytes.subarray(3)), encoding: 'utf-8', warnings };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decoder('utf-16le', false)!.decode(bytes.subarray(2)), encoding: 'utf-16le', warnings };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decoder('utf-16be', false)!.decode(bytes.subarray(2)), encoding: 'utf-16be', warnings };

  const declared = charsetOf(contentType) ?? declaredCharset(bytes);
  if (declared) {
    const d = decoder(declared, true);
    if (!d) {
      warnings.push(`the page declares the unknown encoding "${declared}"; it was read as UTF-8 or windows-1252`);
    } else if (d.encoding === 'utf-16le' || d.encoding === 'utf-16be') {
      // A page read as bytes that says UTF-16 without a BOM is ASCII-compatible in practice: the declaration is wrong.
    } else {
      try {
        return { text: d.decode(bytes), encoding: d.encoding, warnings };
      } catch {
        warnings.push(`the page says it is ${declared} but its bytes are not; it was read as windows-1252`);
        return { text: decoder('windows-1252', false)!.decode(bytes), encoding: 'windows-1252', warnings };
      }
    }
  }
  try {
    return { text: decoder('utf-8', true)!.decode(bytes), encoding: 'utf-8', warnings };
  } catch {
    warnings.push('the page declares no encoding and is not UTF-8; it was read as windows-1252');
    return { text: decoder('windows-1252', false)!.decode(bytes), encoding: 'windows-1252', warnings };
  }
}
