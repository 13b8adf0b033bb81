// The CLI benchmark: the command line as a user runs it, on batches made from ../shared/basil's real articles (varied
// as bench/workspace.ts varies the demo articles: 25 copies a story, each story with words, and some numbers, of its
// own). Reports the CLI process's peak memory (its worker threads included) for `check --jsonl` of 20,000 articles
// and `analyze --jsonl` of 20 MB, and how much faster `--jobs 2` analyses than `--jobs 1` (same output, checked):
// measured (the better of two runs each, taken in turn), and as the CPU times bound it on idle cores (on a shared
// machine a process gets its share of the cores however many threads it runs).
// usage: node out/bench/cliBench.js [--articles N] [--mb M] [--check-only] [--keep]

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = process.env.NEWSMARK_ROOT ?? resolve(__dirname, '../..');
const CLI = join(root, 'dist/cli.js');
const PROBE = join(root, 'out/bench/rssProbe.js');
const BASIL = resolve(process.env.NEWSMARK_SHARED ?? join(root, '../shared'), 'basil');
const MB = 1024 * 1024;
const sec = (ms: number) => (ms / 1000).toFixed(1);

/** The articles of basil's event folders (the README beside them is no article). */
export function basilTexts(dir: string, top = true): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...basilTexts(p, false));
    else if (!top && /\.(txt|md)$/.test(n)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

/**
 * Words kept as they are in every copy: the words that make sentences, attribute claims and tell time, so that the
 * engine reads the copies as it reads the originals. Every other word of three letters or more is a word of its story.
 */
const KEEP = new Set(
  `the and but for nor yet was are has had not who his her its our she him they you say says new one two
  that with from they them their there these those this then than have been were will would could should
  what when where which while whom whose about after before since until into onto over under upon also only just very
  more most some such other being does done said says told tell tells according announced acknowledged explained
  insisted confirmed reported reports report suggested stated added noted claimed argued warned denied asked urged
  called wrote replied responded promised vowed believes believed declined comment commented statement interview
  spokesman spokeswoman spokesperson officials official reporters president minister governor senator
  january february march april june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight morning evening week weeks
  month months year years last next ago earlier later early late because although however through between against
  without another whether several many much both each every even still already never here people percent million
  billion thousand hundred first second third`
    .split(/\s+/)
    .filter(Boolean),
);

/** A story's own letters (story 0: "qa", 1: "qb" …): a tag that keeps names looking like names. */
const tagOf = (story: number) =>
  'q' +
  story
    .toString(26)
    .split('')
    .map(d => String.fromCharCode(97 + parseInt(d, 26)))
    .join('');

/** Article k: a basil article whose words carry its story's tag, with some numbers changed. */
export function generated(texts: string[], k: number): string {
  const r = rng(k + 1);
  const story = Math.floor(k / 25);
  const tag = tagOf(story);
  let t = texts[k % texts.length];
  // Each story has its own subject and people: its words are words of that story only (copies of one basil
  // article in two stories share no claim).
  t = t.replace(/\b[A-Za-z]{3,}\b/g, w => (KEEP.has(w.toLowerCase()) ? w : `${w}${tag}`));
  t = t.replace(/\b\d{1,3}\b/g, m => (r(5) === 0 ? String(Number(m) + 1 + r(3)) : m));
  return `Story ${story}, copy ${k}.\n\n${t}`;
}

interface Run {
  ms: number;
  maxRssMb: number;
  /** CPU time of the whole process, and of its busiest thread. */
  cpuMs: number;
  busiestMs: number;
  code: number | null;
  bytes: number;
  sha: string;
  err: string;
}

/** Runs the CLI with the probe; stdout is counted and hashed, never kept. */
function cli(args: string[], cwd: string): Promise<Run> {
  return new Promise((done, fail) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['-r', PROBE, CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const hash = createHash('sha256');
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      bytes += b.length;
      hash.update(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString('utf8');
      if (err.length > 1 << 20) err = err.slice(-(1 << 19));
    });
    child.on('error', fail);
    child.on('close', code => {
      const m = /newsmark-bench-maxrss-kb=(\d+) cpu-ms=(\d+) busiest-thread-ms=(\d+)/.exec(err);
      done({
        ms: Number(process.hrtime.bigint() - t0) / 1e6,
        maxRssMb: m ? Number(m[1]) / 1024 : NaN,
        cpuMs: m ? Number(m[2]) : NaN,
        busiestMs: m ? Number(m[3]) : NaN,
        code,
        bytes,
        sha: hash.digest('hex'),
        err: err.replace(/\n?newsmark-bench-maxrss-kb=.*\n/, ''),
      });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      mb: { type: 'string' },
      'check-only': { type: 'boolean' },
      keep: { type: 'boolean' },
    },
  });
  const articles = Number(values.articles ?? 20000);
  // (With --check-only, no analysis batch: the check alone.)
  const mb = values['check-only'] ? 0 : Number(values.mb ?? 20);
  const texts = basilTexts(BASIL);
  if (!texts.length) throw new Error(`no articles in ${BASIL}`);
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-clibench-'));
  try {
    // The check's batch: `articles` files in folders of 1,000.
    let total = 0;
    for (let k = 0; k < articles; k++) {
      const sub = join(dir, 'check', `part${Math.floor(k / 1000)}`);
      if (k % 1000 === 0) mkdirSync(sub, { recursive: true });
      const t = generated(texts, k);
      total += Buffer.byteLength(t);
      writeFileSync(join(sub, `a${k}.txt`), t);
    }
    // The analysis batch: files until `mb` megabytes, named on the command line.
    const names: string[] = [];
    mkdirSync(join(dir, 'analyze'));
    for (let k = 0, size = 0; size < mb * MB; k++) {
      const t = generated(texts, 100000 + k);
      size += Buffer.byteLength(t);
      names.push(`analyze/b${k}.txt`);
      writeFileSync(join(dir, names[names.length - 1]), t);
    }
    console.log(
      `CLI bench: batches from ${texts.length} basil articles (25 copies a story; words and numbers varied); ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`,
    );

    const started = Date.now();
    const check = await cli(['check', '--jsonl', 'check'], dir);
    if (check.code === 2) throw new Error(`check failed: ${check.err.slice(0, 500)}`);
    console.log(
      `  check --jsonl, ${articles.toLocaleString('en')} articles (${(total / MB).toFixed(0)} MB): peak memory ${check.maxRssMb.toFixed(0)} MB ` +
        `${articles >= 20000 ? `(goal < 1,000 MB: ${check.maxRssMb < 1000 ? 'met' : 'MISSED'})` : '(the goal is for 20,000)'}; ${sec(check.ms)} s (CPU ${sec(check.cpuMs)} s); ${(check.bytes / MB).toFixed(0)} MB of JSON Lines`,
    );

    if (!names.length) return;
    // --jobs 1 and --jobs 2 in turn, twice: the better of each (the machine may be busy with other work meanwhile).
    const runs: Record<1 | 2, Run[]> = { 1: [], 2: [] };
    for (let round = 0; round < 2; round++)
      for (const n of [1, 2] as const) {
        const r = await cli(['analyze', '--jsonl', '--jobs', String(n), ...names], dir);
        if (r.code !== 0) throw new Error(`analyze --jobs ${n} failed: ${r.err.slice(0, 500)}`);
        runs[n].push(r);
      }
    const best = (rs: Run[]) => rs.reduce((x, y) => (y.ms < x.ms ? y : x));
    const a1 = best(runs[1]);
    const a2 = best(runs[2]);
    const same = [...runs[1], ...runs[2]].every(r => r.sha === a1.sha && r.bytes === a1.bytes);
    const peak = Math.max(...[...runs[1], ...runs[2]].map(r => r.maxRssMb));
    console.log(
      `  analyze --jsonl, ${names.length.toLocaleString('en')} articles (${mb} MB): peak memory ${a1.maxRssMb.toFixed(0)} MB with --jobs 1, ${a2.maxRssMb.toFixed(0)} MB with --jobs 2 ` +
        (mb >= 20 ? `(goal < 300 MB: ${peak < 300 ? 'met' : 'MISSED'})` : '(the goal is for 20 MB)'),
    );
    // On two idle cores a run takes at least its busiest thread's CPU time, and at least half its CPU time.
    const bound = (r: Run) => Math.max(r.busiestMs, r.cpuMs / 2);
    const measured = a1.ms / a2.ms;
    const idle = bound(a1) / bound(a2);
    console.log(
      `  analyze --jsonl --jobs 2 over --jobs 1: ${measured.toFixed(2)}× as fast measured (${sec(a1.ms)} s → ${sec(a2.ms)} s, load average ${loadavg()[0].toFixed(1)}; ` +
        `goal > 1×: ${measured > 1 ? 'met' : 'MISSED'}), ${idle.toFixed(2)}× as the CPU times bound it on 2 idle cores ` +
        `(CPU ${sec(a1.cpuMs)} s → ${sec(a2.cpuMs)} s, busiest thread ${sec(a1.busiestMs)} s → ${sec(a2.busiestMs)} s); ` +
        `output ${same ? 'identical' : 'DIFFERENT'}, ${(a1.bytes / MB).toFixed(0)} MB`,
    );
    console.log(`  CLI bench: ${sec(Date.now() - started)} s of runs`);
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('cliBench.js'))
  main().catch(e => {
    console.error(`cli bench: ${(e as Error).message}`);
    process.exitCode = 1;
  });
