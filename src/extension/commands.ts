// Commands, registered from one table.

import * as vscode from 'vscode';
import { type Category, toggleCategory } from './settings';

const NAMES: Record<Category, string> = { entities: 'Entity', dates: 'Date', claims: 'Claim' };

async function toggle(category: Category): Promise<boolean> {
  const on = await toggleCategory(category);
  vscode.window.setStatusBarMessage(`Newsmark: ${NAMES[category]} highlights ${on ? 'on' : 'off'}`, 3000);
  return on;
}

async function revealFinding(uri: vscode.Uri, start: number, end: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

const TABLE: Record<string, (...args: never[]) => unknown> = {
  'newsmark.toggleEntities': () => toggle('entities'),
  'newsmark.toggleDates': () => toggle('dates'),
  'newsmark.toggleClaims': () => toggle('claims'),
  'newsmark.showFindings': () => vscode.commands.executeCommand('newsmark.article.focus'),
  'newsmark.revealFinding': revealFinding,
};

export function registerCommands(): vscode.Disposable[] {
  return Object.entries(TABLE).map(([id, fn]) => vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown));
}
