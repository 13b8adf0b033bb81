// The article-import benchmark: 100 saved web pages imported one after the other on one core, as
// `newsmark import-article` does it (read the bytes, decode, parse, find the article and its metadata, write the
// article and its sidecar). The pages are made from test/fixtures/import: each good page in turn, with its story's
// paragraphs repeated 1 to 4 times, its headline numbered, and some pages in windows-1252 bytes; the refused pages
// (login wall, front page, script-only) are among them, as in a real folder of saved pages. Goal: < 10 s.
// usage: node out/bench/importBench.js [COUNT]

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importSource } from '../src/cli/importArticle';

const root = process.env.NEWSMARK_ROOT ?? resolve(__dirname, '../..');
const FIXTURES = join(root, 'test/fixtures/import');
const GOOD = [
  'jsonld-newsarticle.html',
  'opengraph-only.html',
  'microdata.html',
  'bare-article.html',
  'amp.html',
  'portal-wire.html',
  'dateline-only.html',
  'no-date.html',
  'encoding-sample.html',
];
const REFUSED = ['login-wall.html', 'no-article.html', 'script-only.html'];
const COUNT = Number(process.argv[2] ?? 100);

/** windows-1252 bytes of a text whose characters all have one (else UTF-8 is kept). */
function cp1252(s: string): Buffer | null {
  const high: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  const out = Buffer.alloc(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else if (high[s[i]] !== undefined) out[i] = high[s[i]];
    else return null;
  }
  return out;
}

/** Page k: a fixture, varied. */
function pageOf(k: number): Buffer {
  if (k % 10 === 9) return readFileSync(join(FIXTURES, REFUSED[((k / 10) % REFUSED.length) | 0]));
  let html = readFileSync(join(FIXTURES, GOOD[k % GOOD.length]), 'utf8');
  const times = 1 + (k % 4);
  html = html.replace(/(<p>(?:(?!<\/p>)[\s\S]){120,}?<\/p>)/g, p => p.repeat(times));
  html = html.replace(/(<h1[^>]*>)([^<]+)/, (_m, open: string, title: string) => `${open}${title} (${k})`);
  if (k % 5 === 2) {
    const bytes = cp1252(html.replace(/<meta charset="utf-8">/i, '<meta charset="windows-1252">'));
    if (bytes) return bytes;
  }
  return Buffer.from(html, 'utf8');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsmark-import-bench-'));
  const pagesDir = join(dir, 'pages');
  const out = join(dir, 'articles');
  mkdirSync(pagesDir);
  const files: string[] = [];
  let bytes = 0;
  for (let k = 0; k < COUNT; k++) {
    const b = pageOf(k);
    bytes += b.length;
    const f = join(pagesDir, `page-${k}.html`);
    writeFileSync(f, b);
    files.push(f);
  }
  // One warm-up import, so the figure is the steady pace and not the first load of the parser.
  await importSource(files[0], { out: join(dir, 'warm') });
  const t0 = performance.now();
  let ok = 0;
  let refused = 0;
  for (const f of files) {
    const r = await importSource(f, { out });
    if (r.ok) ok++;
    else refused++;
  }
  const ms = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `import bench: ${COUNT} saved pages (${(bytes / 1024).toFixed(0)} KB) from test/fixtures/import, varied; one core`,
  );
  console.log(
    `  ${(ms / 1000).toFixed(2)} s in all, ${(ms / COUNT).toFixed(1)} ms a page; ${ok} imported, ${refused} refused with a message`,
  );
  console.log(`  goal: 100 pages < 10 s ${(ms / COUNT) * 100 < 10000 ? '✓' : '✗'}`);
}

void main();
