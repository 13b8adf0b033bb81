// Hostile inputs against the built CLI (dist/cli.js): how long each takes, its exit code and the first line it
// prints on stderr. Nothing here is asserted (the tests check behaviour); this prints times to compare a change.
// usage: node out/bench/hostile.js [--timeout SECONDS] [--only NAME]   (NEWSMARK_CLI=path runs another build)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = process.env.NEWSMARK_CLI ?? resolve(__dirname, '../../dist/cli.js');
const argv = process.argv.slice(2);
const timeout = Number(argv[argv.indexOf('--timeout') + 1] || 0) * 1000 || 30000;
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;

const root = mkdtempSync(join(tmpdir(), 'newsmark-hostile-'));
const art = (words: number, seed = 1) => {
  const names = ['Ada Brenner', 'the port authority', 'Kestrel Bay', 'the ferry operator', 'Ilse Moray', 'the council'];
  const verbs = ['said', 'told reporters', 'wrote', 'added', 'confirmed', 'denied'];
  const out: string[] = [];
  let s = seed;
  const r = (n: number) => {
    s = (s * 1103515245 + 12345) >>> 0;
    return (s >>> 8) % n;
  };
  for (let i = 0; out.length < words; i++) {
    out.push(
      `${names[r(names.length)]} ${verbs[r(verbs.length)]} on day ${i} that crossing number ${r(900)} left at ${r(24)} hours.`,
    );
    if (i % 6 === 5) out.push('\n\n');
  }
  return out.join(' ');
};

function mkfifo(path: string): boolean {
  return spawnSync('mkfifo', [path]).status === 0;
}

interface Case {
  name: string;
  args: () => string[];
}
const cases: Case[] = [
  {
    name: 'symlink loop in a folder (check)',
    args: () => {
      const d = join(root, 'loop');
      mkdirSync(d);
      writeFileSync(join(d, 'a.txt'), art(50));
      symlinkSync('self.txt', join(d, 'self.txt'));
      return ['check', d];
    },
  },
  {
    name: 'dangling symlink in a folder (export)',
    args: () => {
      const d = join(root, 'dangling');
      mkdirSync(d);
      writeFileSync(join(d, 'a.txt'), art(50));
      symlinkSync('gone.txt', join(d, 'b.txt'));
      return ['export', '--format', 'csv', d];
    },
  },
  {
    name: 'sub -> .. in a folder (check)',
    args: () => {
      const d = join(root, 'updir');
      mkdirSync(d);
      writeFileSync(join(d, 'a.txt'), art(50));
      symlinkSync('..', join(d, 'sub'));
      return ['check', d];
    },
  },
  {
    name: '4 MB exact in a sidecar (anchors)',
    args: () => {
      const d = join(root, 'bigexact');
      mkdirSync(d);
      const text = art(100);
      writeFileSync(join(d, 'a.txt'), text);
      const exact = 'word '.repeat(800000);
      writeFileSync(
        join(d, 'a.txt.newsmark.yaml'),
        `version: 1\ndocument: {}\nannotations:\n  - id: x1\n    kind: note\n    anchor: { exact: ${JSON.stringify(exact)}, prefix: "", suffix: "", start: 0, end: ${exact.length} }\n`,
      );
      return ['anchors', d];
    },
  },
  {
    name: 'W3C nested 200,000 deep (import)',
    args: () => {
      const d = join(root, 'deep');
      mkdirSync(d);
      writeFileSync(join(d, 'a.txt'), art(50));
      writeFileSync(join(d, 'x.json'), '['.repeat(200000) + ']'.repeat(200000));
      return ['import', join(d, 'x.json'), join(d, 'a.txt'), '--dry-run'];
    },
  },
  {
    name: 'W3C 20,000 pages deep (import)',
    args: () => {
      const d = join(root, 'pages');
      mkdirSync(d);
      writeFileSync(join(d, 'a.txt'), art(50));
      let page = '{"type":"AnnotationPage","items":[]}';
      const parts: string[] = [];
      for (let i = 0; i < 20000; i++) parts.push('{"type":"AnnotationPage","items":[],"next":');
      page = parts.join('') + page + '}'.repeat(20000);
      writeFileSync(join(d, 'x.json'), `{"type":"AnnotationCollection","first":${page}}`);
      return ['import', join(d, 'x.json'), join(d, 'a.txt'), '--dry-run'];
    },
  },
  {
    name: 'W3C source with bad percent-encoding (import)',
    args: () => {
      const d = join(root, 'pct');
      mkdirSync(d);
      writeFileSync(join(d, 'a.txt'), art(50));
      writeFileSync(
        join(d, 'x.json'),
        JSON.stringify({
          type: 'Annotation',
          body: [],
          target: { source: 'file:///x/%E0%A4%A/a.txt', selector: [{ type: 'TextQuoteSelector', exact: 'said' }] },
        }),
      );
      return ['import', join(d, 'x.json'), join(d, 'a.txt'), '--dry-run'];
    },
  },
  {
    name: 'brat file of 300,000 lines (import)',
    args: () => {
      const d = join(root, 'brat');
      mkdirSync(d);
      const text = art(200);
      writeFileSync(join(d, 'a.txt'), text);
      const lines: string[] = [];
      for (let i = 0; i < 300000; i++) lines.push(`T${i + 1}\tNote 0 3\t${text.slice(0, 3)}`);
      writeFileSync(join(d, 'a.ann'), lines.join('\n') + '\n');
      return ['import', join(d, 'a.ann'), join(d, 'a.txt'), '--dry-run'];
    },
  },
  {
    name: '--out naming a file (export)',
    args: () => {
      const d = join(root, 'outfile');
      mkdirSync(d);
      writeFileSync(join(d, 'a.txt'), art(50));
      writeFileSync(join(d, 'o'), 'x');
      return ['export', '--format', 'csv', '--out', join(d, 'o'), join(d, 'a.txt')];
    },
  },
  {
    name: 'FIFO as an article (analyze)',
    args: () => {
      const d = join(root, 'fifo1');
      mkdirSync(d);
      mkfifo(join(d, 'p.txt'));
      return ['analyze', join(d, 'p.txt')];
    },
  },
  {
    name: 'FIFO inside a folder (check)',
    args: () => {
      const d = join(root, 'fifo2');
      mkdirSync(d);
      writeFileSync(join(d, 'a.txt'), art(50));
      mkfifo(join(d, 'p.txt'));
      return ['check', d];
    },
  },
  {
    name: '--published 2026-13-45 (analyze)',
    args: () => {
      const d = join(root, 'pub');
      mkdirSync(d);
      writeFileSync(join(d, 'a.txt'), art(50));
      return ['analyze', '--published', '2026-13-45', join(d, 'a.txt')];
    },
  },
  {
    name: 'NUL byte after 8 KB (analyze)',
    args: () => {
      const d = join(root, 'nul');
      mkdirSync(d);
      writeFileSync(join(d, 'a.txt'), art(3000) + '\0tail');
      return ['analyze', join(d, 'a.txt')];
    },
  },
  {
    name: 'import 10,000 W3C annotations',
    args: () => {
      const d = join(root, 'many');
      mkdirSync(d);
      const text = art(3000, 7);
      writeFileSync(join(d, 'a.txt'), text);
      const items = [];
      const words = [...text.matchAll(/\S+/g)];
      for (let i = 0; i < 10000; i++) {
        const m = words[(i * 7) % words.length];
        items.push({
          type: 'Annotation',
          id: `urn:x:${i}`,
          body: [{ type: 'TextualBody', purpose: 'commenting', value: `n${i}` }],
          target: {
            source: 'file:///a.txt',
            selector: [
              {
                type: 'TextQuoteSelector',
                exact: m[0],
                prefix: text.slice(Math.max(0, m.index! - 32), m.index),
                suffix: text.slice(m.index! + m[0].length, m.index! + m[0].length + 32),
              },
            ],
          },
        });
      }
      writeFileSync(join(d, 'x.json'), JSON.stringify(items));
      return ['import', join(d, 'x.json'), join(d, 'a.txt')];
    },
  },
  {
    name: 'anchors --write of 20,000 moves',
    args: () => {
      const d = join(root, 'moves');
      mkdirSync(d);
      const text = art(3000, 9);
      const lines = ['version: 1', 'document: {}', 'annotations:'];
      const words = [...text.matchAll(/[A-Za-z0-9]{2,}/g)].filter(m => /\s/.test(text[m.index! - 1] ?? ' '));
      const step = words.length / 20000;
      for (let i = 0; i < 20000; i++) {
        const m = words[Math.floor(i * step)];
        const s = m.index!;
        const e = s + m[0].length;
        // Stored before a 6-character insertion at the start: every annotation has moved.
        lines.push(
          `  - id: a${i}`,
          '    kind: note',
          `    anchor: { exact: ${JSON.stringify(m[0])}, prefix: ${JSON.stringify(text.slice(Math.max(0, s - 32), s))}, suffix: ${JSON.stringify(text.slice(e, e + 32))}, start: ${s}, end: ${e} }`,
        );
      }
      writeFileSync(join(d, 'a.txt'), 'Hello ' + text);
      writeFileSync(join(d, 'a.txt.newsmark.yaml'), lines.join('\n') + '\n');
      return ['anchors', '--write', join(d, 'a.txt')];
    },
  },
];

for (const c of cases) {
  if (only && !c.name.includes(only)) continue;
  const args = c.args();
  const t0 = process.hrtime.bigint();
  // CPU time from /usr/bin/time when there is one (the wall clock is unreliable on a shared machine).
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'CPU %U %S'] : [];
  // The CLI runs under timeout(1), which kills it (not only /usr/bin/time) when it takes too long.
  const cmd = [
    ...time,
    'timeout',
    '-s',
    'KILL',
    String(Math.ceil(timeout / 1000)),
    process.execPath,
    ...(process.env.PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF}`] : []),
    CLI,
    ...args,
  ];
  const r = spawnSync(cmd[0], cmd.slice(1), {
    encoding: 'utf8',
    timeout: timeout + 10000,
    maxBuffer: 1 << 30,
    killSignal: 'SIGKILL',
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const timedOut =
    (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') ||
    r.signal === 'SIGKILL' ||
    r.status === 137 ||
    /terminated by signal 9/.test(r.stderr ?? '');
  const lines = (r.stderr ?? '').split('\n').filter(Boolean);
  const cpuLine = [...lines].reverse().find(l => l.startsWith('CPU '));
  const cpu = cpuLine
    ? cpuLine
        .split(' ')
        .slice(1)
        .map(Number)
        .reduce((x: number, y: number) => x + y, 0)
    : null;
  const err = lines.filter(
    l => l !== cpuLine && !/^Command (exited with non-zero status|terminated by signal)/.test(l),
  );
  const trace = err.some(l => /^\s+at /.test(l));
  const status = timedOut ? '-' : time.length && r.status !== null ? r.status : r.status;
  console.log(
    `${c.name.padEnd(46)} ${timedOut ? `> ${(timeout / 1000).toFixed(0)} s (killed)` : `${(ms / 1000).toFixed(2)} s${cpu !== null ? ` (cpu ${cpu.toFixed(2)} s)` : ''}`}  exit ${status}${trace ? '  STACK TRACE' : ''}  ${(err[0] ?? '').slice(0, 100)}`,
  );
}
if (!process.env.KEEP) rmSync(root, { recursive: true, force: true });
else console.log(root);
