// Analysis on several cores: articles are analysed by worker threads (the CLI's own bundle, started again as a
// worker) and by this thread between its other work, and their results come back in the order the articles were
// given, so that N threads print exactly what one prints. N threads are N-1 workers and this one: this thread is never
// idle while the workers analyse, and no core runs one more isolate (its own compiler and collector) than it needs. Articles travel in batches (one message for several articles each way: a message costs far more
// than the few kilobytes it carries), and only a few batches are in flight at a time, so memory stays bounded
// however many articles there are. The threads are started before the articles are planned, so that their start
// (loading and compiling the bundle) overlaps that work.

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
  /** Why it cannot be read, when that was found before (it is then told in its place, not read again). */
  error?: string;
  /** Its text, when it was read before (it is then not read again). */
  text?: string;
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
  if (t.error !== undefined) return { path: t.path, error: t.error };
  const l = t.text !== undefined ? { text: t.text, error: undefined } : load(t.path);
  if (l.text === undefined) return { path: t.path, error: l.error };
  const analysis = analyze(l.text, { published: t.published, storyDate: t.storyDate });
  if (want === 'analysis') return { path: t.path, text: l.text, analysis };
  if (want === 'report') return { path: t.path, out: formatAnalysis(t.name ?? t.path, l.text, analysis) };
  const doc = { path: t.path, ...analysis };
  return { path: t.path, out: want === 'json' ? JSON.stringify(doc, null, 2) : JSON.stringify(doc) };
}

const WORKER_TAG = 'newsmark-analysis-worker';

type Request = { b: number; tasks: Task[]; want: Want };
type Reply = { b: number; done?: Done[] } & Partial<Failure>;

// In a worker thread of this bundle: take batches of articles one at a time until told to stop.
if (!isMainThread && parentPort && (workerData as { tag?: string } | null)?.tag === WORKER_TAG) {
  const port = parentPort;
  port.on('message', (m: Request) => {
    let reply: Reply;
    try {
      reply = { b: m.b, done: m.tasks.map(t => work(t, m.want)) };
    } catch (e) {
      const err = e as Error;
      reply = { b: m.b, fatal: { name: err?.name ?? 'Error', message: err?.message ?? String(e) } };
    }
    port.postMessage(reply);
  });
}

/** Articles a batch: enough that messages are few, few enough that every thread gets several batches. */
export function batchSize(tasks: number, threads: number): number {
  return Math.max(1, Math.min(16, Math.floor(tasks / (threads * 8))));
}

/** This thread, as one of the pool's threads. */
const HERE = 'here';

/**
 * Threads that analyse: `threads` - 1 workers, started when made (their start overlaps whatever the caller does next),
 * and this thread; given their work by `run`, stopped by `close`. One thread (or none) means: here, on this thread.
 */
export class Pool {
  private readonly workers: Worker[] = [];
  /** Why a thread stopped before it was given work (told when work is given: see run). */
  private broken: Error | null = null;

  constructor(readonly threads: number) {
    if (threads > 1)
      for (let k = 0; k < threads - 1; k++) {
        const w = new Worker(__filename, { workerData: { tag: WORKER_TAG } });
        w.on('error', e => (this.broken ??= e));
        w.on('exit', code => (this.broken ??= new Error(`an analysis thread stopped (exit code ${code})`)));
        this.workers.push(w);
      }
  }

  /**
   * Every task's result, in the order of the tasks (`count` of them at most: it sizes the batches). The tasks are
   * taken from `source` as threads are free for them, and at most three batches a thread are read ahead of the one
   * the caller is waiting for.
   */
  async *run(source: Iterable<Task> | AsyncIterable<Task>, count: number, want: Want): AsyncGenerator<Done> {
    if (this.workers.length === 0 || count <= 1) {
      for await (const t of source) yield work(t, want);
      return;
    }
    const it =
      Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<Task>)[Symbol.iterator]();
    const size = batchSize(count, this.workers.length + 1);
    const window = (this.workers.length + 1) * 3;
    const ready = new Map<number, Done[]>();
    let failure: Error | null = this.broken;
    let wake: (() => void) | null = null;
    const notify = () => {
      const w = wake;
      wake = null;
      w?.();
    };
    // Each worker has two places: one batch to work on, one waiting, so that no worker waits for a message. This
    // thread has one, taken last (at the front: places are taken from the end), so that the workers are fed first.
    const free: (Worker | typeof HERE)[] = [HERE, ...this.workers, ...this.workers];
    let sent = 0;
    let next = 0;
    let exhausted = false;
    let feeding = false;
    // The caller stopped taking results: no more tasks are taken, nor batches worked here.
    let stopped = false;
    // Gives free threads the next batches, within the window past what the caller has taken.
    const feed = async () => {
      if (feeding) return;
      feeding = true;
      try {
        while (!exhausted && !failure && !stopped && free.length && sent < next + window) {
          const tasks: Task[] = [];
          while (tasks.length < size) {
            const r = await it.next();
            if (r.done) {
              exhausted = true;
              break;
            }
            tasks.push(r.value);
          }
          if (tasks.length) {
            const request: Request = { b: sent++, tasks, want };
            const thread = free.pop()!;
            if (thread !== HERE) thread.postMessage(request);
            // Here, as a task of its own: the workers' replies are taken (and the workers given more) between batches.
            else setImmediate(here, request);
          }
        }
      } catch (e) {
        failure ??= e as Error;
      } finally {
        feeding = false;
        notify();
      }
    };
    const here = (m: Request) => {
      try {
        if (failure || stopped) return;
        ready.set(
          m.b,
          m.tasks.map(t => work(t, m.want)),
        );
      } catch (e) {
        failure ??= e as Error;
      }
      free.unshift(HERE);
      void feed();
      notify();
    };
    const onError = (e: Error) => {
      failure ??= e;
      notify();
    };
    const onExit = (code: number) => {
      failure ??= new Error(`an analysis thread stopped (exit code ${code})`);
      notify();
    };
    const onMessage = new Map<Worker, (m: Reply) => void>();
    try {
      for (const w of this.workers) {
        const f = (m: Reply) => {
          if (m.fatal) {
            failure ??= m.fatal.name === 'RangeError' ? new RangeError(m.fatal.message) : new Error(m.fatal.message);
          } else ready.set(m.b, m.done!);
          free.push(w);
          void feed();
          notify();
        };
        onMessage.set(w, f);
        w.on('message', f).on('error', onError).on('exit', onExit);
      }
      for (;;) {
        void feed();
        while (!ready.has(next) && !failure && !(exhausted && !feeding && next >= sent))
          await new Promise<void>(r => {
            wake = r;
          });
        if (failure) throw failure;
        const done = ready.get(next);
        if (!done) break;
        ready.delete(next);
        next++;
        for (const d of done) yield d;
      }
    } finally {
      stopped = true;
      for (const [w, f] of onMessage) w.off('message', f).off('error', onError).off('exit', onExit);
    }
  }

  /** Stops the threads (their memory is given back); again, it does nothing. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map(w => w.terminate()));
  }
}

/** Every task's result, in the order of the tasks, analysed by `jobs` threads (1: here, on this thread). */
export async function* analyseAll(tasks: readonly Task[], want: Want, jobs: number): AsyncGenerator<Done> {
  const pool = new Pool(Math.min(jobs, tasks.length));
  try {
    yield* pool.run(tasks, tasks.length, want);
  } finally {
    await pool.close();
  }
}
