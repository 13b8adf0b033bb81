// The "This Article" view: what Newsmark found in the active article, grouped, each a click from the text.

import * as vscode from 'vscode';
import { describeDateValue, type EntityType } from '../core';
import { type Analyses, isArticle } from './analyses';
import type { Annotations } from './annotations';
import { clip } from '../core/engine/text';

interface Node {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  children?: Node[];
  target?: { start: number; end: number };
}

const GROUPS: { type: EntityType; label: string; icon: string }[] = [
  { type: 'PERSON', label: 'People', icon: 'person' },
  { type: 'ORG', label: 'Organisations', icon: 'organization' },
  { type: 'PLACE', label: 'Places', icon: 'globe' },
  { type: 'NORP', label: 'Nationalities and groups', icon: 'symbol-enum' },
];

export class ArticleView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];
  private doc: vscode.TextDocument | undefined;

  constructor(
    private readonly analyses: Analyses,
    private readonly annotations: Annotations,
  ) {
    this.subs.push(
      annotations.onDidChange(u => {
        if (u.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      analyses.onDidAnalyse(d => {
        if (d === this.doc || d === vscode.window.activeTextEditor?.document) this.refresh();
      }),
    );
    this.refresh();
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getTreeItem(n: Node): vscode.TreeItem {
    const item = new vscode.TreeItem(
      n.label,
      n.children ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.description = n.description;
    item.tooltip = n.tooltip;
    if (n.icon) item.iconPath = new vscode.ThemeIcon(n.icon);
    if (n.target && this.doc) {
      item.command = {
        command: 'newsmark.revealFinding',
        title: 'Reveal',
        arguments: [this.doc.uri, n.target.start, n.target.end],
      };
    }
    return item;
  }

  getChildren(n?: Node): Node[] {
    if (n) return n.children ?? [];
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isArticle(editor.document)) return [];
    this.doc = editor.document;
    const r = this.analyses.get(editor.document);
    if (r.kind !== 'ok') return [{ label: 'Not analysed: over the size limit', icon: 'circle-slash' }];
    const a = r.analysis;
    const out: Node[] = [];
    const live = this.annotations.of(editor.document);
    if (live.length) {
      out.push({
        label: 'Annotations',
        description: String(live.length),
        icon: 'tag',
        children: live.map(l => ({
          label: `${l.ann.kind}: ${clip(l.ann.anchor.exact, 50)}`,
          description: [
            l.orphaned ? 'orphaned' : '',
            l.ann.status ?? '',
            l.ann.type ?? '',
            l.ann.origin === 'accepted' ? 'accepted' : '',
          ]
            .filter(Boolean)
            .join(' · '),
          tooltip: l.ann.note ?? l.ann.anchor.exact,
          icon: l.orphaned ? 'warning' : undefined,
          target: l.start !== null ? { start: l.start, end: l.end! } : undefined,
        })),
      });
    }
    for (const g of GROUPS) {
      const byName = new Map<string, { n: number; first: { start: number; end: number } }>();
      for (const e of a.entities) {
        if (e.type !== g.type) continue;
        const x = byName.get(e.canonical) ?? { n: 0, first: e };
        x.n++;
        byName.set(e.canonical, x);
      }
      if (byName.size === 0) continue;
      out.push({
        label: g.label,
        description: String(byName.size),
        icon: g.icon,
        children: [...byName]
          .sort((x, y) => y[1].n - x[1].n)
          .map(([name, x]) => ({
            label: name,
            description: x.n > 1 ? `×${x.n}` : undefined,
            target: x.first,
          })),
      });
    }
    if (a.dates.length) {
      out.push({
        label: 'Dates',
        description: String(a.dates.length),
        icon: 'calendar',
        children: a.dates.map(d => ({ label: d.text, description: describeDateValue(d) ?? 'unresolved', target: d })),
      });
    }
    if (a.attributions.length) {
      out.push({
        label: 'Claims',
        description: String(a.attributions.length),
        icon: 'quote',
        children: a.attributions.map(c => ({
          label: c.speaker ?? 'unnamed source',
          description: `${c.cue?.text ?? '…'}: ${clip(c.content.text, 80)}`,
          tooltip: `${c.kind}: ${c.content.text}`,
          target: c.content,
        })),
      });
    }
    return out;
  }

  dispose(): void {
    this.emitter.dispose();
    for (const s of this.subs) s.dispose();
  }
}
