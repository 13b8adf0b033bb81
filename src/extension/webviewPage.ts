// A webview page over the workspace index (Compare Coverage, Timeline): one panel. Its style and script come from
// media/ (page.css and page.js, and <name>.css and <name>.js), under a Content-Security-Policy that allows only those
// and a nonce. When the index updates, the new content goes to the page as a message, so that the scroll position
// and the focused statement stay; a message from the page ({ doc, start, end }) opens that statement.

import * as vscode from 'vscode';
import type { CrossResult } from '../core/cross/crossdoc';
import type { WorkspaceIndex } from './workspaceIndex';
import { nonce, openMessage } from './pageMessages';

export { nonce } from './pageMessages';

export const esc = (s: string) =>
  s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export class WebviewPage implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly sub: vscode.Disposable;
  /** The page as it is now: the first HTML, with the content of the latest update. */
  private current: string | undefined;
  private shell: ((content: string) => string) | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly extensionUri: vscode.Uri,
    private readonly name: string,
    private readonly title: string,
    private readonly render: (r: CrossResult) => string | Promise<string>,
  ) {
    // The check's whole result is asked of the worker only while the page is open.
    this.sub = index.onDidUpdate(async () => {
      if (!this.panel || !this.shell) return;
      const mine = ++this.updates;
      const r = await index.fullResult();
      const content = r && (await this.render(r));
      if (content === null || mine !== this.updates || !this.panel || !this.shell) return;
      this.current = this.shell(content);
      void this.panel.webview.postMessage({ type: 'update', html: content });
    });
  }

  private updates = 0;

  /** The page shown now (for tests). */
  get html(): string | undefined {
    return this.panel ? this.current : undefined;
  }

  /** The page's HTML around its content, with links to its style and script in media/. */
  private shellFor(webview: vscode.Webview): (content: string) => string {
    const n = nonce();
    const media = (file: string) =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
    return content => `<!DOCTYPE html>
<html lang="${esc(vscode.env.language)}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(this.title)}</title>
<link rel="stylesheet" href="${esc(media('page.css'))}">
<link rel="stylesheet" href="${esc(media(`${this.name}.css`))}">
</head>
<body>
<main id="content">${content}</main>
<script nonce="${n}" src="${esc(media('page.js'))}"></script>
<script nonce="${n}" src="${esc(media(`${this.name}.js`))}"></script>
</body></html>`;
  }

  async show(): Promise<void> {
    if (!this.index.summary) await this.index.rebuild();
    ++this.updates;
    const r = (await this.index.fullResult())!;
    const content = await this.render(r);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(`newsmark.${this.name}`, this.title, vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
      });
      this.shell = this.shellFor(this.panel.webview);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.shell = undefined;
      });
      this.panel.webview.onDidReceiveMessage((raw: unknown) => {
        const m = openMessage(raw);
        if (!m) return; // not a message this page sends: ignored
        const uri = this.index.uriOf(m.doc);
        if (uri) void vscode.commands.executeCommand('newsmark.revealFinding', uri, m.start, m.end);
      });
      this.current = this.shell(content);
      this.panel.webview.html = this.current;
    } else {
      // Shown again: the latest content, by message, so that scroll and focus stay.
      this.current = this.shell!(content);
      void this.panel.webview.postMessage({ type: 'update', html: content });
    }
    this.panel.reveal();
  }

  dispose(): void {
    this.sub.dispose();
    this.panel?.dispose();
  }
}
