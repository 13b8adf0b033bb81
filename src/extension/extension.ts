// The composition root: builds each feature once and hands every registration to VS Code.

import * as vscode from 'vscode';
import type { Analysis } from '../core';
import { Analyses, ARTICLE_SELECTOR, setArticleRule } from './analyses';
import { Annotations } from './annotations';
import { ArticleView } from './articleView';
import { registerCommands } from './commands';
import { Exchange } from './exchange';
import { Timeline } from './timeline';
import { Decorations, type Layer } from './decorations';
import { Coverage } from './coverage';
import { CrossCommands } from './crossCommands';
import { ClaimsView, ContradictionDiagnostics, ContradictionsView, SourcesView } from './crossViews';
import { Hovers } from './hovers';
import { WorkspaceIndex } from './workspaceIndex';
import { EditorWorkspace } from './workspaceModel';
import type { CrossResult } from '../core/cross/crossdoc';
import type { CheckSummary } from '../worker/engineServer';
import { OrphanFixes } from './quickFixes';
import { StatusBar } from './statusBar';
import { Tagging } from './tagging';
import { registerImportArticle } from './importArticle';
import { Engine } from './engine';
import { spawnWorker } from './spawnWorker';
import { Scope } from './scope';
import { Offer } from './offer';
import { EditorContext } from './editorContext';
import { disposeLog, log } from './log';

/** What `activate` returns in test mode (ExtensionMode.Test): a small API for the integration tests. */
export interface NewsmarkApi {
  /** The ranges highlighted now in an editor (the active one by default). */
  highlighted(layer: Layer, editor?: vscode.TextEditor): vscode.Range[];
  /** The engine's result for a document, analysing it if needed; undefined when it is over the size limit. */
  analysis(doc: vscode.TextDocument): Analysis | undefined;
  /** Resolves once no highlight update is waiting for a pause in typing. */
  whenIdle(): Promise<void>;
  /** Resolves once the workspace index has nothing to read or check. */
  whenIndexed(): Promise<void>;
  /** How many articles the workspace index holds. */
  articleCount(): number;
  /** Where analysis runs: in the worker, or on the extension host when no worker could start. */
  engineWhere(): 'worker' | 'extension host';
  /** The status-bar text. */
  statusText(): string;
  /** Messages Newsmark showed the user. */
  messages(): string[];
  /** The annotations of an open article, where they are now (null offsets: orphaned). */
  annotations(doc: vscode.TextDocument): {
    id: string;
    kind: string;
    start: number | null;
    end: number | null;
    orphaned: boolean;
    fields: Record<string, unknown>;
  }[];
  /** Where an article's sidecar is. */
  sidecarOf(doc: vscode.TextDocument): vscode.Uri;
  /** Changes waiting for an article's broken sidecar to be fixed. */
  pending(doc: vscode.TextDocument): number;
  /** Reads an article's sidecar again and re-anchors its annotations (as after a change on disk). */
  reloadAnnotations(doc: vscode.TextDocument): Promise<void>;
  /**
   * The workspace index: reads every article again and checks them together; resolves once the views listed the
   * new result, to the whole result (asked of the worker, where it is kept).
   */
  reindex(): Promise<CrossResult>;
  /** The same, resolving to the check's counts only (what the extension host receives of it). */
  reindexCounts(): Promise<CheckSummary>;
  /** The latest check's whole result, asked of the worker. */
  checkResult(): Promise<CrossResult | null>;
  /** What the cross-article views list at their top level. */
  viewLabels(view: 'sources' | 'contradictions' | 'claims'): string[];
  /** The children of a top-level item of a view: label, and the article and offsets it opens. */
  viewChildren(
    view: 'sources' | 'contradictions' | 'claims',
    index: number,
  ): { label: string; doc?: string; start?: number; end?: number }[];
  /** Dismisses the contradiction at top-level item `i` of the Contradictions view (its context-menu command). */
  dismissContradiction(i: number): Promise<boolean>;
  /** Runs the command of a view's item (what a click does): child `j` of top-level item `i`. */
  openViewItem(view: 'sources' | 'contradictions' | 'claims', i: number, j: number): Promise<unknown>;
  /** The Compare Coverage page, when open. */
  coverageHtml(): string | undefined;
  /** How long activate() took, in milliseconds. */
  activationMs: number;
  /** The Timeline page, when open. */
  timelineHtml(): string | undefined;
  /** Resolves once Newsmark has looked whether the workspace uses it. */
  ready(): Promise<void>;
  /** Whether Newsmark works in this workspace (it uses Newsmark, or the user enabled it). */
  enabled(): boolean;
  /** Whether the status bar offers Newsmark now. */
  offerShown(): boolean;
  /** The value of one of Newsmark's context keys (without the `newsmark.` prefix). */
  contextKey(
    key: 'isArticle' | 'findingUnderCursor' | 'claimUnderCursor' | 'annotationUnderCursor' | 'hasAnnotations',
  ): boolean;
}

export function activate(context: vscode.ExtensionContext): NewsmarkApi | undefined {
  const activationStart = performance.now();
  // Where Newsmark works: the articles of workspaces that use it (scope.ts); every feature asks isArticle().
  const scope = new Scope(context.workspaceState);
  setArticleRule(doc => scope.accepts(doc));
  // Analysis and the cross-article check run in a worker, so the extension host is never blocked.
  const engine = new Engine(
    () => spawnWorker(context.extensionUri),
    msg => log().warn(msg),
  );
  context.subscriptions.push({ dispose: () => engine.dispose() });
  const analyses = new Analyses(engine);
  const annotations = new Annotations();
  // The workspace model (src/core/workspace): articles, sidecars in both places, the date rule, dismissals.
  const ws = new EditorWorkspace();
  annotations.locate = uri => ws.sidecarOf(uri);
  // Dates resolve against the publication date the sidecar gives, when it gives one, and year-less dates of an
  // undated article against its story's date (the latest publication date in its folder), as in the index and CLI.
  analyses.publishedOf = doc => annotations.stateOf(doc)?.file?.data.document.published ?? null;
  // A new sidecar starts with the article's headline and publication date.
  annotations.metaFor = doc => {
    const r = analyses.get(doc);
    const title = doc
      .getText()
      .split(/\r?\n/)
      .map(l => l.replace(/^#+\s*/, '').trim())
      .find(Boolean);
    return {
      ...(title ? { title: title.slice(0, 200) } : {}),
      ...(r.kind === 'ok' && r.analysis.published ? { published: r.analysis.published } : {}),
    };
  };
  const tagging = new Tagging(analyses, annotations);
  const decorations = new Decorations(analyses, annotations, tagging);
  const index = new WorkspaceIndex(context.storageUri, ws, engine);
  // Known story dates by article; asked again (the old one kept meanwhile) after the model forgot what it read.
  const storyDates = new Map<string, string | null>();
  const asked = new Set<string>();
  analyses.storyDateOf = doc => {
    const key = doc.uri.toString();
    if (!asked.has(key) && doc.uri.scheme !== 'untitled') {
      asked.add(key);
      void index.storyDateOf(doc.uri).then(
        d => {
          if (d !== (storyDates.get(key) ?? null)) {
            storyDates.set(key, d);
            decorations.refreshAll();
          }
        },
        () => undefined,
      );
    }
    return storyDates.get(key) ?? null;
  };
  const views = {
    sources: new SourcesView(index),
    contradictions: new ContradictionsView(index),
    claims: new ClaimsView(index),
  };
  const coverage = new Coverage(index, context.extensionUri);
  const cross = new CrossCommands(index, coverage, annotations);
  const exchange = new Exchange(index, annotations);
  const timeline = new Timeline(index, context.extensionUri);
  const status = new StatusBar(analyses);
  const view = new ArticleView(analyses, annotations);
  const offer = new Offer(scope);
  const editorContext = new EditorContext(analyses, annotations);
  index.accepts = uri => scope.acceptsFile(uri);
  context.subscriptions.push(
    scope,
    offer,
    editorContext,
    ws,
    ws.onDidForget(() => asked.clear()),
    analyses,
    decorations,
    status,
    view,
    vscode.window.registerTreeDataProvider('newsmark.article', view),
    annotations,
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new Hovers(analyses, annotations)),
    vscode.languages.registerCodeActionsProvider(ARTICLE_SELECTOR, new OrphanFixes(), {
      providedCodeActionKinds: OrphanFixes.kinds,
    }),
    ...registerCommands(tagging, cross, exchange, timeline),
    ...registerImportArticle(annotations),
    timeline,
    index,
    coverage,
    new ContradictionDiagnostics(index),
    ...Object.values(views),
    vscode.window.registerTreeDataProvider('newsmark.sources', views.sources),
    vscode.window.registerTreeDataProvider('newsmark.contradictions', views.contradictions),
    vscode.window.registerTreeDataProvider('newsmark.claims', views.claims),
  );
  // The workspace is read in the background once the editor is up, and only where Newsmark works: activation stays short.
  let start: ReturnType<typeof setTimeout> | undefined;
  const reindexLater = (ms: number) => {
    clearTimeout(start);
    if (vscode.workspace.workspaceFolders?.length)
      start = setTimeout(() => void index.rebuild().catch(e => log().error('reading the workspace failed:', e)), ms);
  };
  let first = true;
  let wasEnabled = false;
  context.subscriptions.push(
    { dispose: () => clearTimeout(start) },
    scope.onDidChange(() => {
      // Where Newsmark works changed (found out, enabled, disabled): every open document is looked at again.
      for (const d of vscode.workspace.textDocuments) void annotations.open(d);
      decorations.refreshAll();
      status.render();
      view.refresh();
      editorContext.update();
      // The index follows when Newsmark is turned on or off (a change of the globs rebuilds it by itself).
      if (scope.anyEnabled() !== wasEnabled) reindexLater(first ? 1500 : 0);
      wasEnabled = scope.anyEnabled();
      first = false;
    }),
  );
  const activationMs = performance.now() - activationStart;
  // The API is for the integration tests only: no other extension depends on Newsmark's internals.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    activationMs,
    highlighted: (layer, editor = vscode.window.activeTextEditor) =>
      editor ? decorations.shownRanges(editor, layer) : [],
    analysis: doc => {
      const r = analyses.get(doc);
      return r.kind === 'ok' ? r.analysis : undefined;
    },
    whenIdle: async () => {
      await decorations.whenIdle();
      await analyses.idle();
      await decorations.whenIdle();
    },
    engineWhere: () => engine.where,
    articleCount: () => index.articleCount(),
    whenIndexed: () => index.settled(),
    statusText: () => status.text,
    messages: () => [...analyses.messages],
    annotations: doc =>
      annotations.of(doc).map(l => ({
        id: l.ann.id,
        kind: l.ann.kind,
        start: l.start,
        end: l.end,
        orphaned: l.orphaned,
        fields: { ...l.ann },
      })),
    sidecarOf: doc => annotations.sidecarOf(doc),
    pending: doc => annotations.pendingOf(doc),
    reindex: async () => {
      await index.rebuild();
      await Promise.all(Object.values(views).map(v => v.loaded()));
      return (await index.fullResult())!;
    },
    reindexCounts: () => index.rebuild(),
    checkResult: () => index.fullResult(),
    viewLabels: view => views[view].labels(),
    viewChildren: (view, i) =>
      (views[view].top()[i]?.children?.() ?? []).map(c => ({
        label: c.label,
        doc: c.mention?.doc,
        start: c.mention?.start,
        end: c.mention?.end,
      })),
    coverageHtml: () => coverage.html,
    timelineHtml: () => timeline.html,
    dismissContradiction: async i =>
      !!(await vscode.commands.executeCommand('newsmark.dismissConflict', views.contradictions.top()[i])),
    openViewItem: async (view, i, j) => {
      const child = views[view].top()[i]?.children?.()[j];
      const cmd = child && views[view].getTreeItem(child).command;
      return cmd ? vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? [])) : undefined;
    },
    ready: () => scope.ready,
    enabled: () => scope.anyEnabled(),
    offerShown: () => offer.shown,
    contextKey: key => editorContext.get(key),
    reloadAnnotations: async doc => {
      await annotations.store.reload(annotations.sidecarOf(doc).toString());
      await annotations.open(doc);
    },
  };
}

export function deactivate(): void {
  disposeLog();
}
