// `newsmark check PATH... [--json]`: the cross-article view of a set of articles.

import { relative } from 'node:path';
import { analyze } from '../core';
import { CrossChecker } from '../core/cross/checkInput';
import type { CrossResult } from '../core/cross/crossdoc';
import { clip } from '../core/engine/text';
import { articlesIn, cliModel, load, toModelPath } from './files';

/** How an article is named in explanations: its outlet from the sidecar, else its path from here (or `name`). */
export async function labelOf(path: string, name?: string): Promise<string> {
  const outlet = await cliModel().outletOf(toModelPath(path));
  return outlet ?? name ?? (relative(process.cwd(), path) || path);
}

/**
 * The cross-article check of the articles named by the paths, in this thread (for tools such as bench/crossSample):
 * dates by the workspace model, `published` overriding the sidecar's; the user's judgements from the sidecars applied.
 */
export async function runCheck(
  paths: string[],
  published: (path: string) => string | null,
): Promise<CrossResult & { errors: { path: string; message: string }[] }> {
  const errors: { path: string; message: string }[] = [];
  const model = cliModel();
  const files = await articlesIn(paths, errors);
  const loaded = files.map(load);
  for (const l of loaded) if (l.error) errors.push({ path: l.path, message: l.error });
  const ok = loaded.filter(l => l.text !== undefined) as { path: string; text: string }[];
  // Each article kept as its compact record once analysed, in the order given.
  const checker = new CrossChecker();
  for (const l of ok) {
    const dates = await model.dateOptions(toModelPath(l.path), l.text);
    const own = published(l.path);
    checker.add({
      doc: l.path,
      label: await labelOf(l.path),
      text: l.text,
      analysis: analyze(l.text, own ? { ...dates, published: own } : dates),
    });
  }
  const result = checker.result({}, true);
  result.conflicts = await model.judged(
    result.conflicts,
    ok.map(l => ({ doc: l.path, path: toModelPath(l.path) })),
    p => relative(process.cwd(), p) || p,
  );
  return { ...result, errors };
}

/** The readable report; `name` says how to name an article (default: as given). */
export function formatCheck(r: CrossResult, name: (doc: string) => string = d => d): string {
  const lines: string[] = [
    `${r.documents.length} articles, ${r.sources.length} sources, ${r.claims.length} shared claims, ${r.conflicts.length} conflicts`,
  ];
  lines.push('', 'Conflicts');
  if (r.conflicts.length === 0) lines.push('  none found');
  for (const c of r.conflicts) {
    lines.push(
      `  [${c.kind}${c.confidence !== undefined ? `, ${Math.round(c.confidence * 100)}% sure` : ''}] ${c.explanation}`,
    );
    lines.push(`      ${name(c.a.doc)}: “${clip(c.a.text, 110)}”`);
    lines.push(`      ${name(c.b.doc)}: “${clip(c.b.text, 110)}”`);
  }
  lines.push('', 'Sources');
  for (const s of r.sources)
    lines.push(
      `  ${s.speaker} (${s.kind}) — ${s.mentions} in ${s.documents.length} article${s.documents.length === 1 ? '' : 's'}`,
    );
  lines.push('', 'Claims reported by several articles');
  for (const c of r.claims)
    lines.push(
      `  ${c.id} (${c.independent} independent of ${new Set(c.mentions.map(m => m.doc)).size}) ${clip(c.summary, 100)}`,
    );
  if (r.derived?.length) {
    lines.push('', 'Articles that are one report (rewrites of one another, counted once)');
    for (const d of r.derived)
      lines.push(`  ${d.origin ? `from ${d.origin}: ` : ''}${d.documents.map(name).join(', ')}`);
  }
  return lines.join('\n');
}
