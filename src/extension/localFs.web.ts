// The web build's stand-in for localFs.ts: no local disk, so every file is read through vscode.workspace.fs.

import type * as vscode from 'vscode';
import type { LocalFs } from './localFs';

export type { LocalFs };

export function localFsOf(_uri: vscode.Uri): LocalFs | null {
  return null;
}
