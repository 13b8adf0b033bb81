// Exports and imports: annotations out of the editor in the formats researchers use (W3C Web Annotation, brat
// standoff, CSV, JSON Lines) and back into sidecars from W3C and brat.
//
// Inside, Newsmark counts UTF-16 code units, as VS Code does. The W3C TextPositionSelector and brat count Unicode
// code points, so every offset is converted on the way out and back on the way in.

import { anchorAt, firstTwo, locate, type Anchor } from '../annotations/anchor';
import {
  BUILTIN_KINDS,
  CLAIM_STATUSES,
  ENTITY_TYPES,
  RELATION_TYPES,
  type Annotation,
  type Relation,
  type SidecarData,
} from '../annotations/sidecar';
import { findingsOf, isSuppressed, type Finding } from '../annotations/findings';
import { clip, fnv1a } from '../engine/text';
import type { Analysis } from '../engine/types';

/** One annotation, flat, as every export writes it: a sidecar annotation's fields with its anchor spread out. */
export interface ExportItem extends Omit<Annotation, 'anchor' | 'origin'> {
  /** UTF-16 offsets in the article's current text; null when the annotation is orphaned (its words are gone). */
  start: number | null;
  end: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  /** user: made by hand; accepted: an engine finding someone confirmed; detected: an engine finding no one has confirmed. */
  origin: 'user' | 'accepted' | 'detected';
}

export interface ExportDoc {
  /** The article's path as the export names it (relative to where the export runs, with / separators). */
  name: string;
  /** An IRI of the article (for W3C `source`), ending in its file name. */
  iri: string;
  text: string;
  published: string | null;
  items: ExportItem[];
  /** Relations between annotations; `to` may name another article's annotation (`other.txt#id`). */
  relations: Relation[];
}

// ---------------------------------------------------------------------------------------------------------------
// Code points and UTF-16 units

/** The code-point offset of a UTF-16 offset (a surrogate pair counts once). */
export function toCodePoints(text: string, utf16: number): number {
  return pointCounter(text)(Math.min(utf16, text.length));
}

/** The UTF-16 offset of a code-point offset; null when the text is shorter. */
export function fromCodePoints(text: string, points: number): number | null {
  let i = 0;
  for (let n = 0; n < points; n++) {
    if (i >= text.length) return null;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

/** A converter for many offsets of one text (sorted or not), without rescanning from the start each time. */
function pointCounter(text: string): (utf16: number) => number {
  const astral: number[] = []; // UTF-16 offsets of the second halves of surrogate pairs
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) astral.push(++i);
  }
  return (u: number) => {
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return u - lo;
  };
}

/** The inverse of pointCounter: UTF-16 offsets of many code-point offsets of one text (null past its end). */
function unitCounter(text: string): (points: number) => number | null {
  const astral: number[] = []; // code-point offsets of characters written as surrogate pairs
  let points = 0;
  for (let i = 0; i < text.length; i++, points++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      astral.push(points);
      i++;
    }
  }
  return (p: number) => {
    if (!Number.isInteger(p) || p < 0 || p > points) return null;
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    return p + lo;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What is exported

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The items of an article: its sidecar's annotations, found in the current text, and with `detected` the engine's
 * findings that no annotation covers and the user has not rejected.
 */
export function exportItems(text: string, sidecar: SidecarData | null, detected: Analysis | null): ExportItem[] {
  const items: ExportItem[] = [];
  for (const a of sidecar?.annotations ?? []) {
    const at = locate(text, a.anchor);
    const found = at.start !== null && at.end !== null;
    const anchor = found ? anchorAt(text, at.start!, at.end!) : a.anchor;
    items.push({
      ...fieldsOf(a),
      start: found ? at.start : null,
      end: found ? at.end : null,
      exact: anchor.exact,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      origin: a.origin ?? 'user',
    });
  }
  if (detected) {
    // The findings the editor shows: not under an annotation of their kind, not rejected (the same rule as there).
    const suppressed = sidecar?.suppressed ?? [];
    const add = (f: Omit<Finding, 'kind'> & { kind: string }) => {
      if (
        f.start >= f.end ||
        isSuppressed(text, suppressed, f) ||
        items.some(x => x.kind === f.kind && x.start !== null && x.start < f.end && f.start < x.end!)
      )
        return;
      const anchor = anchorAt(text, f.start, f.end);
      items.push({
        id: `d${(fnv1a(`${f.kind}:${f.start}:${f.end}`) >>> 0).toString(36)}`,
        kind: f.kind,
        start: f.start,
        end: f.end,
        exact: anchor.exact,
        prefix: anchor.prefix,
        suffix: anchor.suffix,
        ...f.fields,
        origin: 'detected',
      });
    };
    for (const f of findingsOf(detected)) add(f);
    // And who said each claim: its source, as the source annotation accepting it would make.
    for (const x of detected.attributions)
      if (x.source)
        add({
          kind: 'source',
          start: x.source.start,
          end: x.source.end,
          fields: x.speaker ? { canonical: x.speaker } : {},
        });
  }
  return items.sort(
    (a, b) =>
      (a.start ?? Infinity) - (b.start ?? Infinity) || (a.end ?? 0) - (b.end ?? 0) || a.kind.localeCompare(b.kind),
  );
}

const FIELDS = [
  'id',
  'kind',
  'type',
  'canonical',
  'value',
  'mod',
  'speaker',
  'cue',
  'status',
  'note',
  'tags',
  'author',
  'created',
] as const;

function fieldsOf(a: Annotation): Omit<ExportItem, 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'origin'> {
  const out: Record<string, unknown> = {};
  for (const k of FIELDS) if (a[k] !== undefined) out[k] = a[k];
  return out as Omit<ExportItem, 'start' | 'end' | 'exact' | 'prefix' | 'suffix' | 'origin'>;
}

/** The annotation an imported item becomes, anchored in the text (null when its words are not there). */
function toAnnotation(
  text: string,
  it: Omit<ExportItem, 'origin'> & { origin?: ExportItem['origin'] },
): Annotation | null {
  let anchor: Anchor | null = null;
  if (
    it.start !== null &&
    it.end !== null &&
    it.start >= 0 &&
    it.end <= text.length &&
    text.slice(it.start, it.end) === it.exact
  ) {
    anchor = anchorAt(text, it.start, it.end);
  } else if (it.exact) {
    const at = locate(text, {
      exact: it.exact,
      prefix: it.prefix,
      suffix: it.suffix,
      start: it.start ?? 0,
      end: it.end ?? 0,
    });
    if (at.start !== null && at.end !== null) anchor = anchorAt(text, at.start, at.end);
    else {
      // From another tool, with little or no context: the one place where the quote stands with what context it gives.
      // (Where the quote with that context occurs: found through the text's index when many are imported.)
      const [i, next] = firstTwo(text, it.prefix + it.exact + it.suffix);
      if (i >= 0 && next < 0) anchor = anchorAt(text, i + it.prefix.length, i + it.prefix.length + it.exact.length);
    }
  }
  if (!anchor) return null;
  const a: Record<string, unknown> = { id: it.id, kind: it.kind, anchor };
  for (const k of FIELDS) if (k !== 'id' && k !== 'kind' && it[k] !== undefined && it[k] !== '') a[k] = it[k];
  // An engine finding that is imported has been looked at by whoever exported it: it is confirmed now.
  if (it.origin === 'accepted' || it.origin === 'detected') a.origin = 'accepted';
  // What a sidecar cannot hold as such is kept in the note rather than lost.
  if (a.status !== undefined && !(CLAIM_STATUSES as readonly unknown[]).includes(a.status)) {
    a.note = [a.note, `status: ${a.status}`].filter(Boolean).join('\n');
    delete a.status;
  }
  if (a.kind === 'entity' && a.type !== undefined && !(ENTITY_TYPES as readonly unknown[]).includes(a.type)) {
    a.note = [a.note, `type: ${a.type}`].filter(Boolean).join('\n');
    delete a.type;
  }
  return a as unknown as Annotation;
}

// ---------------------------------------------------------------------------------------------------------------
// W3C Web Annotation

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const NM = 'urn:newsmark:terms:'; // Newsmark's own terms, for what the model has no place for
const PAGE_SIZE = 500;

export interface W3COptions {
  /** When the export was made (ISO 8601 date-time); the collection's `generated`. */
  generated: string;
  /** The collection's id (an IRI). */
  id?: string;
}

const MOTIVATION: Record<string, string> = {
  entity: 'identifying',
  date: 'describing',
  claim: 'assessing',
  source: 'identifying',
  note: 'commenting',
};

function w3cAnnotation(
  doc: ExportDoc,
  docKey: string,
  it: ExportItem,
  points: (u: number) => number,
): Record<string, unknown> {
  const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: it.kind }];
  for (const t of it.tags ?? []) body.push({ type: 'TextualBody', purpose: 'tagging', value: t });
  if (it.type) body.push({ type: 'TextualBody', purpose: 'classifying', value: it.type });
  if (it.canonical) body.push({ type: 'TextualBody', purpose: 'identifying', value: it.canonical });
  if (it.value) body.push({ type: 'TextualBody', purpose: 'describing', value: it.value });
  if (it.speaker)
    body.push({
      type: 'TextualBody',
      purpose: 'describing',
      value: `said by ${it.speaker}${it.cue ? ` (“${it.cue}”)` : ''}`,
    });
  if (it.status) body.push({ type: 'TextualBody', purpose: 'assessing', value: it.status });
  if (it.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: it.note });
  const selector: Record<string, unknown>[] = [
    { type: 'TextQuoteSelector', exact: it.exact, prefix: it.prefix, suffix: it.suffix },
  ];
  if (it.start !== null && it.end !== null)
    selector.push({ type: 'TextPositionSelector', start: points(it.start), end: points(it.end) });
  const a: Record<string, unknown> = {
    '@context': [W3C_CONTEXT, { nm: NM }],
    id: `urn:newsmark:${docKey}:${encodeURIComponent(it.id)}`,
    type: 'Annotation',
    motivation:
      it.kind === 'note' || (it.note && !MOTIVATION[it.kind]) ? 'commenting' : (MOTIVATION[it.kind] ?? 'tagging'),
    body,
    target: { type: 'SpecificResource', source: doc.iri, selector },
  };
  if (it.created && DATE_TIME.test(it.created)) a.created = it.created;
  if (it.author) a.creator = { type: 'Person', name: it.author };
  if (it.origin === 'detected') a.generator = { type: 'Software', name: 'Newsmark' };
  // The fields as Newsmark keeps them, so that an import gives back exactly what was exported.
  const fields: Record<string, unknown> = { origin: it.origin };
  for (const k of FIELDS) if (it[k] !== undefined) fields[k] = it[k];
  a['nm:fields'] = fields;
  return a;
}

/** An AnnotationCollection of the articles' annotations, in pages of up to 500, each page embedded in the one before. */
export function toW3C(docs: ExportDoc[], opts: W3COptions): Record<string, unknown> {
  const all: Record<string, unknown>[] = [];
  for (const d of docs) {
    const points = pointCounter(d.text);
    const key = fnv1a(d.name).toString(36);
    for (const it of d.items) all.push(w3cAnnotation(d, key, it, points));
  }
  const id = opts.id ?? `urn:newsmark:collection:${fnv1a(docs.map(d => d.name).join('\n')).toString(36)}`;
  const pages: Record<string, unknown>[] = [];
  for (let i = 0; i === 0 || i < all.length; i += PAGE_SIZE) {
    pages.push({
      id: `${id}:page${pages.length + 1}`,
      type: 'AnnotationPage',
      partOf: id,
      startIndex: i,
      items: all.slice(i, i + PAGE_SIZE),
    });
  }
  for (let k = pages.length - 2; k >= 0; k--) pages[k].next = pages[k + 1];
  return {
    '@context': W3C_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: `Newsmark annotations of ${docs.length} article${docs.length === 1 ? '' : 's'}`,
    total: all.length,
    generated: opts.generated,
    generator: { type: 'Software', name: 'Newsmark' },
    first: pages[0],
    last: pages[pages.length - 1].id,
  };
}

/** Every annotation in a W3C document: a collection (pages embedded), a page, an annotation or a list of them. */
export function w3cAnnotations(json: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const seen = new Set<unknown>();
  // Walked with a stack of its own, not by recursion: a page chain 20,000 long or lists nested 100,000 deep
  // must not overflow the call stack. Items keep their order (the stack is filled in reverse).
  const stack: unknown[] = [json];
  while (stack.length) {
    const x = stack.pop();
    if (!x || typeof x !== 'object' || seen.has(x)) continue;
    seen.add(x);
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
      continue;
    }
    const o = x as Record<string, unknown>;
    const type = ([] as unknown[]).concat(o.type);
    if (type.includes('Annotation')) out.push(o);
    else if (type.includes('AnnotationCollection')) stack.push(o.first);
    else if (type.includes('AnnotationPage')) {
      stack.push(o.next);
      stack.push(o.items);
    }
  }
  return out;
}

export interface ImportResult {
  /** By article name (as given to the import): the annotations to add. */
  annotations: Map<string, Annotation[]>;
  relations: Map<string, Relation[]>;
  /** Annotations that could not be imported, each with why. */
  problems: string[];
}

/**
 * Annotations from W3C JSON for the given articles: each annotation goes to the article whose name its target's
 * `source` ends with, and is anchored by its TextPositionSelector (code points) when the quote is there, else by
 * its TextQuoteSelector.
 */
export function fromW3C(json: unknown, articles: { name: string; text: string }[]): ImportResult {
  const res: ImportResult = { annotations: new Map(), relations: new Map(), problems: [] };
  const base = (p: string) => p.replace(/\\/g, '/').split('/').pop()!;
  const units = new Map<string, (points: number) => number | null>();
  const unitsOf = (text: string) => {
    let u = units.get(text);
    if (!u) units.set(text, (u = unitCounter(text)));
    return u;
  };
  for (const [k, a] of w3cAnnotations(json).entries()) {
    const label = typeof a.id === 'string' ? a.id : `annotation ${k + 1}`;
    const target = ([] as unknown[]).concat(a.target)[0] as Record<string, unknown> | string | undefined;
    const source =
      typeof target === 'string' ? target.split('#')[0] : typeof target?.source === 'string' ? target.source : '';
    let src = source;
    try {
      src = decodeURIComponent(source);
    } catch {
      /* bad percent-encoding: matched as written */
    }
    // The longest article name the source ends with (a/b/x.txt before x.txt).
    const art = articles
      .filter(x => src.endsWith('/' + x.name.replace(/\\/g, '/')) || src === x.name || base(src) === base(x.name))
      .sort(
        (x, y) => (src.endsWith(y.name) ? 1 : 0) - (src.endsWith(x.name) ? 1 : 0) || y.name.length - x.name.length,
      )[0];
    if (!art) {
      res.problems.push(`${label}: its target (${source || 'none'}) is none of the articles given`);
      continue;
    }
    const selectors =
      typeof target === 'object' ? (([] as unknown[]).concat(target.selector ?? []) as Record<string, unknown>[]) : [];
    const quote = selectors.find(s => s?.type === 'TextQuoteSelector');
    const pos = selectors.find(s => s?.type === 'TextPositionSelector');
    const start = typeof pos?.start === 'number' ? unitsOf(art.text)(pos.start) : null;
    const end = typeof pos?.end === 'number' ? unitsOf(art.text)(pos.end) : null;
    const exact =
      typeof quote?.exact === 'string' ? quote.exact : start !== null && end !== null ? art.text.slice(start, end) : '';
    if (!exact) {
      res.problems.push(`${label}: no TextQuoteSelector or TextPositionSelector to place it by`);
      continue;
    }
    const fields = (a['nm:fields'] ?? a[`${NM}fields`]) as Record<string, unknown> | undefined;
    const item = fields ? itemFromFields(fields) : itemFromBodies(a, k);
    const ann = toAnnotation(art.text, {
      ...item,
      start,
      end,
      exact,
      prefix: String(quote?.prefix ?? ''),
      suffix: String(quote?.suffix ?? ''),
    });
    if (!ann) {
      res.problems.push(`${label}: “${clip(exact, 60)}” is not in ${art.name}`);
      continue;
    }
    push(res.annotations, art.name, ann);
  }
  return res;
}

function itemFromFields(f: Record<string, unknown>): Omit<ExportItem, 'start' | 'end' | 'exact' | 'prefix' | 'suffix'> {
  const out: Record<string, unknown> = {};
  for (const k of FIELDS) {
    const v = f[k];
    if (typeof v === 'string' && v) out[k] = v;
    else if (k === 'tags' && Array.isArray(v)) out[k] = v.filter(t => typeof t === 'string');
  }
  out.id ??= 'imported';
  out.kind ??= 'note';
  out.origin = f.origin === 'accepted' || f.origin === 'detected' ? f.origin : 'user';
  return out as unknown as ExportItem;
}

/** An annotation made by another tool: its bodies say what it is. */
function itemFromBodies(
  a: Record<string, unknown>,
  k: number,
): Omit<ExportItem, 'start' | 'end' | 'exact' | 'prefix' | 'suffix'> {
  const bodies = ([] as unknown[]).concat(
    a.body ?? [],
    a.bodyValue !== undefined ? [{ purpose: 'commenting', value: a.bodyValue }] : [],
  ) as Record<string, unknown>[];
  const of = (purpose: string) =>
    bodies
      .filter(
        b =>
          b &&
          typeof b.value === 'string' &&
          ([] as unknown[]).concat(b.purpose ?? (purpose === 'commenting' ? a.motivation : [])).includes(purpose),
      )
      .map(b => b.value as string);
  const tags = of('tagging');
  const kind =
    tags.find(t => (BUILTIN_KINDS as readonly string[]).includes(t)) ??
    (a.motivation === 'commenting' || !tags.length ? 'note' : tags[0]);
  const note = [
    ...of('commenting'),
    ...bodies
      .filter(b => b && typeof b.value === 'string' && !b.purpose && a.motivation !== 'commenting')
      .map(b => b.value as string),
  ].join('\n');
  const creator = ([] as unknown[]).concat(a.creator ?? [])[0] as Record<string, unknown> | string | undefined;
  const id = typeof a.id === 'string' ? `w${(fnv1a(a.id) >>> 0).toString(36)}` : `w${k}`;
  return {
    id,
    kind,
    origin: 'user',
    ...(tags.filter(t => t !== kind).length ? { tags: tags.filter(t => t !== kind) } : {}),
    ...(of('classifying')[0] ? { type: of('classifying')[0] } : {}),
    ...(of('identifying')[0] ? { canonical: of('identifying')[0] } : {}),
    ...(of('assessing')[0] ? { status: of('assessing')[0] } : {}),
    ...(note ? { note } : {}),
    ...(typeof creator === 'object' && typeof creator.name === 'string' ? { author: creator.name } : {}),
    ...(typeof a.created === 'string' ? { created: a.created } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// brat standoff

const BRAT_TYPE: Record<string, string> = {
  PERSON: 'Person',
  ORG: 'Organization',
  PLACE: 'Place',
  NORP: 'Nationality_or_group',
};
const FROM_BRAT: Record<string, [string, string?]> = {
  Person: ['entity', 'PERSON'],
  Organization: ['entity', 'ORG'],
  Place: ['entity', 'PLACE'],
  Nationality_or_group: ['entity', 'NORP'],
  Date: ['date'],
  Claim: ['claim'],
  Source: ['source'],
  Note: ['note'],
  Entity: ['entity'],
};

function bratType(it: ExportItem): string {
  if (it.kind === 'entity') return (it.type && BRAT_TYPE[it.type]) ?? 'Entity';
  if ((BUILTIN_KINDS as readonly string[]).includes(it.kind)) return it.kind[0].toUpperCase() + it.kind.slice(1);
  return it.kind.replace(/[^\p{L}\p{N}_-]+/gu, '_') || 'Label';
}

/**
 * brat's standoff for one article: T lines for the annotations (code-point offsets; text on one line, so a span
 * over a line break is written as brat's discontinuous fragments), attributions as `Said` relations from the
 * source to the claim, the sidecar's relations as R lines, statuses as attributes, notes as # lines; Newsmark's
 * own fields go into a `Newsmark` # line so that an import gives back what was exported. Orphaned annotations
 * (no place in the text) cannot be written and are returned in `skipped`.
 */
export function toBrat(doc: ExportDoc): { ann: string; skipped: string[] } {
  const points = pointCounter(doc.text);
  const lines: string[] = [];
  const skipped: string[] = [];
  const tOf = new Map<string, string>();
  let t = 0,
    n = 0,
    a = 0,
    r = 0;
  for (const it of doc.items) {
    if (it.start === null || it.end === null) {
      skipped.push(`${it.id} (“${clip(it.exact, 60)}”: not in the text any more)`);
      continue;
    }
    const tid = `T${++t}`;
    tOf.set(it.id, tid);
    // One fragment a line: brat's text field may not hold a line break.
    const frags: [number, number][] = [];
    let from = it.start;
    const span = doc.text.slice(it.start, it.end);
    for (const m of span.matchAll(/\r?\n|\r/g)) {
      const to = it.start + m.index!;
      if (to > from) frags.push([from, to]);
      from = to + m[0].length;
    }
    if (it.end > from) frags.push([from, it.end]);
    const text = frags.map(([s, e]) => doc.text.slice(s, e)).join(' ');
    lines.push(`${tid}\t${bratType(it)} ${frags.map(([s, e]) => `${points(s)} ${points(e)}`).join(';')}\t${text}`);
    if (it.status) lines.push(`A${++a}\tStatus ${tid} ${it.status.replace(/\s+/g, '_')}`);
    if (it.note) lines.push(`#${++n}\tAnnotatorNotes ${tid}\t${it.note.replace(/\s+/g, ' ')}`);
    const fields: Record<string, unknown> = { origin: it.origin };
    // (The note again, as the AnnotatorNotes line holds it on one line only.)
    for (const k of FIELDS) if (it[k] !== undefined && k !== 'status') fields[k] = it[k];
    lines.push(`#${++n}\tNewsmark ${tid}\t${JSON.stringify(fields)}`);
  }
  // Attributions: a claim's source, when it is annotated too, said it.
  const sources = doc.items.filter(x => x.kind === 'source' && tOf.has(x.id));
  for (const c of doc.items) {
    if (c.kind !== 'claim' || !tOf.has(c.id) || !c.speaker) continue;
    const s = sources.find(x => x.canonical === c.speaker || x.exact === c.speaker);
    if (s) lines.push(`R${++r}\tSaid Arg1:${tOf.get(s.id)} Arg2:${tOf.get(c.id)}`);
  }
  for (const rel of doc.relations) {
    const from = tOf.get(rel.from);
    const to = tOf.get(rel.to);
    if (from && to) lines.push(`R${++r}\t${rel.type.replace(/[^\w-]+/g, '_')} Arg1:${from} Arg2:${to}`);
    else skipped.push(`relation ${rel.from} ${rel.type} ${rel.to} (brat relations stay within one document)`);
  }
  return { ann: lines.join('\n') + (lines.length ? '\n' : ''), skipped };
}

/** The path of an article's brat files, without .txt/.ann: `a.txt` → `a`, `a.md` → `a.md` (brat reads X.txt with X.ann), never outside the output folder. */
export function bratStem(name: string): string {
  return name
    .replace(/\\/g, '/')
    .replace(/\.txt$/i, '')
    .split('/')
    .filter(x => x && x !== '..' && x !== '.')
    .join('/');
}

/**
 * What an import adds to a sidecar: annotations already there (same id and words, or same kind at the same place) are not
 * added again; an imported one whose id is taken by a different annotation gets a new id. `ids` maps each imported
 * id to the one it has in the sidecar, for the relations.
 */
export function planImport(
  existing: readonly Annotation[],
  incoming: readonly Annotation[],
): { add: Annotation[]; already: number; ids: Map<string, string> } {
  const taken = new Set(existing.map(x => x.id));
  const add: Annotation[] = [];
  const ids = new Map<string, string>();
  let already = 0;
  const byExact = new Map<string, Annotation[]>();
  for (const x of existing) push(byExact, x.anchor.exact, x);
  for (const a of incoming) {
    const same = byExact
      .get(a.anchor.exact)
      ?.find(x => x.id === a.id || (x.kind === a.kind && x.anchor.start === a.anchor.start));
    if (same) {
      already++;
      ids.set(a.id, same.id);
      continue;
    }
    let id = a.id;
    for (let n = 2; taken.has(id); n++) id = `${a.id}-${n}`;
    taken.add(id);
    ids.set(a.id, id);
    add.push(id === a.id ? a : { ...a, id });
  }
  return { add, already, ids };
}

/** Annotations and relations from a brat .ann file for the article's text (offsets in code points). */
export function fromBrat(
  ann: string,
  text: string,
  name = 'the article',
): { annotations: Annotation[]; relations: Relation[]; problems: string[] } {
  const problems: string[] = [];
  const spans = new Map<
    string,
    { type: string; start: number | null; end: number | null; exact: string; line: number }
  >();
  const notes = new Map<string, string[]>();
  const fields = new Map<string, Record<string, unknown>>();
  const status = new Map<string, string>();
  const rels: { type: string; from: string; to: string }[] = [];
  const units = unitCounter(text);
  ann.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const [id, mid, rest] = line.split('\t');
    const where = `${name}.ann line ${i + 1}`;
    if (id.startsWith('T')) {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(mid ?? '');
      if (!m) {
        problems.push(`${where}: not a text-bound annotation brat would read`);
        return;
      }
      const frags = m[2].split(';').map(f => f.split(' ').map(Number));
      const start = units(frags[0][0]);
      const end = units(frags[frags.length - 1][1]);
      const exact = start !== null && end !== null && start <= end ? text.slice(start, end) : '';
      // The quote brat keeps (fragments joined by spaces) must be what the offsets point at.
      const same = exact.replace(/\s+/g, ' ') === (rest ?? '').replace(/\s+/g, ' ');
      spans.set(id, {
        type: m[1],
        start: same ? start : null,
        end: same ? end : null,
        exact: same ? exact : (rest ?? ''),
        line: i + 1,
      });
    } else if (id.startsWith('#')) {
      const [kind, ref] = (mid ?? '').split(' ');
      if (kind === 'Newsmark') {
        try {
          fields.set(ref, JSON.parse(rest ?? '{}'));
        } catch {
          problems.push(`${where}: its Newsmark fields are not JSON (kept the annotation without them)`);
        }
      } else if (rest) {
        const l = notes.get(ref) ?? [];
        l.push(rest);
        notes.set(ref, l);
      }
    } else if (id.startsWith('A') || id.startsWith('M')) {
      const [attr, ref, value] = (mid ?? '').split(' ');
      if (attr === 'Status' && ref) status.set(ref, value ?? 'true');
    } else if (id.startsWith('R')) {
      const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(mid ?? '');
      if (m) rels.push({ type: m[1], from: m[2], to: m[3] });
      else problems.push(`${where}: a relation brat would not read`);
    } else if (id.startsWith('E') || id.startsWith('N')) {
      problems.push(`${where}: ${id.startsWith('E') ? 'events' : 'normalisations'} are not imported`);
    } else {
      problems.push(`${where}: not a brat annotation line`);
    }
  });
  const annotations: Annotation[] = [];
  const idOf = new Map<string, string>();
  const used = new Set<string>();
  for (const [tid, s] of spans) {
    const f = fields.get(tid);
    const item = f
      ? itemFromFields(f)
      : {
          id: '',
          kind: FROM_BRAT[s.type]?.[0] ?? s.type.toLowerCase(),
          origin: 'user' as const,
          ...(FROM_BRAT[s.type]?.[1] ? { type: FROM_BRAT[s.type]![1] } : {}),
        };
    if (!f || used.has(item.id)) item.id = `b${(fnv1a(`${tid}:${s.start}:${s.exact}`) >>> 0).toString(36)}`;
    used.add(item.id);
    const note = typeof f?.note === 'string' ? f.note : notes.get(tid)?.join('\n');
    const a = toAnnotation(text, {
      ...item,
      start: s.start,
      end: s.end,
      exact: s.exact,
      prefix: '',
      suffix: '',
      ...(note ? { note } : {}),
      ...(status.has(tid) ? { status: status.get(tid)!.replace(/_/g, ' ') } : {}),
    });
    if (!a) {
      problems.push(`${name}.ann line ${s.line}: “${clip(s.exact, 60)}” is not in the text`);
      continue;
    }
    idOf.set(tid, a.id);
    annotations.push(a);
  }
  const relations: Relation[] = [];
  const byId = new Map(annotations.map(a => [a.id, a]));
  for (const r of rels) {
    const from = idOf.get(r.from);
    const to = idOf.get(r.to);
    if (!from || !to) continue;
    if (r.type === 'Said') {
      // Give the claim its speaker when it has none.
      const claim = byId.get(to);
      const src = byId.get(from);
      if (claim && src && !claim.speaker) claim.speaker = src.canonical ?? src.anchor.exact;
    } else if ((RELATION_TYPES as readonly string[]).includes(r.type)) {
      relations.push({ from, to, type: r.type });
    } else {
      problems.push(`${name}.ann: relation ${r.type} is none of ${RELATION_TYPES.join(', ')} and is not imported`);
    }
  }
  return { annotations, relations, problems };
}

// ---------------------------------------------------------------------------------------------------------------
// CSV and JSON Lines

const CSV_COLUMNS = [
  'article',
  'id',
  'kind',
  'start',
  'end',
  'start_cp',
  'end_cp',
  'text',
  'type',
  'canonical',
  'value',
  'mod',
  'speaker',
  'cue',
  'status',
  'note',
  'tags',
  'origin',
  'author',
  'created',
] as const;

function csvCell(v: unknown): string {
  const s = v === undefined || v === null ? '' : Array.isArray(v) ? v.join(';') : String(v);
  // Quoted when it must be; a leading = + - @ would be read as a formula by spreadsheets, so it is quoted and marked.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(?:\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One row per annotation, with a header; offsets both in UTF-16 units (start, end: Python and R string indices
 * differ, so code points are given too: start_cp, end_cp, which Python's str and R's substr use).
 */
export function toCsv(docs: ExportDoc[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const d of docs) {
    const points = pointCounter(d.text);
    for (const it of d.items) {
      const row: Record<string, unknown> = {
        ...it,
        article: d.name,
        start_cp: it.start === null ? '' : points(it.start),
        end_cp: it.end === null ? '' : points(it.end),
        text: it.exact,
      };
      rows.push(CSV_COLUMNS.map(c => csvCell(row[c])).join(','));
    }
  }
  return rows.join('\r\n') + '\r\n';
}

/** Rows of a CSV text (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** CSV rows back as items (the inverse of toCsv, for round trips and for reading a spreadsheet back). */
export function fromCsv(text: string): { article: string; item: ExportItem }[] {
  const [head, ...rows] = parseCsv(text);
  const col = (name: string) => head.indexOf(name);
  return rows
    .filter(r => r.length > 1)
    .map(r => {
      const get = (name: string) => {
        const v = r[col(name)] ?? '';
        return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
      };
      const item: Record<string, unknown> = {
        start: get('start') === '' ? null : Number(get('start')),
        end: get('end') === '' ? null : Number(get('end')),
        exact: get('text'),
        prefix: '',
        suffix: '',
      };
      for (const k of FIELDS) {
        const v = get(k);
        if (v) item[k] = k === 'tags' ? v.split(';') : v;
      }
      item.origin = get('origin') || 'user';
      return { article: get('article'), item: item as unknown as ExportItem };
    });
}

/** One JSON object a line, one line an article: its text and its annotations as character spans (UTF-16 and code points). */
export function toJsonl(docs: ExportDoc[]): string {
  return (
    docs
      .map(d => {
        const points = pointCounter(d.text);
        return JSON.stringify({
          article: d.name,
          published: d.published,
          text: d.text,
          offsets: 'utf16',
          annotations: d.items.map(it => ({
            ...it,
            start_cp: it.start === null ? null : points(it.start),
            end_cp: it.end === null ? null : points(it.end),
          })),
          relations: d.relations,
        });
      })
      .join('\n') + (docs.length ? '\n' : '')
  );
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
