// Bringing web pages in, in the editor: Newsmark: Import Article… (palette, Explorer context menu on .html/.htm,
// a drop of saved pages on the sidebar's Import view), and Newsmark: Set Publication Date / Set Outlet, which
// write the sidecar's document fields. The page is read (or fetched) and decoded here, turned into an article by
// the core, and written with vscode.workspace.fs: the article first, then its sidecar; if the sidecar cannot be
// written the article is deleted again, so nothing is left half-written. No file is ever written over.

import * as vscode from 'vscode';
import {
  articleFileName,
  type ArticleFormat,
  FIELD_NAMES,
  isRealDay,
  MAX_PAGE_BYTES,
  tooLargeError,
} from '../core/exchange/articleFiles';
import type { ImportedArticle } from '../core/exchange/htmlArticle';
import { decodePage } from '../core/exchange/htmlEncoding';
import { newSidecarText, SIDECAR_SUFFIX } from '../core/annotations/sidecar';
import { fetchPage } from '../cli/fetchPage';
import { type Annotations, articleName, sidecarUriOf } from './annotations';
import { extract } from './pageReader';
import { errorText, log } from './log';

const HTML_FILTER = { 'Web pages': ['html', 'htm', 'xhtml'] };
const DROP_TYPES = ['text/uri-list', 'files'];

/** What an import did, for the user and for tests. */
export interface ImportReport {
  source: string;
  article?: vscode.Uri;
  error?: string;
  missing?: string[];
  noDate?: boolean;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (e) {
    log().trace(`${uri.toString(true)} is free: ${errorText(e)}`);
    return false;
  }
}

const encoder = new TextEncoder();
const decoderUtf8 = new TextDecoder('utf-8');

export class ArticleImporter implements vscode.TreeDataProvider<string>, vscode.TreeDragAndDropController<string> {
  readonly dropMimeTypes = DROP_TYPES;
  readonly dragMimeTypes: string[] = [];
  /** The reports of every import, in order (the integration tests read them). */
  readonly reports: ImportReport[] = [];

  constructor(private readonly annotations: Annotations) {}

  // The Import view: one item that says what to do; drops anywhere on the view import the pages dropped.
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Drop saved web pages (.html) here, or click to import…');
    item.iconPath = new vscode.ThemeIcon('cloud-download');
    item.tooltip =
      'Newsmark: Import Article… — a saved web page or an address becomes a clean article with its outlet, byline and publication date.';
    item.command = { command: 'newsmark.importArticle', title: 'Import Article…' };
    return item;
  }

  getChildren(element?: string): string[] {
    return element ? [] : ['import'];
  }

  async handleDrop(_target: string | undefined, data: vscode.DataTransfer): Promise<void> {
    const uris: vscode.Uri[] = [];
    const pages: { name: string; bytes: Uint8Array }[] = [];
    const list = data.get('text/uri-list');
    if (list) {
      for (const l of (await list.asString())
        .split(/\r?\n/)
        .map(s => s.trim())
        .filter(s => s && !s.startsWith('#'))) {
        try {
          uris.push(vscode.Uri.parse(l, true));
        } catch (e) {
          log().debug(`dropped text that is not an address: ${errorText(e)}`);
        }
      }
    }
    if (!uris.length) {
      // Files dropped from the operating system come as file items.
      for (const [, item] of data) {
        const f = item.asFile();
        if (!f) continue;
        if (f.uri) uris.push(f.uri);
        else pages.push({ name: f.name, bytes: await f.data() });
      }
    }
    for (const u of uris) await this.importAndOpen(u.scheme === 'http' || u.scheme === 'https' ? u.toString(true) : u);
    for (const p of pages) await this.importAndOpen({ name: p.name, bytes: p.bytes });
  }

  /** Newsmark: Import Article…: the Explorer's file(s), or a choice of a saved page or an address. */
  async command(uri?: vscode.Uri, uris?: vscode.Uri[]): Promise<vscode.Uri[]> {
    let sources: (vscode.Uri | string)[] = uris?.length
      ? uris
      : uri instanceof vscode.Uri
        ? [uri]
        : typeof uri === 'string'
          ? [uri]
          : [];
    if (!sources.length) {
      const pick = await vscode.window.showQuickPick(
        [
          {
            label: '$(file-code) Saved web page…',
            detail: 'An .html file saved from the browser (File › Save Page As…)',
            id: 'file',
          },
          { label: '$(link) Address (URL)…', detail: 'Fetch the page from the web (needs a connection)', id: 'url' },
        ],
        { title: 'Newsmark: Import Article', placeHolder: 'Import an article from' },
      );
      if (!pick) return [];
      if (pick.id === 'file') {
        sources =
          (await vscode.window.showOpenDialog({
            canSelectMany: true,
            filters: HTML_FILTER,
            openLabel: 'Import',
            title: 'Import saved web pages as articles',
          })) ?? [];
      } else {
        const url = await vscode.window.showInputBox({
          title: 'Newsmark: Import Article from an Address',
          prompt: 'The address of a news article',
          placeHolder: 'https://…',
          validateInput: v =>
            /^https?:\/\/\S+$/i.test(v.trim()) ? null : 'An address starting with http:// or https://',
        });
        sources = url ? [url.trim()] : [];
      }
    }
    const opened: vscode.Uri[] = [];
    for (const s of sources) {
      const r = await this.importAndOpen(s);
      if (r.article) opened.push(r.article);
    }
    return opened;
  }

  private folderFor(source: vscode.Uri | string | { name: string }): vscode.Uri | undefined {
    if (source instanceof vscode.Uri && vscode.workspace.getWorkspaceFolder(source))
      return vscode.Uri.joinPath(source, '..');
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
    return folder?.uri;
  }

  private async readSource(
    source: vscode.Uri | string | { name: string; bytes: Uint8Array },
  ): Promise<{ bytes: Uint8Array; contentType: string | null; url?: string } | string> {
    if (typeof source === 'string') return fetchPage(source, 20000);
    if (!(source instanceof vscode.Uri))
      return source.bytes.length > MAX_PAGE_BYTES
        ? tooLargeError(source.bytes.length)
        : { bytes: source.bytes, contentType: null };
    try {
      const st = await vscode.workspace.fs.stat(source);
      if (st.type & vscode.FileType.Directory) return 'is a folder, not a saved web page';
      if (st.size > MAX_PAGE_BYTES) return tooLargeError(st.size);
      return { bytes: await vscode.workspace.fs.readFile(source), contentType: null };
    } catch (e) {
      return `could not be read: ${(e as Error).message}`;
    }
  }

  /** Imports one page, opens the article, and says what was not found. */
  async importAndOpen(source: vscode.Uri | string | { name: string; bytes: Uint8Array }): Promise<ImportReport> {
    const label =
      typeof source === 'string'
        ? source
        : source instanceof vscode.Uri
          ? (source.path.split('/').pop() ?? source.toString())
          : source.name;
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Newsmark: importing ${label}…` },
      () => this.importOne(source, label),
    );
    this.reports.push(report);
    if (report.error || !report.article) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Newsmark could not import {0}: {1}', label, report.error ?? ''),
      );
      return report;
    }
    await vscode.window.showTextDocument(report.article, { preview: false });
    if (report.noDate) {
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t(
            'Imported {0}, but the page gives no publication date: dates such as "on Tuesday" stay unresolved until you set it.',
            articleName(report.article),
          ),
          'Set Publication Date',
        )
        .then(choice => {
          if (choice) void vscode.commands.executeCommand('newsmark.setPublicationDate', report.article);
        });
    } else {
      const notFound = report.missing ?? [];
      void vscode.window.showInformationMessage(
        `Imported ${articleName(report.article)}.${notFound.length ? ` Not found in the page: ${notFound.join(', ')}.` : ''}`,
      );
    }
    return report;
  }

  private async importOne(
    source: vscode.Uri | string | { name: string; bytes: Uint8Array },
    label: string,
  ): Promise<ImportReport> {
    const dir = this.folderFor(source);
    if (!dir) return { source: label, error: 'open a folder first: the article is written into the workspace' };
    const page = await this.readSource(source);
    if (typeof page === 'string') return { source: label, error: page };
    const decoded = decodePage(page.bytes, page.contentType);
    const config = vscode.workspace.getConfiguration('newsmark');
    const format = config.get<ArticleFormat>('import.format', 'txt') === 'md' ? 'md' : 'txt';
    const r = await extract(decoded.text, { url: page.url, format });
    if (!r.ok) return { source: label, error: r.error };
    const keepHtml = typeof source === 'string' && config.get<boolean>('import.keepHtml', false);
    return this.write(dir, r.article, format, keepHtml ? page.bytes : undefined, label);
  }

  private async write(
    dir: vscode.Uri,
    a: ImportedArticle,
    format: ArticleFormat,
    html: Uint8Array | undefined,
    label: string,
  ): Promise<ImportReport> {
    // Names in use are checked first (the workspace file system has no create-exclusive write).
    const taken = new Set<string>();
    let name: string;
    for (;;) {
      name = articleFileName(a, format, n => taken.has(n));
      const uri = vscode.Uri.joinPath(dir, name);
      const stem = name.replace(/\.(?:txt|md)$/, '');
      if (
        (await exists(uri)) ||
        (await exists(sidecarUriOf(uri))) ||
        (await exists(vscode.Uri.joinPath(dir, name + SIDECAR_SUFFIX))) ||
        (html && (await exists(vscode.Uri.joinPath(dir, `${stem}.html`))))
      )
        taken.add(name);
      else break;
    }
    const article = vscode.Uri.joinPath(dir, name);
    const sidecar = sidecarUriOf(article);
    try {
      await vscode.workspace.fs.writeFile(article, encoder.encode(a.text));
    } catch (e) {
      return { source: label, error: `could not write ${name}: ${(e as Error).message}` };
    }
    try {
      await vscode.workspace.fs.writeFile(
        sidecar,
        encoder.encode(
          newSidecarText(name, {
            title: a.title,
            outlet: a.outlet,
            url: a.url,
            byline: a.byline,
            published: a.published,
          }),
        ),
      );
      if (html)
        await vscode.workspace.fs.writeFile(
          vscode.Uri.joinPath(dir, `${name.replace(/\.(?:txt|md)$/, '')}.html`),
          html,
        );
    } catch (e) {
      for (const u of [article, sidecar]) {
        try {
          await vscode.workspace.fs.delete(u);
        } catch (e) {
          log().debug(`undo import: ${u.toString(true)} not removed: ${errorText(e)}`);
        }
      }
      return { source: label, error: `could not write the sidecar of ${name}: ${(e as Error).message}` };
    }
    return {
      source: label,
      article,
      missing: a.missing.filter(f => f !== 'published').map(f => FIELD_NAMES[f]),
      noDate: a.missing.includes('published'),
    };
  }

  /** Newsmark: Set Publication Date / Set Outlet: asks (unless given), validates and writes the sidecar. */
  async setField(field: 'published' | 'outlet', target?: vscode.Uri, given?: string): Promise<boolean> {
    const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open an article first.'));
      return false;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const sidecar = await this.annotations.locate(uri);
    let text: string | null;
    try {
      text = decoderUtf8.decode(await vscode.workspace.fs.readFile(sidecar));
    } catch (e) {
      log().debug(`no sidecar at ${sidecar.toString(true)} yet: ${errorText(e)}`);
      text = null;
    }
    const current = text ? currentValue(text, field) : undefined;
    const value =
      given ??
      (await vscode.window.showInputBox({
        title: field === 'published' ? `Publication date of ${articleName(uri)}` : `Outlet of ${articleName(uri)}`,
        prompt:
          field === 'published'
            ? 'The day the outlet published the article, as YYYY-MM-DD: dates in the article are resolved against it'
            : 'The newspaper, agency or site that published the article',
        placeHolder: field === 'published' ? 'YYYY-MM-DD' : 'e.g. Harbour Daily',
        value: current,
        validateInput: v => dateOrOutletProblem(field, v),
      }));
    if (value === undefined) return false;
    const problem = dateOrOutletProblem(field, value);
    if (problem) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Newsmark: {0}', problem));
      return false;
    }
    const v = value.trim();
    // Through the store, like every other change to a sidecar: atomic, serialised, merged with changes on disk.
    if (!(await this.annotations.change(doc, { meta: { key: field, value: v } }))) return false;
    void vscode.window.showInformationMessage(
      field === 'published'
        ? `Publication date of ${articleName(uri)}: ${v}. Its dates are resolved against it.`
        : `Outlet of ${articleName(uri)}: ${v}.`,
    );
    return true;
  }
}

function currentValue(text: string, field: string): string | undefined {
  const m = new RegExp(`^\\s+${field}:\\s*"?([^"\\n]*)"?\\s*$`, 'm').exec(text);
  return m ? m[1] : undefined;
}

/** Why a value cannot be a publication date or outlet, or null. */
export function dateOrOutletProblem(field: 'published' | 'outlet', v: string): string | null {
  const t = v.trim();
  if (field === 'outlet')
    return t ? (t.length > 200 ? 'An outlet name of at most 200 characters' : null) : "Give the outlet's name";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return 'A date as YYYY-MM-DD, for example 2026-03-04';
  return isRealDay(t) ? null : `${t} is not a day of the calendar`;
}

/** Registers the commands and the Import view; one call from extension.ts. */
export function registerImportArticle(annotations: Annotations): vscode.Disposable[] {
  const importer = new ArticleImporter(annotations);
  return [
    vscode.commands.registerCommand('newsmark.importArticle', (uri?: vscode.Uri, uris?: vscode.Uri[]) =>
      importer.command(uri, uris),
    ),
    vscode.commands.registerCommand('newsmark.setPublicationDate', (uri?: vscode.Uri, value?: string) =>
      importer.setField('published', uri, value),
    ),
    vscode.commands.registerCommand('newsmark.setOutlet', (uri?: vscode.Uri, value?: string) =>
      importer.setField('outlet', uri, value),
    ),
    vscode.window.createTreeView('newsmark.import', { treeDataProvider: importer, dragAndDropController: importer }),
  ];
}
