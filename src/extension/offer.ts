// Newsmark offers itself where it is off: one status-bar item, shown only while an article-like file is open (one
// that matches newsmark.articles.include and not .exclude, so never a README). A click enables Newsmark in the
// workspace or says "not here", after which it is never offered again in this workspace. The user can also hide
// the item from the status bar's own menu.

import * as vscode from 'vscode';
import { isArticle } from './analyses';
import type { Scope } from './scope';
import { setting } from './settings';

export class Offer implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newsmark.offer', vscode.StatusBarAlignment.Right, 100);
  private readonly subs: vscode.Disposable[] = [];
  shown = false;

  constructor(private readonly scope: Scope) {
    this.item.name = vscode.l10n.t('Newsmark (offer)');
    this.item.text = '$(mention) Newsmark';
    this.item.tooltip = vscode.l10n.t(
      'Newsmark is off in this workspace. Click to highlight people, places, dates and claims in its articles.',
    );
    this.item.command = 'newsmark.offer';
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      scope.onDidChange(() => this.render()),
      vscode.commands.registerCommand('newsmark.offer', () => this.ask()),
      vscode.commands.registerCommand('newsmark.enableWorkspace', () => scope.enable()),
      vscode.commands.registerCommand('newsmark.disableWorkspace', () => scope.disable()),
    );
    void scope.ready.then(() => this.render());
  }

  render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    // Documents of an article's language (plain text, Markdown) that the rule does not accept only because Newsmark is off.
    this.shown =
      !!doc && !isArticle(doc) && ['plaintext', 'markdown'].includes(doc.languageId) && this.scope.offersFor(doc);
    if (this.shown) this.item.show();
    else this.item.hide();
  }

  private async ask(): Promise<void> {
    const enable = vscode.l10n.t('Enable Newsmark in This Workspace');
    const never = vscode.l10n.t('Not in This Workspace');
    const pick = await vscode.window.showQuickPick(
      [
        {
          label: enable,
          detail: vscode.l10n.t(
            'Highlight the articles of this workspace ({0}).',
            setting<string>('articles.include', '**/*.{txt,md,news}'),
          ),
        },
        {
          label: never,
          detail: vscode.l10n.t(
            'Newsmark will not offer itself here again; the command "Newsmark: Enable in This Workspace" still works.',
          ),
        },
      ],
      { title: 'Newsmark' },
    );
    if (pick?.label === enable) await this.scope.enable();
    else if (pick?.label === never) await this.scope.dismissOffer();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}
