// `newsmark`: the engine on the command line, for batches and CI.

import { analyze, type Analysis } from '../core';
import { checkAnchors, formatAnchors } from './anchors';
import { formatCheck, runCheck } from './check';
import { cliModel, load, type Loaded, toModelPath } from './files';
import { formatAnalysis } from './format';
import { EXPORT_FORMATS, runExport, runImport, type ExportFormat } from './exchange';
import { IMPORT_ARTICLE_USAGE, runImportArticle } from './importArticle';

declare const NEWSMARK_VERSION: string;
const VERSION = typeof NEWSMARK_VERSION === 'string' ? NEWSMARK_VERSION : '0.0.0-dev';

const HELP = `newsmark ${VERSION} — entities, dates and attributed claims in news articles

Usage:
  newsmark analyze FILE... [--json] [--published YYYY-MM-DD] [--story-date YYYY-MM-DD]
  newsmark anchors PATH... [--write] [--json]
  newsmark check PATH... [--json]
  newsmark export --format w3c|brat|csv|jsonl [--detected] [--out DIR] PATH...
  newsmark import EXPORT... PATH... [--dry-run]
  ${IMPORT_ARTICLE_USAGE}
  newsmark --help | --version

Commands:
  analyze   Analyse articles (UTF-8 plain text or Markdown) and print what was found:
            a readable report by default, JSON (offsets in UTF-16 code units) with --json.
  anchors   For every article with a sidecar (PATH: articles, sidecars, or folders searched for
            sidecars), where each annotation is found in the article's current text: ok, moved
            or orphaned. --write stores the new positions of moved annotations and changes
            nothing else in the sidecar. Exit code 0: none orphaned; 1: some orphaned; 2: errors.
  check     Reads the articles together (PATH: articles, or folders searched for .txt, .md and
            .news files): the sources quoted across them, the claims several report, and where
            they disagree (numbers, dates, hedges, attributions, names, negations). Exit code 0:
            no conflict; 1: conflicts found; 2: errors.
  export    Writes the annotations of the articles (from their sidecars) as W3C Web Annotation
            JSON-LD (an AnnotationCollection; TextQuote and TextPosition selectors, positions in
            code points), brat standoff (a .txt and .ann pair per article, offsets in code points,
            plus brat's annotation.conf), CSV (a row per annotation) or JSON Lines (an article a
            line, with its text and character spans). w3c, csv and jsonl go to stdout unless --out
            is given; brat needs --out. --detected adds the engine's findings that no one has
            confirmed. Annotations whose words are gone are exported by their quote only (w3c, csv,
            jsonl) or listed on stderr (brat).
  import    Reads W3C exports (.json, .jsonld) and brat .ann files back into the sidecars of the
            articles (PATH: articles or folders). Annotations already in a sidecar are not added
            twice; a sidecar that does not read is left untouched. --dry-run writes nothing.
  import-article
            Brings web pages in as articles: a saved page (.html) or an address (fetched when the
            machine is online) becomes a clean article (headline first, paragraphs kept; no menus,
            ads, "Also Read" links, share buttons or comments), named <outlet>-<headline>.txt (or .md
            with --format md), and a sidecar whose document gives its title, outlet, URL, byline
            and publication date. Says what it could not find. Never writes over a file (adds -2,
            -3 …). Written beside a saved page, or into the current folder for an address, unless
            --out DIR. --keep-html keeps the fetched page beside the article.

Options:
  --json                    Print one JSON object on stdout instead of the report.
  --published YYYY-MM-DD    Publication date for every FILE (else each article's own date line).
  --write                   (anchors) Store the new positions of moved annotations.
  --format FORMAT           (export) w3c, brat, csv or jsonl.
  --detected                (export) Add the engine's findings no one has confirmed yet.
  --out DIR                 (export) Write into DIR instead of stdout.
  --dry-run                 (import) Say what would be imported; write nothing.
  --story-date YYYY-MM-DD   Date of the story, used only to give years to year-less dates ("January 3")
                            in articles that state no publication date. Default: the latest publication
                            date among the articles of the FILE's folder (as in the editor).

Exit codes: 0 success; 1 (anchors) some annotations are orphaned, (check) conflicts found; 2 when a file could not be read or the
command line is wrong (the other files are still reported).
`;

interface Args {
  command: string | null;
  files: string[];
  json: boolean;
  write: boolean;
  published: string | null;
  storyDate: string | null;
  format: string | null;
  detected: boolean;
  out: string | null;
  dryRun: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { command: null, files: [], json: false, write: false, published: null, storyDate: null, format: null, detected: false, out: null, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--json') a.json = true;
    else if (x === '--write') a.write = true;
    else if (x === '--detected') a.detected = true;
    else if (x === '--dry-run') a.dryRun = true;
    else if (x === '--format' || x.startsWith('--format=')) {
      const v = x.includes('=') ? x.slice(9) : argv[++i];
      if (!v || !(EXPORT_FORMATS as readonly string[]).includes(v)) return `--format needs one of ${EXPORT_FORMATS.join(', ')}`;
      a.format = v;
    } else if (x === '--out' || x.startsWith('--out=')) {
      const v = x.includes('=') ? x.slice(6) : argv[++i];
      if (!v) return '--out needs a folder';
      a.out = v;
    }
    else if (x === '--published' || x === '--story-date') {
      const v = argv[++i];
      if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${x} needs a date as YYYY-MM-DD`;
      if (!realDay(v)) return `${x} ${v} is not a date on the calendar (YYYY-MM-DD: month 01–12, a day the month has)`;
      if (x === '--published') a.published = v; else a.storyDate = v;
    } else if (x === '--') { for (const f of argv.slice(i + 1)) a.files.push(f); i = argv.length; }
    else if (x.startsWith('-')) return `unknown option ${x}`;
    else if (!a.command) a.command = x;
    else a.files.push(x);
  }
  return a;
}

/** A YYYY-MM-DD that names a day of the calendar (not 2026-13-45 or 2026-02-30). */
function realDay(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && d >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Runs a command line. Whatever happens inside, the user gets one line on stderr and exit code 2, never a stack
 * trace (and never exit 1, which means orphans or conflicts).
 */
export async function run(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  try {
    return await runCommand(argv, out, err);
  } catch (e) {
    const m = e instanceof RangeError && /call stack/i.test(e.message) ? 'an input is nested too deeply to be read'
      : (e as Error)?.message?.split('\n')[0] ?? String(e);
    err(`newsmark: could not finish: ${m}\n`);
    return 2;
  }
}

async function runCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  // import-article has its own options (and may fetch pages).
  if (argv[0] === 'import-article' && !argv.includes('--help') && !argv.includes('-h')) return runImportArticle(argv.slice(1), out, err);
  if (argv.includes('--help') || argv.includes('-h')) { out(HELP); return 0; }
  if (argv.includes('--version') || argv.includes('-V')) { out(`${VERSION}\n`); return 0; }
  const args = parseArgs(argv);
  if (typeof args === 'string') { err(`newsmark: ${args}\nTry 'newsmark --help'.\n`); return 2; }
  if (!['analyze', 'anchors', 'check', 'export', 'import'].includes(args.command ?? '')) {
    err(args.command ? `newsmark: unknown command '${args.command}'\nTry 'newsmark --help'.\n` : HELP);
    return 2;
  }
  if (args.files.length === 0) { err(`newsmark: ${args.command} needs at least one ${args.command === 'analyze' ? 'FILE' : 'PATH'}\nTry 'newsmark --help'.\n`); return 2; }
  if (args.command === 'anchors') return anchors(args, out, err);
  if (args.command === 'check') return check(args, out, err);
  if (args.command === 'export') return exportCommand(args, out, err);
  if (args.command === 'import') return importCommand(args, out, err);

  const loaded = args.files.map(load);
  const errors = loaded.filter(l => l.error).map(l => ({ path: l.path, message: l.error! }));
  for (const e of errors) err(`newsmark: ${e.path}: ${e.message}\n`);
  const ok = loaded.filter((l): l is Required<Pick<Loaded, 'path' | 'text'>> => l.text !== undefined);
  // The workspace model's date rule: the sidecar's document.published, else a date line in the text; year-less
  // dates of an undated article take the latest publication date of its folder. --published / --story-date win.
  const results: { path: string; text: string; analysis: Analysis }[] = [];
  for (const l of ok) {
    const dates = await cliModel().dateOptions(toModelPath(l.path), l.text);
    results.push({ path: l.path, text: l.text, analysis: analyze(l.text, { published: args.published ?? dates.published, storyDate: args.storyDate ?? dates.storyDate }) });
  }

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

async function check(args: Args, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const r = await runCheck(args.files, () => args.published);
  for (const e of r.errors) err(`newsmark: ${e.path}: ${e.message}\n`);
  if (args.json) {
    out(JSON.stringify({ tool: { name: 'newsmark', version: VERSION }, offsets: 'utf16', ...r }, null, 2) + '\n');
  } else {
    out(formatCheck(r) + '\n');
  }
  if (r.errors.length) return 2;
  return r.conflicts.length ? 1 : 0;
}

async function anchors(args: Args, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const r = await checkAnchors(args.files, args.write);
  for (const e of r.errors) err(`newsmark: ${e.path}: ${e.message}\n`);
  if (args.json) {
    out(JSON.stringify({ tool: { name: 'newsmark', version: VERSION }, offsets: 'utf16', documents: r.documents, errors: r.errors }, null, 2) + '\n');
  } else if (r.documents.length) {
    out(formatAnchors(r) + '\n');
  }
  if (r.errors.length) return 2;
  return r.documents.some(d => d.annotations.some(a => a.status === 'orphaned')) ? 1 : 0;
}

async function exportCommand(args: Args, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (!args.format) { err(`newsmark: export needs --format ${EXPORT_FORMATS.join('|')}\nTry 'newsmark --help'.\n`); return 2; }
  const r = await runExport(args.files, args.format as ExportFormat, { detected: args.detected, out: args.out });
  for (const e of r.errors) err(`newsmark: ${e.path}: ${e.message}\n`);
  for (const n of r.notes) err(`newsmark: ${n}\n`);
  if (r.stdout) out(r.stdout);
  if (r.written.length) err(`newsmark: wrote ${r.written.length} file${r.written.length === 1 ? '' : 's'} into ${args.out}\n`);
  return r.errors.length ? 2 : 0;
}

async function importCommand(args: Args, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const exports = args.files.filter(f => /\.(?:jsonld|json|ann)$/i.test(f));
  const articles = args.files.filter(f => !exports.includes(f));
  if (!exports.length || !articles.length) { err(`newsmark: import needs export files (.jsonld, .json, .ann) and the articles (or folders) they belong to\nTry 'newsmark --help'.\n`); return 2; }
  const r = await runImport(exports, articles, args.dryRun);
  for (const e of r.errors) err(`newsmark: ${e.path}: ${e.message}\n`);
  for (const p of r.problems) err(`newsmark: ${p}\n`);
  for (const x of r.reports) {
    out(`${x.article}: ${x.added} annotation${x.added === 1 ? '' : 's'} ${args.dryRun ? 'to import' : 'imported'}${x.already ? `, ${x.already} already there` : ''}${x.relations ? `, ${x.relations} relation${x.relations === 1 ? '' : 's'}` : ''} → ${x.sidecar}\n`);
  }
  return r.errors.length ? 2 : 0;
}

if (require.main === module) {
  void run(process.argv.slice(2), s => process.stdout.write(s), s => process.stderr.write(s)).then(code => { process.exitCode = code; });
}
