// The workspace model: what "the workspace" is, decided once for the editor, its index, the timeline and the CLI.
// Which files are articles, where their sidecars are, what each article's publication date and its story's date
// are (the one rule for year-less dates), and the user's own judgements on contradictions (dismissals and
// "contradicts" relations in sidecars). Storage goes through a WorkspaceFs port; nothing here knows Node or VS Code.

import type { AnalyzeOptions } from '../engine/types';
import type { CrossConflict, Mention } from '../cross/crossdoc';
import { findPublicationDate } from '../engine/dates';
import { type DocumentMeta, type ReadLimits, readSidecar, type SidecarData } from '../annotations/sidecar';
import { SidecarStore, type StoreOptions } from '../annotations/store';
import { articleMatcher, type ArticleGlobs, type ArticleMatcher, findArticles } from './articles';
import { dirOf, isWithin, joinPath, nameOf, relativePath } from './paths';
import type { FileError, WorkspaceFs } from './port';
import { articleOfSidecar, locateSidecar, type SidecarLocation, withinOf } from './sidecars';

export interface WorkspaceOptions {
  /** The workspace folder ('/'-separated, absolute); null for the CLI's loose files (paths are then absolute). */
  root: string | null;
  /** newsmark.articles.include / exclude. */
  globs?: ArticleGlobs;
  /** newsmark.sidecarLocation: where new sidecars are made. */
  location?: SidecarLocation;
  /** Reading limits for sidecars (size, aliases); `within` is set per article. */
  limits?: Omit<ReadLimits, 'within'>;
  /** The store's other options (asking the user about a conflict). */
  store?: Pick<StoreOptions, 'resolve'>;
}

/** An article's sidecar as read: its path, and its contents when it exists and reads (else null). */
export interface SidecarRead {
  path: string;
  exists: boolean;
  data: SidecarData | null;
}

/**
 * What the user judged about contradictions, from the sidecars of the checked articles (`checked`, by name): the
 * statements dismissed (in article `doc`, against `otherExact` in `otherDoc`, null when that article is not among
 * the checked ones) and the contradictions marked by hand.
 */
export interface Judgements {
  checked: string[];
  dismissed: { doc: string; exact: string; otherExact: string; otherDoc: string | null }[];
  marked: CrossConflict[];
}

/** The conflicts without those dismissed (in the sidecar of either article), then those marked by hand. */
export function applyJudgements(conflicts: CrossConflict[], j: Judgements): CrossConflict[] {
  const checked = new Set(j.checked);
  const byDoc = new Map<string, Judgements['dismissed']>();
  for (const d of j.dismissed) {
    const list = byDoc.get(d.doc);
    if (list) list.push(d);
    else byDoc.set(d.doc, [d]);
  }
  const dismissedBy = (x: Mention, y: Mention) =>
    !!byDoc
      .get(x.doc)
      ?.some(d => d.exact === x.text && d.otherExact === y.text && (!checked.has(y.doc) || d.otherDoc === y.doc));
  return [...conflicts.filter(c => !dismissedBy(c.a, c.b) && !dismissedBy(c.b, c.a)), ...j.marked];
}

/** What a conflict's article is called in results (doc) and where it is (path). */
export interface NamedArticle {
  doc: string;
  path: string;
}

/** The `document:` part of a sidecar (its publication date, outlet …); empty without one. */
const metaOf = (data: SidecarData | null): DocumentMeta => (data ? data['document'] : {});

export class WorkspaceModel {
  /** Is a path (relative to the root, or absolute below it) an article? */
  readonly matcher: ArticleMatcher;
  /** The one store every sidecar write goes through: atomic, sealed, serialised, merged. */
  readonly store: SidecarStore;
  private readonly sidecars = new Map<string, Promise<SidecarRead>>();
  private readonly dates = new Map<string, Promise<string | null>>();

  constructor(
    readonly fs: WorkspaceFs,
    readonly options: WorkspaceOptions,
  ) {
    this.matcher = articleMatcher(options.globs);
    this.store = new SidecarStore(fs, {
      ...options.store,
      limits: options.limits,
      within: p => withinOf(articleOfSidecar(p), options.root),
    });
  }

  get root(): string | null {
    return this.options.root;
  }

  /**
   * Whether a file is an article by the settings: its path relative to the root is matched (for a file outside
   * the root, or without one, its name).
   */
  isArticle(path: string): boolean {
    const root = this.options.root;
    return this.matcher(root !== null && isWithin(root, path) ? relativePath(root, path) : nameOf(path));
  }

  /**
   * The articles below a folder (default: the root), in path order; what could not be read goes to `errors`.
   * Globs are matched from the root when the folder is inside it, else from the folder.
   */
  articlesUnder(dir: string | null = this.options.root, errors: FileError[] = []): Promise<string[]> {
    if (dir === null) return Promise.resolve([]);
    const root = this.options.root;
    const prefix = root !== null && isWithin(root, dir) ? relativePath(root, dir) : '';
    return findArticles(this.fs, dir, rel => this.matcher(prefix ? `${prefix}/${rel}` : rel), errors);
  }

  /** Reading limits of an article's sidecar. */
  limitsOf(article: string): ReadLimits {
    return { ...this.options.limits, within: withinOf(article, this.options.root) };
  }

  /** The article's sidecar (where it is, or where a new one goes) and its contents. Cached until `forget`. */
  sidecar(article: string): Promise<SidecarRead> {
    let p = this.sidecars.get(article);
    if (!p) {
      p = (async () => {
        const place = await locateSidecar(this.fs, article, {
          root: this.options.root,
          location: this.options.location,
        });
        if (!place.exists) return { ...place, data: null };
        const text = await this.fs.read(place.path).catch(() => null);
        const r = text === null ? null : readSidecar(text.replace(/^\uFEFF/, ''), this.limitsOf(article));
        return { ...place, data: r && r.ok ? r.file.data : null };
      })();
      this.sidecars.set(article, p);
    }
    return p;
  }

  /** Forgets what was read of an article (or of a sidecar's article, or of everything): it changed on disk. */
  forget(path?: string): void {
    if (path === undefined) {
      this.sidecars.clear();
      this.dates.clear();
      return;
    }
    const article = articleOfSidecar(path);
    this.sidecars.delete(article);
    this.dates.delete(article);
    // A story's date depends on every article of its folder (one key: not a look at every key, for each of the
    // thousands of sidecars a checkout brings).
    this.dates.delete(`story:${dirOf(article)}`);
  }

  /**
   * An article's publication date: `document.published` of its sidecar, else the date line at its top (as the
   * engine reads it), else null. `text` spares reading the article when the caller has it.
   */
  publicationDate(article: string, text?: string): Promise<string | null> {
    let p = this.dates.get(article);
    if (!p) {
      p = (async () => {
        const side = await this.sidecar(article);
        const published = metaOf(side.data).published;
        if (published) return published;
        const t = text ?? (await this.fs.read(article).catch(() => null));
        return t === null ? null : findPublicationDate(t.replace(/^\uFEFF/, ''));
      })();
      this.dates.set(article, p);
    }
    return p;
  }

  /**
   * The story's date for the articles of a folder (a folder is one story): the latest publication date among its
   * articles. Year-less dates ("on January 3") of an article that gives no publication date take their year from it.
   */
  storyDate(folder: string): Promise<string | null> {
    const key = `story:${joinPath(folder)}`;
    let p = this.dates.get(key);
    if (!p) {
      p = (async () => {
        const entries = (await this.fs.list(folder)) ?? [];
        const articles = entries
          .filter(e => e.kind === 'file' && !e.problem && this.isArticle(joinPath(folder, e.name)))
          .map(e => joinPath(folder, e.name));
        // A few at a time: the articles of a folder of thousands are not all held in memory at once.
        const dates: (string | null)[] = [];
        for (let i = 0; i < articles.length; i += 32)
          dates.push(...(await Promise.all(articles.slice(i, i + 32).map(a => this.publicationDate(a)))));
        return (
          dates
            .filter((d): d is string => !!d)
            .sort()
            .pop() ?? null
        );
      })();
      this.dates.set(key, p);
    }
    return p;
  }

  /**
   * The one date rule, as options for the engine: the article's publication date (sidecar, else its date line)
   * and its story's date (the latest of its folder), for every place that analyses an article.
   */
  async dateOptions(
    article: string,
    text?: string,
  ): Promise<Required<Pick<AnalyzeOptions, 'published' | 'storyDate'>>> {
    const [published, storyDate] = await Promise.all([
      this.publicationDate(article, text),
      this.storyDate(dirOf(article)),
    ]);
    return { published, storyDate };
  }

  /** The outlet an article's sidecar names, if any. */
  async outletOf(article: string): Promise<string | null> {
    return metaOf((await this.sidecar(article)).data).outlet?.trim() || null;
  }

  /**
   * The cross-article check's conflicts as the user judged them: those the user dismissed (in the sidecar of either
   * article, while both statements read the same) are left out, and the contradictions the user marked themselves
   * (relation "contradicts") are added. `articles` names each checked article; `nameOf` names any other article a
   * relation leads to. `pause`, when given, is awaited between items (a caller on a busy thread lets other work in).
   */
  async judged(
    conflicts: CrossConflict[],
    articles: NamedArticle[],
    nameOf: (path: string) => string,
    pause?: () => Promise<void>,
  ): Promise<CrossConflict[]> {
    return applyJudgements(conflicts, await this.judgements(articles, nameOf, pause));
  }

  /**
   * What the user judged in the sidecars of `articles` (see judged): small, so that it can go where the conflicts
   * are (the editor's analysis worker) and be applied there by applyJudgements.
   */
  async judgements(
    articles: NamedArticle[],
    nameOf: (path: string) => string,
    pause?: () => Promise<void>,
  ): Promise<Judgements> {
    const docOf = new Map(articles.map(a => [joinPath(a.path), a.doc]));
    const out: Judgements = { checked: articles.map(a => a.doc), dismissed: [], marked: [] };
    for (const a of articles) {
      await pause?.();
      const data = (await this.sidecar(joinPath(a.path))).data;
      if (!data) continue;
      for (const d of data.dismissed)
        out.dismissed.push({
          doc: a.doc,
          exact: d.exact,
          otherExact: d.otherExact,
          otherDoc: docOf.get(joinPath(dirOf(a.path), d.other)) ?? null,
        });
      for (const rel of data.relations.filter(r => r.type === 'contradicts')) {
        const from = data.annotations.find(x => x.id === rel.from);
        if (!from) continue;
        const hash = rel.to.indexOf('#');
        const otherPath = hash < 0 ? joinPath(a.path) : joinPath(dirOf(a.path), rel.to.slice(0, hash));
        const other = hash < 0 ? data : (await this.sidecar(otherPath)).data;
        const to = other?.annotations.find(x => x.id === (hash < 0 ? rel.to : rel.to.slice(hash + 1)));
        if (!to) continue;
        const otherDoc = docOf.get(otherPath) ?? nameOf(otherPath);
        out.marked.push({
          claim: null,
          kind: 'other',
          explanation: `marked as contradicting by a researcher (${a.doc} → ${otherDoc})`,
          a: { doc: a.doc, start: from.anchor.start, end: from.anchor.end, text: from.anchor.exact },
          b: { doc: otherDoc, start: to.anchor.start, end: to.anchor.end, text: to.anchor.exact },
        });
      }
    }
    return out;
  }
}
