// The sidebar's cross-article views (Sources, Contradictions, Claims) and the contradictions as diagnostics. A
// workspace of thousands of articles gives thousands of items: a view lists them a page at a time (the rest behind a
// "Show more" item), makes an item's children only when it is expanded, and the diagnostics are set a slice of
// articles per task, so that no single step holds up the extension host.

import * as vscode from 'vscode';
import type { CrossConflict, CrossResult, Mention } from '../core/cross/crossdoc';
import type { WorkspaceIndex } from './workspaceIndex';
import { clip } from '../core/engine/text';
import { nextTask, slicer } from './slices';

export interface Item {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  /** The item's children, made when first asked for (an expanded item). */
  children?: () => Item[];
  mention?: Mention;
  conflict?: CrossConflict;
  /** The "Show more" item at the end of a page: the number of items it shows more. */
  more?: number;
}

/** How many top-level items a view lists at first, and how many more each "Show more" adds. */
export const PAGE = 200;

/** An item's children, made once. */
const lazy = (make: () => Item[]): (() => Item[]) => {
  let made: Item[] | undefined;
  return () => (made ??= make());
};

const KIND_ICONS: Record<string, string> = {
  number: 'symbol-number',
  date: 'calendar',
  hedge: 'question',
  attribution: 'quote',
  entity: 'person',
  negation: 'circle-slash',
  scope: 'symbol-ruler',
  other: 'warning',
};

let views = 0;

abstract class CrossView<T = unknown> implements vscode.TreeDataProvider<Item>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Item | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subs: vscode.Disposable[];
  /** What the latest result lists at the top level, and the items made of it so far (those listed). */
  private made: { result: CrossResult; list: T[]; items: Item[] } | undefined;
  private shown = PAGE;
  /** The command of the view's "Show more" item (internal: not in the Command Palette). */
  private readonly moreCommand = `newsmark.showMore.${++views}`;

  constructor(protected readonly index: WorkspaceIndex) {
    this.subs = [
      index.onDidUpdate(() => {
        this.made = undefined;
        this.shown = PAGE;
        this.emitter.fire(undefined);
      }),
      vscode.commands.registerCommand(this.moreCommand, () => this.showMore()),
    ];
  }

  /** What the view lists at its top level, in order. */
  protected abstract list(r: CrossResult): T[];
  /** The item of one of them (made only when it is listed). */
  protected abstract itemOf(x: T, r: CrossResult): Item;

  /** Lists a page more of the top-level items. */
  showMore(): void {
    this.shown += PAGE;
    this.emitter.fire(undefined);
  }

  getTreeItem(n: Item): vscode.TreeItem {
    const item = new vscode.TreeItem(
      n.label,
      n.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.description = n.description;
    item.tooltip = n.tooltip;
    if (n.icon) item.iconPath = new vscode.ThemeIcon(n.icon);
    if (n.conflict) item.contextValue = 'newsmark.conflict';
    if (n.more) item.command = { command: `newsmark.showMore.${this.constructor.name}`, title: n.label, arguments: [] };
    const m = n.mention;
    const uri = m && this.index.uriOf(m.doc);
    if (m && uri) item.command = { command: 'newsmark.revealFinding', title: 'Open', arguments: [uri, m.start, m.end] };
    return item;
  }

  getChildren(n?: Item): Item[] {
    if (n) return n.children?.() ?? [];
    const r = this.index.result;
    if (!r) return [];
    if (this.made?.result !== r) this.made = { result: r, list: this.list(r), items: [] };
    const { list, items } = this.made;
    for (let i = items.length; i < Math.min(this.shown, list.length); i++) items.push(this.itemOf(list[i], r));
    if (list.length <= this.shown) return items;
    const more = Math.min(PAGE, list.length - this.shown);
    return [
      ...items,
      {
        label: `Show ${more} more (${list.length - this.shown} not listed)`,
        icon: 'ellipsis',
        more,
      },
    ];
  }

  /** The labels a user sees at the top level (for tests). */
  labels(): string[] {
    return this.getChildren().map(i => `${i.label}${i.description ? ` — ${i.description}` : ''}`);
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.emitter.dispose();
  }
}

const mentionItem = (m: Mention, prefix = ''): Item => ({
  label: `${prefix}${m.doc}`,
  description: clip(m.text, 90),
  tooltip: m.text,
  mention: m,
  icon: 'note',
});

export class SourcesView extends CrossView<CrossResult['sources'][number]> {
  protected list(r: CrossResult) {
    return r.sources;
  }

  protected itemOf(s: CrossResult['sources'][number]): Item {
    return {
      label: s.speaker,
      description: `${s.kind} · ${s.documents.length} article${s.documents.length === 1 ? '' : 's'} · ${s.mentions} quote${s.mentions === 1 ? '' : 's'}`,
      icon:
        s.kind === 'person'
          ? 'person'
          : s.kind === 'anonymous'
            ? 'eye-closed'
            : s.kind === 'outlet'
              ? 'rss'
              : 'organization',
      children: s.quotes.length ? lazy(() => s.quotes.map(q => mentionItem(q))) : undefined,
    };
  }
}

/** How sure a conflict is, in words a reader takes in at a glance. */
export const sureness = (c: CrossConflict) =>
  c.confidence === undefined ? '' : `${Math.round(c.confidence * 100)}% sure`;

export class ContradictionsView extends CrossView<CrossConflict> {
  protected list(r: CrossResult) {
    // The setting newsmark.contradictions.minConfidence decides which are listed at all.
    return r.conflicts;
  }

  protected itemOf(c: CrossConflict): Item {
    return {
      label: `${c.kind}: ${clip(c.explanation, 100)}`,
      description: [sureness(c), `${c.a.doc} ↔ ${c.b.doc}`].filter(Boolean).join(' · '),
      tooltip: `${c.explanation}${c.confidence !== undefined ? ` (${sureness(c)})` : ''}\n\n${c.a.doc}: ${c.a.text}\n\n${c.b.doc}: ${c.b.text}`,
      icon: KIND_ICONS[c.kind] ?? 'warning',
      conflict: c,
      children: lazy(() => [mentionItem(c.a), mentionItem(c.b)]),
    };
  }
}

export class ClaimsView extends CrossView<CrossResult['claims'][number]> {
  protected list(r: CrossResult) {
    return [...r.claims].sort((x, y) => y.independent - x.independent);
  }

  /** The groups of articles that are one report, by each of their articles (for the latest result). */
  private derivedOf: { r: CrossResult; byDoc: Map<string, { documents: Set<string>; origin?: string }[]> } | undefined;

  protected itemOf(c: CrossResult['claims'][number], r: CrossResult): Item {
    const articles = new Set(c.mentions.map(m => m.doc)).size;
    if (this.derivedOf?.r !== r) {
      const byDoc = new Map<string, { documents: Set<string>; origin?: string }[]>();
      for (const d of r.derived ?? []) {
        const g = { documents: new Set(d.documents), origin: d.origin };
        for (const doc of d.documents) byDoc.set(doc, [...(byDoc.get(doc) ?? []), g]);
      }
      this.derivedOf = { r, byDoc };
    }
    const byDoc = this.derivedOf.byDoc;
    const origin = (docs: string[]) =>
      (byDoc.get(docs[0]) ?? []).find(d => docs.every(x => d.documents.has(x)))?.origin;
    const copies = c.copies.length
      ? ` ${c.copies.map(x => `${x.join(', ')} are one report${origin(x) ? ` (from ${origin(x)})` : ''}, counted once`).join('; ')}.`
      : '';
    return {
      label: clip(c.summary, 100),
      description: `${c.independent} independent report${c.independent === 1 ? '' : 's'}${articles !== c.independent ? ` of ${articles}` : ''}`,
      tooltip: `Reported by ${articles} articles.${copies}`,
      icon: 'comment-discussion',
      children: lazy(() =>
        c.mentions.map(m => mentionItem(m, c.copies.some(x => x.includes(m.doc)) ? 'same report · ' : '')),
      ),
    };
  }
}

/** Contradictions as information diagnostics on both statements, each pointing at the other. */
export class ContradictionDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('newsmark-contradictions');
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly index: WorkspaceIndex) {
    this.subs.push(
      index.onDidUpdate(r => void this.render(r)),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('newsmark.diagnostics') && index.result) void this.render(index.result);
      }),
      this.collection,
    );
  }

  private renders = 0;
  /** The articles that have diagnostics now. */
  private shown = new Set<string>();

  /**
   * Positions come from the texts the index read (no document is opened for them: a workspace of thousands of
   * articles would load each into the extension host), and the work yields now and then, so the editor keeps going.
   */
  private async render(r: CrossResult): Promise<void> {
    const mine = ++this.renders;
    if (!vscode.workspace.getConfiguration('newsmark').get<boolean>('diagnostics.contradictions', true)) {
      this.collection.clear();
      this.shown.clear();
      return;
    }
    const byDoc = new Map<string, vscode.Diagnostic[]>();
    const lineStarts = new Map<string, number[]>();
    const positionAt = (key: string, text: string, offset: number): vscode.Position => {
      let starts = lineStarts.get(key);
      if (!starts) {
        starts = [0];
        for (let i = 0; i < text.length; i++) {
          const c = text.charCodeAt(i);
          if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
        }
        lineStarts.set(key, starts);
      }
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return new vscode.Position(lo, Math.max(0, offset - starts[lo]));
    };
    const rangeOf = (m: Mention): vscode.Location | undefined => {
      const uri = this.index.uriOf(m.doc);
      const text = uri && this.index.textOf(uri);
      if (!uri || text === undefined) return undefined;
      const key = uri.toString();
      return new vscode.Location(uri, new vscode.Range(positionAt(key, text, m.start), positionAt(key, text, m.end)));
    };
    const pause = slicer();
    for (const c of r.conflicts) {
      await pause();
      if (mine !== this.renders) return; // a newer result is being shown
      const la = rangeOf(c.a);
      const lb = rangeOf(c.b);
      if (!la || !lb) continue;
      for (const [here, there, other] of [
        [la, lb, c.b],
        [lb, la, c.a],
      ] as const) {
        const d = new vscode.Diagnostic(
          here.range,
          `Contradiction (${c.kind}${c.confidence !== undefined ? `, ${sureness(c)}` : ''}): ${c.explanation}`,
          vscode.DiagnosticSeverity.Information,
        );
        d.source = 'Newsmark';
        d.code = 'contradiction';
        d.relatedInformation = [
          new vscode.DiagnosticRelatedInformation(there, `${other.doc}: ${clip(other.text, 120)}`),
        ];
        const key = here.uri.toString();
        const list = byDoc.get(key);
        if (list) list.push(d);
        else byDoc.set(key, [d]);
      }
    }
    // Given to the editor a slice of about 100 diagnostics per task (each call goes to it as one message), the
    // articles that have none any more last.
    const entries: [string, vscode.Diagnostic[] | undefined][] = [...byDoc];
    for (const k of this.shown) if (!byDoc.has(k)) entries.push([k, undefined]);
    for (let i = 0; i < entries.length;) {
      await nextTask();
      if (mine !== this.renders) return;
      const slice: typeof entries = [];
      for (let n = 0; i < entries.length && (n < 100 || !slice.length); i++) {
        slice.push(entries[i]);
        n += entries[i][1]?.length ?? 1;
      }
      for (const [k] of slice) this.shown.add(k); // (a newer render that starts meanwhile knows to clear them)
      this.collection.set(slice.map(([k, ds]) => [vscode.Uri.parse(k), ds]));
    }
    this.shown = new Set(byDoc.keys());
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
