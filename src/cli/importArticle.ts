// `newsmark import-article FILE.html|URL... [--out DIR] [--format txt|md] [--keep-html]`: a saved web page or a
// link to a clean article and a sidecar with its metadata. Bytes are read (or fetched) and decoded here; the page
// is turned into an article by the core (src/core/exchange/htmlArticle.ts). Nothing is half-written: an article whose
// sidecar cannot be written is removed again, and no existing file is ever written over.

import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  type ArticleFormat,
  articleFileName,
  FIELD_NAMES,
  MAX_PAGE_BYTES,
  tooLargeError,
} from '../core/exchange/articleFiles';
import type { ImportedArticle } from '../core/exchange/htmlArticle';
import { decodePage } from '../core/exchange/htmlEncoding';
import { fetchPage, type Page } from './fetchPage';
import { newSidecarText, SIDECAR_SUFFIX } from '../core/annotations/sidecar';

export interface ImportOptions {
  /** Folder to write into; default: beside a saved page, or the current folder for an address. */
  out?: string | null;
  format?: ArticleFormat;
  /** Keep the fetched HTML beside the article (addresses only: a saved page is already on disk). */
  keepHtml?: boolean;
  /** Milliseconds before a fetch is given up. */
  timeoutMs?: number;
}

export interface Imported {
  source: string;
  article: string;
  sidecar: string;
  html?: string;
  result: ImportedArticle;
  warnings: string[];
}

export type ImportOutcome = { ok: true; imported: Imported } | { ok: false; source: string; error: string };

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function readPage(path: string): Page | string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return 'is a folder, not a saved web page';
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : (e as Error).message;
  }
  if (size > MAX_PAGE_BYTES) return tooLargeError(size);
  return { bytes: new Uint8Array(readFileSync(path)), contentType: null };
}

/** Imports one saved page or address. */
export async function importSource(source: string, opts: ImportOptions = {}): Promise<ImportOutcome> {
  const format = opts.format ?? 'txt';
  const page = isUrl(source) ? await fetchPage(source, opts.timeoutMs ?? 20000) : readPage(source);
  if (typeof page === 'string') return { ok: false, source, error: page };
  const decoded = decodePage(page.bytes, page.contentType);
  // Loaded on first use (scripts/build.mjs makes it a bundle of its own): the CLI's other commands start as fast as before.
  const { extractArticle } = await import('../core/exchange/htmlArticle');
  const r = extractArticle(decoded.text, { url: page.url, format });
  if (!r.ok) return { ok: false, source, error: r.error };

  const dir = resolve(opts.out ?? (isUrl(source) ? '.' : dirname(source)));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    return { ok: false, source, error: `cannot create the folder ${dir}: ${(e as Error).message}` };
  }
  const keepHtml = !!opts.keepHtml && isUrl(source);
  const stemOf = (name: string) => name.replace(/\.(?:txt|md)$/, '');
  const taken = (name: string) =>
    existsSync(join(dir, name)) ||
    existsSync(join(dir, name + SIDECAR_SUFFIX)) ||
    existsSync(join(dir, '.newsmark', name + SIDECAR_SUFFIX)) ||
    (keepHtml && existsSync(join(dir, `${stemOf(name)}.html`)));
  const a = r.article;
  for (let attempt = 0; attempt < 5; attempt++) {
    const name = articleFileName(a, format, taken);
    const article = join(dir, name);
    const sidecar = article + SIDECAR_SUFFIX;
    const html = keepHtml ? join(dir, `${stemOf(name)}.html`) : undefined;
    const written: string[] = [];
    try {
      // 'wx': fails if the file appeared meanwhile, so nothing is written over; then the next name is tried.
      writeFileSync(article, a.text, { flag: 'wx' });
      written.push(article);
      writeFileSync(
        sidecar,
        newSidecarText(name, {
          title: a.title,
          outlet: a.outlet,
          url: a.url,
          byline: a.byline,
          published: a.published,
        }),
        { flag: 'wx' },
      );
      written.push(sidecar);
      if (html) {
        writeFileSync(html, page.bytes, { flag: 'wx' });
        written.push(html);
      }
      return {
        ok: true,
        imported: { source, article, sidecar, html, result: a, warnings: [...decoded.warnings, ...a.warnings] },
      };
    } catch (e) {
      for (const w of written) {
        try {
          unlinkSync(w);
        } catch {
          /* gone */
        }
      }
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        return { ok: false, source, error: `could not write into ${dir}: ${(e as Error).message}` };
    }
  }
  return { ok: false, source, error: `could not find a free file name in ${dir}` };
}

export const IMPORT_ARTICLE_USAGE =
  'newsmark import-article FILE.html|URL... [--out DIR] [--format txt|md] [--keep-html]';

/** One line per fact, for the terminal. */
export function describeImport(x: Imported, cwd = process.cwd()): string {
  const rel = (p: string) => (p.startsWith(cwd + '/') ? p.slice(cwd.length + 1) : p);
  const a = x.result;
  const lines = [
    `${x.source}\n  wrote ${rel(x.article)} and its sidecar ${basename(x.sidecar)}${x.html ? `, and the page as ${basename(x.html)}` : ''}`,
  ];
  lines.push(`  title:     ${a.title}`);
  for (const f of ['outlet', 'url', 'byline', 'published'] as const)
    if (a[f]) lines.push(`  ${(f + ':').padEnd(11)}${a[f]}`);
  if (a.missing.length) lines.push(`  not found: ${a.missing.map(f => FIELD_NAMES[f]).join(', ')}`);
  if (a.missing.includes('published')) {
    lines.push(
      `  warning: no publication date, so dates such as "on Tuesday" stay unresolved; set it as "published: YYYY-MM-DD" under document: in ${rel(x.sidecar)}`,
    );
  }
  for (const w of x.warnings) lines.push(`  note: ${w}`);
  return lines.join('\n') + '\n';
}

export async function runImportArticle(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const opts: ImportOptions = { format: 'txt', keepHtml: false };
  const sources: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--keep-html') opts.keepHtml = true;
    else if (x === '--format' || x.startsWith('--format=')) {
      const v = x.includes('=') ? x.slice(9) : argv[++i];
      if (v !== 'txt' && v !== 'md') {
        err(`newsmark: --format needs txt or md\nUsage: ${IMPORT_ARTICLE_USAGE}\n`);
        return 2;
      }
      opts.format = v;
    } else if (x === '--out' || x.startsWith('--out=')) {
      const v = x.includes('=') ? x.slice(6) : argv[++i];
      if (!v) {
        err(`newsmark: --out needs a folder\nUsage: ${IMPORT_ARTICLE_USAGE}\n`);
        return 2;
      }
      opts.out = v;
    } else if (x === '--') {
      sources.push(...argv.slice(i + 1));
      break;
    } else if (x.startsWith('-')) {
      err(`newsmark: unknown option ${x} for import-article\nUsage: ${IMPORT_ARTICLE_USAGE}\n`);
      return 2;
    } else sources.push(x);
  }
  if (!sources.length) {
    err(
      `newsmark: import-article needs at least one saved page (FILE.html) or address (URL)\nUsage: ${IMPORT_ARTICLE_USAGE}\n`,
    );
    return 2;
  }
  let failed = 0;
  for (const s of sources) {
    const r = await importSource(s, opts);
    if (r.ok) out(describeImport(r.imported));
    else {
      failed++;
      err(`newsmark: ${s}: ${r.error}\n`);
    }
  }
  return failed ? 2 : 0;
}
