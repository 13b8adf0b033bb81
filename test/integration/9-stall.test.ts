// Never in the way: indexing 2,000 articles runs in the analysis worker, and the extension host (where this test
// runs too) keeps answering. The longest stall of its event loop while the index is built is measured by a 10 ms
// timer and printed; the goal is under 50 ms, asserted loosely because test machines are shared and loaded.
// The articles are the real ones of ../shared/basil (read by path, copied into the test's temporary workspace).
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CrossResult } from '../../src/core/cross/crossdoc';
import type { CheckSummary } from '../../src/worker/engineServer';
import type { NewsmarkApi } from '../../src/extension/extension';
import { sleep, until } from './wait';

const COUNT = 2000;

/**
 * The writer of the articles, run as its own process: reads one line { root, count, sources } on its input, says
 * "ready", and once its input ends writes count articles, copies of the sources, each copy differing by its first
 * line (so that no two share an analysis).
 */
const WRITER = `
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
let input = '';
let job;
process.stdin.setEncoding('utf8');
process.stdin.on('data', d => {
  input += d;
  if (!job && d.includes('\\n')) {
    job = JSON.parse(input.slice(0, input.indexOf('\\n')));
    process.stdout.write('ready\\n');
  }
});
process.stdin.on('end', () => {
  const { root, count, sources } = job;
  for (let i = 0; i < count; i++) {
    const s = sources[i % sources.length];
    const copy = Math.floor(i / sources.length);
    const path = join(root, 'copy' + copy, s.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, 'Copy ' + copy + ' of ' + s.name + '.\\n\\n' + s.text);
    if (s.sidecar) writeFileSync(path + '.newsmark.yaml', s.sidecar);
  }
});
`;
/**
 * Loose bound: the figure printed is what matters (goal: under 50 ms). On the extension host, the cross-article
 * check of these 2,000 articles alone took about 100 s in one piece (a loaded two-core machine); with the check in
 * the worker, the host still stalled 1–10 s (the check's result taken apart at once, every tree item and diagnostic
 * made in one go, the cache's JSON encoded on the host). Taken in small steps, and with the analyses, the check's
 * result and the cache's bytes kept in the worker (the host receives counts and the pages it shows), what is left on
 * a loaded machine is mostly the machine's own load (the idle figure printed beside) and the host's own collections.
 */
const LOOSE_MS = 2500;

/** Articles (text, and the sidecar that dates it, if any) from ../shared/basil, or else from the demo workspace. */
async function sourceArticles(
  root: string,
  workspace: string,
): Promise<{ name: string; text: string; sidecar?: string }[]> {
  const basil = process.env.NEWSMARK_SHARED
    ? join(process.env.NEWSMARK_SHARED, 'basil')
    : join(root, '../shared/basil');
  const out: { name: string; text: string; sidecar?: string }[] = [];
  const dir = existsSync(basil) ? basil : workspace;
  for (const story of (await readdir(dir, { withFileTypes: true })).filter(d => d.isDirectory() && d.name !== 'bulk')) {
    for (const f of (await readdir(join(dir, story.name))).filter(n => /\.(txt|md|news)$/.test(n))) {
      const p = join(dir, story.name, f);
      const sidecar = existsSync(`${p}.newsmark.yaml`) ? await readFile(`${p}.newsmark.yaml`, 'utf8') : undefined;
      out.push({ name: `${story.name}/${f}`, text: await readFile(p, 'utf8'), sidecar });
    }
  }
  return out;
}

/** The gaps over 20 ms between the timer's ticks: when each ended (performance.now()) and how long it was. */
const gaps: { end: number; ms: number }[] = [];

/**
 * With NEWSMARK_STALL_PROFILE set to a file path, a CPU profile of the extension host while `work` runs is written
 * there (to find what holds it up: open it in a browser's or VS Code's profile viewer), and beside it (.gaps.json)
 * the long gaps, in milliseconds from the profile's start.
 */
async function profiled<T>(work: () => Promise<T>): Promise<T> {
  const file = process.env.NEWSMARK_STALL_PROFILE;
  if (!file) return work();
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const start = performance.now();
  // (the same moment on the profile's clock, in microseconds: both are the system's monotonic clock)
  const startMicros = Number(process.hrtime.bigint() / 1000n);
  const { PerformanceObserver } = await import('node:perf_hooks');
  const gcs: { at: number; ms: number; kind: unknown }[] = [];
  const gc = new PerformanceObserver(list => {
    for (const e of list.getEntries())
      gcs.push({ at: e.startTime - start, ms: e.duration, kind: (e as { detail?: { kind?: unknown } }).detail?.kind });
  });
  gc.observe({ entryTypes: ['gc'] });
  const heap = () => Math.round(process.memoryUsage().heapUsed / 1e6);
  const heapBefore = heap();
  try {
    return await work();
  } finally {
    gc.disconnect();
    const { profile } = await session.post('Profiler.stop');
    await writeFile(file, JSON.stringify(profile));
    await writeFile(
      `${file}.gaps.json`,
      JSON.stringify(gaps.map(g => ({ end: g.end - start, ms: g.ms, at: startMicros + (g.end - start) * 1000 }))),
    );
    await writeFile(`${file}.gc.json`, JSON.stringify({ heapBefore, heapAfter: heap(), gcs }));
    session.disconnect();
  }
}

/**
 * The time this thread (the extension host's) has run on a core, and waited for one while ready to run, in
 * milliseconds (Linux's scheduler statistics), or null elsewhere: what Newsmark costs the host, whatever the load.
 */
function threadTimes(): { cpu: number; wait: number } | null {
  try {
    const [cpu, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return Number.isFinite(cpu) && Number.isFinite(wait) ? { cpu: cpu / 1e6, wait: wait / 1e6 } : null;
  } catch {
    return null;
  }
}

/**
 * Largest gap between ticks of a 10 ms timer while `work` runs, beyond the 10 ms asked for; and, where Linux tells,
 * how that gap was spent by this thread: running (work of its own: Newsmark's, VS Code's, a collection) or ready to
 * run but waiting for a core (the machine's other threads and processes had them).
 */
async function longestStall(
  work: () => Promise<unknown>,
): Promise<{ stall: number; ms: number; split: { cpu: number; wait: number } | null }> {
  let last = performance.now();
  let lastTimes = threadTimes();
  let worst = 0;
  let split: { cpu: number; wait: number } | null = null;
  const tick = () => {
    const now = performance.now();
    const times = threadTimes();
    const gap = now - last - 10;
    if (gap > worst) {
      worst = gap;
      split = times && lastTimes ? { cpu: times.cpu - lastTimes.cpu, wait: times.wait - lastTimes.wait } : null;
    }
    if (gap > 20) gaps.push({ end: now, ms: gap });
    last = now;
    lastTimes = times;
  };
  const timer = setInterval(tick, 10);
  const t0 = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  // (the time since the last tick counts too, with how it was spent)
  tick();
  return { stall: worst, ms: performance.now() - t0, split };
}

describe('indexing 2,000 articles', function () {
  this.timeout(1800000);
  let api: NewsmarkApi;
  const folder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
  const bulk = () => join(folder(), 'bulk');

  let sources: Awaited<ReturnType<typeof sourceArticles>> = [];

  before(async () => {
    const ext = vscode.extensions.getExtension<NewsmarkApi>('newsmark.newsmark')!;
    api = await until('activation', async () => (await ext.activate(), ext.isActive && ext.exports));
    sources = await sourceArticles(ext.extensionPath, folder());
    assert.ok(sources.length > 0);
  });

  /**
   * The articles land in the workspace with their sidecars, written by another process as a checkout or a download
   * would bring them (so that the extension host's stall is Newsmark's, not this test's own file writing). The
   * writer is started, and given the articles, before the measure: starting a process holds up the thread that
   * starts it (on a loaded machine for a hundred milliseconds and more), and so does handing it megabytes of text.
   * `go` lets it write them, and resolves when they are all written.
   */
  async function articleWriter(): Promise<{ go: () => Promise<void> }> {
    const child = spawn(process.execPath, ['-e', WRITER], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    let errors = '';
    child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    const done = new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const ready = new Promise<void>(resolve => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('ready')) resolve();
      });
    });
    child.stdin.write(`${JSON.stringify({ root: bulk(), count: COUNT, sources })}\n`);
    await Promise.race([ready, done]);
    return {
      go: async () => {
        child.stdin.end();
        const code = await done;
        assert.equal(code, 0, `the article writer failed: ${errors}`);
      },
    };
  }

  after(async () => {
    await rm(bulk(), { recursive: true, force: true, maxRetries: 5 });
    await sleep(1000);
    await api.reindex();
  });

  it('keeps the extension host responsive (longest stall logged; goal under 50 ms)', async () => {
    // Earlier tests leave the Compare Coverage and Timeline pages open; they re-render in one piece on the extension
    // host for every index update (about 60 s for 2,000 articles here), which is their matter, not indexing's.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The same probe with nothing to do: what the machine's load alone costs (the floor of the figure).
    const idle = await longestStall(() => sleep(3000));
    let articles = 0;
    let counts: CheckSummary | undefined;
    const writer = await articleWriter();
    const before = threadTimes();
    // From the moment the articles land (so that every analysis is made while measured: none is ready before).
    const { stall, ms, split } = await profiled(() =>
      longestStall(async () => {
        await writer.go();
        // (the extension host receives the check's counts; its result stays in the worker)
        counts = await api.reindexCounts();
        articles = api.articleCount();
        // and what the file watcher scheduled meanwhile for the new files
        await sleep(2000);
        await api.whenIndexed();
      }),
    );
    const after = threadTimes();
    console.log(
      `      longest extension-host stall while indexing ${articles} articles: ${stall.toFixed(1)} ms (goal < 50 ms; indexing took ${(ms / 1000).toFixed(1)} s, analysis on the ${api.engineWhere()}; ${idle.stall.toFixed(1)} ms while idle)`,
    );
    if (split)
      console.log(
        `      in the longest stall, the extension host's thread ran ${split.cpu.toFixed(1)} ms and waited ${split.wait.toFixed(1)} ms for a core`,
      );
    if (before && after)
      console.log(
        `      the extension host's thread meanwhile: ${((after.cpu - before.cpu) / 1000).toFixed(2)} s on a core, ${((after.wait - before.wait) / 1000).toFixed(2)} s waiting for one`,
      );
    assert.ok(articles >= COUNT, `${articles} articles indexed`);
    assert.ok(counts && counts.documents >= COUNT, `${counts?.documents} articles checked`);
    const checked: CrossResult | null = await api.checkResult();
    // The cross-article check ran over all of them: copies of one story report the same claims.
    assert.ok(checked && checked.documents.length >= COUNT, `${checked?.documents.length} articles checked`);
    const bulkDocs = new Set(
      checked.claims.flatMap(c => c.mentions.map(m => m.doc)).filter(d => d.startsWith('bulk/')),
    );
    assert.ok(bulkDocs.size > COUNT / 2, `claims found in ${bulkDocs.size} of the articles`);
    assert.equal(api.engineWhere(), 'worker');
    assert.ok(stall < LOOSE_MS, `the extension host stalled ${stall.toFixed(0)} ms`);
  });
});
