// Export and Import Annotations from the command palette: the article in the editor or the whole workspace, to
// W3C Web Annotation, brat, CSV or JSON Lines; W3C and brat files back into the sidecars.

import * as vscode from 'vscode';
import { analyze } from '../core';
import {
  bratStem,
  exportItems,
  fromBrat,
  fromW3C,
  planImport,
  toBrat,
  toCsv,
  toJsonl,
  toW3C,
  type ExportDoc,
} from '../core/exchange/exchange';
import { readSidecar, type Annotation, type Relation, type SidecarData } from '../core/annotations/sidecar';
import { isArticle } from './analyses';
import { sidecarLimits, type Annotations } from './annotations';
import type { WorkspaceIndex } from './workspaceIndex';
import { errorText, log } from './log';

type Format = 'w3c' | 'brat' | 'csv' | 'jsonl';

export interface ExportArgs {
  scope?: 'article' | 'workspace';
  format?: Format;
  detected?: boolean;
  /** A file (w3c, csv, jsonl) or a folder (brat) to write to, as a URI string; asked for when missing. */
  target?: string;
}

const FORMATS: { id: Format; label: string; detail: string; ext: string }[] = [
  {
    id: 'w3c',
    label: 'W3C Web Annotation (JSON-LD)',
    detail: 'An AnnotationCollection; quote and position selectors (code points)',
    ext: 'jsonld',
  },
  { id: 'brat', label: 'brat standoff', detail: 'A .txt and .ann pair per article, into a folder', ext: '' },
  { id: 'csv', label: 'CSV', detail: 'A row per annotation, for spreadsheets, pandas and R', ext: 'csv' },
  { id: 'jsonl', label: 'JSON Lines', detail: 'An article a line, with its text and character spans', ext: 'jsonl' },
];

export class Exchange {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly annotations: Annotations,
  ) {}

  private async sidecarData(uri: vscode.Uri, problems: string[]): Promise<SidecarData | null> {
    let text: string;
    const sidecar = await this.annotations.locate(uri);
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecar));
    } catch (e) {
      log().debug(`no sidecar read for ${uri.toString(true)}: ${errorText(e)}`);
      return null;
    }
    const r = readSidecar(text.replace(/^\uFEFF/, ''), sidecarLimits(uri));
    if (r.ok) return r.file.data;
    problems.push(`${vscode.workspace.asRelativePath(sidecar)} line ${r.problems[0].line}: ${r.problems[0].message}`);
    return null;
  }

  /** Exports annotations; returns the written file or folder, or undefined when cancelled. */
  async export(args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
    const editor = vscode.window.activeTextEditor;
    const canArticle = !!editor && isArticle(editor.document);
    const scope =
      args.scope ??
      (await pick(
        [
          ...(canArticle
            ? [
                {
                  label: 'This article',
                  description: vscode.workspace.asRelativePath(editor!.document.uri),
                  id: 'article' as const,
                },
              ]
            : []),
          { label: 'All articles in the workspace', id: 'workspace' as const },
        ],
        'Export the annotations of',
      ));
    if (!scope) return;
    if (scope === 'article' && !canArticle) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Newsmark: open an article (.txt, .md or .news) to export its annotations.'),
      );
      return;
    }
    const format =
      args.format ??
      (await pick(
        FORMATS.map(f => ({ label: f.label, detail: f.detail, id: f.id })),
        'Export as',
      ));
    if (!format) return;
    const detected =
      args.detected ??
      (await pick(
        [
          { label: 'Confirmed annotations only', description: 'what is in the sidecars', id: false },
          {
            label: 'Also the engine’s findings',
            description: 'entities, dates and claims no one has confirmed yet',
            id: true,
          },
        ],
        'Which annotations',
      ));
    if (detected === undefined) return;

    let articles: { uri: vscode.Uri; name: string; text: string }[];
    if (scope === 'article') {
      const d = editor!.document;
      articles = [{ uri: d.uri, name: vscode.workspace.asRelativePath(d.uri), text: d.getText() }];
    } else {
      if (!this.index.summary) await this.index.rebuild({ progress: true });
      articles = (await this.index.articles()).sort((a, b) => a.name.localeCompare(b.name));
    }
    if (!articles.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: no articles to export.'));
      return;
    }
    const problems: string[] = [];
    const docs: ExportDoc[] = [];
    // The index's analyses, when they are of the text exported (an article open with unsaved edits may be newer).
    const indexed = new Map(detected ? (await this.index.articles()).map(x => [x.uri.toString(), x]) : []);
    for (const a of articles) {
      const side = await this.sidecarData(a.uri, problems);
      const known = indexed.get(a.uri.toString());
      const analysis = !detected
        ? null
        : known && known.text === a.text
          ? known.analysis
          : analyze(a.text, { published: side?.document.published ?? null });
      docs.push({
        name: a.name,
        iri: a.uri.toString(),
        text: a.text,
        published: side?.document.published ?? analysis?.published ?? null,
        items: exportItems(a.text, side, analysis),
        relations: side?.relations ?? [],
      });
    }

    const fmt = FORMATS.find(f => f.id === format)!;
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    let target = args.target ? vscode.Uri.parse(args.target) : undefined;
    if (!target && format === 'brat') {
      target = (
        await vscode.window.showOpenDialog({
          canSelectFolders: true,
          canSelectFiles: false,
          canSelectMany: false,
          defaultUri: root,
          openLabel: 'Export into This Folder',
        })
      )?.[0];
    } else if (!target) {
      const base = scope === 'article' ? articles[0].name.split('/').pop()! : 'annotations';
      target = await vscode.window.showSaveDialog({
        defaultUri: root ? vscode.Uri.joinPath(root, `${base}.${fmt.ext}`) : undefined,
        filters: { [fmt.label]: [fmt.ext] },
        saveLabel: 'Export',
      });
    }
    if (!target) return;
    const enc = new TextEncoder();
    const skipped: string[] = [];
    if (format === 'brat') {
      for (const d of docs) {
        const stem = bratStem(d.name);
        const { ann, skipped: s } = toBrat(d);
        skipped.push(...s.map(x => `${d.name}: ${x}`));
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, `${stem}.txt`), enc.encode(d.text));
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, `${stem}.ann`), enc.encode(ann));
      }
    } else {
      const text =
        format === 'w3c'
          ? JSON.stringify(toW3C(docs, { generated: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }), null, 2) + '\n'
          : format === 'csv'
            ? toCsv(docs)
            : toJsonl(docs);
      await vscode.workspace.fs.writeFile(target, enc.encode(text));
    }
    const count = docs.reduce((t, d) => t + d.items.length, 0);
    const notes = [
      ...problems.map(p => `${p} (its annotations were left out; fix the sidecar and export again)`),
      ...skipped.map(s => `not in brat: ${s}`),
    ];
    const msg = `Newsmark: exported ${count} annotation${count === 1 ? '' : 's'} of ${docs.length} article${docs.length === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(target)}.`;
    if (notes.length)
      void vscode.window.showWarningMessage(
        `${msg} ${notes.length} note${notes.length === 1 ? '' : 's'}: ${notes.slice(0, 3).join('; ')}${notes.length > 3 ? '…' : ''}`,
      );
    else if (!args.target)
      void vscode.window.showInformationMessage(msg, format === 'brat' ? 'Reveal' : 'Open').then(c => {
        if (c === 'Open') void vscode.window.showTextDocument(target!);
        else if (c) void vscode.commands.executeCommand('revealFileInOS', target);
      });
    return target;
  }

  /** Imports W3C (.json, .jsonld) and brat (.ann) files into the sidecars of the workspace's articles. */
  async import(args: { files?: string[] } = {}): Promise<{ added: number; problems: string[] } | undefined> {
    const files =
      args.files?.map(f => vscode.Uri.parse(f)) ??
      (await vscode.window.showOpenDialog({
        canSelectMany: true,
        openLabel: 'Import',
        filters: { 'W3C Web Annotation or brat': ['jsonld', 'json', 'ann'] },
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      }));
    if (!files?.length) return;
    if (!this.index.summary) await this.index.rebuild({ progress: true });
    const articles = await this.index.articles();
    const problems: string[] = [];
    let added = 0;
    const into = async (uri: vscode.Uri, anns: Annotation[], rels: Relation[]) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      await this.annotations.open(doc);
      const plan = planImport(
        this.annotations.of(doc).map(l => l.ann),
        anns,
      );
      for (const a of plan.add) {
        if (await this.annotations.change(doc, { add: a }, { quiet: true })) added++;
        else {
          problems.push(
            `${vscode.workspace.asRelativePath(uri)}: its sidecar cannot be written now (fix it, then import again)`,
          );
          return;
        }
      }
      for (const r of rels)
        await this.annotations.change(
          doc,
          { relate: { ...r, from: plan.ids.get(r.from) ?? r.from, to: plan.ids.get(r.to) ?? r.to } },
          { quiet: true },
        );
    };
    for (const f of files) {
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(f));
      } catch (e) {
        problems.push(`${f.path.split('/').pop()}: ${(e as Error).message}`);
        continue;
      }
      if (/\.ann$/i.test(f.path)) {
        const stem = f.path
          .split('/')
          .pop()!
          .replace(/\.ann$/i, '');
        const art = articles.find(a => bratStem(a.uri.path.split('/').pop()!) === stem);
        if (!art) {
          problems.push(`${stem}.ann: no article ${stem}.txt or ${stem} in the workspace`);
          continue;
        }
        const r = fromBrat(text, art.text, stem);
        problems.push(...r.problems);
        await into(art.uri, r.annotations, r.relations);
      } else {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (e) {
          problems.push(`${f.path.split('/').pop()}: not JSON (${(e as Error).message})`);
          continue;
        }
        const r = fromW3C(
          json,
          articles.map(a => ({ name: a.name, text: a.text })),
        );
        problems.push(...r.problems);
        for (const [name, anns] of r.annotations) await into(articles.find(a => a.name === name)!.uri, anns, []);
      }
    }
    const msg = `Newsmark: imported ${added} annotation${added === 1 ? '' : 's'}.`;
    if (problems.length)
      void vscode.window.showWarningMessage(
        `${msg} ${problems.length} not imported: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? '…' : ''}`,
      );
    else if (!args.files) void vscode.window.showInformationMessage(msg);
    return { added, problems };
  }
}

async function pick<T>(items: (vscode.QuickPickItem & { id: T })[], placeHolder: string): Promise<T | undefined> {
  if (items.length === 1) return items[0].id;
  return (await vscode.window.showQuickPick(items, { placeHolder }))?.id;
}
