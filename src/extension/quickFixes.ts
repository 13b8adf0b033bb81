// Quick fixes for orphaned annotations: re-attach to the selection, or delete.

import * as vscode from 'vscode';

export class OrphanFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(
    _doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    ctx: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    for (const d of ctx.diagnostics) {
      const code = typeof d.code === 'object' ? d.code : undefined;
      if (d.source !== 'Newsmark' || code?.value !== 'orphaned-annotation') continue;
      const id = code.target.path;
      if (!range.isEmpty) {
        const fix = new vscode.CodeAction(
          `Re-attach annotation ${id} to the selected words`,
          vscode.CodeActionKind.QuickFix,
        );
        fix.command = { command: 'newsmark.reattachAnnotation', title: 'Re-attach', arguments: [id] };
        fix.diagnostics = [d];
        fix.isPreferred = true;
        out.push(fix);
      } else {
        const hint = new vscode.CodeAction(
          `Select the words annotation ${id} belongs to, then re-attach it`,
          vscode.CodeActionKind.QuickFix,
        );
        hint.disabled = { reason: 'Select the words first' };
        out.push(hint);
      }
      const del = new vscode.CodeAction(`Delete annotation ${id}`, vscode.CodeActionKind.QuickFix);
      del.command = { command: 'newsmark.deleteAnnotation', title: 'Delete', arguments: [id] };
      del.diagnostics = [d];
      out.push(del);
    }
    return out;
  }
}
