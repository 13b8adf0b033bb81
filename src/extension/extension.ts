// The composition root: builds each feature once and hands every registration to VS Code.

import * as vscode from 'vscode';
import type { Analysis } from '../core';
import { Analyses, ARTICLE_SELECTOR } from './analyses';
import { Annotations, sidecarUriOf } from './annotations';
import { ArticleView } from './articleView';
import { registerCommands } from './commands';
import { Decorations, type Layer } from './decorations';
import { Hovers } from './hovers';
import { OrphanFixes } from './quickFixes';
import { StatusBar } from './statusBar';
import { Tagging } from './tagging';

/** What `activate` returns: a small API for tests and other extensions. */
export interface NewsmarkApi {
  /** The ranges highlighted now in an editor (the active one by default). */
  highlighted(layer: Layer, editor?: vscode.TextEditor): vscode.Range[];
  /** The engine's result for a document, analysing it if needed; undefined when it is over the size limit. */
  analysis(doc: vscode.TextDocument): Analysis | undefined;
  /** Resolves once no highlight update is waiting for a pause in typing. */
  whenIdle(): Promise<void>;
  /** The status-bar text. */
  statusText(): string;
  /** Messages Newsmark showed the user. */
  messages(): string[];
  /** The annotations of an open article, where they are now (null offsets: orphaned). */
  annotations(doc: vscode.TextDocument): { id: string; kind: string; start: number | null; end: number | null; orphaned: boolean; fields: Record<string, unknown> }[];
  /** Where an article's sidecar is. */
  sidecarOf(doc: vscode.TextDocument): vscode.Uri;
  /** Changes waiting for an article's broken sidecar to be fixed. */
  pending(doc: vscode.TextDocument): number;
  /** Reads an article's sidecar again and re-anchors its annotations (as after a change on disk). */
  reloadAnnotations(doc: vscode.TextDocument): Promise<void>;
}

export function activate(context: vscode.ExtensionContext): NewsmarkApi {
  const analyses = new Analyses();
  const annotations = new Annotations();
  // Dates resolve against the publication date the sidecar gives, when it gives one.
  analyses.publishedOf = doc => annotations.stateOf(doc)?.file?.data.document.published ?? null;
  // A new sidecar starts with the article's headline and publication date.
  annotations.metaFor = doc => {
    const r = analyses.get(doc);
    const title = doc.getText().split(/\r?\n/).map(l => l.replace(/^#+\s*/, '').trim()).find(Boolean);
    return { ...(title ? { title: title.slice(0, 200) } : {}), ...(r.kind === 'ok' && r.analysis.published ? { published: r.analysis.published } : {}) };
  };
  const tagging = new Tagging(analyses, annotations);
  const decorations = new Decorations(analyses, annotations, tagging);
  const status = new StatusBar(analyses);
  const view = new ArticleView(analyses, annotations);
  context.subscriptions.push(
    analyses,
    decorations,
    status,
    view,
    vscode.window.registerTreeDataProvider('newsmark.article', view),
    annotations,
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new Hovers(analyses, annotations)),
    vscode.languages.registerCodeActionsProvider(ARTICLE_SELECTOR, new OrphanFixes(), { providedCodeActionKinds: OrphanFixes.kinds }),
    ...registerCommands(tagging),
  );
  return {
    highlighted: (layer, editor = vscode.window.activeTextEditor) => (editor ? decorations.shownRanges(editor, layer) : []),
    analysis: doc => {
      const r = analyses.get(doc);
      return r.kind === 'ok' ? r.analysis : undefined;
    },
    whenIdle: () => decorations.whenIdle(),
    statusText: () => status.text,
    messages: () => [...analyses.messages],
    annotations: doc => annotations.of(doc).map(l => ({ id: l.ann.id, kind: l.ann.kind, start: l.start, end: l.end, orphaned: l.orphaned, fields: { ...l.ann } })),
    sidecarOf: doc => sidecarUriOf(doc.uri),
    pending: doc => annotations.pendingOf(doc),
    reloadAnnotations: async doc => {
      await annotations.store.reload(sidecarUriOf(doc.uri).toString());
      await annotations.open(doc);
    },
  };
}

export function deactivate(): void {}
