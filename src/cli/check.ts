// `newsmark check PATH... [--json]`: the cross-article view of a set of articles.

import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { analyze, findPublicationDate } from '../core';
import { crossCheck, type CrossResult } from '../core/crossdoc';
import { readSidecar } from '../core/sidecar';
import { filesUnder, load, sidecarOf, why } from './files';

/** How an article is named in explanations: its outlet from the sidecar, else its path from here (or `name`). */
export function labelOf(path: string, name?: string): string {
  const sidecar = sidecarOf(path);
  const text = sidecar ? load(sidecar).text : undefined;
  const r = text === undefined ? null : readSidecar(text);
  const outlet = r && r.ok ? r.file.data.document.outlet : undefined;
  return typeof outlet === 'string' && outlet.trim() ? outlet.trim() : name ?? (relative(process.cwd(), path) || path);
}

const ARTICLE = /\.(?:txt|md|markdown|news)$/i;
const SKIP = new Set(['node_modules', '.git', '.newsmark', '.vscode-test', 'dist', 'out']);

/** Article files named by the paths: files as given, folders searched for .txt, .md and .news files. */
export function articlesIn(paths: string[], errors: { path: string; message: string }[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try { st = statSync(p); } catch (e) { errors.push({ path: p, message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : why(e) }); continue; }
    if (st.isDirectory()) { for (const f of filesUnder(p, n => ARTICLE.test(n), n => SKIP.has(n) || n.startsWith('.'), errors)) out.push(f); } else out.push(p);
  }
  return [...new Set(out)];
}

export function runCheck(paths: string[], published: (path: string) => string | null): CrossResult & { errors: { path: string; message: string }[] } {
  const errors: { path: string; message: string }[] = [];
  const files = articlesIn(paths, errors);
  const loaded = files.map(load);
  for (const l of loaded) if (l.error) errors.push({ path: l.path, message: l.error });
  const ok = loaded.filter(l => l.text !== undefined) as { path: string; text: string }[];
  const own = ok.map(l => published(l.path) ?? findPublicationDate(l.text));
  const story = own.filter((d): d is string => !!d).sort().pop() ?? null;
  const result = crossCheck(ok.map((l, i) => ({ doc: l.path, label: labelOf(l.path), text: l.text, analysis: analyze(l.text, { published: own[i], storyDate: story }) })));
  return { ...result, errors };
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ');

/** The readable report; `name` says how to name an article (default: as given). */
export function formatCheck(r: CrossResult, name: (doc: string) => string = d => d): string {
  const lines: string[] = [`${r.documents.length} articles, ${r.sources.length} sources, ${r.claims.length} shared claims, ${r.conflicts.length} conflicts`];
  lines.push('', 'Conflicts');
  if (r.conflicts.length === 0) lines.push('  none found');
  for (const c of r.conflicts) {
    lines.push(`  [${c.kind}${c.confidence !== undefined ? `, ${Math.round(c.confidence * 100)}% sure` : ''}] ${c.explanation}`);
    lines.push(`      ${name(c.a.doc)}: “${clip(c.a.text, 110)}”`);
    lines.push(`      ${name(c.b.doc)}: “${clip(c.b.text, 110)}”`);
  }
  lines.push('', 'Sources');
  for (const s of r.sources) lines.push(`  ${s.speaker} (${s.kind}) — ${s.mentions} in ${s.documents.length} article${s.documents.length === 1 ? '' : 's'}`);
  lines.push('', 'Claims reported by several articles');
  for (const c of r.claims) lines.push(`  ${c.id} (${c.independent} independent of ${new Set(c.mentions.map(m => m.doc)).size}) ${clip(c.summary, 100)}`);
  if (r.derived?.length) {
    lines.push('', 'Articles that are one report (rewrites of one another, counted once)');
    for (const d of r.derived) lines.push(`  ${d.origin ? `from ${d.origin}: ` : ''}${d.documents.map(name).join(', ')}`);
  }
  return lines.join('\n');
}
