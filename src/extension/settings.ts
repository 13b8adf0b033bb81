// Newsmark's settings, read in one place.

import * as vscode from 'vscode';

export type Category = 'entities' | 'dates' | 'claims';
export const CATEGORIES: Category[] = ['entities', 'dates', 'claims'];

export interface Settings {
  highlight: Record<Category, boolean>;
  maxFileSizeMB: number;
  updateDelay: number;
}

export function settings(): Settings {
  const c = vscode.workspace.getConfiguration('newsmark');
  return {
    highlight: {
      entities: c.get<boolean>('highlight.entities', true),
      dates: c.get<boolean>('highlight.dates', true),
      claims: c.get<boolean>('highlight.claims', true),
    },
    maxFileSizeMB: Math.max(0, c.get<number>('maxFileSizeMB', 2)),
    updateDelay: Math.min(5000, Math.max(0, c.get<number>('updateDelay', 250))),
  };
}

/** Flips a category's highlight setting where it is set (workspace or user), else in the user settings. */
export async function toggleCategory(category: Category): Promise<boolean> {
  const c = vscode.workspace.getConfiguration('newsmark');
  const key = `highlight.${category}`;
  const info = c.inspect<boolean>(key);
  const next = !c.get<boolean>(key, true);
  const target = info?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : info?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await c.update(key, next, target);
  return next;
}
