// Which files are articles (the settings newsmark.articles.include / exclude, as globs matched by picomatch), and
// the one walk over folders that finds them (or sidecars) for the editor's index and for the CLI.

import picomatch from 'picomatch/posix';
import type { DirEntry, FileError, WorkspaceFs } from './port';
import { joinPath } from './paths';
import { SIDECAR_SUFFIX } from '../annotations/sidecar';

/** The default of `newsmark.articles.include` (package.json says the same; a unit test holds them together). */
export const DEFAULT_INCLUDE = '**/*.{txt,md,news}';
/** The default of `newsmark.articles.exclude`: a code repository's notes are not news. */
export const DEFAULT_EXCLUDE: readonly string[] = ['**/README.md', '**/CHANGELOG.md', '**/LICENSE*'];
/** Never articles, whatever the settings: dependencies, hidden folders (.git, .newsmark) and sidecars. */
export const ALWAYS_EXCLUDE: readonly string[] = ['**/node_modules/**', '**/.*/**', `**/*${SIDECAR_SUFFIX}`];

export interface ArticleGlobs {
  /** Globs of the files that are articles, relative to the workspace folder. Default: DEFAULT_INCLUDE. */
  include?: string | readonly string[];
  /** Globs of files that are not. Default: DEFAULT_EXCLUDE. ALWAYS_EXCLUDE is added in any case. */
  exclude?: readonly string[];
}

/** A test of a path relative to the workspace folder ('story/a.txt'): is it an article? */
export type ArticleMatcher = (relPath: string) => boolean;

/** The matcher of the article settings. A glob that does not parse matches nothing (it never throws). */
export function articleMatcher(globs: ArticleGlobs = {}): ArticleMatcher {
  const compile = (g: string | readonly string[]) => {
    const list = (typeof g === 'string' ? [g] : [...g]).filter(x => typeof x === 'string' && x.trim());
    try {
      return list.length ? picomatch(list, { dot: false }) : () => false;
    } catch {
      return () => false;
    }
  };
  const include = compile(globs.include ?? DEFAULT_INCLUDE);
  const exclude = compile([...(globs.exclude ?? DEFAULT_EXCLUDE), ...ALWAYS_EXCLUDE]);
  return rel => {
    const p = rel.replace(/^\.?\/+/, '');
    return include(p) && !exclude(p);
  };
}

/** Folders a walk never enters: hidden ones (.git, .vscode-test; .newsmark unless sidecars are sought) and dependencies. */
const skipFolder = (name: string, sidecars: boolean) =>
  (name.startsWith('.') && !(sidecars && name === '.newsmark')) || name === 'node_modules';

/**
 * The files below `dir` for which `want(pathRelativeToDir)` holds, in name order, folder by folder. Each real
 * folder is read once: a symbolic link back to a folder already searched (a loop) is reported, not followed.
 * Entries that cannot be used (dangling links, FIFOs, unreadable folders) are reported in `errors` when they
 * would have been wanted, never read.
 */
export async function walkFiles(
  fs: WorkspaceFs,
  dir: string,
  want: (rel: string) => boolean,
  errors: FileError[],
  opts: { sidecars?: boolean } = {},
): Promise<string[]> {
  const out: string[] = [];
  const walked = new Set<string>();
  const walk = async (d: string, rel: string, real: string, ancestors: string[]) => {
    walked.add(real);
    const entries: DirEntry[] | null = await fs.list(d);
    if (!entries) {
      errors.push({ path: d, message: 'folder not read' });
      return;
    }
    for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = joinPath(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.problem) {
        if (want(r) || /loop/.test(e.problem)) errors.push({ path, message: `${e.problem}; skipped` });
        continue;
      }
      if (e.kind === 'dir') {
        if (skipFolder(e.name, !!opts.sidecars)) continue;
        const rr = e.real ?? path;
        if (walked.has(rr) || ancestors.includes(rr)) {
          errors.push({ path, message: 'a symbolic link back to a folder already searched (a loop); not followed' });
          continue;
        }
        await walk(path, r, rr, [...ancestors, real]);
      } else if (want(r)) {
        if (e.kind === 'file') out.push(path);
        else errors.push({ path, message: 'not a regular file (a pipe, socket or device); skipped' });
      }
    }
  };
  const root = await fs.stat(dir);
  if (!root || root.kind !== 'dir') {
    errors.push({ path: dir, message: root ? 'not a folder' : 'no such folder' });
    return out;
  }
  await walk(joinPath(dir), '', root.real ?? joinPath(dir), []);
  return out;
}

/** The articles below a folder, by the article settings (paths matched relative to `dir`). */
export function findArticles(
  fs: WorkspaceFs,
  dir: string,
  matcher: ArticleMatcher,
  errors: FileError[],
): Promise<string[]> {
  return walkFiles(fs, dir, matcher, errors);
}

/** Every sidecar below a folder. */
export function findSidecars(fs: WorkspaceFs, dir: string, errors: FileError[]): Promise<string[]> {
  return walkFiles(fs, dir, rel => rel.endsWith(SIDECAR_SUFFIX), errors, { sidecars: true });
}
