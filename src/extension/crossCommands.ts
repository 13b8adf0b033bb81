// Commands across articles: check the workspace, find a claim elsewhere, follow a source, compare coverage,
// dismiss a contradiction.

import * as vscode from 'vscode';
import type { Mention } from '../core/cross/crossdoc';
import type { Annotations } from './annotations';
import type { Coverage } from './coverage';
import type { Item } from './crossViews';
import { relativePath } from './tagging';
import type { WorkspaceIndex } from './workspaceIndex';
import { clip } from '../core/engine/text';

export class CrossCommands {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly coverage: Coverage,
    private readonly annotations: Annotations,
  ) {}

  async checkWorkspace(): Promise<{ articles: number; claims: number; conflicts: number; sources: number }> {
    const r = await this.index.rebuild({ progress: true });
    const counts = { articles: r.documents, claims: r.claims, conflicts: r.conflicts, sources: r.sources };
    void vscode.commands.executeCommand('newsmark.contradictions.focus');
    void vscode.window.showInformationMessage(
      `Newsmark: ${counts.conflicts} contradiction${counts.conflicts === 1 ? '' : 's'} across ${counts.articles} articles (${counts.claims} claims reported by several, ${counts.sources} sources).`,
    );
    return counts;
  }

  private async here(): Promise<{ name: string; at: number } | undefined> {
    const ed = vscode.window.activeTextEditor;
    if (!ed) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: open an article first.'));
      return;
    }
    if (!this.index.summary) await this.index.rebuild();
    return { name: this.index.nameOf(ed.document.uri), at: ed.document.offsetAt(ed.selection.active) };
  }

  private async pick(mentions: Mention[], title: string, interactive: boolean): Promise<Mention[]> {
    if (!interactive || mentions.length === 0) return mentions;
    const p = await vscode.window.showQuickPick(
      mentions.map(m => ({ label: m.doc, description: clip(m.text, 100), m })),
      { title, matchOnDescription: true },
    );
    if (p) {
      const uri = this.index.uriOf(p.m.doc);
      if (uri) await vscode.commands.executeCommand('newsmark.revealFinding', uri, p.m.start, p.m.end);
    }
    return mentions;
  }

  /** The other articles' statements of the claim at the cursor. */
  async findClaim(args: { interactive?: boolean } = {}): Promise<Mention[]> {
    const h = await this.here();
    if (!h) return [];
    // Asked of the worker, which keeps the check's result.
    const others = await this.index.claimAt(h.name, h.at);
    if (others.length === 0)
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Newsmark: no other article reports the statement at the cursor.'),
      );
    return this.pick(others, 'This claim in other articles', args.interactive ?? true);
  }

  /** Where the source quoted at the cursor is quoted across the workspace. */
  async showSource(args: { interactive?: boolean } = {}): Promise<{ speaker: string; quotes: Mention[] } | undefined> {
    const h = await this.here();
    if (!h) return;
    const source = await this.index.sourceAt(h.name, h.at);
    if (!source) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Newsmark: put the cursor on an attributed claim to follow its source.'),
      );
      return;
    }
    await this.pick(
      source.quotes,
      `${source.speaker} (${source.kind}) across ${source.documents.length} articles`,
      args.interactive ?? true,
    );
    return { speaker: source.speaker, quotes: source.quotes };
  }

  compareCoverage(): Promise<void> {
    return this.coverage.show();
  }

  /** Hides a contradiction for good: kept in the sidecar of its first article. */
  async dismiss(item?: Item): Promise<boolean> {
    const c = item?.conflict;
    if (!c) return false;
    const a = this.index.uriOf(c.a.doc);
    const b = this.index.uriOf(c.b.doc);
    if (!a || !b) return false;
    const doc = await vscode.workspace.openTextDocument(a);
    const ok = await this.annotations.change(doc, {
      dismiss: { exact: c.a.text, other: relativePath(a, b), otherExact: c.b.text },
    });
    if (ok) await this.index.rebuild();
    return ok;
  }
}
