// Files for the CLI: reading articles as text, walking folders safely, finding sidecars, and the store it writes through.

import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type ReadLimits, SIDECAR_SUFFIX } from '../core/sidecar';
import { SidecarStore } from '../core/store';
import { nodeSidecarFs } from '../node/sidecarFs';

export interface Loaded {
  path: string;
  text?: string;
  error?: string;
}

/** Reads a file as UTF-8 text, or says in one line why it cannot be read. BOM removed. */
export function load(path: string): Loaded {
  let bytes: Buffer;
  let fd: number | null = null;
  try {
    // Opened without blocking and checked before reading: a FIFO, socket or device would never end.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (st.isDirectory()) return { path, error: 'is a directory, not a file' };
    if (!st.isFile()) return { path, error: `${kindOf(st)}, not a regular file; skipped` };
    bytes = readFileSync(fd);
  } catch (e) {
    return { path, error: why(e) };
  } finally {
    if (fd !== null) closeSync(fd);
  }
  if (bytes.includes(0)) return { path, error: 'binary file (contains NUL bytes), not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { path, error: 'not valid UTF-8 text (save it as UTF-8 and try again)' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { path, text };
}

/** Why a file-system call failed, in a few words. */
export function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'ENAMETOOLONG') return 'path too long';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return (e as Error).message.split('\n')[0];
}

function kindOf(st: Stats): string {
  return st.isFIFO() ? 'a named pipe (FIFO)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a file';
}

/**
 * The files below a folder whose names `want` accepts, in order. Never follows a symbolic link to a folder it is
 * already in or has walked (`sub -> ..`, loops), and reports links that lead nowhere, link loops and files that are
 * not regular files (FIFOs, sockets, devices: reading them could block) instead of reading them.
 */
export function filesUnder(dir: string, want: (name: string) => boolean, skip: (name: string) => boolean, errors: { path: string; message: string }[]): string[] {
  const out: string[] = [];
  const walked = new Set<string>();
  const walk = (d: string, real: string) => {
    walked.add(real);
    let names: string[];
    try { names = readdirSync(d); } catch (e) { errors.push({ path: d, message: `folder not read: ${why(e)}` }); return; }
    for (const n of names.sort()) {
      if (skip(n)) continue;
      const p = join(d, n);
      let st: Stats;
      try { st = statSync(p); } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        let link = false;
        try { link = lstatSync(p).isSymbolicLink(); } catch { /* gone meanwhile */ }
        if (link && (want(n) || code === 'ELOOP')) errors.push({ path: p, message: code === 'ELOOP' ? 'a loop of symbolic links; skipped' : 'a symbolic link to nothing (dangling); skipped' });
        else if (want(n)) errors.push({ path: p, message: `${why(e)}; skipped` });
        continue;
      }
      if (st.isDirectory()) {
        let r: string;
        try { r = realpathSync(p); } catch (e) { errors.push({ path: p, message: `${why(e)}; skipped` }); continue; }
        if (walked.has(r) || real === r || real.startsWith(r + sep)) {
          errors.push({ path: p, message: 'a symbolic link back to a folder already searched (a loop); not followed' });
          continue;
        }
        walk(p, r);
      } else if (want(n)) {
        if (st.isFile()) out.push(p);
        else errors.push({ path: p, message: `${kindOf(st)}, not a regular file; skipped` });
      }
    }
  };
  let real: string;
  try { real = realpathSync(dir); } catch (e) { errors.push({ path: dir, message: why(e) }); return out; }
  walk(dir, real);
  return out;
}

/**
 * The sidecar of an article: beside it (`a.txt.newsmark.yaml`), or in a `.newsmark/` folder of an enclosing
 * folder that mirrors the tree below it (`.newsmark/story/a.txt.newsmark.yaml`). Null when it has none.
 */
export function sidecarOf(article: string): string | null {
  const beside = article + SIDECAR_SUFFIX;
  if (existsSync(beside)) return beside;
  const abs = resolve(article);
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    const mirrored = join(dir, '.newsmark', relative(dir, abs) + SIDECAR_SUFFIX);
    if (existsSync(mirrored)) return mirrored;
    if (dirname(dir) === dir) return null;
  }
}

/** The article a sidecar belongs to. */
export function articleOf(sidecar: string): string {
  const article = sidecar.slice(0, -SIDECAR_SUFFIX.length);
  const parts = article.split(sep);
  const i = parts.lastIndexOf('.newsmark');
  return i >= 0 ? [...parts.slice(0, i), ...parts.slice(i + 1)].join(sep) : article;
}

const SKIP = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** Every sidecar below a folder. */
export function sidecarsUnder(dir: string, errors: { path: string; message: string }[] = []): string[] {
  return filesUnder(dir, n => n.endsWith(SIDECAR_SUFFIX), n => SKIP.has(n), errors);
}

/**
 * The article's folder relative to the workspace, which for the CLI is the current folder (or, for an article
 * outside it, the article's own folder): relations and dismissals may not lead above it.
 */
export function withinOf(article: string): string {
  const rel = relative(process.cwd(), dirname(resolve(article)));
  return rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel) ? '' : rel.split(sep).join('/');
}

/** Reading limits for the sidecar of an article. */
export const limitsFor = (article: string): ReadLimits => ({ within: withinOf(article) });

/** The store every CLI write goes through: the editor's, with locks other processes respect. */
export function cliStore(): SidecarStore {
  return new SidecarStore(nodeSidecarFs, { within: sidecar => withinOf(articleOf(sidecar)) });
}
