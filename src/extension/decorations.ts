// Highlights in the editor. Decoration types are made once; updates wait for a pause in typing and are
// immediate when the user switches editors.

import * as vscode from 'vscode';
import type { Analysis } from '../core';
import { type Analyses, isArticle } from './analyses';
import type { Annotations } from './annotations';
import type { Tagging } from './tagging';
import { type Category, settings } from './settings';
import { capPerLine, EAGER_LIMIT, inWindow, type Span } from './drawPlan';

type Layer = 'entities' | 'dates' | 'claims' | 'claimCues' | 'claimSources' | 'annotations';
const LAYERS: Layer[] = ['entities', 'dates', 'claims', 'claimCues', 'claimSources', 'annotations'];
const CATEGORY_OF: Record<Exclude<Layer, 'annotations'>, Category> = {
  entities: 'entities',
  dates: 'dates',
  claims: 'claims',
  claimCues: 'claims',
  claimSources: 'claims',
};

function makeTypes(): Record<Layer, vscode.TextEditorDecorationType> {
  const closed = vscode.DecorationRangeBehavior.ClosedClosed;
  return {
    // The engine's findings are drawn dotted (unconfirmed); annotations made or accepted by people, solid.
    entities: vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('newsmark.entityBackground'),
      border: '1px dotted',
      borderColor: new vscode.ThemeColor('newsmark.entityBorder'),
      borderRadius: '3px',
      rangeBehavior: closed,
    }),
    dates: vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('newsmark.dateBackground'),
      borderStyle: 'none none dotted none',
      borderWidth: '0 0 2px 0',
      borderColor: new vscode.ThemeColor('newsmark.dateBorder'),
      rangeBehavior: closed,
    }),
    claims: vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('newsmark.claimBackground'),
      border: '1px dotted',
      borderColor: new vscode.ThemeColor('newsmark.claimBorder'),
      rangeBehavior: closed,
      overviewRulerColor: new vscode.ThemeColor('newsmark.claimCueForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }),
    claimCues: vscode.window.createTextEditorDecorationType({
      color: new vscode.ThemeColor('newsmark.claimCueForeground'),
      fontWeight: 'bold',
      rangeBehavior: closed,
    }),
    claimSources: vscode.window.createTextEditorDecorationType({
      textDecoration: 'underline dotted',
      rangeBehavior: closed,
    }),
    annotations: vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('newsmark.annotationBackground'),
      border: '2px solid',
      borderColor: new vscode.ThemeColor('newsmark.annotationBorder'),
      borderRadius: '2px',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      overviewRulerColor: new vscode.ThemeColor('newsmark.annotationBorder'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    }),
  };
}

/** The findings to draw: without those the user rejected or made into annotations. */
export function visibleFindings(
  a: Analysis,
  hidden: (kind: 'entity' | 'date' | 'claim', s: { start: number; end: number }) => boolean,
): Analysis {
  return {
    ...a,
    entities: a.entities.filter(e => !hidden('entity', e)),
    dates: a.dates.filter(d => !hidden('date', d)),
    attributions: a.attributions.filter(c => !hidden('claim', c.content)),
  };
}

/** The spans (offsets) a layer draws for an analysis. */
export function spansFor(a: Analysis, layer: Exclude<Layer, 'annotations'>): Span[] {
  switch (layer) {
    case 'entities':
      return a.entities;
    case 'dates':
      return a.dates;
    case 'claims':
      return a.attributions.map(x => x.content);
    case 'claimCues':
      return a.attributions.flatMap(x => (x.cue ? [x.cue] : []));
    case 'claimSources':
      return a.attributions.flatMap(x => (x.source ? [x.source] : []));
  }
}

/** The offsets an editor shows, with a screenful above and below (null: none visible). */
function visibleWindow(editor: vscode.TextEditor): { from: number; to: number } | null {
  const rs = editor.visibleRanges;
  if (!rs.length) return null;
  const doc = editor.document;
  const first = rs[0].start.line,
    last = rs[rs.length - 1].end.line;
  const margin = Math.max(20, last - first);
  return {
    from: doc.offsetAt(new vscode.Position(Math.max(0, first - margin), 0)),
    to: doc.offsetAt(doc.lineAt(Math.min(doc.lineCount - 1, last + margin)).range.end),
  };
}

export class Decorations implements vscode.Disposable {
  private readonly types = makeTypes();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** What each editor shows now, per layer: the test API reads it. */
  private readonly shown = new WeakMap<vscode.TextEditor, Partial<Record<Layer, vscode.Range[]>>>();
  private readonly subs: vscode.Disposable[] = [];
  private idleWaiters: (() => void)[] = [];
  /** Editors that show only their visible part of a long article yet: what to draw in full, and when. */
  private readonly full = new Map<
    vscode.TextEditor,
    { spans: Record<Layer, Span[]>; version: number; timer: ReturnType<typeof setTimeout> }
  >();

  constructor(
    private readonly analyses: Analyses,
    private readonly annotations: Annotations,
    private readonly tagging: Tagging,
  ) {
    this.subs.push(
      annotations.onDidChange(uri => {
        for (const e of vscode.window.visibleTextEditors)
          if (e.document.uri.toString() === uri.toString()) this.update(e);
      }),
      vscode.window.onDidChangeActiveTextEditor(e => e && this.update(e)),
      vscode.window.onDidChangeVisibleTextEditors(es => {
        for (const e of this.full.keys()) if (!es.includes(e)) this.cancelFull(e);
        es.forEach(e => this.update(e));
        this.notifyIdle();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges(e => this.scrolled(e.textEditor)),
      vscode.workspace.onDidChangeTextDocument(e => this.schedule(e.document)),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('newsmark')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const e of vscode.window.visibleTextEditors) this.update(e);
  }

  /** Re-highlight a document after the typing pause (newsmark.updateDelay). */
  private schedule(doc: vscode.TextDocument): void {
    if (!isArticle(doc) || !vscode.window.visibleTextEditors.some(e => e.document === doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        for (const e of vscode.window.visibleTextEditors) if (e.document === doc) this.update(e);
        this.notifyIdle();
      }, settings().updateDelay),
    );
  }

  update(editor: vscode.TextEditor): void {
    const doc = editor.document;
    if (!isArticle(doc)) {
      this.clear(editor);
      return;
    }
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    // Analysed in the worker: highlights follow once the result for this version is in.
    const result = this.analyses.fresh(doc);
    if (!result) {
      void this.analyses.request(doc).then(
        () => {
          if (vscode.window.visibleTextEditors.includes(editor)) this.update(editor);
        },
        () => undefined,
      );
      return;
    }
    const on = settings().highlight;
    const live = this.annotations.of(doc);
    const findings =
      result.kind === 'ok'
        ? visibleFindings(
            result.analysis,
            (kind, s) =>
              live.some(l => l.start === s.start && l.end === s.end && l.ann.kind === kind) ||
              this.tagging.isSuppressed(doc, { kind, start: s.start, end: s.end }),
          )
        : null;
    const spans = {} as Record<Layer, Span[]>;
    for (const layer of LAYERS) {
      spans[layer] =
        layer === 'annotations'
          ? live.filter(l => l.start !== null).map(l => ({ start: l.start!, end: l.end! }))
          : findings && on[CATEGORY_OF[layer]]
            ? spansFor(findings, layer)
            : [];
    }
    // A long article: the part on screen now, everything a moment later (scrolling redraws the part meanwhile).
    const total = LAYERS.reduce((n, l) => n + spans[l].length, 0);
    this.cancelFull(editor);
    if (total > EAGER_LIMIT) {
      const window = visibleWindow(editor);
      if (window) this.draw(editor, spans, window);
      this.full.set(editor, { spans, version: doc.version, timer: setTimeout(() => this.drawFull(editor), 150) });
    } else {
      this.draw(editor, spans, null);
    }
    this.notifyIdle();
  }

  /** Draws the spans (those in `window` only, when given), at most MAX_PER_LINE of a layer on a line. */
  private draw(
    editor: vscode.TextEditor,
    spans: Record<Layer, Span[]>,
    window: { from: number; to: number } | null,
  ): void {
    const doc = editor.document;
    const shown: Partial<Record<Layer, vscode.Range[]>> = {};
    for (const layer of LAYERS) {
      const some = window ? inWindow(spans[layer], window.from, window.to) : spans[layer];
      const ranges = capPerLine(some, o => doc.positionAt(o).line).map(
        s => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)),
      );
      editor.setDecorations(this.types[layer], ranges);
      shown[layer] = ranges;
    }
    this.shown.set(editor, shown);
  }

  private drawFull(editor: vscode.TextEditor): void {
    const pending = this.full.get(editor);
    this.full.delete(editor);
    if (pending && pending.version === editor.document.version && vscode.window.visibleTextEditors.includes(editor))
      this.draw(editor, pending.spans, null);
    this.notifyIdle();
  }

  private cancelFull(editor: vscode.TextEditor): void {
    clearTimeout(this.full.get(editor)?.timer);
    this.full.delete(editor);
  }

  /** Scrolling while only the visible part is drawn: draw the part now in view. */
  private scrolled(editor: vscode.TextEditor): void {
    const pending = this.full.get(editor);
    const window = pending && visibleWindow(editor);
    if (pending && window && pending.version === editor.document.version) this.draw(editor, pending.spans, window);
  }

  /** Removes Newsmark's highlights from an editor (the document is no longer an article, or Newsmark was disabled). */
  private clear(editor: vscode.TextEditor): void {
    this.cancelFull(editor);
    if (!this.shown.has(editor)) return;
    for (const layer of LAYERS) editor.setDecorations(this.types[layer], []);
    this.shown.delete(editor);
  }

  /** The ranges an editor shows for a layer. */
  shownRanges(editor: vscode.TextEditor, layer: Layer): vscode.Range[] {
    return this.shown.get(editor)?.[layer] ?? [];
  }

  /** Resolves when no update is waiting for a typing pause. */
  whenIdle(): Promise<void> {
    if (this.timers.size === 0 && this.full.size === 0) return Promise.resolve();
    return new Promise(resolve => this.idleWaiters.push(resolve));
  }

  private notifyIdle(): void {
    if (this.timers.size > 0 || this.full.size > 0) return;
    const w = this.idleWaiters;
    this.idleWaiters = [];
    w.forEach(f => f());
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const f of this.full.values()) clearTimeout(f.timer);
    for (const t of Object.values(this.types)) t.dispose();
    for (const s of this.subs) s.dispose();
  }
}

export type { Layer };
