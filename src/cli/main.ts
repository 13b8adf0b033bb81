// `newsmark`: the engine on the command line, for batches and CI.

import { readFileSync, statSync } from 'node:fs';
import { analyze, findPublicationDate, type Analysis } from '../core';
import { formatAnalysis } from './format';

declare const NEWSMARK_VERSION: string;
const VERSION = typeof NEWSMARK_VERSION === 'string' ? NEWSMARK_VERSION : '0.0.0-dev';

const HELP = `newsmark ${VERSION} — entities, dates and attributed claims in news articles

Usage:
  newsmark analyze FILE... [--json] [--published YYYY-MM-DD] [--story-date YYYY-MM-DD]
  newsmark --help | --version

Commands:
  analyze   Analyse articles (UTF-8 plain text or Markdown) and print what was found:
            a readable report by default, JSON (offsets in UTF-16 code units) with --json.

Options:
  --json                    Print one JSON object on stdout instead of the report.
  --published YYYY-MM-DD    Publication date for every FILE (else each article's own date line).
  --story-date YYYY-MM-DD   Date of the story, used only to give years to year-less dates ("January 3")
                            in articles that state no publication date. Default: the latest publication
                            date among the FILEs.

Exit codes: 0 success; 2 when a file could not be read or the command line is wrong (the other files are
still reported).
`;

export interface Loaded {
  path: string;
  text?: string;
  error?: string;
}

/** Reads a file as UTF-8 text, or says in one line why it cannot be analysed. BOM removed. */
export function load(path: string): Loaded {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) return { path, error: 'is a directory, not a file' };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (e as Error).message;
    return { path, error: why };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { path, error: 'binary file (contains NUL bytes), not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { path, error: 'not valid UTF-8 text (save it as UTF-8 and try again)' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { path, text };
}

interface Args {
  command: string | null;
  files: string[];
  json: boolean;
  published: string | null;
  storyDate: string | null;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { command: null, files: [], json: false, published: null, storyDate: null };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--json') a.json = true;
    else if (x === '--published' || x === '--story-date') {
      const v = argv[++i];
      if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${x} needs a date as YYYY-MM-DD`;
      if (x === '--published') a.published = v; else a.storyDate = v;
    } else if (x === '--') a.files.push(...argv.slice(i + 1)), (i = argv.length);
    else if (x.startsWith('-')) return `unknown option ${x}`;
    else if (!a.command) a.command = x;
    else a.files.push(x);
  }
  return a;
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  if (argv.includes('--help') || argv.includes('-h')) { out(HELP); return 0; }
  if (argv.includes('--version') || argv.includes('-V')) { out(`${VERSION}\n`); return 0; }
  const args = parseArgs(argv);
  if (typeof args === 'string') { err(`newsmark: ${args}\nTry 'newsmark --help'.\n`); return 2; }
  if (args.command !== 'analyze') {
    err(args.command ? `newsmark: unknown command '${args.command}'\nTry 'newsmark --help'.\n` : HELP);
    return 2;
  }
  if (args.files.length === 0) { err(`newsmark: analyze needs at least one FILE\nTry 'newsmark --help'.\n`); return 2; }

  const loaded = args.files.map(load);
  const errors = loaded.filter(l => l.error).map(l => ({ path: l.path, message: l.error! }));
  for (const e of errors) err(`newsmark: ${e.path}: ${e.message}\n`);
  const ok = loaded.filter((l): l is Required<Pick<Loaded, 'path' | 'text'>> => l.text !== undefined);
  const ownDates = ok.map(l => args.published ?? findPublicationDate(l.text));
  const storyDate = args.storyDate ?? ownDates.filter((d): d is string => !!d).sort().pop() ?? null;
  const results: { path: string; text: string; analysis: Analysis }[] = ok.map((l, i) => ({
    path: l.path,
    text: l.text,
    analysis: analyze(l.text, { published: ownDates[i], storyDate }),
  }));

  if (args.json) {
    const doc = {
      tool: { name: 'newsmark', version: VERSION },
      offsets: 'utf16',
      documents: results.map(r => ({ path: r.path, ...r.analysis })),
      errors,
    };
    out(JSON.stringify(doc, null, 2) + '\n');
  } else {
    for (const r of results) out(formatAnalysis(r.path, r.text, r.analysis) + '\n');
  }
  return errors.length ? 2 : 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), s => process.stdout.write(s), s => process.stderr.write(s));
}
