// The composition root: builds each feature once and hands every registration to VS Code.

import * as vscode from 'vscode';
import type { Analysis } from '../core';
import { Analyses, ARTICLE_SELECTOR } from './analyses';
import { ArticleView } from './articleView';
import { registerCommands } from './commands';
import { Decorations, type Layer } from './decorations';
import { Hovers } from './hovers';
import { StatusBar } from './statusBar';

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
}

export function activate(context: vscode.ExtensionContext): NewsmarkApi {
  const analyses = new Analyses();
  const decorations = new Decorations(analyses);
  const status = new StatusBar(analyses);
  const view = new ArticleView(analyses);
  context.subscriptions.push(
    analyses,
    decorations,
    status,
    view,
    vscode.window.registerTreeDataProvider('newsmark.article', view),
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new Hovers(analyses)),
    ...registerCommands(),
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
  };
}

export function deactivate(): void {}
