// `newsmark check PATH... [--json]`: the cross-article view of a set of articles.

import { relative } from 'node:path';
import type { CrossResult } from '../core/crossdoc';
import { clip } from '../core/text';
import { cliModel, toModelPath } from './files';

/** How an article is named in explanations: its outlet from the sidecar, else its path from here (or `name`). */
export async function labelOf(path: string, name?: string): Promise<string> {
  const outlet = await cliModel().outletOf(toModelPath(path));
  return outlet ?? name ?? (relative(process.cwd(), path) || path);
}

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
