// Analysis on several cores: articles are read and analysed by worker threads (the CLI's own bundle, started again
// as a worker), and their results come back in the order the articles were given, so that N threads print exactly
// what one prints. Only a few articles are in flight at a time, so memory stays bounded however many there are.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze, type Analysis } from '../core';
import { formatAnalysis } from './format';
import { load } from './files';

/** One article to analyse. */
export interface Task {
  path: string;
  published: string | null;
  storyDate: string | null;
  /** How reports name it (path from the current folder, or the like). */
  name?: string;
}

/**
 * What the caller wants back: the text and analysis themselves (for the cross-article check), the article as
 * analyze's JSON document (pretty, or on one line), or analyze's readable report.
 */
export type Want = 'analysis' | 'json' | 'jsonl' | 'report';

export interface Done {
  path: string;
  error?: string;
  text?: string;
  analysis?: Analysis;
  /** The serialised form (json, jsonl, report). */
  out?: string;
}

interface Failure {
  fatal: { name: string; message: string };
}

/** One article, start to end: read, analysed and, if asked, serialised. Also what each worker runs. */
export function work(t: Task, want: Want): Done {
  const l = load(t.path);
  if (l.text === undefined) return { path: t.path, error: l.error };
  const analysis = analyze(l.text, { published: t.published, storyDate: t.storyDate });
  if (want === 'analysis') return { path: t.path, text: l.text, analysis };
  if (want === 'report') return { path: t.path, out: formatAnalysis(t.name ?? t.path, l.text, analysis) };
  const doc = { path: t.path, ...analysis };
  return { path: t.path, out: want === 'json' ? JSON.stringify(doc, null, 2) : JSON.stringify(doc) };
}

const WORKER_TAG = 'newsmark-analysis-worker';

// In a worker thread of this bundle: take articles one at a time until told to stop.
if (!isMainThread && parentPort && (workerData as { tag?: string } | null)?.tag === WORKER_TAG) {
  const port = parentPort;
  port.on('message', (m: { i: number; task: Task; want: Want }) => {
    let reply: { i: number; done?: Done } & Partial<Failure>;
    try {
      reply = { i: m.i, done: work(m.task, m.want) };
    } catch (e) {
      const err = e as Error;
      reply = { i: m.i, fatal: { name: err?.name ?? 'Error', message: err?.message ?? String(e) } };
    }
    port.postMessage(reply);
  });
}

/**
 * Every task's result, in the order of the tasks, analysed by `jobs` threads (1: here, on this thread). At most
 * `4 × jobs` articles are read ahead of the one the caller is waiting for.
 */
export async function* analyseAll(tasks: readonly Task[], want: Want, jobs: number): AsyncGenerator<Done> {
  const threads = Math.min(jobs, tasks.length);
  if (threads <= 1) {
    for (const t of tasks) yield work(t, want);
    return;
  }
  const window = threads * 4;
  const ready = new Map<number, Done>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  let sent = 0;
  const send = (w: Worker) => {
    if (sent < tasks.length) {
      w.postMessage({ i: sent, task: tasks[sent], want });
      sent++;
    }
  };
  let next = 0;
  try {
    for (let k = 0; k < threads; k++) {
      const w = new Worker(__filename, { workerData: { tag: WORKER_TAG } });
      w.on('message', (m: { i: number; done?: Done } & Partial<Failure>) => {
        if (m.fatal) {
          const e = m.fatal.name === 'RangeError' ? new RangeError(m.fatal.message) : new Error(m.fatal.message);
          failure ??= e;
        } else ready.set(m.i, m.done!);
        // Read ahead no further than the window past what the caller has taken.
        if (sent < next + window) send(w);
        else idle.push(w);
        notify();
      });
      w.on('error', e => {
        failure ??= e;
        notify();
      });
      w.on('exit', code => {
        if (code !== 0 && sent > next) {
          failure ??= new Error(`an analysis thread stopped (exit code ${code})`);
          notify();
        }
      });
      workers.push(w);
    }
    for (const w of workers) {
      send(w);
      send(w);
    }
    while (next < tasks.length) {
      while (!ready.has(next) && !failure)
        await new Promise<void>(r => {
          wake = r;
        });
      if (failure) throw failure;
      const d = ready.get(next)!;
      ready.delete(next);
      next++;
      while (idle.length && sent < tasks.length && sent < next + window) send(idle.pop()!);
      yield d;
    }
  } finally {
    await Promise.all(workers.map(w => w.terminate()));
  }
}
