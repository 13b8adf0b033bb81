// Annotations in the editor: each article's sidecar, read through the store, with live positions that move with
// edits, orphans reported as diagnostics, and the sidecar's own errors shown where they are.

import * as vscode from 'vscode';
import { anchorAt, locate, shiftSpan } from '../core/annotations/anchor';
import { clip, fnv1a } from '../core/engine/text';
import {
  type Annotation,
  type DocumentMeta,
  type Problem,
  type ReadLimits,
  SIDECAR_SUFFIX,
} from '../core/annotations/sidecar';
import { articleOfSidecar as coreArticleOfSidecar, withinOf } from '../core/workspace';
import { newSidecarUri, uriStringFs } from './workspaceModel';
import {
  type Change,
  type Conflict,
  SidecarBrokenError,
  type SidecarState,
  SidecarStore,
} from '../core/annotations/store';
import { isArticle } from './analyses';
import { isSidecarPath, watchFiles } from './fileEvents';

/** An annotation where it is now in the open article. */
export interface Live {
  ann: Annotation;
  /** Offsets in the document's current text; null when orphaned. */
  start: number | null;
  end: number | null;
  orphaned: boolean;
  /** Why it is orphaned. */
  reason?: string;
}

interface ArticleState {
  sidecar: vscode.Uri;
  live: Live[];
  problems: Problem[] | null;
  /** The document version the live positions are for. */
  version: number;
}

/** Where a new sidecar of an article goes: beside it, or in `.newsmark/` at its workspace folder (setting). */
export function sidecarUriOf(article: vscode.Uri): vscode.Uri {
  return newSidecarUri(article);
}

/** The article a sidecar belongs to (beside it, or mirrored under `.newsmark/`). */
export function articleOfSidecar(sidecar: vscode.Uri): vscode.Uri {
  return sidecar.with({ path: coreArticleOfSidecar(sidecar.path) });
}

/**
 * Reading limits for an article's sidecar: its folder inside the workspace folder, so that relations and
 * dismissals that lead out of the workspace are refused (an article outside every folder counts as its own root).
 */
export function sidecarLimits(article: vscode.Uri): ReadLimits {
  return { within: withinOf(article.path, vscode.workspace.getWorkspaceFolder(article)?.uri.path ?? null) };
}

export function articleName(article: vscode.Uri): string {
  return article.path.split('/').pop() ?? 'article';
}

export class Annotations implements vscode.Disposable {
  readonly store: SidecarStore;
  private readonly articles = new Map<string, ArticleState>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when an article's annotations (or their places) change. */
  readonly onDidChange = this.emitter.event;
  readonly diagnostics = vscode.languages.createDiagnosticCollection('newsmark-annotations');
  private readonly subs: vscode.Disposable[] = [];
  private readonly relocate = new Map<string, ReturnType<typeof setTimeout>>();
  /** Changes made while the sidecar was broken: written once it reads again. */
  private readonly pending = new Map<string, Change[]>();
  /** Details for a new sidecar (title, publication date), from the engine. */
  metaFor: (doc: vscode.TextDocument) => DocumentMeta = () => ({});
  /** The article's sidecar, wherever it is (the workspace model's locator); by default where a new one goes. */
  locate: (article: vscode.Uri) => Promise<vscode.Uri> = async a => sidecarUriOf(a);

  constructor() {
    this.store = new SidecarStore(uriStringFs, {
      resolve: c => this.askConflict(c),
      within: p => sidecarLimits(articleOfSidecar(vscode.Uri.parse(p))).within,
    });
    const changed = (u: vscode.Uri) => this.sidecarChanged(u);
    this.subs.push(
      watchFiles(isSidecarPath, { create: changed, change: changed, delete: changed }),
      vscode.workspace.onDidOpenTextDocument(d => void this.open(d)),
      vscode.workspace.onDidCloseTextDocument(d => this.close(d)),
      vscode.workspace.onDidChangeTextDocument(e => this.edited(e)),
      vscode.workspace.onDidSaveTextDocument(d => void this.saved(d)),
      vscode.workspace.onDidSaveTextDocument(d => {
        if (d.uri.path.endsWith(SIDECAR_SUFFIX)) this.sidecarChanged(d.uri);
      }),
      this.diagnostics,
      this.emitter,
    );
    for (const d of vscode.workspace.textDocuments) void this.open(d);
  }

  /** The annotations of an open article, where they are now. */
  of(doc: vscode.TextDocument): Live[] {
    return this.articles.get(doc.uri.toString())?.live ?? [];
  }

  /** Changes waiting for the article's broken sidecar to be fixed. */
  pendingOf(doc: vscode.TextDocument): number {
    const a = this.articles.get(doc.uri.toString());
    return a ? (this.pending.get(a.sidecar.toString())?.length ?? 0) : 0;
  }

  /** The sidecar's problems when it cannot be read (annotations are then read-only). */
  problemsOf(doc: vscode.TextDocument): Problem[] | null {
    return this.articles.get(doc.uri.toString())?.problems ?? null;
  }

  /** The open article's sidecar (found where it is), else where a new one would go. */
  sidecarOf(doc: vscode.TextDocument): vscode.Uri {
    return this.articles.get(doc.uri.toString())?.sidecar ?? sidecarUriOf(doc.uri);
  }

  stateOf(doc: vscode.TextDocument): SidecarState | undefined {
    const a = this.articles.get(doc.uri.toString());
    return a ? this.store.state(a.sidecar.toString()) : undefined;
  }

  async open(doc: vscode.TextDocument): Promise<void> {
    if (!isArticle(doc) || doc.uri.scheme === 'untitled') return;
    const sidecar = await this.locate(doc.uri);
    const key = doc.uri.toString();
    if (!this.articles.has(key)) this.articles.set(key, { sidecar, live: [], problems: null, version: doc.version });
    const s = await this.store.open(sidecar.toString());
    if (s.recovered)
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Newsmark recovered annotations of {0} from a write that was interrupted.', articleName(doc.uri)),
      );
    this.refresh(doc, s);
  }

  private close(doc: vscode.TextDocument): void {
    this.articles.delete(doc.uri.toString());
    this.diagnostics.delete(doc.uri);
  }

  /** Positions from the sidecar's anchors, found again in the current text. */
  private refresh(doc: vscode.TextDocument, s: SidecarState): void {
    const a = this.articles.get(doc.uri.toString());
    if (!a) return;
    const text = doc.getText();
    a.problems = s.problems;
    a.version = doc.version;
    a.live = (s.file?.data.annotations ?? []).map(ann => {
      const f = locate(text, ann.anchor);
      return { ann, start: f.start, end: f.end, orphaned: f.status === 'orphaned', reason: f.reason };
    });
    this.report(doc);
    this.emitter.fire(doc.uri);
  }

  private report(doc: vscode.TextDocument): void {
    const a = this.articles.get(doc.uri.toString());
    if (!a) return;
    const diags: vscode.Diagnostic[] = [];
    for (const l of a.live.filter(x => x.orphaned)) {
      const at = doc.positionAt(Math.min(l.ann.anchor.start, doc.getText().length));
      const d = new vscode.Diagnostic(
        new vscode.Range(at, at),
        `Annotation ${l.ann.id} (${l.ann.kind}: “${clip(l.ann.anchor.exact, 60)}”) is no longer found in the text${l.reason ? ` (${l.reason})` : ''}. Select its words and re-attach it, or delete it.`,
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'Newsmark';
      d.code = { value: 'orphaned-annotation', target: vscode.Uri.parse(`newsmark-annotation:${l.ann.id}`) };
      diags.push(d);
    }
    if (a.problems) {
      const first = a.problems[0];
      const d = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        `The annotations of this article are read-only: its sidecar has ${a.problems.length === 1 ? 'an error' : `${a.problems.length} errors`} (${first.line ? `line ${first.line}: ` : ''}${first.message}). Fix the sidecar to change annotations again.`,
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = 'Newsmark';
      d.code = 'broken-sidecar';
      d.relatedInformation = [
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(a.sidecar, new vscode.Position(Math.max(0, first.line - 1), Math.max(0, first.col - 1))),
          first.message,
        ),
      ];
      diags.push(d);
      this.diagnostics.set(
        a.sidecar,
        a.problems.map(p => {
          const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.col - 1));
          const x = new vscode.Diagnostic(
            new vscode.Range(pos, pos.translate(0, 1)),
            p.message,
            vscode.DiagnosticSeverity.Error,
          );
          x.source = 'Newsmark';
          return x;
        }),
      );
    } else {
      this.diagnostics.delete(a.sidecar);
    }
    this.diagnostics.set(doc.uri, diags);
  }

  /** Live positions follow typing; an edit across an annotation's edge finds it again by its quote. */
  private edited(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const a = this.articles.get(key);
    if (!a || e.contentChanges.length === 0) return;
    let lost = false;
    for (const c of e.contentChanges) {
      for (const l of a.live) {
        if (l.start === null || l.end === null) continue;
        const moved = shiftSpan(l.start, l.end, c.rangeOffset, c.rangeOffset + c.rangeLength, c.text.length);
        if (moved) [l.start, l.end] = moved;
        else {
          l.start = l.end = null;
          lost = true;
        }
      }
    }
    a.version = e.document.version;
    if (lost) {
      clearTimeout(this.relocate.get(key));
      this.relocate.set(
        key,
        setTimeout(() => {
          const text = e.document.getText();
          for (const l of a.live) {
            if (l.start !== null) continue;
            const f = locate(text, l.ann.anchor);
            [l.start, l.end, l.orphaned, l.reason] = [f.start, f.end, f.status === 'orphaned', f.reason];
          }
          this.report(e.document);
          this.emitter.fire(e.document.uri);
        }, 150),
      );
    }
    this.emitter.fire(e.document.uri);
  }

  /** On saving the article, moved annotations get their new places in the sidecar. */
  private async saved(doc: vscode.TextDocument): Promise<void> {
    const a = this.articles.get(doc.uri.toString());
    if (!a || a.problems) return;
    const moves = a.live
      .filter(l => l.start !== null && (l.start !== l.ann.anchor.start || l.end !== l.ann.anchor.end))
      .map(l => ({ id: l.ann.id, start: l.start!, end: l.end! }));
    if (moves.length) await this.change(doc, { positions: moves }, { quiet: true });
  }

  private sidecarChanged(sidecar: vscode.Uri): void {
    for (const [key, a] of this.articles) {
      if (a.sidecar.toString() !== sidecar.toString()) continue;
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === key);
      if (!doc) continue;
      void this.store.reload(sidecar.toString()).then(async s => {
        const waiting = this.pending.get(sidecar.toString());
        if (!s.problems && waiting?.length) {
          // Fixed: write what waited.
          this.pending.delete(sidecar.toString());
          for (const c of waiting) await this.change(doc, c, { quiet: true });
          void vscode.window.showInformationMessage(
            `Newsmark saved ${waiting.length} change${waiting.length === 1 ? '' : 's'} to the annotations of ${articleName(doc.uri)} that waited for its sidecar to be fixed.`,
          );
          return;
        }
        if (s.deleted) {
          void vscode.window
            .showWarningMessage(
              vscode.l10n.t(
                'The sidecar of {0} was deleted outside Newsmark. Its annotations are kept and will be written with the next change.',
                articleName(doc.uri),
              ),
              'Restore Now',
            )
            .then(choice => {
              if (choice) void this.store.restore(sidecar.toString()).then(r => this.refresh(doc, r));
            });
        }
        this.refresh(doc, s);
      });
    }
  }

  /**
   * Changes an article's sidecar. Returns false, with a message, when the sidecar cannot be written (it has
   * errors the user must fix first, or storage failed).
   */
  async change(doc: vscode.TextDocument, change: Change, opts: { quiet?: boolean } = {}): Promise<boolean> {
    let a = this.articles.get(doc.uri.toString());
    if (!a) {
      await this.open(doc);
      a = this.articles.get(doc.uri.toString());
    }
    if (!a) return false;
    try {
      const s = await this.store.change(a.sidecar.toString(), articleName(doc.uri), change, this.metaFor(doc));
      this.refresh(doc, s);
      return true;
    } catch (e) {
      if (e instanceof SidecarBrokenError) {
        const s = this.store.state(a.sidecar.toString());
        if (s) this.refresh(doc, s);
        // The change waits, in memory, until the sidecar reads again; then it is written.
        const key = a.sidecar.toString();
        if (!('positions' in change)) this.pending.set(key, [...(this.pending.get(key) ?? []), change]);
        if (!opts.quiet)
          void vscode.window
            .showErrorMessage(
              vscode.l10n.t(
                'Newsmark: {0}. Your change is kept and will be saved once the sidecar is fixed.',
                e.message.replace(a.sidecar.toString(), vscode.workspace.asRelativePath(a.sidecar)),
              ),
              'Open Sidecar',
            )
            .then(c => {
              if (c) void vscode.window.showTextDocument(a!.sidecar);
            });
      } else if (!opts.quiet) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t(
            'Newsmark could not save the annotation: {0}. Nothing was lost: try again.',
            (e as Error).message,
          ),
        );
      }
      return false;
    }
  }

  /** A new annotation on a span of the article. */
  newAnnotation(
    doc: vscode.TextDocument,
    start: number,
    end: number,
    fields: Partial<Annotation> & { kind: string },
  ): Annotation {
    const text = doc.getText();
    const existing = this.of(doc).map(l => l.ann.id);
    let id = '';
    for (let n = 0; !id || existing.includes(id); n++) id = shortId(`${doc.uri}|${start}|${end}|${Date.now()}|${n}`);
    return { id, anchor: anchorAt(text, start, end), origin: 'user', created: new Date().toISOString(), ...fields };
  }

  private async askConflict(c: Conflict): Promise<'mine' | 'theirs'> {
    const what = c.theirs ? 'changed' : 'deleted';
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Annotation {0} was {1} outside Newsmark while you changed it here ({2}). Which version do you keep?',
        c.id,
        what,
        vscode.workspace.asRelativePath(vscode.Uri.parse(c.sidecar)),
      ),
      { modal: true },
      'Keep Mine',
      'Keep Theirs',
    );
    return pick === 'Keep Mine' ? 'mine' : 'theirs';
  }

  dispose(): void {
    for (const t of this.relocate.values()) clearTimeout(t);
    for (const s of this.subs) s.dispose();
  }
}

function shortId(seed: string): string {
  return fnv1a(seed).toString(36).padStart(6, '0').slice(-6);
}

export { SidecarBrokenError };
