// Tagging: the commands that make, confirm, reject, edit, delete, walk through and link annotations.
// Each takes optional arguments, so it can run without its pickers (tests, keybindings with args, other
// extensions).

import * as vscode from 'vscode';
import { findingsOf, isSuppressed, type Finding } from '../core/annotations/findings';
import { anchorAt } from '../core/annotations/anchor';
import {
  type Annotation,
  CLAIM_STATUSES,
  ENTITY_TYPES,
  readSidecar,
  RELATION_TYPES,
  SIDECAR_SUFFIX,
} from '../core/annotations/sidecar';
import type { Analyses } from './analyses';
import { type Annotations, articleOfSidecar, type Live, sidecarLimits } from './annotations';
import { dirOf, relativePath as corePathFrom } from '../core/workspace';
import { clip } from '../core/engine/text';
import { errorText, log } from './log';

const KIND_LABELS: Record<string, string> = {
  entity: 'Entity',
  date: 'Date',
  claim: 'Claim',
  source: 'Source',
  note: 'Note',
};
const TYPE_LABELS: Record<string, string> = {
  PERSON: 'Person',
  ORG: 'Organisation',
  PLACE: 'Place',
  NORP: 'Nationality or group',
};

/** The narrowest engine finding at an offset. */
function findingAt(list: Finding[], at: number): Finding | undefined {
  return list.filter(f => at >= f.start && at <= f.end).sort((x, y) => x.end - x.start - (y.end - y.start))[0];
}

export interface TagArgs {
  kind?: string;
  type?: string;
  status?: string;
  note?: string;
  /** Offsets to tag instead of the selection. */
  start?: number;
  end?: number;
}

export class Tagging {
  constructor(
    private readonly analyses: Analyses,
    private readonly annotations: Annotations,
  ) {}

  private editor(): vscode.TextEditor | undefined {
    const e = vscode.window.activeTextEditor;
    if (!e) void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: open an article first.'));
    return e;
  }

  private findings(doc: vscode.TextDocument): Finding[] {
    const a = this.analyses.get(doc);
    return a.kind === 'ok' ? findingsOf(a.analysis) : [];
  }

  /** The annotation at the cursor, if any. */
  liveAt(doc: vscode.TextDocument, at: number): Live | undefined {
    return this.annotations
      .of(doc)
      .filter(l => l.start !== null && at >= l.start && at <= l.end!)
      .sort((x, y) => x.end! - x.start! - (y.end! - y.start!))[0];
  }

  /** Tag the selection: pick a kind, then its type (or status, value, note). Two keystrokes for the common case. */
  async tagSelection(args: TagArgs = {}): Promise<Annotation | undefined> {
    const ed = this.editor();
    if (!ed) return;
    const doc = ed.document;
    let start = args.start ?? doc.offsetAt(ed.selection.start);
    let end = args.end ?? doc.offsetAt(ed.selection.end);
    const text = doc.getText();
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start === end) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: select the words to tag first.'));
      return;
    }
    const found = this.findings(doc).find(f => f.start === start && f.end === end);
    const labels = vscode.workspace.getConfiguration('newsmark').get<string[]>('labels', []);
    let kind = args.kind;
    if (!kind) {
      const kinds = [...Object.keys(KIND_LABELS), ...labels.filter(l => !(l in KIND_LABELS))];
      const order = found ? [found.kind, ...kinds.filter(k => k !== found.kind)] : kinds;
      const pick = await vscode.window.showQuickPick(
        order.map(k => ({
          label: KIND_LABELS[k] ?? k,
          description:
            found && k === found.kind ? 'as Newsmark found it' : labels.includes(k) ? 'your label' : undefined,
          value: k,
        })),
        { title: `Tag “${clip(text.slice(start, end), 50)}” as…`, placeHolder: 'Kind of annotation' },
      );
      if (!pick) return;
      kind = pick.value;
    }
    const fields: Partial<Annotation> = found && found.kind === kind ? { ...found.fields } : {};
    if (kind === 'entity') {
      let type = args.type;
      if (!type) {
        const suggested = fields.type;
        const order = suggested ? [suggested, ...ENTITY_TYPES.filter(t => t !== suggested)] : [...ENTITY_TYPES];
        const pick = await vscode.window.showQuickPick(
          order.map(t => ({ label: TYPE_LABELS[t], description: t === suggested ? `${t}, as found` : t, type: t })),
          { title: 'Type of entity' },
        );
        if (!pick) return;
        type = pick.type;
      }
      fields.type = type;
      fields.canonical ??= text.slice(start, end);
    } else if (kind === 'claim') {
      let status = args.status;
      if (!status) {
        const pick = await vscode.window.showQuickPick(
          CLAIM_STATUSES.map(s => ({ label: s })),
          { title: 'Status of the claim' },
        );
        if (!pick) return;
        status = pick.label;
      }
      fields.status = status;
    } else if (kind === 'date' && !args.kind) {
      const value = await vscode.window.showInputBox({
        title: 'Date value (ISO 8601)',
        value: fields.value ?? '',
        prompt: 'YYYY-MM-DD, YYYY-MM, YYYY; empty if unknown',
      });
      if (value === undefined) return;
      if (value) fields.value = value;
      else delete fields.value;
    } else if (kind === 'note' || args.note !== undefined) {
      const note = args.note ?? (await vscode.window.showInputBox({ title: 'Note' }));
      if (note === undefined) return;
      fields.note = note;
    }
    const author = vscode.workspace.getConfiguration('newsmark').get<string>('author', '');
    const ann = this.annotations.newAnnotation(doc, start, end, {
      ...fields,
      kind: kind!,
      ...(author ? { author } : {}),
    });
    return (await this.annotations.change(doc, { add: ann })) ? ann : undefined;
  }

  /** Confirm the engine's finding under the cursor: it becomes an annotation. */
  async acceptFinding(at?: number): Promise<Annotation | undefined> {
    const ed = this.editor();
    if (!ed) return;
    const doc = ed.document;
    const f = findingAt(this.findings(doc), at ?? doc.offsetAt(ed.selection.active));
    if (!f) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: no finding under the cursor to accept.'));
      return;
    }
    if (this.annotations.of(doc).some(l => l.start === f.start && l.end === f.end && l.ann.kind === f.kind)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: that finding is already an annotation.'));
      return;
    }
    const author = vscode.workspace.getConfiguration('newsmark').get<string>('author', '');
    const ann = this.annotations.newAnnotation(doc, f.start, f.end, {
      kind: f.kind,
      ...f.fields,
      origin: 'accepted',
      ...(author ? { author } : {}),
    });
    return (await this.annotations.change(doc, { add: ann })) ? ann : undefined;
  }

  /** Reject the engine's finding under the cursor: it disappears and stays gone. */
  async rejectFinding(at?: number): Promise<boolean> {
    const ed = this.editor();
    if (!ed) return false;
    const doc = ed.document;
    const f = findingAt(
      this.findings(doc).filter(x => !this.isSuppressed(doc, x)),
      at ?? doc.offsetAt(ed.selection.active),
    );
    if (!f) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: no finding under the cursor to reject.'));
      return false;
    }
    return this.annotations.change(doc, {
      suppress: { kind: f.kind, exact: doc.getText().slice(f.start, f.end), start: f.start, end: f.end },
    });
  }

  /** Is a finding one the user rejected? */
  isSuppressed(doc: vscode.TextDocument, f: Pick<Finding, 'kind' | 'start' | 'end'>): boolean {
    const sup = this.annotations.stateOf(doc)?.file?.data.suppressed ?? [];
    return sup.length > 0 && isSuppressed(doc.getText(), sup, f); // most articles reject nothing: no copy of the text
  }

  private async pickAnnotation(
    doc: vscode.TextDocument,
    at: number | undefined,
    title: string,
  ): Promise<Live | undefined> {
    const here = at !== undefined ? this.liveAt(doc, at) : undefined;
    if (here) return here;
    const all = this.annotations.of(doc);
    if (all.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: this article has no annotations yet.'));
      return;
    }
    const pick = await vscode.window.showQuickPick(
      all.map(l => ({
        label: `${l.ann.kind}: ${clip(l.ann.anchor.exact, 60)}`,
        description: l.orphaned ? 'orphaned' : l.ann.id,
        l,
      })),
      { title },
    );
    return pick?.l;
  }

  async editAnnotation(args: { id?: string; field?: string; value?: string } = {}): Promise<boolean> {
    const ed = this.editor();
    if (!ed) return false;
    const doc = ed.document;
    const l = args.id
      ? this.annotations.of(doc).find(x => x.ann.id === args.id)
      : await this.pickAnnotation(doc, doc.offsetAt(ed.selection.active), 'Edit which annotation?');
    if (!l) return false;
    const fields = ['status', 'note', 'speaker', 'canonical', 'type', 'tags'];
    const field =
      args.field ??
      (
        await vscode.window.showQuickPick(
          fields.map(f => ({ label: f, description: show(l.ann[f as keyof Annotation]) })),
          { title: `Edit ${l.ann.kind} ${l.ann.id}` },
        )
      )?.label;
    if (!field) return false;
    let value = args.value;
    if (value === undefined) {
      if (field === 'status')
        value = (
          await vscode.window.showQuickPick(
            CLAIM_STATUSES.map(s => ({ label: s })),
            { title: 'Status' },
          )
        )?.label;
      else if (field === 'type')
        value = (
          await vscode.window.showQuickPick(
            ENTITY_TYPES.map(s => ({ label: s })),
            { title: 'Type' },
          )
        )?.label;
      else
        value = await vscode.window.showInputBox({
          title: field,
          value: show(l.ann[field as keyof Annotation]),
          prompt: field === 'tags' ? 'Comma-separated; empty to remove' : 'Empty to remove',
        });
    }
    if (value === undefined) return false;
    const v =
      field === 'tags'
        ? value
            .split(',')
            .map(t => t.trim())
            .filter(Boolean)
        : value;
    return this.annotations.change(doc, {
      update: { id: l.ann.id, fields: { [field]: (Array.isArray(v) ? v.length : v) ? v : undefined } },
    });
  }

  async deleteAnnotation(id?: string): Promise<boolean> {
    const ed = this.editor();
    if (!ed) return false;
    const doc = ed.document;
    const l = id
      ? this.annotations.of(doc).find(x => x.ann.id === id)
      : await this.pickAnnotation(doc, doc.offsetAt(ed.selection.active), 'Delete which annotation?');
    if (!l) return false;
    const ok = await this.annotations.change(doc, { remove: l.ann.id });
    if (ok) {
      void vscode.window
        .showInformationMessage(
          vscode.l10n.t('Newsmark: deleted the {0} annotation “{1}”.', l.ann.kind, clip(l.ann.anchor.exact, 40)),
          'Undo',
        )
        .then(c => {
          if (c) void this.annotations.change(doc, { add: l.ann });
        });
    }
    return ok;
  }

  /** Moves the cursor to the next (or previous) annotation, wrapping around. */
  goTo(direction: 1 | -1): void {
    const ed = this.editor();
    if (!ed) return;
    const doc = ed.document;
    const at = doc.offsetAt(ed.selection.active);
    const places = this.annotations
      .of(doc)
      .filter(l => l.start !== null)
      .map(l => l.start!)
      .sort((a, b) => a - b);
    if (places.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Newsmark: this article has no annotations yet.'));
      return;
    }
    const next =
      direction > 0
        ? (places.find(p => p > at) ?? places[0])
        : ([...places].reverse().find(p => p < at) ?? places[places.length - 1]);
    const pos = doc.positionAt(next);
    ed.selection = new vscode.Selection(pos, pos);
    ed.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Links the annotation at the cursor to another, in this article or another one. */
  async link(args: { from?: string; to?: string; type?: string } = {}): Promise<boolean> {
    const ed = this.editor();
    if (!ed) return false;
    const doc = ed.document;
    const from = args.from
      ? this.annotations.of(doc).find(l => l.ann.id === args.from)
      : await this.pickAnnotation(doc, doc.offsetAt(ed.selection.active), 'Link which annotation?');
    if (!from) return false;
    const type =
      args.type ??
      (
        await vscode.window.showQuickPick(
          RELATION_TYPES.map(t => ({ label: t })),
          { title: `Relation from ${from.ann.id}` },
        )
      )?.label;
    if (!type) return false;
    let to = args.to;
    if (!to) {
      const targets = await this.allAnnotations(doc.uri);
      const pick = await vscode.window.showQuickPick(
        targets
          .filter(t => t.ref !== from.ann.id)
          .map(t => ({
            label: `${t.ann.kind}: ${clip(t.ann.anchor.exact, 60)}`,
            description: t.ref,
            ref: t.ref,
          })),
        { title: `${from.ann.id} ${type} …`, matchOnDescription: true },
      );
      to = pick?.ref;
    }
    if (!to) return false;
    return this.annotations.change(doc, { relate: { from: from.ann.id, to, type } });
  }

  /** Annotations of every article in the workspace, named as a relation would name them from `here`. */
  async allAnnotations(here: vscode.Uri): Promise<{ ref: string; ann: Annotation; article: vscode.Uri }[]> {
    const out: { ref: string; ann: Annotation; article: vscode.Uri }[] = [];
    const files = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**', 2000);
    for (const f of files) {
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(f));
      } catch (e) {
        log().warn(`cannot read ${f.toString(true)}: ${errorText(e)}`);
        continue;
      }
      const article = articleOfSidecar(f);
      const r = readSidecar(text, sidecarLimits(article));
      if (!r.ok) continue;
      const same = article.toString() === here.toString();
      for (const ann of r.file.data.annotations)
        out.push({ ref: same ? ann.id : `${relativePath(here, article)}#${ann.id}`, ann, article });
    }
    return out;
  }

  /** Re-attaches an orphaned annotation to the selection. */
  async reattach(id: string): Promise<boolean> {
    const ed = this.editor();
    if (!ed) return false;
    const doc = ed.document;
    if (ed.selection.isEmpty) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Newsmark: select the words the annotation belongs to, then re-attach it.'),
      );
      return false;
    }
    const anchor = anchorAt(doc.getText(), doc.offsetAt(ed.selection.start), doc.offsetAt(ed.selection.end));
    return this.annotations.change(doc, { reanchor: { id, anchor } });
  }

  /** Opens the article of an annotation (`path#id` relative to `from`, or an id) and selects it. */
  async reveal(from: vscode.Uri, ref: string): Promise<void> {
    const hash = ref.indexOf('#');
    const article = hash < 0 ? from : vscode.Uri.joinPath(from, '..', ref.slice(0, hash));
    const id = hash < 0 ? ref : ref.slice(hash + 1);
    if (!vscode.workspace.getWorkspaceFolder(article)) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Newsmark: the relation points outside the workspace ({0}); it is not followed.', ref),
      );
      return;
    }
    const doc = await vscode.workspace.openTextDocument(article);
    const ed = await vscode.window.showTextDocument(doc);
    await this.annotations.open(doc);
    const l = this.annotations.of(doc).find(x => x.ann.id === id);
    if (l && l.start !== null) {
      const r = new vscode.Range(doc.positionAt(l.start), doc.positionAt(l.end!));
      ed.selection = new vscode.Selection(r.start, r.end);
      ed.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }
}

/** A path from one article's folder to another article. */
export function relativePath(from: vscode.Uri, to: vscode.Uri): string {
  return corePathFrom(dirOf(from.path), to.path);
}

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v));
