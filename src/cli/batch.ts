// `newsmark analyze` and `newsmark check` for batches: articles analysed on several threads, output written as it
// is made (JSON Lines, or the JSON document element by element), memory bounded by what is in flight.

import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { relative } from 'node:path';
import { CrossChecker } from '../core/cross/checkInput';
import { allCores, type Args } from './args';
import { formatCheck, labelOf } from './check';
import { articlesIn, cliModel, load, toModelPath } from './files';
import { Pool, type Task } from './jobs';
import { Raw, writeJson, type Writer } from './jsonl';
import { namer } from './names';

type Err = { path: string; message: string };
type Say = (s: string) => void;

/** How much past what is live the heap of a check may grow before it is collected (see checkCommand). */
const HEAP_GROWING_PERCENT = 15;

/** Threads for `bytes` of articles: --jobs as given; by default all cores, but no thread for less than 64 KB of text. */
export function threadsFor(jobs: number | null, bytes: number): number {
  return jobs ?? Math.max(1, Math.min(allCores(), Math.floor(bytes / 65536)));
}

/** The files' sizes added up, and those of them that are regular files (what the names are made from). */
function survey(paths: string[]): { bytes: number; files: string[] } {
  let bytes = 0;
  const files: string[] = [];
  for (const p of paths)
    try {
      const st = statSync(p);
      if (st.isFile()) {
        bytes += st.size;
        files.push(p);
      }
    } catch {
      // Said when the file is read.
    }
  return { bytes, files };
}

/**
 * The tasks for the analysis, made as the threads ask for them (so that the threads start on the first articles
 * while the later ones are read): each article read once to learn its dates by the workspace model's rule (the
 * sidecar's publication date, else a date line in its text; year-less dates of an undated article take the latest
 * publication date of its folder; --published and --story-date win). A file that cannot be read is a task with its
 * error, told in its place.
 */
async function* plan(paths: string[], readable: string[], args: Args): AsyncGenerator<Task> {
  const model = cliModel();
  const name = namer(readable);
  for (const path of paths) {
    const l = load(path);
    if (l.text === undefined) {
      yield { path, published: null, storyDate: null, error: l.error };
      continue;
    }
    const dates = await model.dateOptions(toModelPath(path), l.text);
    yield {
      path,
      published: args.published ?? dates.published ?? null,
      storyDate: args.storyDate ?? dates.storyDate ?? null,
      name: name(path),
      // Read once: the thread that analyses it takes the text from here.
      text: l.text,
    };
  }
}

export async function analyzeCommand(args: Args, w: Writer, err: Say, version: string): Promise<number> {
  const { bytes, files } = survey(args.files);
  // The threads start now; the articles are read for their dates as the threads ask for them.
  const pool = new Pool(Math.min(threadsFor(args.jobs, bytes), args.files.length));
  try {
    return await analyzeWith(pool, plan(args.files, files, args), args.files.length, args, w, err, version);
  } finally {
    await pool.close();
  }
}

async function analyzeWith(
  pool: Pool,
  tasks: AsyncIterable<Task>,
  count: number,
  args: Args,
  w: Writer,
  err: Say,
  version: string,
): Promise<number> {
  const errors: Err[] = [];
  const want = args.json ? 'json' : args.jsonl ? 'jsonl' : 'report';
  const results = pool.run(tasks, count, want);
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

/** An article's text read again for the check (see CrossChecker). */
function reread(path: string): string {
  const l = load(path);
  if (l.text === undefined) throw new Error(`${path}: ${l.error}`);
  return l.text;
}

export async function checkCommand(args: Args, w: Writer, err: Say, version: string): Promise<number> {
  // The check holds every article's record while it judges story after story, each story's statements made whole
  // and let go: V8 would let that garbage grow the heap to twice what is live before collecting it. A check
  // collects it sooner (the heap grows by 15% past what is live), so that its peak stays near what it holds.
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const errors: Err[] = [];
  const files = await articlesIn(args.files, errors);
  for (const e of errors) err(`newsmark: ${e.path}: ${e.message}\n`);
  if (args.jsonl) for (const e of errors) await w.line({ type: 'error', path: e.path, message: e.message });
  const { bytes } = survey(files);
  const pool = new Pool(Math.min(threadsFor(args.jobs, bytes), files.length));
  try {
    return await checkWith(pool, files, errors, args, w, err, version);
  } finally {
    await pool.close();
  }
}

async function checkWith(
  pool: Pool,
  files: string[],
  errors: Err[],
  args: Args,
  w: Writer,
  err: Say,
  version: string,
): Promise<number> {
  // The articles read, as they are planned (for the user's judgements below).
  const read: string[] = [];
  const nameOf = new Map<string, string | undefined>();
  async function* planned() {
    for await (const t of plan(files, files, args)) {
      if (t.error === undefined) {
        read.push(t.path);
        nameOf.set(t.path, t.name);
      }
      yield t;
    }
  }
  // Each article kept as its compact record once analysed (its statements prepared here while the threads analyse
  // the next ones), in the order given.
  // (It keeps no article's text: it reads each again when it needs it.)
  const checker = new CrossChecker(reread);
  const labelByDoc = new Map<string, string>();
  for await (const d of pool.run(planned(), files.length, 'analysis')) {
    if (d.error !== undefined) {
      errors.push({ path: d.path, message: d.error });
      err(`newsmark: ${d.path}: ${d.error}\n`);
      if (args.jsonl) await w.line({ type: 'error', path: d.path, message: d.error });
      continue;
    }
    const a = d.analysis!;
    const label = await labelOf(d.path, nameOf.get(d.path));
    labelByDoc.set(d.path, label);
    checker.add({ doc: d.path, label, text: d.text!, analysis: a });
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
  // The threads are done: their memory is the check's.
  await pool.close();
  // (With JSON Lines, each source's quotations are read again as it is written: see BegunCheck.quoted.)
  const begun = checker.begin(true, args.jsonl);
  // With JSON Lines, the sources are written before the statements are paired and let go, and each claim as it is
  // made: the check holds none of its results but its conflicts.
  const sources = begun.sources.length;
  let claims = 0;
  if (args.jsonl) {
    for (const s of begun.sources) await w.line({ type: 'source', ...begun.quoted(s) });
    await w.flush();
    begun.sources = [];
  }
  const result = args.jsonl
    ? begun.check({}, c => {
        claims++;
        w.lineNow({ type: 'claim', ...c });
      })
    : begun.check();
  // The user's judgements from the sidecars, as in the editor: dismissed contradictions are left out, those marked
  // "contradicts" added.
  result.conflicts = await cliModel().judged(
    result.conflicts,
    read.map(p => ({ doc: p, path: toModelPath(p) })),
    p => relative(process.cwd(), p) || p,
  );
  if (args.jsonl) {
    for (const c of result.conflicts) await w.line({ type: 'conflict', ...c });
    for (const d of result.derived ?? []) await w.line({ type: 'derived', ...d });
    await w.line({
      type: 'summary',
      articles: result.documents.length,
      sources,
      claims,
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
