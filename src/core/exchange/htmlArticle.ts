// A web page to a clean article: the body found by Mozilla's Readability (the code behind Firefox Reader View)
// over linkedom's DOM, written as plain text or Markdown with its paragraphs and the headline first; and the
// article's metadata (title, outlet, URL, byline, publication day) read from what news sites put in their pages.
//
// Why Readability over linkedom: linkedom is a light DOM written for servers and workers (no Node built-ins, so
// this module stays pure and runs in a web worker; test/unit/boundaries.test.ts bundles it for browsers), and
// Readability needs nothing but a DOM. Measured against happy-dom 20 (the other maintained light DOM) on the 13
// pages of test/fixtures/import, 100 rounds on one core of a busy 2-core machine, Node 20: Readability + linkedom
// 7.0 ms a page, Readability + happy-dom 43.6 ms a page, with the same text, metadata and refusals on every page.
// happy-dom also bundles to about 1 MB minified and needs Node built-ins (vm …), so it could not run in a worker;
// this module with linkedom and Readability bundles to about 300 KB minified, kept out of the main bundles: the CLI
// loads dist/importer.js on its first import, the editor reads pages in a worker thread (dist/importWorker.js), and
// scripts/build.mjs leaves out linkedom's CSS parser, which is never used here.
//
// Metadata, each field from the first of these that gives it: JSON-LD NewsArticle (any @type ending in Article,
// inside @graph or arrays), Open Graph and article:* tags, <link rel=canonical>, schema.org microdata, <time
// datetime>, then a dateline in the text. The publication date is the outlet's own calendar day: a timestamp
// "2026-03-04T23:30:00-05:00" gives 2026-03-04, the day printed on the page, not the UTC day.

import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import { findPublicationDate } from '../engine/dates';
import { type ArticleFormat, type MetaField, MAX_PAGE_BYTES, realDay, tooLargeError } from './articleFiles';

export * from './articleFiles';

/** What is read of the page's DOM (linkedom's elements), typed here because the core has no DOM types. */
interface El {
  readonly tagName: string;
  readonly nodeType: number;
  readonly childNodes: ArrayLike<El>;
  readonly children: ArrayLike<El>;
  readonly parentNode: El | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): ArrayLike<El>;
  closest(sel: string): El | null;
  remove(): void;
}
interface Dom extends El {
  readonly documentElement: El | null;
  readonly body: El | null;
  readonly title: string;
}

export interface ArticleMeta {
  title?: string;
  outlet?: string;
  url?: string;
  byline?: string;
  /** YYYY-MM-DD, the outlet's own calendar day. */
  published?: string;
}

export interface ImportedArticle extends ArticleMeta {
  /** The headline. */
  title: string;
  /** The article as plain text or Markdown: headline first, paragraphs separated by a blank line, ending in a newline. */
  text: string;
  format: ArticleFormat;
  /** The fields no metadata of the page gave. */
  missing: MetaField[];
  /** What was guessed, for the user. */
  warnings: string[];
}

export type ImportResult = { ok: true; article: ImportedArticle } | { ok: false; error: string };

export interface ExtractOptions {
  /** Where the page came from (the address fetched, or none for a saved file). */
  url?: string;
  format?: ArticleFormat;
  /** Another DOM to parse with (the benchmark compares DOM libraries); linkedom by default. */
  parseHtml?: (html: string) => unknown;
}

/** The host's URL parser (Node, browsers and workers have it); declared because the core has no DOM types. */
declare const URL: {
  new (url: string, base?: string): { readonly href: string; readonly protocol: string; readonly hostname: string };
};

const ELEMENT = 1;
const TEXT = 3;

/** Says whether text looks like an HTML page at all (not JSON, PDF, plain text or binary). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65536).replace(/^\uFEFF/, '');
  if (head.includes('\u0000')) return false;
  // eslint-disable-next-line no-control-regex -- a zip archive's signature holds control bytes
  if (/^\s*(?:%PDF|[{[]\s*["{[\]]|PK\u0003\u0004)/.test(head)) return false;
  return /<(?:!doctype\s+html|html|head|body|article|main|p|div|h1|title)\b/i.test(head);
}

/**
 * Extracts the article of an HTML page. Never throws: a page that is not HTML, too large, a login or paywall, built
 * by scripts, or without an article gives one message saying so.
 */
export function extractArticle(html: string, opts: ExtractOptions = {}): ImportResult {
  const format = opts.format ?? 'txt';
  if (html.length > MAX_PAGE_BYTES) return { ok: false, error: tooLargeError(html.length) };
  if (!looksLikeHtml(html))
    return {
      ok: false,
      error:
        'this is not an HTML page (no HTML tags in it); import a web page saved from the browser (.html) or its address',
    };
  let dom: Dom;
  try {
    const light = lighten(html);
    dom = (opts.parseHtml ? opts.parseHtml(light) : new DOMParser().parseFromString(light, 'text/html')) as Dom;
  } catch (e) {
    return { ok: false, error: `the page could not be read as HTML (${(e as Error).message})` };
  }
  const meta = readMeta(dom, opts.url);
  const wall = loginWall(dom);
  const scriptOnly = isScriptOnly(dom);

  stripFurniture(dom);
  const article = readable(dom);
  const blocks = article?.content ? toBlocks(article.content) : [];
  const cleaned = dropBoilerplate(blocks, meta.title ?? article?.title ?? '');
  const words = cleaned.filter(b => b.kind === 'p').reduce((n, b) => n + b.text.split(/\s+/).length, 0);

  if (scriptOnly && words < 60) {
    return {
      ok: false,
      error:
        'the page has no text of its own: it is built by JavaScript in the browser. Open it in the browser, wait until the article shows, save it (File › Save Page As…, "Web Page, complete") and import that file',
    };
  }
  if (wall && words < 120) {
    return {
      ok: false,
      error:
        'the page is a login or subscription wall: it shows only the start of the article and a form to sign in. Sign in in the browser, open the article, save the page and import that file',
    };
  }
  if (words < 40) {
    return {
      ok: false,
      error: 'no article was found in the page (it looks like a front page, a list of links or an error page)',
    };
  }

  const warnings: string[] = [];
  const title =
    clean(meta.title ?? article?.title ?? '') || cleaned.find(b => b.kind === 'h')?.text || 'Untitled article';
  const byline = meta.byline ?? bylineFrom(article?.byline);
  const outlet = meta.outlet ?? (clean(article?.siteName ?? '') || undefined) ?? outletFromHost(meta.url ?? opts.url);
  let published = meta.published ?? dayOf(article?.publishedTime);
  if (!published)
    published = findPublicationDate(cleaned.map(b => b.text).join('\n')) ?? datelineOfPage(dom) ?? undefined;
  // The byline and date lines above the first paragraph go to the sidecar, not into the text.
  const text = render(title, dropMetaLines(cleaned, byline), format);

  const url = meta.url ?? opts.url;
  const missing: MetaField[] = [];
  if (!outlet) missing.push('outlet');
  if (!published) missing.push('published');
  if (!byline) missing.push('byline');
  if (!url) missing.push('url');
  if (outlet && !meta.outlet && !article?.siteName)
    warnings.push(`the outlet "${outlet}" was guessed from the address`);
  if (wall)
    warnings.push(
      'the page has a sign-in or subscription form: check that the article is complete, not only its opening paragraphs',
    );

  return {
    ok: true,
    article: {
      title,
      ...(outlet ? { outlet } : {}),
      ...(url ? { url } : {}),
      ...(byline ? { byline } : {}),
      ...(published ? { published } : {}),
      text,
      format,
      missing,
      warnings,
    },
  };
}

/**
 * The page without what is heavy and never article text: the code inside <script> (JSON-LD is kept) and <style>
 * elements, and inline data: images. The tags themselves stay (a page of scripts is still known as one). One pass,
 * linear in the page: a tag left open ends the scan.
 */
export function lighten(html: string): string {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  let from = 0;
  let at = 0;
  for (;;) {
    const script = lower.indexOf('<script', at);
    const style = lower.indexOf('<style', at);
    const data = lower.indexOf('="data:', at);
    const next = Math.min(...[script, style, data].filter(i => i >= 0));
    if (!Number.isFinite(next)) break;
    if (next === data) {
      // ="data:…" up to its closing quote: the attribute is emptied.
      const end = lower.indexOf('"', data + 7);
      if (end < 0) break;
      parts.push(html.slice(from, data + 2));
      from = at = end;
      continue;
    }
    const name = next === script ? 'script' : 'style';
    const open = lower.indexOf('>', next);
    if (open < 0) break;
    const close = lower.indexOf(`</${name}`, open);
    if (close < 0) break;
    const tag = lower.slice(next, open);
    if (name === 'script' && tag.includes('ld+json')) {
      at = close;
      continue;
    }
    parts.push(html.slice(from, open + 1));
    from = at = close;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

interface Readable {
  title?: string | null;
  content?: El | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

/** Readability's article (it changes the DOM it reads: metadata is taken before). */
function readable(dom: Dom): Readable | null {
  try {
    return new Readability(dom as never, {
      charThreshold: 300,
      serializer: (n: unknown) => n as El,
    }).parse() as Readable | null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}

function attr(dom: Dom, selector: string, name = 'content'): string | undefined {
  const v = clean(dom.querySelector(selector)?.getAttribute(name));
  return v || undefined;
}

/** The outlet's calendar day of a timestamp or date as written on the page; undefined when it is not a real day. */
export function dayOf(value: string | null | undefined): string | undefined {
  const v = clean(value);
  if (!v) return undefined;
  // ISO 8601: the date part is the outlet's local day whatever the offset (the offset says where that day was).
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(v);
  if (iso) return realDay(+iso[1], +iso[2], +iso[3]);
  // A written date ("March 4, 2026", "4 March 2026"): the engine's date reader.
  const found = findPublicationDate(v.slice(0, 80));
  return found ?? undefined;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function jsonLdItems(dom: Dom): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const visit = (v: Json, depth: number) => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    out.push(v);
    if (v['@graph']) visit(v['@graph'], depth + 1);
  };
  const scripts = dom.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const raw = (scripts[i].textContent ?? '').trim();
    let parsed: Json;
    try {
      parsed = JSON.parse(raw);
    } catch {
      try {
        // Pages often break JSON with raw line breaks inside strings or a trailing comma: tolerate those.
        // eslint-disable-next-line no-control-regex -- control characters are what this removes
        parsed = JSON.parse(raw.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
      } catch {
        continue;
      }
    }
    visit(parsed, 0);
  }
  return out;
}

function types(item: Record<string, Json>): string[] {
  const t = item['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

const isArticleType = (t: string) => /(?:Article|BlogPosting|Report)$/i.test(t.replace(/^.*[/#:]/, ''));

/** The name(s) of a JSON-LD person or organisation, or a list of them. */
function names(v: Json | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return /^https?:/i.test(v) ? [] : [clean(v)];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'object')
    return typeof v.name === 'string' ? [clean(v.name)] : Array.isArray(v.name) ? names(v.name) : [];
  return [];
}

function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return clean(v) || undefined;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object' && typeof v['@id'] === 'string') return v['@id'];
  if (v && typeof v === 'object' && typeof v.url === 'string') return v.url;
  return undefined;
}

/** "A", "A and B", "A, B and C"; names repeated are given once. */
function joinNames(list: string[]): string | undefined {
  const xs = [...new Set(list.filter(Boolean))];
  if (!xs.length) return undefined;
  return xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, base);
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function microdata(dom: Dom, prop: string): El | null {
  return dom.querySelector(`[itemtype*="Article" i] [itemprop~="${prop}"], [itemprop~="${prop}"]`);
}

function microValue(el: El | null): string | undefined {
  if (!el) return undefined;
  return clean(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent) || undefined;
}

export function readMeta(dom: Dom, pageUrl?: string): ArticleMeta {
  const items = jsonLdItems(dom);
  const ld = items.find(i => types(i).some(isArticleType));
  const publisherOf = (v: Json | undefined) => {
    // publisher may be an {"@id"} reference to an organisation elsewhere in the graph.
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof v['@id'] === 'string' && !v.name) {
      const ref = items.find(i => i['@id'] === v['@id']);
      return ref ? names(ref) : [];
    }
    return names(v);
  };

  const ogTitle = attr(dom, 'meta[property="og:title"]') ?? attr(dom, 'meta[name="twitter:title"]');
  const microHeadline = microValue(microdata(dom, 'headline'));
  const h1 = clean(dom.querySelector('h1')?.textContent) || undefined;
  const title = str(ld?.headline) ?? ogTitle ?? microHeadline ?? h1 ?? titleWithoutOutlet(clean(dom.title));

  const outlet =
    publisherOf(ld?.publisher)[0] ??
    attr(dom, 'meta[property="og:site_name"]') ??
    microValue(dom.querySelector('[itemprop~="publisher"] [itemprop~="name"]')) ??
    attr(dom, 'meta[name="application-name"]') ??
    outletFromTitle(clean(dom.title), title);

  const canonical = attr(dom, 'link[rel~="canonical"]', 'href');
  const url =
    absoluteUrl(canonical, pageUrl) ??
    absoluteUrl(attr(dom, 'meta[property="og:url"]'), pageUrl) ??
    absoluteUrl(str(ld?.url) ?? str(ld?.mainEntityOfPage), pageUrl);

  const metaAuthor = attr(dom, 'meta[name="author"]') ?? attr(dom, 'meta[property="article:author"]');
  const microAuthors: string[] = [];
  const authorEls = dom.querySelectorAll('[itemprop~="author"]');
  for (let i = 0; i < authorEls.length; i++) {
    const el = authorEls[i];
    microAuthors.push(
      microValue(el.querySelector('[itemprop~="name"]')) ??
        bylineFrom(el.getAttribute('content') ?? el.textContent) ??
        '',
    );
  }
  const byline =
    joinNames(names(ld?.author)) ??
    (metaAuthor && !/^https?:/i.test(metaAuthor) ? metaAuthor : undefined) ??
    joinNames(microAuthors) ??
    bylineFrom(dom.querySelector('[rel~="author"]')?.textContent);

  const published =
    dayOf(str(ld?.datePublished)) ??
    dayOf(attr(dom, 'meta[property="article:published_time"]')) ??
    dayOf(attr(dom, 'meta[name="article:published_time"]')) ??
    dayOf(microValue(microdata(dom, 'datePublished'))) ??
    dayOf(attr(dom, 'meta[name="date"]') ?? attr(dom, 'meta[name="pubdate"]') ?? attr(dom, 'meta[name="dc.date"]')) ??
    dayOf(
      dom.querySelector('article time[datetime], time[pubdate][datetime], time[datetime]')?.getAttribute('datetime'),
    ) ??
    dayOf(str(ld?.dateCreated));

  return {
    ...(title ? { title } : {}),
    ...(outlet ? { outlet } : {}),
    ...(url ? { url } : {}),
    ...(byline ? { byline } : {}),
    ...(published ? { published } : {}),
  };
}

const TITLE_SEPARATOR = /\s+(?:[|–—·•:]|-{1,2})\s+/;

/** "Headline | Outlet" → "Headline" (the longer side is the headline). */
function titleWithoutOutlet(t: string): string | undefined {
  if (!t) return undefined;
  const parts = t.split(TITLE_SEPARATOR);
  return parts.length < 2 ? t : parts.reduce((a, b) => (b.length > a.length ? b : a));
}

/** "Headline | Outlet" → "Outlet", when one side is the headline and the other short. */
function outletFromTitle(t: string, headline: string | undefined): string | undefined {
  const parts = t.split(TITLE_SEPARATOR);
  if (parts.length !== 2 || !headline) return undefined;
  const norm = (s: string) => s.toLowerCase().replace(/\W+/g, ' ').trim();
  const [a, b] = parts;
  const other = norm(a) === norm(headline) ? b : norm(b) === norm(headline) ? a : undefined;
  return other && other.split(' ').length <= 5 ? other : undefined;
}

/** "harbour-daily.example" → "harbour-daily.example" without www. (a guess, flagged as one). */
function outletFromHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** "By Maren Olsby, Staff Reporter" → "Maren Olsby, Staff Reporter"; nothing for empty or overlong text. */
function bylineFrom(s: string | null | undefined): string | undefined {
  const v = clean(s).replace(/^by\s+/i, '');
  return v && v.length <= 120 && !/^https?:/i.test(v) ? v : undefined;
}

function dayOfPublishedTime(v: string | null | undefined): string | undefined {
  return dayOf(v);
}

/** A date written near the headline outside the article body (a "date" or "dateline" element). */
function datelineOfPage(dom: Dom): string | null {
  const els = dom.querySelectorAll('[class*="date" i], [class*="time" i], [id*="date" i]');
  for (let i = 0; i < Math.min(els.length, 20); i++) {
    const d = dayOfPublishedTime(els[i].getAttribute('datetime') ?? els[i].textContent);
    if (d) return d;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Bad pages

/**
 * A login or subscription wall: an element the page marks as a paywall, or a password field in the article's part
 * of the page (a sign-in box in a portal's side column is not a wall).
 */
function loginWall(dom: Dom): boolean {
  const body = dom.body;
  if (!body) return false;
  if (body.querySelector('[class*="paywall" i], [id*="paywall" i], [class*="regwall" i], [class*="subscriber-only" i]'))
    return true;
  const password = body.querySelector('input[type="password" i]');
  if (!password) return false;
  if (password.closest('article, main, [role="main"], [itemprop~="articleBody"]')) return true;
  // Outside the article: a wall unless it sits in the page's furniture (header, menu, side column, account box).
  return !password.closest(
    'aside, header, nav, footer, [class*="side" i], [id*="side" i], [class*="header" i], [class*="nav" i], [class*="menu" i], [class*="widget" i], [class*="account" i]',
  );
}

/** A page whose body has almost no text outside scripts: an app shell that builds the article in the browser. */
function isScriptOnly(dom: Dom): boolean {
  const body = dom.body;
  if (!body || !body.querySelector('script')) return false;
  let chars = 0;
  const walk = (el: El) => {
    const kids = el.childNodes;
    for (let i = 0; i < kids.length && chars < 400; i++) {
      const k = kids[i];
      if (k.nodeType === TEXT) chars += clean(k.textContent).length;
      else if (k.nodeType === ELEMENT && !/^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/.test(k.tagName.toUpperCase())) walk(k);
    }
  };
  walk(body);
  return chars < 200;
}

/** Class and id words of page furniture; Readability knows most of them, not all (promo boxes, newsletters …). */
const FURNITURE =
  /(?:^|[\s_-])(?:promo|newsletter|subscribe|signup|share|sharing|social|related|recommended|paywall|comments?|advert|ads?|outbrain|taboola|cookie|consent|popup|modal|trending|most-read|breadcrumbs?)(?:$|[\s_-])/i;

/** Removes the furniture a page marks as such by its classes, never an element that holds the article itself. */
function stripFurniture(dom: Dom): void {
  const els = dom.querySelectorAll('body [class], body [id]');
  const doomed: El[] = [];
  for (let i = 0; i < els.length; i++) {
    const el = els[i];
    const tag = el.tagName.toUpperCase();
    if (tag === 'ARTICLE' || tag === 'MAIN' || tag === 'BODY') continue;
    if (!FURNITURE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) continue;
    if (el.querySelector('[itemprop~="articleBody"], article') || (el.textContent ?? '').length > 1500) continue;
    doomed.push(el);
  }
  for (const el of doomed) el.remove();
}

// ---------------------------------------------------------------------------------------------------------------
// Text

interface Block {
  kind: 'p' | 'h' | 'li' | 'quote' | 'pre';
  /** Heading level, list nesting. */
  level: number;
  text: string;
  /** Characters of the text that are inside links. */
  linkChars: number;
  /** The block is in a list whose every item is a link. */
  inLinkList?: boolean;
}

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'FIGURE',
  'FIGCAPTION',
  'DL',
  'DT',
  'DD',
  'HR',
]);
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'BUTTON',
  'FORM',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'SVG',
  'IFRAME',
  'OBJECT',
  'FIGURE',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
]);

/** The blocks of Readability's article element, in reading order. */
function toBlocks(root: El): Block[] {
  const blocks: Block[] = [];
  let cur: { text: string; linkChars: number } = { text: '', linkChars: 0 };
  let kind: Block['kind'] = 'p';
  let level = 0;
  const flush = () => {
    const text = cur.text
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .trim();
    if (text) blocks.push({ kind, level, text, linkChars: cur.linkChars });
    cur = { text: '', linkChars: 0 };
    kind = 'p';
    level = 0;
  };
  const walk = (el: El, inLink: boolean, listDepth: number, quote: boolean) => {
    const kids = el.childNodes;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.nodeType === TEXT) {
        const t = (k.textContent ?? '').replace(/\s+/g, ' ');
        cur.text += t;
        if (inLink) cur.linkChars += t.trim().length;
        continue;
      }
      if (k.nodeType !== ELEMENT) continue;
      const tag = k.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag) || k.hasAttribute('hidden') || k.getAttribute('aria-hidden') === 'true') continue;
      if (tag === 'BR') {
        cur.text += '\n';
        continue;
      }
      if (!BLOCK_TAGS.has(tag)) {
        walk(k, inLink || tag === 'A', listDepth, quote);
        continue;
      }
      flush();
      if (tag === 'UL' || tag === 'OL') {
        const start = blocks.length;
        walk(k, inLink, listDepth + 1, quote);
        const items = blocks.slice(start).filter(b => b.kind === 'li');
        if (items.length && items.every(b => b.linkChars >= b.text.length * 0.8))
          for (const b of items) b.inLinkList = true;
        continue;
      }
      const headingLevel = /^H([1-6])$/.exec(tag);
      walk(k, inLink, listDepth, quote || tag === 'BLOCKQUOTE');
      // The element's own text, in the kind of block it is.
      if (cur.text.trim()) {
        if (headingLevel) {
          kind = 'h';
          level = +headingLevel[1];
        } else if (tag === 'LI') {
          kind = 'li';
          level = listDepth;
        } else if (tag === 'PRE') kind = 'pre';
        else if (quote || tag === 'BLOCKQUOTE') kind = 'quote';
      }
      flush();
    }
  };
  walk(root, false, 0, false);
  flush();
  return blocks;
}

/** Lines that are the furniture of a news page, not its article (matched on a whole short block). */
const BOILERPLATE = new RegExp(
  '^(?:' +
    [
      '(?:also|more|further) read(?:ing)?\\b.*',
      'read (?:more|next|also)\\b.*',
      'related(?: (?:articles?|stories|content|coverage|news|links|topics))?:?',
      'recommended(?: for you)?:?',
      'you (?:may|might) (?:also )?like:?',
      'more (?:from|on|stories|news)\\b.*',
      'most (?:read|popular|viewed)\\b.*',
      'trending(?: now| stories| topics| today)?(?::.*)?',
      'share(?: (?:this|on)\\b.*)?:?',
      'share (?:on|via) .*',
      '(?:follow us|like us) on\\b.*',
      '(?:sign up|subscribe)\\b.{0,80}newsletter.*',
      '.{0,40}newsletter\\b.{0,60}',
      'advertisement|sponsored(?: content)?|ad',
      'comments?(?: \\(\\d+\\))?:?',
      '(?:leave|post|add) a comment.*',
      'tags?:.*',
      'topics?:.*',
      'image(?: source)?:.*|photo(?: credit)?:.*|getty images',
      '(?:copyright\\s*)?©.*|copyright \\d{4}\\b.*|.{0,60}all rights reserved\\.?',
      'click here\\b.*',
      '.{0,60}\\b(?:subscribe|sign up) (?:now|today|for|to (?:our|the)\\b).{0,60}',
      'skip to (?:main )?content',
    ].join('|') +
    ')$',
  'i',
);

/** Readability's output, less what is still furniture: link-only short paragraphs, link lists, boilerplate lines. */
function dropBoilerplate(blocks: Block[], title: string): Block[] {
  const out: Block[] = [];
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const headline = norm(title);
  for (const b of blocks) {
    const words = b.text.split(/\s+/).length;
    const linky = b.linkChars >= b.text.replace(/\s+/g, '').length * 0.6;
    if (b.inLinkList) continue;
    // "ALSO READ: <a>Another headline</a>", or a paragraph that is only a link to another story.
    if (linky && words <= 25 && b.kind !== 'quote') continue;
    if (words <= 12 && BOILERPLATE.test(b.text.trim())) continue;
    if (b.kind === 'h' && norm(b.text) === headline) continue; // the headline is written once, first
    out.push(b);
  }
  // A heading left with nothing after it (the title of a removed list) goes too.
  return out.filter((b, i) => !(b.kind === 'h' && (i === out.length - 1 || out[i + 1].kind === 'h')));
}

/** Short lines before the first real paragraph that give the byline, the date or both ("By Ana Whitlock", "20 January 2026"). */
function dropMetaLines(blocks: Block[], byline: string | undefined): Block[] {
  const first = blocks.findIndex(b => b.kind === 'p' && b.text.split(/\s+/).length >= 20);
  if (first <= 0) return blocks;
  const names = (byline ?? '').split(/\s*(?:,|\band\b)\s*/).filter(n => n.length > 3);
  const isMeta = (b: Block) => {
    if (b.kind !== 'p' || b.text.split(/\s+/).length > 15) return false;
    const t = b.text.trim();
    return (
      /^by\s/i.test(t) ||
      names.some(n => t.includes(n)) ||
      !!findPublicationDate(t) ||
      /^(?:published|updated|posted)\b/i.test(t)
    );
  };
  return blocks.filter((b, i) => i >= first || !isMeta(b));
}

function render(title: string, blocks: Block[], format: ArticleFormat): string {
  const paras: string[] = [format === 'md' ? `# ${title}` : title];
  for (const b of blocks) {
    const text = b.text.replace(/\n{2,}/g, '\n');
    if (format === 'txt') {
      paras.push(text);
      continue;
    }
    if (b.kind === 'h') paras.push(`${'#'.repeat(Math.min(6, Math.max(2, b.level)))} ${text.replace(/\n/g, ' ')}`);
    else if (b.kind === 'li') paras.push(`${'  '.repeat(Math.max(0, b.level - 1))}- ${text.replace(/\n/g, ' ')}`);
    else if (b.kind === 'quote')
      paras.push(
        text
          .split('\n')
          .map(l => `> ${l}`)
          .join('\n'),
      );
    else if (b.kind === 'pre') paras.push('```\n' + text + '\n```');
    else paras.push(escapeMarkdownStart(text));
  }
  // List items of one list are on consecutive lines; everything else is a paragraph of its own.
  let out = paras[0];
  for (let i = 1; i < paras.length; i++) {
    const tight = format === 'md' ? blocks[i - 1].kind === 'li' && (i < 2 || blocks[i - 2].kind === 'li') : false;
    out += (tight ? '\n' : '\n\n') + paras[i];
  }
  return out + '\n';
}

/** A paragraph that starts like Markdown syntax ("# 1 seed", "- 5 degrees", "1. The") is kept a paragraph. */
function escapeMarkdownStart(s: string): string {
  return s.replace(/^(#|>|[-+*] |\d+[.)] )/, '\\$1');
}
