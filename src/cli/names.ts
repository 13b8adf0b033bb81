// How readable reports name articles: by their path from the current folder, never by an absolute path.

import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const slashes = (p: string) => p.split(sep).join('/');

/** The deepest folder that holds every one of the paths (absolute). */
export function commonFolder(paths: readonly string[]): string {
  if (!paths.length) return process.cwd();
  let common = dirname(resolve(paths[0])).split(sep);
  for (const p of paths.slice(1)) {
    const parts = dirname(resolve(p)).split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}

/**
 * Names for the articles in readable reports: the path from the current folder (`story/reuters.txt`); for an
 * article outside it, the path from the folder that holds all such articles (so that a check of files in a
 * temporary folder reads `reuters.txt`, not `/tmp/newsmark-x1y2/reuters.txt` or `../../tmp/…`).
 */
export function namer(paths: readonly string[]): (path: string) => string {
  const cwd = process.cwd();
  const inside = (p: string) => {
    const r = relative(cwd, resolve(p));
    return r && r !== '..' && !r.startsWith('..' + sep) && !isAbsolute(r) ? r : null;
  };
  const outside = paths.filter(p => inside(p) === null);
  const base = commonFolder(outside);
  return p => slashes(inside(p) ?? (relative(base, resolve(p)) || resolve(p).split(sep).pop() || p));
}
