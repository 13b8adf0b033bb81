// `newsmark analyze` and `newsmark check` for batches: articles analysed on several threads, output written as it
// is made (JSON Lines, or the JSON document element by element), memory bounded by what is in flight.

import { relative } from 'node:path';
import { crossCheck, type ArticleInput } from '../core/cross/crossdoc';
import { allCores, type Args } from './args';
import { formatCheck, labelOf } from './check';
import { articlesIn, cliModel, load, toModelPath } from './files';
import { analyseAll, type Task } from './jobs';
import { Raw, writeJson, type Writer } from './jsonl';
import { namer } from './names';

type Err = { path: string; message: string };
type Say = (s: string) => void;

/** Threads for `bytes` of articles: --jobs as given; by default all cores, but no thread for less than 64 KB of text. */
export function threadsFor(jobs: number | null, bytes: number): number {
  return jobs ?? Math.max(1, Math.min(allCores(), Math.floor(bytes / 65536)));
}

/**
 * Reads every article once to learn its dates by the workspace model's rule (the sidecar's publication date, else a
 * date line in its text; year-less dates of an undated article take the latest publication date of its folder;
 * --published and --story-date win) and keeps only those: the tasks for the analysis.
 */
async function plan(paths: string[], args: Args, errors: Err[], err: Say): Promise<{ tasks: Task[]; bytes: number }> {
  const dated: { path: string; published: string | null; storyDate: string | null }[] = [];
  const model = cliModel();
  let bytes = 0;
  for (const path of paths) {
    const l = load(path);
    if (l.text === undefined) {
      errors.push({ path, message: l.error! });
      err(`newsmark: ${path}: ${l.error}\n`);
      continue;
    }
    bytes += l.text.length;
    const dates = await model.dateOptions(toModelPath(path), l.text);
    dated.push({
      path,
      published: args.published ?? dates.published ?? null,
      storyDate: args.storyDate ?? dates.storyDate ?? null,
    });
  }
  const name = namer(dated.map(d => d.path));
  return { tasks: dated.map(d => ({ ...d, name: name(d.path) })), bytes };
}

export async function analyzeCommand(args: Args, w: Writer, err: Say, version: string): Promise<number> {
  const errors: Err[] = [];
  const { tasks, bytes } = await plan(args.files, args, errors, err);
  const want = args.json ? 'json' : args.jsonl ? 'jsonl' : 'report';
  const results = analyseAll(tasks, want, threadsFor(args.jobs, bytes));
  const failed = (path: string, message: string) => {
    errors.push({ path, message });
    err(`newsmark: ${path}: ${message}\n`);
  };
  if (args.json) {
    async function* documents() {
      for await (const d of results) {
        if (d.error !== undefined) failed(d.path, d.error);
        else yield new Raw(d.out!);
      }
    }
    await writeJson(w, { tool: { name: 'newsmark', version }, offsets: 'utf16', documents: documents(), errors });
  } else {
    // Errors found while reading dates come first, as lines of their own.
    if (args.jsonl) for (const e of errors) await w.line({ path: e.path, error: e.message });
    for await (const d of results) {
      if (d.error !== undefined) {
        failed(d.path, d.error);
        if (args.jsonl) await w.line({ path: d.path, error: d.error });
      } else {
        await w.write(d.out! + '\n');
      }
      await w.flush();
    }
  }
  await w.flush();
  return errors.length ? 2 : 0;
}

export async function checkCommand(args: Args, w: Writer, err: Say, version: string): Promise<number> {
  const errors: Err[] = [];
  const files = await articlesIn(args.files, errors);
  for (const e of errors) err(`newsmark: ${e.path}: ${e.message}\n`);
  const { tasks, bytes } = await plan(files, args, errors, err);
  if (args.jsonl) for (const e of errors) await w.line({ type: 'error', path: e.path, message: e.message });
  const nameOf = new Map(tasks.map(t => [t.path, t.name]));
  const inputs: ArticleInput[] = [];
  const labelByDoc = new Map<string, string>();
  for await (const d of analyseAll(tasks, 'analysis', threadsFor(args.jobs, bytes))) {
    if (d.error !== undefined) {
      errors.push({ path: d.path, message: d.error });
      err(`newsmark: ${d.path}: ${d.error}\n`);
      if (args.jsonl) await w.line({ type: 'error', path: d.path, message: d.error });
      continue;
    }
    const a = d.analysis!;
    const label = await labelOf(d.path, nameOf.get(d.path));
    labelByDoc.set(d.path, label);
    inputs.push({ doc: d.path, label, text: d.text!, analysis: a });
    if (args.jsonl) {
      await w.line({
        type: 'article',
        path: d.path,
        label,
        published: a.published,
        entities: a.entities.length,
        dates: a.dates.length,
        attributions: a.attributions.length,
      });
      await w.flush();
    }
  }
  const result = crossCheck(inputs);
  inputs.length = 0;
  // The user's judgements from the sidecars, as in the editor: dismissed contradictions are left out, those marked
  // "contradicts" added.
  result.conflicts = await cliModel().judged(
    result.conflicts,
    tasks.map(t => ({ doc: t.path, path: toModelPath(t.path) })),
    p => relative(process.cwd(), p) || p,
  );
  if (args.jsonl) {
    for (const s of result.sources) await w.line({ type: 'source', ...s });
    for (const c of result.claims) await w.line({ type: 'claim', ...c });
    for (const c of result.conflicts) await w.line({ type: 'conflict', ...c });
    for (const d of result.derived ?? []) await w.line({ type: 'derived', ...d });
    await w.line({
      type: 'summary',
      articles: result.documents.length,
      sources: result.sources.length,
      claims: result.claims.length,
      conflicts: result.conflicts.length,
      errors: errors.length,
      stats: result.stats,
    });
  } else if (args.json) {
    await writeJson(w, { tool: { name: 'newsmark', version }, offsets: 'utf16', ...result, errors });
  } else {
    const name = namer(result.documents);
    const labels = new Map<string, string>();
    const named = (doc: string) => {
      let n = labels.get(doc);
      if (n === undefined) {
        const path = name(doc);
        const label = labelByDoc.get(doc) ?? path;
        labels.set(doc, (n = label === path ? path : `${label} (${path})`));
      }
      return n;
    };
    await w.write(formatCheck(result, named) + '\n');
  }
  await w.flush();
  if (errors.length) return 2;
  return result.conflicts.length ? 1 : 0;
}
