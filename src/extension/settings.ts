// Newsmark's settings, read in one place.

import * as vscode from 'vscode';

export type Category = 'entities' | 'dates' | 'claims';
export const CATEGORIES: Category[] = ['entities', 'dates', 'claims'];

export interface Settings {
  highlight: Record<Category, boolean>;
  maxFileSizeMB: number;
  updateDelay: number;
}

/**
 * Settings a workspace may not set while it is not trusted (declared in package.json as
 * capabilities.untrustedWorkspaces.restrictedConfigurations): a cloned repository's .vscode/settings.json must not
 * raise the size limit, widen the articles read or move where sidecars are written.
 */
export const RESTRICTED = ['maxFileSizeMB', 'articles.include', 'articles.exclude', 'sidecarLocation'] as const;

/**
 * A Newsmark setting (key below `newsmark.`). For a restricted one in an untrusted workspace, the workspace's and
 * workspace folder's values are ignored: the user's own value, else the default.
 */
export function setting<T>(key: string, fallback: T, scope?: vscode.ConfigurationScope): T {
  const c = vscode.workspace.getConfiguration('newsmark', scope);
  if (vscode.workspace.isTrusted || !(RESTRICTED as readonly string[]).includes(key)) return c.get<T>(key, fallback);
  const i = c.inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue ?? fallback;
}

export function settings(): Settings {
  const c = vscode.workspace.getConfiguration('newsmark');
  return {
    highlight: {
      entities: c.get<boolean>('highlight.entities', true),
      dates: c.get<boolean>('highlight.dates', true),
      claims: c.get<boolean>('highlight.claims', true),
    },
    maxFileSizeMB: Math.max(0, setting<number>('maxFileSizeMB', 2)),
    updateDelay: Math.min(5000, Math.max(0, c.get<number>('updateDelay', 250))),
  };
}

/** Flips a category's highlight setting where it is set (workspace or user), else in the user settings. */
export async function toggleCategory(category: Category): Promise<boolean> {
  const c = vscode.workspace.getConfiguration('newsmark');
  const key = `highlight.${category}`;
  const info = c.inspect<boolean>(key);
  const next = !c.get<boolean>(key, true);
  const target =
    info?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : info?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await c.update(key, next, target);
  return next;
}
