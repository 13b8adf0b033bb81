// `newsmark`: the engine on the command line, for batches and CI.

import { isMainThread } from 'node:worker_threads';
import { checkAnchors, formatAnchors } from './anchors';
import { type Args, readArgs } from './args';
import { analyzeCommand, checkCommand } from './batch';
import { EXPORT_FORMATS, runExport, runImport, type ExportFormat } from './exchange';
import { IMPORT_ARTICLE_USAGE, runImportArticle } from './importArticle';
import { type Sink, Writer } from './jsonl';

declare const NEWSMARK_VERSION: string;
const VERSION = typeof NEWSMARK_VERSION === 'string' ? NEWSMARK_VERSION : '0.0.0-dev';

const HELP = `newsmark ${VERSION} — entities, dates and attributed claims in news articles

Usage:
  newsmark analyze FILE... [--json] [--jsonl] [--jobs N] [--published YYYY-MM-DD] [--story-date YYYY-MM-DD]
  newsmark anchors PATH... [--write] [--json] [--jsonl]
  newsmark check PATH... [--json] [--jsonl] [--jobs N]
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

Options (each takes its value as --name VALUE or --name=VALUE):
  --json                    Print one JSON object on stdout instead of the report.
  --jsonl                   Print JSON Lines instead, written as the work goes: (analyze) a line per article,
                            as --json's documents; (check) a line per article read, then per source, shared
                            claim, conflict and derived group, each with its "type", and a summary last;
                            (anchors) a line per article. Unreadable files are lines with an "error".
  --jobs N, -j N            (analyze, check) Analyse on N threads. Default: every core of the machine (one for
                            small batches). The results are the same, in the same order, for any N.
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

/**
 * Runs a command line. Whatever happens inside, the user gets one line on stderr and exit code 2, never a stack
 * trace (and never exit 1, which means orphans or conflicts).
 */
export async function run(
  argv: string[],
  out: Sink['write'],
  err: (s: string) => void,
  drain?: Sink['drain'],
): Promise<number> {
  const w = new Writer({ write: out, drain });
  try {
    return await runCommand(argv, w, err);
  } catch (e) {
    const m =
      e instanceof RangeError && /call stack/i.test(e.message)
        ? 'an input is nested too deeply to be read'
        : ((e as Error)?.message?.split('\n')[0] ?? String(e));
    await w.flush().catch(() => undefined);
    err(`newsmark: could not finish: ${m}\n`);
    return 2;
  }
}

async function runCommand(argv: string[], w: Writer, err: (s: string) => void): Promise<number> {
  const out = (s: string) => {
    void w.write(s);
  };
  // import-article has its own options (and may fetch pages).
  if (argv[0] === 'import-article' && !argv.includes('--help') && !argv.includes('-h')) {
    try {
      return await runImportArticle(argv.slice(1), out, err);
    } finally {
      await w.flush();
    }
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    out(HELP);
    await w.flush();
    return 0;
  }
  if (argv.includes('--version') || argv.includes('-V')) {
    out(`${VERSION}\n`);
    await w.flush();
    return 0;
  }
  const args = readArgs(argv);
  if (typeof args === 'string') {
    err(`newsmark: ${args}\nTry 'newsmark --help'.\n`);
    return 2;
  }
  if (!['analyze', 'anchors', 'check', 'export', 'import'].includes(args.command ?? '')) {
    err(args.command ? `newsmark: unknown command '${args.command}'\nTry 'newsmark --help'.\n` : HELP);
    return 2;
  }
  if (args.files.length === 0) {
    err(
      `newsmark: ${args.command} needs at least one ${args.command === 'analyze' ? 'FILE' : 'PATH'}\nTry 'newsmark --help'.\n`,
    );
    return 2;
  }
  if (args.jsonl && !['analyze', 'anchors', 'check'].includes(args.command!)) {
    err(
      `newsmark: --jsonl works with analyze, anchors and check${args.command === 'export' ? ' (export writes JSON Lines with --format jsonl)' : ''}\nTry 'newsmark --help'.\n`,
    );
    return 2;
  }
  if (args.jobs !== null && !['analyze', 'check'].includes(args.command!)) {
    err(`newsmark: --jobs works with analyze and check\nTry 'newsmark --help'.\n`);
    return 2;
  }
  let code: number;
  if (args.command === 'analyze') code = await analyzeCommand(args, w, err, VERSION);
  else if (args.command === 'check') code = await checkCommand(args, w, err, VERSION);
  else if (args.command === 'anchors') code = await anchors(args, w, err);
  else if (args.command === 'export') code = await exportCommand(args, out, err);
  else code = await importCommand(args, out, err);
  await w.flush();
  return code;
}

async function anchors(args: Args, w: Writer, err: (s: string) => void): Promise<number> {
  const out = (s: string) => w.write(s);
  const r = await checkAnchors(args.files, args.write);
  for (const e of r.errors) err(`newsmark: ${e.path}: ${e.message}\n`);
  if (args.jsonl) {
    for (const d of r.documents) await w.line(d);
    for (const e of r.errors) await w.line({ path: e.path, error: e.message });
  } else if (args.json) {
    await out(
      JSON.stringify(
        { tool: { name: 'newsmark', version: VERSION }, offsets: 'utf16', documents: r.documents, errors: r.errors },
        null,
        2,
      ) + '\n',
    );
  } else if (r.documents.length) {
    await out(formatAnchors(r) + '\n');
  }
  if (r.errors.length) return 2;
  return r.documents.some(d => d.annotations.some(a => a.status === 'orphaned')) ? 1 : 0;
}

async function exportCommand(args: Args, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (!args.format) {
    err(`newsmark: export needs --format ${EXPORT_FORMATS.join('|')}\nTry 'newsmark --help'.\n`);
    return 2;
  }
  const r = await runExport(args.files, args.format as ExportFormat, { detected: args.detected, out: args.out });
  for (const e of r.errors) err(`newsmark: ${e.path}: ${e.message}\n`);
  for (const n of r.notes) err(`newsmark: ${n}\n`);
  if (r.stdout) out(r.stdout);
  if (r.written.length)
    err(`newsmark: wrote ${r.written.length} file${r.written.length === 1 ? '' : 's'} into ${args.out}\n`);
  return r.errors.length ? 2 : 0;
}

async function importCommand(args: Args, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const exports = args.files.filter(f => /\.(?:jsonld|json|ann)$/i.test(f));
  const articles = args.files.filter(f => !exports.includes(f));
  if (!exports.length || !articles.length) {
    err(
      `newsmark: import needs export files (.jsonld, .json, .ann) and the articles (or folders) they belong to\nTry 'newsmark --help'.\n`,
    );
    return 2;
  }
  const r = await runImport(exports, articles, args.dryRun);
  for (const e of r.errors) err(`newsmark: ${e.path}: ${e.message}\n`);
  for (const p of r.problems) err(`newsmark: ${p}\n`);
  for (const x of r.reports) {
    out(
      `${x.article}: ${x.added} annotation${x.added === 1 ? '' : 's'} ${args.dryRun ? 'to import' : 'imported'}${x.already ? `, ${x.already} already there` : ''}${x.relations ? `, ${x.relations} relation${x.relations === 1 ? '' : 's'}` : ''} → ${x.sidecar}\n`,
    );
  }
  return r.errors.length ? 2 : 0;
}

if (require.main === module && isMainThread) {
  const drain = () => new Promise<void>(resolve => process.stdout.once('drain', resolve));
  void run(
    process.argv.slice(2),
    s => process.stdout.write(s),
    s => process.stderr.write(s),
    drain,
  ).then(code => {
    process.exitCode = code;
  });
}
