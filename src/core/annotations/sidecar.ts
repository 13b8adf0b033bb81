// Sidecars: the YAML file beside an article that holds what researchers made of it.
//
// Reading checks the file against the format with messages that name the line, and refuses what could hurt
// (YAML alias bombs, oversized files, relations that point outside the workspace). Writing changes only the
// lines it must: edits are spliced into the text at the places the parser reports, so comments, unknown keys
// and key order survive, and a git diff shows one annotation added, not a reformatted file.

import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Anchor } from './anchor';
import { fastRead, type FastSpans } from './sidecarFast';
import { fnv1a } from '../engine/text';

export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.newsmark.yaml';
export const BUILTIN_KINDS = ['entity', 'date', 'claim', 'source', 'note'] as const;
export const CLAIM_STATUSES = ['unverified', 'verified', 'disputed', 'false'] as const;
export const RELATION_TYPES = ['supports', 'contradicts', 'same-claim', 'same-entity'] as const;
export const ENTITY_TYPES = ['PERSON', 'ORG', 'PLACE', 'NORP'] as const;

export interface DocumentMeta {
  title?: string;
  outlet?: string;
  url?: string;
  byline?: string;
  /** YYYY-MM-DD; the engine resolves dates against it. */
  published?: string;
}

export interface Annotation {
  id: string;
  /** entity, date, claim, source, note, or a custom label. */
  kind: string;
  anchor: Anchor;
  type?: string;
  canonical?: string;
  value?: string;
  mod?: string;
  speaker?: string;
  cue?: string;
  status?: string;
  note?: string;
  tags?: string[];
  /** user: made by hand; accepted: a finding of the engine that someone confirmed. */
  origin?: 'user' | 'accepted';
  author?: string;
  created?: string;
}

export interface Relation {
  from: string;
  /** An id in this sidecar, or `other.txt#id` in the sidecar of another article (path relative to this one). */
  to: string;
  type: string;
}

/** An automatic finding the user rejected: it stays hidden while these words are there. */
export interface Suppressed {
  kind: string;
  exact: string;
  start: number;
  end: number;
}

/** A contradiction between articles that the user dismissed: hidden while both statements read the same. */
export interface Dismissed {
  /** The statement in this article. */
  exact: string;
  /** The other article (path relative to this one) and its statement. */
  other: string;
  otherExact: string;
}

export interface SidecarData {
  version: number;
  document: DocumentMeta;
  annotations: Annotation[];
  relations: Relation[];
  suppressed: Suppressed[];
  dismissed: Dismissed[];
}

export interface Problem {
  /** 1-based line and column, 0 when the problem is with the file as a whole. */
  line: number;
  col: number;
  message: string;
}

export interface ReadLimits {
  /** Largest sidecar read, in bytes of UTF-16 text (characters). */
  maxChars?: number;
  /** Most alias expansions allowed (YAML bombs). */
  maxAliases?: number;
  /**
   * The folder of the sidecar's article inside the workspace, relative to the workspace's root with / separators
   * ('' at the root). Given, a relation or dismissal naming an article above the root (`../../etc/passwd`) is
   * refused on its line.
   */
  within?: string;
}

export const DEFAULT_LIMITS: Required<Omit<ReadLimits, 'within'>> = { maxChars: 5 * 1024 * 1024, maxAliases: 100 };

export type ReadResult = { ok: true; file: SidecarFile } | { ok: false; problems: Problem[] };

/** The text of a new sidecar, before its first annotation. */
export function newSidecarText(articleName: string, meta: DocumentMeta = {}): string {
  const lines = [
    `# Newsmark annotations for ${articleName}. Edit freely: Newsmark keeps what it does not know.`,
    `version: ${SIDECAR_VERSION}`,
  ];
  const keys = Object.entries(meta).filter(([, v]) => v !== undefined && v !== '');
  lines.push(keys.length ? 'document:' : 'document: {}');
  for (const [k, v] of keys) lines.push(`  ${k}: ${scalar(v)}`);
  lines.push('annotations: []', '');
  return lines.join('\n');
}

/** A YAML scalar for a value: plain when safe, else double-quoted (JSON string syntax is valid YAML). */
export function scalar(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(scalar).join(', ')}]`;
  const s = String(v);
  const plainSafe =
    /^[\p{L}\p{N}_][\p{L}\p{N} _./@()'’-]*$/u.test(s) &&
    !/\s$/.test(s) &&
    !/^(?:true|false|null|yes|no|on|off|~|[-+]?\d[\d_.:eE+-]*)$/i.test(s) &&
    !/: | #/.test(s);
  return plainSafe ? s : JSON.stringify(s);
}

function isoDay(s: unknown): boolean {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);
}

/** An anchor as a YAML flow mapping (with its rivals when it has them: anchors made before them have none). */
function anchorYaml(an: Anchor): string {
  const r = an.rivals;
  const rivals = r
    ? `, rivals: { ${(['before', 'after', 'edits'] as const)
        .filter(k => typeof r[k] === 'number')
        .map(k => `${k}: ${r[k]}`)
        .join(', ')} }`
    : '';
  return `{ exact: ${JSON.stringify(an.exact)}, prefix: ${JSON.stringify(an.prefix)}, suffix: ${JSON.stringify(an.suffix)}${rivals}, start: ${an.start}, end: ${an.end} }`;
}

/** The YAML of one annotation as a block sequence item, indented by `indent` spaces. */
export function annotationYaml(a: Annotation, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines = [`${pad}- id: ${scalar(a.id)}`, `${pad}  kind: ${scalar(a.kind)}`];
  const an = a.anchor;
  lines.push(`${pad}  anchor: ${anchorYaml(an)}`);
  for (const k of FIELD_ORDER) {
    const v = a[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    lines.push(`${pad}  ${k}: ${scalar(v)}`);
  }
  return lines.join('\n') + '\n';
}

const FIELD_ORDER = [
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
type Field = (typeof FIELD_ORDER)[number];

/** Where problems are in the text. */
class Lines {
  constructor(private readonly counter: LineCounter) {}
  at(node: Node | Pair | null | undefined, message: string): Problem {
    const offset =
      (node && 'range' in node && node.range ? node.range[0] : undefined) ??
      (node && 'key' in node && isScalar(node.key) && node.key.range ? node.key.range[0] : 0);
    const p = this.counter.linePos(offset);
    return { line: p.line, col: p.col, message };
  }
}

/**
 * Reads a sidecar. Never throws on bad input: a file that does not parse, breaks a limit or does not follow the
 * format gives problems with the line they are on, and no data (so nothing can be written over it).
 */
export function readSidecar(text: string, limits: ReadLimits = {}): ReadResult {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  if (text.length > lim.maxChars) {
    return {
      ok: false,
      problems: [
        {
          line: 0,
          col: 0,
          message: `the sidecar is ${text.length} characters long, over the limit of ${lim.maxChars}; it was not read`,
        },
      ],
    };
  }
  // The shape Newsmark writes, read without the library's document (built when an edit needs it); checked against
  // the format on the data. Anything else, and any file with a problem (for the messages), is read by the library.
  const fast = fastRead(text);
  if (fast && validData(fast.js, limits.within))
    return { ok: true, file: new SidecarFile(text, null, normalise(fast.js), fast.spans) };
  return readSidecarFully(text, limits);
}

/** Options of every parse of a sidecar by the YAML library. */
const PARSE = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

/** Reads a sidecar with the YAML library (what readSidecar does for a text outside Newsmark's shape); for tests. */
export function readSidecarFully(text: string, limits: ReadLimits = {}): ReadResult {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  if (text.length > lim.maxChars) {
    return {
      ok: false,
      problems: [
        {
          line: 0,
          col: 0,
          message: `the sidecar is ${text.length} characters long, over the limit of ${lim.maxChars}; it was not read`,
        },
      ],
    };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, ...PARSE });
  const lines = new Lines(counter);
  if (doc.errors.length) {
    return {
      ok: false,
      problems: doc.errors.map(e => ({ ...pos(counter, e.pos[0]), message: `YAML: ${e.message.split('\n')[0]}` })),
    };
  }
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: lim.maxAliases });
  } catch (e) {
    return {
      ok: false,
      problems: [
        {
          line: 0,
          col: 0,
          message: `the sidecar was not read: ${(e as Error).message} (alias expansion is limited, against YAML bombs)`,
        },
      ],
    };
  }
  const problems = validate(doc, js, lines, limits.within);
  if (problems.length) return { ok: false, problems };
  return { ok: true, file: new SidecarFile(text, doc, normalise(js as Record<string, unknown>)) };
}

function pos(counter: LineCounter, offset: number): { line: number; col: number } {
  const p = counter.linePos(offset);
  return { line: p.line, col: p.col };
}

function normalise(js: Record<string, unknown>): SidecarData {
  return {
    version: js.version as number,
    document: (js.document as DocumentMeta) ?? {},
    annotations: (js.annotations as Annotation[]) ?? [],
    relations: (js.relations as Relation[]) ?? [],
    suppressed: (js.suppressed as Suppressed[]) ?? [],
    dismissed: (js.dismissed as Dismissed[]) ?? [],
  };
}

/**
 * Relations may name another article by a relative path that stays inside the workspace (`within`: the article's
 * folder relative to the workspace's root, when known).
 */
export function relationTargetProblem(to: string, within?: string): string | null {
  const hash = to.indexOf('#');
  if (hash < 0) return null;
  if (!to.slice(hash + 1)) return `relation target "${to}" names no annotation after #`;
  return otherArticleProblem(to.slice(0, hash), within, 'relation target');
}

/** A path to another article that is absolute, an address, or climbs out of the workspace. */
export function otherArticleProblem(path: string, within: string | undefined, what: string): string | null {
  if (
    /^[a-z][a-z0-9+.-]*:/i.test(path) ||
    path.startsWith('/') ||
    path.startsWith('\\') ||
    /^[A-Za-z]:/.test(path) ||
    path.includes('\0')
  ) {
    return `${what} "${path}" must be a path relative to this article, not an absolute path or address`;
  }
  if (within === undefined) return null;
  const at = within.split('/').filter(x => x && x !== '.');
  for (const part of path.split(/[\\/]/)) {
    if (part === '..') {
      if (at.pop() === undefined) return `${what} "${path}" points outside the workspace; refused`;
    } else if (part && part !== '.') at.push(part);
  }
  return null;
}

function validate(doc: Document, js: unknown, lines: Lines, within: string | undefined): Problem[] {
  const out: Problem[] = [];
  const root = doc.contents;
  if (!isMap(root) || js === null || typeof js !== 'object')
    return [{ line: 1, col: 1, message: 'a sidecar is a YAML mapping with version, document and annotations' }];
  const get = (m: YAMLMap, key: string) => m.items.find(p => isScalar(p.key) && p.key.value === key);
  const version = get(root, 'version');
  if (!version) out.push({ line: 1, col: 1, message: `missing "version: ${SIDECAR_VERSION}"` });
  else if (!isScalar(version.value) || version.value.value !== SIDECAR_VERSION)
    out.push(lines.at(version.value as Node, `version must be ${SIDECAR_VERSION}; this Newsmark reads no other`));

  const meta = get(root, 'document');
  if (meta && meta.value !== null && !isMap(meta.value))
    out.push(lines.at(meta.value as Node, 'document must be a mapping (title, outlet, url, byline, published)'));
  if (meta && isMap(meta.value)) {
    const pub = get(meta.value, 'published');
    if (pub && !(isScalar(pub.value) && isoDay(pub.value.value)))
      out.push(lines.at(pub.value as Node, 'published must be a date as YYYY-MM-DD'));
    for (const k of ['title', 'outlet', 'url', 'byline']) {
      const p = get(meta.value, k);
      if (p && !(isScalar(p.value) && (typeof p.value.value === 'string' || p.value.value === null)))
        out.push(lines.at(p.value as Node, `${k} must be text`));
    }
  }

  const ids = new Set<string>();
  const anns = get(root, 'annotations');
  if (anns && anns.value !== null && !isSeq(anns.value))
    out.push(lines.at(anns.value as Node, 'annotations must be a list'));
  if (anns && isSeq(anns.value)) {
    for (const item of anns.value.items) {
      if (!isMap(item)) {
        out.push(lines.at(item as Node, 'each annotation must be a mapping with id, kind and anchor'));
        continue;
      }
      const id = get(item, 'id');
      const idv = id && isScalar(id.value) ? id.value.value : undefined;
      if (typeof idv !== 'string' || !idv) out.push(lines.at(item, 'annotation without an id (a short unique text)'));
      else if (ids.has(idv)) out.push(lines.at(id!.value as Node, `duplicate annotation id "${idv}"`));
      else ids.add(idv);
      const kind = get(item, 'kind');
      if (!kind || !isScalar(kind.value) || typeof kind.value.value !== 'string' || !kind.value.value)
        out.push(
          lines.at(
            item,
            `annotation ${idv ?? ''} needs a kind (${BUILTIN_KINDS.join(', ')}, or a label)`.replace('  ', ' '),
          ),
        );
      const anchor = get(item, 'anchor');
      if (!anchor || !isMap(anchor.value))
        out.push(
          lines.at(
            item,
            `annotation ${idv ?? ''} needs an anchor with exact, prefix, suffix, start and end`.replace('  ', ' '),
          ),
        );
      else {
        const a = anchor.value;
        for (const k of ['exact', 'prefix', 'suffix']) {
          const p = get(a, k);
          if (!p || !isScalar(p.value) || typeof p.value.value !== 'string')
            out.push(lines.at((p?.value as Node) ?? a, `anchor ${k} must be text`));
        }
        const nums = ['start', 'end'].map(k => {
          const p = get(a, k);
          const v = p && isScalar(p.value) ? p.value.value : undefined;
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
            out.push(lines.at((p?.value as Node) ?? a, `anchor ${k} must be a whole number ≥ 0`));
            return -1;
          }
          return v;
        });
        if (nums[0] >= 0 && nums[1] >= 0 && nums[0] > nums[1])
          out.push(lines.at(a, 'anchor start must not be after its end'));
        const rv = get(a, 'rivals');
        if (
          rv &&
          !(
            isMap(rv.value) &&
            rv.value.items.every(
              p =>
                isScalar(p.key) &&
                ['before', 'after', 'edits'].includes(String(p.key.value)) &&
                isScalar(p.value) &&
                typeof p.value.value === 'number' &&
                Number.isInteger(p.value.value) &&
                p.value.value >= 0,
            )
          )
        ) {
          out.push(
            lines.at(
              (rv.value as Node) ?? a,
              'anchor rivals must be a mapping of whole numbers ≥ 0 (before, after, edits); delete it to find the annotation as older anchors are',
            ),
          );
        }
      }
      const status = get(item, 'status');
      if (status && !(isScalar(status.value) && (CLAIM_STATUSES as readonly unknown[]).includes(status.value.value)))
        out.push(lines.at(status.value as Node, `status must be one of ${CLAIM_STATUSES.join(', ')}`));
      const type = get(item, 'type');
      const kindv = kind && isScalar(kind.value) ? kind.value.value : undefined;
      if (
        type &&
        kindv === 'entity' &&
        !(isScalar(type.value) && (ENTITY_TYPES as readonly unknown[]).includes(type.value.value))
      )
        out.push(lines.at(type.value as Node, `an entity's type must be one of ${ENTITY_TYPES.join(', ')}`));
      const tags = get(item, 'tags');
      if (tags && !(isSeq(tags.value) && tags.value.items.every(t => isScalar(t) && typeof t.value === 'string')))
        out.push(lines.at(tags.value as Node, 'tags must be a list of words'));
    }
  }

  const rels = get(root, 'relations');
  if (rels && rels.value !== null && !isSeq(rels.value))
    out.push(lines.at(rels.value as Node, 'relations must be a list'));
  if (rels && isSeq(rels.value)) {
    for (const item of rels.value.items) {
      if (!isMap(item)) {
        out.push(lines.at(item as Node, 'each relation must be a mapping with from, to and type'));
        continue;
      }
      const vals = Object.fromEntries(
        ['from', 'to', 'type'].map(k => {
          const p = get(item, k);
          return [k, p && isScalar(p.value) ? p.value.value : undefined];
        }),
      );
      if (typeof vals.from !== 'string' || typeof vals.to !== 'string')
        out.push(lines.at(item, 'a relation needs from and to (annotation ids; another article’s as path#id)'));
      if (!(RELATION_TYPES as readonly unknown[]).includes(vals.type))
        out.push(lines.at(item, `relation type must be one of ${RELATION_TYPES.join(', ')}`));
      if (typeof vals.to === 'string') {
        const p = relationTargetProblem(vals.to, within);
        if (p) out.push(lines.at(item, p));
      }
      if (typeof vals.from === 'string' && !vals.from.includes('#') && ids.size && !ids.has(vals.from))
        out.push(lines.at(item, `relation from "${vals.from}": no annotation has that id`));
    }
  }

  const dis = get(root, 'dismissed');
  if (dis && dis.value !== null && !isSeq(dis.value))
    out.push(lines.at(dis.value as Node, 'dismissed must be a list of { exact, other, otherExact }'));
  if (dis && isSeq(dis.value)) {
    for (const i of dis.value.items) {
      const j = isMap(i) ? (i.toJSON() as Record<string, unknown>) : null;
      if (!j || typeof j.exact !== 'string' || typeof j.other !== 'string' || typeof j.otherExact !== 'string') {
        out.push(
          lines.at(
            i as Node,
            'a dismissed contradiction needs exact, other and otherExact (other: a path relative to this article)',
          ),
        );
        continue;
      }
      const p = otherArticleProblem(j.other, within, 'dismissed: other article');
      if (p) out.push(lines.at(i as Node, p));
    }
  }

  const sup = get(root, 'suppressed');
  if (sup && sup.value !== null && !isSeq(sup.value))
    out.push(lines.at(sup.value as Node, 'suppressed must be a list'));
  if (sup && isSeq(sup.value)) {
    for (const item of sup.value.items) {
      const js2 = isMap(item) ? (item.toJSON() as Record<string, unknown>) : null;
      if (
        !js2 ||
        typeof js2.exact !== 'string' ||
        typeof js2.kind !== 'string' ||
        !Number.isInteger(js2.start) ||
        !Number.isInteger(js2.end)
      ) {
        out.push(lines.at(item as Node, 'a suppressed finding needs kind, exact, start and end'));
      }
    }
  }
  return out;
}

/**
 * validate on the data of a sidecar read by the fast reader: true only when validate finds nothing (else the
 * library reads the file again, for the messages with their lines). Kept check for check beside validate.
 */
function validData(js: Record<string, unknown>, within: string | undefined): boolean {
  const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  const isMapJs = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  const str = (v: unknown): v is string => typeof v === 'string';
  const whole = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!isMapJs(js) || js.version !== SIDECAR_VERSION) return false;
  if (has(js, 'document')) {
    const d = js.document;
    if (!isMapJs(d)) return false;
    if (has(d, 'published') && !isoDay(d.published)) return false;
    for (const k of ['title', 'outlet', 'url', 'byline']) if (has(d, k) && !(str(d[k]) || d[k] === null)) return false;
  }
  const ids = new Set<string>();
  if (has(js, 'annotations')) {
    if (!Array.isArray(js.annotations)) return false;
    for (const a of js.annotations) {
      if (!isMapJs(a)) return false;
      if (!str(a.id) || !a.id || ids.has(a.id)) return false;
      ids.add(a.id);
      if (!str(a.kind) || !a.kind) return false;
      const an = a.anchor;
      if (!isMapJs(an)) return false;
      if (!str(an.exact) || !str(an.prefix) || !str(an.suffix)) return false;
      if (!whole(an.start) || !whole(an.end) || (an.start as number) > (an.end as number)) return false;
      if (has(an, 'rivals')) {
        const r = an.rivals;
        if (!isMapJs(r) || !Object.entries(r).every(([k, v]) => ['before', 'after', 'edits'].includes(k) && whole(v)))
          return false;
      }
      if (has(a, 'status') && !(CLAIM_STATUSES as readonly unknown[]).includes(a.status)) return false;
      if (has(a, 'type') && a.kind === 'entity' && !(ENTITY_TYPES as readonly unknown[]).includes(a.type)) return false;
      if (has(a, 'tags') && !(Array.isArray(a.tags) && a.tags.every(str))) return false;
    }
  }
  if (has(js, 'relations')) {
    if (!Array.isArray(js.relations)) return false;
    for (const r of js.relations) {
      if (!isMapJs(r) || !str(r.from) || !str(r.to) || !(RELATION_TYPES as readonly unknown[]).includes(r.type))
        return false;
      if (relationTargetProblem(r.to, within)) return false;
      if (!r.from.includes('#') && ids.size && !ids.has(r.from)) return false;
    }
  }
  if (has(js, 'dismissed')) {
    if (!Array.isArray(js.dismissed)) return false;
    for (const d of js.dismissed) {
      if (!isMapJs(d) || !str(d.exact) || !str(d.other) || !str(d.otherExact)) return false;
      if (otherArticleProblem(d.other, within, 'dismissed: other article')) return false;
    }
  }
  if (has(js, 'suppressed')) {
    if (!Array.isArray(js.suppressed)) return false;
    for (const x of js.suppressed)
      if (!isMapJs(x) || !str(x.exact) || !str(x.kind) || !Number.isInteger(x.start) || !Number.isInteger(x.end))
        return false;
  }
  return true;
}

interface Splice {
  at: number;
  remove: number;
  insert: string;
}

/**
 * A sidecar read from text, edited by splicing the text. Every edit is checked by reading the result back;
 * should a splice ever not give the intended data, the file is re-serialised as a whole instead (correct,
 * only less tidy in a diff).
 */
export class SidecarFile {
  /**
   * doc: the library's parsed document of the text, or null until an edit needs it (a sidecar read by the fast
   * reader); spans: where the fast reader found things in the text (null once the text changed without it).
   */
  constructor(
    public text: string,
    private doc: Document | null,
    public data: SidecarData,
    private spans: FastSpans | null = null,
  ) {}

  /** A sidecar for an article that has none yet. */
  static create(articleName: string, meta: DocumentMeta = {}): SidecarFile {
    const r = readSidecar(newSidecarText(articleName, meta));
    if (!r.ok) throw new Error(`internal: new sidecar does not read back: ${r.problems[0].message}`);
    return r.file;
  }

  private index: { data: SidecarData; at: Map<string, number> } | null = null;

  /** Where each annotation is in the list, by id (rebuilt when the data changes). */
  private indexOf(id: string): number {
    if (this.index?.data !== this.data)
      this.index = { data: this.data, at: new Map(this.data.annotations.map((a, i) => [a.id, i])) };
    return this.index.at.get(id) ?? -1;
  }

  annotation(id: string): Annotation | undefined {
    const i = this.indexOf(id);
    return i < 0 ? undefined : this.data.annotations[i];
  }

  /** An id not used in this sidecar. */
  newId(seed: string): string {
    const h = fnv1a(seed);
    for (let n = 0; ; n++) {
      const id = ((h + n * 7919) >>> 0).toString(36).slice(0, 6).padStart(6, '0');
      if (!this.annotation(id)) return id;
    }
  }

  /** The library's parsed document of the current text (parsed when first needed, and again after an edit that left it behind). */
  private get tree(): Document {
    if (!this.doc) {
      const doc = parseDocument(this.text, PARSE);
      if (doc.errors.length) throw new Error('internal: a sidecar that was read no longer parses');
      this.doc = doc;
    }
    return this.doc;
  }

  private root(): YAMLMap {
    return this.tree.contents as YAMLMap;
  }

  private pair(m: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
    return m.items.find(p => isScalar(p.key) && p.key.value === key);
  }

  private seqOf(key: string): YAMLSeq | null {
    const p = this.pair(this.root(), key);
    return p && isSeq(p.value) ? p.value : null;
  }

  private apply(splices: Splice[], expected: SidecarData): void {
    const text = this.spliced(splices);
    const back = readSidecar(text);
    if (back.ok && sameData(back.file.data, expected)) {
      this.text = text;
      this.doc = back.file.doc;
      this.spans = back.file.spans;
      this.data = back.file.data;
      return;
    }
    // Fall back: the data, re-serialised through the parsed document (keeps comments where the library can).
    this.rewrite(expected);
  }

  /** The text with the splices made, in one pass (not a copy of the whole text per splice: 20,000 moved anchors are 40,000 splices). */
  private spliced(splices: Splice[]): string {
    const parts: string[] = [];
    let from = 0;
    for (const s of [...splices].sort((a, b) => a.at - b.at)) {
      parts.push(this.text.slice(from, s.at), s.insert);
      from = s.at + s.remove;
    }
    parts.push(this.text.slice(from));
    return parts.join('');
  }

  private rewrite(expected: SidecarData): void {
    const doc = this.tree.clone();
    doc.setIn(['annotations'], doc.createNode(expected.annotations.map(a => ({ ...a }))));
    if (expected.relations.length || this.pair(this.root(), 'relations'))
      doc.setIn(['relations'], doc.createNode(expected.relations));
    if (expected.suppressed.length || this.pair(this.root(), 'suppressed'))
      doc.setIn(['suppressed'], doc.createNode(expected.suppressed));
    if (expected.dismissed.length || this.pair(this.root(), 'dismissed'))
      doc.setIn(['dismissed'], doc.createNode(expected.dismissed));
    doc.setIn(['document'], doc.createNode(expected.document));
    const text = doc.toString();
    const back = readSidecar(text);
    if (!back.ok || !sameData(back.file.data, expected))
      throw new Error('internal: sidecar could not be written back faithfully');
    this.text = text;
    this.doc = back.file.doc;
    this.spans = back.file.spans;
    this.data = back.file.data;
  }

  /** Splices that append an item (text ending in a newline) to a top-level list, creating the list if needed. */
  private appendItem(key: string, render: (indent: number) => string): Splice[] {
    // Where the fast reader saw the list: no need for the library's document of a large file.
    const fast = this.spans?.roots;
    if (fast && !fast.has(key)) {
      const sep = this.text.endsWith('\n') || this.text === '' ? '' : '\n';
      return [{ at: this.text.length, remove: 0, insert: `${sep}${key}:\n${render(2)}` }];
    }
    const list = fast?.get(key);
    if (list) {
      const at = list.end < this.text.length ? list.end + 1 : this.text.length;
      const sep = at === this.text.length && !this.text.endsWith('\n') ? '\n' : '';
      return [{ at, remove: 0, insert: sep + render(list.column) }];
    }
    const rootPair = this.pair(this.root(), key);
    const seq = this.seqOf(key);
    if (!rootPair) {
      const sep = this.text.endsWith('\n') || this.text === '' ? '' : '\n';
      return [{ at: this.text.length, remove: 0, insert: `${sep}${key}:\n${render(2)}` }];
    }
    if (!seq || seq.flow || seq.items.length === 0) {
      // "annotations: []" (or null): replace the value with a block list.
      const v = rootPair.value as Node | null;
      const keyEnd = (rootPair.key as Node).range![1];
      const colon = this.text.indexOf(':', keyEnd);
      const valueEnd = v && v.range ? v.range[1] : colon + 1;
      if (seq && seq.flow && seq.items.length > 0) return []; // a flow list with items: rewritten as a whole
      return [{ at: colon + 1, remove: valueEnd - colon - 1, insert: `\n${render(2).replace(/\n$/, '')}` }];
    }
    const last = seq.items[seq.items.length - 1] as Node;
    const indent = this.columnOf(seq.items[0] as Node) - 2;
    let at = last.range![2];
    // Insert after the line the last item ends on.
    const nl = this.text.indexOf('\n', Math.max(at - 1, 0));
    at = nl < 0 ? this.text.length : nl + 1;
    const sep = at === this.text.length && !this.text.endsWith('\n') ? '\n' : '';
    return [{ at, remove: 0, insert: sep + render(Math.max(0, indent)) }];
  }

  private columnOf(node: Node): number {
    const start = node.range![0];
    return start - (this.text.lastIndexOf('\n', start - 1) + 1);
  }

  /** Takes over the contents of another reading (a whole new text, already read back and checked). */
  adopt(other: SidecarFile): void {
    this.text = other.text;
    this.doc = other.doc;
    this.data = other.data;
    this.spans = other.spans;
  }

  addAnnotation(a: Annotation): void {
    this.addAnnotations([a]);
  }

  /** Adds annotations in one edit (the file is read back once, not once per annotation). */
  addAnnotations(list: readonly Annotation[]): void {
    if (list.length === 0) return;
    const fresh = new Set<string>();
    for (const a of list) {
      if (this.annotation(a.id) || fresh.has(a.id)) throw new Error(`an annotation with id "${a.id}" exists already`);
      fresh.add(a.id);
    }
    const expected = { ...this.data, annotations: [...this.data.annotations, ...list] };
    const splices = this.appendItem('annotations', indent => list.map(a => annotationYaml(a, indent)).join(''));
    if (splices.length) this.apply(splices, expected);
    else this.rewrite(expected);
  }

  /** Sets (or, with undefined, removes) fields of an annotation. */
  updateAnnotation(id: string, fields: Partial<Record<Field, string | string[] | undefined>>): void {
    const idx = this.indexOf(id);
    if (idx < 0) throw new Error(`no annotation with id "${id}"`);
    const updated = { ...this.data.annotations[idx] } as Record<string, unknown>;
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) delete updated[k];
      else updated[k] = v;
    }
    const expected = {
      ...this.data,
      annotations: this.data.annotations.map((a, i) => (i === idx ? (updated as unknown as Annotation) : a)),
    };
    const item = this.seqOf('annotations')!.items[idx] as YAMLMap;
    const splices: Splice[] = [];
    const itemIndent = this.columnOf(item.items[0].key as Node);
    let insertAt = -1;
    for (const [k, v] of Object.entries(fields)) {
      const p = this.pair(item, k);
      if (p && v === undefined) {
        const ks = (p.key as Node).range![0];
        const lineStart = this.text.lastIndexOf('\n', ks - 1) + 1;
        const end = (p.value as Node).range![2];
        const lineEnd = this.text.indexOf('\n', end - 1);
        splices.push({ at: lineStart, remove: (lineEnd < 0 ? this.text.length : lineEnd + 1) - lineStart, insert: '' });
      } else if (p && v !== undefined) {
        const r = (p.value as Node).range!;
        splices.push({ at: r[0], remove: r[1] - r[0], insert: scalar(v) });
      } else if (v !== undefined) {
        if (insertAt < 0) {
          const lastPair = item.items[item.items.length - 1];
          const end = (lastPair.value as Node | null)?.range?.[2] ?? (lastPair.key as Node).range![2];
          const nl = this.text.indexOf('\n', end - 1);
          insertAt = nl < 0 ? this.text.length : nl + 1;
        }
        const sep = insertAt === this.text.length && !this.text.endsWith('\n') ? '\n' : '';
        splices.push({ at: insertAt, remove: 0, insert: `${sep}${' '.repeat(itemIndent)}${k}: ${scalar(v)}\n` });
      }
    }
    this.apply(splices, expected as SidecarData);
  }

  removeAnnotation(id: string): void {
    const idx = this.indexOf(id);
    if (idx < 0) return;
    const expected = {
      ...this.data,
      annotations: this.data.annotations.filter(a => a.id !== id),
      relations: this.data.relations.filter(r => r.from !== id && r.to !== id),
    };
    const seq = this.seqOf('annotations')!;
    const item = seq.items[idx] as Node;
    const start = item.range![0];
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const end = item.range![2];
    const nl = this.text.indexOf('\n', end - 1);
    const splices: Splice[] = [{ at: lineStart, remove: (nl < 0 ? this.text.length : nl + 1) - lineStart, insert: '' }];
    if (expected.relations.length !== this.data.relations.length) {
      this.rewrite(expected);
      return;
    }
    if (seq.items.length === 1) {
      this.rewrite(expected);
      return;
    }
    this.apply(splices, expected);
  }

  /** Gives an annotation a new anchor (re-attached to other words); only its anchor line changes. */
  setAnchor(id: string, anchor: Anchor): void {
    const idx = this.indexOf(id);
    if (idx < 0) throw new Error(`no annotation with id "${id}"`);
    const expected = {
      ...this.data,
      annotations: this.data.annotations.map((a, i) => (i === idx ? { ...a, anchor } : a)),
    };
    const item = this.seqOf('annotations')!.items[idx] as YAMLMap;
    const node = this.pair(item, 'anchor')!.value as Node;
    const r = node.range!;
    const text = anchorYaml(anchor);
    this.apply([{ at: r[0], remove: r[1] - r[0], insert: text }], expected);
  }

  /** Stores new positions of annotations (only the start and end numbers of their anchors change). */
  setPositions(moves: { id: string; start: number; end: number }[]): void {
    const byId = new Map(moves.map(m => [m.id, m]));
    const expected = {
      ...this.data,
      annotations: this.data.annotations.map(a => {
        const m = byId.get(a.id);
        return m ? { ...a, anchor: { ...a.anchor, start: m.start, end: m.end } } : a;
      }),
    };
    const splices: Splice[] = [];
    const nums = this.spans?.anchorNumbers;
    if (nums && nums.length === 4 * this.data.annotations.length) {
      // Where the fast reader found each anchor's start and end (digits).
      let all = true;
      this.data.annotations.forEach((a, i) => {
        const m = byId.get(a.id);
        if (!m) return;
        if (nums[4 * i] < 0 || nums[4 * i + 2] < 0) {
          all = false;
          return;
        }
        splices.push({ at: nums[4 * i], remove: nums[4 * i + 1] - nums[4 * i], insert: String(m.start) });
        splices.push({ at: nums[4 * i + 2], remove: nums[4 * i + 3] - nums[4 * i + 2], insert: String(m.end) });
      });
      if (all) {
        this.text = this.spliced(splices);
        this.data = expected;
        this.doc = null;
        this.spans = null;
        return;
      }
      splices.length = 0;
    }
    const seq = this.seqOf('annotations');
    let plain = true;
    seq?.items.forEach((item, i) => {
      const m = byId.get(this.data.annotations[i]?.id);
      if (!m || !isMap(item)) return;
      const anchor = this.pair(item, 'anchor')?.value;
      if (!isMap(anchor)) return;
      for (const k of ['start', 'end'] as const) {
        const v = this.pair(anchor, k)!.value as Node;
        const r = v.range!;
        if (!(isScalar(v) && /^\d+$/.test(this.text.slice(r[0], r[1])))) plain = false;
        splices.push({ at: r[0], remove: r[1] - r[0], insert: String(m[k]) });
      }
    });
    if (plain) {
      // Digits written over digits cannot change anything else: no need to read the whole file back (20,000
      // moves in a large sidecar); the parsed document is brought up to date when another edit needs it.
      this.text = this.spliced(splices);
      this.data = expected;
      this.doc = null;
      this.spans = null;
      return;
    }
    this.apply(splices, expected);
  }

  addRelation(r: Relation): void {
    this.addRelations([r]);
  }

  addRelations(list: readonly Relation[]): void {
    if (list.length === 0) return;
    for (const r of list) {
      const problem = relationTargetProblem(r.to);
      if (problem) throw new Error(problem);
    }
    const expected = { ...this.data, relations: [...this.data.relations, ...list] };
    const splices = this.appendItem('relations', indent =>
      list
        .map(r => `${' '.repeat(indent)}- { from: ${scalar(r.from)}, to: ${scalar(r.to)}, type: ${scalar(r.type)} }\n`)
        .join(''),
    );
    if (splices.length) this.apply(splices, expected);
    else this.rewrite(expected);
  }

  addDismissed(d: Dismissed): void {
    const expected = { ...this.data, dismissed: [...this.data.dismissed, d] };
    const splices = this.appendItem(
      'dismissed',
      indent =>
        `${' '.repeat(indent)}- { exact: ${JSON.stringify(d.exact)}, other: ${JSON.stringify(d.other)}, otherExact: ${JSON.stringify(d.otherExact)} }\n`,
    );
    if (splices.length) this.apply(splices, expected);
    else this.rewrite(expected);
  }

  addSuppressed(s: Suppressed): void {
    const expected = { ...this.data, suppressed: [...this.data.suppressed, s] };
    const splices = this.appendItem(
      'suppressed',
      indent =>
        `${' '.repeat(indent)}- { kind: ${scalar(s.kind)}, exact: ${JSON.stringify(s.exact)}, start: ${s.start}, end: ${s.end} }\n`,
    );
    if (splices.length) this.apply(splices, expected);
    else this.rewrite(expected);
  }
}

function sameData(a: SidecarData, b: SidecarData): boolean {
  return same(
    {
      version: a.version,
      document: a.document ?? {},
      annotations: a.annotations,
      relations: a.relations,
      suppressed: a.suppressed,
      dismissed: a.dismissed,
    },
    {
      version: b.version,
      document: b.document ?? {},
      annotations: b.annotations,
      relations: b.relations,
      suppressed: b.suppressed,
      dismissed: b.dismissed,
    },
  );
}

/** Equal as JSON with keys in any order and keys whose value is undefined left out (what canonical compares). */
function same(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
    // JSON writes NaN and the infinities as null, and -0 as 0.
    return typeof x === 'number' && typeof y === 'number' ? JSON.stringify(x) === JSON.stringify(y) : false;
  }
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x)) {
    const ya = y as unknown[];
    if (x.length !== ya.length) return false;
    for (let i = 0; i < x.length; i++)
      if (!same(x[i] === undefined ? null : x[i], ya[i] === undefined ? null : ya[i])) return false;
    return true;
  }
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  let n = 0;
  for (const k in xo) {
    if (!Object.prototype.hasOwnProperty.call(xo, k) || xo[k] === undefined) continue;
    n++;
    if (!Object.prototype.hasOwnProperty.call(yo, k) || !same(xo[k], yo[k])) return false;
  }
  for (const k in yo) if (Object.prototype.hasOwnProperty.call(yo, k) && yo[k] !== undefined) n--;
  return n === 0;
}
