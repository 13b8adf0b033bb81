// `newsmark export` and `newsmark import`: annotations out to W3C, brat, CSV and JSON Lines, and back from W3C and
// brat into sidecars.

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
import {
  readSidecar,
  SIDECAR_SUFFIX,
  SidecarFile,
  type Annotation,
  type Problem,
  type Relation,
} from '../core/annotations/sidecar';
import { SidecarBrokenError } from '../core/annotations/store';
import { commonFolder } from './names';
import { articlesIn, cliModel, cliStore, limitsFor, load, sidecarOf, toModelPath, why } from './files';

export const EXPORT_FORMATS = ['w3c', 'brat', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

type Err = { path: string; message: string };

/** How exports name an article: its path from the current folder, with / separators. */
const nameOf = (p: string) => relative(process.cwd(), p).split(sep).join('/') || basename(p);

/** The articles named by the paths, each with its sidecar's annotations (and with `detected`, the engine's findings). */
export async function exportDocs(paths: string[], detected: boolean, errors: Err[]): Promise<ExportDoc[]> {
  const files = await articlesIn(paths, errors);
  const loaded = files.map(p => ({ p, l: load(p) }));
  for (const { l } of loaded) if (l.error) errors.push({ path: l.path, message: l.error });
  const ok = loaded.filter(x => x.l.text !== undefined);
  const sidecars = ok.map(({ p }) => {
    const path = sidecarOf(p);
    if (!path) return null;
    const text = load(path);
    if (text.text === undefined) {
      errors.push({ path, message: text.error! });
      return undefined;
    }
    const r = readSidecar(text.text, limitsFor(p));
    if (!r.ok) {
      errors.push({
        path,
        message: `${r.problems.map(x => `line ${x.line}: ${x.message}`).join('; ')} (its annotations are not exported; the file is left as it is)`,
      });
      return undefined;
    }
    return r.file.data;
  });
  // The workspace model's date rule (the sidecar's date or the date line; the story date of the article's folder).
  const dates = await Promise.all(ok.map(({ p, l }) => cliModel().dateOptions(toModelPath(p), l.text!)));
  return ok.map(({ p, l }, i) => {
    const text = l.text!;
    const side = sidecars[i] ?? null;
    return {
      name: nameOf(p),
      iri: pathToFileURL(resolve(p)).href,
      text,
      published: dates[i].published,
      items: exportItems(text, side, detected ? analyze(text, dates[i]) : null),
      relations: side?.relations ?? [],
    };
  });
}

export interface ExportResult {
  /** What goes to stdout (w3c, csv, jsonl without --out). */
  stdout: string;
  /** Files written. */
  written: string[];
  /** Things that could not be written (orphaned annotations in brat, cross-article relations). */
  notes: string[];
  errors: Err[];
}

export async function runExport(
  paths: string[],
  format: ExportFormat,
  opts: { detected: boolean; out: string | null; now?: string },
): Promise<ExportResult> {
  const errors: Err[] = [];
  const docs = await exportDocs(paths, opts.detected, errors);
  const res: ExportResult = { stdout: '', written: [], notes: [], errors };
  if (opts.out !== null) {
    let st = null;
    try {
      st = statSync(opts.out);
    } catch {
      /* made below */
    }
    if (st && !st.isDirectory()) {
      errors.push({ path: opts.out, message: '--out names a file; give a folder (it is made when missing)' });
      return res;
    }
  }
  // Without annotations there is nothing to export but the texts: say so, and how to export the engine's findings.
  const bare = docs.filter(d => d.items.length === 0).length;
  if (docs.length && bare === docs.length) {
    res.notes.push(
      `no annotations to export: ${docs.length === 1 ? 'the article has' : `none of the ${docs.length} articles has`} a sidecar with annotations${format === 'brat' ? ', so no brat files were written' : ''}. Add --detected to export the engine's findings (entities, dates, claims) as well.`,
    );
    if (format === 'brat') return res;
  } else if (bare && !opts.detected) {
    res.notes.push(
      `${bare} of the ${docs.length} articles have no annotations (add --detected to export the engine's findings as well)`,
    );
  }
  let failed = false;
  const write = (name: string, text: string) => {
    if (failed) return;
    const path = join(opts.out!, name);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      res.written.push(path);
    } catch (e) {
      failed = true;
      errors.push({ path, message: `not written: ${why(e)}` });
    }
  };
  if (format === 'brat') {
    if (!opts.out) {
      errors.push({
        path: '--out',
        message: 'brat writes a .txt and an .ann file for each article: give a folder with --out DIR',
      });
      return res;
    }
    // Named by their path from the folder that holds all the articles: the articles of one folder lie beside
    // annotation.conf, those of its subfolders in subfolders (never the articles' absolute paths).
    const base = commonFolder(docs.map(d => fileURLToPath(d.iri)));
    for (const d of docs) {
      const stem = bratStem(relative(base, fileURLToPath(d.iri)).split(sep).join('/'));
      const { ann, skipped } = toBrat(d);
      write(`${stem}.txt`, d.text);
      write(`${stem}.ann`, ann);
      for (const s of skipped) res.notes.push(`${d.name}: not in brat: ${s}`);
    }
    write('annotation.conf', BRAT_CONF);
    return res;
  }
  const text =
    format === 'w3c'
      ? JSON.stringify(
          toW3C(docs, { generated: opts.now ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z') }),
          null,
          2,
        ) + '\n'
      : format === 'csv'
        ? toCsv(docs)
        : toJsonl(docs);
  if (opts.out) write(`annotations.${format === 'w3c' ? 'jsonld' : format}`, text);
  else res.stdout = text;
  return res;
}

/** brat's configuration for the types Newsmark writes, so that brat shows them without setup. */
const BRAT_CONF = `# Newsmark's annotation types for brat.
[entities]
Person
Organization
Place
Nationality_or_group
Entity
Date
Claim
Source
Note

[relations]
Said	Arg1:Source, Arg2:Claim
supports	Arg1:<ANY>, Arg2:<ANY>
contradicts	Arg1:<ANY>, Arg2:<ANY>
same-claim	Arg1:<ANY>, Arg2:<ANY>
same-entity	Arg1:<ANY>, Arg2:<ANY>

[events]

[attributes]
Status	Arg:<ANY>, Value:unverified|verified|disputed|false
`;

/** JSON in the shape of a W3C Web Annotation export: an annotation, a collection or page, or a list of annotations. */
function isW3C(json: unknown): boolean {
  const typed = (x: unknown) =>
    !!x &&
    typeof x === 'object' &&
    !Array.isArray(x) &&
    ([] as unknown[])
      .concat((x as Record<string, unknown>).type)
      .some(t => t === 'Annotation' || t === 'AnnotationPage' || t === 'AnnotationCollection');
  return Array.isArray(json) ? json.every(typed) : typed(json);
}

export interface ImportReport {
  article: string;
  sidecar: string;
  added: number;
  already: number;
  relations: number;
}

/**
 * Imports W3C (.json, .jsonld) and brat (.ann) exports into the sidecars of the given articles. An annotation
 * already in the sidecar (same id and quote) is not added twice; a sidecar that does not read is never written.
 */
export async function runImport(
  exports: string[],
  articlePaths: string[],
  dryRun: boolean,
): Promise<{ reports: ImportReport[]; problems: string[]; errors: Err[] }> {
  const errors: Err[] = [];
  const problems: string[] = [];
  const articles = (await articlesIn(articlePaths, errors))
    .map(p => ({ p, l: load(p) }))
    .filter(x => {
      if (x.l.error) errors.push({ path: x.p, message: x.l.error });
      return x.l.text !== undefined;
    })
    .map(x => ({ name: nameOf(x.p), path: x.p, text: x.l.text! }));
  const adds = new Map<string, { annotations: Annotation[]; relations: Relation[] }>();
  const take = (name: string, annotations: Annotation[], relations: Relation[]) => {
    const cur = adds.get(name) ?? { annotations: [], relations: [] };
    for (const a of annotations) cur.annotations.push(a);
    for (const r of relations) cur.relations.push(r);
    adds.set(name, cur);
  };
  for (const file of exports) {
    const l = load(file);
    if (l.text === undefined) {
      errors.push({ path: file, message: l.error! });
      continue;
    }
    if (/\.ann$/i.test(file)) {
      const stem = basename(file).replace(/\.ann$/i, '');
      const art = articles.find(a => bratStem(basename(a.name)) === stem);
      if (!art) {
        errors.push({ path: file, message: `no article named ${stem}.txt or ${stem} among those given` });
        continue;
      }
      const beside = file.replace(/\.ann$/i, '.txt');
      if (existsSync(beside) && readFileSync(beside, 'utf8').replace(/^\uFEFF/, '') !== art.text) {
        problems.push(`${file}: ${art.name} has changed since the export; annotations are placed by their quotes`);
      }
      const r = fromBrat(l.text, art.text, basename(file, '.ann'));
      for (const p of r.problems) problems.push(`${file}: ${p}`);
      take(art.name, r.annotations, r.relations);
    } else {
      let json: unknown;
      try {
        json = JSON.parse(l.text);
      } catch (e) {
        errors.push({ path: file, message: `not JSON: ${(e as Error).message}` });
        continue;
      }
      if (!isW3C(json)) {
        errors.push({
          path: file,
          message:
            'not a W3C Web Annotation export: expected an Annotation, a list of them, an AnnotationPage or an AnnotationCollection; nothing was imported from it',
        });
        continue;
      }
      const r = fromW3C(json, articles);
      for (const p of r.problems) problems.push(`${file}: ${p}`);
      for (const [name, list] of r.annotations) take(name, list, []);
    }
  }
  const reports: ImportReport[] = [];
  const store = dryRun ? null : cliStore();
  for (const [name, add] of adds) {
    const art = articles.find(a => a.name === name)!;
    const existing = sidecarOf(art.path);
    const path = existing ?? art.path + SIDECAR_SUFFIX;
    // What the import adds to a sidecar as it is: planned again on the file on disk when it is written.
    let report: ImportReport = { article: name, sidecar: path, added: 0, already: 0, relations: 0 };
    const edit = (file: SidecarFile, write = true) => {
      const plan = planImport(file.data.annotations, add.annotations);
      if (write) file.addAnnotations(plan.add);
      const have = new Set(file.data.relations.map(x => `${x.from}\n${x.to}\n${x.type}`));
      const rels: Relation[] = [];
      for (const r of add.relations) {
        const rel = { ...r, from: plan.ids.get(r.from) ?? r.from, to: plan.ids.get(r.to) ?? r.to };
        const key = `${rel.from}\n${rel.to}\n${rel.type}`;
        if (have.has(key)) continue;
        have.add(key);
        rels.push(rel);
      }
      if (write) file.addRelations(rels);
      report = { article: name, sidecar: path, added: plan.add.length, already: plan.already, relations: rels.length };
    };
    if (existing) {
      // Checked as a file first (a FIFO would block, a binary file is no sidecar).
      const l = load(existing);
      if (l.text === undefined) {
        errors.push({ path: existing, message: `${l.error} (nothing was imported into it)` });
        continue;
      }
    }
    const brokenMessage = (p: Problem[]) =>
      `line ${p[0].line}: ${p[0].message} (fix it first; nothing was imported into it)`;
    if (!store) {
      let file: SidecarFile;
      if (existing) {
        const r = readSidecar(load(existing).text ?? '', limitsFor(art.path));
        if (!r.ok) {
          errors.push({ path: existing, message: brokenMessage(r.problems) });
          continue;
        }
        file = r.file;
      } else {
        file = SidecarFile.create(basename(art.path));
      }
      edit(file, false);
    } else {
      // Planned and written under the sidecar's lock, on the file as it is then: a concurrent import's annotations stay.
      try {
        await store.recover(path);
        await store.change(path, basename(art.path), {
          batch: f => {
            edit(f, false);
            if (!report.added && !report.relations) return false;
            edit(f);
            return undefined;
          },
        });
      } catch (e) {
        errors.push({
          path,
          message:
            e instanceof SidecarBrokenError
              ? brokenMessage(e.problems)
              : `${(e as Error).message.split('\n')[0]} (nothing was imported into it)`,
        });
        continue;
      }
    }
    reports.push(report);
  }
  return { reports, problems, errors };
}
