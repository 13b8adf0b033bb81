// Where an article's sidecar is: beside it (`story/a.txt.newsmark.yaml`) or in a `.newsmark/` folder that mirrors
// the tree below its folder (`.newsmark/story/a.txt.newsmark.yaml`). One locator for the editor and the CLI.

import { SIDECAR_SUFFIX } from '../annotations/sidecar';
import { dirOf, isWithin, joinPath, relativePath } from './paths';
import type { WorkspaceFs } from './port';

/** The setting newsmark.sidecarLocation: where a new sidecar is made. */
export type SidecarLocation = 'beside' | 'folder';

/** Where an article and its sidecars are looked up: the workspace folder (null: none; the CLI's folders). */
export interface SidecarPlace {
  /** The workspace folder; `.newsmark/` sidecars are looked for in it and in the folders between it and the article. */
  root: string | null;
  /** Where a new sidecar goes. Default 'beside'. */
  location?: SidecarLocation;
}

/** Where a new sidecar of the article is made: beside it, or under `<root>/.newsmark/` for 'folder'. */
export function sidecarPathFor(article: string, place: SidecarPlace): string {
  const { root, location = 'beside' } = place;
  if (location === 'folder' && root !== null && isWithin(root, article) && joinPath(root) !== joinPath(article)) {
    return joinPath(root, '.newsmark', relativePath(root, article)) + SIDECAR_SUFFIX;
  }
  return article + SIDECAR_SUFFIX;
}

/**
 * Every place the article's sidecar may be, the one the setting names first: beside it, and `.newsmark/` in each
 * folder from the article's own up to the workspace folder (up to the top of the file system for an article outside it).
 */
export function sidecarCandidates(article: string, place: SidecarPlace): string[] {
  const out = [sidecarPathFor(article, place), article + SIDECAR_SUFFIX];
  const top = place.root !== null && isWithin(place.root, article) ? joinPath(place.root) : '/';
  for (let dir = dirOf(article); ; dir = dirOf(dir)) {
    out.push(joinPath(dir, '.newsmark', relativePath(dir, article)) + SIDECAR_SUFFIX);
    if (dir === top || dirOf(dir) === dir) break;
  }
  return [...new Set(out)];
}

/**
 * The article's sidecar: the first candidate that exists (`exists: true`), else where a new one would be made
 * (`exists: false`).
 */
export async function locateSidecar(
  fs: WorkspaceFs,
  article: string,
  place: SidecarPlace,
): Promise<{ path: string; exists: boolean }> {
  for (const c of sidecarCandidates(article, place)) {
    const st = await fs.stat(c);
    if (st && st.kind === 'file') return { path: c, exists: true };
  }
  return { path: sidecarPathFor(article, place), exists: false };
}

/** The article a sidecar belongs to (beside it, or mirrored under the nearest `.newsmark/`). */
export function articleOfSidecar(sidecar: string): string {
  const article = sidecar.endsWith(SIDECAR_SUFFIX) ? sidecar.slice(0, -SIDECAR_SUFFIX.length) : sidecar;
  const parts = article.split('/');
  const i = parts.lastIndexOf('.newsmark');
  return i >= 0 ? [...parts.slice(0, i), ...parts.slice(i + 1)].join('/') : article;
}

/**
 * The article's folder relative to the workspace folder ('' at its top, and for an article outside it): what a
 * sidecar's relations and dismissals may not climb above (ReadLimits.within).
 */
export function withinOf(article: string, root: string | null): string {
  if (root === null || !isWithin(root, article)) return '';
  return relativePath(root, dirOf(article));
}
