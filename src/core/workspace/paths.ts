// '/'-separated paths for the workspace model (no node:path in the core): join, folder, name, relative.

/** The folder of a path ('/a/b.txt' → '/a'; '/a' → '/'). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (path.startsWith('/') ? '/' : '.') : path.slice(0, i);
}

/** The last part of a path. */
export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Something in a path that joinPath would change: an empty, '.' or '..' part, or a slash at the end (but '/'). */
const NOT_NORMAL = /\/\/|(?:^|\/)\.\.?(?:\/|$)|.\/$/;

/** Parts joined with '/', with '.' and '..' resolved and repeated slashes made one. */
export function joinPath(...parts: string[]): string {
  const abs = parts[0]?.startsWith('/') ?? false;
  const joined = parts.length === 1 ? parts[0] : parts.join('/');
  // (most paths are already so: the model asks thousands of times while indexing, on the extension host's thread)
  if (joined && joined.startsWith('/') === abs && !NOT_NORMAL.test(joined)) return joined;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/') || (abs ? '/' : '.');
}

/** `to` relative to the folder `from` ('' when they are the same; '../x' when it leads up). */
export function relativePath(from: string, to: string): string {
  const a = joinPath(from).split('/').filter(Boolean);
  const b = joinPath(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...Array(a.length - i).fill('..'), ...b.slice(i)].join('/');
}

/** Whether `path` is `folder` or below it. */
export function isWithin(folder: string, path: string): boolean {
  const f = joinPath(folder);
  const p = joinPath(path);
  return p === f || p.startsWith(f === '/' ? '/' : f + '/');
}
