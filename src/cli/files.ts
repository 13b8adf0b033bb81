// Files for the CLI: reading articles as text, finding sidecars, writing atomically.

import { closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { SIDECAR_SUFFIX } from '../core/sidecar';

export interface Loaded {
  path: string;
  text?: string;
  error?: string;
}

/** Reads a file as UTF-8 text, or says in one line why it cannot be read. BOM removed. */
export function load(path: string): Loaded {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) return { path, error: 'is a directory, not a file' };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    return { path, error: why };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { path, error: 'binary file (contains NUL bytes), not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { path, error: 'not valid UTF-8 text (save it as UTF-8 and try again)' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { path, text };
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
export function sidecarsUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try { names = readdirSync(d); } catch { return; }
    for (const n of names.sort()) {
      if (SKIP.has(n)) continue;
      const p = join(d, n);
      let st;
      try { st = statSync(p); } catch { continue; }
      if (st.isDirectory()) walk(p);
      else if (n.endsWith(SIDECAR_SUFFIX)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * Writes a file so that a crash leaves either the old or the new contents, never a mix: the new text goes to a
 * file beside it, is flushed to disk, then renamed over the old one.
 */
export function writeAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw e;
  }
}
