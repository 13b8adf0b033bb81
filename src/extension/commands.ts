// Commands, registered from one table.

import * as vscode from 'vscode';
import { type Category, toggleCategory } from './settings';
import type { CrossCommands } from './crossCommands';
import type { ExportArgs, Exchange } from './exchange';
import type { Timeline } from './timeline';
import { newArticle } from './welcome';
import type { Item } from './crossViews';
import type { TagArgs, Tagging } from './tagging';

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

export function registerCommands(
  tagging: Tagging,
  cross: CrossCommands,
  exchange: Exchange,
  timeline: Timeline,
): vscode.Disposable[] {
  const table: Record<string, (...args: never[]) => unknown> = {
    'newsmark.toggleEntities': () => toggle('entities'),
    'newsmark.toggleDates': () => toggle('dates'),
    'newsmark.toggleClaims': () => toggle('claims'),
    'newsmark.showFindings': () => vscode.commands.executeCommand('newsmark.article.focus'),
    'newsmark.revealFinding': revealFinding,
    'newsmark.tagSelection': (args?: TagArgs) => tagging.tagSelection(args ?? {}),
    'newsmark.acceptFinding': (at?: number) => tagging.acceptFinding(typeof at === 'number' ? at : undefined),
    'newsmark.rejectFinding': (at?: number) => tagging.rejectFinding(typeof at === 'number' ? at : undefined),
    'newsmark.editAnnotation': (args?: { id?: string; field?: string; value?: string }) =>
      tagging.editAnnotation(args ?? {}),
    'newsmark.deleteAnnotation': (id?: string) => tagging.deleteAnnotation(typeof id === 'string' ? id : undefined),
    'newsmark.nextAnnotation': () => tagging.goTo(1),
    'newsmark.previousAnnotation': () => tagging.goTo(-1),
    'newsmark.linkAnnotations': (args?: { from?: string; to?: string; type?: string }) => tagging.link(args ?? {}),
    'newsmark.reattachAnnotation': (id: string) => tagging.reattach(id),
    'newsmark.revealAnnotation': (from: string, ref: string) => tagging.reveal(vscode.Uri.parse(from), ref),
    'newsmark.checkWorkspace': () => cross.checkWorkspace(),
    'newsmark.findClaim': (args?: { interactive?: boolean }) => cross.findClaim(args ?? {}),
    'newsmark.showSource': (args?: { interactive?: boolean }) => cross.showSource(args ?? {}),
    'newsmark.compareCoverage': () => cross.compareCoverage(),
    'newsmark.dismissConflict': (item?: Item) => cross.dismiss(item),
    'newsmark.exportAnnotations': (args?: ExportArgs) => exchange.export(args ?? {}),
    'newsmark.showTimeline': () => timeline.show(),
    'newsmark.newArticle': () => newArticle(),
    'newsmark.importAnnotations': (args?: { files?: string[] }) => exchange.import(args ?? {}),
  };
  return Object.entries(table).map(([id, fn]) =>
    vscode.commands.registerCommand(id, fn as (...args: unknown[]) => unknown),
  );
}
