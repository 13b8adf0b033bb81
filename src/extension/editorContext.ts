// Context keys for menus and keybindings, so that Newsmark's items show only where they apply:
// newsmark.isArticle (the active editor shows an article Newsmark reads), newsmark.findingUnderCursor,
// newsmark.claimUnderCursor, newsmark.annotationUnderCursor and newsmark.hasAnnotations.

import * as vscode from 'vscode';
import { type Analyses, isArticle } from './analyses';
import type { Annotations } from './annotations';

type Key = 'isArticle' | 'findingUnderCursor' | 'claimUnderCursor' | 'annotationUnderCursor' | 'hasAnnotations';

const around = (s: { start: number; end: number } | null | undefined, at: number) =>
  !!s && at >= s.start && at <= s.end;

export class EditorContext implements vscode.Disposable {
  private readonly values = new Map<Key, boolean>();
  private readonly subs: vscode.Disposable[] = [];

  constructor(
    private readonly analyses: Analyses,
    private readonly annotations: Annotations,
  ) {
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection(e => {
        if (e.textEditor === vscode.window.activeTextEditor) this.update();
      }),
      analyses.onDidAnalyse(d => {
        if (d === vscode.window.activeTextEditor?.document) this.update();
      }),
      annotations.onDidChange(() => this.update()),
    );
    this.update();
  }

  /** The value of a key now (for tests). */
  get(key: Key): boolean {
    return this.values.get(key) ?? false;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const article = !!editor && isArticle(editor.document);
    const next: Record<Key, boolean> = {
      isArticle: article,
      findingUnderCursor: false,
      claimUnderCursor: false,
      annotationUnderCursor: false,
      hasAnnotations: false,
    };
    if (editor && article) {
      const doc = editor.document;
      const at = doc.offsetAt(editor.selection.active);
      // The analysis the editor already has (never analyses here: this runs on every cursor move).
      const r = this.analyses.peek(doc.uri);
      if (r?.kind === 'ok' && r.version === doc.version) {
        const a = r.analysis;
        next.claimUnderCursor = a.attributions.some(
          c => around(c.content, at) || around(c.cue, at) || around(c.source, at),
        );
        next.findingUnderCursor =
          next.claimUnderCursor || a.entities.some(e => around(e, at)) || a.dates.some(d => around(d, at));
      }
      const live = this.annotations.of(doc);
      next.hasAnnotations = live.length > 0;
      next.annotationUnderCursor = live.some(l => l.start !== null && at >= l.start && at <= l.end!);
    }
    for (const [k, v] of Object.entries(next) as [Key, boolean][]) {
      if (this.values.get(k) === v) continue;
      this.values.set(k, v);
      void vscode.commands.executeCommand('setContext', `newsmark.${k}`, v);
    }
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
