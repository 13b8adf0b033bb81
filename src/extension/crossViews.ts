// The sidebar's cross-article views (Sources, Contradictions, Claims) and the contradictions as diagnostics. A
// workspace of thousands of articles gives thousands of items, and the check's result stays in the analysis worker:
// a view asks it for a page at a time (the rest behind a "Show more" item) and makes an item's children only when
// it is expanded; diagnostics are those of the open articles, asked for when one opens or the index changes. So
// the extension host receives only what it shows, in small answers.

import * as vscode from 'vscode';
import type { CrossConflict, Mention } from '../core/cross/crossdoc';
import type { CheckSummary, ClaimItem, ListItem, ListName, Place } from '../worker/engineServer';
import type { WorkspaceIndex } from './workspaceIndex';
import { clip } from '../core/engine/text';
import { isArticle } from './analyses';
import { nextTask } from './slices';

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

abstract class CrossView<L extends ListName> implements vscode.TreeDataProvider<Item>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Item | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subs: vscode.Disposable[];
  /** The items listed so far of the latest check's list (`total` long in the worker), and the pages on their way. */
  private made: { total: number; items: Item[]; loading: Promise<void>; asking?: boolean } = {
    total: 0,
    items: [],
    loading: Promise.resolve(),
  };
  /** What was listed before the latest check, shown until the first page of the new one is here. */
  private previous: { total: number; items: Item[] } | undefined;
  private shown = PAGE;
  /** The command of the view's "Show more" item (internal: not in the Command Palette). */
  private readonly moreCommand = `newsmark.showMore.${++views}`;

  constructor(
    protected readonly index: WorkspaceIndex,
    private readonly name: L,
  ) {
    this.subs = [
      index.onDidUpdate(s => {
        this.shown = PAGE;
        if (this.made.items.length) this.previous = this.made;
        this.made = { total: this.countOf(s), items: [], loading: Promise.resolve() };
        // Nothing is asked of the worker until the view is shown (VS Code then asks for its items).
        this.emitter.fire(undefined);
      }),
      vscode.commands.registerCommand(this.moreCommand, () => this.showMore()),
    ];
  }

  private countOf(s: CheckSummary): number {
    return this.name === 'sources' ? s.sources : this.name === 'conflicts' ? s.conflicts : s.claims;
  }

  /** Whether items up to the number shown are still to be asked for. */
  private missing(): boolean {
    return this.made.items.length < Math.min(this.shown, this.made.total) && !this.made.asking;
  }

  /**
   * Asks the worker for the items up to the number shown that are not here yet; with `show`, tells the view
   * when they are here (else the caller shows them).
   */
  private load(show: boolean): Promise<void> {
    const made = this.made;
    if (!this.missing()) return made.loading;
    made.asking = true;
    made.loading = made.loading.then(async () => {
      try {
        const from = made.items.length;
        const count = Math.min(this.shown, made.total) - from;
        if (count <= 0 || made !== this.made) return;
        const page = await this.index.page(this.name, from, count).catch(() => [] as ListItem<L>[]);
        if (made !== this.made) return; // a newer check came meanwhile
        for (const x of page) made.items.push(this.itemOf(x));
        // (fewer than asked for: the worker has no more, e.g. it was restarted; nothing more is asked)
        if (page.length < count) made.total = made.items.length;
        this.previous = undefined;
        if (show) this.emitter.fire(undefined);
      } finally {
        made.asking = false;
      }
    });
    return made.loading;
  }

  /** Resolves once the items shown are here (tests: as if the view were open). */
  async loaded(): Promise<void> {
    let made;
    do {
      made = this.made;
      await this.load(true);
    } while (made !== this.made || this.missing());
  }

  /** The item of one of them (made only when it is listed). */
  protected abstract itemOf(x: ListItem<L>): Item;

  /** Lists a page more of the top-level items. */
  showMore(): void {
    this.shown += PAGE;
    void this.load(true);
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
    if (n.more) item.command = { command: this.moreCommand, title: n.label, arguments: [] };
    const m = n.mention;
    const uri = m && this.index.uriOf(m.doc);
    if (m && uri) item.command = { command: 'newsmark.revealFinding', title: 'Open', arguments: [uri, m.start, m.end] };
    return item;
  }

  getChildren(n?: Item): Item[] | Promise<Item[]> {
    if (n) return n.children?.() ?? [];
    if (this.missing()) return this.load(false).then(() => this.top());
    return this.top();
  }

  /** The top-level items listed now (those here; the ones before the latest check while its first page comes). */
  top(): Item[] {
    const { items, total } = this.previous && !this.made.items.length && this.made.total ? this.previous : this.made;
    if (total <= this.shown || items.length < this.shown) return [...items];
    const more = Math.min(PAGE, total - this.shown);
    return [
      ...items,
      {
        label: `Show ${more} more (${total - this.shown} not listed)`,
        icon: 'ellipsis',
        more,
      },
    ];
  }

  /** The labels a user sees at the top level (for tests). */
  labels(): string[] {
    void this.load(true);
    return this.top().map(i => `${i.label}${i.description ? ` — ${i.description}` : ''}`);
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

export class SourcesView extends CrossView<'sources'> {
  constructor(index: WorkspaceIndex) {
    super(index, 'sources');
  }

  protected itemOf(s: ListItem<'sources'>): Item {
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

export class ContradictionsView extends CrossView<'conflicts'> {
  // The setting newsmark.contradictions.minConfidence decides which are listed at all.
  constructor(index: WorkspaceIndex) {
    super(index, 'conflicts');
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

export class ClaimsView extends CrossView<'claims'> {
  // Listed most independently reported first (ordered in the worker).
  constructor(index: WorkspaceIndex) {
    super(index, 'claims');
  }

  protected itemOf(c: ClaimItem): Item {
    const articles = new Set(c.mentions.map(m => m.doc)).size;
    const origin = (i: number) => c.origins[i] ?? undefined;
    const copies = c.copies.length
      ? ` ${c.copies.map((x, i) => `${x.join(', ')} are one report${origin(i) ? ` (from ${origin(i)})` : ''}, counted once`).join('; ')}.`
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

/**
 * Contradictions as information diagnostics on both statements, each pointing at the other: for the open articles
 * (asked of the worker, which keeps the check's result and the texts, with where each statement is).
 */
export class ContradictionDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('newsmark-contradictions');
  private readonly subs: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly index: WorkspaceIndex) {
    this.subs.push(
      index.onDidUpdate(() => void this.render()),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('newsmark.diagnostics') && index.summary) void this.render();
      }),
      vscode.workspace.onDidOpenTextDocument(d => {
        if (isArticle(d)) this.later();
      }),
      vscode.workspace.onDidCloseTextDocument(d => this.collection.delete(d.uri)),
      this.collection,
    );
  }

  /** Renders soon (documents often open several at once). */
  private later(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), 100);
  }

  private renders = 0;

  private async render(): Promise<void> {
    const mine = ++this.renders;
    if (!vscode.workspace.getConfiguration('newsmark').get<boolean>('diagnostics.contradictions', true)) {
      this.collection.clear();
      return;
    }
    if (!this.index.summary) return;
    const open = new Map<string, vscode.Uri>();
    for (const d of vscode.workspace.textDocuments)
      if (isArticle(d) && this.index.uriOf(this.index.nameOf(d.uri))?.toString() === d.uri.toString())
        open.set(this.index.nameOf(d.uri), d.uri);
    const conflicts = open.size ? await this.index.conflictsOf([...open.keys()]).catch(() => []) : [];
    if (mine !== this.renders) return; // a newer render is under way
    const byDoc = new Map<string, vscode.Diagnostic[]>();
    const location = (m: Mention, place: Place | null) => {
      const uri = this.index.uriOf(m.doc);
      return uri && place
        ? new vscode.Location(uri, new vscode.Range(place[0], place[1], place[2], place[3]))
        : undefined;
    };
    for (const c of conflicts) {
      const la = location(c.a, c.places.a);
      const lb = location(c.b, c.places.b);
      if (!la || !lb) continue;
      for (const [here, there, self, other] of [
        [la, lb, c.a, c.b],
        [lb, la, c.b, c.a],
      ] as const) {
        if (!open.has(self.doc)) continue;
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
        const list = byDoc.get(self.doc);
        if (list) list.push(d);
        else byDoc.set(self.doc, [d]);
      }
    }
    await nextTask();
    if (mine !== this.renders) return;
    this.collection.clear();
    this.collection.set([...open].map(([doc, uri]) => [uri, byDoc.get(doc) ?? []]));
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subs) s.dispose();
  }
}
