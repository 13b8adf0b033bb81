// The CLI's adapter over the workspace model: reading articles as text, the model on the current folder and Node's
// file system, finding articles and sidecars through it, and the store it writes through.

import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, type Stats, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { type ReadLimits, SIDECAR_SUFFIX } from '../core/annotations/sidecar';
import type { SidecarStore } from '../core/annotations/store';
import { articleOfSidecar, findSidecars, sidecarCandidates, WorkspaceModel } from '../core/workspace';
import { nodeWorkspaceFs, why } from '../node/sidecarFs';

export { why };

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

function kindOf(st: Stats): string {
  return st.isFIFO()
    ? 'a named pipe (FIFO)'
    : st.isSocket()
      ? 'a socket'
      : st.isCharacterDevice() || st.isBlockDevice()
        ? 'a device'
        : 'not a file';
}

/** The CLI's workspace: the current folder, with the default article globs. One model a process. */
let model: WorkspaceModel | null = null;
export function cliModel(): WorkspaceModel {
  if (!model || model.root !== toModelPath(process.cwd()))
    model = new WorkspaceModel(nodeWorkspaceFs, { root: toModelPath(process.cwd()) });
  return model;
}

/** A path as the model takes it: absolute, with / separators. */
export function toModelPath(p: string): string {
  return resolve(p).split(sep).join('/');
}

/** A path the model gave back, for the file system. */
const fromModelPath = (p: string) => (sep === '/' ? p : p.split('/').join(sep));

/**
 * The articles named by the paths: files as given; folders searched for articles by the article globs
 * (`newsmark.articles.include` / `exclude` and their defaults: .txt, .md and .news files, not README.md,
 * CHANGELOG.md or LICENSE, nor anything in hidden folders or node_modules). Paths below a folder keep its spelling.
 */
export async function articlesIn(paths: string[], errors: { path: string; message: string }[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      errors.push({
        path: p,
        message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : why(e),
      });
      continue;
    }
    if (st.isDirectory()) out.push(...(await under(p, dir => cliModel().articlesUnder(dir, errors), errors)));
    else out.push(p);
  }
  return [...new Set(out)];
}

/** Every sidecar below a folder. */
export function sidecarsUnder(dir: string, errors: { path: string; message: string }[] = []): Promise<string[]> {
  return under(dir, d => findSidecars(nodeWorkspaceFs, d, errors), errors);
}

/** What a walk of the model finds below a folder, named from the folder as the user spelled it. */
async function under(
  dir: string,
  walk: (abs: string) => Promise<string[]>,
  errors: { path: string; message: string }[],
): Promise<string[]> {
  const abs = toModelPath(dir);
  const from = errors.length;
  const found = await walk(abs);
  const spelled = (p: string) =>
    p === abs ? dir : join(dir, fromModelPath(p.slice(abs === '/' ? 1 : abs.length + 1)));
  for (const e of errors.slice(from)) e.path = spelled(e.path);
  return found.map(spelled);
}

/**
 * The sidecar of an article: the first of the places the core's locator names that exists (beside it, or in a
 * `.newsmark/` folder of an enclosing folder that mirrors the tree below it). Null when it has none.
 */
export function sidecarOf(article: string): string | null {
  const m = cliModel();
  for (const c of sidecarCandidates(toModelPath(article), { root: m.root })) {
    const p = fromModelPath(c);
    if (existsSync(p)) return c === toModelPath(article) + SIDECAR_SUFFIX ? article + SIDECAR_SUFFIX : p;
  }
  return null;
}

/** The article a sidecar belongs to. */
export function articleOf(sidecar: string): string {
  return fromModelPath(articleOfSidecar(sidecar.split(sep).join('/')));
}

/** Reading limits for the sidecar of an article: relations and dismissals may not lead above the current folder. */
export const limitsFor = (article: string): ReadLimits => cliModel().limitsOf(toModelPath(article));

/** The store every CLI write goes through: the editor's, with locks other processes respect. */
export function cliStore(): SidecarStore {
  return cliModel().store;
}
