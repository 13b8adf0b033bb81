// Compact records for the cross-article check: what the check needs of an article, made as soon as it is analysed,
// so that a check of thousands of articles holds no more of each than that.
//
// A record is an ArticleInput (its text and analysis) with the article prepared lean and kept with it (see
// prepareArticle): its statements as small stubs, made whole again from the record, a story at a time, when the check
// judges pairs. crossCheck takes records as it takes full inputs, with the same result, provided they are made in the
// order they are checked (the check numbers features as first met).

import { fnv1a } from '../engine/text';
import type { Analysis, Attribution, Entity } from '../engine/types';
import {
  type ArticleInput,
  type CheckOptions,
  checkGathered,
  type CrossClaim,
  type CrossResult,
  type CrossSource,
  type Gathered,
  leanParts,
  prepareArticle,
  SpeakerMerger,
  Sources,
  type Stub,
  typesByKey,
} from './crossdoc';
import { flat, Packer } from './packed';
import { SpeakerResolver } from './speakers';

/** The compact record of an analysed article, prepared for the check now (make them in the order they are checked). */
export function checkInputOf(a: ArticleInput): ArticleInput {
  const analysis: Analysis = {
    published: a.analysis.published,
    entities: a.analysis.entities,
    dates: a.analysis.dates,
    attributions: a.analysis.attributions,
  };
  prepareArticle(a, analysis, true);
  return a.label === undefined
    ? { doc: a.doc, text: a.text, analysis }
    : { doc: a.doc, label: a.label, text: a.text, analysis };
}

/** What a batch check holds of an article between its analysis and the check (see CrossChecker). */
interface BatchRecord {
  doc: string;
  label?: string;
  /** Its text; none when the checker reads texts again (see CrossChecker), then its length and checksum. */
  text?: string;
  length: number;
  sum: number;
  published: string | null;
  /** Its analysis packed (see packed.ts). */
  packed: Int32Array;
  statements: Stub[];
  runs: Uint32Array;
  origins: string[];
  /** The outlet each attribution cites its speaker through (none: an empty list). */
  conduits: (string | undefined)[];
  /** Each attribution's speaker as the workspace names it (found when the check starts). */
  labels?: (string | null)[];
}

const NO_CONDUITS: (string | undefined)[] = [];

/** An article's entities sorted by start (the list itself when it is), as the check reads them. */
const byStart = (es: Entity[]) =>
  es.every((e, k) => k === 0 || es[k - 1].start <= e.start) ? es : [...es].sort((x, y) => x.start - y.start);

/** Texts read again a batch check keeps at hand (those of a story's articles, mostly). */
const TEXTS_KEPT = 64;

/**
 * Each attribution's speaker as the workspace names it (by the resolver that knows its people), kept with its record
 * and merged across articles in article order. (Apart from CrossChecker.begin, so that the resolver is let go once
 * this is done, not kept by the check's closures.)
 */
function labelled(
  records: BatchRecord[],
  resolver: SpeakerResolver,
  whole: (d: number, label: boolean) => ArticleInput,
): SpeakerMerger {
  const merger = new SpeakerMerger();
  records.forEach((r, d) => {
    const a = whole(d, false);
    const ents = byStart(a.analysis.entities);
    r.labels = a.analysis.attributions.map(x => {
      const l = resolver.label(x, a.text, ents);
      return l && flat(l);
    });
    for (const l of r.labels) if (l) merger.add(l);
  });
  return merger;
}

/**
 * The sources the labelled attributions make (their quotations cut from texts read again: see flat). With `later`,
 * the quotations of articles whose texts are read again get no text: it is read again when the source is given out
 * (see BegunCheck.quoted).
 */
function sourcesOf(
  records: BatchRecord[],
  merger: SpeakerMerger,
  types: Map<string, string>,
  whole: (d: number, label: boolean) => ArticleInput,
  later: boolean,
): CrossSource[] {
  const found = new Sources(merger, typesByKey(types));
  records.forEach((r, d) => {
    const a = whole(d, false);
    if (r.text === undefined)
      for (const x of a.analysis.attributions) x.content.text = later ? '' : flat(x.content.text);
    found.article(a, r.labels!, r.conduits);
  });
  return found.list();
}

/**
 * A check begun (see CrossChecker.begin): the sources found (a batch may write them out and let them go before it
 * checks), and the check itself.
 */
export interface BegunCheck {
  sources: CrossSource[];
  /**
   * A source with the texts of its quotations: of a check begun with `quotesLater`, read again now (a batch writes
   * its sources out one by one and holds no quotation's text); else the source itself.
   */
  quoted(s: CrossSource): CrossSource;
  /**
   * The check of the articles; with `claim`, claims are given to it as they are made, not listed in the result. (Of a
   * check begun with `release`, once: its statements are lightened as it goes.)
   */
  check(opts?: CheckOptions, claim?: (c: CrossClaim) => void): CrossResult;
}

/**
 * A check made article by article, for batches: each article added is reduced at once to what the check keeps of it
 * (its statements as stubs, its analysis packed, the names it gives people and things added to the workspace's), so
 * that its full analysis can be let go. `result` checks those added, in the order they were added, with the result a
 * check of their whole analyses gives: each article is made whole again from its record when its sources are counted,
 * and, one story at a time, when its statements are judged.
 *
 * Given `reread` (which reads an article's text again by its doc), the checker keeps no text: it reads each text again
 * when it needs it, and fails if the text is no longer the one added.
 */
export class CrossChecker {
  private records: BatchRecord[] = [];
  private packer = new Packer();
  /** Each name's type (the first given), and the people of the workspace, as the articles come. */
  private types = new Map<string, string>();
  private resolver = new SpeakerResolver();

  constructor(private readonly reread?: (doc: string) => string) {}

  add(a: ArticleInput): void {
    const parts = leanParts(a);
    // (What is kept of the article is no view of its text: see flat.)
    for (const e of a.analysis.entities) if (!this.types.has(e.canonical)) this.types.set(flat(e.canonical), e.type);
    this.resolver.addEntities(
      this.reread
        ? a.analysis.entities.map(e => (e.type === 'PERSON' ? { ...e, canonical: flat(e.canonical) } : e))
        : a.analysis.entities,
    );
    const record: BatchRecord = {
      doc: a.doc,
      length: a.text.length,
      sum: this.reread ? fnv1a(a.text) : 0,
      published: a.analysis.published,
      packed: this.packer.pack(a.text, a.analysis),
      statements: parts.statements,
      runs: parts.runs,
      origins: parts.origins.map(flat),
      conduits: parts.conduits.some(c => c !== undefined) ? parts.conduits.map(c => c && flat(c)) : NO_CONDUITS,
    };
    if (!this.reread) record.text = a.text;
    if (a.label !== undefined) record.label = a.label;
    this.records.push(record);
  }

  get size(): number {
    return this.records.length;
  }

  /** The check of the articles added; with `release`, the records are let go (the checker starts again empty). */
  result(opts: CheckOptions = {}, release = false): CrossResult {
    return this.begin(release).check(opts);
  }

  /**
   * The check begun: each attribution's speaker named as the workspace names it, and the sources found. With
   * `release`, the checker lets its records go to the check begun (and starts again empty). With `quotesLater`, a
   * checker that reads texts again keeps no text of the sources' quotations: each source is given its texts by
   * `quoted`.
   */
  begin(release = false, quotesLater = false): BegunCheck {
    const records = this.records;
    const packer = this.packer;
    const types = this.types;
    const resolver = this.resolver;
    const reread = this.reread;
    if (release) {
      this.records = [];
      this.packer = new Packer();
      this.types = new Map();
      this.resolver = new SpeakerResolver();
    }
    // Texts read again, the latest few kept.
    const kept = new Map<number, string>();
    const textOf = (d: number): string => {
      const r = records[d];
      if (r.text !== undefined) return r.text;
      let t = kept.get(d);
      if (t === undefined) {
        t = reread!(r.doc);
        if (t.length !== r.length || fnv1a(t) !== r.sum) throw new Error(`${r.doc}: changed while it was checked`);
        if (kept.size >= TEXTS_KEPT) kept.delete(kept.keys().next().value!);
        kept.set(d, t);
      }
      return t;
    };
    // The labels of the attributions of the articles made whole for judging.
    const labelOf = new WeakMap<Attribution, string | null>();
    const whole = (d: number, label: boolean): ArticleInput => {
      const r = records[d];
      const text = textOf(d);
      const analysis = packer.unpack(text, r.published, r.packed);
      if (label && r.labels) {
        const xs = analysis.attributions;
        for (let k = 0; k < xs.length; k++) labelOf.set(xs[k], r.labels[k]);
      }
      return r.label === undefined ? { doc: r.doc, text, analysis } : { doc: r.doc, label: r.label, text, analysis };
    };
    // Each attribution's speaker as the workspace names it, merged across articles (in article order) …
    const merger = labelled(records, resolver, whole);
    const later = quotesLater && !!reread;
    let numbered: Map<string, number> | undefined;
    const begun: BegunCheck = {
      sources: sourcesOf(records, merger, types, whole, later),
      quoted: s => {
        if (!later) return s;
        numbered ??= new Map(records.map((r, d) => [r.doc, d]));
        const quotes = s.quotes.map(m => {
          const d = numbered!.get(m.doc)!;
          return records[d].text !== undefined ? m : { ...m, text: textOf(d).slice(m.start, m.end) };
        });
        return { ...s, quotes };
      },
      check: (opts = {}, claim) => {
        // The statements numbered for this check.
        const stmts: Stub[] = [];
        records.forEach((r, d) => {
          for (const p of r.statements) {
            p.doc = d;
            p.i = stmts.length;
            stmts.push(p);
          }
        });
        const g: Gathered = {
          docs: records.map(r => r.doc),
          labels: records.map(r => r.label),
          published: records.map(r => r.published),
          stmts,
          runs: records.map(r => r.runs),
          origins: records.map(r => r.origins),
          lean: new Uint8Array(records.length).fill(1),
          merger,
          labelOf: x => {
            const l = labelOf.get(x);
            return l === undefined ? x.speaker : l;
          },
          sources: begun.sources,
          article: d => whole(d, true),
          // (Mentions kept outlive the texts read again: see flat.)
          textAt: (d, start, end, kept = true) =>
            records[d].text !== undefined || !kept ? textOf(d).slice(start, end) : flat(textOf(d).slice(start, end)),
        };
        if (claim) g.claim = claim;
        // (Records let go are checked this once: their stubs are lightened once paired.)
        if (release) g.once = true;
        return checkGathered(g, opts);
      },
    };
    return begun;
  }
}
