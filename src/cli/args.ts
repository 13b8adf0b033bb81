// The command line of `newsmark` (all commands but import-article), read with Node's own `parseArgs`: every option
// takes `--name value` and `--name=value` alike, and a wrong line becomes one sentence for stderr.

import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS } from './exchange';

export interface Args {
  command: string | null;
  files: string[];
  json: boolean;
  /** One JSON object a line, written as each article or result is ready. */
  jsonl: boolean;
  write: boolean;
  published: string | null;
  storyDate: string | null;
  format: string | null;
  detected: boolean;
  out: string | null;
  dryRun: boolean;
  /** How many threads analyse articles (analyze, check); null: as many as help (up to all cores). */
  jobs: number | null;
}

const OPTIONS = {
  json: { type: 'boolean' },
  jsonl: { type: 'boolean' },
  write: { type: 'boolean' },
  detected: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  published: { type: 'string' },
  'story-date': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

/** The cores this machine offers: the default of --jobs. */
export function allCores(): number {
  try {
    return Math.max(1, typeof availableParallelism === 'function' ? availableParallelism() : cpus().length);
  } catch {
    return 1;
  }
}

/** The arguments, or a sentence saying what is wrong with them. */
export function readArgs(argv: string[]): Args | string {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return explain(e as Error & { code?: string }, argv);
  }
  const v = parsed.values;
  const [command = null, ...files] = parsed.positionals;
  const a: Args = {
    command,
    files,
    json: !!v.json,
    jsonl: !!v.jsonl,
    write: !!v.write,
    published: null,
    storyDate: null,
    format: null,
    detected: !!v.detected,
    out: null,
    dryRun: !!v['dry-run'],
    jobs: null,
  };
  if (a.json && a.jsonl) return '--json and --jsonl cannot go together: choose one';
  if (v.format !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(v.format))
      return `--format needs one of ${EXPORT_FORMATS.join(', ')}`;
    a.format = v.format;
  }
  if (v.out !== undefined) {
    if (!v.out) return '--out needs a folder';
    a.out = v.out;
  }
  for (const name of ['published', 'story-date'] as const) {
    const d = v[name];
    if (d === undefined) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return `--${name} needs a date as YYYY-MM-DD`;
    if (!realDay(d))
      return `--${name} ${d} is not a date on the calendar (YYYY-MM-DD: month 01–12, a day the month has)`;
    if (name === 'published') a.published = d;
    else a.storyDate = d;
  }
  if (v.jobs !== undefined) {
    if (!/^\d{1,4}$/.test(v.jobs) || Number(v.jobs) < 1)
      return `--jobs needs a whole number of threads, 1 or more (this machine has ${allCores()} cores)`;
    a.jobs = Number(v.jobs);
  }
  return a;
}

/** parseArgs' errors in our words: the option named, and what it wants. */
function explain(e: Error & { code?: string }, argv: string[]): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // Named as the user typed it: "--nope", not "--nope=1".
    const typed = argv.find(x => x === quoted || x.startsWith(quoted + '=')) ?? quoted;
    return `unknown option ${typed.split('=')[0]}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
    if (/argument missing|ambiguous/.test(e.message)) return `${name} needs ${WANTS[name.slice(2)] ?? 'a value'}`;
    return `${name} takes no value`;
  }
  return e.message.split('\n')[0];
}

const WANTS: Record<string, string> = {
  format: `one of ${EXPORT_FORMATS.join(', ')}`,
  out: 'a folder',
  published: 'a date as YYYY-MM-DD',
  'story-date': 'a date as YYYY-MM-DD',
  jobs: 'a whole number of threads, 1 or more',
};

/** A YYYY-MM-DD that names a day of the calendar (not 2026-13-45 or 2026-02-30). */
export function realDay(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && d >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
