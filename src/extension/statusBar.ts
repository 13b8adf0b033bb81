// The status-bar item: counts of the active article.

import * as vscode from 'vscode';
import { type Analyses, formatMB, isArticle } from './analyses';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newsmark.counts', vscode.StatusBarAlignment.Right, 100);
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly analyses: Analyses) {
    this.item.name = 'Newsmark';
    this.item.command = 'newsmark.showFindings';
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      analyses.onDidAnalyse(d => {
        if (d === vscode.window.activeTextEditor?.document) this.render();
      }),
    );
    this.render();
  }

  /** The text shown now (for tests). */
  get text(): string {
    return this.item.text;
  }

  render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !isArticle(doc)) {
      this.item.hide();
      return;
    }
    const r = this.analyses.peek(doc.uri);
    if (!r) {
      this.item.hide();
      return;
    }
    if (r.kind === 'too-large') {
      this.item.text = '$(circle-slash) Newsmark: not analysed';
      this.item.tooltip = `This article is ${formatMB(r.bytes)}, over the ${formatMB(r.limitBytes)} limit (newsmark.maxFileSizeMB).`;
    } else {
      const a = r.analysis;
      const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
      this.item.text = `$(mention) ${count(a.entities.length, 'entity', 'entities')} · ${count(a.dates.length, 'date', 'dates')} · ${count(a.attributions.length, 'claim', 'claims')}`;
      this.item.tooltip =
        `Newsmark found ${a.entities.length} mentions of people, organisations, places and groups, ` +
        `${a.dates.length} dates and ${a.attributions.length} attributed claims in this article` +
        `${a.published ? ` (published ${a.published})` : ''}. Click to list them.`;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}
