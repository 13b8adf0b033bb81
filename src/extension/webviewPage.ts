// A webview page over the workspace index (Compare Coverage, Timeline): one panel, re-rendered when the index
// updates, and a message from the page ({ doc, start, end }) opens that statement. Helpers for the pages' HTML.

import * as vscode from 'vscode';
import type { CrossResult } from '../core/crossdoc';
import type { WorkspaceIndex } from './workspaceIndex';
import { openMessage } from './pageMessages';

export { nonce } from './pageMessages';

export const esc = (s: string) => s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));

/** The page's script that sends a clicked button's statement to the extension (elements with data-doc). */
export const OPEN_ON_CLICK = `const vscode = acquireVsCodeApi();
  document.addEventListener('click', e => {
    const b = e.target.closest('button[data-doc]');
    if (b) vscode.postMessage({ doc: b.dataset.doc, start: Number(b.dataset.start), end: Number(b.dataset.end) });
  });`;

export class WebviewPage implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly id: string,
    private readonly title: string,
    private readonly render: (r: CrossResult, cspSource: string) => string,
  ) {
    this.sub = index.onDidUpdate(r => { if (this.panel) this.panel.webview.html = this.render(r, this.panel.webview.cspSource); });
  }

  /** The page shown now (for tests). */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  async show(): Promise<void> {
    const r = this.index.result ?? await this.index.rebuild();
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(this.id, this.title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => { this.panel = undefined; });
      this.panel.webview.onDidReceiveMessage((raw: unknown) => {
        const m = openMessage(raw);
        if (!m) return; // not a message this page sends: ignored
        const uri = this.index.uriOf(m.doc);
        if (uri) void vscode.commands.executeCommand('newsmark.revealFinding', uri, m.start, m.end);
      });
    }
    this.panel.webview.html = this.render(r, this.panel.webview.cspSource);
    this.panel.reveal();
  }

  dispose(): void {
    this.sub.dispose();
    this.panel?.dispose();
  }
}
