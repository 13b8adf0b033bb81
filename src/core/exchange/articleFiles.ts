// The light half of article import, without the HTML parser: file names of imported articles, the page size
// limit, and calendar-day checks. The editor loads the parser (htmlArticle.ts) only when a page is imported.

export type ArticleFormat = 'txt' | 'md';
export type MetaField = 'outlet' | 'published' | 'byline' | 'url';

/** How a missing field is named to the user. */
export const FIELD_NAMES: Record<MetaField, string> = {
  outlet: 'outlet',
  published: 'publication date',
  byline: 'byline',
  url: 'address (canonical URL)',
};

/** Pages larger than this are refused before parsing: no news article is this big, and a DOM of it would not fit. */
export const MAX_PAGE_BYTES = 10 * 1024 * 1024;

/** Sizes in a message: "52.4 MB". */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function tooLargeError(bytes: number): string {
  return `the page is ${formatSize(bytes)}, over the ${formatSize(MAX_PAGE_BYTES)} limit for a web page; save only the article page (File › Save Page As…, "HTML only") and import that`;
}

/** YYYY-MM-DD when the day exists in the calendar (and in a plausible range), else undefined. */
export function realDay(y: number, m: number, d: number): string | undefined {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
    m - 1
  ];
  if (d > days) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A YYYY-MM-DD string that is a real calendar day. */
export function isRealDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  return !!m && realDay(+m[1], +m[2], +m[3]) === s.trim();
}

// ---------------------------------------------------------------------------------------------------------------
// File names

/** "Harbour Daily" → "harbour-daily"; letters without accents, digits and hyphens only. */
export function slug(s: string, maxLength = 60): string {
  const base = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/gi, 'ae')
    .replace(/[øœ]/gi, 'o')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= maxLength) return base;
  const cut = base.slice(0, maxLength + 1);
  const at = cut.lastIndexOf('-');
  return (at > maxLength / 2 ? cut.slice(0, at) : base.slice(0, maxLength)).replace(/-+$/, '');
}

/**
 * The file name of an imported article: `<outlet>-<headline>.<ext>`, with -2, -3 … when `taken` says the name (or
 * its sidecar) is in use, so that no article is ever written over.
 */
export function articleFileName(
  meta: { outlet?: string; title?: string },
  ext: ArticleFormat,
  taken: (name: string) => boolean,
): string {
  const outlet = slug(meta.outlet ?? '', 40);
  let head = slug(meta.title ?? '', 70);
  if (outlet && head.startsWith(outlet + '-')) head = head.slice(outlet.length + 1);
  const stem = [outlet, head].filter(Boolean).join('-') || 'article';
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}.${ext}`;
    if (!taken(name)) return name;
  }
}
